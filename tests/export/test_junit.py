"""JUnit XML: one test case per source, failures for findings at or above fail-on."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from aligner.cli import main

CLEAN = ("The boy went to school in the morning. He read a book in the evening.\n\n"
         "ذهب الولد إلى المدرسة في الصباح. قرأ كتابا في المساء.\n")
FAULTY = CLEAN.replace("went to school", "went to المدرسة")
TWO_FAULTS = FAULTY.replace("read a book", "read a كتابا")


@pytest.fixture()
def corpus(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    for name, text in {"a-clean": CLEAN, "b-faulty": FAULTY, "c-two": TWO_FAULTS}.items():
        (tmp_path / "corpus" / f"{name}.txt").write_text(text, encoding="utf-8")
    return tmp_path


def junit(*args: str) -> tuple[int, etree._Element]:
    result = CliRunner().invoke(main, ["check", "corpus", "--checks", "untranslated",
                                       "--format", "junit", *args])
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return result.exit_code, etree.fromstring(result.stdout_bytes, parser)


def test_one_testcase_per_source_and_right_failure_counts(corpus):
    code, root = junit()
    assert code == 1
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["corpus/a-clean.txt", "corpus/b-faulty.txt",
                                              "corpus/c-two.txt"]
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert set(failed) == {"corpus/b-faulty.txt", "corpus/c-two.txt"}
    assert suite.get("tests") == root.get("tests") == "3"
    assert suite.get("failures") == root.get("failures") == "2"
    assert failed["corpus/c-two.txt"].get("message").startswith("2 finding(s)")
    assert len(failed["corpus/c-two.txt"].text.strip().splitlines()) == 2
    assert "corpus/b-faulty.txt:1:17: error: [untranslated]" in failed["corpus/b-faulty.txt"].text


def test_findings_below_fail_on_are_not_failures(corpus):
    code, root = junit("--severity", "untranslated=warning")
    assert code == 0
    assert root.get("failures") == "0"
    assert root.find(".//failure") is None
    outs = [c.findtext("system-out") for c in root.iter("testcase")]
    assert outs[0] is None and "warning: [untranslated]" in outs[1]


def test_baseline_counts_are_suite_properties(corpus):
    runner = CliRunner()
    runner.invoke(main, ["check", "corpus", "--checks", "untranslated", "--baseline", "b.json",
                         "--update-baseline"])
    code, root = junit("--baseline", "b.json")
    assert code == 0 and root.get("failures") == "0"
    props = {p.get("name"): p.get("value") for p in root.iter("property")}
    assert props["baseline-suppressed"] == "3" and props["baseline-stale"] == "0"
