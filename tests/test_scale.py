"""A day of any size (issue 19): workers, the analysis cache, a Dask cluster, bounded briefs.

Spec: README "Big days". The output never depends on how the work was spread: every test
here compares bytes (or digests) against the one-process run.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import briefgen
from briefgen.analysis import AnalysisOptions, analyze_articles, analyze_paths
from briefgen.cli import cli
from briefgen.logs import progress_line
from briefgen.ops.cache import FILE as CACHE_FILE, open_cache
from briefgen.parallel import Execution, chunk_size, chunks, worth_a_pool
from briefgen.settings.resolve import BuildFlags, OptionError, resolve_build
from builders import article

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DAY = date(2026, 11, 28)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((folder / DAY.isoformat()).iterdir())}


def _build(out: Path, *args: str) -> None:
    result = CliRunner().invoke(cli, ["--quiet", "build", str(SEEDS), "--date", DAY.isoformat(), "-o", str(out),
                                      *args])
    assert result.exit_code == 0, result.output


# ---------------------------------------------------------------- workers


def test_chunks_cover_every_article_once_in_order():
    items = list(range(103))
    for workers in (1, 2, 3, 16):
        parts = chunks(items, chunk_size(len(items), workers))
        assert [x for p in parts for x in p] == items
    assert not worth_a_pool(1000, 1) and not worth_a_pool(3, 4) and worth_a_pool(100, 2)


def test_two_workers_analyse_the_seeds_exactly_as_one_process():
    articles, _ = briefgen.read([SEEDS])
    assert worth_a_pool(len(articles), 2)  # else this would not reach the pool
    options = AnalysisOptions(summary=True)
    alone = analyze_articles(articles, options, execution=Execution(workers=1))
    pooled = analyze_articles(articles, options, execution=Execution(workers=2))
    assert pooled == alone
    assert [d.article for d in pooled] == articles  # the driver's own articles, time zones and all


def test_workers_flag_gives_byte_identical_briefs(tmp_path):
    _build(tmp_path / "one", "--workers", "1", "--no-cache", "-f", "json", "-f", "html")
    _build(tmp_path / "two", "--workers", "2", "--no-cache", "-f", "json", "-f", "html")
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert len(one) == 6 and one == two


@pytest.mark.slow  # three PDFs twice
def test_pdfs_laid_out_side_by_side_are_byte_identical(tmp_path):
    _build(tmp_path / "one", "--workers", "1", "--no-cache")
    _build(tmp_path / "two", "--workers", "2", "--no-cache")
    one, two = _files(tmp_path / "one"), _files(tmp_path / "two")
    assert set(one) == {"analyst.pdf", "executive.pdf", "press.pdf"} and one == two


def test_the_outlet_is_never_a_participant_of_its_own_article_in_a_pool_or_alone():
    text = ("Ada Okafor, the harbour master, told the Eastport Courier on Monday that the Eastport "
            "Courier had seen the plans. Ada Okafor said the council would vote in May.\n")
    articles = [article(title=f"Ferry terminal {k}", text=text, path=f"inbox/{k}.txt") for k in range(40)]
    options = AnalysisOptions(summary=False)
    alone = analyze_articles(articles, options, execution=Execution(workers=1))
    pooled = analyze_articles(articles, options, execution=Execution(workers=2))
    assert pooled == alone
    for digest in alone:
        names = {p.name for p in digest.participants}
        assert "Ada Okafor" in names and "Eastport Courier" not in names


def test_read_and_analysis_failures_stay_in_input_order(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = "The harbour council met on Monday. It approved the new ferry terminal after a long debate.\n"
    for k in range(20):
        (inbox / f"{k:02d}.txt").write_text("" if k in (3, 15) else f"Ferry {k}\n\n{text}")
    digests, failures = analyze_paths([inbox], execution=Execution(workers=2))
    assert len(digests) == 18
    assert [Path(f.path).name for f in failures] == ["03.txt", "15.txt"]


def test_workers_resolve_flag_then_environment_then_config_then_cores(tmp_path):
    (tmp_path / "a.txt").write_text("A title\n\nSome text.\n")
    config = tmp_path / "briefgen.toml"
    config.write_text("workers = 3\n")
    flags = BuildFlags(paths=(str(tmp_path / "a.txt"),), config=config)
    assert resolve_build(flags, env={}).execution.workers == 3
    assert resolve_build(flags, env={"BRIEFGEN_WORKERS": "5"}).execution.workers == 5
    assert resolve_build(BuildFlags(paths=flags.paths, config=config, workers=2),
                         env={"BRIEFGEN_WORKERS": "5"}).execution.workers == 2
    assert resolve_build(BuildFlags(paths=flags.paths), env={}).execution.workers >= 1
    with pytest.raises(OptionError) as err:
        resolve_build(BuildFlags(paths=flags.paths, workers=0), env={})
    assert err.value.option == "--workers"


def test_bad_workers_value_is_one_line_and_exit_2(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "--workers", "0", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "--workers" in result.output and "Traceback" not in result.output
    (tmp_path / "briefgen.toml").write_text('workers = "many"\n')
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "-c", str(tmp_path / "briefgen.toml"),
                                      "-o", str(tmp_path)])
    assert result.exit_code == 2 and "workers" in result.output and "Traceback" not in result.output


def test_progress_line_shows_stage_count_rate_and_time_left():
    assert progress_line("analysing", 0, 1000, 0.0) == "analysing 0/1000"
    line = progress_line("analysing", 400, 1000, 2.0)
    assert line == "analysing 400/1000  200/s  0:03 left"
    assert progress_line("rendering", 3, 3, 6.0) == "rendering 3/3  0.5/s  in 6.0 s"


# ---------------------------------------------------------------- the analysis cache


def test_a_second_run_takes_every_analysis_from_the_cache_with_the_same_bytes(tmp_path):
    out = tmp_path / "out"
    _build(out, "-f", "json", "-f", "html", "--workers", "1")
    first = _files(out)
    assert (out / CACHE_FILE).is_file()
    cache = open_cache(out, today=DAY)
    articles, _ = briefgen.read([SEEDS])
    found = cache.get_many(articles, AnalysisOptions(summary=False))
    cache.close()
    assert all(d is not None for d in found) and cache.hits == len(articles)
    _build(out, "-f", "json", "-f", "html", "--workers", "1")
    assert _files(out) == first


def test_cache_answers_by_content_not_by_file_name(tmp_path):
    cache = open_cache(tmp_path, today=DAY)
    options = AnalysisOptions(summary=False)
    text = "Ada Okafor, the harbour master, said: “We are ready to build.” The council agreed on Monday.\n"
    original = article(title="Ferry terminal approved", text=text, path="inbox/a.txt")
    cache.put_many(analyze_articles([original], options), options)
    renamed = article(title="Ferry terminal approved", text=text, path="inbox/b.txt")
    edited = article(title="Ferry terminal approved", text=text + "More followed.\n", path="inbox/a.txt")
    elsewhere = article(title="Ferry terminal approved", text=text, path="inbox/a.txt", source="Other Outlet")
    hit, miss, other = cache.get_many([renamed, edited, elsewhere], options)
    assert miss is None and other is None  # another outlet is left out of other participants
    assert hit == analyze_articles([renamed], options)[0]  # the new article, its own analysis
    assert cache.get_many([original], AnalysisOptions(summary=True)) == [None]  # other options: a miss
    cache.close()


def test_a_corrupt_entry_is_a_miss_and_a_corrupt_file_is_set_aside(tmp_path, caplog):
    options = AnalysisOptions(summary=False)
    one = article(title="Ferry terminal approved", text="The council agreed on Monday.\n", path="a.txt")
    cache = open_cache(tmp_path, today=DAY)
    cache.put_many(analyze_articles([one], options), options)
    cache.close()
    with sqlite3.connect(tmp_path / CACHE_FILE) as db:
        db.execute("UPDATE entries SET value = '{\"sentences\": 3'")
    cache = open_cache(tmp_path, today=DAY)
    assert cache.get_many([one], options) == [None]
    cache.close()
    (tmp_path / CACHE_FILE).write_bytes(b"this is not a database, it is a text file" * 100)
    cache = open_cache(tmp_path, today=DAY)
    assert cache.get_many([one], options) == [None]
    cache.close()
    assert (tmp_path / CACHE_FILE).with_name("analysis.sqlite.unusable").is_file()
    assert "damaged" in caplog.text


def test_cache_forgets_entries_not_used_within_retention(tmp_path):
    options = AnalysisOptions(summary=False)
    one = article(title="Ferry terminal approved", text="The council agreed on Monday.\n", path="a.txt")
    cache = open_cache(tmp_path, today=date(2026, 11, 1))
    cache.put_many(analyze_articles([one], options), options)
    cache.close()
    cache = open_cache(tmp_path, today=date(2026, 11, 8), keep_days=10)
    assert cache.get_many([one], options) != [None]  # used again on the 8th
    cache.close()
    cache = open_cache(tmp_path, today=date(2026, 11, 17), keep_days=10)
    assert cache.get_many([one], options) != [None]
    cache.close()
    cache = open_cache(tmp_path, today=date(2026, 11, 28), keep_days=10)  # 11 days unused
    assert cache.get_many([one], options) == [None]
    cache.close()


def test_no_cache_writes_no_cache_file(tmp_path):
    out = tmp_path / "out"
    _build(out, "-a", "executive", "-f", "json", "--no-cache")
    assert not (out / CACHE_FILE).exists()


# ---------------------------------------------------------------- a Dask cluster


@pytest.fixture(scope="module")
def local_cluster():
    distributed = pytest.importorskip("distributed")  # `make setup` installs the dask extra
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       dashboard_address=None)
    yield cluster
    cluster.close()


def test_dask_cluster_briefs_are_byte_identical_to_a_local_run(tmp_path, local_cluster):
    _build(tmp_path / "local", "--workers", "1", "--no-cache", "-f", "json", "-f", "html")
    _build(tmp_path / "dask", "--executor", "dask", "--scheduler", local_cluster.scheduler_address, "--no-cache",
           "-f", "json", "-f", "html")
    local, dask = _files(tmp_path / "local"), _files(tmp_path / "dask")
    assert len(local) == 6 and local == dask


def test_dask_workers_of_another_briefgen_version_stop_the_run(tmp_path, local_cluster, monkeypatch):
    from briefgen.ops import cluster

    monkeypatch.setattr(cluster, "driver_identity", lambda: ("0.0.1", "other"))  # the workers run this tree's
    result = CliRunner().invoke(cli, ["--quiet", "build", str(SEEDS), "--date", DAY.isoformat(), "-o", str(tmp_path),
                                      "--executor", "dask", "--scheduler", local_cluster.scheduler_address])
    assert result.exit_code == 1
    assert "runs briefgen" in result.output and "install the same version on every worker" in result.output
    assert "Traceback" not in result.output


def test_unreachable_scheduler_is_one_line(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from briefgen.ops import cluster

    monkeypatch.setattr(cluster, "CONNECT_SECONDS", 1)
    result = CliRunner().invoke(cli, ["--quiet", "build", str(SEEDS), "--date", DAY.isoformat(), "-o", str(tmp_path),
                                      "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.output.startswith("Error: cannot reach the Dask scheduler at tcp://127.0.0.1:9")
    assert len(result.output.strip().splitlines()) == 1


def test_dask_without_the_extra_is_one_line(tmp_path, monkeypatch):
    import builtins

    real = builtins.__import__

    def no_dask(name, *args, **kwargs):
        if name == "distributed" or name.startswith("distributed."):
            raise ImportError(f"No module named {name!r}")
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_dask)
    result = CliRunner().invoke(cli, ["--quiet", "build", str(SEEDS), "--date", DAY.isoformat(), "-o", str(tmp_path),
                                      "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: --executor dask needs Dask: pip install 'briefgen[dask]'"


def test_dask_executor_without_a_scheduler_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path), "--executor", "dask"])
    assert result.exit_code == 2 and "--scheduler" in result.output


# ---------------------------------------------------------------- briefs of bounded length


@pytest.mark.parametrize("name", ["analyst", "press"])
def test_stories_past_the_budget_are_one_line_each_and_all_stay_in_the_json(name):
    import json
    from dataclasses import replace

    from markupsafe import escape

    from briefgen.audience import BUILTIN_AUDIENCES
    from briefgen.rendering.render import render_html
    from briefgen.rendering.serialize import brief_to_dict
    from builders import sample_brief

    audience = replace(BUILTIN_AUDIENCES[name], full_stories=2, digest_stories=3)
    brief = replace(sample_brief(7, audience=name), audience=name)
    html = render_html(brief, audience)
    assert html.count('<article class="story"') == 2
    also = html.split('id="also-today"', 1)[1]
    assert also.count("<li>") == 3 and "2 more stories in the JSON brief" in also
    assert all(escape(s.article.title) in also for s in brief.stories[2:5])
    assert escape(brief.stories[5].article.title) not in html
    assert len(json.loads(json.dumps(brief_to_dict(brief)))["stories"]) == 7


def test_the_builtin_budgets_keep_the_long_briefs_bounded():
    from briefgen.audience import BUILTIN_AUDIENCES

    for name in ("analyst", "press"):
        a = BUILTIN_AUDIENCES[name]
        assert a.full_stories is not None and a.digest_stories is not None
    assert BUILTIN_AUDIENCES["executive"].max_stories is not None


def test_a_story_with_more_quotes_and_names_than_the_budget_shows_its_key_ones():
    from dataclasses import replace

    from briefgen.audience import BUILTIN_AUDIENCES
    from briefgen.rendering.context import build_context
    from builders import brief, digest, participant, quote

    analyst = replace(BUILTIN_AUDIENCES["analyst"], quote_budget=4, participants_per_story=3)
    few = digest("Few", quotes=[quote("We are ready to build the new terminal this year.", None),
                                quote("The harbour will be busy.", "Bo Lind")])
    speakers = [f"Speaker {chr(65 + k)}" for k in range(9)]
    many = digest("Many", quotes=[quote(f"The ferry terminal will open in spring, and we expect {k} new routes.", s)
                                  for k, s in enumerate(speakers)],
                  participants=[participant(s, mentions=k + 1) for k, s in enumerate(speakers)])
    small, big = build_context(brief(few, many), analyst)["stories"]
    assert len(small.quotes) == 2 and small.quotes[0].speaker is None  # under the budget: every quote
    assert 1 <= len(big.quotes) <= 4
    assert [p.name for p in big.participants] == ["Speaker I", "Speaker H", "Speaker G"]  # most mentioned


def test_a_rerun_of_the_same_day_lays_out_nothing_until_a_template_changes(tmp_path, monkeypatch):
    from briefgen import run

    out, templates = tmp_path / "out", tmp_path / "templates"
    templates.mkdir()
    (templates / "executive.html").write_text("<h1>{{ brief.title }}</h1>{% for s in stories %}<p>{{ s.headline }}</p>"
                                              "{% endfor %}")
    args = ("-a", "executive", "-a", "analyst", "-f", "html", "-f", "json", "-t", str(templates), "--workers", "1")
    _build(out, *args)
    first = _files(out)
    real = run._render_tasks
    rendered: list[str] = []

    def counting(tasks, request):
        rendered.extend(t.audience.name for t in tasks)
        return real(tasks, request)

    monkeypatch.setattr(run, "_render_tasks", counting)
    _build(out, *args)
    assert rendered == [] and _files(out) == first  # every file from the cache, the same bytes
    (templates / "executive.html").write_text("<h2>{{ brief.title }}</h2>")
    _build(out, *args)
    # any template may include any file of the folders: a change there renders every audience again
    assert rendered == ["executive", "analyst"]
    assert b"<h2>" in _files(out)["executive.html"]
    _build(out, *args, "--no-cache")
    assert rendered == ["executive", "analyst"] * 2


def test_stories_made_in_forked_children_are_the_stories_made_in_one_process(monkeypatch):
    from briefgen.stories import assemble

    digests, _ = analyze_paths([SEEDS], AnalysisOptions(summary=False))
    alone = assemble.build_stories(digests, assemble.StoryOptions(pool_sentences=12), today=date(2026, 1, 5))
    monkeypatch.setattr(assemble, "MIN_STORIES_TO_SHARE", 2)  # the seed day is small
    shared = assemble.build_stories(digests, assemble.StoryOptions(pool_sentences=12), today=date(2026, 1, 5),
                                    workers=2)
    assert [(s.id, s.summary, s.pool, s.participants, s.quotes, s.importance) for s in shared] == [
        (s.id, s.summary, s.pool, s.participants, s.quotes, s.importance) for s in alone]
    assert all(a.digests[0] is b.digests[0] for a, b in zip(shared, alone))  # the driver's own digests


def test_a_story_an_earlier_run_made_comes_from_the_cache_exactly(tmp_path, monkeypatch):
    from briefgen.stories import assemble

    digests, _ = analyze_paths([SEEDS], AnalysisOptions(summary=False))
    options = assemble.StoryOptions(pool_sentences=12)
    cache = open_cache(tmp_path, today=date(2026, 1, 5))
    first = assemble.build_stories(digests, options, today=date(2026, 1, 5), cache=cache)

    def made_again(*args):
        raise AssertionError("a cached story was summarised again")

    monkeypatch.setattr(assemble, "_parts", made_again)
    again = assemble.build_stories(digests, options, today=date(2026, 1, 5), cache=cache)
    cache.close()
    assert [(s.id, s.summary, s.pool, s.participants, s.quotes, s.importance) for s in again] == [
        (s.id, s.summary, s.pool, s.participants, s.quotes, s.importance) for s in first]
    # the fields equality leaves out (where each participant and quote came from) come back too
    assert [[p.path for p in s.participants] for s in again] == [[p.path for p in s.participants] for s in first]
    assert [[q.path for q in s.quotes] for s in again] == [[q.path for q in s.quotes] for s in first]


def test_a_changed_template_file_is_a_different_render(tmp_path):
    from briefgen.ops.cache import render_fingerprint
    from briefgen.rendering.html import builtin_template_dir

    custom = tmp_path / "looks"
    custom.mkdir()
    (custom / "base.html").write_text("<p>one</p>", encoding="utf-8")
    before = render_fingerprint([builtin_template_dir(), custom])
    assert render_fingerprint([builtin_template_dir(), custom]) == before
    (custom / "base.html").write_text("<p>a longer look</p>", encoding="utf-8")
    assert render_fingerprint([builtin_template_dir(), custom]) != before
    assert render_fingerprint([custom]) != render_fingerprint([builtin_template_dir(), custom])
