"""Tests of the editor; a package so that tests/ui may mirror module names of tests/."""
