"""The window's light or dark colours (Fusion), kept apart from the View commands so the
application can set them before the window's modules load."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

WINDOW_THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    """Fusion's colours for a dark window."""
    palette = QPalette()
    window, base, text = QColor(45, 45, 48), QColor(30, 30, 32), QColor(225, 225, 225)
    disabled = QColor(127, 127, 127)
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, window), (roles.WindowText, text), (roles.Base, base),
        (roles.AlternateBase, window), (roles.ToolTipBase, base), (roles.ToolTipText, text),
        (roles.Text, text), (roles.Button, window), (roles.ButtonText, text),
        (roles.BrightText, QColor(255, 90, 90)), (roles.Link, QColor(110, 170, 255)),
        (roles.Highlight, QColor(42, 110, 200)), (roles.HighlightedText, QColor(255, 255, 255)),
        (roles.PlaceholderText, disabled),
    ):
        palette.setColor(role, colour)
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def system_is_dark() -> bool:
    """Whether the desktop asks for dark colours (Qt's colour scheme hint)."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_window_theme(app: QApplication, choice: str) -> str:
    """Light or dark Fusion colours for ``choice`` ("system", "light", "dark"); the one used.

    The preview keeps its own theme (Preferences > Preview theme).
    """
    dark = system_is_dark() if choice == "system" else choice == "dark"
    if "Fusion" in QStyleFactory.keys():
        app.setStyle("Fusion")
    style = app.style()
    app.setPalette(dark_palette() if dark else style.standardPalette())
    return "dark" if dark else "light"
