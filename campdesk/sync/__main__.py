import sys

from campdesk.sync.cli import main

sys.exit(main())
