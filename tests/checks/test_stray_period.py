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


def test_two_real_sentences_merged_by_the_translator_are_not_errors(tmp_path):
    hits = _stray(tmp_path,
                  ["The minister arrived in Cairo this morning and held a meeting with his "
                   "Egyptian counterpart.", "The talks will continue tomorrow."],
                  ["وصل الوزير إلى القاهرة صباح اليوم. وعقد اجتماعاً مع نظيره المصري.",
                   "وستستمر المحادثات غداً."])
    # At most a warning that the translation runs through: the words around the stop read as
    # a real end, which a reviser confirms at a glance.
    assert all(h.severity != Severity.ERROR for h in hits)
    assert all("runs straight through" in h.message for h in hits)


def test_headline_double_full_stop_is_not_an_error(tmp_path):
    result = run_text(tmp_path, bilingual(
        ["Reform in the capital: a new plan for the ministries",
         "The government presented its plan to parliament on Sunday."],
        ["الإصلاح في العاصمة.. خطة جديدة للوزارات",
         "قدمت الحكومة خطتها إلى البرلمان يوم الأحد."]), CHECK)
    assert [f for f in found(result, "stray-period") if f.severity != Severity.INFO] == []


# Stops inside sentences, as issue 12 lists them (none of these words is in a list anywhere):
# the boundary model alone is strong evidence.
@pytest.mark.parametrize("before, after", [
    ("أعلنت الحكومة أنها تسعى", " إلى توسيع التعاون مع دول الجوار"),
    ("وصل الوفد إلى العاصمة يوم", " 20 مارس لإجراء محادثات"),
    ("التقى السفير ورئيس", " هيئة الأركان في مقر الوزارة"),
    ("التقى الوزير بعدد من المسؤولين", " المحليين في المدينة"),
    ("التقى الوزير في ذلك مكان", " الولايات المتحدة ودعا إلى الحوار"),
    ("وقال إن قرار مجلس", " الأمن الدولي لم يصدر بعد"),
    ("وانتشرت عناصر من قوات", " الأمن في شوارع المدينة"),
    ("التقى الرئيس العديد", " من المسؤولين في القصر"),
    ("دعا الوزير الحكومة إلى الحوار، كما", " يحثّ المعارضة على المشاركة"),
    ("فاز الفريق ببطولة العالم لكرة", " السلة للمرة الثالثة"),
    ("اجتمع القادة من أجل", " تحديد موعد الانتخابات"),
    ("أرسلت الحكومة معدات", " عسكرية إلى الحدود الشمالية"),
])
def test_arabic_stops_inside_a_sentence_are_strong_cues(before, after):
    cue = arabic_cue(before, after)
    assert cue is not None and cue.strength == STRONG, cue


# Real sentence ends: never an unambiguous strong cue, so that where the translation breaks
# too they are never errors.
@pytest.mark.parametrize("before, after", [
    ("يتدرب اللاعبون كل يوم", " وقال المدرب إن الفريق جاهز للمباراة"),
    ("وصل الوزير إلى القاهرة صباح اليوم", " وعقد اجتماعاً مع نظيره"),
    ("انتهى الاجتماع", " من جهته، قال المتحدث إن"),
    ("أعلنت الشرطة عن اعتقال المتهمين", " من المتوقع أن تبدأ المحاكمة"),
    ("لم تصل القافلة بعد", " وقال مسؤول إن الطريق مغلق"),
    ("قتل عدد من المدنيين", " المسلحون هاجموا القرية"),
    ("أعادت الحكومة مواطنيها من إيران", " في 14 مارس أعادت"),
])
def test_arabic_real_sentence_ends_are_never_unambiguous_cues(before, after):
    cue = arabic_cue(before, after)
    assert cue is None or cue.ambiguous, cue


# A two-word fragment is rare in news, where the model was fitted, and common in everyday
# text; with a verb or a pronoun of its own it may well be a sentence, so being short makes
# the cue ambiguous at most. A short noun phrase stays a strong, unambiguous cue.
@pytest.mark.parametrize("before, after, sentence", [
    ("وصلنا متأخرين", " بعد ذلك ذهبنا إلى البيت مباشرة", True),
    ("أنا متعب", " سأنام مبكرا الليلة", True),
    ("رئيس الوزراء", " العراقي في زيارة إلى موسكو", False),
    ("قطع الغيار", " العسكرية للجيش العراقي", False),
])
def test_a_short_fragment_with_a_verb_or_pronoun_is_an_ambiguous_cue(before, after, sentence):
    cue = arabic_cue(before, after)
    assert cue is not None and cue.strength == STRONG
    assert cue.ambiguous == sentence


def test_every_day_then_said_is_at_most_a_weak_cue():
    cue = arabic_cue("يتدرب اللاعبون كل يوم", " وقال المدرب إن الفريق جاهز للمباراة")
    assert cue is None or cue.strength == WEAK


def test_spelled_out_initials_and_one_letter_abbreviations_are_not_cues():
    assert arabic_cue("قال القائد العام دي. كي", " أريا إن") is None
    assert arabic_cue("عاش عام 3300 ق", "م تقريباً في المرتفعات") is None


@pytest.mark.parametrize("before, after", [
    ("بني المعبد في القرن الثالث ق.م", " على ضفاف النيل"),       # BC
    ("توفي العالم سنة 505 هـ", " عن عمر يناهز السبعين"),         # AH
    ("يشمل البرنامج الرياضيات والعلوم إلخ", " ويستمر عاما كاملا"),  # etc.
    ("قدم أ.د", " محمود علي محاضرة عن الاقتصاد"),                 # Prof. Dr.
])
def test_arabic_abbreviations_are_not_cues(before, after):
    assert arabic_cue(before, after) is None
    # The same words without the abbreviation's form are a stray stop.
    assert arabic_cue(before.rsplit(" ", 1)[0] + " الثالث", after) is not None


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


def test_glued_stop_is_at_most_a_warning_and_offers_the_missing_space(tmp_path):
    hits = _stray(tmp_path,
                  ["Australia is considering similar apps, as is the BlueTrace protocol. Russia "
                   "intends to launch an app for patients.", "No date has been set."],
                  ["تفكر أستراليا في تطبيقات مماثلة، وكذلك بروتوكول بلو تريس.وتنوي روسيا طرح "
                   "تطبيق للمرضى.", "ولم يحدد أي موعد."])
    assert len(hits) == 1
    hit = hits[0]
    assert hit.severity == Severity.WARNING and original(hit) == "."
    assert "تريس.وتنوي" in hit.message and "put a space after it" in hit.suggestion


def test_glued_stray_stop_inside_a_sentence_is_reported(tmp_path):
    hits = _stray(tmp_path,
                  ["The government sent military equipment to the northern border this week.",
                   "No date has been set."],
                  ["أرسلت الحكومة معدات.عسكرية إلى الحدود الشمالية هذا الأسبوع.",
                   "ولم يحدد أي موعد."])
    assert len(hits) == 1 and original(hits[0]) == "." and "معدات.عسكرية" in hits[0].message
