import sys

from campdesk.cli import main

sys.exit(main())
