"""Refit ``omission``'s contextual-alignment rule on the tune split (a grid; figures, not a test).

    python benchmarks/omission_aligned.py [--split tune|tune-short]

The rule (``OmissionParams.aligned_*``, docs/tuning.md) reports an Arabic clause of at least
``aligned_min`` content words, ``aligned_share`` of them aligned to no English word
(:mod:`aligner.similarity.word_align`), in a pair whose length z-score is at most ``aligned_z``
and whose length plus similarity z-score is at most ``aligned_joint``, when the word-table rule
did not report the pair. This script runs the real checks over ``benchmarks/drift.py``'s
documents with the rule's gates wide open, records for every gated pair its z-scores and, per
Arabic clause, how many content words it has and how many are unaligned, and prints for a grid
of thresholds the cut clauses the rule adds (pairs no other ``omission`` rule found) and the clean
pairs it adds an alarm to (pairs with no other meaning warning), per 100. Pick the row with the
most recall at no more than 0.2 added clean alarms in 100.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]

import drift  # noqa: E402

from aligner.checks import omission  # noqa: E402
from aligner.checks._support.base import Hit  # noqa: E402
from aligner.model import SRC, TGT, Severity  # noqa: E402
from aligner.similarity import make_scorer  # noqa: E402
from aligner.similarity.word_align import WordAligner, is_content_ar  # noqa: E402

_TAG = "\x00aligned"


def record(split: str) -> tuple[list[tuple[str | None, float, float, list]], dict, int, int]:
    """Per gated pair ``(kind, z, similarity z, [(content words, unaligned), ...])``, the other
    meaning findings per gold pair, and the clean and cut-clause pair counts."""
    aligner = WordAligner()
    features: dict[tuple[int, int], tuple[float, float, list]] = {}
    current: list[int] = [0]

    def recorder(ctx, pairs, reported, gates):
        for pair, alignment in zip(pairs, aligner.align([(p.text(SRC), p.text(TGT))
                                                        for p in pairs]), strict=True):
            free = ~alignment.ar_aligned
            clauses = []
            for start, end in omission.arabic_clauses(pair.text(SRC)):
                content = [k for k, t in enumerate(alignment.arabic)
                           if start <= t.start < end and is_content_ar(t)
                           and alignment.ar_seen[k]]
                clauses.append((len(content), int(sum(free[k] for k in content))))
            features[(current[0], pair.id)] = (*gates[pair.id], clauses)
            yield Hit(pair.id, SRC, (0, 0), _TAG + str(pair.id), "")

    omission._aligned_hits = recorder  # type: ignore[assignment]
    omission.PARAMS = dataclasses.replace(omission.PARAMS, aligned_z=0.0, aligned_joint=-0.5)
    docs = drift.build(split, full=True)
    config = drift._config(True)
    rows = []
    others: dict[tuple[int, int], set[str]] = {}
    for d, doc in enumerate(docs):
        current[0] = d
        for g, f in drift._findings_known(doc, make_scorer("e5", cache_dir=config.cache_dir),
                                          config):
            if f.message.startswith(_TAG):
                z, sz, clauses = features[(d, int(f.message[len(_TAG):]))]
                rows.append((d, g, doc.kinds[g], z, sz, clauses))
            elif f.check in drift.MEANING_CHECKS and f.severity.rank >= Severity.WARNING.rank:
                others.setdefault((d, g), set()).add(f.check)
    n_clean = sum(k is None for doc in docs for k in doc.kinds)
    n_clause = sum(k == "clause" for doc in docs for k in doc.kinds)
    return rows, others, n_clean, n_clause


def grid(rows, others, n_clean: int, n_clause: int) -> list[tuple[float, float, tuple]]:
    out = []
    for params in itertools.product((3, 4, 5, 6), (1.0, 0.8), (0.0, -0.5, -1.0),
                                    (-1.0, -1.5, -2.0, -2.5)):
        least, share, zg, jg = params
        clean, found = set(), set()
        for d, g, kind, z, sz, clauses in rows:
            if z > zg or z + sz > jg:
                continue
            if not any(n >= least and lost >= share * n for n, lost in clauses):
                continue
            if kind is None and not others.get((d, g)):
                clean.add((d, g))
            if kind == "clause" and "omission" not in others.get((d, g), ()):
                found.add((d, g))
        out.append((len(found) / max(1, n_clause), 100 * len(clean) / max(1, n_clean), params))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", default="tune", choices=("tune", "tune-short"))
    args = parser.parse_args(argv)
    rows, others, n_clean, n_clause = record(args.split)
    print(f"{args.split}: {n_clean} clean pairs, {n_clause} cut clauses, {len(rows)} gated pairs")
    print("added recall  added clean/100  (aligned_min, aligned_share, aligned_z, aligned_joint)")
    results = grid(rows, others, n_clean, n_clause)
    for recall, clean, params in sorted(results, key=lambda r: (-r[0], r[1])):
        if clean <= 0.5:
            print(f"{recall:12.3f}  {clean:15.2f}  {params}")
    best = max((r for r in results if r[1] <= 0.2), key=lambda r: (r[0], -r[1]),
               default=None)
    print("best at <= 0.2 added clean alarms in 100:", best)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
