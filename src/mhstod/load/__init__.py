"""Reading the data: the only code that touches data files (knowledge.py builds, the rest read one file each)."""
from __future__ import annotations

from mhstod.load.files import data_folder
from mhstod.load.knowledge import build, load

__all__ = ["build", "data_folder", "load"]
