"""Reading articles: decoding, front matter, titles, folders, and clear errors."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.ingest.article import find_title, parse_article, read_article
from briefgen.ingest.walk import collect_paths

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def article(text: str | bytes, **kw):
    return parse_article(text.encode("utf-8") if isinstance(text, str) else text, **kw)


def test_front_matter_gives_metadata_and_is_not_part_of_the_text():
    a = article("---\ntitle: Storm hits coast\nsource: Wikinews\nurl: https://example.org/a\n"
                "published: 2026-11-27\nauthor: A. Writer\ntags: [weather, coast]\n---\nThe storm hit.\n")
    assert a.title == "Storm hits coast"
    assert a.source == "Wikinews"
    assert a.url == "https://example.org/a"
    assert a.published == date(2026, 11, 27)
    assert a.author == "A. Writer"
    assert a.tags == ("weather", "coast")
    assert a.text == "The storm hit."


def test_quoted_iso_date_in_front_matter_is_parsed():
    a = article('---\npublished: "2017-07-21"\n---\nBody.\n')
    assert a.published.date() == date(2017, 7, 21)


def test_malformed_front_matter_is_a_one_line_error_with_the_line():
    with pytest.raises(InputError, match=r"front matter is not valid YAML at line \d"):
        article("---\ntitle: [unclosed\n---\nBody text.\n")


def test_unclosed_front_matter_is_an_error():
    with pytest.raises(InputError, match="no closing"):
        article("---\ntitle: x\nBody text.\n")


def test_a_markdown_heading_becomes_the_title():
    a = article("# Floods in the valley\n\nRivers rose overnight.\n")
    assert (a.title, a.text) == ("Floods in the valley", "Rivers rose overnight.")


def test_a_short_first_line_standing_alone_is_a_headline():
    title, body = find_title("Ministers meet in Nara\n\nThe leaders met on Tuesday. They talked.")
    assert title == "Ministers meet in Nara"
    assert body == "The leaders met on Tuesday. They talked."


def test_without_a_headline_the_first_sentence_names_the_article_and_stays_in_it():
    text = ("Japanese Prime Minister Sanae Takaichi and South Korean President Lee Jae Myung met in Japan "
            "on Tuesday, reaffirming ties.\nMore text follows here.")
    title, body = find_title(text)
    assert body == text
    # a whole phrase, not the sentence cut at a width
    assert title == "Japanese Prime Minister Sanae Takaichi and South Korean President Lee Jae Myung met in Japan on Tuesday"


def test_utf8_bom_is_removed():
    assert article(b"\xef\xbb\xbfCaf\xc3\xa9 opens. It is busy.").text.startswith("Café")


def test_utf16_with_bom_is_decoded():
    a = article("Zoë met the mayor. She said yes.".encode("utf-16"))
    assert a.text.startswith("Zoë met") and a.encoding == "utf-16"


def test_latin1_text_is_detected_not_crashed_on():
    raw = "Le café de la gare a rouvert. Les habitués étaient ravis. « C'est très bien », a dit Zoé.".encode("latin-1")
    a = article(raw)
    assert "café" in a.text and "Zoé" in a.text
    assert a.encoding != "utf-8"


def test_windows_line_endings_are_normalised():
    assert "\r" not in article("One.\r\n\r\nTwo.\r\n").text


@pytest.mark.parametrize("data, reason", [
    (b"", "no text"),
    (b"   \n\t\n  ", "no text"),
    (b"\x00\x01\x02binary\x00junk", "binary"),
    (b"---\ntitle: only metadata\n---\n\n", "no text after its front matter"),
])
def test_unusable_content_is_a_clear_error(data, reason):
    with pytest.raises(InputError, match=reason):
        article(data)


def test_unsupported_suffix_named_explicitly_says_what_is_supported(tmp_path):
    p = tmp_path / "report.pdf"
    p.write_bytes(b"%PDF-1.7")
    with pytest.raises(InputError, match=r"\.txt and \.md"):
        read_article(p)


def test_oversized_file_is_refused_before_reading(tmp_path):
    p = tmp_path / "big.txt"
    p.write_bytes(b"word. " * 2000)
    with pytest.raises(InputError, match="larger than"):
        read_article(p, max_bytes=1024 * 1024 // 1024)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_unreadable_file_is_a_clear_error(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("Text.")
    p.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_article(p)


def test_a_folder_means_every_article_in_it_sorted_without_readmes(tmp_path):
    (tmp_path / "b.md").write_text("B.")
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "README.md").write_text("about")
    (tmp_path / ".hidden.txt").write_text("no")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("C.")
    files, failures = collect_paths([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.txt", "b.md", "sub/c.txt"]
    assert failures == []


def test_symlink_loops_and_missing_paths_do_not_hang_or_crash(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "loop").symlink_to(tmp_path)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    files, failures = collect_paths([tmp_path, tmp_path / "missing.txt"])
    assert [f.name for f in files] == ["a.txt"]
    reasons = {Path(f.path).name: f.reason for f in failures}
    assert reasons == {"dangling.txt": "broken symbolic link", "missing.txt": "no such file or folder"}


def test_the_same_file_named_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    files, _ = collect_paths([tmp_path, tmp_path / "a.txt"])
    assert len(files) == 1


def test_every_seed_article_reads_cleanly():
    from briefgen.ingest.formats import read_path  # seeds also hold a saved feed and saved pages

    files, failures = collect_paths([SEEDS])
    assert failures == [] and len(files) >= 11
    for f in files:
        batch = read_path(f)
        assert batch.failures == [] and batch.articles
        for a in batch.articles:
            assert a.text.strip() and a.title


def test_windows_1252_curly_quotes_are_read_as_quotes():
    raw = "\u201cWe will rebuild,\u201d the mayor said. The caf\u00e9 reopened.".encode("cp1252")
    assert article(raw).text == "\u201cWe will rebuild,\u201d the mayor said. The caf\u00e9 reopened."


def test_a_cyrillic_legacy_encoding_is_detected():
    text = "Мэр города открыл новый мост через реку. Жители города были очень рады этому событию."
    assert article(text.encode("cp1251")).text == text
