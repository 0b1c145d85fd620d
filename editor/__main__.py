"""Run the editor with ``python -m editor``."""

import sys

from editor.cli.main import main

# Guarded: the render helper process imports this module again and must not run it.
if __name__ == "__main__":
    sys.exit(main())
