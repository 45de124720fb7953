"""Configuration: briefgen.toml + BRIEFGEN_* -> Settings, and audiences' filters and order.

Precedence is flag > environment > file > built-in default; the flag layer is
tested through the CLI at the end.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.audience import BUILTIN_AUDIENCES
from briefgen.cli import cli
from briefgen.compose import build_brief
from briefgen.model import BriefStory
from briefgen.rendering.locales import format_date
from briefgen.settings import (
    AUDIENCE_DEFAULT_KEYS,
    AUDIENCE_KEYS,
    GLOBAL_KEYS,
    SMTP_KEYS,
    ConfigError,
    find_config,
    load_settings,
)
from briefgen.stories.select import select_stories
from builders import digest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "briefgen.example.toml"


def write(tmp_path: Path, text: str, name: str = "briefgen.toml") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def load(tmp_path: Path, text: str, env: dict | None = None):
    return load_settings(write(tmp_path, text), env=env or {}, cwd=tmp_path)


# --------------------------------------------------------------------------
# the example config


def test_example_config_loads_and_defines_a_board_audience_extending_executive():
    s = load_settings(EXAMPLE, env={})
    board = s.audiences["board"]
    assert board.template == BUILTIN_AUDIENCES["executive"].template
    assert (board.title, board.page_size, board.order, board.locale) == ("Board Brief", "Letter", "newest", "en-US")
    assert board.include == ("energy", "interest rates", "central bank")
    assert s.audiences["executive"].classification == "INTERNAL"
    assert s.audiences["analyst"].pdf_variant == "pdf/ua-1"  # the global default reaches every audience
    assert board.pdf_variant == "pdf/a-3u"  # unless the audience sets its own
    assert s.output_dir == ROOT / "output"  # relative to the file, not the working directory


def test_every_key_the_example_mentions_even_commented_out_is_a_real_key():
    known = {*GLOBAL_KEYS, *AUDIENCE_DEFAULT_KEYS, *AUDIENCE_KEYS, *SMTP_KEYS}
    mentioned = set(re.findall(r"^#? ?([a-z_]+) += ", EXAMPLE.read_text(), re.MULTILINE))
    assert mentioned and mentioned <= known, mentioned - known


def test_every_key_is_mentioned_in_the_example():
    text = EXAMPLE.read_text()
    missing = [k for k in (*AUDIENCE_KEYS, *GLOBAL_KEYS, *SMTP_KEYS) if not re.search(rf"^#? ?{k} += ", text, re.MULTILINE)]
    assert missing == []


# --------------------------------------------------------------------------
# finding the file


def test_explicit_config_beats_environment_beats_cwd_beats_user_dir(tmp_path):
    for name in ("explicit.toml", "env.toml", "briefgen.toml"):
        write(tmp_path, "", name)
    user = tmp_path / "xdg" / "briefgen"
    user.mkdir(parents=True)
    write(user, "")
    env = {"BRIEFGEN_CONFIG": str(tmp_path / "env.toml"), "XDG_CONFIG_HOME": str(tmp_path / "xdg")}
    assert find_config(tmp_path / "explicit.toml", env, tmp_path).name == "explicit.toml"
    assert find_config(None, env, tmp_path).name == "env.toml"
    del env["BRIEFGEN_CONFIG"]
    assert find_config(None, env, tmp_path) == (tmp_path / "briefgen.toml").resolve()
    assert find_config(None, env, tmp_path / "xdg") == (user / "briefgen.toml").resolve()
    assert find_config(None, {"HOME": str(tmp_path / "nobody")}, tmp_path / "xdg") is None


def test_home_config_dir_is_used_without_xdg(tmp_path):
    home_cfg = tmp_path / ".config" / "briefgen"
    home_cfg.mkdir(parents=True)
    write(home_cfg, "")
    assert find_config(None, {"HOME": str(tmp_path)}, tmp_path / ".config") == (home_cfg / "briefgen.toml").resolve()


@pytest.mark.parametrize("source", ["flag", "env"])
def test_a_named_config_that_does_not_exist_is_an_error(tmp_path, source):
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError, match="nope.toml not found"):
        if source == "flag":
            find_config(missing, {}, tmp_path)
        else:
            find_config(None, {"BRIEFGEN_CONFIG": str(missing)}, tmp_path)


def test_no_config_anywhere_gives_the_built_in_defaults(tmp_path):
    s = load_settings(None, env={"HOME": str(tmp_path)}, cwd=tmp_path)
    assert s.source is None and dict(s.audiences) == BUILTIN_AUDIENCES
    assert s.chosen() == list(BUILTIN_AUDIENCES.values())


# --------------------------------------------------------------------------
# values, paths and precedence


def test_relative_paths_resolve_against_the_config_folder(tmp_path):
    (tmp_path / "conf" / "tpl").mkdir(parents=True)
    s = load_settings(write(tmp_path / "conf", 'output_dir = "out"\ntemplate_dirs = ["tpl"]\ninputs = "inbox"\n'),
                      env={}, cwd=Path("/"))
    assert s.output_dir == tmp_path / "conf" / "out"
    assert s.template_dirs == (tmp_path / "conf" / "tpl",)
    assert s.inputs == (tmp_path / "conf" / "inbox",)


def test_environment_beats_the_file(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    env = {"BRIEFGEN_ENGINE": "sumy", "BRIEFGEN_OUTPUT_DIR": "from-env", "BRIEFGEN_FORMATS": "pdf, html",
           "BRIEFGEN_TEMPLATE_DIRS": f"{tmp_path / 'a'}:{tmp_path / 'b'}", "BRIEFGEN_AUDIENCES": "press",
           "BRIEFGEN_PDF_VARIANT": "pdf/a-3u"}
    s = load(tmp_path, 'engine = "fast"\noutput_dir = "from-file"\n'
                       '[audiences.analyst]\npdf_variant = "pdf/ua-1"\n', env)
    assert (s.engine, s.output_dir, s.formats) == ("sumy", tmp_path / "from-env", ("pdf", "html"))
    assert s.template_dirs == (tmp_path / "a", tmp_path / "b")
    assert [a.name for a in s.chosen()] == ["press"]
    assert {a.pdf_variant for a in s.audiences.values()} == {"pdf/a-3u"}


def test_audience_section_changes_only_what_it_names(tmp_path):
    s = load(tmp_path, '[audiences.analyst]\nmax_stories = 4\nquotes_per_story = "all"\naccent = "#123"\n')
    analyst = s.audiences["analyst"]
    assert (analyst.max_stories, analyst.quotes_per_story, analyst.accent) == (4, None, "#123")
    assert analyst.template == "analyst.html" and analyst.summary_sentences == 5
    assert s.audiences["press"] == BUILTIN_AUDIENCES["press"]


def test_new_audience_needs_a_template_or_extends(tmp_path):
    s = load(tmp_path, '[audiences.weekly]\ntemplate = "weekly.html"\n')
    assert (s.audiences["weekly"].template, s.audiences["weekly"].title) == ("weekly.html", "Weekly Brief")
    with pytest.raises(ConfigError, match=r"briefgen.toml:1: audiences.lonely: expected a template"):
        load(tmp_path, "[audiences.lonely]\ntitle = 'Alone'\n")


def test_extends_can_chain_through_user_audiences(tmp_path):
    s = load(tmp_path, '[audiences.b]\nextends = "a"\nmax_stories = 2\n'
                       '[audiences.a]\nextends = "press"\nclassification = "SECRET"\n')
    b = s.audiences["b"]
    assert (b.template, b.classification, b.max_stories, b.name) == ("press.html", "SECRET", 2, "b")


def test_extends_cycle_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="cycle"):
        load(tmp_path, '[audiences.a]\nextends = "b"\n[audiences.b]\nextends = "a"\n')


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('engine = "fastest"\n', r"briefgen.toml:1: engine: expected one of 'fast', 'sumy', got 'fastest'"),
        ('# note\nformats = ["pdf", "docx"]\n', r":2: formats: expected a list drawn from 'pdf'"),
        ('colour = "red"\n', r":1: colour: unknown key; .*the top level takes: output_dir"),
        ('[audiences.executive]\n\nmax_storys = 3\n', r":3: audiences.executive.max_storys: unknown key; did you mean 'max_stories'\?"),
        ('[audiences.executive]\nmax_stories = "ten"\n', r':2: audiences.executive.max_stories: expected a whole number >= 1 or "all", got \'ten\''),
        ('[audiences.executive]\nmax_stories = 0\n', r"max_stories: expected a whole number >= 1"),
        ('[audiences.executive]\nshow_sources = "yes"\n', r"show_sources: expected true or false"),
        ('[audiences.executive]\naccent = "red; }"\n', r'accent: expected a hex colour'),
        ('[audiences.executive]\npage_size = "A3"\n', r"page_size: expected one of 'A4', 'Letter'"),
        ('[audiences.executive]\npdf_variant = "pdf/x-4"\n', r'pdf_variant: expected "pdf/ua-1"'),
        ('[audiences.executive]\nlocale = "tlh"\n', r"locale: expected a supported locale: en-GB"),
        ('[audiences.executive]\nalgorithm = "magic"\n', r"algorithm: expected one of .*'lexrank'"),
        ('[audiences.executive]\norder = "random"\n', r"order: expected one of 'rank', 'newest'"),
        ('[audiences.executive]\ntemplate = "../../etc/passwd"\n', r"template: expected a template file name"),
        ('[audiences.executive]\nlogo = "missing.png"\n', r"logo: expected an existing image file"),
        ('[audiences.executive]\nlogo = "notes.txt"\n', r"logo: expected an image file"),
        ('[audiences."Bad Name"]\n', r"audiences.Bad Name: expected an audience name"),
        ('[audiences.x]\nextends = "nobody"\n', r":2: audiences.x.extends: expected an audience name: executive"),
        ('timezone = "Mars/Olympus"\n', r"timezone: expected an IANA time zone"),
        ('template_dirs = ["nowhere"]\n', r"template_dirs: expected existing folders"),
        ('default_audiences = ["ceo"]\n', r"default_audiences: expected names of audiences: executive, analyst, press"),
        ('[mail]\nto = "x"\n', r"mail: expected no such table"),
        ("[audiences.executive\n", r"briefgen.toml: not valid TOML: .*line 1"),
    ],
)
def test_bad_config_is_one_line_naming_file_line_key_and_expectation(tmp_path, text, message):
    with pytest.raises(ConfigError) as err:
        load(tmp_path, text)
    assert "\n" not in str(err.value)
    assert re.search(message, str(err.value)), str(err.value)
    assert str(tmp_path) in str(err.value)


def test_bad_environment_value_names_the_variable(tmp_path):
    with pytest.raises(ConfigError, match=r"^BRIEFGEN_RENDER_TIMEOUT: expected a number > 0, got 'soon'$"):
        load(tmp_path, "", {"BRIEFGEN_RENDER_TIMEOUT": "soon"})
    # Checked only once the audiences are known, but still blamed on the variable, not a file.
    with pytest.raises(ConfigError, match=r"^BRIEFGEN_AUDIENCES: expected names of audiences: .*, got 'board'$"):
        load_settings(None, env={"HOME": str(tmp_path), "BRIEFGEN_AUDIENCES": "board"}, cwd=tmp_path)


# --------------------------------------------------------------------------
# filters and ordering


def _digests():
    return [
        digest("Wind farm tender draws record bids", source="Energy Wire", tags=("energy",),
               published=datetime(2025, 3, 10, 9)),
        digest("Central bank holds interest rates", source="Northern Financial Review",
               published=datetime(2025, 3, 11, 7)),
        digest("Turmoil in the football league", source="Sports Daily", tags=("sport",),
               published=date(2025, 3, 9)),
        digest("Oil prices fall", source="Energy Wire", published=None),
    ]


def _day():
    return [BriefStory.of(d) for d in _digests()]


def _titles(stories):
    return [d.article.title.split()[0] for d in stories]


def test_include_matches_whole_words_and_phrases_case_insensitively(tmp_path):
    s = load(tmp_path, '[audiences.x]\nextends = "analyst"\ninclude = ["OIL", "interest  rates"]\n')
    assert _titles(select_stories(_day(), s.audiences["x"])) == ["Central", "Oil"]  # not "Turmoil"


def test_exclude_sources_and_tags_filter(tmp_path):
    s = load(tmp_path, '[audiences.a]\nextends = "analyst"\nexclude = ["football"]\norder = "title"\n'
                       '[audiences.b]\nextends = "analyst"\nsources = ["energy wire"]\norder = "title"\n'
                       '[audiences.c]\nextends = "analyst"\ntags = ["Energy"]\n')
    assert _titles(select_stories(_day(), s.audiences["a"])) == ["Central", "Oil", "Wind"]
    assert _titles(select_stories(_day(), s.audiences["b"])) == ["Oil", "Wind"]
    assert _titles(select_stories(_day(), s.audiences["c"])) == ["Wind"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("newest", ["Central", "Wind", "Turmoil", "Oil"]),
        ("oldest", ["Turmoil", "Wind", "Central", "Oil"]),  # undated last either way
        ("source", ["Wind", "Oil", "Central", "Turmoil"]),
        ("title", ["Central", "Oil", "Turmoil", "Wind"]),
    ],
)
def test_ordering(tmp_path, order, expected):
    s = load(tmp_path, f'[audiences.x]\nextends = "analyst"\norder = "{order}"\n')
    result = _titles(select_stories(_day(), s.audiences["x"]))
    if order == "source":  # Energy Wire's two stories keep their rank order between them
        assert result[2:] == expected[2:] and set(result[:2]) == {"Wind", "Oil"}
    else:
        assert result == expected


def test_build_brief_filters_before_cutting_to_max_stories(tmp_path):
    s = load(tmp_path, '[audiences.x]\nextends = "analyst"\nexclude = ["bank"]\nmax_stories = 2\norder = "title"\n')
    brief = build_brief(_digests(), s.audiences["x"], date(2025, 3, 11))
    assert _titles(brief.stories) == ["Oil", "Turmoil"]


# --------------------------------------------------------------------------
# locales


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("en-GB", "Tuesday, 11 March 2025, 14:05"),
        ("en_us", "Tuesday, March 11, 2025, 2:05 PM"),
        ("de-AT", "Dienstag, 11. März 2025, 14:05 Uhr"),
        ("fr", "mardi 11 mars 2025, 14 h 05"),
        ("es", "martes, 11 de marzo de 2025, 14:05"),
    ],
)
def test_dates_follow_the_locale(locale, expected):
    assert format_date(datetime(2025, 3, 11, 14, 5), locale, weekday=True) == expected


# --------------------------------------------------------------------------
# the command line layer


def test_build_uses_config_audiences_and_flags_beat_config(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("Wind farm bids rise\n\nThe wind farm tender drew record bids, officials said.")
    (inbox / "b.txt").write_text("League final postponed\n\nThe football final was postponed by rain.")
    cfg = write(tmp_path, 'inputs = ["inbox"]\noutput_dir = "briefs"\nformats = ["json"]\n'
                          'default_audiences = ["energy"]\n'
                          '[audiences.energy]\nextends = "analyst"\ninclude = ["wind"]\n')
    monkeypatch.chdir("/")
    result = CliRunner().invoke(cli, ["build", "--config", str(cfg), "--date", "2025-03-11"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "briefs" / "2025-03-11" / "energy.json"
    assert result.stdout.split() == [str(out)]
    assert "Wind farm" in out.read_text() and "League" not in out.read_text()

    flagged = tmp_path / "flagged"
    result = CliRunner().invoke(cli, ["build", "-c", str(cfg), "-d", "2025-03-11", "-o", str(flagged),
                                      "-f", "html", "-a", "press"])
    assert result.exit_code == 0, result.output
    assert result.stdout.split() == [str(flagged / "2025-03-11" / "press.html")]


def test_build_with_bad_config_exits_2_with_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    cfg = write(tmp_path, '[audiences.executive]\nmax_storys = 3\n')
    result = CliRunner().invoke(cli, ["build", "seeds", "--config", str(cfg)])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert f"{cfg}:2: audiences.executive.max_storys: unknown key" in line


def test_audiences_command_lists_configured_audiences():
    result = CliRunner().invoke(cli, ["audiences", "--config", str(EXAMPLE)])
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["executive", "analyst", "press", "board"]


def test_allow_hosts_and_pdf_metadata_are_read_from_the_file_and_the_environment(tmp_path):
    from briefgen.settings import load_settings

    config = tmp_path / "briefgen.toml"
    config.write_text('allow_hosts = ["intranet.example"]\n[audiences.executive]\nauthor = "Strategy Office"\n'
                      'subject = "Top stories"\nkeywords = ["energy"]\n')
    s = load_settings(config, env={})
    assert s.allow_hosts == ("intranet.example",)
    executive = s.audiences["executive"]
    assert (executive.author, executive.subject, executive.keywords) == ("Strategy Office", "Top stories", ("energy",))
    assert load_settings(config, env={"BRIEFGEN_ALLOW_HOSTS": "a.example,10.0.0.0/8"}).allow_hosts == \
        ("a.example", "10.0.0.0/8")
