"""Progress of a run (issue 11): the pipeline reports its stages to a callback, and ``align
check`` shows them on standard error only: a bar on a terminal, occasional plain lines in a log,
nothing with --quiet."""

from __future__ import annotations

import io
import json

import pytest
from click.testing import CliRunner

import aligner.cli as cli
import aligner.progress_display as display_module
from aligner.config import Config
from aligner.pipeline import check_paths
from aligner.progress import STAGES, Step

PAIR = ("قال الوزير إن ٥٠ طائرة وصلت.\nوناقشا التجارة والطاقة.\n\n"
        "The minister said 60 planes arrived.\nThey discussed trade and energy.\n")


@pytest.fixture
def pair_file(tmp_path):
    path = tmp_path / "pair.txt"
    path.write_text(PAIR, encoding="utf-8")
    return path


def test_the_pipeline_reports_each_stage_in_order(pair_file):
    steps: list[Step] = []
    check_paths([str(pair_file)], Config(scorer="lexical"), progress=steps.append)
    stages = [s.stage for s in steps]
    first = [stage for k, stage in enumerate(stages) if stage not in stages[:k]]
    assert first == ["reading", "segmenting", "aligning", "checking"]
    checking = [s for s in steps if s.stage == "checking"]
    assert checking[0].done == 0 and checking[-1].done == checking[-1].total > 20
    assert [s.done for s in checking] == list(range(checking[-1].total + 1))
    assert all(s.source == str(pair_file) for s in steps)


def test_a_one_language_source_is_not_aligned(tmp_path):
    path = tmp_path / "ar.txt"
    path.write_text("قال الوزير إن الطائرة وصلت.\n", encoding="utf-8")
    steps: list[Step] = []
    check_paths([str(path)], Config(scorer="lexical"), progress=steps.append)
    assert "aligning" not in {s.stage for s in steps}
    assert {"reading", "segmenting", "checking"} <= {s.stage for s in steps}


def test_fraction_moves_forward_through_stages_and_sources():
    steps = [Step(stage, "a", index, 2, done, 4)
             for index in range(2) for stage in STAGES for done in range(4)]
    fractions = [s.fraction() for s in steps]
    assert fractions == sorted(fractions)
    assert 0 <= fractions[0] < 0.05 and 0.95 < fractions[-1] <= 1


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def _display(bar: bool):
    clock, stream = Clock(), io.StringIO()
    params = display_module.ProgressParams(bar_after=1.0, lines_after=10.0, lines_every=30.0)
    return display_module.StageDisplay(stream, bar, params, clock), clock, stream


def test_plain_lines_wait_for_a_long_run_then_follow_stages():
    display, clock, stream = _display(bar=False)
    display(Step("reading", "/x/book.txt"))
    clock.now += 5
    display(Step("segmenting", "/x/book.txt"))
    assert stream.getvalue() == ""           # a short run writes nothing
    clock.now += 6
    display(Step("aligning", "/x/book.txt"))
    clock.now += 1
    display.show()                           # same stage, soon after: no new line
    clock.now += 30
    display.show()                           # same stage, 30 s on: a reminder
    display(Step("checking", "/x/book.txt", done=3, total=27))
    lines = stream.getvalue().splitlines()
    assert lines == [
        "align: progress: book.txt: aligning [stage 3 of 5], 11s",
        "align: progress: book.txt: aligning [stage 3 of 5], 42s",
        "align: progress: book.txt: checking 3/27 [stage 4 of 5], 42s",
    ]
    display.close()
    assert "\r" not in stream.getvalue()


def test_the_bar_redraws_in_place_and_is_cleared_at_the_end():
    display, clock, stream = _display(bar=True)
    display(Step("reading", "book.txt"))
    assert stream.getvalue() == ""           # no flicker for a quick run
    clock.now += 2
    display(Step("checking", "book.txt", 1, 2, done=9, total=27))
    out = stream.getvalue()
    assert out.startswith("\r\x1b[K[") and "\n" not in out
    assert "book.txt (2 of 2): checking 9/27" in out
    display.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def _run(args, monkeypatch):
    # Every stage line at once, so a run of a second shows them all.
    monkeypatch.setattr(display_module, "PROGRESS",
                        display_module.ProgressParams(lines_after=0, tick=0.05))
    monkeypatch.delenv("CI", raising=False)
    return CliRunner().invoke(cli.main, args)


def test_check_shows_stages_on_stderr_and_keeps_stdout_for_json(pair_file, monkeypatch):
    result = _run(["check", str(pair_file), "--scorer", "lexical", "--json", "-"], monkeypatch)
    assert result.exit_code in (0, 1), result.output
    json.loads(result.stdout)                # nothing but the JSON on stdout
    progress = [line for line in result.stderr.splitlines()
                if line.startswith(display_module.PROGRESS_PREFIX)]
    stages = [line.split(": ")[3].split()[0] for line in progress]
    assert stages[:4] == ["reading", "segmenting", "aligning", "checking"]
    assert stages[-1] == "writing"


def test_quiet_shows_no_progress(pair_file, monkeypatch):
    result = _run(["check", str(pair_file), "--scorer", "lexical", "--quiet"], monkeypatch)
    assert result.exit_code in (0, 1)
    assert display_module.PROGRESS_PREFIX not in result.stderr + result.stdout


class Terminal(io.StringIO):
    def isatty(self):
        return True


def _record(name, status):
    return {"name": name, "source": [f"{name}.ar.txt", f"{name}.en.txt"], "status": status}


def test_batch_draws_the_same_bar_over_its_sources_on_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    clock, stream = Clock(), Terminal()
    shown = display_module.BatchDisplay(False, stream, clock)
    clock.now += 65
    shown(_record("a", "checked"), 1, 4)
    shown(_record("b", "skipped"), 2, 4)
    draws = stream.getvalue().split("\r\x1b[K")[1:]
    assert draws == ["[#####---------------] 1 of 4 sources: checked a  1m05s",
                     "[##########----------] 2 of 4 sources: skipped b  1m05s"]
    shown.close()
    assert stream.getvalue().endswith("\r\x1b[K")


def test_batch_logs_lines_in_ci_and_nothing_when_quiet(monkeypatch):
    monkeypatch.setenv("CI", "true")
    stream = Terminal()
    shown = display_module.BatchDisplay(False, stream)
    shown(_record("a", "checked"), 1, 3)
    shown(_record("b", "skipped"), 2, 3)
    shown.close()
    assert stream.getvalue() == "[1/3] checked a.ar.txt + a.en.txt\n"
    quiet = Terminal()
    display_module.BatchDisplay(True, quiet)(_record("a", "checked"), 1, 3)
    assert quiet.getvalue() == ""
