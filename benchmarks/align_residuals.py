"""Missed gold beads by kind, for the default scorer (e5) on perturbed documents (figures, not a
test; issue 14, docs/similarity.md "Residual errors by kind").

    python benchmarks/align_residuals.py                     # tune split: 20 TICO-19 docs, seed 7
    python benchmarks/align_residuals.py --seeds 7,8
    python benchmarks/align_residuals.py --split test        # 40 FLORES-200 devtest docs, seed 7

Documents come from tests/perturb_docs.py (merges, deletions, stray full stops). A gold bead is
of kind ``1-1``, ``multi`` (its Arabic side holds several segments: a stray full stop or a
merged English pair), ``0-1`` (Arabic missing) or ``1-0`` (English missing). Tune choices on
the tune split only (docs/evaluation.md); run the test split once, at the end.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from perturb_docs import make_documents, pair_spans  # noqa: E402

from aligner.align import align_documents  # noqa: E402
from aligner.model import Block  # noqa: E402
from aligner.segment import segment  # noqa: E402
from aligner.similarity import make_scorer  # noqa: E402

KINDS = ("1-1", "multi", "0-1", "1-0")


def draw(source: str, seed: int, n_docs: int) -> dict:
    """F1 and (gold, missed) per kind over one draw of documents."""
    kinds = {k: [0, 0] for k in KINDS}
    hits = predicted = gold_total = 0
    t0 = time.perf_counter()
    for ar_text, en_text, gold in make_documents(source, n_docs, seed=seed):
        ar = segment(Block("ar.txt", "ar", ar_text, 0, len(ar_text)))
        en = segment(Block("en.txt", "en", en_text, 0, len(en_text)))
        spans = set(pair_spans(align_documents(ar, en, make_scorer("e5"))))
        hits += len(spans & set(gold))
        predicted += len(spans)
        gold_total += len(gold)
        for g in gold:
            if g[0] < 0:
                kind = "0-1"
            elif g[2] < 0:
                kind = "1-0"
            else:
                inside = sum(1 for s in ar.sentences if g[0] <= s.loc.start and s.loc.end <= g[1])
                kind = "1-1" if inside == 1 else "multi"
            kinds[kind][0] += 1
            kinds[kind][1] += g not in spans
    return {"f1": 2 * hits / (predicted + gold_total), "kinds": kinds,
            "seconds": time.perf_counter() - t0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("tune", "test"), default="tune")
    parser.add_argument("--seeds", default="7", help="comma-separated perturbation seeds")
    parser.add_argument("--docs", type=int, help="documents a draw (tune 20, test 40)")
    args = parser.parse_args()
    source = "tico" if args.split == "tune" else "flores"
    n_docs = args.docs or (20 if args.split == "tune" else 40)
    for seed in (int(s) for s in args.seeds.split(",")):
        r = draw(source, seed, n_docs)
        missed = sum(m for _, m in r["kinds"].values())
        per_kind = ", ".join(f"{k} {m}/{g}" for k, (g, m) in r["kinds"].items())
        print(f"{source} seed {seed}, {n_docs} docs: F1 {r['f1']:.4f}, missed {missed} "
              f"({per_kind}); {r['seconds']:.0f} s")


if __name__ == "__main__":
    main()
