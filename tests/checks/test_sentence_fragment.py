"""sentence-fragment: subordinate or adverbial pieces split off the sentence before."""

from __future__ import annotations

import pytest
from checkrun import bilingual, found, original, run_text

from aligner.checks.sentence_fragment import classify
from aligner.model import Severity

CHECK = ("sentence-fragment",)


def test_split_off_adverbial_phrase_is_flagged(tmp_path):
    result = run_text(tmp_path, bilingual(
        ["The ministry approved the new budget for schools. Especially after the teachers went "
         "on strike in March over their salaries.", "The unions welcomed the decision."],
        ["وافقت الوزارة على الميزانية الجديدة للمدارس، خصوصاً بعد أن أضرب المعلمون في مارس "
         "بسبب رواتبهم.", "ورحبت النقابات بالقرار."]), CHECK)
    hits = found(result, "sentence-fragment")
    assert len(hits) == 1
    assert original(hits[0]).startswith("Especially after the teachers")
    assert hits[0].severity == Severity.WARNING and hits[0].side == "tgt"
    assert "especially after" in hits[0].suggestion


def test_dependent_clause_in_english_only_text(tmp_path):
    result = run_text(tmp_path, "The convoy turned back at the border. Because the roads were "
                      "closed by snow.\nIt reached the city two days later.\n", CHECK)
    hits = found(result, "sentence-fragment")
    assert [original(h) for h in hits] == ["Because the roads were closed by snow."]


@pytest.mark.parametrize("text", [
    "The convoy turned back. Because the roads were closed, it took another route.",
    "The delegates waited. After the meeting ended the delegates left the city.",
    "There are two plans on the table. Which one will the council prefer?",
    "Especially in winter the pass is closed.",
])
def test_sentences_with_a_main_clause_are_not_flagged(tmp_path, text):
    result = run_text(tmp_path, text + "\n", CHECK)
    assert found(result, "sentence-fragment") == []


@pytest.mark.parametrize("text, fragment", [
    ("Especially after the vote.", True),
    ("Particularly in the north of the country.", True),
    ("Although the talks failed.", True),
    ("Which angered the opposition.", True),
    ("Such as rice and flour.", True),
    ("Although the talks failed, the ceasefire held.", False),
    ("The talks failed.", False),
    ("Which side will win?", False),
    ("Bring an umbrella.", False),        # an imperative: no vowel before "-ing"
    ("Spring came early that year.", False),
])
def test_classify(text, fragment):
    reason = classify(text)
    assert (reason is not None and reason != "split") == fragment


def test_verbless_piece_split_off_by_a_full_stop(tmp_path):
    result = run_text(tmp_path, bilingual(
        ["The army will supply the northern units with spare parts. And small arms for the "
         "border guards.", "The plan starts in May."],
        ["سيزود الجيش الوحدات الشمالية بقطع الغيار والأسلحة الصغيرة لحرس الحدود.",
         "وتبدأ الخطة في مايو."]), CHECK)
    hits = found(result, "sentence-fragment")
    assert [original(h) for h in hits] == ["And small arms for the border guards."]
    assert "spare parts and small arms" in hits[0].suggestion


def test_sentence_opening_with_and_that_has_a_verb_is_not_flagged(tmp_path):
    result = run_text(tmp_path, bilingual(
        ["The army will supply the northern units with spare parts. And the border guards "
         "will receive small arms.", "The plan starts in May."],
        ["سيزود الجيش الوحدات الشمالية بقطع الغيار، وسيحصل حرس الحدود على أسلحة صغيرة.",
         "وتبدأ الخطة في مايو."]), CHECK)
    assert found(result, "sentence-fragment") == []


# Each fragment has a twin with a main clause that stays quiet (one-language English and
# Arabic sources, pieces after a full stop in one paragraph).
@pytest.mark.parametrize("passes, fails, fragment", [
    ("Like many people, I stayed up late. Reading polls in terror was my habit.\n",
     "Like many people, I stayed up late. Reading polls in terror.\n",
     "Reading polls in terror."),
    ("Prices rose for many staples. Such prices hurt the poor.\n",
     "Prices rose for many staples. Such as rice, flour and sugar.\n",
     "Such as rice, flour and sugar."),
    ("The plan was approved on Monday. Backed by the army, it passed easily.\n",
     "The plan was approved on Monday. Backed by the army and the unions.\n",
     "Backed by the army and the unions."),
    ("The river flooded the valley. While the rain stopped, the water kept rising.\n",
     "The river flooded the valley. While the rain stopped in the afternoon.\n",
     "While the rain stopped in the afternoon."),
    ("وشكل الحطام حلقة حول خط الاستواء. في نهاية المطاف، تجمع الحطام بفعل الجاذبية.\n",
     "وشكل الحطام حلقة حول خط الاستواء وتجمع. في نهاية المطاف بفعل الجاذبية.\n",
     "في نهاية المطاف بفعل الجاذبية."),
    ("أعلنت الحكومة خطة جديدة للمدارس. من المتوقع أن تبدأ الخطة في مايو.\n",
     "أعلنت الحكومة خطة جديدة للمدارس. التي تبدأ في مايو المقبل.\n",
     "التي تبدأ في مايو المقبل."),
    # A verb after the comma that starts with hamza-alef and lam is no article ("ألقى").
    ("اجتمع المحتجون أمام المقر. في بلدة صغيرة، ألقى أحدهم قنبلة على المبنى.\n",
     "اجتمع المحتجون أمام المقر. في بلدة صغيرة، الواقعة على الحدود.\n",
     "في بلدة صغيرة، الواقعة على الحدود."),
])
def test_fragments_in_one_language_sources(tmp_path, passes, fails, fragment):
    assert found(run_text(tmp_path, passes, CHECK), "sentence-fragment") == []
    hits = found(run_text(tmp_path, fails, CHECK), "sentence-fragment")
    assert [original(h) for h in hits] == [fragment]


def test_a_full_stop_after_an_abbreviation_cuts_nothing(tmp_path):
    # "Col." abbreviates a rank: "Ahmed Saleh commanded …" is no piece split off a sentence
    # (its "-ed" would read as a participle); after a real end the same piece is judged.
    english = ["The delegation visited the base on Monday.",
               "Lt. Col. Ahmed Saleh commanded the unit."]
    arabic = ["زار الوفد القاعدة يوم الاثنين.", "قاد المقدم أحمد صالح الوحدة."]
    assert found(run_text(tmp_path, bilingual(english, arabic), CHECK), "sentence-fragment") == []
    english = ["The delegation visited the base on Monday.",
               "The colonel was there. Reading the orders to the unit."]
    arabic = ["زار الوفد القاعدة يوم الاثنين.", "كان العقيد هناك يقرأ الأوامر على الوحدة."]
    (hit,) = found(run_text(tmp_path, bilingual(english, arabic), CHECK), "sentence-fragment")
    assert original(hit).startswith("Reading the orders")


@pytest.mark.parametrize("text", [
    "شكرا على كل شيء. إلى اللقاء!\n",
    "Thank you for everything. Until next time!\n",
])
def test_an_exclamation_stands_as_an_utterance(tmp_path, text):
    assert found(run_text(tmp_path, text, CHECK), "sentence-fragment") == []


# Everyday writing fronts a phrase without a comma ("منذ ذلك الحين لم أره") or a predicate
# ("في شقتنا غرفتا نوم"). Such a piece is a sentence, or the tail of one whose head a stray stop
# cut: where the translation breaks at the same spot and the Arabic shows a clause, or the
# English sentence has one, it is a sentence; in one-language text it is still reported.
@pytest.mark.parametrize("arabic, english, flagged", [
    ("أغلقت المدارس أبوابها. منذ ذلك الحين لم يعد الطلاب إلى صفوفهم.",
     "The schools closed. Since then the students have not returned to class.", False),
    ("نظفنا البيت كله. في شقتنا غرفتا نوم وشرفة.",
     "We cleaned the whole house. Our flat has two bedrooms and a balcony.", False),
    ("الجو بارد جدا. من فضلك أغلق النافذة.", "It's very cold. Please close the window.", False),
    ("درس الطلاب كثيرا. في النهاية نجحوا في الامتحان.",
     "The students studied hard. In the end they passed the exam.", False),
    # After an indefinite word a verb opens an adjectival clause: still a fragment.
    ("درس الطلاب كثيرا. في بلد لا يعرف الراحة.",
     "The students studied hard. In a country that knows no rest.", True),
])
def test_a_fronted_phrase_without_a_comma(tmp_path, arabic, english, flagged):
    hits = found(run_text(tmp_path, bilingual([english], [arabic]), CHECK), "sentence-fragment")
    assert [h.side for h in hits if h.side == "src"] == (["src"] if flagged else [])
    alone = found(run_text(tmp_path, arabic + "\n", CHECK), "sentence-fragment")
    assert len(alone) == 1
