"""``align batch``: 200 generated article pairs checked on local processes and on a real Dask
LocalCluster, with identical results; a worker that dies costs only its source; a second run
skips everything; a changed source is the only one checked again."""

from __future__ import annotations

import csv
import json
import multiprocessing
import sqlite3
import sys
from pathlib import Path

import batch_workers  # a module, not this file: spawned worker processes import it by name
import pytest
from click.testing import CliRunner

from aligner.batch import EXIT_SOURCES_FAILED, BatchOptions, run_batch
from aligner.batch.executors import DASK_MISSING, WORKER_DIED
from aligner.batch.outputs import render_index
from aligner.cli import main
from aligner.config import Config
from aligner.export.json import read_results

TICO = Path(__file__).parent / "data" / "tico19" / "tico19.en-ar.tsv"
ARTICLES = 200
SENTENCES = 3
LEXICAL = Config(scorer="lexical", no_cache=True)


def _rows() -> list[dict]:
    with TICO.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def write_articles(folder: Path, count: int, offset: int = 0) -> Path:
    """``count`` parallel articles (NAME.ar.txt + NAME.en.txt) of TICO-19 sentence pairs."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = _rows()
    for k in range(count):
        chunk = rows[(offset + k) * SENTENCES:(offset + k + 1) * SENTENCES]
        for lang in ("ar", "en"):
            (folder / f"a{k:03d}.{lang}.txt").write_text(
                "\n".join(r[lang] for r in chunk) + "\n", encoding="utf-8")
    return folder


POISONED = "a099-poison"   # sorts among the others: its worker dies midway through the run


@pytest.fixture(scope="module")
def articles(tmp_path_factory) -> Path:
    """200 articles, and one more whose worker process dies (batch_workers.die_on_poison)."""
    folder = write_articles(tmp_path_factory.mktemp("batch") / "articles", ARTICLES)
    write_articles(folder.parent / "poison", 1, offset=ARTICLES)
    for lang in ("ar", "en"):
        (folder.parent / "poison" / f"a000.{lang}.txt").rename(folder / f"{POISONED}.{lang}.txt")
    return folder


@pytest.fixture(scope="module")
def local_run(articles):
    out = articles.parent / "out-local"
    report = run_batch([str(articles)], LEXICAL, out, BatchOptions(jobs=2),
                       work=batch_workers.die_on_poison)
    return out, report


def _summary(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "summary.jsonl").read_text("utf-8").splitlines()]


def _checked(out: Path) -> list[dict]:
    return [r for r in _summary(out) if r["status"] != "failed"]


@pytest.mark.slow
def test_local_run_writes_every_output(local_run, articles):
    out, report = local_run
    summary = _summary(out)
    assert len(summary) == ARTICLES + 1
    assert [r["source"][0] for r in summary] == sorted(
        str(p) for p in articles.glob("*.ar.txt"))
    checked = _checked(out)
    assert len(checked) == ARTICLES
    results = [read_results(out / r["json"])[0] for r in checked]
    assert sum(len(r.pairs) for r in results) == sum(r["pairs"] for r in checked)
    assert all(len(r.pairs) >= 1 and r.tgt_lang == "en" for r in results)
    assert all(r["findings"] == res.counts() for r, res in zip(checked, results))
    index = (out / "index.html").read_text("utf-8")
    for record in checked:
        assert (out / record["html"]).is_file()
        assert f'href="{record["html"]}"' in index
    aligned = sum(1 for r in results for p in r.pairs if p.src and p.tgt)
    tmx = (out / "aligned.tmx").read_text("utf-8")
    assert tmx.count("<tu ") == aligned == report.tmx_units
    assert f'tuid="{ARTICLES + 1}-0"' in tmx   # numbered by place in the summary


@pytest.mark.slow
def test_a_dead_local_worker_costs_only_its_source(local_run):
    out, report = local_run
    assert [(r["name"], r["error"]) for r in report.failed] == [(POISONED, WORKER_DIED)]
    assert report.exit_code == EXIT_SOURCES_FAILED
    assert not (out / "results" / f"{POISONED}.json").exists()
    index = (out / "index.html").read_text("utf-8")
    assert "1 source(s) failed" in index and f"{POISONED}.ar.txt" in index


@pytest.mark.slow
def test_dask_local_cluster_gives_identical_results(local_run, articles):
    dask = pytest.importorskip("dask")  # the test extra installs it; CI always runs this
    out_local, _ = local_run
    out = articles.parent / "out-dask"
    # Dask retries a task whose worker died on another worker; one death is enough here.
    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        report = run_batch([str(articles)], LEXICAL, out,
                           BatchOptions(jobs=2, executor="dask"),
                           work=batch_workers.die_on_poison)
    assert [r["name"] for r in report.failed] == [POISONED]
    assert report.failed[0]["error"] == f"{WORKER_DIED} (Dask KilledWorker)"
    assert _checked(out) == _checked(out_local)
    for record in _checked(out):
        assert (out / record["json"]).read_bytes() == (out_local / record["json"]).read_bytes()


@pytest.mark.slow
def test_second_run_skips_everything_and_a_change_reruns_only_it(local_run, articles):
    # Last of the tests on the shared articles: it edits them.
    out, _ = local_run
    for lang in ("ar", "en"):
        (articles / f"{POISONED}.{lang}.txt").unlink()
    before = {p.name: p.read_bytes() for p in (out / "results").iterdir()}
    again = run_batch([str(articles)], LEXICAL, out, BatchOptions(jobs=2))
    assert [r["status"] for r in again.records] == ["skipped"] * ARTICLES
    assert {p.name: p.read_bytes() for p in (out / "results").iterdir()} == before
    assert len(_summary(out)) == ARTICLES

    changed = articles / "a042.en.txt"
    changed.write_text(changed.read_text("utf-8").replace("the", "a"), encoding="utf-8")
    third = run_batch([str(articles)], LEXICAL, out, BatchOptions(jobs=2))
    rerun = [r["name"] for r in third.records if r["status"] == "checked"]
    assert rerun == ["a042"]
    assert (out / "results" / "a042.json").read_bytes() != before["a042.json"]


def test_cli_lists_failures_and_exits_3(tmp_path):
    sources = write_articles(tmp_path / "src", 3)
    (sources / "a001.ar.txt").write_text("", encoding="utf-8")  # nothing to align
    runner = CliRunner()
    result = runner.invoke(main, ["batch", str(sources), "--out", str(tmp_path / "out"),
                                  "--scorer", "lexical", "--no-cache", "-j", "1"],
                           env={"CI": "true"})
    assert result.exit_code == EXIT_SOURCES_FAILED, result.output
    lines = result.output.splitlines()
    failed = [line for line in lines if line.startswith("failed: ")]
    assert len(failed) == 1 and "a001.ar.txt" in failed[0]
    assert "3 sources: 2 checked, 0 unchanged (skipped), 1 failed" in result.output
    # Not a terminal: one plain progress line per source.
    assert sum(1 for line in lines if line.startswith("[")) == 3


def test_cli_exit_0_then_skips_then_reruns_on_new_settings(tmp_path):
    sources = write_articles(tmp_path / "src", 2)
    args = ["batch", str(sources), "--out", str(tmp_path / "out"), "--scorer", "lexical",
            "--no-cache", "-j", "1"]
    first = CliRunner().invoke(main, [*args, "--disable", "missing-final-punct"],
                               env={"CI": "true"})
    assert first.exit_code == 0, first.output
    assert "2 checked" in first.output
    second = CliRunner().invoke(main, [*args, "--disable", "missing-final-punct", "-q"],
                                env={"CI": "true"})
    assert second.exit_code == 0
    assert "2 unchanged (skipped)" in second.output
    assert not any(line.startswith("[") for line in second.output.splitlines())
    # Other settings may change every result: every source is checked again, and the
    # sentences that end without a full stop now count (info) but do not fail the run.
    third = CliRunner().invoke(main, [*args, "--fail-on", "info"], env={"CI": "true"})
    assert "2 checked" in third.output
    assert third.exit_code == 1, third.output


def test_missing_dask_is_one_line_naming_the_extra(tmp_path, monkeypatch):
    sources = write_articles(tmp_path / "src", 1)
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.distributed", None)
    result = CliRunner().invoke(main, ["batch", str(sources), "--out", str(tmp_path / "o"),
                                       "--executor", "dask", "--scorer", "lexical"])
    assert result.exit_code == 2
    assert result.output.strip() == f"align: error: {DASK_MISSING}"
    assert "pip install 'aligner[dask]'" in result.output


def test_index_escapes_source_names_and_reasons():
    hostile = "<script>alert(1)</script>"
    records = [
        {"source": [f"{hostile}.ar.txt"], "name": "x", "status": "checked", "src_lang": "ar",
         "tgt_lang": "en", "pairs": 2, "findings": {"error": 1, "warning": 0, "info": 0},
         "html": 'reports/x".html'},
        {"source": ["b.txt"], "name": "b", "status": "failed", "error": f"bad {hostile}"},
    ]
    page = render_index(records)
    assert hostile not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;.ar.txt" in page
    assert "bad &lt;script&gt;" in page
    assert 'href="reports/x&quot;.html"' in page
    assert "1 source(s) failed" in page


def test_two_processes_writing_one_cache_never_fail(tmp_path):
    context = multiprocessing.get_context("spawn")
    start = context.Manager().Event()
    with context.Pool(2) as pool:
        jobs = [pool.apply_async(batch_workers.fill_cache, (str(tmp_path), tag, 40, 25, start))
                for tag in ("first", "second")]
        start.set()
        problems = [job.get(timeout=120) for job in jobs]
    assert problems == [None, None]
    with sqlite3.connect(tmp_path / "embeddings.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM vectors").fetchone()[0] == 2 * 40 * 25
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_streamed_tmx_is_valid_and_holds_what_to_tmx_holds(tmp_path):
    from datetime import datetime, timezone

    from lxml import etree

    from aligner.export.tmx import to_tmx, write_tmx_stream
    from aligner.pipeline import check_paths

    sources = write_articles(tmp_path / "src", 2)
    results = [check_paths([str(sources / f"a00{k}.ar.txt"), str(sources / f"a00{k}.en.txt")],
                           LEXICAL) for k in range(2)]
    created = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    count = write_tmx_stream(tmp_path / "m.tmx", enumerate(results, 1), "ar", created=created)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             remove_blank_text=True)
    streamed = etree.fromstring((tmp_path / "m.tmx").read_bytes(), parser)
    dtd = etree.DTD(str(Path(__file__).parent.parent / "aligner" / "data" / "tmx14.dtd"))
    assert dtd.validate(streamed), dtd.error_log.filter_from_errors()
    whole = etree.fromstring(to_tmx(results, created=created), parser)
    assert etree.tostring(streamed) == etree.tostring(whole)
    assert count == len(streamed.findall("body/tu")) == sum(
        1 for r in results for p in r.pairs if p.src and p.tgt)
    assert not list(tmp_path.glob(".m.tmx.*"))  # no temporary file left behind


def test_out_inside_the_sources_is_not_read_as_sources(tmp_path):
    sources = write_articles(tmp_path / "src", 2)
    first = run_batch([str(sources)], LEXICAL, sources / "out", BatchOptions(jobs=1))
    assert (sources / "out" / "aligned.tmx").is_file()
    again = run_batch([str(sources)], LEXICAL, sources / "out", BatchOptions(jobs=1))
    assert [r["name"] for r in again.records] == [r["name"] for r in first.records]
    assert [r["status"] for r in again.records] == ["skipped", "skipped"]


def test_one_language_sources_leave_no_tmx_behind(tmp_path):
    sources = write_articles(tmp_path / "src", 1)
    out = tmp_path / "out"
    run_batch([str(sources)], LEXICAL, out, BatchOptions(jobs=1))
    assert (out / "aligned.tmx").is_file()
    (sources / "a000.en.txt").unlink()
    report = run_batch([str(sources / "a000.ar.txt")], LEXICAL, out, BatchOptions(jobs=1))
    assert [r["tgt_lang"] for r in report.records] == [None]
    assert report.tmx is None and not (out / "aligned.tmx").exists()


def test_a_pipe_or_an_oversized_file_fails_alone_and_is_never_read(tmp_path):
    import os

    sources = write_articles(tmp_path / "src", 2)
    fifo = tmp_path / "src" / "pipe.txt"
    os.mkfifo(fifo)   # opening it to hash would wait for a writer forever
    big = tmp_path / "src" / "a001.en.txt"
    config = LEXICAL.merged(max_bytes=16)
    report = run_batch([str(sources / "a000.ar.txt"), str(sources / "a000.en.txt"), str(fifo)],
                       LEXICAL, tmp_path / "out", BatchOptions(jobs=1))
    assert [r["status"] for r in report.records] == ["checked", "failed"]
    assert "pipe.txt: is a pipe" in report.failed[0]["error"]
    small = run_batch([str(sources / "a001.ar.txt"), str(big)], config, tmp_path / "out2",
                      BatchOptions(jobs=1))
    assert [r["status"] for r in small.records] == ["failed"]
    assert "a001." in small.failed[0]["error"] and "is larger than" in small.failed[0]["error"]


def test_a_locked_cache_statement_is_retried_then_given_up():
    from aligner.similarity.cache import CacheParams, retry_locked

    params = CacheParams(retries=3, backoff_s=0.001)
    calls = []

    def locked_twice():
        calls.append(1)
        if len(calls) <= 2:
            raise sqlite3.OperationalError("database is locked")
        return "done"

    assert retry_locked(locked_twice, params) == "done" and len(calls) == 3

    def always_locked():
        calls.append(1)
        raise sqlite3.OperationalError("database is locked")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        retry_locked(always_locked, params)
    assert len(calls) == 4   # the first try and three retries

    def broken():
        calls.append(1)
        raise sqlite3.OperationalError("no such table: vectors")

    calls.clear()
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        retry_locked(broken, params)
    assert len(calls) == 1   # not a lock: not retried
