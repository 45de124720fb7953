"""HTML -> what a reader of the laid-out PDF would notice (``briefgen templates check``):
text sticking out of the page, a heading left alone at the bottom of a page (its content
went overleaf), a quote or executive story split across pages, and a first page less
than half full while the brief goes on overleaf (something too big to fit pushed it on).

WeasyPrint's laid-out boxes are read directly (``Document.pages[i]._page_box``): the
same checks tests/test_layout.py specifies for the built-in templates.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.rendering.bounded import Limits, run_bounded

HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
KEPT_WHOLE = ("blockquote",)  # never split across pages, in every audience
FIRST_PAGE_MIN = 0.5  # share of the first page's height a brief that goes on overleaf should fill


@dataclass(frozen=True)
class LayoutReport:
    pages: int
    problems: tuple[str, ...]  # one line each, "page 2: heading 'Quotes' alone at the bottom"


def flow(page_box: Any) -> Iterator[tuple[Any, tuple[str, ...]]]:
    """(box, tags of its ancestors) for every box of the page's content, margin boxes excluded."""
    from weasyprint.formatting_structure import boxes

    stack: list[tuple[Any, tuple[str, ...]]] = [
        (child, ()) for child in reversed(page_box.children) if not isinstance(child, boxes.MarginBox)]
    while stack:
        box, tags = stack.pop()
        yield box, tags
        if isinstance(box, boxes.ParentBox):
            inner = (*tags, box.element_tag)
            stack.extend((child, inner) for child in reversed(box.children))


def _label(box: Any) -> str:
    return repr((getattr(box, "text", None) or box.element_tag or "")[:40])


def overflowing(pages: Sequence[Any]) -> list[str]:
    """Text or images reaching outside the page's content area (1 px of slack for rounding)."""
    from weasyprint.formatting_structure import boxes

    found = []
    for number, page in enumerate(pages, start=1):
        left, right = page.content_box_x(), page.content_box_x() + page.width
        for box, _ in flow(page):
            if isinstance(box, (boxes.TextBox, boxes.ReplacedBox)):
                if box.position_x < left - 1 or box.position_x + box.margin_width() > right + 1:
                    found.append(f"page {number}: {_label(box)} sticks out of the page")
    return found


def _texts(page: Any) -> list[tuple[Any, tuple[str, ...]]]:
    from weasyprint.formatting_structure import boxes

    return [(box, tags) for box, tags in flow(page) if isinstance(box, boxes.TextBox) and box.text.strip()]


def stranded_headings(pages: Sequence[Any]) -> list[str]:
    """Headings that are the last text on a page (their content went overleaf)."""
    found = []
    for number, page in enumerate(pages[:-1], start=1):
        texts = _texts(page)
        if not texts:
            continue
        box, tags = max(texts, key=lambda bt: (bt[0].position_y, bt[0].position_x))
        if HEADINGS & {*tags, box.element_tag}:
            found.append(f"page {number}: heading {_label(box)} alone at the bottom (orphaned)")
    return found


def split_blocks(pages: Sequence[Any], tag: str) -> list[str]:
    """<tag> elements laid out on more than one page."""
    pages_of: dict[int, tuple[Any, set[int]]] = {}
    for number, page in enumerate(pages, start=1):
        for box, _ in flow(page):
            if box.element_tag == tag and box.element is not None:
                pages_of.setdefault(id(box.element), (box, set()))[1].add(number)
    return [f"page {min(seen)}: a {tag} is split across pages {min(seen)}-{max(seen)}"
            for _, seen in pages_of.values() if len(seen) > 1]


def first_page_fill(pages: Sequence[Any]) -> float:
    """How much of the first page's content height its text reaches (1.0: to the bottom)."""
    if not pages:
        return 0.0
    page = pages[0]
    texts = _texts(page)
    if not texts or not page.height:
        return 0.0
    top = page.content_box_y()
    bottom = max(box.position_y + box.margin_height() for box, _ in texts)
    return (bottom - top) / page.height


def inspect(pages: Sequence[Any], *, whole: Sequence[str] = KEPT_WHOLE) -> LayoutReport:
    problems = [*overflowing(pages), *stranded_headings(pages)]
    for tag in whole:
        problems += split_blocks(pages, tag)
    fill = first_page_fill(pages)
    if len(pages) > 1 and fill < FIRST_PAGE_MIN:
        problems.append(f"page 1: only {fill:.0%} full while the brief goes on to page 2 "
                        "(a block too tall for the rest of the page was pushed overleaf)")
    return LayoutReport(pages=len(pages), problems=tuple(problems))


def check_layout(html: str, *, template_dirs: Sequence[Path] = (), whole: Sequence[str] = KEPT_WHOLE,
                 limits: Limits | None = None) -> LayoutReport:
    """Lay ``html`` out as the PDF would be and report what a reader would notice; bounded
    like ``render_pdf`` when user template folders (and so user CSS) are involved."""
    if template_dirs:  # the bounded child returns text: the report as JSON
        data = json.loads(run_bounded(_check_layout_json, html, tuple(template_dirs), tuple(whole),
                                      limits=limits or Limits(), what="layout check"))
        return LayoutReport(pages=data["pages"], problems=tuple(data["problems"]))
    return _check_layout(html, (), tuple(whole))


def _check_layout_json(html: str, template_dirs: Sequence[Path], whole: Sequence[str]) -> str:
    report = _check_layout(html, template_dirs, whole)
    return json.dumps({"pages": report.pages, "problems": list(report.problems)})


def _check_layout(html: str, template_dirs: Sequence[Path], whole: Sequence[str]) -> LayoutReport:
    from weasyprint import HTML

    from briefgen.errors import RenderError
    from briefgen.rendering.html import template_search_path
    from briefgen.rendering.pdf import _make_fetcher

    roots = template_search_path(template_dirs)
    try:
        document = HTML(string=html, base_url=roots[0].as_uri() + "/", url_fetcher=_make_fetcher(roots)).render()
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs one line
        raise RenderError(f"could not lay out the PDF: {type(exc).__name__}: {exc}") from exc
    return inspect([page._page_box for page in document.pages], whole=whole)
