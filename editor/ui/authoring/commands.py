"""House-style authoring in the source editor: highlight presets and block tools.

The text operations are the core's (``editor.authoring.highlights``, ``blocks``, ``tables``,
``paste``); this controller reads the selection, calls them, and writes the result
back as ONE undo step: only the changed stretch is replaced, inside a QTextCursor
edit block, and the selection the core returns is shown. It also owns the preset
actions (built from the presets, with their shortcuts, rebuilt when the writer edits
the presets), the editor's context menu entries and the paste handling.

The window's action table names these methods as handlers (Format and Insert menus,
the Edit menu's preset and signature entries). Dialogs are asked through the
window's Prompter, which returns plain values, so tests answer them with a scripted one.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QMenu,
    QToolBar,
    QWidget,
)

from editor.authoring import blocks, highlights, tables
from editor.authoring.highlights import Edit, Preset
from editor.site.assets import PastedPictures
from editor.ui.authoring import preset_dialog
from editor.ui.authoring.block_dialogs import Signature
from editor.ui.authoring.heading_text import drop_emptied_line, heading_label_html
from editor.ui.authoring.paste import clipboard_plain_text, png_bytes, rich_paste_text
from editor.ui.shell import actions as action_table
from editor.ui.shell.plurals import plural
from editor.ui.source.editor import SourceEditor

if TYPE_CHECKING:
    from editor.ui.shell.prompter import Prompter



class Authoring(QObject):
    """Applies presets and house blocks to one SourceEditor."""

    #: The preset list changed (edited in the preset dialog); carries the new list.
    presetsChanged = Signal(list)  # noqa: N815 - Qt signal naming

    def __init__(self, editor: SourceEditor, prompter: Prompter, *, settings: Any = None,
                 site_root: Callable[[], Path | None] | None = None,
                 set_field: Callable[[str, object], object] | None = None,
                 status: Callable[[str], None] | None = None,
                 presets: list[Preset] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.settings = settings  # editor.ui.shell.settings.Settings, or None (no signature)
        self.site_root = site_root or (lambda: None)
        self.set_field = set_field  # writes a front-matter field (lead image), or None
        self.prompter = prompter  # every dialog: link, image, table, signature, presets…
        self.status = status or (lambda _text: None)  # short reports (pictures kept)
        if presets is None:
            loaded = highlights.load_presets()
            presets, self.preset_error = loaded.presets, loaded.error
        else:
            self.preset_error = None
        self._presets: list[Preset] = list(presets)
        self._preset_actions: list[QAction] = []
        self._format_menu: QMenu | None = None
        self._toolbar: QToolBar | None = None
        self._anchor: QAction | None = None  # the preset actions follow this one
        self._window: QWidget | None = None
        self._extra_context: list[QAction] = []
        self._insert_menu: QMenu | None = None

        self._make_preset_actions()
        editor.mime_text_hook = self._text_for_mime
        #: Called with (menu, click position or None) to add entries (spelling's go on top).
        self.context_menu_extras: list[Callable[[QMenu, QPoint | None], None]] = []
        editor.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        editor.customContextMenuRequested.connect(self._show_context_menu)

    # ------------------------------------------------------------------ presets

    @property
    def presets(self) -> list[Preset]:
        """The highlight presets in menu order."""
        return list(self._presets)

    def preset(self, preset_id: str) -> Preset | None:
        """The preset with ``preset_id`` (an action id's prefix is ignored)."""
        preset_id = preset_id.removeprefix(action_table.HIGHLIGHT_PREFIX)
        return next((p for p in self._presets if p.id == preset_id), None)

    def set_presets(self, presets: list[Preset]) -> None:
        """Use a new preset list: actions, shortcuts and menus are rebuilt."""
        self._presets = list(presets)
        self._make_preset_actions()
        self.presetsChanged.emit(self.presets)

    def reload_presets(self) -> str | None:
        """Read the presets again from the user's file; returns the load error, if any."""
        loaded = highlights.load_presets()
        self.preset_error = loaded.error
        self.set_presets(loaded.presets)
        return loaded.error

    def preset_actions(self) -> list[QAction]:
        """One action per preset (the bold kind is the window's Bold action)."""
        return list(self._preset_actions)

    def preset_action(self, preset_id: str) -> QAction:
        """The action of ``preset_id`` (KeyError if it has none)."""
        for action in self._preset_actions:
            if action.objectName() == f"action_{action_table.HIGHLIGHT_PREFIX}{preset_id}":
                return action
        raise KeyError(preset_id)

    def _make_preset_actions(self) -> None:
        for action in self._preset_actions:
            for widget in action.associatedObjects():
                if isinstance(widget, QWidget):
                    widget.removeAction(action)
            action.deleteLater()
        self._preset_actions = []
        for row in action_table.highlight_rows(self._presets):
            action = action_table.make_action(
                self, row, functools.partial(self.apply_preset, row.id))
            preset = self.preset(row.id)
            if preset is not None:
                action.setIcon(preset_dialog.preset_icon(preset))
                tip = self.tr("Apply “{name}” to the selection; again removes it").format(
                    name=preset_dialog.preset_name(preset))
                action.setStatusTip(tip)
                action.setToolTip(tip)
            self._preset_actions.append(action)
        self._place_preset_actions()

    def _place_preset_actions(self) -> None:
        for widget in (self._format_menu, self._toolbar):
            if widget is not None:
                _insert_after(widget, self._anchor, self._preset_actions)
        if self._window is not None:
            # Shortcuts work even while the menu bar is hidden.
            self._window.addActions(self._preset_actions)

    def install(self, window: QWidget, format_menu: QMenu, toolbar: QToolBar | None = None,
                *, after: QAction | None = None, insert_menu: QMenu | None = None,
                context_actions: list[QAction] | None = None) -> None:
        """Put the preset actions into the window's Format menu and toolbar.

        They go right after ``after`` (the Bold action) where it appears, else at the
        end. ``insert_menu`` is repeated in the editor's context menu, after the preset
        actions and ``context_actions`` (e.g. the window's Bold action).
        """
        self._window = window
        self._format_menu = format_menu
        self._toolbar = toolbar
        self._anchor = after
        self._insert_menu = insert_menu
        self._extra_context = list(context_actions or [])
        self._make_preset_actions()

    def edit_presets(self) -> bool:
        """Show the preset dialog; on OK the saved list is loaded back and applied."""
        chosen = self.prompter.ask_presets(self.presets)
        if chosen is None:
            return False
        error = self.reload_presets()
        if error:
            self.prompter.error(self.tr("Highlight Presets"), error)
        return True

    # ------------------------------------------------------------------ text access

    def body_format(self) -> str:
        """"html" or "markdown": how the editor's text is written."""
        return self.editor.body_format()

    def selection(self) -> tuple[str, int, int]:
        """(text, start, end): the editor's text and selection in Python indexes."""
        return self.editor.selection_range()

    def apply_edit(self, old: str, edit: Edit) -> bool:
        """Write ``edit`` over ``old`` (the editor's text) as one undo step.

        Through the editor's one edit path (``SourceEditor.replace_text``): only the
        changed stretch is replaced and the selection becomes ``edit.start``..``edit.end``.
        Returns False when nothing changed (the selection is still set).
        """
        self.editor.replace_text(edit.text, (edit.start, edit.end))
        return edit.text != old

    # ------------------------------------------------------------------ highlights

    def apply_preset(self, preset_id: str) -> bool:
        """Wrap, unwrap or re-style the selection with a preset (see highlights.apply_preset)."""
        preset = self.preset(preset_id)
        if preset is None:
            return False
        text, start, end = self.selection()
        edit = highlights.apply_preset(text, start, end, preset, self._presets,
                                       self.body_format())
        done = self.apply_edit(text, edit)
        if not done:
            # Only markup, rules or fences selected: say so instead of doing nothing.
            self.status(self.tr("“{name}” needs text to apply to: the selection holds only "
                                "markup.").format(name=preset_dialog.preset_name(preset)))
        return done

    def make_bold(self) -> bool:
        """Format > Bold: the bold preset in HTML bodies (toggles), ``**…**`` in Markdown."""
        bold = next((p for p in self._presets if p.kind == "bold"), None)
        if self.body_format() == "markdown" or bold is None:
            opening, closing = ("**", "**") if self.body_format() == "markdown" else (
                "<b>", "</b>")
            text, start, end = self.selection()
            new = text[:start] + opening + text[start:end] + closing + text[end:]
            done = self.apply_edit(text, Edit(new, start + len(opening), end + len(opening)))
        else:
            done = self.apply_preset(bold.id)
        if done:
            self.editor.setFocus()
        return done

    # ------------------------------------------------------------------ blocks

    def _insert(self, text: str, offset: int, block: str) -> bool:
        """Insert ``block`` on its own lines near ``offset`` (see blocks.insert_block)."""
        return self.apply_edit(text, blocks.insert_block(text, offset, block))

    def insert_heading(self, level: int) -> bool:
        """Section heading (h2 size26, h3 size23, h4 size20; ``##`` in Markdown).

        A selection on one line becomes the heading's text (and leaves the line);
        otherwise a placeholder is written and selected for typing over.
        """
        text, start, end = self.selection()
        fmt = self.body_format()
        chosen = text[start:end]
        if chosen.strip() and "\n" not in chosen:
            label = chosen.strip()
            text_after = text[:start] + text[end:]
            offset = start
        else:
            label = self.tr("Section heading")
            text_after, offset = text, end
        block = blocks.heading(level, label, fmt)
        if text_after is not text:
            text_after, offset = drop_emptied_line(text_after, offset)
        edit = blocks.insert_block(text_after, offset, block)
        shown = " ".join(label.split()) if fmt == "markdown" else heading_label_html(label)
        inner = edit.start + block.rfind(shown)
        return self.apply_edit(text, Edit(edit.text, inner, inner + len(shown)))

    def insert_spacer(self) -> bool:
        """Insert > Spacer: ``<p data-ke-size="size16">&nbsp;</p>`` after the current block."""
        text, _start, end = self.selection()
        return self._insert(text, end, blocks.spacer(self.body_format()))

    def insert_rule(self) -> bool:
        """Insert > Horizontal Rule (``<hr />``; ``***`` in Markdown)."""
        text, _start, end = self.selection()
        return self._insert(text, end, blocks.rule(self.body_format()))

    def insert_link(self) -> bool:
        """Insert > Link: the selection becomes the link text; the dialog asks the address."""
        text, start, end = self.selection()
        chosen = text[start:end]
        if chosen.strip():
            # Spaces at either edge of the selection stay outside the link.
            start += len(chosen) - len(chosen.lstrip())
            end -= len(chosen) - len(chosen.rstrip())
            chosen = text[start:end]
        if "\n" in chosen:
            chosen, end = "", start
        url = ""
        clip = clipboard_plain_text().strip()
        if clip.startswith(("http://", "https://")) and not any(c.isspace() for c in clip):
            url = clip
        answer = self.prompter.ask_link(chosen, url)
        if answer is None:
            return False
        label, address = answer
        try:
            markup = blocks.link(label, address, self.body_format())
        except ValueError as exc:
            self.prompter.error(self.tr("Insert Link"), str(exc))
            return False
        new = text[:start] + markup + text[end:]
        return self.apply_edit(text, Edit(new, start, start + len(markup)))

    def insert_image(self) -> bool:
        """Insert > Lead Image: a local file copied into the site's assets, or a web address."""
        text, _start, end = self.selection()
        choice = self.prompter.ask_image(self.site_root())
        if choice is None:
            return False
        try:
            block = blocks.image(choice.src, choice.alt, self.body_format())
        except ValueError as exc:
            self.prompter.error(self.tr("Insert Lead Image"), str(exc))
            return False
        done = self._insert(text, end, block)
        if choice.use_as_feature and self.set_field is not None:
            self.set_field("image", choice.src)
        return done

    def insert_table(self) -> bool:
        """Insert > Summary Table: edits the table at the cursor, or inserts a new one."""
        text, start, end = self.selection()
        fmt = self.body_format()
        span = tables.table_at(text, start, fmt)
        headers: tuple[str, str] = tables.DEFAULT_HEADERS
        rows: list[tables.Row] = [("", ""), ("", "")]
        if span is not None:
            try:
                headers, rows = tables.parse_summary_table(text[span[0]:span[1]])
            except tables.TableError:
                span = None
        answer = self.prompter.ask_table(headers, rows, span is not None)
        if answer is None:
            return False
        headers, rows = answer
        if not rows:
            return False
        markup = tables.build_summary_table(rows, headers, fmt)
        if span is not None:
            new = tables.replace_table(text, span, rows, headers, fmt)
            return self.apply_edit(text, Edit(new, span[0], span[0] + len(markup)))
        return self._insert(text, end, markup)

    def signature(self) -> Signature:
        """The signature kept in the settings (empty without settings)."""
        if self.settings is None:
            return Signature("", "", "")
        prefs = self.settings.prefs
        return Signature(prefs.signature_text, prefs.signature_link_text, prefs.signature_url)

    def edit_signature(self) -> bool:
        """Edit > Signature: change the footer text and link kept in the preferences."""
        if self.settings is None:
            return False
        chosen = self.prompter.ask_signature(self.signature())
        if chosen is None:
            return False
        prefs = self.settings.prefs
        prefs.signature_text = chosen.text
        prefs.signature_link_text = chosen.link_text
        prefs.signature_url = chosen.url
        return True

    def insert_signature(self) -> bool:
        """Insert > Signature: writes the footer once; later it updates the one there."""
        if not self.signature().url and not self.edit_signature():
            return False
        value = self.signature()
        if not value.url:
            return False
        text = self.editor.body_text()
        try:
            new = blocks.set_signature(text, value.text, value.link_text, value.url,
                                       self.body_format())
        except ValueError as exc:
            self.prompter.error(self.tr("Insert Signature"), str(exc))
            return False
        span = blocks.find_signature(new) or (len(new), len(new))
        return self.apply_edit(text, Edit(new, *span))

    # ------------------------------------------------------------------ paste

    def _text_for_mime(self, mime: QMimeData) -> str | None:
        pictures = PastedPictures(self.site_root(), datetime.now().strftime("pasted-%Y%m%d-%H%M%S"))
        if mime.hasImage() and not mime.hasHtml():
            return self._paste_picture(mime, pictures)
        text = rich_paste_text(mime, self._presets, self.body_format(), pictures.keep)
        self._report_pictures(pictures)
        return text

    def _paste_picture(self, mime: QMimeData, pictures: PastedPictures) -> str:
        """A copied picture (a screenshot) saved into the site's assets and put in as an
        image block; "" either way (nothing for the editor to insert)."""
        data = png_bytes(mime.imageData())
        if data is None:
            self.prompter.error(self.tr("Paste Picture"),
                            self.tr("The clipboard's picture could not be read."))
            return ""
        self._put_picture(self.tr("Paste Picture"), pictures,
                          lambda: pictures.keep_data(data, ".png"))
        return ""

    def insert_picture_file(self, path: Path) -> bool:
        """A picture file dropped on the editor: copied into the site's assets and put in
        as an image block at the cursor."""
        pictures = PastedPictures(self.site_root(), path.stem)
        return self._put_picture(self.tr("Insert Picture"), pictures,
                                 lambda: pictures.keep_file(path))

    def _put_picture(self, title: str, pictures: PastedPictures,
                     store: Callable[[], str | None]) -> bool:
        """Ask for the alt text, ``store`` the picture and insert its image block."""
        if self.editor.isReadOnly():
            return False
        if pictures.site_root is None:
            self.prompter.error(title, self.tr(
                "Pictures put into a post are kept in the assets/images folder of a Jekyll "
                "site. Save the post inside a site (a folder with _config.yml) first."))
            return False
        alt = self.prompter.ask_alt_text(title)
        if alt is None:
            return False
        if not alt.strip():
            self.prompter.error(title, self.tr(
                "Describe the picture in the alt text: the preview shows it offline and "
                "screen readers read it aloud."))
            return False
        url = store()
        if url is None:
            self.prompter.error(title, self.tr("Could not save the picture: {problem}").format(
                problem=pictures.error))
            return False
        text, _start, end = self.selection()
        self._insert(text, end, blocks.image(url, alt, self.body_format()))
        self._report_pictures(pictures)
        return True

    def _report_pictures(self, pictures: PastedPictures) -> None:
        if pictures.left_out and pictures.site_root is None:
            self.status(plural(pictures.left_out, self.tr(
                "{count} pasted picture left out: save the post inside a Jekyll site "
                "(a folder with _config.yml) to keep pasted pictures in its assets/images "
                "folder."), self.tr(
                "{count} pasted pictures left out: save the post inside a Jekyll site "
                "(a folder with _config.yml) to keep pasted pictures in its assets/images "
                "folder.")))
        elif pictures.left_out:
            problem = pictures.error or self.tr("not a picture a browser shows")
            self.status(plural(pictures.left_out,
                               self.tr("{count} pasted picture left out: {problem}"),
                               self.tr("{count} pasted pictures left out: {problem}"),
                               problem=problem))
        elif pictures.kept:
            self.status(self.tr("Saved {files} in assets/images.").format(
                files=", ".join(path.name for path in pictures.kept)))

    def paste_plain(self) -> bool:
        """Edit > Paste as Plain Text: the clipboard's text, no markup."""
        text = clipboard_plain_text()
        if not text or self.editor.isReadOnly():
            return False
        cursor = self.editor.textCursor()
        cursor.insertText(text)
        self.editor.setTextCursor(cursor)
        self.editor.ensureCursorVisible()
        return True

    # ------------------------------------------------------------------ context menu

    def context_menu(self, position: QPoint | None = None) -> QMenu:
        """The editor's standard context menu plus the presets and the Insert menu."""
        if position is None:
            menu = self.editor.createStandardContextMenu()
        else:
            menu = self.editor.createStandardContextMenu(position)
        menu.addSeparator()
        menu.addActions([*self._extra_context, *self._preset_actions])
        if self._insert_menu is not None:
            menu.addMenu(self._insert_menu)
        for add_entries in self.context_menu_extras:
            add_entries(menu, position)
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        menu = self.context_menu(position)
        menu.exec(self.editor.viewport().mapToGlobal(position))
        menu.deleteLater()


def _insert_after(widget: QWidget, anchor: QAction | None, actions: list[QAction]) -> None:
    present = widget.actions()
    before = None
    if anchor is not None and anchor in present:
        index = present.index(anchor)
        before = present[index + 1] if index + 1 < len(present) else None
    widget.insertActions(before, actions)
