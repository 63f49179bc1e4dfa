"""stray-period on text it was never tuned on: the held-out benchmark's figures, asserted.

``benchmarks/source_faults.py`` inserts ". " inside the Arabic sentences of FLORES-200 devtest
and Tatoeba documents (the test split: nothing was fitted or tuned on it) and runs the real
pipeline; issue 12's acceptance is recall >= 0.90 of the inserted stops and at most one error
finding per 100 clean pairs. Measured (quick run): recall 0.937, 0.00 errors per 100 pairs,
precision 0.94 (0.944, 0.31 and 0.79 before short fragments with a verb of their own counted as
ambiguous and the boundary model was refitted with everyday sentences); the
asserted bounds leave that margin.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from checkrun import bilingual, found, run_text

from aligner.model import Severity

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def test_split_rows():
    sys.path.append(str(BENCHMARKS))
    try:
        import source_faults
    finally:
        sys.path.remove(str(BENCHMARKS))
    rows = source_faults.evaluate("test", quick=True)
    return {r["check"]: r for r in rows}


def test_recall_of_inserted_stops_on_the_test_split(test_split_rows):
    row = test_split_rows["stray-period"]
    assert row["injected"] >= 100  # enough stops for the figure to mean something
    assert row["found"] / row["injected"] >= 0.90


def test_error_findings_per_100_clean_pairs_on_the_test_split(test_split_rows):
    row = test_split_rows["stray-period"]
    assert row["clean_pairs"] >= 500
    assert row["clean_errors"] * 100 <= 1.0 * row["clean_pairs"]


def test_precision_on_the_test_split(test_split_rows):
    row = test_split_rows["stray-period"]
    assert row["true_findings"] / row["findings"] >= 0.70


def test_fewer_clean_errors_than_flagging_every_joined_stop(test_split_rows):
    ours = test_split_rows["stray-period"]
    baseline = test_split_rows["(baseline: every joined stop)"]
    assert ours["clean_errors"] <= baseline["clean_errors"]


# passes/fails on real strings, in documents with their translation (translate-toolkit style).
ENGLISH = ["The players train every day, and the coach said that the team is ready for the "
           "match on Sunday.", "The season starts next month."]


@pytest.mark.parametrize("arabic, shown", [
    ("التقى الوزير في ذلك مكان. الولايات المتحدة ودعا إلى الحوار بين الطرفين.", "مكان. الولايات"),
    ("وقال إن قرار مجلس. الأمن الدولي لم يصدر بعد رغم الضغوط.", "مجلس. الأمن"),
    ("وانتشرت عناصر من قوات. الأمن في شوارع المدينة منذ الصباح.", "قوات. الأمن"),
    ("والتقى الرئيس العديد. من المسؤولين في القصر يوم الأحد.", "العديد. من"),
    ("دعا الوزير الحكومة إلى الحوار، كما. يحثّ المعارضة على المشاركة في الانتخابات.", "كما. يحثّ"),
    ("فاز الفريق ببطولة العالم لكرة. السلة للمرة الثالثة في تاريخه.", "لكرة. السلة"),
    ("اجتمع القادة من أجل. تحديد موعد الانتخابات المقبلة في البلاد.", "أجل. تحديد"),
    ("أرسلت الحكومة معدات. عسكرية إلى الحدود الشمالية هذا الأسبوع.", "معدات. عسكرية"),
])
def test_fails_stop_inside_a_sentence(tmp_path, arabic, shown):
    english = {
        "مكان. الولايات": "The minister met the United States in that place and called for "
                          "dialogue between the two sides.",
        "مجلس. الأمن": "He said that the UN Security Council resolution has not been issued yet "
                       "despite the pressure.",
        "قوات. الأمن": "Security forces have been deployed in the streets of the city since the "
                       "morning.",
        "العديد. من": "The president met many officials at the palace on Sunday.",
        "كما. يحثّ": "The minister called on the government to hold a dialogue, and he also urges "
                     "the opposition to take part in the elections.",
        "لكرة. السلة": "The team won the basketball world championship for the third time in its "
                       "history.",
        "أجل. تحديد": "The leaders met to set the date of the next elections in the country.",
        "معدات. عسكرية": "The government sent military equipment to the northern border this "
                         "week.",
    }[shown]
    hits = found(run_text(tmp_path, bilingual([english, "No statement was issued."],
                                              [arabic, "ولم يصدر أي بيان."]),
                          ("stray-period",)), "stray-period")
    assert len(hits) == 1, [h.message for h in hits]
    assert hits[0].severity == Severity.ERROR and shown in hits[0].message


def test_passes_real_end_every_day_then_said(tmp_path):
    # "كل يوم. وقال": a real end, translated as one merged sentence: never an error.
    hits = found(run_text(tmp_path, bilingual(
        ENGLISH, ["يتدرب اللاعبون كل يوم. وقال المدرب إن الفريق جاهز للمباراة يوم الأحد.",
                  "ويبدأ الموسم الشهر المقبل."]), ("stray-period",)), "stray-period")
    assert all(h.severity != Severity.ERROR for h in hits)


def test_passes_real_end_every_day_then_said_translated_as_two_sentences(tmp_path):
    hits = found(run_text(tmp_path, bilingual(
        ["The players train every day.", "The coach said that the team is ready for the match "
         "on Sunday.", "The season starts next month."],
        ["يتدرب اللاعبون كل يوم. وقال المدرب إن الفريق جاهز للمباراة يوم الأحد.",
         "ويبدأ الموسم الشهر المقبل."]), ("stray-period",)), "stray-period")
    assert hits == []
