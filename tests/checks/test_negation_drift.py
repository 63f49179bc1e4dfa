"""negation-drift: only clear disagreements of negation."""

from __future__ import annotations

import pytest
from gold import gold_context

from aligner.checks._support.markers import arabic_markers
from aligner.checks.negation_drift import find_negation


def negation(ar, en):
    return list(find_negation(gold_context([ar], [en])))


def test_negation_lost():
    ar = "لم يوقع الطرفان الاتفاق."
    (hit,) = negation(ar, "The two sides signed the agreement.")
    assert hit.side == "src" and ar[hit.span[0]:hit.span[1]] == "لم"


def test_negation_added():
    en = "The two sides did not sign the agreement."
    (hit,) = negation("وقع الطرفان الاتفاق.", en)
    assert hit.side == "tgt" and en[hit.span[0]:hit.span[1]] == "not"


@pytest.mark.parametrize("ar, en", [
    ("لم يوقع الطرفان الاتفاق.", "The two sides did not sign the agreement."),
    ("لن يوقع الطرفان.", "The two sides will never sign."),
    ("ليس هناك اتفاق.", "There is no agreement."),
    ("لا يزال الجيش في المدينة.", "The army is still in the city."),       # لا يزال = still
    ("لم يحضر إلا وزيران.", "Only two ministers attended."),               # لم ... إلا = only
    ("لا سيما في الشمال.", "Especially in the north."),                   # لا سيما
    ("لم يتمكن الجيش من التقدم.", "The army was unable to advance."),      # un- prefix
    ("هل وافق (نعم/لا)؟", "Agreed (Y/N)?"),                               # yes/no field
    ("رفض الوزير الطلب.", "The minister did not accept the request."),     # lexical negation
    ("الوضع غير مستقر.", "The situation is unstable."),
    ("لم تعلق الوزارة على التقرير.", "The ministry declined to comment on the report."),
    ("لم يصوت ثلاثة نواب.", "Three deputies abstained."),
    ("ليس فقط الجيش بل الشرطة أيضا.", "Not only the army but also the police."),
])
def test_agreeing_negation_passes(ar, en):
    assert negation(ar, en) == []


@pytest.mark.parametrize("ar, en", [
    ("إنك متعب، أليس كذلك؟", "You are tired, aren't you?"),
    ("تحب المطر، صحيح؟", "You like rain, don't you?"),     # English tag question only
    ("أليست اللغة صعبة؟", "Isn't the language difficult?"),  # interrogative أليس
])
def test_questions_are_not_negation_drift(ar, en):
    assert negation(ar, en) == []


def test_name_spelt_like_a_question_particle_is_not_negation():
    # إليس (Ellis) normalises like أليس ("isn't"): only the written hamza counts.
    assert arabic_markers("في ملعب إليس بارك").neg_strong == ()
    assert arabic_markers("أليس هذا صحيحا؟").neg_strong != ()


@pytest.mark.parametrize("ar, en", [
    # من ("from") and bare ما ("what") are no negation: the 'not' added here must be found.
    ("وصل الوفد من بغداد أمس.", "The delegation did not arrive from Baghdad yesterday."),
    ("هذا ما قاله الوزير.", "This is not what the minister said."),
])
def test_common_words_do_not_excuse_an_added_negation(ar, en):
    (hit,) = negation(ar, en)
    assert hit.side == "tgt" and en[hit.span[0]:hit.span[1]] == "not"


@pytest.mark.parametrize("ar, en", [
    ("أراد أن تعمل الدولة من دونه.", "He wanted the state to act without him."),   # دونه
    ("صنفوا الشخص الخالي من الأعراض.", "They classified the person without symptoms."),
    ("بلغ الفريق نقطة اللاعودة.", "The team reached the point of no return."),     # اللا-
])
def test_negative_words_with_clitics_and_pronouns_pass(ar, en):
    assert negation(ar, en) == []


def test_negation_joined_to_an_as_written_is_a_negation():
    # بألا (ب + أن + لا) "not to", لئلا "lest": a negation, though their normalised forms are
    # also إلا "except" and ليلا "at night".
    ar = "حذرت المحكمة أعضاءها بألا يصدقوا كل ما قيل."
    assert negation(ar, "The court cautioned its members not to believe everything said.") == []
    (hit,) = negation(ar, "The court cautioned its members to believe everything said.")
    assert hit.side == "src" and ar[hit.span[0]:hit.span[1]] == "بألا"
    assert arabic_markers("سافروا ليلا إلى المدينة").neg_strong == ()


def test_no_more_than_is_not_a_negation():
    ar = "أصبح النهر مجرد مكب للنفايات."
    assert negation(ar, "The river was no more than a waste dump.") == []
    (hit,) = negation(ar, "The river was no waste dump.")
    assert hit.side == "tgt"


def test_arabic_negation_with_no_more_than_is_only():
    # لا ... لأكثر من "on no more than": English says "just", as "no more than" is not a
    # negation in English either; a plain negation lost is still reported.
    assert negation("إذ لا تشهد المدينة رعدا لأكثر من سبعة أيام في السنة.",
                    "The city reports thunder on just seven days per year.") == []
    (hit,) = negation("لا تشهد المدينة رعدا في الصيف.", "The city sees thunder in summer.")
    assert hit.side == "src"


def test_a_name_written_like_a_negation_is_the_name():
    # أليس is also "Alice" as Arabic writes it: with the name in the English, no negation.
    assert negation("اجلسي يا أليس.", "Sit down, Alice.") == []
    (hit,) = negation("أليس هذا جميلا؟ اجلسي.", "This is beautiful. Sit down.")
    assert hit.side == "src"


@pytest.mark.parametrize("ar, en", [
    ("الجو حار جدا ولا يصلح للركض.", "It's too hot to go jogging."),   # too ... to
    ("أوافقك الرأي تماما.", "I couldn't agree with you more."),         # a superlative
])
def test_implicit_negation_and_negated_superlatives(ar, en):
    assert negation(ar, en) == []


def test_a_negated_verb_before_more_than_stays_a_negation():
    (hit,) = negation("وجدت أكثر من اثنين.", "I couldn't find more than two.")
    assert hit.side == "tgt"


def test_does_not_exceed_is_at_most():
    # لا يتجاوز "does not exceed" is "just" or "at most" as often as a negation: it agrees with
    # a translation with or without a "not" (a tune split sentence).
    ar = "ولا يتجاوز طول الذكر البالغ 22 ملليمتراً."
    assert negation(ar, "The adult male measures just 22 millimetres.") == []
    assert negation(ar, "The adult male does not exceed 22 millimetres.") == []
    (hit,) = negation("لا يتجاوز طوله 22 ملليمترا ولم يره أحد.",
                      "It measures just 22 millimetres and someone saw it.")
    assert hit.side == "src"


@pytest.mark.parametrize("ar, en", [
    ("لا أظن أنه سيأتي.", "I doubt he'll come."),                 # a privative English word
    ("المتجر لا يفتح أيام الجمعة.", "The shop is closed on Fridays."),
    ("الثلاجة فارغة.", "There's nothing in the fridge."),           # a privative Arabic word
    ("نسيت أن أقفل الباب.", "I didn't remember to lock the door."),
    ("إياك أن تتأخر.", "You'd better not be late."),                # a prohibition
    ("ما كان عليك أن تتكبد كل هذا العناء.", "You shouldn't have gone to so much trouble."),
    ("تغيب علي عن المدرسة اليوم.", "Ali didn't come to school today."),
])
def test_a_privative_word_or_a_prohibition_renders_a_negation(ar, en):
    assert negation(ar, en) == []


@pytest.mark.parametrize("ar, en", [
    # Both sides hold the privative word: a "not" added to one of them reverses it.
    ("المطعم مغلق اليوم.", "The restaurant is not closed today."),
    ("تأخرت رحلتنا.", "Our flight was not delayed."),
])
def test_a_privative_word_on_both_sides_does_not_excuse_an_added_negation(ar, en):
    (hit,) = negation(ar, en)
    assert hit.side == "tgt" and en[hit.span[0]:hit.span[1]] == "not"


def test_a_negative_question_with_alam():
    # ألم + a present verb in a question is "didn't"; ألم alone is also "pain".
    assert negation("ألم تسمع الخبر؟", "Didn't you hear the news?") == []
    (hit,) = negation("ألم تسمع الخبر؟", "Did you hear the news?")
    assert hit.side == "src"
    assert arabic_markers("شعر بألم شديد في صدره.").neg_strong == ()
    assert arabic_markers("متى بدأ ألم الصدر هذا؟").neg_strong == ()
    assert arabic_markers("ألم الصدر شديد؟").neg_strong == ()


def test_la_before_a_name_the_english_keeps_is_its_article():
    # لا سكالا is "La Scala": no negation; a لا that negates is still one beside it.
    en = "Critics still regard her performances at La Scala in Milan as the finest."
    assert negation("ولا يزال النقاد يعدون أداءها على مسرح لا سكالا في ميلانو الأفضل.", en) == []
    (hit,) = negation("لا يعد النقاد أداءها على مسرح لا سكالا في ميلانو الأفضل.", en)
    assert hit.side == "src"
