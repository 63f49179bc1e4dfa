"""whitespace: double spaces, edges, a space before punctuation (the translation only)."""

from __future__ import annotations

import pytest
from formal import covered, run_one

CHECK = "whitespace"
SRC = "قال الوزير إن الخطة جاهزة."


@pytest.mark.parametrize("tgt", [
    "The minister said the plan was ready.",
    "Prices rose by .5 percent, he said ...",
    "He smiled :) and left.",
])
def test_passes(tgt):
    assert run_one(CHECK, [SRC], [tgt]) == []


@pytest.mark.parametrize("tgt, span, message", [
    ("The minister said  the plan was ready.", "  ", "Double space"),
    ("The minister said the plan was ready. ", " ", "ends with whitespace"),
    (" The minister said the plan was ready.", " ", "starts with whitespace"),
    ("The minister said the plan was ready , and left.", " ", "Space before ','"),
    ("Was the plan ready ?", " ", "Space before '?'"),
])
def test_fails(tgt, span, message):
    hits = run_one(CHECK, [SRC], [tgt])
    assert len(hits) == 1
    assert covered(hits[0], [SRC], [tgt]) == span and message in hits[0].message


def test_arabic_target_space_before_arabic_comma():
    src, tgt = ["The minister said the plan was ready."], ["قال الوزير ، إن الخطة جاهزة."]
    hits = run_one(CHECK, src, tgt, src_lang="en", tgt_lang="ar")
    assert [covered(h, src, tgt) for h in hits] == [" "]
    assert run_one(CHECK, src, ["قال الوزير، إن الخطة جاهزة."], src_lang="en",
                   tgt_lang="ar") == []


def test_the_original_is_not_the_translators_to_fix():
    assert run_one(CHECK, ["قال الوزير ، إن الخطة  جاهزة."],
                   ["The minister said the plan was ready."]) == []
