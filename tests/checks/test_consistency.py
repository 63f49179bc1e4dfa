"""consistency: one source translated two ways, one translation for two sources, in a document
and across a run."""

from __future__ import annotations

from formal import run_one

from aligner.config import Config
from aligner.gate import run_gate
from aligner.model import Severity

CHECK = "consistency"
A = "وقالت الوزارة إن المدارس ستبقى مغلقة حتى نهاية الشهر."
A_DIACRITICS = "وَقالت الوزارة إنَّ المدارس ستبقى مغلقة حتى نهاية الشهر"
B = "وأعلنت الحكومة أن الحدود ستفتح أمام المسافرين الأسبوع المقبل."
EN_A = "The ministry said schools would stay closed until the end of the month."
EN_A2 = "According to the ministry, schools will remain shut until the month ends."
EN_B = "The government announced the border would open to travellers next week."


def test_passes():
    # Repeated with the same translation (case, diacritics and final stop aside).
    assert run_one(CHECK, [A, B, A_DIACRITICS], [EN_A, EN_B, EN_A.lower()]) == []
    # Short headings may be rendered to fit their place.
    assert run_one(CHECK, ["الخلاصة", "الخلاصة"], ["Summary", "Conclusion"]) == []


def test_one_source_translated_two_ways():
    hits = run_one(CHECK, [A, B, A_DIACRITICS], [EN_A, EN_B, EN_A2])
    assert len(hits) == 1
    assert hits[0].pair == 2 and hits[0].side == "tgt" and hits[0].span == (0, len(EN_A2))
    assert "translated differently in pair 1" in hits[0].message and EN_A in hits[0].message
    assert hits[0].severity == Severity.WARNING


def test_one_translation_for_two_sources():
    hits = run_one(CHECK, [A, B], [EN_A, EN_A])
    assert len(hits) == 1
    assert hits[0].pair == 1 and "different source" in hits[0].message and A in hits[0].message


def _source(tmp_path, name, arabic, english):
    path = tmp_path / name
    path.write_text(f"{english}\n{arabic}\n", encoding="utf-8")
    return str(path)


def test_across_a_run(tmp_path):
    one = _source(tmp_path, "one.txt", A, EN_A)
    two = _source(tmp_path, "two.txt", A, EN_A2)
    same = _source(tmp_path, "same.txt", A, EN_A)
    config = Config(enabled=(CHECK,), scorer="lexical")
    report = run_gate([one, two, same], config)
    found = [[f for f in r.findings if f.check == CHECK] for r in report.results]
    assert [len(f) for f in found] == [0, 1, 0]
    assert "one.txt" in found[1][0].message and found[1][0].loc is not None
    # Not selected: no run-level pass either.
    report = run_gate([one, two], Config(enabled=("whitespace",), scorer="lexical"))
    assert all(not r.findings for r in report.results)
