"""omission: a translation far shorter than the document's own length ratio."""

from __future__ import annotations

from gold import gold_context
from length_docs import SRC, TGT

from aligner.checks.addition import find_addition
from aligner.checks.omission import find_omission


def test_normal_document_has_no_omission():
    assert list(find_omission(gold_context(SRC, TGT))) == []


def test_truncated_translation_is_an_omission():
    tgt = list(TGT)
    tgt[4] = "The ambassador spoke."
    (hit,) = find_omission(gold_context(SRC, tgt))
    assert hit.pair == 4 and hit.side == "src" and hit.span == (0, len(SRC[4]))
    assert list(find_addition(gold_context(SRC, tgt))) == []


def test_small_documents_are_left_alone():
    ctx = gold_context(SRC[:3], ["Short.", TGT[1], TGT[2]])
    assert list(find_omission(ctx)) == []


def test_corpus_has_no_omission(corpus_result):
    assert [f for f in corpus_result.findings if f.check == "omission"] == []


def test_acronym_spelt_out_in_translation_is_not_an_omission():
    src = list(SRC)
    tgt = list(TGT)
    # The Arabic spells out what the English abbreviates.
    src[5] = ("وأشار تقرير منظمة الصحة العالمية وصندوق الأمم المتحدة للطفولة وبرنامج الأغذية "
              "العالمي إلى تراجع النازحين.")
    tgt[5] = "The WHO, UNICEF and WFP report pointed to fewer IDPs."
    ctx = gold_context(src, tgt)
    assert list(find_omission(ctx)) == []
