"""``align check`` as a CI gate: exit codes, baselines, discovery across folders, output files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.baseline import read_baseline, write_baseline
from aligner.cli import main
from aligner.config import Config
from aligner.gate import apply_baseline, run_gate

ROOT = Path(__file__).resolve().parent.parent

CLEAN = ("The boy went to school in the morning. He read a book in the evening.\n\n"
         "ذهب الولد إلى المدرسة في الصباح. قرأ كتابا في المساء.\n")
# The English leaves an Arabic word untranslated: an `untranslated` error at line 1.
FAULTY = ("The boy went to المدرسة in the morning. He read a book in the evening.\n\n"
          "ذهب الولد إلى المدرسة في الصباح. قرأ كتابا في المساء.\n")
# Three paragraphs; the fault sits in the last one, so edits to the first are "above" it.
LONG = ("The weather was cold in the city. People stayed at home.\n"
        "The minister visited the hospital. He spoke to the doctors.\n"
        "The boy went to المدرسة in the morning.\n\n"
        "كان الطقس باردا في المدينة. بقي الناس في بيوتهم.\n"
        "زار الوزير المستشفى. تحدث إلى الأطباء.\n"
        "ذهب الولد إلى المدرسة في الصباح.\n")


@pytest.fixture()
def cwd(tmp_path, monkeypatch) -> Path:
    """Run in an empty folder so that the repository's own setup.cfg [align] is not read."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    return tmp_path


def invoke(*args: str):
    return CliRunner().invoke(main, ["check", *args])


def findings_of(output: str) -> list[dict]:
    data = json.loads(output)
    results = data["results"] if "results" in data else [data]
    return [f for r in results for f in r["findings"]]


# --- exit codes ---------------------------------------------------------------------------

def test_clean_source_passes(cwd):
    (cwd / "clean.txt").write_text(CLEAN, encoding="utf-8")
    result = invoke("clean.txt")
    assert result.exit_code == 0, result.output
    assert "0 error" in result.output


def test_faulty_source_fails_and_points_at_the_fault(cwd):
    (cwd / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    result = invoke("faulty.txt")
    assert result.exit_code == 1
    assert "faulty.txt:1:17: error: [untranslated]" in result.output


def test_fail_on_level_decides(cwd):
    (cwd / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    assert invoke("faulty.txt", "--checks", "untranslated",
                  "--severity", "untranslated=warning").exit_code == 0
    assert invoke("faulty.txt", "--checks", "untranslated", "--severity",
                  "untranslated=warning", "--fail-on", "warning").exit_code == 1


def test_exit_code_covers_every_source(cwd):
    (cwd / "corpus").mkdir()
    (cwd / "corpus" / "a-clean.txt").write_text(CLEAN, encoding="utf-8")
    (cwd / "corpus" / "b-faulty.txt").write_text(FAULTY, encoding="utf-8")
    result = invoke("corpus/", "--checks", "untranslated")
    assert result.exit_code == 1
    assert "2 source(s)" in result.output


@pytest.mark.parametrize("setup, args, message", [
    (lambda d: (d / "empty").mkdir(), ["empty"], "no source found in this directory"),
    (lambda d: None, ["missing.txt"], "missing.txt: no such file"),
    (lambda d: None, ["nothing/*.txt"], "no source matches this pattern"),
    (lambda d: (d / "bin.txt").write_bytes(b"\x00\x01\x02binary\xff"), ["bin.txt"],
     "bin.txt: cannot be decoded"),
    (lambda d: (d / "c.txt").write_text(CLEAN, encoding="utf-8"),
     ["c.txt", "--checks", "no-such-check"], "unknown check 'no-such-check'"),
    (lambda d: (d / "c.txt").write_text(CLEAN, encoding="utf-8"),
     ["c.txt", "--baseline", "none.json"], "none.json: no such baseline file"),
    (lambda d: ((d / "c.txt").write_text(CLEAN, encoding="utf-8"),
                (d / "b.json").write_text("{not json", encoding="utf-8")),
     ["c.txt", "--baseline", "b.json"], "b.json: not a baseline file"),
    (lambda d: (d / "c.txt").write_text(CLEAN, encoding="utf-8"),
     ["c.txt", "--src-lang", "ar", "--tgt-lang", "AR-sa"], "both 'ar'"),
])
def test_broken_input_is_exit_2_with_one_line(cwd, setup, args, message):
    setup(cwd)
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert len(result.stderr.strip().splitlines()) == 1


# --- discovery through the command --------------------------------------------------------

def test_directory_pairs_files_by_name_and_keeps_combined_files(cwd):
    corpus = cwd / "corpus"
    (corpus / "sub").mkdir(parents=True)
    english, arabic = CLEAN.split("\n\n")
    (corpus / "sub" / "story.en.txt").write_text(english + "\n", encoding="utf-8")
    (corpus / "sub" / "story.ar.txt").write_text(arabic, encoding="utf-8")
    (corpus / "combined.txt").write_text(CLEAN, encoding="utf-8")
    (corpus / ".hidden").mkdir()
    (corpus / ".hidden" / "junk.txt").write_text("x", encoding="utf-8")
    result = invoke("corpus", "--format", "json")
    assert result.exit_code == 0, result.output
    sources = [r["sources"] for r in json.loads(result.stdout)["results"]]
    assert sources == [[str(Path("corpus/combined.txt"))],
                       [str(Path("corpus/sub/story.ar.txt")), str(Path("corpus/sub/story.en.txt"))]]


def test_two_plain_files_in_different_languages_are_one_parallel_source(cwd):
    english, arabic = FAULTY.split("\n\n")
    (cwd / "en.txt").write_text(english + "\n", encoding="utf-8")
    (cwd / "ar.txt").write_text(arabic, encoding="utf-8")
    result = invoke("en.txt", "ar.txt", "--format", "json")
    data = json.loads(result.stdout)
    assert data["sources"] == ["en.txt", "ar.txt"]
    assert (data["src_lang"], data["tgt_lang"]) == ("ar", "en")   # never file order
    assert result.exit_code == 1


# --- baseline -----------------------------------------------------------------------------

def test_baseline_suppresses_exactly_the_accepted_findings(cwd):
    source = cwd / "story.txt"
    source.write_text(LONG, encoding="utf-8")
    assert invoke("story.txt", "--checks", "untranslated", "--baseline", "base.json",
                  "--update-baseline").exit_code == 0
    accepted = {(e.check, e.excerpt) for e in read_baseline(cwd / "base.json")}
    assert any("المدرسة" in excerpt for _, excerpt in accepted)
    # A second, new fault in the first paragraph.
    source.write_text(LONG.replace("visited the hospital", "visited the مستشفى"),
                      encoding="utf-8")
    everything = findings_of(invoke("story.txt", "--checks", "untranslated",
                                    "--format", "json").stdout)
    gated = invoke("story.txt", "--checks", "untranslated", "--baseline", "base.json",
                   "--format", "json")
    assert gated.exit_code == 1
    kept = findings_of(gated.stdout)
    expected = [f for f in everything if (f["check"], f["excerpt"]) not in accepted]
    assert kept == expected
    assert [f["excerpt"] for f in kept] == [e for e in (f["excerpt"] for f in everything)
                                            if "مستشفى" in e]
    gate = json.loads(gated.stdout)["gate"]
    assert gate["suppressed"] == len(everything) - len(kept) == 1
    assert gate["stale"] == []


def test_baseline_survives_an_unrelated_edit_above(cwd):
    source = cwd / "story.txt"
    source.write_text(LONG, encoding="utf-8")
    invoke("story.txt", "--checks", "untranslated", "--baseline", "base.json",
           "--update-baseline")
    before = findings_of(invoke("story.txt", "--checks", "untranslated",
                                "--format", "json").stdout)
    # Reword the first sentence and add lines at the top: every offset and line shifts.
    edited = "\n\n" + LONG.replace("The weather was cold in the city.",
                                   "The weather was very cold in the old city.")
    source.write_text(edited, encoding="utf-8")
    after = findings_of(invoke("story.txt", "--checks", "untranslated",
                               "--format", "json").stdout)
    assert [f["loc"]["line"] for f in after] == [f["loc"]["line"] + 2 for f in before]
    gated = invoke("story.txt", "--checks", "untranslated", "--baseline", "base.json")
    assert gated.exit_code == 0, gated.output
    assert "1 accepted finding(s) not counted; 0 stale entries" in gated.output


def test_fixed_fault_makes_its_entry_stale(cwd):
    source = cwd / "story.txt"
    source.write_text(FAULTY, encoding="utf-8")
    invoke("story.txt", "--checks", "untranslated", "--baseline", "base.json",
           "--update-baseline")
    source.write_text(CLEAN, encoding="utf-8")
    result = invoke("story.txt", "--checks", "untranslated", "--baseline", "base.json")
    assert result.exit_code == 0
    assert "1 stale entry" in result.output
    assert "stale baseline entry: story.txt: [untranslated]" in result.output
    data = json.loads(invoke("story.txt", "--checks", "untranslated", "--baseline", "base.json",
                             "--format", "json").stdout)
    assert [e["check"] for e in data["gate"]["stale"]] == ["untranslated"]
    # Updating drops the stale entry.
    invoke("story.txt", "--checks", "untranslated", "--baseline", "base.json",
           "--update-baseline")
    assert read_baseline(cwd / "base.json") == []


def test_baseline_entry_for_another_file_does_not_hide_the_same_fault(cwd):
    (cwd / "a.txt").write_text(FAULTY, encoding="utf-8")
    invoke("a.txt", "--checks", "untranslated", "--baseline", "base.json", "--update-baseline")
    shutil.copy(cwd / "a.txt", cwd / "b.txt")
    result = invoke("a.txt", "b.txt", "--checks", "untranslated", "--baseline", "base.json")
    assert result.exit_code == 1
    lines = {ln.split(": ")[0].strip(): ln for ln in result.output.splitlines()}
    assert "accepted in baseline" in lines["a.txt:1:17"]
    assert "accepted in baseline" not in lines["b.txt:1:17"]


def test_update_keeps_false_positive_status_and_other_files(cwd):
    (cwd / "a.txt").write_text(FAULTY, encoding="utf-8")
    (cwd / "b.txt").write_text(FAULTY, encoding="utf-8")
    invoke("a.txt", "b.txt", "--checks", "untranslated", "--baseline", "base.json",
           "--update-baseline")
    entries = read_baseline(cwd / "base.json")
    marked = [e if e.file != "a.txt" else type(e)(**{**e.to_dict(), "status": "false-positive"})
              for e in entries]
    write_baseline(cwd / "base.json", marked)
    invoke("a.txt", "--checks", "untranslated", "--baseline", "base.json", "--update-baseline")
    after = {(e.file, e.status) for e in read_baseline(cwd / "base.json")}
    assert after == {("a.txt", "false-positive"), ("b.txt", "accepted")}


def test_baseline_paths_are_relative_to_the_baseline_file(cwd, monkeypatch):
    (cwd / "docs").mkdir()
    (cwd / "docs" / "a.txt").write_text(FAULTY, encoding="utf-8")
    (cwd / "ci").mkdir()
    invoke("docs/a.txt", "--checks", "untranslated", "--baseline", "ci/base.json",
           "--update-baseline")
    assert [e.file for e in read_baseline(cwd / "ci" / "base.json")] == ["../docs/a.txt"]
    monkeypatch.chdir(cwd / "docs")
    assert invoke("a.txt", "--checks", "untranslated", "--baseline",
                  "../ci/base.json").exit_code == 0


def test_apply_baseline_library_call(cwd):
    (cwd / "a.txt").write_text(FAULTY, encoding="utf-8")
    config = Config(enabled=("untranslated",))
    report = run_gate(["a.txt"], config)
    assert report.exit_code == 1
    outcome = apply_baseline(report.results, [], cwd)
    assert outcome.results == report.results and not outcome.suppressed and not outcome.stale


# --- the project's own gate ---------------------------------------------------------------

def test_project_corpus_passes_its_baseline_and_a_new_fault_fails(cwd):
    shutil.copytree(ROOT / "corpora", cwd / "corpora")
    shutil.copy(ROOT / "align-baseline.json", cwd / "align-baseline.json")
    assert invoke("corpora/", "--baseline", "align-baseline.json").exit_code == 0
    new = cwd / "corpora" / "new-article"
    new.mkdir()
    (new / "new-article.txt").write_text(FAULTY, encoding="utf-8")
    result = invoke("corpora/", "--baseline", "align-baseline.json")
    assert result.exit_code == 1
    assert "new-article.txt:1:17: error: [untranslated]" in result.output


# --- output -------------------------------------------------------------------------------

def test_output_file_gets_the_format_and_stdout_stays_clean(cwd):
    (cwd / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    result = invoke("faulty.txt", "--format", "sarif", "-o", "out.sarif")
    assert result.exit_code == 1
    assert json.loads((cwd / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert result.stdout == ""
    assert "FAILED" in result.stderr
    assert [p.name for p in cwd.iterdir() if p.name.startswith(".out")] == []


def test_no_output_file_on_input_error(cwd):
    result = invoke("missing.txt", "-o", "out.sarif", "--format", "sarif")
    assert result.exit_code == 2
    assert not (cwd / "out.sarif").exists()


def test_github_format_is_the_default_in_github_actions(cwd, monkeypatch):
    (cwd / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = invoke("faulty.txt")
    assert result.stdout.startswith("::error file=faulty.txt,line=1,col=17,")
    assert invoke("faulty.txt", "--format", "text").stdout.startswith("faulty.txt:")


def test_no_colour_when_not_a_terminal(cwd):
    (cwd / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    assert "\x1b[" not in invoke("faulty.txt").output


class _Terminal:
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_terminal_and_never_with_no_color(monkeypatch):
    from aligner.cli import _colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _colour(_Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not _colour(_Terminal())
    monkeypatch.setenv("NO_COLOR", "")   # an empty NO_COLOR does not count (no-color.org)
    assert _colour(_Terminal())
