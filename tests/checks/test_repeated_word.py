"""repeated-word: "the the", "في في", but not "had had" or a doubled name."""

from __future__ import annotations

import pytest
from formal import covered, run_one

CHECK = "repeated-word"


@pytest.mark.parametrize("src, tgt", [
    ("كان قد أنهى العمل.", "He had had enough of the work."),
    ("قال إن ذلك صحيح.", "He said that that was true."),
    ("وصل إلى باغو باغو.", "He arrived in Pago Pago."),
    ("الاختبار (آر آر تي-بي سي آر) دقيق.", "The test (RT-PCR) is accurate."),
    ("سجل 10 10 نقاط.", "He scored 10 points."),
])
def test_passes(src, tgt):
    assert run_one(CHECK, [src], [tgt]) == []


@pytest.mark.parametrize("src, tgt, side, span", [
    ("قال الوزير إن الخطة جاهزة.", "The minister said the the plan was ready.", "tgt", "the"),
    ("قال الوزير في في المؤتمر إن الخطة جاهزة.", "The minister told the conference the plan "
     "was ready.", "src", "في"),
    ("كان قد أنهى العمل.", "He had finished finished the work.", "tgt", "finished"),
])
def test_fails(src, tgt, side, span):
    hits = run_one(CHECK, [src], [tgt])
    assert len(hits) == 1
    assert hits[0].side == side and covered(hits[0], [src], [tgt]) == span
    # The second copy is the one to delete.
    text = tgt if side == "tgt" else src
    assert hits[0].span[0] > text.index(span)
