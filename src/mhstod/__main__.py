"""The program's first lines, for `python -m mhstod` and the `mhstod` command alike.

The program is imported inside the guard: a Ctrl-C while Python still loads it (the first tenth of a second)
is one line and exit 130, not a traceback. From there on, `main` keeps that promise.
"""
from __future__ import annotations

import sys


def run() -> int:
    try:
        from mhstod.commands.main import main
    except KeyboardInterrupt:
        sys.stderr.write("mhstod: avbrutet.\n")
        return 130  # ExitCode.INTERRUPTED; not imported from errors.py: that import is what was interrupted
    return main()


if __name__ == "__main__":
    sys.exit(run())
