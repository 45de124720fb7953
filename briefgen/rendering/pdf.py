"""HTML -> PDF bytes (WeasyPrint) with a fetcher that reads only ``data:`` URLs and files under
the template directories; ``write_pdf`` writes them atomically."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from briefgen.audience import PDF_VARIANTS
from briefgen.errors import RenderError
from briefgen.rendering.bounded import Limits, run_bounded
from briefgen.rendering.html import template_search_path

log = logging.getLogger(__name__)


def _make_fetcher(roots: Sequence[Path]):  # noqa: ANN202 - weasyprint is imported lazily
    from weasyprint.urls import URLFetcher, URLFetchingError

    class RestrictedFetcher(URLFetcher):
        """data: URLs and files under the template directories; nothing else, no redirects."""

        def __init__(self) -> None:
            super().__init__(timeout=5, allowed_protocols={"data", "file"}, allow_redirects=False)
            self.roots = [os.path.realpath(r) for r in roots]
            self.refused: list[str] = []

        def fetch(self, url: str, headers: Any = None) -> Any:
            scheme = url.split(":", 1)[0].lower()
            if scheme == "file":
                path = os.path.realpath(unquote(urlsplit(url).path))
                if any(path == r or path.startswith(r + os.sep) for r in self.roots):
                    if os.path.isfile(path):
                        return super().fetch(url, headers)
            elif scheme == "data":
                return super().fetch(url, headers)
            self.refused.append(url[:200])
            raise URLFetchingError(f"briefgen does not fetch {url[:200]}")

    return RestrictedFetcher()


def render_pdf(
    html: str, *, template_dirs: Sequence[Path] = (), variant: str | None = None, limits: Limits | None = None
) -> bytes:
    """Render ``html`` to PDF bytes with the restricted fetcher; bounded like ``render_html``
    when user template folders (and so user CSS) are involved."""
    if variant is not None and variant not in PDF_VARIANTS:
        raise RenderError(f"unknown PDF variant {variant!r}; choose from {', '.join(PDF_VARIANTS)}")
    if template_dirs:
        return run_bounded(_render_pdf, html, tuple(template_dirs), variant,
                           limits=limits or Limits(), what="PDF rendering")
    return _render_pdf(html, (), variant)


def _render_pdf(html: str, template_dirs: Sequence[Path], variant: str | None) -> bytes:
    from weasyprint import HTML  # heavy import (~0.7 s): only when a PDF is wanted

    roots = template_search_path(template_dirs)
    fetcher = _make_fetcher(roots)
    try:
        page = HTML(string=html, base_url=roots[0].as_uri() + "/", url_fetcher=fetcher)
        # The variant sets tags and PDF version itself; nothing else is passed, so
        # no option can bring its own (unrestricted) fetcher.
        data = page.write_pdf(pdf_variant=variant)
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"could not render the PDF: {type(exc).__name__}: {exc}") from exc
    if fetcher.refused:
        log.warning("refused to fetch %d resource(s), e.g. %s", len(fetcher.refused), fetcher.refused[0])
    return data


def write_pdf(
    html: str,
    target: Path,
    *,
    template_dirs: Sequence[Path] = (),
    variant: str | None = None,
    limits: Limits | None = None,
) -> Path:
    """Render ``html`` to a PDF at ``target``; atomic: a complete file or none at all."""
    from briefgen.ops.atomic import write_atomic

    target = Path(target)
    data = render_pdf(html, template_dirs=template_dirs, variant=variant, limits=limits)
    try:
        write_atomic(target, data)
    except OSError as exc:
        raise RenderError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target
