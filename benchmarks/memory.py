"""Peak memory per aligned pair of ``align check`` (issue 11: at most 30 KB a pair at 100k pairs).

    python benchmarks/memory.py                    # 1k and 10k pairs (about a minute)
    python benchmarks/memory.py --sizes 10000,100000
    python benchmarks/memory.py --trace 10000      # where the memory is: tracemalloc, by line
    python benchmarks/memory.py --read 100         # reading and segmenting a 100 MB source

Each size is one ``python -m aligner check SOURCE --scorer lexical --json OUT`` process on a
generated combined source of N Arabic lines and their N English translations (numbered, so no
two sentences are the same and every pair gets a number to check). Its peak resident memory
(``wait4``'s ``ru_maxrss``) minus that of the same command on a one-pair source (the program
and its imports, about 70 MB), divided by N, is the figure. The baseline a user would otherwise
have is the same command before this work: 152 KB a pair at 10k (docs/security.md).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_KB = 30


def _arabic(k0: int, k1: int) -> str:
    return "".join(f"قال الوزير إن {k} طائرة وصلت إلى المطار اليوم من العاصمة.\n"
                   for k in range(k0, k1))


def _english(k0: int, k1: int) -> str:
    return "".join(f"The minister said {k} planes arrived at the airport today from the capital.\n"
                   for k in range(k0, k1))


def source_text(n: int) -> str:
    """N numbered Arabic sentences, a blank line, their N English translations."""
    return _arabic(0, n) + "\n" + _english(0, n)


def measure(n: int, folder: Path) -> tuple[float, float, int]:
    """(peak resident MB, wall seconds, exit code) of one ``align check`` on N pairs."""
    src = folder / f"pairs-{n}.txt"
    src.write_text(source_text(n), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for name in ("GITHUB_ACTIONS", "CI"):
        env.pop(name, None)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "aligner", "check", str(src), "--scorer",
                             "lexical", "--quiet", "--json", str(folder / f"out-{n}.json")],
                            cwd=folder, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    src.unlink()
    return usage.ru_maxrss / 1024, seconds, os.waitstatus_to_exitcode(status)


def trace(n: int, top: int = 15) -> None:
    """Per stage of one run on N pairs, in process: what the stage holds when it ends and its
    peak above what was held when it started (tracemalloc, KB a pair), then the lines that hold
    the most once the result is built."""
    import tracemalloc

    sys.path.insert(0, str(ROOT))
    from aligner.align import align_documents
    from aligner.config import Config
    from aligner.export.json import dumps
    from aligner.pipeline import _checked
    from aligner.segment import segment
    from aligner.similarity import make_scorer
    from aligner.sources import pick_sides, read_source

    with tempfile.TemporaryDirectory(prefix="memory-") as tmp:
        src = Path(tmp) / "pairs.txt"
        src.write_text(source_text(n), encoding="utf-8")
        config = Config(scorer="lexical").with_glossary()
        scorer = make_scorer("lexical")
        tracemalloc.start(1)
        rows = []

        def stage(name, run):
            before = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            value = run()
            current, peak = tracemalloc.get_traced_memory()
            rows.append((name, (current - before) / n / 1024, (peak - before) / n / 1024))
            return value

        source = stage("read", lambda: read_source([str(src)], None, 10**9))
        ar, en = pick_sides(source, None, None, True)
        docs = stage("segment", lambda: (segment(ar), segment(en)))
        pairs = stage("align", lambda: align_documents(docs[0], docs[1], scorer))
        result = stage("check", lambda: _checked(pairs, "ar", "en", config, source.files, [],
                                                  scorer.signature()))
        snapshot = tracemalloc.take_snapshot()
        stage("json", lambda: len(dumps([result])))
        tracemalloc.stop()
    print(f"{n} pairs, KB a pair: {'stage':8} {'held after':>10} {'peak above start':>16}")
    for name, held, peak in rows:
        print(f"{'':22}{name:8} {held:10.1f} {peak:16.1f}")
    print(f"{'KB/pair':>8} {'count':>9}  line (held once the result is built)")
    for stat in snapshot.statistics("lineno")[:top]:
        frame = stat.traceback[0]
        path = Path(frame.filename)
        name = path.relative_to(ROOT) if ROOT in path.parents else path.name
        print(f"{stat.size / n / 1024:8.2f} {stat.count:9}  {name}:{frame.lineno}")


_READ_CHILD = """
import resource, sys, time
sys.path.insert(0, sys.argv[2])
from aligner.segment import segment
from aligner.sources import pick_sides, read_source
def peak():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start, t0 = peak(), time.perf_counter()
source = read_source([sys.argv[1]], None, 10**9)
read, t1 = peak(), time.perf_counter()
ar, en = pick_sides(source, None, None, True)
docs = segment(ar), segment(en)
print(start, read, peak(), t1 - t0, time.perf_counter() - t1,
      sum(len(d.sentences) for d in docs))
"""


def read_and_segment(megabytes: float) -> None:
    """Peak resident memory of reading a combined source of about ``megabytes`` MB and of
    segmenting it, in a fresh process (issue 14: sources are streamed)."""
    pair = len(source_text(1).encode("utf-8"))
    n = int(megabytes * 1e6 / pair)
    with tempfile.TemporaryDirectory(prefix="memory-") as tmp:
        src = Path(tmp) / "pairs.txt"
        with open(src, "w", encoding="utf-8") as out:
            # source_text(n), written in parts: this process stays small too.
            for k in range(0, n, 10000):
                out.write(_arabic(k, min(n, k + 10000)))
            out.write("\n")
            for k in range(0, n, 10000):
                out.write(_english(k, min(n, k + 10000)))
        size = src.stat().st_size / 1e6
        proc = subprocess.run([sys.executable, "-c", _READ_CHILD, str(src), str(ROOT)],
                              capture_output=True, text=True, check=False)
    if proc.returncode:
        print(proc.stderr.strip()[-500:])
        return
    start, read, segmented, t_read, t_seg, sentences = proc.stdout.split()
    print(f"{size:.0f} MB source: interpreter and imports {float(start):.0f} MB; peak after "
          f"reading {float(read):.0f} MB ({float(t_read):.1f} s); after segmenting "
          f"{float(segmented):.0f} MB ({float(t_seg):.1f} s, {sentences} sentences)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="pair counts, comma-separated")
    parser.add_argument("--trace", type=int, default=0, metavar="N",
                        help="instead: tracemalloc's top lines for N pairs, in process")
    parser.add_argument("--read", type=float, default=0, metavar="MB",
                        help="instead: peak memory of reading and segmenting an MB source")
    opts = parser.parse_args(argv)
    if opts.read:
        read_and_segment(opts.read)
        return 0
    if opts.trace:
        trace(opts.trace)
        return 0
    with tempfile.TemporaryDirectory(prefix="memory-") as tmp:
        folder = Path(tmp)
        base, _s, code = measure(1, folder)
        print(f"baseline (1 pair): {base:.0f} MB peak, exit {code}")
        print(f"{'pairs':>8} {'peak MB':>8} {'time s':>7} {'KB/pair':>8}  target ≤ {TARGET_KB}")
        worst = 0.0
        for n in (int(x) for x in opts.sizes.split(",")):
            peak, seconds, code = measure(n, folder)
            per = (peak - base) * 1024 / n
            worst = max(worst, per)
            print(f"{n:>8} {peak:>8.0f} {seconds:>7.1f} {per:>8.1f}  exit {code}", flush=True)
    return 0 if worst <= TARGET_KB else 1


if __name__ == "__main__":
    sys.exit(main())
