"""addition: a translation far longer than the document's own length ratio."""

from __future__ import annotations

from gold import gold_context
from length_docs import SRC, TGT

from aligner.checks.addition import find_addition


def test_normal_document_has_no_addition():
    assert list(find_addition(gold_context(SRC, TGT))) == []


def test_padded_translation_is_an_addition():
    tgt = list(TGT)
    tgt[2] = (TGT[2] + " Officials added that several soldiers were wounded in a long exchange "
              "of fire, and that reinforcements had been sent to the whole border area.")
    (hit,) = find_addition(gold_context(SRC, tgt))
    assert hit.pair == 2 and hit.side == "tgt"


def test_corpus_has_no_addition(corpus_result):
    assert [f for f in corpus_result.findings if f.check == "addition"] == []
