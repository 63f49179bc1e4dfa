"""modality-drift: only clear disagreements of possibility and obligation."""

from __future__ import annotations

import pytest
from gold import gold_context

from aligner.checks._support.markers import arabic_markers
from aligner.checks.modality_drift import find_modality


def modality(ar, en):
    return list(find_modality(gold_context([ar], [en])))


def test_possibility_rendered_as_obligation():
    en = "The army has to withdraw from the city."
    (hit,) = modality("يمكن للجيش أن ينسحب من المدينة.", en)
    assert hit.side == "tgt" and en[hit.span[0]:hit.span[1]] == "has to"
    assert "'يمكن'" in hit.message and "may" in hit.suggestion


def test_obligation_rendered_as_possibility():
    en = "The government may hold elections this year."
    (hit,) = modality("يجب على الحكومة إجراء الانتخابات هذا العام.", en)
    assert en[hit.span[0]:hit.span[1]] == "may"


def test_obligation_lost():
    ar = "يتعين على الوزير تقديم استقالته."
    (hit,) = modality(ar, "The minister presented his resignation.")
    assert hit.side == "src" and ar[hit.span[0]:hit.span[1]] == "يتعين"


@pytest.mark.parametrize("ar, en", [
    ("يمكن للجيش أن ينسحب.", "The army could withdraw."),
    ("ربما ينسحب الجيش.", "The army might withdraw."),
    ("يجب أن ينسحب الجيش.", "The army must withdraw."),
    ("عليه أن يستقيل.", "He has to resign."),
    ("قد تسعى روسيا إلى دور أكبر.", "Russia may seek a bigger role."),
    ("ينبغي تحديد موعد الاجتماع.", "Set a date for the meeting."),       # imperative
    ("وبناء عليه، انسحب الجيش.", "Accordingly, the army withdrew."),     # عليه is not "must"
    ("نفذت الخطة كما ينبغي.", "The plan was carried out properly."),     # كما ينبغي
])
def test_agreeing_modality_passes(ar, en):
    assert modality(ar, en) == []


def test_qad_before_past_verb_is_not_modal():
    assert arabic_markers("قد التقى الوزير نظيره.").possible == ()
    assert arabic_markers("لقد تم الاتفاق.").possible == ()
    assert arabic_markers("قد يلتقي الوزير نظيره.").possible != ()
    # "already met" rendered without a modal is fine; "must meet" would not be
    assert modality("قد التقى الوزير نظيره.", "The minister has met his counterpart.") == []


def test_corpus_can_rendered_as_has_to(corpus_result):
    (finding,) = [f for f in corpus_result.findings if f.check == "modality-drift"]
    pair = corpus_result.pairs[finding.pair]
    assert "يمكن" in pair.text("src")
    assert pair.text("tgt")[finding.span[0]:finding.span[1]] == "has to"
