"""`align checks` and per-check severity overrides on the command line."""

from __future__ import annotations

import json

from click.testing import CliRunner

from aligner.cli import main

IDS = ("stray-period", "sentence-fragment", "missing-final-punct", "unbalanced-quotes",
       "name-inconsistency", "caption-leak")


def test_align_checks_lists_every_id_with_severity():
    result = CliRunner().invoke(main, ["checks"])
    assert result.exit_code == 0
    lines = {line.split()[0]: line for line in result.output.splitlines() if line.strip()}
    for check_id in IDS:
        assert check_id in lines
    assert lines["stray-period"].split()[1] == "error"
    assert lines["missing-final-punct"].split()[1] == "warning"
    assert "one-language" in lines["caption-leak"]
    assert "one-language" not in lines["stray-period"]


def test_severity_override_changes_stray_period(tmp_path):
    src = tmp_path / "doc.txt"
    src.write_text(
        "The government announced a new plan aimed at improving public services in the major "
        "cities.\nThe opposition rejected the plan on Monday.\n"
        "أعلنت الحكومة عن خطة جديدة تهدف. إلى تحسين الخدمات العامة في المدن الكبرى.\n"
        "ورفضت المعارضة الخطة يوم الاثنين.\n", encoding="utf-8")
    runner = CliRunner()
    out = tmp_path / "default.json"
    first = runner.invoke(main, ["check", str(src), "--checks", "stray-period",
                                 "--json", str(out)])
    default = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert first.exit_code == 1
    assert [f["severity"] for f in default] == ["error"]
    out = tmp_path / "info.json"
    second = runner.invoke(main, ["check", str(src), "--checks", "stray-period",
                                  "--severity", "stray-period=info", "--json", str(out)])
    lowered = json.loads(out.read_text(encoding="utf-8"))["findings"]
    assert second.exit_code == 0
    assert [f["severity"] for f in lowered] == ["info"]
    assert lowered[0]["span"] == default[0]["span"]


def test_select_accepts_iterators():
    from aligner.checks import select

    chosen = select(iter(["untranslated", "stray-period"]), iter(["stray-period"]))
    assert [c.id for c in chosen] == ["untranslated"]
