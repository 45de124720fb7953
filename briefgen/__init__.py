"""briefgen: the day's news articles -> per-audience PDF briefs.

The public API is what this module exports; the CLI is a thin layer over it.
"""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

__all__ = ["__version__"]
