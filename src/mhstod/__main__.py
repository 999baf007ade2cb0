"""`python -m mhstod`: the same program as the `mhstod` command."""

import sys

from mhstod.commands.main import main

sys.exit(main())
