"""mhstod: decision support for professionals who meet a possible victim of human trafficking in Sweden."""
from __future__ import annotations

__version__ = "0.1.0"
