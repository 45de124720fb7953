"""`briefgen templates` and the documented template context (docs/templates.md).

The documentation test walks the real context built from the sample day and
compares every field path with the tables in docs/templates.md, so a field
added, renamed or removed in briefgen/rendering (views.py, context.py) fails here until the docs follow.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.audience import BUILTIN_AUDIENCES
from briefgen.cli import cli
from briefgen.model import BriefStory, Digest
from briefgen.rendering.render import build_context, builtin_template_dir, render_html
from briefgen.rendering.sample import sample_brief

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "templates.md"


@pytest.fixture(autouse=True)
def no_user_config(tmp_path, monkeypatch):
    """No briefgen.toml from the developer's home or working directory leaks into these tests."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("BRIEFGEN_CONFIG", raising=False)
    monkeypatch.delenv("BRIEFGEN_TEMPLATE_DIRS", raising=False)
    monkeypatch.chdir(tmp_path)


def run(*args: str):
    return CliRunner().invoke(cli, ["templates", *args], catch_exceptions=False)


# --------------------------------------------------------------------------
# the documented context


def context_paths(context: dict) -> set[str]:
    """Every field path a template can reach: `stories[].quotes[].speaker`. A type is expanded
    the first time it appears; later appearances (and the raw Digest and BriefStory) are documented
    as a whole."""
    seen: set[type] = set()
    paths: set[str] = set()

    def visit(path: str, value: object) -> None:
        paths.add(path)
        item = value[0] if isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]) else value
        if not dataclasses.is_dataclass(item) or isinstance(item, (Digest, BriefStory)) or type(item) in seen:
            return
        seen.add(type(item))
        prefix = path + ("[]" if item is not value else "")
        for f in dataclasses.fields(item):
            visit(f"{prefix}.{f.name}", getattr(item, f.name))

    for key, value in context.items():
        visit(key, value)
    return paths


def documented_paths() -> set[str]:
    return set(re.findall(r"^\| `([^`]+)` \|", DOC.read_text(), re.MULTILINE))


def test_sample_day_reaches_every_kind_of_value():
    ctx = build_context(sample_brief(3), BUILTIN_AUDIENCES["press"])
    story = ctx["stories"][0]
    assert story.quotes and story.people and story.organizations and story.places and ctx["failures"]
    assert any(q.speaker is None for q in story.quotes) and any(s.url is None for s in ctx["stories"])


def test_docs_list_exactly_the_fields_of_the_real_context():
    real = context_paths(build_context(sample_brief(3), BUILTIN_AUDIENCES["analyst"]))
    documented = documented_paths()
    assert sorted(real - documented) == [], "in the context but not in docs/templates.md"
    assert sorted(documented - real) == [], "in docs/templates.md but not in the context"


def test_docs_name_every_block_of_the_base_template():
    blocks = set(re.findall(r"{% block (\w+) %}", (builtin_template_dir() / "base.html").read_text()))
    text = DOC.read_text()
    assert all(f"`{b}`" in text for b in blocks), blocks


# --------------------------------------------------------------------------
# list, show, init


def test_list_shows_builtins_and_which_user_files_override_them(tmp_path):
    mine = tmp_path / "mine"
    (mine / "partials").mkdir(parents=True)
    (mine / "partials" / "quotes.html").write_text("<p>quotes</p>")
    (mine / "weekly.html").write_text("<p>weekly</p>")
    result = run("list", "--template-dir", str(mine))
    lines = dict(line.split(None, 1) for line in result.stdout.splitlines())
    assert lines["executive.html"] == "built-in"
    assert lines["css/base.css"] == "built-in"
    assert lines["partials/quotes.html"] == f"{mine.resolve()}  (overrides the built-in)"
    assert lines["weekly.html"] == str(mine.resolve())


def test_list_uses_template_dirs_from_the_config_file(tmp_path):
    (tmp_path / "cfg" / "tpl").mkdir(parents=True)
    (tmp_path / "cfg" / "tpl" / "executive.html").write_text("x")
    (tmp_path / "cfg" / "briefgen.toml").write_text('template_dirs = ["tpl"]\n')
    result = run("list", "--config", str(tmp_path / "cfg" / "briefgen.toml"))
    assert "executive.html" in result.stdout and "(overrides the built-in)" in result.stdout


def test_show_prints_the_winning_file_and_builtin_prefix_reaches_the_original(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "empty.html").write_text("MY EMPTY")
    assert run("show", "partials/empty.html", "-t", str(tmp_path)).stdout == "MY EMPTY"
    original = (builtin_template_dir() / "partials" / "empty.html").read_text()
    assert run("show", "builtin/partials/empty.html", "-t", str(tmp_path)).stdout == original


@pytest.mark.parametrize("name", ["nope.html", "../pyproject.toml", "/etc/passwd"])
def test_show_refuses_missing_files_and_paths_outside_the_search_path(name):
    result = CliRunner().invoke(cli, ["templates", "show", name])
    assert result.exit_code == 1 and "not found" in result.stderr


def test_init_copies_the_builtins_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "start"
    result = run("init", str(target))
    assert result.exit_code == 0 and result.stdout.strip() == str(target)
    for name in ("base.html", "executive.html", "partials/quotes.html", "css/base.css"):
        assert (target / name).read_text() == (builtin_template_dir() / name).read_text()
    assert not (target / "__init__.py").exists()
    (target / "base.html").write_text("mine")
    again = CliRunner().invoke(cli, ["templates", "init", str(target)])
    assert again.exit_code == 1 and "already exists" in again.stderr
    assert (target / "base.html").read_text() == "mine"
    assert run("init", str(target), "--force").exit_code == 0
    assert (target / "base.html").read_text() != "mine"


# --------------------------------------------------------------------------
# check


def test_check_passes_for_an_unchanged_copy_of_the_builtins(tmp_path):
    run("init", str(tmp_path / "t"))
    result = run("check", str(tmp_path / "t"))
    assert result.exit_code == 0, result.output
    assert [line.split()[:2] for line in result.stdout.splitlines()] == [
        ["ok", "executive"], ["ok", "analyst"], ["ok", "press"]]


def test_check_reports_undefined_variables_with_file_and_line(tmp_path):
    (tmp_path / "executive.html").write_text(
        '{% extends "builtin/executive.html" %}\n{% block masthead %}\n{{ storys|length }}\n{% endblock %}\n'
    )
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    failing = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert len(failing) == 1
    assert f"FAIL executive (executive.html): {tmp_path / 'executive.html'}:3: 'storys' is undefined" == failing[0]


def test_check_reports_syntax_errors_in_a_partial_with_file_and_line(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "story_memory.html").write_text("<div>\n{% for q in story.quotes %}\n")
    result = run("check", str(tmp_path))
    assert result.exit_code == 1
    assert result.stdout.count("partials/story_memory.html:") >= 2  # every audience that includes it


def test_check_catches_a_template_that_only_fails_on_the_empty_day(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "empty.html").write_text("{{ stories[0].headline }}")
    result = run("check", str(tmp_path))
    assert result.exit_code == 1 and result.stdout.count("FAIL") == 3


def test_check_covers_audiences_from_the_config(tmp_path):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "weekly.html").write_text('{% extends "base.html" %}{% block main %}{{ oops }}{% endblock %}')
    (tmp_path / "briefgen.toml").write_text('template_dirs = ["tpl"]\n[audiences.weekly]\ntemplate = "weekly.html"\n')
    result = run("check", "--config", str(tmp_path / "briefgen.toml"))
    assert result.exit_code == 1
    assert "FAIL weekly (weekly.html):" in result.stdout and "'oops' is undefined" in result.stdout


def test_html_preview_is_the_document_the_pdf_is_made_from(tmp_path, monkeypatch):
    """`build -f html -f pdf`: the PDF shows exactly the HTML preview's text."""
    from pypdf import PdfReader

    seed = ROOT / "seeds" / "000_6a20b3f872e24daa.txt"
    result = CliRunner().invoke(cli, ["build", str(seed), "-a", "executive", "-f", "html", "-f", "pdf",
                                      "-d", "2025-03-11", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "2025-03-11" / "executive.html").read_text()
    pdf = " ".join(" ".join(p.extract_text() or "" for p in PdfReader(tmp_path / "2025-03-11" / "executive.pdf").pages).split())
    assert "<style>" in html and "<link" not in html  # self-contained: CSS inlined
    headline = re.search(r'<h3 class="headline"[^>]*><span class="story-number">1</span> ([^<]+)</h3>', html).group(1)
    assert " ".join(headline.split()) in pdf


def test_check_catches_an_audience_whose_template_is_missing_and_passes_the_others(tmp_path):
    (tmp_path / "briefgen.toml").write_text('[audiences.weekly]\nextends = "analyst"\ntemplate = "weekly.html"\n')
    result = run("check", "--config", str(tmp_path / "briefgen.toml"))
    assert result.exit_code == 1
    assert "FAIL weekly (weekly.html): template 'weekly.html' not found" in result.stdout
    assert "ok   analyst (analyst.html)" in result.stdout  # the others are still checked


def test_check_names_the_audience_and_template_of_a_render_time_out(tmp_path):
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / "press.html").write_text("{% for a in range(99999) %}{% for b in range(99999) %}"
                                                 "{% endfor %}{% endfor %}")
    (tmp_path / "briefgen.toml").write_text('template_dirs = ["tpl"]\nrender_timeout = 1\n')
    result = run("check", "--config", str(tmp_path / "briefgen.toml"))
    assert result.exit_code == 1
    assert "FAIL press (press.html): the template press.html took longer than 1 s; stopped" in result.stdout


def test_check_reports_a_half_empty_first_page_and_the_page_count_change(tmp_path):
    # A masthead addition that pushes everything after it overleaf, as a too-tall block would.
    (tmp_path / "executive.html").write_text(
        '{% extends "builtin/executive.html" %}\n'
        '{% block masthead %}{{ super() }}<p style="break-after: page">Note from the desk.</p>'
        '<p style="break-after: page">And a second one.</p>{% endblock %}\n')
    result = run("check", str(tmp_path))
    assert result.exit_code == 0, result.output  # reported, not failed...
    lines = [ln for ln in result.stdout.splitlines() if "layout:" in ln]
    assert any("page 1: only" in ln and "full" in ln for ln in lines), result.stdout
    assert any("pages where the built-in templates give" in ln for ln in lines), result.stdout
    assert run("check", "--strict", str(tmp_path)).exit_code == 1  # ...unless asked to fail
    assert "layout:" not in run("check", "--no-layout", str(tmp_path)).stdout


def test_check_reports_text_that_sticks_out_of_the_page(tmp_path):
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "analyst.css").write_text(
        '{% include "builtin/css/analyst.css" %}\n.headline { white-space: nowrap; overflow-wrap: normal; '
        'hyphens: none; font-size: 40pt; }\n')
    result = run("check", str(tmp_path))
    assert "sticks out of the page" in result.stdout, result.stdout


def test_init_minimal_writes_one_file_that_extends_the_builtin(tmp_path):
    result = run("init", "--minimal", str(tmp_path / "t"))
    assert result.exit_code == 0, result.output
    files = [p.relative_to(tmp_path / "t").as_posix() for p in (tmp_path / "t").rglob("*") if p.is_file()]
    assert files == ["base.html"]
    base = (tmp_path / "t" / "base.html").read_text()
    assert '{% extends "builtin/base.html" %}' in base
    check = run("check", "--no-layout", str(tmp_path / "t"))
    assert check.exit_code == 0 and check.stdout.count("ok   ") == 3, check.output
    # a rule written into it reaches every audience, after the built-in ones
    (tmp_path / "t" / "base.html").write_text(base.replace("/* .title { color: #0b5394; } */",
                                                           ".title { color: #0b5394; }"))
    for name in ("executive", "analyst", "press"):
        html = render_html(sample_brief(2, audience=name), BUILTIN_AUDIENCES[name], template_dirs=[tmp_path / "t"])
        assert html.rindex(".title { color: #0b5394; }") > html.index("@media screen and (prefers-color-scheme: dark)")
    assert run("init", "--minimal", str(tmp_path / "t")).exit_code != 0  # no overwrite without --force
