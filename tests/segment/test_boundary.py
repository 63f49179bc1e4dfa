"""The Arabic boundary model: its shipped data, its context window, and its refit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aligner.segment import boundary

ROOT = Path(__file__).resolve().parents[2]


def _p(before: str, after: str) -> float:
    text = before + "." + after
    return boundary.load_model().stray_probability(text, len(before), len(before) + 1)


def test_shipped_file_says_where_it_comes_from():
    head = (ROOT / "aligner" / "data" / boundary.DATA_FILE).read_text("utf-8")[:600]
    assert "UD Arabic-PUD" in head and "CC BY-SA 3.0" in head and "TICO-19" in head


def test_model_reads_every_feature_it_computes():
    model = boundary.load_model()
    feats = boundary.features(boundary.context("قال الوزير إن. الحكومة", 13, 14), model)
    assert set(feats) == set(model.weights)
    assert len(model.lexicon) > 1000


def test_stop_after_a_preposition_scores_above_a_real_end():
    stray = _p("ناقش الوزيران دور البلدين في", " تطوير العلاقات الثنائية بين البلدين")
    real = _p("وصل الرئيس إلى العاصمة صباح اليوم", " وعقد اجتماعاً مع رئيس الحكومة")
    assert stray > 0.9 > 0.5 > real


def test_context_reads_a_bounded_window():
    far = "كلمة " * 1000
    near = "قال الوزير إن الحكومة"
    text = far + near + ". وأضاف أن"
    ctx = boundary.context(text, len(far + near), len(far + near) + 1)
    assert ctx.prev == "الحكومة" and ctx.next == "وأضاف"
    assert ctx.words_before <= boundary.PARAMS.max_words


def test_refit_reproduces_the_shipped_file(tmp_path):
    out = tmp_path / "model.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "fit_boundary_model.py"),
                    "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    assert out.read_text("utf-8") == (ROOT / "aligner" / "data" / boundary.DATA_FILE
                                      ).read_text("utf-8")


@pytest.mark.parametrize("word, opens", [
    ("لم", True), ("أنا", True), ("قال", True), ("وصلنا", True),
    ("في", False), ("عام", False), ("الحكومة", False),
    ("ليبدأ", False),  # "so that it begins": a purpose clause, not a main verb
])
def test_clause_words(word, opens):
    assert boundary.clause_word(word) == opens
