"""The hostile catalogue of issue 11: every reproduction, run against ``align`` in a temp folder.

For each case it prints the exit code, the lines on standard error, the wall and CPU time (the
time limits are on CPU time, which neighbours on a shared machine do not inflate), the peak
memory of the ``align`` process and whether any watched file changed (type and SHA-256 before
and after), and whether the case met the contract (docs/security.md): an exit status the case
allows, one line on standard error for an error, never a traceback, no watched file changed, and
the case's own condition (findings still found, nothing written, ...).

    python benchmarks/hostile.py            # every case, huge inputs at full size (minutes)
    python benchmarks/hostile.py --quick    # every case that runs in seconds (tests/test_hostile)

Device nodes are never touched: a case that needs ``/dev/full`` or ``/dev/zero`` makes a private
copy of the node (``mknod``) in its temp folder, and skips when it cannot (not root).
Exit status: 0 when every case that ran met its contract, 1 otherwise.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpora" / "almayadeen-iraq-russia" / "almayadeen-iraq-russia.txt"
PAIR = ("التقى الوزير السفير في 3 مايو/أيار 2024.\nوناقشا التجارة والطاقة.\n\n"
        "The minister met the ambassador on 3 May 2024.\nThey discussed trade and energy.\n")
FAULTY = "قال الوزير إن ٥٠ طائرة وصلت.\n\nThe minister said 60 planes arrived.\n"
LEX = ["--scorer", "lexical"]
PROGRESS_PREFIX = "align: progress: "  # aligner/progress_display.py
STRAY_MARKS = {"RLM": "\u200f", "LRM": "\u200e", "ZWJ": "\u200d", "ZWNJ": "\u200c"}
# The twelve stray stops of the corpus, as "word before. word after" (tests/checks).
STRAY = ["العديد. من", "محل. الولايات", "المسؤولين. السياسيين", "ورئيس. هيئة",
         "فبراير/شباط. وأمين", "في. “تسليح", "بالملاحظة. بشكل", "تسعى. إلى",
         "للمعدات. العسكرية", "يوم. 20", "للعراق. للضغط", "للعراق. من"]


@dataclass
class Run:
    """What one case set up: the command line and how to run it."""

    args: list[str]
    watch: list[Path] = field(default_factory=list)
    stdin: bytes | None = None
    close_stdout: bool = False
    stdout_to: Path | None = None
    interrupt_after: float | None = None
    timeout: float = 120
    #: An extra condition on (folder, exit code, stdout, stderr): None when met, else why not.
    extra: Callable[[Path, int, bytes, str], str | None] | None = None


@dataclass(frozen=True)
class Case:
    name: str
    setup: Callable[[Path, bool], Run | None]  # (folder, quick) -> Run, or None: not possible
    codes: frozenset[int]
    quick: bool = True
    #: CPU seconds (user + system) of the align process: on a shared machine wall time says
    #: more about the neighbours than about the program. The wall-clock kill is Run.timeout.
    max_seconds: float = 60


@dataclass(frozen=True)
class Outcome:
    case: str
    code: int | None
    stderr_lines: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    changed: bool
    ok: bool
    why: str = ""


# --- helpers -------------------------------------------------------------------------------

def _write(folder: Path, name: str, text: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def _node(folder: Path, name: str, major: int, minor: int) -> Path | None:
    """A private character device node (a copy of /dev/full, /dev/zero...), or None."""
    path = folder / name
    try:
        os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(major, minor))
    except (PermissionError, OSError):
        return None
    return path


def _state(path: Path) -> tuple:
    """Type and content hash (regular files only: a device or pipe is never read)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return ("missing",)
    kind = stat.S_IFMT(st.st_mode)
    if stat.S_ISREG(st.st_mode):
        return (kind, hashlib.sha256(path.read_bytes()).hexdigest())
    if stat.S_ISLNK(st.st_mode):
        return (kind, os.readlink(path))
    if stat.S_ISDIR(st.st_mode):
        return (kind, tuple(sorted(os.listdir(path))))
    return (kind, st.st_rdev)


def _json_findings(folder: Path, name: str = "out.json") -> list[dict]:
    try:
        return json.loads((folder / name).read_text(encoding="utf-8"))["findings"]
    except (OSError, ValueError, KeyError):
        return []


def _mark_stray_stops(text: str, mark: str) -> str:
    for phrase in STRAY:
        before, after = phrase.split(". ")
        text = text.replace(f"{before}. {after}", f"{before}.{mark} {after}")
    return text


def _unpunctuated(words: str, size: int) -> str:
    vocab = words.split()
    out, n, k = [], 0, 0
    while n < size:
        w = vocab[(k * 7919) % len(vocab)]
        out.append(w)
        n += len(w) + 1
        k += 1
    return " ".join(out)


_AR_WORDS = "التقى الوزير العديد من المسؤولين في العاصمة وتحدث عن الخطة الجديدة للطرق والمدارس"
_EN_WORDS = "the minister met many officials in the capital and talked about the new plan roads"


# --- the catalogue -------------------------------------------------------------------------

def _c(*args: str, **kw) -> Callable[[Path, bool], Run]:
    """A case that needs only a clean pair ``good.txt``."""
    def setup(d: Path, quick: bool) -> Run:
        good = _write(d, "good.txt", PAIR)
        return Run([a.replace("GOOD", str(good)) for a in args], watch=[good], **kw)
    return setup


def _device_output(option: str, minor: int) -> Callable[[Path, bool], Run | None]:
    def setup(d: Path, quick: bool) -> Run | None:
        good = _write(d, "good.txt", PAIR)
        node = _node(d, "dev", 1, minor)
        if node is None:
            return None
        return Run(["check", str(good), *LEX, option, str(node)], watch=[good, node])
    return setup


def _stdout_link(d: Path, quick: bool) -> Run:
    good = _write(d, "good.txt", PAIR)
    link = d / "stdout"
    link.symlink_to("/proc/self/fd/1")

    def extra(_d, _code, out, _err):
        return None if out.lstrip().startswith(b"{") else "no JSON on standard output"
    return Run(["check", str(good), *LEX, "--json", str(link)], watch=[good, link], extra=extra)


def _config_as_output(d: Path, quick: bool) -> Run:
    good = _write(d, "good.txt", PAIR)
    cfg = _write(d, "c.cfg", "[align]\nfail_on = error\n")
    return Run(["check", str(good), *LEX, "--config", str(cfg), "-o", str(cfg)],
               watch=[good, cfg])


def _setup_cfg_as_output(d: Path, quick: bool) -> Run:
    good = _write(d, "good.txt", PAIR)
    cfg = _write(d, "setup.cfg", "[align]\nfail_on = error\n")
    return Run(["check", "good.txt", *LEX, "-o", "setup.cfg"], watch=[good, cfg])


def _score_over_hypothesis(d: Path, quick: bool) -> Run:
    h = _write(d, "h.txt", "The minister met the ambassador.\n")
    r = _write(d, "r.txt", "The minister met the envoy.\n")
    return Run(["score", str(h), str(r), "--json", str(h)], watch=[h, r])


def _html_dir_over_input(d: Path, quick: bool) -> Run:
    src = _write(d, "d/article.html", PAIR)
    return Run(["check", str(src), *LEX, "--html-dir", str(d / "d")], watch=[src])


def _report_html_dir_over_source(d: Path, quick: bool) -> Run:
    src = _write(d, "d/article.html", PAIR)
    result = d / "r.json"
    subprocess.run(_command(["check", str(src), *LEX, "--json", str(result)]), cwd=d,
                   env=_env(), capture_output=True, timeout=120, check=False)
    return Run(["report", str(result), "--html-dir", str(d / "d")], watch=[src, result])


def _read_only_folder(d: Path, quick: bool) -> Run | None:
    good = _write(d, "good.txt", PAIR)
    (d / "w").mkdir()
    ro = d / "ro"
    ro.mkdir()
    if os.geteuid() != 0:
        ro.chmod(0o555)
    elif subprocess.run(["chattr", "+i", str(ro)], capture_output=True,
                        check=False).returncode != 0:
        return None

    def extra(folder, _code, _out, _err):
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(ro)], capture_output=True, check=False)
        return "w/a.tmx was written" if (folder / "w" / "a.tmx").exists() else None
    return Run(["check", str(good), *LEX, "--tmx", str(d / "w/a.tmx"), "--json",
                str(ro / "a.json")], watch=[good, ro], extra=extra)


def _device_input(minor: int, how: str) -> Callable[[Path, bool], Run | None]:
    def setup(d: Path, quick: bool) -> Run | None:
        node = _node(d, "dev", 1, minor)
        if node is None:
            return None
        good = _write(d, "good.txt", PAIR)
        ref = _write(d, "r.txt", "The minister met the envoy.\n")
        args = {"source": ["check", str(node), *LEX],
                "glossary": ["check", str(good), *LEX, "--glossary", str(node)],
                "score": ["score", str(node), str(ref)]}[how]
        return Run(args, watch=[node, good, ref], timeout=30)
    return setup


def _input_as_output(d: Path, quick: bool) -> Run:
    good = _write(d, "good.txt", PAIR)
    return Run(["check", str(good), *LEX, "--json", str(good)], watch=[good])


def _long_arabic_paragraph(d: Path, quick: bool) -> Run:
    sentence = "قال الوزير إن الخطة الجديدة ستبدأ في العاصمة. "
    size = 200_000 if not quick else 50_000
    # Arabic only: the splitter is what is measured, not the alignment.
    src = _write(d, "long.ar.txt", sentence * (size // len(sentence)) + "\n")
    return Run(["check", str(src), *LEX], watch=[src], timeout=1800)


def _huge_unpunctuated(d: Path, quick: bool) -> Run:
    scale = 0.05 if quick else 1.0
    text = (_unpunctuated(_AR_WORDS, int(3_900_000 * scale)) + "\n\n"
            + _unpunctuated(_EN_WORDS, int(5_000_000 * scale)) + "\n")
    src = _write(d, "huge.txt", text)
    return Run(["check", str(src), *LEX], watch=[src], timeout=1800)


def _many_pairs(d: Path, quick: bool) -> Run:
    n = 1_000 if quick else 10_000
    ar = "".join(f"قال الوزير إن {k} طائرة وصلت إلى المطار اليوم.\n" for k in range(n))
    en = "".join(f"The minister said {k} planes arrived at the airport today.\n"
                 for k in range(n))
    src = _write(d, "many.txt", ar + "\n" + en)

    def extra(_d, _code, _out, _err):
        return None
    return Run(["check", str(src), *LEX], watch=[src], timeout=1800, extra=extra)


def _symlink_loop(role: str) -> Callable[[Path, bool], Run]:
    def setup(d: Path, quick: bool) -> Run:
        good = _write(d, "good.txt", PAIR)
        (d / "a").symlink_to(d / "b")
        (d / "b").symlink_to(d / "a")
        args = ["check", str(d / "a"), *LEX] if role == "source" else \
            ["check", str(good), *LEX, "--json", str(d / "a")]
        return Run(args, watch=[good, d / "a", d / "b"])
    return setup


def _nested_json(d: Path, quick: bool) -> Run:
    r = _write(d, "r.json", "[" * 100_000 + "]" * 100_000)
    return Run(["report", str(r), "-o", str(d / "out.html")], watch=[r])


def _closed_stdout(d: Path, quick: bool) -> Run:
    good = _write(d, "faulty.txt", FAULTY)
    return Run(["check", str(good), *LEX], watch=[good], close_stdout=True)


def _full_stdout(d: Path, quick: bool) -> Run | None:
    good = _write(d, "faulty.txt", FAULTY)
    node = _node(d, "full", 1, 7)
    if node is None:
        return None
    return Run(["check", str(good), *LEX], watch=[good, node], stdout_to=node)


def _format_chars(name: str) -> Callable[[Path, bool], Run]:
    def setup(d: Path, quick: bool) -> Run:
        text = _mark_stray_stops(CORPUS.read_text(encoding="utf-8"), STRAY_MARKS[name])
        src = _write(d, "marked.txt", text)

        def extra(folder, _code, _out, _err):
            found = [f for f in _json_findings(folder) if f["check"] == "stray-period"]
            dots = [f for f in found if text[f["loc"]["start"]:f["loc"]["end"]] == "."]
            return None if len(dots) == 12 else f"{len(dots)} stray-period findings, not 12"
        return Run(["check", str(src), *LEX, "--json", str(d / "out.json")], watch=[src],
                   extra=extra)
    return setup


def _bytes_case(data: bytes, *, expect: str = "") -> Callable[[Path, bool], Run]:
    def setup(d: Path, quick: bool) -> Run:
        src = _write(d, "src.txt", data)

        def extra(_folder, code, _out, err):
            if expect and expect not in err:
                return f"stderr does not say {expect!r}"
            return None
        return Run(["check", str(src), *LEX], watch=[src], extra=extra)
    return setup


def _utf32(data: bytes) -> Callable[[Path, bool], Run]:
    def setup(d: Path, quick: bool) -> Run:
        src = _write(d, "src.txt", data)

        def extra(folder, code, _out, err):
            data = json.loads((folder / "out.json").read_text(encoding="utf-8"))
            return None if data["tgt_lang"] == "en" and len(data["pairs"]) == 2 else \
                "not read as a two-sentence pair"
        return Run(["check", str(src), *LEX, "--json", str(d / "out.json")], watch=[src],
                   extra=extra)
    return setup


def _two_arabic(d: Path, quick: bool) -> Run:
    a = _write(d, "a.ar.txt", "التقى الوزير السفير.\n")
    b = _write(d, "b.ar.txt", "وناقشا التجارة والطاقة.\n")
    return Run(["check", str(a), str(b), *LEX], watch=[a, b])


def _xliff(d: Path, quick: bool) -> Run:
    x = _write(d, "t.xlf", '<?xml version="1.0"?><xliff version="1.2"><file><body>'
               "<trans-unit id='1'><source>Hello.</source><target>مرحبا.</target></trans-unit>"
               "</body></file></xliff>\n")
    return Run(["check", str(x), *LEX], watch=[x])


def _presentation_forms(d: Path, quick: bool) -> Run:
    arabic = "ذهب الوزير إلى. العاصمة أمس"
    shaped = arabic.replace("ا", "\ufe8d").replace("ل", "\ufedd").replace("ز", "\ufeaf")
    src = _write(d, "pdf.txt", shaped + "\n\nThe minister went to the capital yesterday.\n")

    def extra(folder, _code, _out, _err):
        found = [f for f in _json_findings(folder) if f["check"] == "stray-period"]
        return None if found else "the stray full stop in presentation forms was not found"
    return Run(["check", str(src), *LEX, "--json", str(d / "out.json")], watch=[src],
               extra=extra)


def _ctrl_c_at(delay: float) -> Callable[[Path, bool], Run]:
    def setup(d: Path, quick: bool) -> Run:
        run = _ctrl_c(d, quick)
        run.interrupt_after = delay
        return run
    return setup


def _ctrl_c(d: Path, quick: bool) -> Run:
    text = (_unpunctuated(_AR_WORDS, 400_000) + "\n\n" + _unpunctuated(_EN_WORDS, 300_000)
            + "\n")
    src = _write(d, "big.txt", text)
    return Run(["check", str(src)], watch=[src], interrupt_after=4.0)


def _config_typo(d: Path, quick: bool) -> Run:
    good = _write(d, "good.txt", PAIR)
    cfg = _write(d, "c.cfg", "[align\nfail_on = warning\n")
    return Run(["check", str(good), *LEX, "--config", str(cfg)], watch=[good, cfg])


def _json_new_dir(d: Path, quick: bool) -> Run:
    good = _write(d, "good.txt", PAIR)

    def extra(folder, _code, _out, _err):
        return "a file 'newdir' was written" if (folder / "newdir").exists() else None
    return Run(["check", str(good), *LEX, "--json", str(d) + "/newdir/"], watch=[good],
               extra=extra)


def _json_dir(d: Path, quick: bool) -> Run:
    good = _write(d, "good.txt", PAIR)
    (d / "out").mkdir()
    return Run(["check", str(good), *LEX, "--json", str(d / "out")], watch=[good, d / "out"])


def _schema_99(d: Path, quick: bool) -> Run:
    r = _write(d, "r.json", json.dumps({"schema": 99, "pairs": [], "findings": []}))
    return Run(["report", str(r), "-o", str(d / "out.html")], watch=[r])


OK, FINDINGS, ERROR, INTERRUPTED = 0, 1, 2, 130
PASS_OR_FINDINGS = frozenset({OK, FINDINGS})
FAILS = frozenset({ERROR})

CASES: tuple[Case, ...] = (
    # Files damaged
    Case("--json to a symlink to stdout", _stdout_link, PASS_OR_FINDINGS),
    Case("--json to a /dev/full copy", _device_output("--json", 7), FAILS),
    Case("-o to a /dev/full copy", _device_output("-o", 7), FAILS),
    Case("--json to a /dev/null copy", _device_output("--json", 3), PASS_OR_FINDINGS),
    Case("--config c.cfg -o c.cfg", _config_as_output, FAILS),
    Case("-o setup.cfg holding [align]", _setup_cfg_as_output, FAILS),
    Case("score h r --json h", _score_over_hypothesis, FAILS),
    Case("check d/article.html --html-dir d", _html_dir_over_input, FAILS),
    Case("report r.json --html-dir d (source in d)", _report_html_dir_over_source, FAILS),
    Case("--tmx w/a.tmx --json ro/a.json", _read_only_folder, FAILS),
    Case("a source as --json", _input_as_output, FAILS),
    # Hangs and memory
    Case("/dev/zero copy as a source", _device_input(5, "source"), FAILS),
    Case("/dev/urandom copy as a source", _device_input(9, "source"), FAILS),
    Case("--glossary /dev/zero copy", _device_input(5, "glossary"), FAILS),
    Case("score /dev/zero-copy r.txt", _device_input(5, "score"), FAILS),
    Case("long Arabic paragraph (200 KB)", _long_arabic_paragraph, PASS_OR_FINDINGS,
         quick=False, max_seconds=120),
    Case("unpunctuated 7 MB Arabic + 5 MB English line", _huge_unpunctuated,
         PASS_OR_FINDINGS, quick=False, max_seconds=600),
    Case("10k pairs with lexical", _many_pairs, PASS_OR_FINDINGS, quick=False,
         max_seconds=600),
    # Tracebacks
    Case("symlink loop as a source", _symlink_loop("source"), FAILS),
    Case("symlink loop as an output", _symlink_loop("output"), FAILS),
    Case("report on deeply nested JSON", _nested_json, FAILS),
    Case("stdout closed (>&-), with findings", _closed_stdout, FAILS),
    Case("stdout a /dev/full copy, with findings", _full_stdout, FAILS),
    # Wrong results
    # Quick: RLM only (tests/test_format_characters.py runs all four marks, in process).
    *(Case(f"{name} next to each stray stop of the corpus", _format_chars(name),
           frozenset({FINDINGS}), quick=name == "RLM") for name in STRAY_MARKS),
    Case("UTF-8 with one bad byte at the end",
         _bytes_case(PAIR.encode() + b"\xff", expect="invalid UTF-8 at line"), FAILS),
    Case("UTF-8 English with Windows-1256 Arabic",
         _bytes_case(("The minister met “the ambassador”.\n" * 3).encode()
                     + ("التقى الوزير السفير في بغداد.\n" * 3).encode("cp1256"),
                     expect="mixes encodings"), FAILS),
    Case("UTF-32 LE with BOM", _utf32(b"\xff\xfe\x00\x00" + PAIR.encode("utf-32-le")),
         PASS_OR_FINDINGS),
    Case("UTF-32 BE with BOM", _utf32(b"\x00\x00\xfe\xff" + PAIR.encode("utf-32-be")),
         PASS_OR_FINDINGS),
    Case("two Arabic files as a pair", _two_arabic, FAILS),
    Case(".xlf is read as XLIFF units, not as prose", _xliff, PASS_OR_FINDINGS),
    Case("Arabic in presentation forms", _presentation_forms, frozenset({FINDINGS})),
    Case("Ctrl-C during a run", _ctrl_c, frozenset({INTERRUPTED})),
    Case("Ctrl-C while align starts", _ctrl_c_at(0.3), frozenset({INTERRUPTED})),
    # Messages
    Case("--fail-on critical", _c("check", "GOOD", "--fail-on", "critical"), FAILS),
    Case("--severity stray-period=fatal",
         _c("check", "GOOD", "--severity", "stray-period=fatal"), FAILS),
    Case("--json DIR", _json_dir, FAILS),
    Case("[align header typo", _config_typo, FAILS),
    Case("--json newdir/", _json_new_dir, FAILS),
    Case('report with "schema": 99', _schema_99, FAILS),
    Case("unknown option --jsn", _c("check", "GOOD", "--jsn", "x.json"), FAILS),
)


# --- running -------------------------------------------------------------------------------

def _env() -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("GITHUB_ACTIONS", "CI"):
        env.pop(name, None)
    return env


def _command(args: list[str]) -> list[str]:
    return [sys.executable, "-m", "aligner", *args]


def run_case(case: Case, quick: bool) -> Outcome | None:
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        folder = Path(tmp)
        run = case.setup(folder, quick)
        if run is None:
            return None
        before = {p: _state(p) for p in run.watch}
        stdout = subprocess.PIPE
        out_file = None
        if run.stdout_to is not None:
            out_file = open(run.stdout_to, "wb")
            stdout = out_file
        def preexec() -> None:
            # A run started in the background inherits SIGINT ignored, which Python keeps:
            # the child gets the default disposition, as an interactive ``align`` has.
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            if run.close_stdout:
                os.close(1)

        start = time.perf_counter()
        proc = subprocess.Popen(_command(run.args), cwd=folder, env=_env(),
                                stdin=subprocess.PIPE if run.stdin is not None
                                else subprocess.DEVNULL,
                                stdout=stdout if not run.close_stdout else None,
                                stderr=subprocess.PIPE, preexec_fn=preexec)
        if run.interrupt_after is not None:
            time.sleep(run.interrupt_after)
            proc.send_signal(signal.SIGINT)
        code, usage, out, err = _wait(proc, run.stdin, run.timeout)
        seconds = time.perf_counter() - start
        peak = usage.ru_maxrss / 1024 if usage else 0.0
        cpu = usage.ru_utime + usage.ru_stime if usage else 0.0
        if out_file is not None:
            out_file.close()
        # A long run's progress lines (align: progress: ...) are not messages.
        text = "".join(line for line in err.decode("utf-8", "replace").splitlines(True)
                       if not line.startswith(PROGRESS_PREFIX))
        lines = len(text.strip().splitlines())
        changed = any(_state(p) != s for p, s in before.items())
        why = _verdict(case, run, folder, code, out or b"", text, lines, changed, cpu)
        return Outcome(case.name, code, lines, seconds, cpu, peak, changed, not why, why)


def _verdict(case: Case, run: Run, folder: Path, code: int, out: bytes, err: str, lines: int,
             changed: bool, cpu_seconds: float) -> str:
    if code not in case.codes:
        return f"exit {code}, expected {sorted(case.codes)}: {err.strip()[:200]}"
    if "Traceback" in err:
        return "a traceback"
    if code in (ERROR, INTERRUPTED) and lines != 1:
        return f"{lines} lines on stderr, expected one"
    if changed:
        return "a watched file changed"
    if cpu_seconds > case.max_seconds:
        return f"took {cpu_seconds:.0f} CPU s (limit {case.max_seconds:.0f}s)"
    if run.extra is not None:
        return run.extra(folder, code, out, err) or ""
    return ""


def _wait(proc: subprocess.Popen, stdin: bytes | None, timeout: float):
    """Exit code, resource usage (its own peak memory) and output of one ``align`` process."""
    chunks: dict[str, list[bytes]] = {"out": [], "err": []}

    def drain(stream, key):
        for block in iter(lambda: stream.read(65536), b""):
            chunks[key].append(block)

    threads = [threading.Thread(target=drain, args=(s, k), daemon=True)
               for s, k in ((proc.stdout, "out"), (proc.stderr, "err")) if s is not None]
    for t in threads:
        t.start()
    if proc.stdin is not None:
        with contextlib.suppress(BrokenPipeError):
            proc.stdin.write(stdin or b"")
        proc.stdin.close()
    deadline = time.monotonic() + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.02)
    proc.returncode = os.waitstatus_to_exitcode(status)
    for t in threads:
        t.join(5)
    code = proc.returncode if proc.returncode >= 0 else 128 - proc.returncode
    return code, usage, b"".join(chunks["out"]), b"".join(chunks["err"])


def select(quick: bool, pattern: str = "") -> list[Case]:
    """The cases a run takes: those whose name contains ``pattern`` (quick ones only, if so)."""
    return [c for c in CASES if pattern in c.name and (c.quick or not quick)]


def run_all(cases: list[Case], quick: bool, jobs: int = 1,
            report: Callable[[Case, Outcome | None], None] | None = None
            ) -> list[tuple[Case, Outcome | None]]:
    """Run ``cases`` (``jobs`` at a time; each in its own folder and process) in order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_case, case, quick) for case in cases]
        out = []
        for case, future in zip(cases, futures):
            outcome = future.result()
            if report:
                report(case, outcome)
            out.append((case, outcome))
    return out


def _print_row(case: Case, outcome: Outcome | None) -> None:
    if outcome is None:
        print(f"{case.name[:58]:58} {'':>4} {'':>3} {'':>7} {'':>7} {'':>8} {'':>7}  n/a "
              "(needs root for mknod/chattr)", flush=True)
        return
    print(f"{outcome.case[:58]:58} {outcome.code!s:>4} {outcome.stderr_lines:>3} "
          f"{outcome.seconds:6.1f}s {outcome.cpu_seconds:6.1f}s {outcome.peak_mb:8.0f} "
          f"{'yes' if outcome.changed else 'no':>7}"
          f"  {'yes' if outcome.ok else 'NO: ' + outcome.why}", flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="the cases that run in seconds")
    parser.add_argument("-k", default="", help="only cases whose name contains this")
    parser.add_argument("--jobs", "-j", type=int, default=1,
                        help="cases run at once (times and peaks are per process either way)")
    opts = parser.parse_args(argv)
    print(f"{'case':58} {'exit':>4} {'err':>3} {'wall':>7} {'CPU':>7} {'peak MB':>8} "
          f"{'changed':>7}  ok")
    results = run_all(select(opts.quick, opts.k), opts.quick, opts.jobs, _print_row)
    failed = sum(1 for _c, o in results if o is not None and not o.ok)
    print(f"{len(results)} cases, {failed} missed the contract, "
          f"{sum(1 for _c, o in results if o is None)} not possible here")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
