"""Everything that imports QtWidgets or QtWebEngine lives in this package."""

# Before any widget code runs: see qt_compat for the PySide6 6.12 None refcount bug.
from editor.ui import qt_compat as _qt_compat  # noqa: E402, F401
