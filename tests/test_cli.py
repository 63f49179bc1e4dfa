"""The ``align`` command driven through click's CliRunner: exit codes, output, JSON schema."""

import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from aligner import __version__
from aligner.cli import main

EN = "The minister met the ambassador on 3 May 2024.\nThey discussed trade and energy.\n"
AR = "التقى الوزير السفير في 3 مايو/أيار 2024.\nوناقشا التجارة والطاقة.\n"


def _run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_check_corpus_summary_and_exit_code(corpus_path):
    result = _run("check", str(corpus_path))
    assert "13 pairs" in result.output
    # The corpus has an untranslated headline, an `error`: exit 1 at the default fail level.
    assert result.exit_code == 1


def test_fail_on_level(tmp_path):
    path = tmp_path / "clean.txt"
    path.write_text(EN + AR, encoding="utf-8")
    assert _run("check", str(path), "--fail-on", "error").exit_code == 0


def test_json_schema(corpus_path, tmp_path):
    out = tmp_path / "result.json"
    _run("check", str(corpus_path), "--json", str(out))
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["tool"]["name"] == "aligner" and data["tool"]["version"] == __version__
    assert data["src_lang"] == "ar" and data["tgt_lang"] == "en"
    assert data["sources"] == [str(corpus_path)]
    text = corpus_path.read_text(encoding="utf-8")
    assert [p["id"] for p in data["pairs"]] == list(range(13))
    for pair in data["pairs"]:
        assert set(pair) >= {"id", "src", "tgt", "score", "src_loc", "tgt_loc"}
        for side in ("src", "tgt"):
            for sentence, loc in zip(pair[side], pair[f"{side}_loc"]):
                assert text[loc["start"]:loc["end"]] == sentence
                assert text.split("\n")[loc["line"] - 1][loc["col"] - 1:].startswith(sentence)
    for f in data["findings"]:
        assert set(f) >= {"check", "severity", "pair", "side", "span", "excerpt", "message",
                          "suggestion"}
        pair = data["pairs"][f["pair"]]
        joined = " ".join(pair[f["side"]])
        assert 0 <= f["span"][0] <= f["span"][1] <= len(joined)


def test_parallel_files(tmp_path):
    ar, en = tmp_path / "news.ar.txt", tmp_path / "news.en.txt"
    ar.write_text(AR, encoding="utf-8")
    en.write_text(EN, encoding="utf-8")
    for args in ((str(ar), str(en)), (str(en), str(ar))):
        result = _run("check", *args)
        assert "1 source(s), 2 pairs" in result.output, result.output


def test_directory_of_sources(tmp_path):
    (tmp_path / "a.ar.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "a.en.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_text(EN + AR, encoding="utf-8")
    result = _run("check", str(tmp_path))
    assert "2 source(s), 4 pairs" in result.output


def _assert_input_error(result, name, words):
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert name in lines[0] and words in lines[0]
    assert "Traceback" not in result.output


def test_input_errors_are_one_line_exit_2(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _assert_input_error(_run("check", str(empty)), "empty.txt", "empty")
    binary = tmp_path / "blob.txt"
    binary.write_bytes(bytes(range(256)))
    _assert_input_error(_run("check", str(binary)), "blob.txt", "decoded")
    pair_dir = tmp_path / "pair"
    pair_dir.mkdir()
    for name in ("news.ar.txt", "news.en.txt"):  # named as a pair, but both are English
        (pair_dir / name).write_text(EN, encoding="utf-8")
    _assert_input_error(_run("check", str(pair_dir)), "news", "same language")
    _assert_input_error(_run("check", str(tmp_path / "missing.txt")), "missing.txt",
                        "no such file")
    (tmp_path / "emptydir").mkdir()
    _assert_input_error(_run("check", str(tmp_path / "emptydir")), "emptydir", "no source")


def test_two_files_in_one_language_named_as_a_pair_are_an_error(tmp_path):
    # Issue 11: checked one by one they passed as one-language sources, and the gate said nothing.
    paths = [tmp_path / "x.txt", tmp_path / "y.txt"]
    for p in paths:
        p.write_text(EN, encoding="utf-8")
    _assert_input_error(_run("check", *map(str, paths)), "y.txt", "both files are English")


def test_one_language_missing_with_explicit_languages(tmp_path):
    path = tmp_path / "en-only.txt"
    path.write_text(EN, encoding="utf-8")
    result = _run("check", str(path), "--src-lang", "ar", "--tgt-lang", "en")
    _assert_input_error(result, "en-only.txt", "Arabic is missing")


def test_no_partial_json_on_input_error(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    out = tmp_path / "out.json"
    assert _run("check", str(bad), "--json", str(out)).exit_code == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [bad]


def test_unknown_scorer_is_a_usage_error(corpus_path):
    result = _run("check", str(corpus_path), "--scorer", "nope")
    assert result.exit_code == 2 and "unknown scorer" in result.output


def test_checks_command_lists_registered_checks():
    result = _run("checks")
    assert result.exit_code == 0
    assert "untranslated" in result.output and "error" in result.output


def test_python_dash_m(corpus_path):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "aligner", "check", str(corpus_path), "-q"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 1 and "13 pairs" in proc.stdout


def test_bad_output_path_leaves_no_other_output(tmp_path):
    # The TMX and JSON paths are fine, the HTML's folder is missing: nothing may be written.
    src = tmp_path / "news.txt"
    src.write_text(EN + "\n" + AR, encoding="utf-8")
    outs = [tmp_path / "out.tmx", tmp_path / "out.json", tmp_path / "base.json"]
    result = _run("check", str(src), "--scorer", "lexical", "--tmx", str(outs[0]),
                  "--json", str(outs[1]), "--baseline", str(outs[2]), "--update-baseline",
                  "--html", str(tmp_path / "nodir" / "r.html"))
    _assert_input_error(result, "r.html", "does not exist")
    assert not any(p.exists() for p in outs)
    result = _run("check", str(src), "--scorer", "lexical", "--json", str(outs[1]),
                  "-o", str(src / "report.txt"))
    _assert_input_error(result, "report.txt", "not a directory")
    result = _run("check", str(src), "--scorer", "lexical", "--json", str(outs[1]),
                  "--html-dir", str(src / "reports"))
    _assert_input_error(result, "reports", "is a file")
    assert not outs[1].exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.txt"]


def test_html_with_several_sources_writes_nothing_not_even_the_baseline(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(EN + "\n" + AR, encoding="utf-8")
    base, out = tmp_path / "out" / "base.json", tmp_path / "out" / "r.json"
    base.parent.mkdir()
    result = _run("check", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--scorer",
                  "lexical", "--html", str(tmp_path / "out" / "r.html"), "--json", str(out),
                  "--baseline", str(base), "--update-baseline")
    _assert_input_error(result, "--html", "2 were checked")
    assert list(base.parent.iterdir()) == []


def test_an_output_never_overwrites_an_input(tmp_path):
    src = tmp_path / "news.txt"
    src.write_text(EN + "\n" + AR, encoding="utf-8")
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("الوزير\tminister\n", encoding="utf-8")
    for option, target in (("--json", src), ("-o", src), ("--tmx", glossary)):
        result = _run("check", str(src), "--scorer", "lexical", "--glossary", str(glossary),
                      option, str(target))
        _assert_input_error(result, target.name, "must not overwrite")
    saved = tmp_path / "r.json"
    assert _run("check", str(src), "--scorer", "lexical", "--json", str(saved)).exit_code == 0
    result = CliRunner().invoke(main, ["report", str(saved), "-o", str(saved)])
    _assert_input_error(result, "r.json", "must not overwrite")
    assert src.read_text(encoding="utf-8") == EN + "\n" + AR
    assert glossary.read_text(encoding="utf-8") == "الوزير\tminister\n"
    assert json.loads(saved.read_text(encoding="utf-8"))["pairs"]


def test_a_console_without_arabic_gets_escapes_not_a_traceback(tmp_path):
    # A Windows console (cp1252) cannot show Arabic: the exit status must still be the gate's.
    src = tmp_path / "n.txt"
    src.write_text("قال الوزير إن ٥٠ طائرة وصلت.\n\nThe minister said 60 planes arrived.\n",
                   encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root), "PYTHONIOENCODING": "cp1252"}
    env.pop("GITHUB_ACTIONS", None)
    res = subprocess.run([sys.executable, "-m", "aligner", "check", str(src), "--scorer",
                          "lexical"], cwd=tmp_path, env=env, capture_output=True, timeout=120)
    assert b"Traceback" not in res.stderr, res.stderr.decode("utf-8", "replace")
    assert res.returncode == 1  # the number mismatch, not a crash
    assert b"\\u0665\\u0660" in res.stdout
