import sys

from mhstod.cli import main

sys.exit(main())
