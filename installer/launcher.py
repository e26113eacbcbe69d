"""The frozen app's entry point: the same ``campdesk.cli:main`` as the ``campdesk`` command."""
import sys

from campdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
