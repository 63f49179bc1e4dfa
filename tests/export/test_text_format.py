"""The text printer: findings as file:line:col, one summary, colour only when asked for."""

from __future__ import annotations

import click

from aligner.config import Config
from aligner.export.text import render
from aligner.gate import run_gate

FAULTY = ("The boy went to المدرسة in the morning. He read a book in the evening.\n\n"
          "ذهب الولد إلى المدرسة في الصباح. قرأ كتابا في المساء.\n")


def report(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(FAULTY, encoding="utf-8")
    return run_gate(["a.txt"], Config(enabled=("untranslated",)))


def test_plain_text_lists_findings_and_the_verdict(tmp_path, monkeypatch):
    text = render(report(tmp_path, monkeypatch))
    lines = text.splitlines()
    assert lines[0].startswith("a.txt: 2 pairs (1-1: 2); 1 error, 0 warning, 0 info")
    assert lines[1] == ("  a.txt:1:17: error: [untranslated] Arabic text left in the English: "
                        "'المدرسة'.")
    assert lines[-2] == "1 source(s), 2 pairs; findings: 1 error, 0 warning, 0 info"
    assert lines[-1] == "FAILED: 1 finding(s) at or above error"
    assert "\x1b[" not in text


def test_quiet_keeps_only_sources_and_summary(tmp_path, monkeypatch):
    text = render(report(tmp_path, monkeypatch), quiet=True)
    assert "[untranslated]" not in text and "FAILED" in text


def test_colour_with_a_style_function(tmp_path, monkeypatch):
    text = render(report(tmp_path, monkeypatch), style=click.style)
    assert click.style("error", fg="red") in text
    assert click.unstyle(text) == render(report(tmp_path, monkeypatch))
