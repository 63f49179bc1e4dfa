"""Confidence of meaning findings: a fitted model per check reports weak findings at info,
which stay in every report and never fail the gate."""

from __future__ import annotations

import json

from click.testing import CliRunner
from gold import gold_context

from aligner.checks._support.confidence import ConfidenceModel, model, parse_models
from aligner.checks.name_mismatch import find as find_names
from aligner.checks.negation_drift import find_negation, negation_evidence
from aligner.cli import main
from aligner.model import Severity

WEAK = ("All of these appear to be dead-end hosts of the virus.",
        "يبدو أن كل هؤلاء مضيفون لا ينقلون الفيروس.")


def negation(ar: str, en: str):
    return list(find_negation(gold_context([ar], [en])))


def test_model_reports_a_finding_under_its_cut_at_info():
    fitted = ConfidenceModel((("sure", 3.0), ("weak", -2.0)), bias=0.0, cut=0.5)
    assert fitted.severity({"sure": 1.0}) is None
    assert fitted.severity({"weak": 1.0}) is Severity.INFO
    assert fitted.severity({}) is None                   # p = 0.5, at the cut: kept
    assert abs(fitted.probability({"sure": 1.0}) - 0.9526) < 1e-4


def test_models_parse_from_the_fit_scripts_json():
    models = parse_models({"models": {"x": {"weights": {"a": 1.5}, "bias": -1, "cut": 0.3}}})
    assert models["x"] == ConfidenceModel((("a", 1.5),), -1.0, 0.3)


def evidence(ar: str, en: str) -> dict[str, float]:
    pair = gold_context([ar], [en]).pairs[0]
    ((_hit, features),) = list(negation_evidence(pair, "ar", "en"))
    return features


def test_shipped_name_model_reads_the_features_the_check_gives():
    fitted = model("name-mismatch")
    assert fitted is not None and 0 < fitted.cut < 1
    assert {name for name, _w in fitted.weights} == {
        "place", "in_phrase", "person", "english", "two_sided", "closest", "score_z"}


def test_negation_model_is_fitted_but_not_shipped():
    # On the test split it quieted no clean pair and 4 real flipped negations: its findings
    # keep the check's own severity.
    assert model("negation-drift") is None
    (hit,) = negation(WEAK[1], WEAK[0])
    assert hit.severity is None


def test_negation_evidence_marks_an_arabic_negation_opening_an_adjectival_clause():
    # Arabic negates a clause where English uses a negative word: "hosts that do not
    # transmit" → "dead-end hosts"; "soap which does not affect ..." → "resistant".
    assert evidence(*reversed(WEAK)) == {"arabic": 1.0, "relative": 0.0,
                                         "after_indefinite": 1.0}
    features = evidence("يحتوي الصابون على التريكلوسان الذي لا يؤثر في سلالات كثيرة.",
                        "Soap contains triclosan, to which many strains are resistant.")
    assert features["arabic"] == features["relative"] == 1.0


def test_negation_evidence_of_a_main_clause_or_an_added_not():
    assert evidence("لم يوقع الطرفان الاتفاق.", "The two sides signed the agreement.") == {
        "arabic": 1.0, "relative": 0.0, "after_indefinite": 0.0}
    pair = gold_context(["وقع الطرفان الاتفاق."],
                        ["The two sides did not sign the agreement."]).pairs[0]
    ((_hit, features),) = list(negation_evidence(pair, "ar", "en"))
    assert features["arabic"] == 0.0
    # A name, a pronoun, a demonstrative or كان before the negation: its subject or copula,
    # not a noun with an adjectival clause.
    for ar, en in [("قال إن ترامب لم يوقع الاتفاق.", "He said that Trump signed the deal."),
                   ("أنا لا أعرف أين هو.", "I know where he is."),
                   ("هذا لا يهم.", "This matters."),
                   ("كانوا لا يعرفون الطريق.", "They knew the way.")]:
        assert evidence(ar, en)["after_indefinite"] == 0.0, ar


def test_a_translated_title_is_not_a_persons_name():
    en = "The processes are detailed in the Multimedia Appendix today."
    assert list(find_names(gold_context(["ملخص العمليات مفصل في ملحق الوسائط المتعددة."],
                                        [en]))) == []
    (hit,) = find_names(gold_context(["قال الوزير إن العمليات مفصلة."],
                                     ["The processes are detailed, Multimedia Appendix said."]))
    assert "Multimedia Appendix" in hit.message


COLLEGE = ("The doctor studied at Imperial College for many years.",
           "درس الطبيب في كلية لندن الإمبراطورية سنوات طويلة.")


def test_info_findings_are_reported_and_do_not_fail_the_gate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    (tmp_path / "doc.txt").write_text(f"{COLLEGE[0]}\n\n{COLLEGE[1]}\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "doc.txt", "--scorer", "lexical",
                                       "--checks", "name-mismatch", "--fail-on", "warning",
                                       "--json", "out.json", "--html", "out.html"])
    assert result.exit_code == 0, result.output
    (finding,) = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["findings"]
    assert (finding["check"], finding["severity"]) == ("name-mismatch", "info")
    assert "London" in (tmp_path / "out.html").read_text(encoding="utf-8")
    # The same source with the place simply lost fails a warning gate.
    (tmp_path / "doc.txt").write_text("The doctor studied at the college for many years.\n\n"
                                      "درس الطبيب في لندن سنوات طويلة.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "doc.txt", "--scorer", "lexical",
                                       "--checks", "name-mismatch", "--fail-on", "warning"])
    assert result.exit_code == 1, result.output


def test_an_arabic_place_inside_a_longer_name_is_info():
    # Between a noun and a definite adjective the place names part of something else:
    # كلية لندن الإمبراطورية is "Imperial College", جزر الهند الغربية the "West Indies".
    (hit,) = find_names(gold_context([COLLEGE[1]], [COLLEGE[0]]))
    assert "London" in hit.message and hit.severity is Severity.INFO
    (hit,) = find_names(gold_context(["درس الطبيب في لندن سنوات طويلة."],
                                     ["The doctor studied at the college for many years."]))
    assert "London" in hit.message and hit.severity is None
