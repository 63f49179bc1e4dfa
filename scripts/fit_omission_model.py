"""Fit ``omission``'s contextual-alignment model on the tune split and write
``aligner/data/omission_model.json``.

    python scripts/fit_omission_model.py [--dry-run]

The alignment rule (``aligner/checks/omission.py``, e5 scorer only) judges the pairs that are
short and score low in their document (``OmissionParams.aligned_z`` / ``aligned_joint``) and
that no other ``omission`` rule reported, on the features :func:`omission.aligned_evidence`
computes from contextual word alignment (which Arabic words align to no English word, how alike
the weakest clause's words are to any English word, the length and similarity z-scores).

The data: ``benchmarks/drift.py``'s tune documents (TICO-19 + UD Arabic-PUD; never the test
split), built with two damage seeds so that there are twice as many cut clauses to learn from,
run through the real checks with this rule replaced by a recorder. A cut clause is a positive,
a clean pair a negative; other damage is left out. Then:

* a logistic regression (standardised features, L2 penalty) scored by two-fold cross-validation,
  the folds alternating blocks of :data:`FOLD_BLOCK` consecutive source pairs (both seeds cut
  the same sequence of pairs into documents, so a fold by built document would test on
  sentences the model has seen; a document belongs to the block of its first pair);
* the cut: the cross-validated score of the most cut clauses found while the rule adds at most
  :data:`CLEAN_BUDGET` alarms in 100 clean pairs (pairs no other meaning check flagged);
* the model fitted on all the data, its standardisation folded into the weights, written with
  the cut as a probability.

Nothing in it is random (fixed damage seeds, Newton's method from zero weights, fixed folds).
It takes about ten minutes on two cores (the e5 embedding cache warm).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts"), str(ROOT / "tests"), str(ROOT)]

import drift  # noqa: E402
from fit_confidence import fit  # noqa: E402

from aligner.checks import omission  # noqa: E402
from aligner.checks._support.base import Hit  # noqa: E402
from aligner.model import SRC, TGT, Severity  # noqa: E402
from aligner.similarity import make_scorer  # noqa: E402
from aligner.similarity.word_align import WordAligner  # noqa: E402

SEEDS = (11, 23)
#: Alarms the rule may add on clean pairs, per 100 (the whole clean budget is 2).
CLEAN_BUDGET = 0.1
L2 = 1.0
FOLD_BLOCK = 500
OUT = ROOT / "aligner" / "data" / omission.ALIGNED_MODEL[0]
_TAG = "\x00aligned"


@dataclasses.dataclass
class Row:
    fold: int
    kind: str | None
    features: dict[str, float]
    others: frozenset[str] = frozenset()


def record(seed: int, aligner: WordAligner) -> tuple[list[Row], int, int]:
    """The rule's gated pairs of one seed's tune documents, with their features, the other
    meaning checks' verdicts and their fold; and the seed's clean and cut-clause counts."""
    sequence = [ar for _name, gs in drift.split_groups("tune") for g in gs for ar, _en in g]
    position = {ar.strip(): n for n, ar in reversed(list(enumerate(sequence)))}
    features: dict[tuple[int, int], dict[str, float]] = {}
    current = [0]

    def recorder(ctx, pairs, reported, gates):
        texts = [(p.text(SRC), p.text(TGT)) for p in pairs]
        for pair, alignment in zip(pairs, aligner.align(texts), strict=True):
            evidence = omission.aligned_evidence(alignment, pair.text(SRC), *gates[pair.id],
                                                 float(pair.score or 0.0))
            features[(current[0], pair.id)] = evidence.features
            yield Hit(pair.id, SRC, (0, 0), _TAG + str(pair.id), "")

    saved = omission._aligned_hits
    omission._aligned_hits = recorder  # type: ignore[assignment]
    try:
        docs = drift.build("tune", full=True, seed=seed)
        config = drift._config(True)
        scorer = make_scorer("e5", cache_dir=config.cache_dir)
        gated: dict[tuple[int, int], dict[str, float]] = {}
        others: dict[tuple[int, int], set[str]] = {}
        for d, doc in enumerate(docs):
            current[0] = d
            for g, f in drift._findings_known(doc, scorer, config):
                if f.message.startswith(_TAG):
                    gated[(d, g)] = features[(d, int(f.message[len(_TAG):]))]
                elif (f.check in drift.MEANING_CHECKS
                      and f.severity.rank >= Severity.WARNING.rank):
                    others.setdefault((d, g), set()).add(f.check)
    finally:
        omission._aligned_hits = saved
    rows = []
    for (d, g), feats in sorted(gated.items()):
        doc = docs[d]
        first = doc.ar_text[doc.spans[0][0]:doc.spans[0][1]].strip()
        rows.append(Row(position.get(first, 0) // FOLD_BLOCK % 2, doc.kinds[g], feats,
                        frozenset(others.get((d, g), ()))))
    n_clean = sum(k is None for doc in docs for k in doc.kinds)
    n_clause = sum(k == "clause" for doc in docs for k in doc.kinds)
    return rows, n_clean, n_clause


def _useful(row: Row) -> bool:
    """A row the model learns from: a cut clause no other ``omission`` rule found, or a clean
    pair."""
    return row.kind is None or (row.kind == "clause" and "omission" not in row.others)


def _standardised(rows: list[Row], names: list[str]):
    import numpy as np

    x = np.array([[r.features[n] for n in names] for r in rows], float)
    mean, spread = x.mean(axis=0), x.std(axis=0) + 1e-9
    return (x - mean) / spread, mean, spread


def _scores(weights: list[float], x) -> list[float]:
    return [weights[0] + sum(w * v for w, v in zip(weights[1:], row)) for row in x]


def choose_cut(scored: list[tuple[float, Row]], n_clean: int) -> tuple[float, int, int]:
    """The score above which the rule reports: the most cut clauses while at most
    :data:`CLEAN_BUDGET` in 100 clean pairs get a new alarm. Returns the cut, the clauses
    found and the clean alarms added."""
    allowed = math.floor(CLEAN_BUDGET * n_clean / 100 + 1e-9)
    ranked = sorted(scored, key=lambda s: -s[0])
    best = (ranked[0][0] + 1.0, 0, 0) if ranked else (0.0, 0, 0)
    found = clean = 0
    for k, (score, row) in enumerate(ranked):
        if row.kind == "clause":
            found += 1
        elif not row.others:
            clean += 1
        if clean > allowed:
            break
        below = ranked[k + 1][0] if k + 1 < len(ranked) else score - 1.0
        if found > best[1]:
            best = ((score + below) / 2, found, clean)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    args = parser.parse_args(argv)
    import numpy as np

    aligner = WordAligner()
    rows: list[Row] = []
    n_clean = n_clause = 0
    for seed in SEEDS:
        seed_rows, c, k = record(seed, aligner)
        rows += seed_rows
        n_clean += c
        n_clause += k
    rows = [r for r in rows if _useful(r)]
    names = sorted(rows[0].features)
    positive = [int(r.kind == "clause") for r in rows]
    print(f"tune, seeds {SEEDS}: {n_clean} clean pairs, {n_clause} cut clauses; "
          f"{len(rows)} pairs reach the rule, {sum(positive)} of them cut clauses")

    scored: list[tuple[float, Row]] = []
    for fold in (0, 1):
        train = [r for r in rows if r.fold != fold]
        test = [r for r in rows if r.fold == fold]
        x, mean, spread = _standardised(train, names)
        weights = fit(x.tolist(), [int(r.kind == "clause") for r in train], L2)
        tx = (np.array([[r.features[n] for n in names] for r in test], float) - mean) / spread
        scored += list(zip(_scores(weights, tx), test, strict=True))
    cut, found, clean = choose_cut(scored, n_clean)
    print(f"cross-validated, at most {CLEAN_BUDGET} new clean alarms in 100: "
          f"+{found} cut clauses of {n_clause} (+{found / n_clause:.3f}), "
          f"+{clean} clean alarms ({100 * clean / n_clean:.2f} in 100)")

    x, mean, spread = _standardised(rows, names)
    weights = fit(x.tolist(), positive, L2)
    raw = {n: round(float(w / s), 6) for n, w, s in zip(names, weights[1:], spread)}
    bias = round(float(weights[0] - sum(w * m / s for w, m, s in zip(weights[1:], mean,
                                                                      spread))), 6)
    probability_cut = round(1.0 / (1.0 + math.exp(-cut)), 6)
    for name in names:
        print(f"  {name:22} {raw[name]:+.4f}")
    print(f"  {'bias':22} {bias:+.4f}   cut {probability_cut}")
    data = {
        "about": "omission's contextual-alignment model, fitted on the tune split by "
                 "scripts/fit_omission_model.py (docs/tuning.md): a gated pair is reported "
                 "when its probability is at or above the cut.",
        "fitted_on": {"split": "tune", "seeds": list(SEEDS), "clean_pairs": n_clean,
                      "cut_clauses": n_clause, "rows": len(rows),
                      "cross_validated_found": found, "cross_validated_clean": clean},
        "models": {omission.ALIGNED_MODEL[1]: {"weights": raw, "bias": bias,
                                               "cut": probability_cut}},
    }
    if not args.dry_run:
        OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
