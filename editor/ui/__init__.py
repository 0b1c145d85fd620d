"""Everything that imports QtWidgets or QtWebEngine lives in this package."""
