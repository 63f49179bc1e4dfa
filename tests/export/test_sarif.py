"""SARIF 2.1.0 output: valid against the official schema, one rule per check, exact positions."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from aligner.checks import REGISTRY
from aligner.cli import main

SCHEMA = Path(__file__).resolve().parents[1] / "data" / "sarif" / "sarif-schema-2.1.0.json"

# Faults on lines 1 and 3; line 3 has an emoji (outside the BMP: two UTF-16 units, one code
# point) and Arabic before the fault, so a column counted in the wrong unit lands elsewhere.
SOURCE = ("The weather was cold in the city. People stayed at home.\n"
          "The minister visited the مستشفى today.\n"
          "The 😀 boy, «ولد», went to المدرسة in the morning.\n\n"
          "كان الطقس باردا في المدينة. بقي الناس في بيوتهم.\n"
          "زار الوزير المستشفى اليوم.\n"
          "ذهب الولد إلى المدرسة في الصباح.\n")


@pytest.fixture()
def cwd(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def sarif(*args: str) -> dict:
    result = CliRunner().invoke(main, ["check", *args, "--format", "sarif"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def validate(log: dict) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator_cls(schema, format_checker=jsonschema.FormatChecker()).validate(log)


def test_output_validates_against_the_sarif_schema(cwd):
    (cwd / "story.txt").write_text(SOURCE, encoding="utf-8")
    log = sarif("story.txt")
    validate(log)
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"], "the source has faults: results expected"


def test_schema_validation_is_not_vacuous(cwd):
    (cwd / "story.txt").write_text(SOURCE, encoding="utf-8")
    log = sarif("story.txt")
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validate(log)


def test_one_rule_per_check_with_description_help_and_level(cwd):
    (cwd / "story.txt").write_text(SOURCE, encoding="utf-8")
    run = sarif("story.txt")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(REGISTRY)          # every check ran
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for rule in rules:
        check = REGISTRY[rule["id"]]
        assert rule["shortDescription"]["text"] == check.description
        assert check.id in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] == levels[check.severity.value]
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_locations_point_at_the_first_character_of_each_finding(cwd):
    path = cwd / "story.txt"
    path.write_text(SOURCE, encoding="utf-8")
    run = sarif("story.txt")["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    untranslated = []
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "story.txt", "uriBaseId": "SRCROOT"}
        region = location["region"]
        snippet = region["snippet"]["text"]
        line = lines[region["startLine"] - 1]
        assert line[region["startColumn"] - 1] == snippet[0]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == snippet
        start = region["charOffset"]
        assert text[start:start + region["charLength"]] == snippet
        if result["ruleId"] == "untranslated":
            untranslated.append((region["startLine"], region["startColumn"], snippet))
    assert (2, lines[1].index("مستشفى") + 1, "مستشفى") in untranslated
    # In code points; UTF-16 units would count the emoji twice and say one more.
    assert (3, lines[2].index("المدرسة") + 1, "المدرسة") in untranslated
    assert lines[2].index("المدرسة") + 1 == 27


def test_paths_outside_the_working_directory_are_file_uris(cwd, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere") / "قصة.txt"
    elsewhere.write_text(SOURCE, encoding="utf-8")
    run = sarif(str(elsewhere), "--checks", "untranslated")["runs"][0]
    uri = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == elsewhere.as_uri() and "%D9%82" in uri


def test_baseline_suppressions_and_stale_entries_are_valid_sarif(cwd):
    path = cwd / "story.txt"
    path.write_text(SOURCE, encoding="utf-8")
    runner = CliRunner()
    runner.invoke(main, ["check", "story.txt", "--checks", "untranslated",
                         "--baseline", "b.json", "--update-baseline"])
    # Fix the line-2 fault (its entry goes stale), keep the line-3 one (suppressed).
    path.write_text(SOURCE.replace("the مستشفى today", "the hospital today"), encoding="utf-8")
    log = sarif("story.txt", "--checks", "untranslated", "--baseline", "b.json")
    validate(log)
    run = log["runs"][0]
    assert all(r.get("suppressions") for r in run["results"])
    assert {r["baselineState"] for r in run["results"]} == {"unchanged"}
    notes = run["invocations"][0]["toolConfigurationNotifications"]
    assert len(notes) == 1 and "مستشفى" in notes[0]["message"]["text"]
    fps = {r["partialFingerprints"]["alignerFingerprint/v1"] for r in run["results"]}
    assert fps <= {e["fingerprint"] for e in json.loads((cwd / "b.json").read_text())["entries"]}
