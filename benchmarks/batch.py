"""Throughput of ``align batch`` (figures, not a test): sentence pairs checked per second.

    python benchmarks/batch.py [--articles 100] [--sentences 5] [--scorer lexical] [--no-dask]

Writes ``--articles`` parallel articles of ``--sentences`` FLORES-200 devtest sentence pairs
each (NAME.ar.txt + NAME.en.txt), then checks the same sources with:

* ``align check DIR`` in one process, what a user would run without ``align batch``;
* ``align batch`` with 1 and 2 local worker processes;
* ``align batch --executor dask`` on a LocalCluster of 2 workers (skipped without Dask).

Every batch run starts from an empty output folder (nothing is resumed) and its time includes
starting the workers and writing every output (JSON, HTML, merged TMX, index, summary). The
pair counts must agree across rows; the script exits 1 if they do not. With the default size
it runs in about a minute on a laptop; throughput grows with --articles as start-up is spread.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner.batch import BatchOptions, run_batch  # noqa: E402
from aligner.config import Config  # noqa: E402
from aligner.gate import check_all  # noqa: E402
from aligner.sources.discover import plan_sources  # noqa: E402

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
    config = Config(scorer=args.scorer)
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("XDG_CACHE_HOME", str(Path(tmp) / "cache"))
        src = Path(tmp) / "src"
        write_articles(src, args.articles, args.sentences)
        print(f"{args.articles} articles x {args.sentences} sentences, scorer={args.scorer}, "
              f"{os.cpu_count()} CPUs")
        print(f"{'run':<40} {'seconds':>8} {'pairs':>7} {'pairs/s':>8}")
        rows = []

        t0 = time.perf_counter()
        results = check_all(plan_sources([str(src)]), config.with_glossary())
        rows.append(("align check DIR (one process)", time.perf_counter() - t0,
                     sum(len(r.pairs) for r in results)))
        _print(rows[-1])
        runs = [("align batch --jobs 1", BatchOptions(jobs=1)),
                ("align batch --jobs 2", BatchOptions(jobs=2))]
        if not args.no_dask:
            try:
                import distributed  # noqa: F401
                runs.append(("align batch --executor dask (2 workers)",
                             BatchOptions(jobs=2, executor="dask")))
            except ImportError:
                print("(Dask row skipped: pip install 'aligner[dask]')")
        for k, (label, options) in enumerate(runs):
            t0 = time.perf_counter()
            report = run_batch([str(src)], config, Path(tmp) / f"out{k}", options)
            seconds = time.perf_counter() - t0
            if report.failed:
                print(f"{label}: {len(report.failed)} source(s) failed: "
                      f"{report.failed[0]['error']}")
                return 1
            rows.append((label, seconds, sum(r["pairs"] for r in report.records)))
            _print(rows[-1])
    if len({pairs for _, _, pairs in rows}) != 1:
        print("the runs disagree on the number of pairs")
        return 1
    return 0


def _print(row: tuple[str, float, int]) -> None:
    label, seconds, pairs = row
    print(f"{label:<40} {seconds:>8.2f} {pairs:>7} {pairs / seconds:>8.1f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
