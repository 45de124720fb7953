"""Layout: every audience holds up at 0, 1, 12 and 200 stories with very long names,
headlines, URLs and quotes.

WeasyPrint's laid-out boxes are inspected directly (``Document.pages[i]._page_box``):
no text may stick out of the page's content area, no heading may be the last
thing on a page, and no quote block may be split across pages. The 200-story
analyst and press briefs (over 100 pages, ~30 s each here) only run with
BRIEFGEN_SLOW_TESTS=1; the executive brief at 200 stories always runs.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from briefgen.audience import BUILTIN_AUDIENCES
from briefgen.rendering.layout import first_page_fill, overflowing, split_blocks, stranded_headings
from briefgen.rendering.render import render_html
from briefgen.run import BuildRequest, build_briefs
from builders import brief, digest, failure, participant, quote, sample_digest

pytestmark = pytest.mark.slow  # every test lays out real PDFs

ROOT = Path(__file__).resolve().parents[1]
SLOW = pytest.mark.skipif(not os.environ.get("BRIEFGEN_SLOW_TESTS"), reason="set BRIEFGEN_SLOW_TESTS=1")

# Invented, deliberately awkward values: a name and a compound word with no break
# opportunities, a role of 150 characters, a quote of 700 characters, a 500-character URL.
LONG_NAME = "Maximiliane-Alexandrina Konstantinopoulou-Vanderbergh-Oyelaran-Featherstonehaugh"
LONG_WORD = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrentenauszahlungsstelle"
LONG_ROLE = ("Deputy Permanent Under-Secretary for Infrastructure, Transport, Housing and Regional "
             "Cohesion of the Northern Federated Provinces")
LONG_QUOTE = ("We have been very clear from the very beginning that " + "this plan must work for everyone, " * 18
              + "and we will not stop until it does.")


def awkward_digest(n: int):
    """Every fourth story is as awkward as a real news day gets; the others are ordinary."""
    d = sample_digest(n)
    if n % 4 != 1:
        return d
    return digest(
        f"Regional parliament debates sweeping overhaul of transport, housing subsidies and the {LONG_WORD} "
        "after months of stalled talks between the coalition partners",
        text=d.article.text,
        summary=[s.text for s in d.sentences[:3]],
        quotes=[quote(LONG_QUOTE, LONG_NAME), quote("Short.", LONG_NAME), quote(LONG_QUOTE[:200], None)],
        participants=[participant(LONG_NAME, role=LONG_ROLE),
                      participant("The Amalgamated Union of Engineering, Electrical, Transport and Allied Workers",
                                  "organization")],
        source="The Extraordinarily Long-Named Provincial Evening Chronicle and Gazette",
        url="https://example.org/" + "very-long-path-segment-" * 15 + "?" + "&".join(f"p{i}=v{i}" for i in range(20)),
        author=LONG_NAME,
        path=f"awkward-{n}.txt",
    )


def awkward_brief(stories: int, audience: str):
    return replace(
        brief(*(awkward_digest(i) for i in range(stories)), audience=audience,
              failures=[failure("inbox/" + "deeply-nested-folder/" * 12 + "bad.txt", "not valid text (binary file)")]),
        title=BUILTIN_AUDIENCES[audience].title,
    )


# --------------------------------------------------------------------------
# reading the laid-out pages


def laid_out(stories: int, audience: str):
    from weasyprint import HTML

    html = render_html(awkward_brief(stories, audience), BUILTIN_AUDIENCES[audience])
    return [page._page_box for page in HTML(string=html).render().pages]


# --------------------------------------------------------------------------
# the specifications


CASES = [(n, a) for n in (0, 1, 12) for a in sorted(BUILTIN_AUDIENCES)] + [(200, "executive")]
SLOW_CASES = [(200, "analyst"), (200, "press")]


def _check(stories: int, audience: str) -> None:
    pages = laid_out(stories, audience)
    assert overflowing(pages) == []
    assert stranded_headings(pages) == []
    assert split_blocks(pages, "blockquote") == []
    if audience == "executive":
        assert split_blocks(pages, "article") == []  # an executive story is never split
    if len(pages) > 1:
        assert first_page_fill(pages) >= 0.5  # nothing too tall pushed overleaf


@pytest.mark.parametrize(("stories", "audience"), CASES)
def test_awkward_day_lays_out_cleanly(stories, audience):
    _check(stories, audience)


@SLOW
@pytest.mark.parametrize(("stories", "audience"), SLOW_CASES)
def test_awkward_200_story_day_lays_out_cleanly(stories, audience):
    _check(stories, audience)


def test_the_checks_can_fail():
    """Control: text that cannot wrap overflows and a lone heading is found
    (the checks live in briefgen.rendering.layout, which `templates check` reports with)."""
    from weasyprint import HTML

    html = ('<style>p { overflow-wrap: normal; }</style><p>' + "x" * 400 + "</p>"
            '<div style="height: 235mm"></div><h3 style="break-after: page">Lonely</h3><p style="height: 30mm">after</p>'
            '<blockquote><p style="height: 150mm">start</p><p style="height: 150mm">end</p></blockquote>')
    pages = [p._page_box for p in HTML(string=html).render().pages]
    assert overflowing(pages)
    assert stranded_headings(pages) == ["page 2: heading 'Lonely' alone at the bottom (orphaned)"]
    assert len(split_blocks(pages, "blockquote")) == 1


def test_executive_brief_of_the_seed_day_fits_on_two_pages(tmp_path):
    # As `make brief` builds it: with story grouping and "Today in brief".
    report = build_briefs(BuildRequest(paths=[ROOT / "seeds"], audiences=[BUILTIN_AUDIENCES["executive"]],
                                       day=date(2026, 11, 28), output_dir=tmp_path, stories=True,
                                       state=tmp_path / "state.sqlite"))
    (pdf,) = report.written
    assert len(PdfReader(pdf).pages) <= 2
    assert "8 stories" in (PdfReader(pdf).pages[0].extract_text() or "")
