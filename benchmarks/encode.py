"""Encoder time on the corpus (cold and cached) and bead F1 + time, lexical vs e5, on perturbed
documents. Prints figures; nothing here is a timed test.

    PYTHONPATH=. python benchmarks/encode.py [--docs N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from aligner import Config, check  # noqa: E402
from aligner.similarity import make_scorer  # noqa: E402
from tests.perturb_docs import align_texts, make_documents, pair_spans  # noqa: E402

CORPUS = ROOT / "corpora" / "almayadeen-iraq-russia" / "almayadeen-iraq-russia.txt"


def corpus_encoding() -> None:
    with tempfile.TemporaryDirectory() as cache:
        for label in ("cold cache", "warm cache"):
            t = time.perf_counter()
            result = check([str(CORPUS)], Config(scorer="e5", cache_dir=cache))
            total = time.perf_counter() - t
            print(f"corpus, {label}: {total:.2f} s for the whole check "
                  f"({len(result.pairs)} pairs)")
    from aligner.model import Block
    from aligner.segment import segment
    from aligner.sources import pick_sides, read_source

    src, tgt = pick_sides(read_source([str(CORPUS)]), None, None)
    sents = segment(src).sentences, segment(tgt).sentences
    with tempfile.TemporaryDirectory() as cache:
        for label in ("cold cache", "warm cache"):
            scorer = make_scorer("e5", cache_dir=cache)
            t = time.perf_counter()
            scorer.prepare(*sents)
            print(f"corpus encoding, {label}: {time.perf_counter() - t:.2f} s, "
                  f"{scorer.encoded} of {len(sents[0]) + len(sents[1])} sentences encoded")
    del Block


def perturbed(n_docs: int) -> None:
    with tempfile.TemporaryDirectory() as cache:
        for source in ("flores", "tico"):
            docs = make_documents(source, n_docs=n_docs, seed=1)
            for name, options in (("lexical", {}), ("e5", {"cache_dir": cache}),
                                  ("e5 (warm cache)", {"cache_dir": cache}),
                                  ("e5 + concatenations", {"cache_dir": cache,
                                                           "refine": True})):
                hits = predicted = gold_total = encoded = 0
                t = time.perf_counter()
                for ar, en, gold in docs:
                    scorer = make_scorer(name.split()[0], **options)
                    pred = pair_spans(align_texts(ar, en, scorer))
                    encoded += getattr(scorer, "encoded", 0)
                    hits += len(set(pred) & set(gold))
                    predicted += len(pred)
                    gold_total += len(gold)
                f1 = 2 * hits / (predicted + gold_total)
                print(f"{source:6} {name:22} strict bead F1 {f1:.4f}  "
                      f"{time.perf_counter() - t:6.1f} s  ({gold_total} gold beads, "
                      f"{encoded} texts encoded)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=4)
    args = parser.parse_args()
    corpus_encoding()
    perturbed(args.docs)


if __name__ == "__main__":
    main()
