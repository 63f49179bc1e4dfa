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


def test_own_tbx_with_the_shipped_glossary_switched_off(tmp_path):
    source = _combined(tmp_path)
    glossary = tmp_path / "own.tbx"
    glossary.write_text(
        '<?xml version="1.0"?><martif type="TBX"><text><body><termEntry id="t1">'
        '<langSet xml:lang="ar"><tig><term>الأزمة</term></tig></langSet>'
        '<langSet xml:lang="en"><tig><term>turmoil</term></tig></langSet>'
        '</termEntry></body></text></martif>', encoding="utf-8")
    runner = CliRunner()
    off = runner.invoke(main, ["check", str(source), "--checks", "term-mismatch",
                               "--no-default-glossary"])
    assert off.exit_code == 0, off.output
    assert "term-mismatch" not in off.output.split("findings:")[0]    # no glossary at all
    own = runner.invoke(main, ["check", str(source), "--checks", "term-mismatch",
                               "--no-default-glossary", "--glossary", str(glossary)])
    assert "'الأزمة' should be rendered as 'turmoil'" in own.output
    assert "Security Council" not in own.output


def test_default_glossary_switched_off_in_the_config_file(tmp_path):
    source = _combined(tmp_path)
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[align]\ndefault-glossary = false\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(source), "--checks", "term-mismatch",
                                       "--config", str(cfg)])
    assert result.exit_code == 0 and "Security Council" not in result.output


def test_missing_glossary_stops_before_any_source_is_checked(tmp_path, monkeypatch):
    import aligner.gate

    source = _combined(tmp_path)
    checked = []
    monkeypatch.setattr(aligner.gate, "check_paths", lambda *a, **k: checked.append(a))
    missing = tmp_path / "nope.tbx"
    result = CliRunner().invoke(main, ["check", str(source), "--glossary", str(missing)])
    assert result.exit_code == 2 and checked == []
    assert str(missing) in result.output and len(result.output.strip().splitlines()) == 1


def test_glossary_read_once_for_several_sources(tmp_path, monkeypatch):
    import aligner.glossary

    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    sources = [_combined(first), _combined(second)]
    reads = []
    real = aligner.glossary.load_glossary
    monkeypatch.setattr(aligner.glossary, "load_glossary",
                        lambda path=None: reads.append(path) or real(path))
    result = CliRunner().invoke(main, ["check", *map(str, sources), "--checks", "term-mismatch",
                                       "--scorer", "lexical"])
    assert result.output.count("Security Council") == 2, result.output
    assert len(reads) == 1
