"""end-punct-mismatch: ? ! : … at the end of one side and not the other; ؟ ↔ ?."""

from __future__ import annotations

import pytest
from formal import covered, run_one

CHECK = "end-punct-mismatch"


@pytest.mark.parametrize("src, tgt", [
    ("هل الخطة جاهزة؟", "Is the plan ready?"),
    ("يا له من يوم!", "What a day!"),
    ("وقال الوزير:", "The minister said:"),
    ("قال الوزير إن الخطة جاهزة.", "The minister said the plan was ready"),
    ("وسأل: «هل الخطة جاهزة؟»", "He asked: “Is the plan ready?”"),
    # Quoted speech moved to the front: its question mark is there, inside the quotation.
    ("سألت: «إلى أين أنت ذاهب؟»", "\"Where are you going?\" she asked."),
    ("قال: «لن نستسلم!» ثم غادر.", "\"We will not give up!\" he said, and left."),
])
def test_passes(src, tgt):
    assert run_one(CHECK, [src], [tgt]) == []


@pytest.mark.parametrize("src, tgt, side, span, words", [
    ("هل الخطة جاهزة؟", "Is the plan ready.", "tgt", ".", "question mark"),
    ("قال الوزير إن الخطة جاهزة.", "Is the plan ready?", "tgt", "?", "question mark"),
    ("وقال الوزير:", "The minister said", "tgt", "d", "colon"),
    ("هل الخطة جاهزة؟", "Is the plan ready؟", "tgt", "؟", "other script"),
    ("هل الخطة جاهزة?", "Is the plan ready?", "src", "?", "other script"),
    ("سألت: «إلى أين أنت ذاهب؟»", "\"Where are you going,\" she asked.", "tgt", ".",
     "question mark"),
])
def test_fails(src, tgt, side, span, words):
    hits = run_one(CHECK, [src], [tgt])
    assert len(hits) == 1, [h.message for h in hits]
    assert hits[0].side == side and covered(hits[0], [src], [tgt]) == span
    assert words in hits[0].message
