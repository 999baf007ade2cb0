"""mhstod: decision support for professionals who meet a possible victim of human trafficking in Sweden."""

__version__ = "0.1.0"
