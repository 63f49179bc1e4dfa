"""[align] configuration: found by walking up, tox.ini as a fallback, command line wins."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.config import Config, find_config_file, load_config, parse_severities
from aligner.errors import ConfigError
from aligner.model import Severity

FAULTY = ("The boy went to المدرسة in the morning. He read a book in the evening.\n\n"
          "ذهب الولد إلى المدرسة في الصباح. قرأ كتابا في المساء.\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_key_is_read_and_paths_are_relative_to_the_file(tmp_path):
    cfg = write(tmp_path / "proj" / "setup.cfg", """
[metadata]
name = x

[align]
fail-on = warning
checks = untranslated, numbers
disable = punctuation
severity =
    numbers = info
    untranslated: warning
glossary = terms/glossary.tsv
baseline = align-baseline.json
src-lang = ar-SA
tgt-lang = en
scorer = e5
encoding = cp1256
cache_dir = .cache
""")
    config = load_config(cfg)
    proj = (tmp_path / "proj").resolve()
    assert config == Config(
        fail_on=Severity.WARNING, enabled=("untranslated", "numbers"),
        disabled=("punctuation",),
        severities={"numbers": Severity.INFO, "untranslated": Severity.WARNING},
        scorer="e5", glossary=str(proj / "terms" / "glossary.tsv"),
        baseline=str(proj / "align-baseline.json"), src_lang="ar-SA", tgt_lang="en",
        encoding="cp1256", cache_dir=str(proj / ".cache"), origin=str(cfg))


def test_no_file_means_defaults():
    assert load_config(None) == Config()


def test_nearest_file_with_an_align_section_wins(tmp_path):
    write(tmp_path / "setup.cfg", "[align]\nfail-on = info\n")
    write(tmp_path / "a" / "setup.cfg", "[metadata]\nname = no align here\n")
    write(tmp_path / "a" / "b" / "tox.ini", "[align]\nfail-on = warning\n")
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir()
    assert find_config_file(deep) == (tmp_path / "a" / "b" / "tox.ini").resolve()
    assert find_config_file(tmp_path / "a") == (tmp_path / "setup.cfg").resolve()


def test_setup_cfg_wins_over_tox_ini_in_one_folder(tmp_path):
    write(tmp_path / "setup.cfg", "[align]\nfail-on = info\n")
    write(tmp_path / "tox.ini", "[align]\nfail-on = warning\n")
    assert find_config_file(tmp_path).name == "setup.cfg"
    (tmp_path / "setup.cfg").write_text("[tool:pytest]\n", encoding="utf-8")
    assert find_config_file(tmp_path).name == "tox.ini"


def test_unrelated_broken_file_further_up_is_skipped(tmp_path):
    write(tmp_path / "setup.cfg", "this is [not ini\n")
    (tmp_path / "sub").mkdir()
    assert find_config_file(tmp_path / "sub") is None


@pytest.mark.parametrize("body, message", [
    ("[align]\nfail-on = fatal\n", "unknown severity 'fatal'"),
    ("[align]\nfail_on = error\nfailon = warning\n", "unknown key 'failon'"),
    ("[align]\nseverity = numbers\n", "is not 'check-id = level'"),
    ("[other]\nx = 1\n", "has no [align] section"),
    ("[align\n", "line 1: section header '[align' is not [align]"),
    ("x = 1\n", "cannot parse"),
    ("[metadata]\nname = x\n[aligner]\nfail-on = warning\n",
     "line 3: section header '[aligner]' is not [align]"),
])
def test_bad_configuration_names_the_file(tmp_path, body, message):
    cfg = write(tmp_path / "setup.cfg", body)
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    assert message in str(err.value) and str(cfg) in str(err.value)


def test_percent_signs_are_literal(tmp_path):
    cfg = write(tmp_path / "setup.cfg", "[align]\nbaseline = 100%-accepted.json\n")
    assert load_config(cfg).baseline.endswith("100%-accepted.json")


def test_parse_severities_rejects_unknown_levels():
    assert parse_severities(["a = error", "b:info"]) == {"a": Severity.ERROR, "b": Severity.INFO}
    with pytest.raises(ValueError, match="unknown severity"):
        parse_severities(["a = fatal"])


def test_command_line_overrides_severities_check_by_check():
    base = Config(severities={"a": Severity.INFO, "b": Severity.INFO})
    merged = base.merged(severities={"b": Severity.ERROR}, fail_on=None)
    assert merged.severities == {"a": Severity.INFO, "b": Severity.ERROR}
    assert merged.fail_on == base.fail_on


# --- through the command ------------------------------------------------------------------

@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    write(tmp_path / "corpus" / "story.txt", FAULTY)
    monkeypatch.chdir(tmp_path / "corpus")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(main, ["check", "story.txt", "--checks", "untranslated", *args])


def test_config_found_from_a_subfolder_sets_the_gate(project):
    assert run().exit_code == 1
    write(project / "setup.cfg", "[align]\nseverity = untranslated = warning\n")
    assert run().exit_code == 0
    write(project / "setup.cfg", "[align]\nseverity = untranslated = warning\n"
                                 "fail-on = warning\n")
    assert run().exit_code == 1
    assert run("--fail-on", "error").exit_code == 0           # the command line wins
    assert run("--severity", "untranslated=error", "--fail-on", "error").exit_code == 1


def test_tox_ini_is_the_fallback(project):
    write(project / "tox.ini", "[align]\ndisable = untranslated\n")
    result = CliRunner().invoke(main, ["check", "story.txt"])
    assert result.exit_code == 0, result.output


def test_baseline_from_config_is_relative_to_the_config_file(project):
    write(project / "setup.cfg", "[align]\nbaseline = ci/align-baseline.json\n")
    (project / "ci").mkdir()
    assert run("--update-baseline").exit_code == 0
    assert (project / "ci" / "align-baseline.json").is_file()
    assert run().exit_code == 0
    assert run("--baseline", str(project / "none.json")).exit_code == 2   # option wins


def test_unknown_check_in_config_is_exit_2(project):
    write(project / "setup.cfg", "[align]\nseverity = no-such-check = info\n")
    result = run()
    assert result.exit_code == 2
    assert "unknown check 'no-such-check'" in result.stderr
    assert "setup.cfg" in result.stderr


def test_explicit_config_option(project):
    cfg = write(project / "elsewhere.ini", "[align]\nfail-on = info\n")
    result = run("--config", str(cfg), "--severity", "untranslated=info")
    assert result.exit_code == 1
    bad = write(project / "noalign.ini", "[x]\n")
    result = run("--config", str(bad))
    assert result.exit_code == 2 and "has no [align] section" in result.stderr


@pytest.mark.parametrize("header, typo", [
    ("[align", True), ("[Align]", True), ("[ALIGN]", True), ("[aligner]", True),
    ("[aling]", True), ("[ align ]", True), ("[align]", False), ("[alias]", False),
    ("[aliases]", False), ("[metadata]", False), ("[tool:pytest]", False),
])
def test_a_misspelt_align_header_is_reported_not_ignored(tmp_path, header, typo):
    write(tmp_path / "setup.cfg", f"[metadata]\nname = x\n\n{header}\nfail-on = warning\n")
    if typo:
        with pytest.raises(ConfigError, match=r"line 4: section header .* is not \[align\]"):
            find_config_file(tmp_path)
    else:
        found = find_config_file(tmp_path)
        assert found == (tmp_path / "setup.cfg" if header == "[align]" else None)


def test_checklist_and_spelling_words_are_relative_to_the_config_file(tmp_path):
    from aligner.config import load_config

    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[align]\nchecklist = rules/house.toml\nspelling_words = words.txt\n",
                   encoding="utf-8")
    config = load_config(cfg)
    assert config.checklist == str((tmp_path / "rules" / "house.toml").resolve())
    assert config.spelling_words == str((tmp_path / "words.txt").resolve())
