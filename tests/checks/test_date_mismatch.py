"""date-mismatch: month names in both Arabic series and in English."""

from __future__ import annotations

import pytest
from gold import gold_context

from aligner.checks.date_mismatch import find
from aligner.model import Severity


def hits(ar, en):
    return list(find(gold_context([ar], [en])))


# Each passing pair has a twin with the English month changed, which must be flagged.
@pytest.mark.parametrize("ar, en, other", [
    ("وقع الهجوم في 3 يناير.", "The attack happened on 3 January.", "February"),
    ("وقع الهجوم في 3 كانون الثاني.", "The attack happened on January 3.", "June"),
    ("في 3 كانون الثاني/يناير 2023.", "On 3 January 2023.", "July"),   # both styles: one date
    ("في أواخر آذار الماضي.", "In late March.", "April"),                 # ambiguous English month
    ("منذ مايو/أيار.", "Since May.", "August"),
])
def test_same_month_passes(ar, en, other):
    assert hits(ar, en) == []
    month = next(m for m in ("January", "March", "May") if m in en)
    changed = en.replace(month, other)
    assert [h.severity for h in hits(ar, changed)] == [Severity.ERROR, Severity.ERROR]


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
    ("مارس الوزير ضغوطا على الحكومة{}.", "The minister pressed the government."),  # verb مارس
    ("أعلنت شركة نيسان عن طراز جديد{}.", "The carmaker announced a new model."),    # Nissan
    ("اتفق الطرفان{}.", "The two sides may agree."),                                  # verb may
])
def test_month_homographs_are_not_months(ar, en):
    assert hits(ar.format(""), en) == []
    # Twin: a real month beside the homograph is still missed in the English, and only it.
    twin = ar.format(" في شباط")
    (hit,) = hits(twin, en)
    assert twin[hit.span[0]:hit.span[1]] == "شباط"


def test_a_month_name_rendered_as_a_name_that_sounds_like_it_is_that_name():
    # أغسطس is also Augustus, the emperor: the English renders it by sound.
    assert hits("لكن في كل مرة كان أغسطس يرفض طلبه.",
                "But each time Augustus refused his requests.") == []
    (hit,) = hits("لكن في كل مرة كان أغسطس يرفض طلبه.", "But each time Tiberius refused them.")
    assert "August" in hit.message


def test_a_gate_or_a_first_name_is_no_month():
    # باب is ب + آب to the normaliser ("in August"), but آب is written with its madda; Jan
    # before a surname is a first name, not January.
    en = "Aid was delayed because roads leading to Bab al-Hawa were damaged."
    assert hits("تأخرت المساعدات لأن الطرق المؤدية إلى باب الهوى تضررت.", en) == []
    (hit,) = hits("تأخرت المساعدات في آب لأن الطرق المؤدية إلى باب الهوى تضررت.", en)
    assert "August" in hit.message
    ar = "وفي عام 1619 دمر الحاكم العام يان بيترسزون كون ميناء جاياكرتا."
    assert hits(ar, "In 1619 the governor-general Jan Pieterszoon Coen destroyed Jayakarta.") == []
    (hit,) = hits(ar, "On 5 Jan 1619 the governor-general destroyed Jayakarta.")
    assert "'Jan'" in hit.message or "Jan," in hit.message
