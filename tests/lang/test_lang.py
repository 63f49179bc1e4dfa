"""Language facts: one home, consistent with what their users need."""

from __future__ import annotations

import pytest

from aligner.lang import ar, en, language_name
from aligner.text import normalize_arabic


def test_language_names():
    assert language_name("ar") == "Arabic" and language_name("en") == "English"
    assert language_name("tr") == "tr"


def test_proclitics_are_stripped_longest_first():
    for chains in (ar.PROCLITICS, ar.NAME_PROCLITICS, ar.LINK_PROCLITICS, ar.NUMBER_PROCLITICS):
        lengths = [len(c) for c in chains]
        assert lengths == sorted(lengths, reverse=True)
    assert "كال" in ar.NAME_PROCLITICS and "كال" not in ar.LINK_PROCLITICS
    assert "ك" in ar.NUMBER_PROCLITICS and "فال" not in ar.NUMBER_PROCLITICS


def test_months_in_both_arabic_systems():
    assert ar.MONTHS_N[normalize_arabic("شباط")] == ar.MONTHS_N[normalize_arabic("فبراير")] == 2
    assert ar.MONTHS_N[normalize_arabic("كانون الثاني")] == 1
    assert normalize_arabic("تشرين") in ar.MONTH_WORDS_N
    assert normalize_arabic("الثاني") not in ar.MONTH_WORDS_N
    assert en.MONTHS["sept"] == 9 and en.MONTHS["dec"] == 12


def test_word_pattern_keeps_marks_and_skips_latin():
    assert ar.WORD.findall("قالَ Ali الوزيرُ") == ["قالَ", "الوزيرُ"]
    assert ar.WORD_EXTENDED.fullmatch("پاکستان") and not ar.WORD.fullmatch("پاکستان")


@pytest.mark.parametrize("word, definite", [
    ("البيت", True), ("وبالمدينة", True), ("للطلاب", True),
    ("ألقى", False), ("إلى", False), ("بيت", False),
])
def test_the_article_is_read_as_written(word, definite):
    assert ar.is_definite(word) == definite


@pytest.mark.parametrize("word, verb", [
    ("ذهبوا", True), ("وصلنا", True), ("نجحت", True), ("يفصل", True),
    ("مدرسة", False), ("نباتات", False), ("تأكيداً", False), ("زمناً", False),
    ("المعلمين", False), ("بيت", False),
])
def test_verb_shape(word, verb):
    assert ar.verb_shape(word) == verb
