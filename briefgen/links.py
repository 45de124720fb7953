"""A URL from an article -> the same URL when it is safe for ``href`` (absolute http(s)), else None.

Low in the stack on purpose: the story memory (briefgen.stories) and the renderer
both decide which links a brief may carry, and stories must not import rendering.
"""

from __future__ import annotations

from urllib.parse import urlsplit


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL fit for href, else None."""
    if not url or len(url) > 2000 or any(c.isspace() or ord(c) < 32 for c in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
