"""The HTML briefs as a reader's browser shows them (issue 20): headless Chromium at a phone's
and a desktop's width, driven over the DevTools pipe (tests/browser.py). A reader never scrolls
sideways, the content uses the width it is given (one column on a phone; cards across the page on
a desktop, none left half empty), every chart is drawn with its text alternative, and dark mode
turns the page dark. Skipped, with the reason, where no Chromium is installed
(scripts/system-deps installs the Debian package)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import briefgen
from browser import Chromium, find_chromium

pytestmark = [pytest.mark.slow,  # the seed day is analysed and grouped first
              pytest.mark.skipif(find_chromium() is None,
                                 reason="no Chromium: run scripts/system-deps (Debian: apt-get install chromium) "
                                        "or set BRIEFGEN_CHROMIUM")]

ROOT = Path(__file__).resolve().parents[1]
DAY = date(2026, 12, 7)
AUDIENCES = ("executive", "analyst", "press")
PHONE, DESKTOP = 375, 1280

MEASURE = """(() => {
  const doc = document.documentElement, body = document.body.getBoundingClientRect();
  const cards = [...document.querySelectorAll('main.stories > article, .who-said-what > .speaker')]
    .map(e => e.getBoundingClientRect()).filter(r => r.width > 0);
  const charts = [...document.querySelectorAll('svg[role="img"]')].map(s => ({
    width: s.getBoundingClientRect().width, height: s.getBoundingClientRect().height,
    title: (s.querySelector('title') || {}).textContent || '', desc: (s.querySelector('desc') || {}).textContent || '',
    shapes: s.querySelectorAll('rect, circle').length}));
  return {scroll: doc.scrollWidth, inner: innerWidth, body: [body.left, body.right],
          lefts: [...new Set(cards.map(r => Math.round(r.left)))], widest: Math.max(0, ...cards.map(r => r.right)),
          charts, background: getComputedStyle(doc).backgroundColor};
})()"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    articles, _ = briefgen.read(sorted(p for p in (ROOT / "seeds").iterdir() if p.name != "README.md"))
    stories = briefgen.group([briefgen.analyze(a, summary=False) for a in articles], date=DAY)
    folder = tmp_path_factory.mktemp("html")
    out = {}
    for name in AUDIENCES:
        out[name] = folder / f"{name}.html"
        out[name].write_bytes(briefgen.render(briefgen.brief(stories, name, DAY), "html"))
    return out


@pytest.fixture(scope="module")
def browser():
    with Chromium.start() as b:
        yield b


@pytest.mark.parametrize("name", AUDIENCES)
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_no_sideways_scrolling_and_the_content_uses_the_width(pages, browser, name, width):
    seen = browser.open(pages[name].as_uri(), width=width).evaluate(MEASURE)
    assert seen["scroll"] <= seen["inner"], f"{name} at {width}px scrolls sideways: {seen['scroll']}px wide"
    left, right = seen["body"]
    assert right - left >= 0.9 * min(width, 1248), f"{name} at {width}px uses {right - left:.0f}px"
    if width == PHONE:
        assert len(seen["lefts"]) == 1, f"{name} on a phone is not one column: {seen['lefts']}"
    else:  # cards side by side, reaching the right half: no half-empty page
        assert len(seen["lefts"]) >= 2 and seen["widest"] > 0.75 * width, seen["lefts"]


@pytest.mark.parametrize("name", AUDIENCES)
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_charts_are_drawn_within_the_page_with_their_text_alternative(pages, browser, name, width):
    charts = browser.open(pages[name].as_uri(), width=width).evaluate(MEASURE)["charts"]
    assert charts, f"no chart in the {name} brief"
    for chart in charts:
        assert 100 < chart["width"] <= width and chart["height"] > 20 and chart["shapes"] >= 2, chart
        assert chart["title"] and chart["desc"], chart


def test_dark_mode_turns_the_page_dark(pages, browser):
    light = browser.open(pages["executive"].as_uri(), width=PHONE).evaluate(MEASURE)["background"]
    dark = browser.open(pages["executive"].as_uri(), width=PHONE, dark=True).evaluate(MEASURE)["background"]
    assert light == "rgb(255, 255, 255)" and dark != light
    assert sum(int(c) for c in dark[4:-1].split(",")) < 3 * 60  # a dark ground


def test_the_measurements_can_fail(tmp_path, browser):
    """Control: a page wider than the phone and a lone narrow column are seen as such."""
    page = tmp_path / "wide.html"
    page.write_text('<!DOCTYPE html><meta name="viewport" content="width=device-width, initial-scale=1">'
                    '<body style="margin:0;width:300px"><main class="stories"><article>a</article></main>'
                    '<div style="width:2000px">wide</div><svg role="img" width="50" height="10"></svg></body>')
    seen = browser.open(page.as_uri(), width=DESKTOP).evaluate(MEASURE)
    assert seen["scroll"] > seen["inner"]
    assert seen["body"][1] - seen["body"][0] < 0.9 * DESKTOP and len(seen["lefts"]) == 1
    assert seen["charts"][0]["width"] < 100 and not seen["charts"][0]["title"]
