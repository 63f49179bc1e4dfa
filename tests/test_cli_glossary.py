"""``align check --glossary``: a custom glossary is used; a bad one is a one-line exit 2."""

from __future__ import annotations

from click.testing import CliRunner

from aligner.cli import main


def _combined(tmp_path):
    path = tmp_path / "piece.txt"
    path.write_text(
        "The council held an emergency session on the crisis in the north of the country.\n"
        "\n"
        "عقد مجلس الأمن جلسة طارئة بشأن الأزمة في شمال البلاد.\n", encoding="utf-8")
    return path


def test_custom_glossary_replaces_the_default(tmp_path):
    source = _combined(tmp_path)
    glossary = tmp_path / "g.tsv"
    glossary.write_text("الأزمة\tcrisis\n", encoding="utf-8")
    runner = CliRunner()
    default = runner.invoke(main, ["check", str(source), "--checks", "term-mismatch"])
    assert "Security Council" in default.output
    custom = runner.invoke(main, ["check", str(source), "--checks", "term-mismatch",
                                  "--glossary", str(glossary)])
    assert custom.exit_code == 0, custom.output
    assert "term-mismatch" not in custom.output.split("findings:")[0]


def test_malformed_glossary_is_exit_2_naming_the_file_and_no_output(tmp_path):
    source = _combined(tmp_path)
    glossary = tmp_path / "broken.tbx"
    glossary.write_text("<martif><text><body><termEntry>", encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["check", str(source), "--glossary", str(glossary),
                                       "--json", str(out)])
    assert result.exit_code == 2
    assert str(glossary) in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()
