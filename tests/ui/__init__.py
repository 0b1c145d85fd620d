"""Tests of editor.ui (a package: tests/ui/test_paste.py and tests/test_paste.py coexist)."""
