"""mistranslation: an English phrase that renders nothing, where an Arabic phrase has no
rendering (word evidence, no glossary)."""

from __future__ import annotations

from gold import gold_context
from length_docs import SRC, TGT

from aligner.checks.mistranslation import find_mistranslation

# Pair 2 of the length document: "... foiled an infiltration attempt across the northern
# border during the past night."
WRONG = "The army announced that it had foiled the spread of infectious disease during the " \
        "past night."


def test_faithful_translation_passes():
    assert list(find_mistranslation(gold_context(SRC, TGT))) == []


def test_phrase_rendered_by_something_else_fails():
    tgt = list(TGT)
    tgt[2] = WRONG
    (hit,) = find_mistranslation(gold_context(SRC, tgt))
    assert hit.pair == 2 and hit.side == "tgt"
    assert WRONG[hit.span[0]:hit.span[1]] == "spread of infectious disease"
    assert "محاولة تسلل" in hit.message and "محاولة تسلل" in hit.suggestion


def test_english_source_is_read_the_other_way_round():
    tgt = list(TGT)
    tgt[2] = WRONG
    (hit,) = find_mistranslation(gold_context(tgt, SRC, src_lang="en", tgt_lang="ar"))
    assert hit.side == "src" and WRONG[hit.span[0]:hit.span[1]] == "spread of infectious disease"


def test_other_languages_are_left_alone():
    tgt = list(TGT)
    tgt[2] = WRONG
    assert list(find_mistranslation(gold_context(SRC, tgt, tgt_lang="fr"))) == []


def test_corpus_without_glossary_has_no_mistranslation():
    from conftest import CORPUS

    from aligner import check
    from aligner.config import Config

    result = check([str(CORPUS)], Config(default_glossary=False))
    # The corpus's "short-range pieces" (قطع الغيار على المدى القصير, "spare parts in the
    # short term") is out of reach of word evidence: "short" and "range" do translate
    # القصير and المدى, "pieces" is قطع; only the glossary finds it
    # (docs/translation-checks.md).
    assert [f for f in result.findings if f.check in ("mistranslation", "omission")] == []
    assert not any(f.check == "term-mismatch" for f in result.findings)
