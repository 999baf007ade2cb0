"""The commands: parse arguments, call the core, render. `main` is the program's entry point."""

# The environment variable through which a shell asks for completions (Click's protocol: _{PROGRAM}_COMPLETE).
from __future__ import annotations

COMPLETE_VAR = "_MHSTOD_COMPLETE"
