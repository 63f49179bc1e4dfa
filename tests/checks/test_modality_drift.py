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


# Each agreeing pair has a twin that differs in one place and must be flagged, so that a check
# that never fires cannot pass (translate-toolkit's passes/fails style).
@pytest.mark.parametrize("ar, en, twin_ar, twin_en", [
    ("يمكن للجيش أن ينسحب.", "The army could withdraw.", None, "The army must withdraw."),
    ("ربما ينسحب الجيش.", "The army might withdraw.", None, "The army has to withdraw."),
    ("يجب أن ينسحب الجيش.", "The army must withdraw.", None, "The army may withdraw."),
    ("عليه أن يستقيل.", "He has to resign.", None, "He might resign."),
    ("قد تسعى روسيا إلى دور أكبر.", "Russia may seek a bigger role.", None,
     "Russia must seek a bigger role."),
    # an imperative renders the obligation; a statement loses it
    ("ينبغي تحديد موعد الاجتماع.", "Set a date for the meeting.", None,
     "A date was set for the meeting."),
    # عليه is not "must" here; a real obligation beside it is still seen
    ("وبناء عليه، انسحب الجيش.", "Accordingly, the army withdrew.",
     "وبناء عليه، يجب أن ينسحب الجيش.", None),
    # كما ينبغي ("properly") is not an obligation; ينبغي + verbal noun is
    ("نفذت الخطة كما ينبغي.", "The plan was carried out properly.",
     "ينبغي تنفيذ الخطة.", "The plan was carried out."),
])
def test_agreeing_modality_passes(ar, en, twin_ar, twin_en):
    assert modality(ar, en) == []
    assert modality(twin_ar or ar, twin_en or en) != []


def test_qad_before_past_verb_is_not_modal():
    assert arabic_markers("قد التقى الوزير نظيره.").possible == ()
    assert arabic_markers("لقد تم الاتفاق.").possible == ()
    assert arabic_markers("قد يلتقي الوزير نظيره.").possible != ()
    # "already met" rendered without a modal is fine; "may meet" rendered "must meet" is not
    assert modality("قد التقى الوزير نظيره.", "The minister has met his counterpart.") == []
    assert modality("قد يلتقي الوزير نظيره.", "The minister must meet his counterpart.") != []


def test_corpus_can_rendered_as_has_to(corpus_result):
    (finding,) = [f for f in corpus_result.findings if f.check == "modality-drift"]
    pair = corpus_result.pairs[finding.pair]
    assert "يمكن" in pair.text("src")
    assert pair.text("tgt")[finding.span[0]:finding.span[1]] == "has to"


def test_an_imperative_after_an_opening_clause_renders_an_obligation():
    # "If ..., consider how they can ...": the obligation is the imperative; its "can" is
    # not the source's ينبغي made a possibility.
    ar = "إذا تطلب الأمر عقد جلسات أطول، ينبغي التفكير في كيفية تقسيمها."
    assert modality(ar, "If the sessions are long, consider how they can be split.") == []
    (hit,) = modality(ar, "If the sessions are long, they can be split over several days.")
    assert "possibility" in hit.message
