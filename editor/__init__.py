"""Article Editor: a desktop editor for blog posts kept as files."""

__version__ = "0.1.0"
