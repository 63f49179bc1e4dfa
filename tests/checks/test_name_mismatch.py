"""name-mismatch: names known from the document's own transliteration matches."""

from __future__ import annotations

from gold import gold_context

from aligner.checks.name_mismatch import document_links, find

SRC = [
    "وصل الوزير غاريبالدوف إلى بغداد.",
    "والتقى غاريبالدوف رئيس البرلمان.",
    "وناقش غاريبالدوف التعاون الاقتصادي.",
    "ووقع الطرفان اتفاقا.",
]
TGT = [
    "Minister Garibaldov arrived in Baghdad.",
    "Garibaldov met the speaker of parliament.",
    "Garibaldov discussed economic cooperation.",
    "The two sides signed an agreement.",
]


def run(src, tgt):
    return list(find(gold_context(src, tgt)))


def test_consistent_names_pass():
    assert run(SRC, TGT) == []
    links = document_links(gold_context(SRC, TGT).pairs)
    assert "غاريبالدوف" in links.arabic


def test_source_name_missing_from_translation():
    tgt = [*TGT[:2], "Then the economy was discussed.", TGT[3]]
    (hit,) = run(SRC, tgt)
    assert hit.pair == 2 and hit.side == "src"
    assert SRC[2][hit.span[0]:hit.span[1]] == "غاريبالدوف"
    assert "Garibaldov" in hit.message


def test_pronoun_rendering_is_not_reported():
    tgt = [*TGT[:2], "He discussed economic cooperation.", TGT[3]]
    assert run(SRC, tgt) == []


def test_name_added_to_translation():
    tgt = [*TGT[:3], "Garibaldov and his host signed an agreement."]
    (hit,) = run(SRC, tgt)
    assert hit.pair == 3 and hit.side == "tgt"
    assert tgt[3][hit.span[0]:hit.span[1]] == "Garibaldov"


def test_misspelling_within_tolerance_still_matches():
    tgt = [*TGT[:2], "Garibaldof discussed economic cooperation.", TGT[3]]
    assert run(SRC, tgt) == []


def test_no_evidence_no_finding():
    # A name that never matches anywhere is not known to be a name: nothing is reported.
    src = ["وصل الوزير غاريبالدوف إلى بغداد.", "والتقى غاريبالدوف رئيس البرلمان."]
    tgt = ["The minister arrived in Baghdad.", "He met the speaker of parliament."]
    assert run(src, tgt) == []


def test_common_word_matching_once_is_not_a_name():
    # فيروس meets a capitalised "Virus" once but is usually a plain word: not a name.
    src = ["انتشر فيروس جديد.", "الفيروس خطير.", "ينتقل الفيروس بسرعة.", "فيروس آخر ظهر."]
    tgt = ["A new Virus spread.", "The virus is dangerous.",
           "The virus spreads fast.", "Another one appeared."]
    assert run(src, tgt) == []


def test_english_original_with_arabic_translation():
    src = [*TGT[:2], "Then the economy was discussed.", TGT[3]]
    ctx = gold_context(TGT, SRC, src_lang="en", tgt_lang="ar")
    assert list(find(ctx)) == []
    ctx = gold_context(src, SRC, src_lang="en", tgt_lang="ar")
    (hit,) = find(ctx)
    assert hit.side == "tgt" and SRC[2][hit.span[0]:hit.span[1]] == "غاريبالدوف"
