"""briefgen's version: one place, importable by any layer without the public API."""

__version__ = "0.1.0"
