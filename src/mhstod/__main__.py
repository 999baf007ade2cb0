import sys

from mhstod.commands.main import main

sys.exit(main())
