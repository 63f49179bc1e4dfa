"""number-mismatch: numbers in both digit scripts, separators, ranges, percentages, words."""

from __future__ import annotations

import pytest
from gold import gold_context

from aligner.checks.number_mismatch import compare, find, number_tokens, word_values
from aligner.model import Severity


def hits(ar, en):
    return list(find(gold_context([ar], [en])))


@pytest.mark.parametrize("ar, en", [
    ("قتل ٣١ جنديا.", "31 soldiers were killed."),                         # Arabic-Indic digits
    ("قتل ۳۱ جنديا.", "31 soldiers were killed."),                          # Eastern digits
    ("نشر ١٬٥٠٠ جندي.", "1,500 troops were deployed."),                     # thousands
    ("نشر 1500 جندي.", "1,500 troops were deployed."),
    ("بلغت النسبة ٢٫٥٪.", "The rate reached 2.5%."),                         # decimal mark, ٪
    ("ارتفعت بنسبة 40 في المئة.", "It rose by 40 percent."),                 # percentage words
    ("بين ١٠–١٥ قتيلا.", "Between 10-15 were killed."),                      # ranges
    ("رصد 2.5 مليار دولار.", "It allocated $2,500,000,000."),               # scale words
    ("وصل ثلاثة وزراء.", "3 ministers arrived."),                            # Arabic words
    ("وصل 3 وزراء.", "Three ministers arrived."),                            # English words
    ("في الجولة 1 من المحادثات.", "In the first round of talks."),           # ordinals
    ("استمرت المعارك يومين و25 ساعة.", "Fighting lasted 2 days and twenty-five hours."),
    ("انطلقت الساعة 3 مساء.", "It started at 15:00."),                       # 12-hour clock
    ("سيكلف المشروع ملياري يورو.", "The project will cost 2 billion euros."),   # a dual's construct
    ("جمعت ألفي توقيع.", "It collected 2,000 signatures."),
    ("بدأ الاجتماع في الساعة السابعة والنصف مساء.", "The meeting started at 7:30 pm."),
    ("وصلنا الساعة 8:15.", "We arrived at a quarter past eight."),
])
def test_equal_numbers_in_any_form_pass(ar, en):
    assert hits(ar, en) == []


def test_changed_number_is_an_error_on_both_sides():
    ar, en = "قتل ٣١ جنديا في الهجوم.", "13 soldiers were killed in the attack."
    src_hit, tgt_hit = hits(ar, en)
    assert src_hit.severity is Severity.ERROR and tgt_hit.severity is Severity.ERROR
    assert ar[src_hit.span[0]:src_hit.span[1]] == "٣١"
    assert en[tgt_hit.span[0]:tgt_hit.span[1]] == "13"
    assert "'13'" in src_hit.message


def test_missing_number_is_a_warning_with_the_span_on_it():
    ar, en = "أصيب 17 شخصا في الانفجار.", "Several people were injured in the blast."
    (hit,) = hits(ar, en)
    assert hit.severity is Severity.WARNING and hit.side == "src"
    assert ar[hit.span[0]:hit.span[1]] == "17"


def test_added_number_is_reported_on_the_target():
    ar, en = "وصل الوفد أمس.", "The 12 delegates arrived yesterday."
    (hit,) = hits(ar, en)
    assert hit.side == "tgt" and en[hit.span[0]:hit.span[1]] == "12"


def test_codes_and_clock_minutes_are_not_reported():
    assert compare("صاروخ إس-400 الساعة 12:00", "the S-400 missile at 12 noon") == ([], [])
    assert compare("طائرات F16", "F16 jets") == ([], [])


def test_a_clock_time_may_be_written_with_a_full_stop():
    # "23:45" is "23.45" in British English; a changed minute is still a changed number.
    assert compare("ستتحدث عند الساعة 23:45.", "She will speak at 23.45.") == ([], [])
    assert compare("السوق (من 6:30 إلى 10:00 صباحاً)", "the market (6.30-10am)") == ([], [])
    missing, added = compare("ستتحدث عند الساعة 23:45.", "She will speak at 23.40.")
    assert [t.text for t in missing] == ["23", "45"] and [t.text for t in added] == ["23.40"]


def test_token_values():
    (tok,) = number_tokens("٪٥٠", "ar")
    assert tok.values == {"50"}
    (tok,) = number_tokens("1.5 million", "en")
    assert tok.values == {"1.5", "1500000"}
    assert {"200000", "2", "100", "1000"} <= word_values("two hundred thousand", "en")
    assert {"15", "25"} <= word_values("خمسة عشر وخمسة وعشرون", "ar")


def test_one_language_pairs_are_skipped():
    ctx = gold_context(["قتل 31 جنديا."], [""])
    assert list(find(ctx)) == []


def test_a_dual_scale_word_is_two_of_its_unit():
    # ملياري is "two billion" (the construct dual); three billion is not in the source.
    (hit,) = hits("سيكلف المشروع ملياري يورو.", "The project will cost 3 billion euros.")
    assert hit.side == "tgt" and "'3'" in hit.message


def test_a_clock_minute_is_not_any_fraction():
    # Half past seven is 7:30, not 7:20.
    (hit,) = hits("بدأ الاجتماع في الساعة السابعة والنصف.", "The meeting started at 7:20.")
    assert hit.side == "tgt" and "'20'" in hit.message


@pytest.mark.parametrize("ar, en, clean", [
    ("سجل خلال موسم 2022–2023 ما مجموعه 14 هدفا.", "In the 2022–23 season he scored 14 goals.",
     True),
    ("امتد الموسم 1999-2000 طويلا.", "The 1999/00 season ran long.", True),
    ("سجل خلال موسم 2022–2024 ما مجموعه 14 هدفا.", "In the 2022–23 season he scored 14 goals.",
     False),
])
def test_a_two_digit_range_end_after_a_year_is_the_full_year(ar, en, clean):
    missing, added = compare(ar, en)
    assert (missing == [] and added == []) == clean


def test_a_dual_of_a_unit_that_sounds_like_the_noun_is_two_of_it():
    # مترين is "two metres": the dual carries the number; three metres are not in the source.
    ar = "يصل طوله إلى نحو مترين."
    assert list(hits(ar, "It grows to about 2 metres.")) == []
    (hit,) = hits(ar, "It grows to about 3 metres.")
    assert hit.side == "tgt" and "'3'" in hit.message
    # A dual of another noun is no two of this one.
    (hit,) = hits("دفع دولارين.", "He paid 2 euros.")
    assert hit.side == "tgt" and "'2'" in hit.message
