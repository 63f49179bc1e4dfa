"""name-inconsistency: one name spelled two ways in a document."""

from __future__ import annotations

import pytest
from checkrun import bilingual, found, original, run_text

from aligner.checks.name_inconsistency import (
    arabic_key,
    inflections,
    latin_key,
    spelling_variants,
)

CHECK = ("name-inconsistency",)


def test_english_name_spelled_two_ways(tmp_path):
    text = ("The envoy Dmitri Petrashenko arrived in Amman on Monday.\n"
            "Officials said Petrashenko would meet the king.\n"
            "Petrashanko later left for Cairo.\n")
    hits = found(run_text(tmp_path, text, CHECK), "name-inconsistency")
    assert [original(h) for h in hits] == ["Petrashanko"]
    assert "Petrashenko" in hits[0].message and "Petrashenko" in hits[0].suggestion


def test_arabic_name_spelled_two_ways_in_a_bilingual_source(tmp_path):
    result = run_text(tmp_path, bilingual(
        ["The envoy Petrashenko arrived in Amman on Monday.",
         "Petrashenko met the foreign minister on Tuesday.",
         "Petrashenko left for Cairo on Wednesday."],
        ["وصل المبعوث بتراشينكو إلى عمان يوم الاثنين.",
         "والتقى بتراشينكو وزير الخارجية يوم الثلاثاء.",
         "وغادر بتراشنكو إلى القاهرة يوم الأربعاء."]), CHECK)
    hits = found(result, "name-inconsistency")
    assert [(h.side, original(h)) for h in hits] == [("src", "بتراشنكو")]


@pytest.mark.parametrize("text", [
    # Different people, a country and its people, a country and its adjective.
    "Maria met Mario in Rome. Later Maria and Mario left.\n",
    "The people of Sweden voted. Many Swedes stayed at home.\n",
    "Forces entered Iraq. The Iraqi army withdrew.\n",
    # Capitalised only at a sentence start: not names.
    "These are the facts. Those are the rumours.\n",
])
def test_different_words_are_not_flagged(tmp_path, text):
    assert found(run_text(tmp_path, text, CHECK), "name-inconsistency") == []


@pytest.mark.parametrize("a, b, same", [
    ("kutrashev", "kutrashov", True),
    ("mohammed", "muhammad", True),
    ("maria", "mario", False),       # only the last letter differs
    ("sweden", "swedes", False),     # a consonant differs
    ("russia", "russian", False),    # one is the other's stem
    ("paris", "peres", False),       # too many changes for a short name
])
def test_spelling_variants(a, b, same):
    assert spelling_variants(a, b, set("aeiouy")) == same


def test_latin_key_drops_article_accents_and_possessive():
    assert latin_key("al-Fayyāḍ’s") == latin_key("Fayyad") == "fayyad"


def test_common_arabic_words_are_not_names_by_a_loose_match(tmp_path):
    # "النظافة" (hygiene) and "نظيفة" (clean) differ only in a long vowel; a loose consonant
    # match with "London" in the translation must not make them a name.
    result = run_text(tmp_path, bilingual(
        ["A study in London found that hygiene at home improves health.",
         "Dry your hands with a clean towel."],
        ["وجدت دراسة في لندن أن النظافة في المنزل تحسن الصحة.",
         "جفف يديك بمنشفة نظيفة."]), CHECK)
    assert found(result, "name-inconsistency") == []


def test_arabic_key_keeps_the_article_and_drops_particles():
    assert arabic_key("والفياض") == arabic_key("الفياض") == "الفياض"
    assert arabic_key("للعراق") == "العراق"
    assert arabic_key("بالحكومة") == "الحكومه"
    assert arabic_key("الروماني") != arabic_key("رومني")


def test_case_endings_are_inflections_not_spellings():
    assert inflections("الامريكيون", "الامريكيين")
    assert not inflections("كوتراشيف", "كوتراشوف")


def test_arabic_plural_forms_of_a_common_word_are_not_flagged(tmp_path):
    text = ("وصل المبعوث بتراشينكو إلى عمان يوم الاثنين وقال إن المسؤولين الأمريكيين سيصلون.\n"
            "وأضاف أن الأمريكيون لن يشاركوا في الاجتماع الذي دعا إليه بتراشينكو.\n")
    assert found(run_text(tmp_path, text, CHECK), "name-inconsistency") == []


# Each spelling rule fires (the message names both spellings), and each has a twin that stays
# quiet.
@pytest.mark.parametrize("passes, fails, variant, usual", [
    # q/k
    ("The talks were led by Ahmed Qureshi, officials said. Qureshi declined to comment. "
     "Later Qureshi left the capital.\n",
     "The talks were led by Ahmed Qureshi, officials said. Qureshi declined to comment. "
     "Later Kureshi left the capital.\n", "Kureshi", "Qureshi"),
    # a doubled letter
    ("The report was written by Saeed Hammadi, the ministry said. Hammadi did not reply. "
     "On Monday Hammadi spoke again.\n",
     "The report was written by Saeed Hammadi, the ministry said. Hammadi did not reply. "
     "On Monday Hamadi spoke again.\n", "Hamadi", "Hammadi"),
    # the article with a hyphen or a space
    ("The statement came from Khalid al-Qassimi, the envoy said. Al-Qassimi met the king. "
     "Later al-Qassimi left.\n",
     "The statement came from Khalid al-Qassimi, the envoy said. The king met al-Qassimi. "
     "Later al Qassimi left.\n", "al Qassimi", "al-Qassimi"),
])
def test_english_spelling_rules(tmp_path, passes, fails, variant, usual):
    assert found(run_text(tmp_path, passes, CHECK), "name-inconsistency") == []
    hits = found(run_text(tmp_path, fails, CHECK), "name-inconsistency")
    assert [original(h) for h in hits] == [variant]
    assert variant in hits[0].message and usual in hits[0].message


@pytest.mark.parametrize("text", [
    # The article dropped on a later mention is a style, not a second spelling.
    "The cleric Moqtada al-Sadr spoke on Friday. Sadr called for calm.\n",
    # Same consonants, different people or places.
    "The governor Mike DeWine spoke. Pilgrims travelled to Mecca in June.\n",
    "Mongolia under the Bogd Khaan declared independence from China in 1911.\n",
])
def test_names_that_only_look_alike_are_not_flagged(tmp_path, text):
    assert found(run_text(tmp_path, text, CHECK), "name-inconsistency") == []
