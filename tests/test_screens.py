"""HTML briefs read on screens: a viewport, and phone and dark-mode rules kept inside @media screen."""

from datetime import date
from pathlib import Path

import briefgen

ROOT = Path(__file__).resolve().parents[1]

DAY = date(2026, 12, 6)


def test_every_html_brief_has_a_viewport_and_screen_only_rules():
    articles, _ = briefgen.read([ROOT / "seeds" / "001_afghan-robotics-team.md"])
    stories = briefgen.group([briefgen.analyze(a, summary=False) for a in articles], date=DAY)
    for name in ("executive", "analyst", "press"):
        html = briefgen.render(briefgen.brief(stories, name, DAY), "html").decode("utf-8")
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html, name
        assert "@media screen" in html and "max-width: 40em" in html, name
        assert "prefers-color-scheme: dark" in html, name
