"""The bad input battery: each hostile or broken input gets a clear one-line
reason, the run goes on with the good articles, and nothing is lost."""

from __future__ import annotations

import errno
import json
import os
import pathlib
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.analysis import analyze_paths
from briefgen.cli import cli
from briefgen.cli.exitcodes import ExitCode

DAY = "2026-11-28"
GOOD = (
    "Harbour council approves ferry terminal\n\n"
    "The harbour council approved the new ferry terminal on Friday. "
    '"This connects the islands again," said Mayor Ada Okafor. '
    "Construction starts in March and should take two years.\n"
)


def build(inputs: list[Path], out: Path, *extra: str):
    """Run `briefgen build` to JSON for the analyst; -> (result, brief dict or None)."""
    result = CliRunner().invoke(cli, ["build", *map(str, inputs), "--date", DAY, "-a", "analyst", "-f", "json",
                                      "-o", str(out), *extra])
    target = out / DAY / "analyst.json"
    return result, (json.loads(target.read_text()) if target.exists() else None)


@pytest.fixture
def inbox(tmp_path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def skipped(result, brief, name: str) -> str:
    """The reason `name` was skipped: in the brief's appendix and on stderr, one line each."""
    assert result.exit_code == ExitCode.PARTIAL, result.output
    (reason,) = [f["reason"] for f in brief["failures"] if Path(f["path"]).name == name]
    assert f"{name}: {reason}" in result.stderr and "Traceback" not in result.output
    assert [Path(s["path"]).name for s in brief["stories"]] == ["good.txt"]  # the run went on
    return reason


def test_empty_file(inbox, tmp_path):
    (inbox / "empty.txt").write_bytes(b"")
    assert skipped(*build([inbox], tmp_path / "out"), "empty.txt") == "article has no text"


def test_whitespace_only(inbox, tmp_path):
    (inbox / "blank.txt").write_text(" \n\t\n\u00a0\u2003\n\r\n")
    assert skipped(*build([inbox], tmp_path / "out"), "blank.txt") == "article has no text"


def test_binary_file(inbox, tmp_path):
    (inbox / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000))
    assert skipped(*build([inbox], tmp_path / "out"), "photo.txt").startswith("binary file")


def test_50_mb_file(inbox, tmp_path):
    huge = inbox / "huge.txt"
    with open(huge, "wb") as f:  # sparse: costs no disk, and briefgen must not read it
        f.truncate(50 * 1024 * 1024)
    reason = skipped(*build([inbox], tmp_path / "out"), "huge.txt")
    assert reason == "file is 50 MB; articles larger than 10 MB are skipped"


def test_invalid_utf8_from_a_windows_editor_is_decoded_not_dropped(inbox, tmp_path):
    (inbox / "latin.txt").write_bytes(
        "Café owners protest\n\nThe café owners of Málaga protested on Friday. They want lower rents.\n"
        .encode("cp1252"))
    result, brief = build([inbox], tmp_path / "out")
    assert result.exit_code == ExitCode.OK, result.output
    digests, failures = analyze_paths([inbox / "latin.txt"])
    assert failures == [] and digests[0].article.title == "Café owners protest"
    assert "Málaga" in digests[0].article.text and digests[0].article.encoding == "cp1252"


def test_utf8_with_one_stray_byte_keeps_its_words(tmp_path):
    (tmp_path / "stray.txt").write_bytes(
        "Café owners protest\n\nThe café owners of Málaga protested on Friday.\xff They want lower rents.\n"
        .encode().replace(b"\xc3\xbf", b"\xff"))
    digests, failures = analyze_paths([tmp_path / "stray.txt"])
    assert failures == [] and "Málaga" in digests[0].article.text


@pytest.mark.slow
def test_a_folder_of_10000_files(tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(10_000):
        (folder / f"a{i:05d}.txt").write_text(
            f"Council meeting {i}\n\nThe council met for session {i} on Friday. It approved the budget.\n")
    (folder / "a05000.txt").write_bytes(b"")  # one bad apple among them
    started = time.monotonic()
    digests, failures = analyze_paths([folder])
    elapsed = time.monotonic() - started
    print(f"\n10,000 files analysed in {elapsed:.1f} s")  # reported, never asserted
    assert len(digests) == 9_999 and [Path(f.path).name for f in failures] == ["a05000.txt"]
    assert len({d.article.path for d in digests}) == 9_999


def test_symlink_loops(inbox, tmp_path):
    os.symlink("loop-b.txt", inbox / "loop-a.txt")
    os.symlink("loop-a.txt", inbox / "loop-b.txt")
    (inbox / "sub").mkdir()
    os.symlink("..", inbox / "sub" / "up")  # a folder that contains itself
    result, brief = build([inbox], tmp_path / "out")
    assert result.exit_code == ExitCode.PARTIAL
    reasons = {Path(f["path"]).name: f["reason"] for f in brief["failures"]}
    assert reasons == {"loop-a.txt": "broken symbolic link", "loop-b.txt": "broken symbolic link"}
    assert [Path(s["path"]).name for s in brief["stories"]] == ["good.txt"]  # once, not once per lap


def test_unreadable_file(inbox, tmp_path, monkeypatch):
    # Tests run as root, where chmod 0 does not stop reading: refuse the read instead.
    secret = inbox / "secret.txt"
    secret.write_text(GOOD)
    real = pathlib.Path.read_bytes

    def read_bytes(self):
        if self.name == "secret.txt":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(pathlib.Path, "read_bytes", read_bytes)
    assert skipped(*build([inbox], tmp_path / "out"), "secret.txt") == "permission denied"


def test_article_with_no_sentences(inbox, tmp_path):
    (inbox / "rule.txt").write_text("---\ntitle: Lines only\n---\n— — —\n***\n12:00 | 13:00 | 14:00\n")
    result, brief = build([inbox], tmp_path / "out")
    assert result.exit_code in (ExitCode.OK, ExitCode.PARTIAL), result.output
    assert "Traceback" not in result.output
    names = [Path(s["path"]).name for s in brief["stories"]] + [Path(f["path"]).name for f in brief["failures"]]
    assert sorted(names) == ["good.txt", "rule.txt"]  # briefed or explained, never silently gone


# A few seconds: summaries read only the first pipeline.SUMMARY_INPUT_LIMIT sentences.
def test_article_with_5000_sentences(inbox, tmp_path):
    body = " ".join(f"Witness {i} told the inquiry that the pier at dock {i % 97} was unsafe." for i in range(5000))
    (inbox / "inquiry.txt").write_text("Pier inquiry hears five thousand witnesses\n\n" + body + "\n")
    started = time.monotonic()
    result, brief = build([inbox], tmp_path / "out")
    print(f"\n5,000-sentence article built in {time.monotonic() - started:.1f} s")
    assert result.exit_code == ExitCode.OK, result.output
    (story,) = [s for s in brief["stories"] if Path(s["path"]).name == "inquiry.txt"]
    assert 1 <= len(story["summary"]) <= 5 and all(s["text"] in body for s in story["summary"])


# Four different (invented) stories, so that no two are grouped as one story.
NON_ENGLISH = {
    "de.txt": "Bäckerei gewinnt Landespreis\n\nDie Bäckerei Müller in Großenhain hat den Landespreis gewonnen. "
              "„Wir backen seit 1897 nach demselben Rezept“, sagte die Inhaberin Jutta Krüger.\n",
    "zh.txt": "大熊猫在动物园诞下双胞胎\n\n成都动物园的大熊猫星期二诞下一对双胞胎。园长说：“母子平安。”幼崽体重约一百五十克。\n",
    "ar.txt": "افتتاح مكتبة جديدة في المدينة القديمة\n\nافتتحت البلدية مكتبة عامة جديدة تضم عشرين ألف كتاب. "
              "وقالت مديرة المكتبة إن الدخول مجاني للجميع.\n",
    "ru.txt": "Шахматный турнир завершился вничью\n\nФинальная партия турнира в Казани закончилась вничью. "
              "«Это была честная борьба», — сказал гроссмейстер Павел Орлов.\n",
}


def test_non_english_text_is_briefed_and_renders_to_pdf(inbox, tmp_path):
    for name, text in NON_ENGLISH.items():
        (inbox / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(inbox), "--date", DAY, "-a", "analyst", "-f", "pdf", "-f", "json",
                                      "-o", str(tmp_path / "out")])
    assert result.exit_code == ExitCode.OK, result.output
    brief = json.loads((tmp_path / "out" / DAY / "analyst.json").read_text())
    titles = {Path(s["path"]).name: s["title"] for s in brief["stories"]}
    assert titles["zh.txt"] == "大熊猫在动物园诞下双胞胎" and titles["de.txt"] == "Bäckerei gewinnt Landespreis"
    assert all(s["summary"] for s in brief["stories"])
    assert (tmp_path / "out" / DAY / "analyst.pdf").read_bytes()[:5] == b"%PDF-"


def test_missing_output_folder_is_created(inbox, tmp_path):
    out = tmp_path / "not" / "yet" / "there"
    result, brief = build([inbox], out)
    assert result.exit_code == ExitCode.OK and brief["stories"]


def test_read_only_output_folder(inbox, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([inbox], out)
    previous = (out / DAY / "analyst.json").read_bytes()

    # As root a chmod 0555 folder is still writable: refuse the temporary file the way the kernel would.
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    result = CliRunner().invoke(cli, ["build", str(inbox), "--date", DAY, "-a", "analyst", "-f", "json",
                                      "-o", str(out)])
    assert result.exit_code == ExitCode.ERROR
    (line,) = result.stderr.strip().splitlines()
    assert f"cannot write {out / DAY / 'analyst.json'}: Permission denied" in line
    assert (out / DAY / "analyst.json").read_bytes() == previous


def test_disk_full_at_flush(inbox, tmp_path, monkeypatch):
    out = tmp_path / "out"
    build([inbox], out)
    previous = (out / DAY / "analyst.json").read_bytes()

    def full(fd):  # delayed allocation: the write "worked", the flush to disk does not
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    result = CliRunner().invoke(cli, ["build", str(inbox), "--date", DAY, "-a", "analyst", "-f", "json",
                                      "-o", str(out)])
    assert result.exit_code == ExitCode.ERROR
    assert "No space left on device" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (out / DAY / "analyst.json").read_bytes() == previous
    assert sorted(p.name for p in (out / DAY).iterdir()) == ["analyst.json"]


def test_malformed_front_matter(inbox, tmp_path):
    (inbox / "yaml.txt").write_text("---\ntitle: [unclosed\nsource: x\n---\nThe council met on Friday.\n")
    (inbox / "open.txt").write_text("---\ntitle: Never closed\nThe council met on Friday.\n")
    result, brief = build([inbox], tmp_path / "out")
    reasons = {Path(f["path"]).name: f["reason"] for f in brief["failures"]}
    assert reasons["yaml.txt"].startswith("front matter is not valid YAML at line")
    assert reasons["open.txt"] == "front matter starts with '---' but has no closing '---' line"
    assert [Path(s["path"]).name for s in brief["stories"]] == ["good.txt"]


def test_duplicate_file_names_across_folders_are_both_kept(tmp_path):
    texts = {"wire": "Port strike ends\n\nDockers in Eastport returned to work after a nine-day strike.\n",
             "desk": "Ferry terminal approved\n\nThe harbour council voted for a new terminal on the island.\n"}
    for folder, text in texts.items():
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(text)
    result, brief = build([tmp_path / "wire", tmp_path / "desk"], tmp_path / "out")
    assert result.exit_code == ExitCode.OK
    paths = sorted(s["path"] for s in brief["stories"])
    assert paths == [str(tmp_path / "desk" / "story.txt"), str(tmp_path / "wire" / "story.txt")]
    assert sorted(s["title"] for s in brief["stories"]) == ["Ferry terminal approved", "Port strike ends"]
