"""Hostile inputs and broken streams (issue 11): one line on stderr and an exit status in
{0, 1, 2, 130}, quickly and in bounded memory, never a traceback."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aligner import cli
from aligner.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAIR = ("The minister met the ambassador on 3 May 2024.\nThey discussed trade and energy.\n\n"
        "التقى الوزير السفير في 3 مايو/أيار 2024.\nوناقشا التجارة والطاقة.\n")
# A number mismatch: exit 1, so a lost report would matter.
FAULTY = "قال الوزير إن ٥٠ طائرة وصلت.\n\nThe minister said 60 planes arrived.\n"
LEX = ("--scorer", "lexical")


def _run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def _one_line_error(result, *words, code=2):
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        result.exception)
    assert result.exit_code == code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    for word in words:
        assert word in lines[0], lines[0]


def _align(*args, cwd, timeout=120, **kwargs):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("GITHUB_ACTIONS", None)
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run([sys.executable, "-m", "aligner", *map(str, args)], cwd=cwd,
                          env=env, timeout=timeout, check=False, **streams)


def _stderr_line(res) -> str:
    err = res.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.fixture
def files(tmp_path):
    (tmp_path / "good.txt").write_text(PAIR, encoding="utf-8")
    (tmp_path / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    return tmp_path


# --- inputs: regular files or '-', with a size cap ------------------------------------------

@pytest.mark.parametrize("special", ["/dev/zero", "/dev/urandom", "pipe"])
@pytest.mark.parametrize("where", ["source", "glossary", "score", "baseline", "config",
                                   "report"])
def test_a_device_or_pipe_as_any_input_is_refused_at_once(files, special, where):
    path = special if special.startswith("/") else str(files / special)
    good = str(files / "good.txt")
    args = {"source": ["check", path, *LEX],
            "glossary": ["check", good, *LEX, "--glossary", path],
            "score": ["score", path, good],
            "baseline": ["check", good, *LEX, "--baseline", path],
            "config": ["check", good, *LEX, "--config", path],
            "report": ["report", path, "-o", files / "r.html"]}[where]
    start = time.monotonic()
    result = _run(*args)
    kind = "a pipe" if special == "pipe" else "a device"
    _one_line_error(result, Path(path).name, f"is {kind}")
    assert time.monotonic() - start < 30
    assert stat.S_ISFIFO(os.lstat(files / "pipe").st_mode)
    assert not (files / "r.html").exists()


def test_max_bytes_caps_sources_glossary_and_score(files):
    good = files / "good.txt"
    size = good.stat().st_size
    assert _run("check", good, *LEX, "--max-bytes", size).exit_code == 0
    _one_line_error(_run("check", good, *LEX, "--max-bytes", size - 1), "good.txt",
                    f"larger than {size - 1} bytes", "--max-bytes")
    glossary = files / "terms.tsv"
    glossary.write_text("الوزير\tminister\n" * 100, encoding="utf-8")
    _one_line_error(_run("check", good, *LEX, "--glossary", glossary, "--max-bytes",
                         size), "terms.tsv", "larger than")
    _one_line_error(_run("score", good, good, "--max-bytes", "10"), "good.txt", "larger than")
    _one_line_error(_run("check", good, "--max-bytes", "lots"), "--max-bytes", "not a size")
    assert "--max-bytes" in _run("check", "--help").output
    assert "--max-bytes" in _run("score", "--help").output


def test_standard_input_is_a_source_and_is_capped(files):
    res = _align("check", "-", *LEX, "-q", cwd=files, input=PAIR.encode())
    assert res.returncode == 0, res.stderr
    with open("/dev/zero", "rb") as zero:
        start = time.monotonic()
        res = _align("check", "-", *LEX, "--max-bytes", "1M", cwd=files, stdin=zero)
    assert res.returncode == 2 and "standard input: is larger than 1 MB" in _stderr_line(res)
    assert time.monotonic() - start < 60


# --- tracebacks that were -------------------------------------------------------------------

def test_a_symbolic_link_loop_as_source_or_output(files):
    (files / "a").symlink_to("b")
    (files / "b").symlink_to("a")
    _one_line_error(_run("check", files / "a"), "loop of symbolic links")
    _one_line_error(_run("check", files / "good.txt", *LEX, "--json", files / "a"),
                    "loop of symbolic links")
    assert (files / "a").is_symlink()


def test_report_on_deeply_nested_json_or_an_unknown_schema(files):
    deep = files / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    _one_line_error(_run("report", deep, "-o", files / "r.html"), "deep.json",
                    "nested too deeply")
    saved = files / "r.json"
    assert _run("check", files / "good.txt", *LEX, "--json", saved).exit_code == 0
    data = json.loads(saved.read_text(encoding="utf-8"))
    data["schema"] = 99
    saved.write_text(json.dumps(data), encoding="utf-8")
    _one_line_error(_run("report", saved, "-o", files / "r.html"), "r.json",
                    "schema version 99")
    saved.write_text(json.dumps({"schema": 1, "results": [{**data, "schema": 2}]}),
                     encoding="utf-8")
    _one_line_error(_run("report", saved, "-o", files / "r.html"), "schema version 2")
    assert not (files / "r.html").exists()


def test_a_deeply_nested_baseline_is_one_error(files):
    base = files / "base.json"
    base.write_text("{\"a\":" * 100_000, encoding="utf-8")
    _one_line_error(_run("check", files / "good.txt", *LEX, "--baseline", base),
                    "base.json", "nested too deeply")


@pytest.mark.parametrize("command", [
    ["check", "faulty.txt", *LEX],
    ["check", "faulty.txt", *LEX, "--json", "-"],
    ["score", "good.txt", "good.txt"],
    ["checks"],
])
def test_closed_standard_output_is_one_line_and_exit_2(files, command):
    # `>&-` needs a shell: Python sees sys.stdout as None.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    line = " ".join([sys.executable, "-m", "aligner", *command])
    res = subprocess.run(["bash", "-c", f"{line} >&-"], cwd=files, env=env,
                         capture_output=True, timeout=120, check=False)
    assert res.returncode == 2
    assert "cannot write to standard output (it is closed)" in _stderr_line(res)


@pytest.mark.parametrize("command", [
    ["check", "faulty.txt", *LEX],
    ["check", "faulty.txt", *LEX, "--format", "sarif"],
    ["check", "faulty.txt", *LEX, "--json", "-"],
    ["score", "good.txt", "good.txt"],
    ["checks"],
])
def test_full_standard_output_says_the_output_was_not_written(files, command):
    full = files / "full"
    try:
        os.mknod(full, 0o666 | stat.S_IFCHR, os.stat("/dev/full").st_rdev)
    except OSError:
        full = Path("/dev/full")
    with open(full, "wb") as out:
        res = _align(*command, cwd=files, stdout=out)
    assert res.returncode == 2
    line = _stderr_line(res)
    assert "cannot write to standard output (No space left on device)" in line
    assert stat.S_ISCHR(os.lstat(full).st_mode)


# --- Ctrl-C ---------------------------------------------------------------------------------

def test_keyboard_interrupt_exits_130_in_one_line(files, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "run_gate", interrupted)
    _one_line_error(_run("check", files / "good.txt"), "align: interrupted", code=130)
    assert "Traceback" not in _run("check", files / "good.txt").output


def test_a_stray_os_error_is_one_line_not_a_traceback(files, monkeypatch):
    def failing(*args, **kwargs):
        raise OSError(5, "Input/output error", "/some/file")

    monkeypatch.setattr(cli, "run_gate", failing)
    _one_line_error(_run("check", files / "good.txt"), "/some/file: Input/output error")


def test_a_real_sigint_exits_130_without_a_traceback(files):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    # Reading a standard input that never ends: the process waits in read() for the signal.
    # A suite started in the background inherits SIGINT ignored, and Python keeps an ignored
    # SIGINT ignored (as a background job should): the child gets the default disposition,
    # as an interactive ``align`` has.
    proc = subprocess.Popen([sys.executable, "-m", "aligner", "check", "-", *LEX], cwd=files,
                            env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 60
        wchan = Path(f"/proc/{proc.pid}/wchan")
        while time.monotonic() < deadline:
            try:
                if "pipe" in wchan.read_text():
                    break
            except OSError:
                pass
            time.sleep(0.2)
        else:
            time.sleep(5)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
    assert proc.returncode == 130
    assert err.decode().strip() == "align: interrupted"


# --- usage errors: one line ------------------------------------------------------------------

@pytest.mark.parametrize("args, words", [
    (["check", "good.txt", "--fail-on", "critical"], ["--fail-on", "'critical'"]),
    (["check", "good.txt", "--severity", "stray-period=fatal"], ["--severity", "'fatal'"]),
    (["check", "good.txt", "--json", "."], ["--json", "is a directory"]),
    (["check", "good.txt", "--no-such-option"], ["--no-such-option"]),
    (["check"], ["SOURCES"]),
    (["report", "r.json"], ["-o FILE or --html-dir DIR"]),
    (["frobnicate"], ["frobnicate"]),
])
def test_usage_errors_are_one_line(files, monkeypatch, args, words):
    monkeypatch.chdir(files)
    result = _run(*args)
    _one_line_error(result, "align: error: ", *words)
    assert "Usage:" not in result.output


# --- a property: whatever the arguments, no traceback -----------------------------------------

# Sources may be the machine's devices (read, never written); a path given to an option may be
# written (--baseline with --update-baseline), so it is always inside the test's folder: a
# regression must not be able to replace a node in /dev.
_SOURCES = ["good.txt", "faulty.txt", "missing.txt", ".", "pipe", "loop", "/dev/zero",
            "/dev/urandom", "-"]
_PATHS = ["good.txt", "faulty.txt", "missing.txt", ".", "pipe", "loop", "null", "-",
          "out/", "out.json", "good.txt/x", "r.json"]
_OPTIONS = [[], ["--json", "P"], ["-o", "P"], ["--tmx", "P"], ["--html", "P"],
            ["--html-dir", "P"], ["--glossary", "P"], ["--baseline", "P"], ["--config", "P"],
            ["--max-bytes", "V"], ["--fail-on", "V"], ["--severity", "V"], ["--format", "V"],
            ["--encoding", "V"], ["--checks", "V"], ["-q"], ["--update-baseline"]]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_argument_list_gives_a_traceback(files, monkeypatch, data):
    monkeypatch.chdir(files)
    if not Path("loop").is_symlink():
        Path("loop").symlink_to("loop")
        try:
            os.mknod("null", 0o666 | stat.S_IFCHR, os.stat("/dev/null").st_rdev)
        except OSError:
            Path("null").write_bytes(b"")
    # An earlier example may have written over one (as an output it may): start afresh.
    (files / "good.txt").write_text(PAIR, encoding="utf-8")
    (files / "faulty.txt").write_text(FAULTY, encoding="utf-8")
    values = st.one_of(st.sampled_from(["error", "info", "x=y", "stray-period=info", "0",
                                        "10", "1M", "sarif", "utf-32", "", "\u200f"]),
                       st.text(max_size=8))
    sources = data.draw(st.lists(st.sampled_from(_SOURCES), min_size=1, max_size=3))
    args = ["check", *sources, *LEX]
    for option in data.draw(st.lists(st.sampled_from(_OPTIONS), max_size=3)):
        args += [data.draw(st.sampled_from(_PATHS)) if a == "P"
                 else data.draw(values) if a == "V" else a for a in option]
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args, result.exception)
    assert result.exit_code in (0, 1, 2, 130), (args, result.output)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.strip().splitlines()[-1].startswith("align: error: "), (
            args, result.output)
    # The sources of the run are never written.
    assert "good.txt" not in sources or (files / "good.txt").read_text("utf-8") == PAIR
    assert "faulty.txt" not in sources or (files / "faulty.txt").read_text("utf-8") == FAULTY
    assert stat.S_ISFIFO(os.lstat("pipe").st_mode)


def test_a_ctrl_c_that_a_finalizer_swallows_still_ends_as_an_interruption(tmp_path):
    # Python prints "Exception ignored" for an exception raised inside __del__ and goes on: a
    # Ctrl-C that lands there (a garbage collection while align loads) must not end in exit 0.
    script = tmp_path / "swallowed.py"
    script.write_text(
        "import os, signal, sys\n"
        "import aligner.cli\n"
        "from aligner import __main__\n"
        "class Finalized:\n"
        "    def __del__(self):\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "def main():\n"
        "    Finalized()\n"
        "    sys.exit(0)\n"
        "aligner.cli.main = main\n"
        "__main__.run()\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 130, done.stderr
    assert done.stderr.endswith("align: interrupted\n")
