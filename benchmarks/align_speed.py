"""Alignment time and bead F1 against document length (figures, not a test).

    python benchmarks/align_speed.py [--scorer lexical] [--sizes 100,250,500,1000]

Builds perturbed documents from FLORES-200 (tests/perturb_docs.py) and prints, per size, the
time spent segmenting and aligning and the strict bead F1. Cost should grow about linearly.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from perturb_docs import bead_f1, make_documents, pair_spans  # noqa: E402

from aligner.align import align_documents  # noqa: E402
from aligner.model import Block  # noqa: E402
from aligner.segment import segment  # noqa: E402
from aligner.similarity import make_scorer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scorer", default="lexical")
    parser.add_argument("--sizes", default="100,250,500,1000")
    args = parser.parse_args()
    print(f"scorer={args.scorer}")
    print(f"{'sentences':>9} {'segment s':>9} {'align s':>8} {'ms/sent':>8} {'F1':>6}")
    for n in (int(x) for x in args.sizes.split(",")):
        (ar_text, en_text, gold), = make_documents("flores", 1, seed=0, min_sents=n,
                                                   max_sents=n)
        t0 = time.perf_counter()
        ar = segment(Block("ar", "ar", ar_text, 0, len(ar_text)))
        en = segment(Block("en", "en", en_text, 0, len(en_text)))
        t1 = time.perf_counter()
        result = align_documents(ar, en, make_scorer(args.scorer))
        t2 = time.perf_counter()
        f1 = bead_f1(pair_spans(result), gold)
        print(f"{n:>9} {t1 - t0:>9.2f} {t2 - t1:>8.2f} {1000 * (t2 - t1) / n:>8.1f} {f1:>6.3f}")


if __name__ == "__main__":
    main()
