"""brackets: unbalanced ( ) [ ] { } in a paragraph; a different count across the sides."""

from __future__ import annotations

import pytest
from formal import covered, run_one

from aligner.model import Severity

CHECK = "brackets"


@pytest.mark.parametrize("src, tgt", [
    ("قالت منظمة الصحة العالمية (WHO) إن العدد ارتفع.",
     "The World Health Organization (WHO) said the number rose."),
    ("1) اغسل يديك جيداً.", "1) Wash your hands well."),
    ("قال [المتحدث] إن الاجتماع {المقبل} سيعقد غداً.",
     "The [spokesman] said the {next} meeting would be held tomorrow."),
])
def test_passes(src, tgt):
    assert run_one(CHECK, [src], [tgt]) == []


@pytest.mark.parametrize("src, tgt, side, span", [
    ("قالت منظمة الصحة العالمية (WHO) إن العدد ارتفع.",
     "The World Health Organization (WHO said the number rose.", "tgt", "("),
    ("قالت منظمة الصحة العالمية (WHO) إن العدد ارتفع.",
     "The World Health Organization WHO) said the number rose.", "tgt", ")"),
    ("قالت منظمة الصحة العالمية (WHO إن العدد ارتفع.",
     "The World Health Organization (WHO) said the number rose.", "src", "("),
])
def test_fails(src, tgt, side, span):
    hits = run_one(CHECK, [src], [tgt])
    assert len(hits) == 1
    assert hits[0].side == side and covered(hits[0], [src], [tgt]) == span
    assert hits[0].severity == Severity.WARNING


def test_a_bracketed_passage_dropped_is_a_hint():
    src = ["قالت منظمة الصحة العالمية (WHO) إن العدد ارتفع."]
    tgt = ["The World Health Organization said the number rose."]
    hits = run_one(CHECK, src, tgt)
    assert len(hits) == 1 and hits[0].severity == Severity.INFO
    assert "1 bracketed" in hits[0].message and "translation 0" in hits[0].message
