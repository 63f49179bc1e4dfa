"""Throughput of ``align batch`` (figures, not a test): sentence pairs checked per second.

    python benchmarks/batch.py [--articles 100] [--sentences 5] [--scorer lexical] [--no-dask]

Writes ``--articles`` parallel articles of ``--sentences`` FLORES-200 devtest sentence pairs
each (NAME.ar.txt + NAME.en.txt), then checks the same sources with:

* ``align check DIR --json --html-dir --tmx`` (one process, the same kinds of outputs), what a
  user would run without ``align batch``;
* ``align batch`` with 1 and 2 local worker processes;
* ``align batch --executor dask`` on a LocalCluster of 2 workers (skipped without Dask).

Each row is one ``align`` command in a fresh process, timed from start to exit: Python's start,
the workers' start and every output written (for ``align batch``: per-source JSON and HTML,
merged TMX, index, summary; nothing is resumed, each run has an empty output folder). The
pair counts must agree across rows; the script exits 1 if they do not. With the default size
it runs in about a minute on a laptop; throughput grows with --articles as start-up is spread.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.export.json import read_results  # noqa: E402

FLORES = ROOT / "tests" / "data" / "flores200"


def write_articles(folder: Path, articles: int, sentences: int) -> None:
    ar = (FLORES / "arb_Arab.devtest").read_text(encoding="utf-8").splitlines()
    en = (FLORES / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(articles):
        # Wrap around the 1012 devtest lines: a large archive repeats sentences, which the
        # lexical scorer does not cache, so throughput is unchanged by it.
        rows = [(k * sentences + j) % len(ar) for j in range(sentences)]
        (folder / f"art{k:05d}.ar.txt").write_text("\n".join(ar[r] for r in rows) + "\n",
                                                   encoding="utf-8")
        (folder / f"art{k:05d}.en.txt").write_text("\n".join(en[r] for r in rows) + "\n",
                                                   encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--sentences", type=int, default=5)
    parser.add_argument("--scorer", default="lexical")
    parser.add_argument("--no-dask", action="store_true", help="Leave out the Dask row.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]), "CI": "true",
            "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(Path(tmp) / "cache"))}
        src = Path(tmp) / "src"
        write_articles(src, args.articles, args.sentences)
        print(f"{args.articles} articles x {args.sentences} sentences, scorer={args.scorer}, "
              f"{os.cpu_count()} CPUs; each row is one `align` command, outputs included")
        print(f"{'run':<40} {'seconds':>8} {'pairs':>7} {'pairs/s':>8}")
        common = ["--scorer", args.scorer, "-q"]
        out = Path(tmp) / "check"
        out.mkdir()
        runs = [("align check DIR --json --html-dir --tmx",
                 ["check", str(src), *common, "--json", str(out / "all.json"),
                  "--html-dir", str(out / "reports"), "--tmx", str(out / "all.tmx")],
                 lambda: sum(len(r.pairs) for r in read_results(out / "all.json")))]
        for label, extra in [("align batch --jobs 1", ["--jobs", "1"]),
                             ("align batch --jobs 2", ["--jobs", "2"]),
                             ("align batch --executor dask (2 workers)",
                              ["--jobs", "2", "--executor", "dask"])]:
            if "dask" in label and (args.no_dask or importlib.util.find_spec("distributed")
                                    is None):
                print("(Dask row left out: --no-dask, or pip install 'aligner[dask]')")
                continue
            folder = Path(tmp) / f"batch{len(runs)}"
            runs.append((label, ["batch", str(src), "--out", str(folder), *common, *extra],
                         lambda folder=folder: _summary_pairs(folder)))
        counts = set()
        for label, argv, pairs_of in runs:
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "aligner", *argv], env=env, cwd=tmp,
                                  capture_output=True, text=True)
            seconds = time.perf_counter() - t0
            if done.returncode not in (0, 1):
                print(f"{label}: exit {done.returncode}: {done.stderr.strip()[-300:]}")
                return 1
            counts.add(pairs_of())
            _print((label, seconds, max(counts)))
    if len(counts) != 1:
        print("the runs disagree on the number of pairs")
        return 1
    return 0


def _summary_pairs(folder: Path) -> int:
    lines = (folder / "summary.jsonl").read_text(encoding="utf-8").splitlines()
    return sum(json.loads(line).get("pairs", 0) for line in lines)


def _print(row: tuple[str, float, int]) -> None:
    label, seconds, pairs = row
    print(f"{label:<40} {seconds:>8.2f} {pairs:>7} {pairs / seconds:>8.1f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
