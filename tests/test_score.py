"""``align score``: sacrebleu metrics of a translation against a reference."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aligner.errors import ConfigError, InputError
from aligner.score import parse_metrics, score_files

ROOT = Path(__file__).resolve().parent.parent
REF = ["The minister met the delegation in Baghdad on Monday.",
       "Talks covered oil, gas and wheat."]


@pytest.fixture()
def files(tmp_path):
    ref = tmp_path / "ref.txt"
    ref.write_text("\n".join(REF) + "\n", encoding="utf-8")
    same = tmp_path / "same.txt"
    same.write_text("\n".join(REF) + "\n", encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text("A cat sat on the mat.\nTalks covered oil, gas and wheat.\n",
                     encoding="utf-8")
    return ref, same, other


def test_identical_translation_scores_perfectly(files):
    ref, same, _ = files
    report = score_files(str(same), str(ref))
    by_name = {m.name: m for m in report.metrics}
    assert by_name["bleu"].corpus == pytest.approx(100.0)
    assert by_name["chrf"].corpus == pytest.approx(100.0)
    assert by_name["ter"].corpus == pytest.approx(0.0)
    assert by_name["bleu"].signature.startswith("nrefs:1")


def test_per_sentence_scores_find_the_wrong_line(files):
    ref, _, other = files
    report = score_files(str(other), str(ref), ("chrf", "ter"))
    chrf, ter = report.metrics
    assert chrf.sentences[0] < 30 < chrf.sentences[1]
    assert ter.sentences[0] > ter.sentences[1] == 0.0
    assert not ter.higher_is_better


def test_line_count_mismatch_is_an_input_error(files, tmp_path):
    ref, _, _ = files
    short = tmp_path / "short.txt"
    short.write_text("One line.\n", encoding="utf-8")
    with pytest.raises(InputError, match="line-aligned"):
        score_files(str(short), str(ref))


def test_unknown_metric_is_rejected():
    with pytest.raises(ConfigError, match="meteor"):
        parse_metrics("bleu,meteor")
    assert parse_metrics("CHRF, bleu") == ("chrf", "bleu")


def test_cli_prints_signatures_and_writes_json(files, tmp_path):
    ref, _, other = files
    out = tmp_path / "scores.json"
    run = subprocess.run([sys.executable, "-m", "aligner", "score", str(other), str(ref),
                          "--metrics", "bleu,chrf", "--json", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 0, run.stderr
    assert "BLEU" in run.stdout and "nrefs:1" in run.stdout and "chrF" not in run.stdout.split()
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data["metrics"]) == {"bleu", "chrf"}
    assert len(data["metrics"]["chrf"]["sentences"]) == 2


def test_cli_mismatch_exits_2_without_output(files, tmp_path):
    ref, _, _ = files
    short = tmp_path / "short.txt"
    short.write_text("One line.\n", encoding="utf-8")
    out = tmp_path / "scores.json"
    run = subprocess.run([sys.executable, "-m", "aligner", "score", str(short), str(ref),
                          "--json", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1
    assert not out.exists()
