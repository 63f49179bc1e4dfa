"""term-mismatch: glossary terms in the source, accepted renderings in the translation."""

from __future__ import annotations

import pytest
from gold import gold_context

from aligner.checks import CheckOptions
from aligner.checks.term_mismatch import find, fold_latin, rendering_pattern
from aligner.model import Severity

GLOSSARY = "\n".join([
    "الدبابة|دبابة\ttank|armored vehicle|!water tank",
    "وزارة الدفاع\tdefense ministry|ministry of defense|MoD",
    "الطائرة المسيرة|طائرة مسيرة\tdrone|unmanned aerial vehicle|UAV",
    "مجلس الأمن\tSecurity Council|UNSC",
    "الأمين العام لمجلس الأمن\tSecretary-General of the Security Council",
])


@pytest.fixture
def glossary(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text(GLOSSARY, encoding="utf-8")
    return str(path)


def hits(glossary, ar, en):
    ctx = gold_context([ar], [en], options=CheckOptions(glossary=glossary))
    return list(find(ctx))


def test_missing_rendering_flagged_on_the_arabic_term(glossary):
    ar = "أعلنت وزارة الدفاع عن صفقة جديدة."
    (hit,) = hits(glossary, ar, "The army announced a new deal.")
    assert ar[hit.span[0]:hit.span[1]] == "وزارة الدفاع"
    assert hit.side == "src" and "defense ministry" in hit.message
    assert hit.severity is None  # the check's default, warning


@pytest.mark.parametrize("en", [
    "The Ministry of Defence announced a new deal.",     # British spelling, case
    "The defense ministry's statement announced it.",    # possessive
    "The MoD announced a new deal.",                     # acronym
])
def test_accepted_renderings_pass(glossary, en):
    assert hits(glossary, "أعلنت وزارة الدفاع عن صفقة جديدة.", en) == []


def test_clitics_diacritics_and_alef_forms_on_the_arabic_side(glossary):
    # و + ب + article, tashkil and tatweel must still find the term.
    ar = "وبالطائرةِ المسيّـرة هاجموا الموقع."
    (hit,) = hits(glossary, ar, "They attacked the site with a rocket.")
    assert ar[hit.span[0]:hit.span[1]].startswith("الطائرة")
    assert hits(glossary, ar, "They attacked the site with drones.") == []


def test_indefinite_form_and_plural_rendering(glossary):
    assert hits(glossary, "دمرت دبابة واحدة.", "One tank was destroyed.") == []
    assert hits(glossary, "دمرت الدبابة.", "Two tanks were destroyed.") == []
    assert len(hits(glossary, "دمرت الدبابة.", "The truck was destroyed.")) == 1


def test_wrong_rendering_is_an_error_on_the_target(glossary):
    en = "The water tank was destroyed."
    (hit,) = hits(glossary, "دمرت الدبابة.", en)
    assert hit.severity is Severity.ERROR and hit.side == "tgt"
    assert en[hit.span[0]:hit.span[1]] == "water tank"
    assert "tank" in hit.suggestion


def test_longest_term_wins(glossary):
    ar = "قال الأمين العام لمجلس الأمن إن الوضع خطير."
    (hit,) = hits(glossary, ar, "The council said the situation was serious.")
    assert "Secretary-General of the Security Council" in hit.message


def test_words_between_rendering_words_allowed():
    pattern = rendering_pattern("security forces")
    assert pattern.search(fold_latin("the Iraqi security and army forces"))
    assert not pattern.search(fold_latin("security matters of many other forces"))


def test_acronym_is_case_sensitive():
    assert not rendering_pattern("US").search("tell us more")
    assert rendering_pattern("US").search("the US embassy")


def test_terms_not_in_the_source_are_not_checked(glossary):
    assert hits(glossary, "وصل الوفد إلى بغداد.", "The delegation arrived.") == []


def test_default_glossary_used_when_none(tmp_path):
    ctx = gold_context(["عقد مجلس الأمن جلسة طارئة."], ["The body held an emergency session."],
                       options=CheckOptions(glossary=None))
    (hit,) = find(ctx)
    assert "Security Council" in hit.message


def test_corpus_short_range_pieces_flagged_against_spare_parts(corpus_result):
    found = [f for f in corpus_result.findings if f.check == "term-mismatch"]
    pair = corpus_result.pairs[12]
    assert "short-range pieces" in pair.text("tgt")
    (finding,) = [f for f in found if f.pair == 12]
    assert pair.text("src")[finding.span[0]:finding.span[1]] == "قطع الغيار"
    assert "spare parts" in finding.message
    assert finding.loc is not None and finding.loc.line == 26


def test_english_original_with_arabic_translation(glossary):
    # A memory may declare English as its source: the Arabic term is then on the target side.
    ctx = gold_context(["The army announced a new deal."], ["أعلنت وزارة الدفاع عن صفقة."],
                       src_lang="en", tgt_lang="ar", options=CheckOptions(glossary=glossary))
    (hit,) = find(ctx)
    assert hit.side == "tgt" and "defense ministry" in hit.message


def test_other_language_pairs_are_skipped(glossary):
    ctx = gold_context(["Le ministère a annoncé."], ["The ministry announced."],
                       src_lang="fr", tgt_lang="en", options=CheckOptions(glossary=glossary))
    assert list(find(ctx)) == []


def test_decomposed_accents_match_like_composed_ones(tmp_path):
    # "Ḥ" written as "H" + U+0323 (decomposed, as some editors and PDF extractors write it).
    path = tmp_path / "g.tsv"
    path.write_text("عصائب أهل الحق\tAhl al-Haqq", encoding="utf-8")
    ar = "وقال أمين عام عصائب أهل الحق إن الاجتماع مثمر."
    for en in ("The leader of Ahl al-Ḥaqq said the meeting was fruitful.",
               "The leader of Ahl al-H\u0323aqq said the meeting was fruitful."):
        assert hits(str(path), ar, en) == [], en
    assert len(hits(str(path), ar, "The leader of the group said it was fruitful.")) == 1


def test_wrong_rendering_span_in_decomposed_text_is_exact(glossary):
    en = "The wa\u0301ter\u0301 tank\u0301 was destroyed."  # marks inside and after the words
    (hit,) = hits(glossary, "دمرت الدبابة.", en)
    assert hit.side == "tgt"
    assert en[hit.span[0]:hit.span[1]] == "wa\u0301ter\u0301 tank\u0301"
