"""GitHub Actions workflow commands: annotations at the right place, escaped."""

from __future__ import annotations

from click.testing import CliRunner

from aligner.cli import main
from aligner.export.github import command, escape_data, escape_property

FAULTY = ("The boy went to المدرسة in the morning. He read a book in the evening.\n\n"
          "ذهب الولد إلى المدرسة في الصباح. قرأ كتابا في المساء.\n")


def test_escaping_follows_the_runner_rules():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"
    # Text from a source cannot start a command of its own on a new line.
    line = command("error", "x\n::add-mask::secret", file="f.txt", line=1)
    assert "\n" not in line
    assert line == "::error file=f.txt,line=1::x%0A::add-mask::secret"


def test_annotations_point_at_file_line_and_columns(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "news, part: one.txt"
    (tmp_path / name).write_text("\n" + FAULTY, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", name, "--checks", "untranslated",
                                       "--format", "github"])
    assert result.exit_code == 1
    annotations = [ln for ln in result.stdout.splitlines() if ln.startswith("::")]
    assert annotations == [
        "::error file=news%2C part%3A one.txt,line=2,col=17,endColumn=24,"
        "title=aligner untranslated (error)::Arabic text left in the English: 'المدرسة'. "
        "Translate or transliterate it."]
    assert result.stdout.splitlines()[-1].startswith("FAILED")


def test_lower_levels_are_warnings_and_notices(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(FAULTY, encoding="utf-8")
    for level, cmd in (("warning", "::warning "), ("info", "::notice ")):
        result = CliRunner().invoke(main, ["check", "a.txt", "--checks", "untranslated",
                                           "--severity", f"untranslated={level}",
                                           "--format", "github"])
        assert result.exit_code == 0
        assert result.stdout.startswith(cmd)
