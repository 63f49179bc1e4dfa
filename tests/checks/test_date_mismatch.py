"""date-mismatch: month names in both Arabic series and in English."""

from __future__ import annotations

import pytest
from gold import gold_context

from aligner.checks.date_mismatch import find
from aligner.model import Severity


def hits(ar, en):
    return list(find(gold_context([ar], [en])))


@pytest.mark.parametrize("ar, en", [
    ("وقع الهجوم في 3 يناير.", "The attack happened on 3 January."),
    ("وقع الهجوم في 3 كانون الثاني.", "The attack happened on January 3."),
    ("في 3 كانون الثاني/يناير 2023.", "On 3 January 2023."),           # both styles: one date
    ("في أواخر آذار الماضي.", "In late March."),                         # ambiguous English month
    ("منذ مايو/أيار.", "Since May."),
])
def test_same_month_passes(ar, en):
    assert hits(ar, en) == []


def test_changed_month_is_an_error():
    ar, en = "وقع الهجوم في 3 تشرين الأول.", "The attack happened on 3 November."
    src_hit, tgt_hit = hits(ar, en)
    assert src_hit.severity is Severity.ERROR
    assert ar[src_hit.span[0]:src_hit.span[1]] == "تشرين الأول"
    assert en[tgt_hit.span[0]:tgt_hit.span[1]] == "November"
    assert "October" in src_hit.message and "November" in src_hit.message


def test_missing_month_is_a_warning():
    ar = "اجتمع الوزراء في شباط لبحث الأزمة."
    (hit,) = hits(ar, "The ministers met to discuss the crisis.")
    assert hit.severity is Severity.WARNING and ar[hit.span[0]:hit.span[1]] == "شباط"


@pytest.mark.parametrize("ar, en", [
    ("مارس الوزير ضغوطا على الحكومة.", "The minister pressed the government."),  # verb مارس
    ("أعلنت شركة نيسان عن طراز جديد.", "The carmaker announced a new model."),    # Nissan
    ("اتفق الطرفان.", "The two sides may agree."),                                  # verb may
])
def test_month_homographs_are_not_months(ar, en):
    assert hits(ar, en) == []
