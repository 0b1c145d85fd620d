"""Schema-driven front-matter form: one editor per known field, a table for the rest, and
the YAML source itself behind a toggle.

The form is a view: it never changes the post. Writers' edits come out as signals
(``fieldChanged``, ``fieldRemoved``, ``sourceChanged``); the window applies them to the
post with its lossless edits and calls :meth:`FrontMatterForm.refresh`, which updates the
widgets without emitting anything and without touching the widget being typed in.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor.document.post import Post
from editor.site.jekyll import parse_post_filename
from editor.site.schema import Field, Schema, SchemaError, SchemaReader
from editor.ui.form.date_choice_fields import BoolFieldEditor, ChoiceFieldEditor, DateFieldEditor
from editor.ui.form.image_field import ImageFieldEditor
from editor.ui.form.list_field import ListFieldEditor
from editor.ui.form.other_fields import OtherFieldsTable
from editor.ui.form.widgets import (
    ERROR_COLOUR,
    WARNING_COLOUR,
    FieldEditor,
    FocusOutWatcher,
    LineFieldEditor,
    TextFieldEditor,
    is_focus_within,
    make_debouncer,
)

# Labels and hints of the bundled schema, listed so lupdate puts them in the .ts files;
# the form translates them at run time with QCoreApplication.translate("schema", text).
SCHEMA_TEXTS = (
    QT_TRANSLATE_NOOP("schema", "Title"),
    QT_TRANSLATE_NOOP("schema", "The headline readers see first."),
    QT_TRANSLATE_NOOP("schema", "Categories"),
    QT_TRANSLATE_NOOP("schema", "Press Enter to add a category."),
    QT_TRANSLATE_NOOP("schema", "Tags"),
    QT_TRANSLATE_NOOP("schema", "Press Enter to add a tag."),
    QT_TRANSLATE_NOOP("schema", "Excerpt"),
    QT_TRANSLATE_NOOP("schema", "Summary for listings and search results."),
    QT_TRANSLATE_NOOP("schema", "Feature text"),
    QT_TRANSLATE_NOOP("schema", "Text shown over the feature image."),
    QT_TRANSLATE_NOOP("schema", "Image"),
    QT_TRANSLATE_NOOP("schema", "Web address or local file of the feature image."),
    QT_TRANSLATE_NOOP("schema", "Date"),
    QT_TRANSLATE_NOOP("schema", "Layout"),
    QT_TRANSLATE_NOOP("schema", "Permalink"),
    QT_TRANSLATE_NOOP("schema", "Published"),
    QT_TRANSLATE_NOOP("schema", "Jekyll leaves out posts marked as not published."),
)

_EDITORS: dict[str, type[FieldEditor]] = {
    "line": LineFieldEditor,
    "text": TextFieldEditor,
    "list": ListFieldEditor,
    "date": DateFieldEditor,
    "bool": BoolFieldEditor,
    "choice": ChoiceFieldEditor,
    "image": ImageFieldEditor,
}


def schema_text(text: str) -> str:
    """A schema label or hint in the interface language."""
    return QCoreApplication.translate("schema", text) if text else ""


class FrontMatterForm(QWidget):
    """The front matter of one post as a form, or as YAML source behind a toggle."""

    fieldChanged = Signal(str, object)  # noqa: N815 (Qt-style signal names)
    fieldRemoved = Signal(str)  # noqa: N815
    sourceChanged = Signal(str)  # noqa: N815
    # Each key the writer types in a field or the YAML source, at once (the edit itself
    # is reported after the typing pause): background work can give way meanwhile.
    typed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(300)
        self._schema: Schema | None = None
        self._schema_reader = SchemaReader()
        self.schema_warning: SchemaError | None = None
        self._editors: dict[str, FieldEditor] = {}
        self._labels: dict[str, QLabel] = {}
        self._site_root: Path | None = None
        self._post_dir: Path | None = None
        self._offline = False
        self._completions: dict[str, tuple[str, ...]] = {"categories": (), "tags": ()}
        self._emitting = 0
        self._setting_source = False
        self._source_pending = False
        self._post: Post | None = None
        # Views skipped by a refresh because the writer was in them; caught up on focus change.
        self._stale: set[str] = set()

        self.source_toggle = QToolButton()
        self.source_toggle.setText(self.tr("Front matter source"))
        self.source_toggle.setToolTip(self.tr("Edit the front matter as YAML text"))
        self.source_toggle.setCheckable(True)
        self.source_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.source_toggle.toggled.connect(self.show_source)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Front matter"))
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        top.addWidget(heading)
        top.addStretch(1)
        top.addWidget(self.source_toggle)

        self.schema_banner = self._banner(WARNING_COLOUR)
        self.error_banner = self._banner(ERROR_COLOUR)

        self.fields_widget = QWidget()
        self.fields_layout = QFormLayout()
        self.fields_layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.fields_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields_layout.setContentsMargins(0, 0, 0, 0)
        self.fields_layout.setVerticalSpacing(4)
        self.other_fields = OtherFieldsTable()
        self.other_fields.edited.connect(self._emit_change)
        self.other_fields.removed.connect(self._emit_removal)
        other_heading = QLabel(self.tr("Other fields"))
        other_heading.setFont(font)
        other_heading.setToolTip(self.tr("Front-matter keys this form has no field for. "
                                         "Values are YAML, e.g. [a, b] or 2024-01-01."))
        fields_box = QVBoxLayout(self.fields_widget)
        fields_box.setContentsMargins(6, 6, 6, 6)
        fields_box.addLayout(self.fields_layout)
        fields_box.addSpacing(10)
        fields_box.addWidget(other_heading)
        fields_box.addWidget(self.other_fields)
        fields_box.addStretch(1)

        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setWidget(self.fields_widget)

        self.source_edit = QPlainTextEdit()
        self.source_edit.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.source_edit.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.source_edit.setPlaceholderText(self.tr("No front matter yet: type YAML here "
                                                    "(for example, title: My post)."))
        self.source_edit.textChanged.connect(self._source_typed)
        self._follow_keys(self.source_edit)
        self._source_timer = make_debouncer(self, self.flush_source)
        FocusOutWatcher(self.source_edit, self.flush_source)
        app = QCoreApplication.instance()
        if app is not None and hasattr(app, "focusChanged"):
            app.focusChanged.connect(self._focus_changed)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.scroll)
        self.stack.addWidget(self.source_edit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.schema_banner)
        layout.addWidget(self.error_banner)
        layout.addWidget(self.stack, 1)

    # -- public API ----------------------------------------------------------------

    @property
    def schema(self) -> Schema | None:
        """The schema the form is built from (after :meth:`set_post`)."""
        return self._schema

    def editor(self, key: str) -> FieldEditor | None:
        """The editor of a schema field."""
        return self._editors.get(key)

    def label(self, key: str) -> QLabel | None:
        """The label shown above a schema field."""
        return self._labels.get(key)

    def set_post(self, post: Post, *, site_root: Path | None = None,
                 categories: Iterable[str] = (), tags: Iterable[str] = ()) -> None:
        """Show *post*: load the site's schema, build the fields and fill them in.

        *categories* and *tags* are the values already used in the site, offered while
        typing. A broken site schema falls back to the bundled one with a warning.
        """
        schema, warning = self._schema_reader.load(site_root)
        self.schema_warning = warning
        if warning is not None:
            self.schema_banner.setText(
                self.tr("The site's form description was not used: {error}")
                .format(error=warning))
        self.schema_banner.setVisible(warning is not None)
        self._site_root = Path(site_root) if site_root is not None else None
        self._completions = {"categories": tuple(categories), "tags": tuple(tags)}
        if schema != self._schema:
            self._build(schema)
        self.other_fields.clear()
        for editor in self._editors.values():
            if isinstance(editor, ListFieldEditor):
                kind = editor.field.option("completion")
                editor.set_completions(self._completions.get(kind, ()) if kind else ())
        self._refresh(post, loading=True)
        if post.yaml_error is not None:
            # The writer can only fix it in the source, so show it there right away.
            self.source_toggle.setChecked(True)
            self._put_cursor_at(post.yaml_error.line)

    def _put_cursor_at(self, file_line: int | None) -> None:
        if not file_line:
            return
        # The opening fence is file line 1, so YAML line n is file line n + 1.
        block = self.source_edit.document().findBlockByNumber(max(file_line - 2, 0))
        if block.isValid():
            cursor = self.source_edit.textCursor()
            cursor.setPosition(block.position())
            self.source_edit.setTextCursor(cursor)
            self.source_edit.centerCursor()

    def refresh(self, post: Post) -> None:
        """Update the widgets from *post* without emitting and without disturbing typing."""
        self._refresh(post, loading=False)

    def set_offline(self, offline: bool) -> None:
        """Whether web images may be fetched for thumbnails."""
        self._offline = offline
        self._update_image_context()

    def show_source(self, show: bool) -> None:
        """Switch between the fields and the YAML source."""
        if self.source_toggle.isChecked() != show:
            self.source_toggle.setChecked(show)  # comes back here through toggled
            return
        if not show:
            self.flush_source()
        self.stack.setCurrentWidget(self.source_edit if show else self.scroll)

    def is_showing_source(self) -> bool:
        """True while the YAML source is shown instead of the fields."""
        return self.stack.currentWidget() is self.source_edit

    def flush_pending(self) -> None:
        """Report every edit still waiting for the typing pause (call before saving)."""
        for editor in self._editors.values():
            flush = getattr(editor, "flush", None)
            if flush is not None:
                flush()
        self.flush_source()

    def flush_source(self) -> None:
        """Report pending source edits now instead of after the typing pause."""
        self._source_timer.stop()
        if self._source_pending:
            self._source_pending = False
            self.sourceChanged.emit(self.source_edit.toPlainText())

    # -- building --------------------------------------------------------------------

    def _follow_keys(self, widget: QWidget) -> None:
        """``typed`` for each edit the writer makes in ``widget``'s text boxes."""
        lines = [widget] if isinstance(widget, QLineEdit) else widget.findChildren(QLineEdit)
        for line in lines:
            line.textEdited.connect(lambda _text: self.typed.emit())
        texts = [widget] if isinstance(widget, QPlainTextEdit) else widget.findChildren(
            QPlainTextEdit)
        for text in texts:  # textChanged also comes from loading: only while in the box
            text.textChanged.connect(lambda box=text: self.typed.emit() if box.hasFocus()
                                     else None)

    def _build(self, schema: Schema) -> None:
        while self.fields_layout.rowCount():
            self.fields_layout.removeRow(0)
        self._editors.clear()
        self._labels.clear()
        self._schema = schema
        for field in schema:
            editor = self._make_editor(field)
            label = QLabel(schema_text(field.label) + (" *" if field.required else ""))
            label.setBuddy(getattr(editor, "line", None) or getattr(editor, "text", None)
                           or editor)
            hint = schema_text(field.hint)
            if hint:
                label.setToolTip(hint)
                editor.setToolTip(hint)
            editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
            self._editors[field.key] = editor
            self._labels[field.key] = label
            self.fields_layout.addRow(label, editor)
            editor.edited.connect(lambda value, key=field.key: self._editor_edited(key, value))
            editor.removed.connect(lambda key=field.key: self._editor_edited(key, None))
            self._follow_keys(editor)
        for editor in self._editors.values():
            if isinstance(editor, TextFieldEditor) and editor.same_box is not None:
                source_key = editor.field.option("same_as")
                source = self._editors[source_key]
                assert isinstance(source, TextFieldEditor)
                source.textLive.connect(
                    lambda text, target=editor: target.show_text(text) if target.is_same()
                    else None)
                editor.sameToggled.connect(
                    lambda checked, target=editor, origin=source:
                    self._same_toggled(target, origin, checked))
        self._update_image_context()

    def _make_editor(self, field: Field) -> FieldEditor:
        if field.widget == "text" and field.option("same_as"):
            other = self._schema.field(field.option("same_as")) if self._schema else None
            other_label = schema_text(other.label) if other else field.option("same_as")
            return TextFieldEditor(field, same_as_label=self.tr("Same as {field}")
                                   .format(field=other_label.lower()))
        return _EDITORS[field.widget](field)

    def _update_image_context(self) -> None:
        for editor in self._editors.values():
            if isinstance(editor, ImageFieldEditor):
                editor.set_context(self._post_dir, self._site_root, self._offline)

    @staticmethod
    def _banner(colour: str) -> QLabel:
        banner = QLabel()
        banner.setWordWrap(True)
        banner.setVisible(False)
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        banner.setStyleSheet(f"QLabel {{ border: 1px solid {colour}; border-radius: 4px;"
                             f" padding: 4px; color: {colour}; }}")
        return banner

    # -- document -> widgets -----------------------------------------------------------

    def _refresh(self, post: Post, loading: bool) -> None:
        self._post = post
        if loading:
            self._stale.clear()
        post_dir = post.path.parent if post.path is not None else None
        if post_dir != self._post_dir:
            self._post_dir = post_dir
            self._update_image_context()
        self._refresh_source(post, loading)
        error = post.yaml_error
        if error is not None:
            self.error_banner.setText(
                self.tr("The front matter is not valid YAML (line {line}, column {column}): "
                        "{message}\nThe fields wait until it is fixed.")
                .format(line=error.line or "?", column=error.column or "?",
                        message=error.message))
            self.error_banner.setVisible(True)
            self.fields_widget.setEnabled(False)
            return
        self.error_banner.setVisible(False)
        self.fields_widget.setEnabled(True)

        metadata = post.metadata
        file_day = parse_post_filename(post.path.name)[0] if post.path is not None else None
        for key, editor in self._editors.items():
            if isinstance(editor, DateFieldEditor) and key == "date":
                editor.file_date = file_day  # Jekyll's date when the key is absent
            if loading or not editor.is_editing():
                editor.set_value(metadata.get(key), key in metadata)
                self._stale.discard(key)
            else:
                self._stale.add(key)
        for editor in self._editors.values():
            if not isinstance(editor, TextFieldEditor) or editor.same_box is None:
                continue
            source_key = editor.field.option("same_as")
            equal = _text_or_none(metadata.get(source_key)) == _text_or_none(
                metadata.get(editor.field.key))
            if loading:
                editor.set_same(equal)
            elif editor.is_same() and not equal and not self._emitting:
                # The two were made different elsewhere (e.g. in the source): stop mirroring.
                editor.set_same(False)
        if self._schema is not None and (loading or not self.other_fields.is_editing()):
            others = {key: value for key, value in metadata.items() if key not in self._schema}
            self.other_fields.set_values(others, taken=set(self._schema.keys()))
            self._stale.discard(_OTHERS)
        elif self._schema is not None:
            self._stale.add(_OTHERS)

    def _refresh_source(self, post: Post, loading: bool) -> None:
        text = post.front_matter_text or ""
        if loading:
            self._source_timer.stop()
            self._source_pending = False
        if self.source_edit.toPlainText() == text:
            self._stale.discard(_SOURCE)
            return
        if not loading and (is_focus_within(self.source_edit) or self._source_pending):
            self._stale.add(_SOURCE)
            return
        self._stale.discard(_SOURCE)
        self._setting_source = True
        try:
            self.source_edit.setPlainText(text)
        finally:
            self._setting_source = False

    def _focus_changed(self, _old: QWidget | None, _new: QWidget | None) -> None:
        # The application's signal can outlive this form's widgets.
        if self._stale and shiboken6.isValid(self):
            # After the widget left has reported its last edit (on its own focus-out).
            # With the form as context, the call is dropped if the form is deleted first.
            QTimer.singleShot(0, self, self._catch_up)

    def _catch_up(self) -> None:
        if self._stale and self._post is not None:
            self._refresh(self._post, loading=False)

    # -- widgets -> signals -----------------------------------------------------------------

    def _editor_edited(self, key: str, value: Any) -> None:
        self._emitting += 1
        try:
            if value is None:
                self._emit_removal(key)
            else:
                self._emit_change(key, value)
            for editor in self._editors.values():
                if (isinstance(editor, TextFieldEditor) and editor.is_same()
                        and editor.field.option("same_as") == key):
                    editor.report_mirrored(value)
        finally:
            self._emitting -= 1

    def _same_toggled(self, target: TextFieldEditor, origin: TextFieldEditor,
                      checked: bool) -> None:
        if checked:
            self._emitting += 1
            try:
                target.report_mirrored(origin.current_value())
            finally:
                self._emitting -= 1

    def _emit_change(self, key: str, value: Any) -> None:
        self.fieldChanged.emit(key, value)

    def _emit_removal(self, key: str) -> None:
        self.fieldRemoved.emit(key)

    def _source_typed(self) -> None:
        if not self._setting_source:
            self._source_pending = True
            self._source_timer.start()


_SOURCE = "\0source"
_OTHERS = "\0other fields"


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    return str(value)
