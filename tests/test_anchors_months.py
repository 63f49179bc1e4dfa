"""Month anchors: offsets stay right in text with diacritics; homographs need a date cue."""

from __future__ import annotations

from aligner.anchors import months


def test_offsets_point_into_the_original_text_with_diacritics():
    text = "تُظهِرُ البيانات أنّه في ٢٠ أبريل"
    ((start, end, month),) = months(text, "ar")
    assert text[start:end] == "أبريل" and month == 4


def test_joined_styles_are_one_date():
    text = "في 5 فبراير/شباط"
    ((start, end, month),) = months(text, "ar")
    assert text[start:end] == "فبراير/شباط" and month == 2


def test_ambiguous_names_need_a_cue():
    assert months("مارس الضغط", "ar") == []
    assert [m for *_s, m in months("بحلول مارس", "ar")] == [3]
    assert months("They may march", "en") == []
    assert [m for *_s, m in months("by late May", "en")] == [5]
    assert [m for *_s, m in months("the May/June series", "en")] == [5, 6]


def test_an_ambiguous_arabic_month_beside_another_month_is_a_month():
    # آب "father", نيسان "Nissan": beside a month they are one ("June to August").
    assert [m for *_s, m in months("ما بين حزيران وآب ضربت المجاعة", "ar")] == [6, 8]
    assert [m for *_s, m in months("بين نيسان و حزيران", "ar")] == [4, 6]
    assert [m for *_s, m in months("في تموز وآب", "ar")] == [7, 8]
    # ... and not otherwise.
    assert months("زار آب المدينة وحزن", "ar") == []
    assert [m for *_s, m in months("حزيران ثم زار آب", "ar")] == [6]
