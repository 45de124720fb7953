"""The whole path in a fresh process, offline: seed article -> PDF briefs we read back.

The build runs with an empty NLTK data path and with every socket call
patched to fail and leave a trace, so any attempt to download a model or
touch the network shows up here.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.slow  # a whole build in a fresh process

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_6a20b3f872e24daa.txt"

NO_NETWORK = textwrap.dedent(
    """
    import os, socket

    def _refuse(*args, **kwargs):
        with open(os.environ["BRIEFGEN_TEST_NET_LOG"], "a") as log:
            log.write(repr(args)[:200] + "\\n")
        raise OSError("network blocked by the briefgen test suite")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    """
)


@pytest.fixture(scope="module")
def seed_briefs(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("e2e")
    (tmp / "site").mkdir()
    (tmp / "site" / "sitecustomize.py").write_text(NO_NETWORK)
    (tmp / "nltk_data").mkdir()
    net_log = tmp / "net.log"
    env = {
        **os.environ,
        "PYTHONPATH": str(tmp / "site"),
        "NLTK_DATA": str(tmp / "nltk_data"),
        "HOME": str(tmp),
        "BRIEFGEN_TEST_NET_LOG": str(net_log),
    }
    out = tmp / "out"
    proc = subprocess.run(
        [sys.executable, "-m", "briefgen", "build", str(SEED), "--date", "2026-11-28", "-o", str(out),
         "-f", "pdf", "-f", "html"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    return proc, out / "2026-11-28", net_log


def test_the_build_succeeds_without_network_or_nltk_data(seed_briefs):
    proc, folder, net_log = seed_briefs
    assert proc.returncode == 0, proc.stderr
    assert not net_log.exists(), f"network was attempted: {net_log.read_text()}"
    assert sorted(p.name for p in folder.iterdir()) == [
        "analyst.html", "analyst.pdf", "executive.html", "executive.pdf", "press.html", "press.pdf"]


def pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("audience", ["analyst", "press"])
def test_the_pdf_carries_the_seed_quotes_speakers_and_participants(seed_briefs, audience):
    _, folder, _ = seed_briefs
    text = pdf_text(folder / f"{audience}.pdf")
    for words in ("Japan and South Korea share a special relationship",
                  "We influence each other and benefit from each other",
                  "cooperation between South Korea and Japan is more important than ever"):
        assert words in text
    for name in ("Lee Jae Myung", "Sanae Takaichi", "Xi Jinping", "Sheigeru Ishiba", "Reuters", "NHK",
                 "Nara", "Beijing", "Tokyo"):
        assert name in text
    assert "South Korean President" in text and "Japanese Prime Minister" in text
    assert re.search(r"page 1 of (\d+)", text)


def test_the_executive_pdf_is_one_page_with_one_quote(seed_briefs):
    _, folder, _ = seed_briefs
    reader = PdfReader(folder / "executive.pdf")
    assert len(reader.pages) == 1
    text = pdf_text(folder / "executive.pdf")
    assert "page 1 of 1" in text
    assert text.count("“") <= 2  # one key quote (a quote may nest marks)


def test_the_pdf_has_an_outline_metadata_and_embedded_fonts(seed_briefs):
    _, folder, _ = seed_briefs
    reader = PdfReader(folder / "analyst.pdf")
    assert reader.outline
    assert reader.metadata.title and "Analyst" in reader.metadata.title
    fonts = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            fonts.add(str(font.get_object().get("/BaseFont")))
    assert fonts and all("+" in f for f in fonts), fonts
