"""stray-period: full stops inside sentences, found through the alignment and local cues."""

from __future__ import annotations

import pytest
from checkrun import bilingual, found, original, run_text

from aligner.checks.stray_period import STRONG, WEAK, arabic_cue, english_cue
from aligner.model import Severity

CHECK = ("stray-period",)


def _stray(tmp_path, english, arabic, name="doc.txt"):
    return found(run_text(tmp_path, bilingual(english, arabic), CHECK, name), "stray-period")


@pytest.mark.parametrize("arabic, english, shown", [
    (["أعلنت الحكومة عن خطة جديدة تهدف. إلى تحسين الخدمات العامة في المدن الكبرى.",
      "ورفضت المعارضة الخطة يوم الاثنين."],
     ["The government announced a new plan aimed at improving public services in the major "
      "cities.", "The opposition rejected the plan on Monday."], "تهدف. إلى"),
    (["التقى الرئيس بعدد من القادة. العسكريين في القصر وناقش الوضع الأمني.",
      "ولم يصدر أي بيان."],
     ["The president met a number of military commanders in the palace and discussed the "
      "security situation.", "No statement was issued."], "القادة. العسكريين"),
    (["اجتمع وزير الخارجية مع رئيس. البرلمان في العاصمة لبحث الأزمة.", "ولم يصدر أي بيان."],
     ["The foreign minister met the speaker of parliament in the capital to discuss the "
      "crisis.", "No statement was issued."], "رئيس. البرلمان"),
])
def test_arabic_stray_stop_is_an_error_at_the_stop(tmp_path, arabic, english, shown):
    hits = _stray(tmp_path, english, arabic)
    assert len(hits) == 1
    hit = hits[0]
    assert hit.severity == Severity.ERROR and hit.side == "src"
    assert original(hit) == "."
    assert hit.span[1] - hit.span[0] == 1
    assert shown in hit.message
    assert shown.replace(".", "") in hit.suggestion


def test_digit_and_construct_head_each_flag_their_own_stop(tmp_path):
    hits = _stray(tmp_path,
                  ["The minister arrived in Cairo on 15 March for talks with the president of "
                   "the council.", "The talks ended without an agreement."],
                  ["وصل الوزير إلى القاهرة يوم. 15 مارس لإجراء محادثات مع رئيس. المجلس.",
                   "وانتهت المحادثات دون اتفاق."])
    assert [original(h) for h in hits] == [".", "."]
    assert "يوم. 15" in hits[0].message and "رئيس. المجلس" in hits[1].message


def test_english_side_stray_stop(tmp_path):
    hits = _stray(tmp_path,
                  ["The minister met the. president of the council on Sunday to discuss the "
                   "budget.", "No agreement was reached."],
                  ["التقى الوزير رئيس المجلس يوم الأحد لمناقشة الميزانية.",
                   "ولم يتم التوصل إلى اتفاق."])
    assert len(hits) == 1 and hits[0].side == "tgt" and original(hits[0]) == "."
    assert "the. president" in hits[0].message


def test_two_real_sentences_merged_by_the_translator_are_not_flagged(tmp_path):
    hits = _stray(tmp_path,
                  ["The minister arrived in Cairo this morning and held a meeting with his "
                   "Egyptian counterpart.", "The talks will continue tomorrow."],
                  ["وصل الوزير إلى القاهرة صباح اليوم. وعقد اجتماعاً مع نظيره المصري.",
                   "وستستمر المحادثات غداً."])
    assert hits == []


def test_headline_double_full_stop_is_not_an_error(tmp_path):
    result = run_text(tmp_path, bilingual(
        ["Reform in the capital: a new plan for the ministries",
         "The government presented its plan to parliament on Sunday."],
        ["الإصلاح في العاصمة.. خطة جديدة للوزارات",
         "قدمت الحكومة خطتها إلى البرلمان يوم الأحد."]), CHECK)
    assert [f for f in found(result, "stray-period") if f.severity != Severity.INFO] == []


@pytest.mark.parametrize("before, after, strength", [
    ("أعلنت الحكومة أنها تسعى", " إلى توسيع التعاون", STRONG),
    ("وصل الوفد يوم", " 20 مارس", STRONG),
    ("جدير بالملاحظة", " بشكل خاص، نظراً", STRONG),
    ("التقى السفير ورئيس", " هيئة الأركان", STRONG),
    ("التقى الوزير بعدد من المسؤولين", " المحليين في المدينة", STRONG),
    ("قدمت الدعم للجيش", " للتصدي للهجمات", WEAK),
])
def test_arabic_cues(before, after, strength):
    cue = arabic_cue(before, after)
    assert cue is not None and cue.strength == strength


@pytest.mark.parametrize("before, after", [
    ("وصل الوزير إلى القاهرة صباح اليوم", " وعقد اجتماعاً مع نظيره"),
    ("انتهى الاجتماع", " من جهته، قال المتحدث إن"),
    ("أعلنت الشرطة عن اعتقال المتهمين", " من المتوقع أن تبدأ المحاكمة"),
    ("لم تصل القافلة بعد", " وقال مسؤول إن الطريق مغلق"),
    ("قال القائد العام دي. كي", " أريا إن"),
    ("قتل عدد من المدنيين", " المسلحون هاجموا القرية"),
])
def test_arabic_real_sentence_ends_have_no_cue(before, after):
    assert arabic_cue(before, after) is None


@pytest.mark.parametrize("before, after, expected", [
    ("He spoke to the", " council on Monday", STRONG),
    ("The meeting ended", " and the delegates left", STRONG),
    ("The meeting ended", " because nobody came", WEAK),
    ("The empire began about 400 A.D", " and lasted", None),
    ("She thanked her", " Strong women inspire others", None),
    ("The council met on Monday", " The mayor spoke first", None),
])
def test_english_cues(before, after, expected):
    cue = english_cue(before, after)
    assert (cue.strength if cue else None) == expected


def test_kept_break_with_a_strong_cue_is_a_warning(tmp_path):
    # Both sides break at the same spot, so the alignment keeps the break; "their." still
    # cannot end an English sentence.
    hits = _stray(tmp_path,
                  ["The ministers presented their. Plans were approved by parliament on Monday "
                   "after a long debate.", "The opposition voted against them."],
                  ["قدم الوزراء خططهم. ووافق البرلمان على الخطط يوم الاثنين بعد نقاش طويل.",
                   "وصوتت المعارضة ضدها."])
    assert len(hits) == 1
    assert hits[0].side == "tgt" and original(hits[0]) == "."
    assert hits[0].severity == Severity.WARNING and "their. Plans" in hits[0].message


def test_date_opening_a_sentence_is_not_a_cue():
    assert arabic_cue("أعادت الحكومة مواطنيها من إيران", " في 14 مارس أعادت") is None
