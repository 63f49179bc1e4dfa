"""Outputs never damage a file (issue 11, "Files damaged"): no input, configuration, device
node or pipe is replaced, and a run that cannot write every output writes none.

Each test records the type and hash of every file it could damage and compares them after.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAIR = ("The minister met the ambassador on 3 May 2024.\nThey discussed trade and energy.\n\n"
        "التقى الوزير السفير في 3 مايو/أيار 2024.\nوناقشا التجارة والطاقة.\n")
LEX = ("--scorer", "lexical")


def _state(*paths) -> list:
    """Type, device number and content hash of each path (None for a missing one)."""
    out = []
    for path in paths:
        try:
            st = os.lstat(path)
        except FileNotFoundError:
            out.append(None)
            continue
        digest = (hashlib.sha256(Path(path).read_bytes()).hexdigest()
                  if stat.S_ISREG(st.st_mode) else None)
        out.append((stat.S_IFMT(st.st_mode), st.st_rdev, digest))
    return out


def _run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _one_line_error(result, *words):
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("align: error: "), result.output
    for word in words:
        assert word in lines[0], lines[0]


def _subprocess(*args, cwd, stdout=subprocess.PIPE):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "aligner", *map(str, args)], cwd=cwd,
                          env=env, stdout=stdout, stderr=subprocess.PIPE, timeout=300,
                          check=False)


@pytest.fixture
def source(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(PAIR, encoding="utf-8")
    return path


def _mknod(tmp_path, name):
    """A private copy of /dev/NAME (root may mknod), else the machine's own node."""
    copy = tmp_path / name
    try:
        os.mknod(copy, 0o666 | stat.S_IFCHR, os.stat(f"/dev/{name}").st_rdev)
    except OSError:
        return Path(f"/dev/{name}")
    return copy


def test_the_configuration_is_never_an_output(tmp_path, source, monkeypatch):
    cfg = tmp_path / "c.cfg"
    cfg.write_text("[align]\nfail-on = error\n", encoding="utf-8")
    before = _state(cfg)
    _one_line_error(_run("check", source, *LEX, "--config", cfg, "-o", cfg),
                    "c.cfg", "must not overwrite")
    # setup.cfg found by walking up from the working directory, named as the report.
    monkeypatch.chdir(tmp_path)
    Path("setup.cfg").write_text("[align]\nfail-on = error\n", encoding="utf-8")
    setup = _state("setup.cfg")
    for option in ("-o", "--json", "--tmx"):
        _one_line_error(_run("check", source, *LEX, option, "setup.cfg"),
                        "setup.cfg", "must not overwrite")
    assert _state(cfg) == before and _state("setup.cfg") == setup


def test_score_never_overwrites_the_hypothesis_or_the_reference(tmp_path):
    hyp, ref = tmp_path / "h.txt", tmp_path / "r.txt"
    hyp.write_text("a b c\n", encoding="utf-8")
    ref.write_text("a b d\n", encoding="utf-8")
    before = _state(hyp, ref)
    for target in (hyp, ref):
        _one_line_error(_run("score", hyp, ref, "--json", target), target.name,
                        "must not overwrite")
    assert _state(hyp, ref) == before


def test_an_html_report_never_replaces_its_source(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    article = folder / "article.html"
    article.write_text(PAIR, encoding="utf-8")
    before = _state(article)
    _one_line_error(_run("check", article, *LEX, "--html-dir", folder),
                    "article.html", "must not overwrite")
    assert _state(article) == before and sorted(p.name for p in folder.iterdir()) == [
        "article.html"]
    # `align report` names the source from the saved JSON.
    saved = tmp_path / "r.json"
    assert _run("check", article, *LEX, "--json", saved).exit_code == 0
    _one_line_error(_run("report", saved, "--html-dir", folder), "article.html",
                    "must not overwrite")
    _one_line_error(_run("report", saved, "-o", article), "article.html", "must not overwrite")
    assert _state(article) == before
    # Elsewhere the same report is written.
    assert _run("report", saved, "--html-dir", tmp_path / "out").exit_code == 0
    assert (tmp_path / "out" / "article.html").is_file()


def test_a_read_only_folder_stops_the_run_before_anything_is_written(tmp_path, source):
    # Root (the tests' user) ignores permission bits; an immutable folder stops root too.
    w, ro = tmp_path / "w", tmp_path / "ro"
    w.mkdir()
    ro.mkdir()
    if subprocess.run(["chattr", "+i", str(ro)], capture_output=True,
                      check=False).returncode != 0:
        pytest.skip("chattr +i is not available (tests/export/test_atomic.py covers the rule)")
    try:
        _one_line_error(_run("check", source, *LEX, "--tmx", w / "a.tmx", "--json",
                             ro / "a.json"), "ro/a.json", "not writable")
        _one_line_error(_run("check", source, *LEX, "--tmx", w / "a.tmx", "--html-dir",
                             ro / "reports"), "reports", "not writable")
        _one_line_error(_run("score", source, source, "--json", ro / "s.json"),
                        "s.json", "not writable")
    finally:
        subprocess.run(["chattr", "-i", str(ro)], check=False)
    assert list(w.iterdir()) == [] and list(ro.iterdir()) == []


def test_a_trailing_slash_is_a_folder_not_a_file_name(tmp_path, source):
    _one_line_error(_run("check", source, *LEX, "--json", f"{tmp_path}/newdir/"),
                    "newdir/", "ends in '/'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.txt"]


def test_a_full_device_is_one_error_and_stays_a_device(tmp_path, source):
    full = _mknod(tmp_path, "full")
    before = _state(full)
    for option in ("--json", "-o", "--tmx"):
        res = _subprocess("check", source, *LEX, option, full, cwd=tmp_path)
        err = res.stderr.decode().strip().splitlines()
        assert res.returncode == 2 and len(err) == 1, res.stderr
        assert "No space left on device" in err[0] and str(full) in err[0]
        assert _state(full) == before and stat.S_ISCHR(before[0][0])


def test_dash_pipes_the_json_and_moves_the_summary_to_stderr(tmp_path, source):
    null = _mknod(tmp_path, "null")
    before = _state(null, source)
    res = _subprocess("check", source, *LEX, "--json", "-", "--tmx", null, cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert json.loads(res.stdout)["sources"] == [str(source)]
    assert b"passed" in res.stderr
    assert _state(null, source) == before
    res = _subprocess("check", source, *LEX, "--json", "-", "-o", "-", cwd=tmp_path)
    assert res.returncode == 2 and b"two outputs" in res.stderr and not res.stdout
