"""Fit the clause models of ``omission`` and ``addition`` on the tune split and write
``aligner/data/clause_models.json``.

    python scripts/fit_clause_models.py [--dry-run] [--grid]

Both checks judge, with the e5 scorer, the pairs their gates let through (``omission``: a
translation short for its document and scoring low in it, ``OmissionParams.aligned_z`` /
``aligned_joint``; ``addition``: long and scoring low, ``AdditionParams``) on the features
:func:`aligner.checks._support.clauses.evidence` computes from contextual word alignment:
which words of the clause's side align to no word of the other side, how alike the weakest
clause's words are to any word there, how much of the other side is unaligned, the length and
similarity z-scores.

The data: ``benchmarks/drift.py``'s tune documents (TICO-19 + UD Arabic-PUD; never the test
split), each built with two damage seeds so that there is twice as much damage to learn from:
issue 13's six kinds for ``omission`` (a cut clause is a positive), the six and added clauses
(``--kinds number,clause,negation,name,term,unrelated,addition``) for ``addition``: damage of
one kind in a third of the pairs would move the document's own length and similarity norms, and
the model would learn gates no real document has. Clean pairs are the negatives, other damage
is left out. They run through the real checks with :func:`clauses.judged` replaced by a
recorder, the fitted check's gates opened to :data:`RECORD_GATES` (so that ``--grid`` can
compare gates on one recording). Then, per check:

* the rows its shipped gates let through, less the damage its other rules already found;
* a logistic regression (standardised features, L2 penalty) scored by two-fold cross-validation,
  the folds alternating blocks of :data:`FOLD_BLOCK` consecutive source pairs (both seeds cut
  the same sequence of pairs into documents, so a fold by built document would test on
  sentences the model has seen; a document belongs to the block of its first pair);
* the cut: the cross-validated score of the most damage found while the rule adds at most
  :data:`CLEAN_BUDGET` alarms in 100 clean pairs (pairs no other meaning check flagged);
* the model fitted on all those rows, its standardisation folded into the weights, written with
  the cut as a probability.

Nothing in it is random (fixed damage seeds, Newton's method from zero weights, fixed folds).
It takes about twenty minutes on two cores (the e5 embedding cache warm).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT / "scripts"), str(ROOT / "tests"), str(ROOT)]

import drift  # noqa: E402
from fit_confidence import fit  # noqa: E402

from aligner.checks import addition, omission  # noqa: E402
from aligner.checks._support import clauses  # noqa: E402
from aligner.model import SRC, TGT, Severity  # noqa: E402
from aligner.similarity import make_scorer  # noqa: E402
from aligner.similarity.word_align import WordAligner  # noqa: E402

SEEDS = (11, 23)
#: Alarms a rule may add on clean pairs, per 100 (the whole clean budget is 2).
CLEAN_BUDGET = 0.1
L2 = 1.0
FOLD_BLOCK = 500
OUT = ROOT / "aligner" / "data" / clauses.MODELS


@dataclasses.dataclass(frozen=True)
class Target:
    """One check's model: the damage it learns, the side its clauses are on, its gates."""

    check: str
    damage: str
    kinds: tuple[str, ...]
    side: str
    gated: Callable[[float, float], bool]
    #: Gates wide enough for ``--grid``, set while recording.
    open_params: Callable[[], None]
    restore: Callable[[], None]


def _omission_gate(z: float, sz: float) -> bool:
    p = omission.OmissionParams()
    return z <= p.aligned_z and z + sz <= p.aligned_joint


def _addition_gate(z: float, sz: float) -> bool:
    p = addition.AdditionParams()
    return z >= p.aligned_z and z - sz >= p.aligned_joint


#: Gates while recording: wider than any shipped value the grid tries.
RECORD_GATES = {"omission": (0.0, -1.0), "addition": (0.0, 1.0)}


def _set(module, **values) -> Callable[[], None]:
    def apply() -> None:
        module.PARAMS = dataclasses.replace(module.PARAMS, **values)
    return apply


def targets() -> list[Target]:
    oz, oj = RECORD_GATES["omission"]
    az, aj = RECORD_GATES["addition"]
    return [
        Target("omission", "clause", drift.KINDS, SRC, _omission_gate,
               _set(omission, aligned_z=oz, aligned_joint=oj),
               _set(omission, **dataclasses.asdict(omission.OmissionParams()))),
        Target("addition", "addition", (*drift.KINDS, "addition"), TGT, _addition_gate,
               _set(addition, aligned_z=az, aligned_joint=aj),
               _set(addition, **dataclasses.asdict(addition.AdditionParams()))),
    ]


@dataclasses.dataclass
class Row:
    fold: int
    kind: str | None
    features: dict[str, float]
    others: frozenset[str] = frozenset()


def record(target: Target, seed: int, aligner: WordAligner) -> tuple[list[Row], int, int]:
    """The pairs that reach ``target``'s rule in one seed's tune documents, with their
    features, the other meaning checks' verdicts and their fold; and the seed's clean and
    damaged pair counts."""
    sequence = [ar for _name, gs in drift.split_groups("tune") for g in gs for ar, _en in g]
    position = {ar.strip(): n for n, ar in reversed(list(enumerate(sequence)))}
    features: dict[int, dict[str, float]] = {}
    original = clauses.judged

    def recorder(pairs, gates, side, check):
        if check != target.check:
            return original(pairs, gates, side, check)
        for pair, found in clauses.evidence(pairs, gates, side, aligner):
            features[pair.id] = found.features
        return iter(())

    clauses.judged = recorder  # type: ignore[assignment]
    target.open_params()
    try:
        docs = drift.build("tune", full=True, seed=seed, damage_kinds=target.kinds)
        config = drift._config(True)
        scorer = make_scorer("e5", cache_dir=config.cache_dir)
        rows = []
        for doc in docs:
            features.clear()
            others: dict[int, set[str]] = {}
            for g, f in drift._findings_known(doc, scorer, config):
                if f.check in drift.MEANING_CHECKS and f.severity.rank >= Severity.WARNING.rank:
                    others.setdefault(g, set()).add(f.check)
            _pairs, golds, _sig = drift._known_pairs(doc, scorer)
            first = doc.ar_text[doc.spans[0][0]:doc.spans[0][1]].strip()
            fold = position.get(first, 0) // FOLD_BLOCK % 2
            for pair_id, feats in sorted(features.items()):
                if len(golds[pair_id]) == 1:    # a pair that holds one gold pair
                    g = golds[pair_id][0]
                    rows.append(Row(fold, doc.kinds[g], feats, frozenset(others.get(g, ()))))
    finally:
        clauses.judged = original
        target.restore()
    n_clean = sum(k is None for doc in docs for k in doc.kinds)
    n_damaged = sum(k == target.damage for doc in docs for k in doc.kinds)
    return rows, n_clean, n_damaged


def _standardised(rows: list[Row], names: list[str]):
    import numpy as np

    x = np.array([[r.features[n] for n in names] for r in rows], float)
    mean, spread = x.mean(axis=0), x.std(axis=0) + 1e-9
    return (x - mean) / spread, mean, spread


def choose_cut(scored: list[tuple[float, Row]], n_clean: int, damage: str = "clause",
               ) -> tuple[float, int, int]:
    """The score above which the rule reports: the most pairs with ``damage`` while at most
    :data:`CLEAN_BUDGET` in 100 clean pairs get a new alarm. Returns the cut, the damaged
    pairs found and the clean alarms added."""
    allowed = math.floor(CLEAN_BUDGET * n_clean / 100 + 1e-9)
    ranked = sorted(scored, key=lambda s: -s[0])
    best = (ranked[0][0] + 1.0, 0, 0) if ranked else (0.0, 0, 0)
    found = clean = 0
    for k, (score, row) in enumerate(ranked):
        if row.kind == damage:
            found += 1
        elif row.kind is None and not row.others:
            clean += 1
        if clean > allowed:
            break
        below = ranked[k + 1][0] if k + 1 < len(ranked) else score - 1.0
        if found > best[1]:
            best = ((score + below) / 2, found, clean)
    return best


def cross_validated(rows: list[Row], names: list[str], damage: str) -> list[tuple[float, Row]]:
    """Every row's score from the model fitted on the other fold."""
    import numpy as np

    scored: list[tuple[float, Row]] = []
    for fold in (0, 1):
        train = [r for r in rows if r.fold != fold]
        test = [r for r in rows if r.fold == fold]
        if not train or not test:
            continue
        x, mean, spread = _standardised(train, names)
        weights = fit(x.tolist(), [int(r.kind == damage) for r in train], L2)
        tx = (np.array([[r.features[n] for n in names] for r in test], float) - mean) / spread
        scores = tx @ np.array(weights[1:]) + weights[0]
        scored += list(zip(scores.tolist(), test, strict=True))
    return scored


def fit_target(target: Target, rows: list[Row], n_clean: int, n_damaged: int,
               gated: Callable[[float, float], bool]) -> tuple[dict, str]:
    """The model of one check over the rows its gates let through, and a line of figures."""
    kept = [r for r in rows if gated(r.features["length_z"], r.features["similarity_z"])
            and (r.kind is None or (r.kind == target.damage and target.check not in r.others))]
    names = sorted(kept[0].features)
    cut, found, clean = choose_cut(cross_validated(kept, names, target.damage), n_clean,
                                   target.damage)
    line = (f"{target.check}: {len(kept)} pairs reach the rule, "
            f"{sum(r.kind == target.damage for r in kept)} with damage no other rule found; "
            f"cross-validated at most {CLEAN_BUDGET} new clean alarms in 100: +{found} of "
            f"{n_damaged} ({found / max(n_damaged, 1):.3f}) for +{clean} clean alarms "
            f"({100 * clean / n_clean:.2f} in 100)")
    x, mean, spread = _standardised(kept, names)
    weights = fit(x.tolist(), [int(r.kind == target.damage) for r in kept], L2)
    raw = {n: round(float(w / s), 6) for n, w, s in zip(names, weights[1:], spread)}
    bias = round(float(weights[0] - sum(w * m / s for w, m, s in zip(weights[1:], mean,
                                                                      spread))), 6)
    model = {"weights": raw, "bias": bias, "cut": round(1.0 / (1.0 + math.exp(-cut)), 6),
             "fitted_on": {"split": "tune", "seeds": list(SEEDS), "clean_pairs": n_clean,
                           "damaged_pairs": n_damaged, "rows": len(kept),
                           "cross_validated_found": found, "cross_validated_clean": clean}}
    return model, line


def _grid(target: Target, rows: list[Row], n_clean: int, n_damaged: int) -> None:
    sign = 1.0 if target.check == "addition" else -1.0
    for z in (0.0, 0.25, 0.5, 0.75):
        for joint in (1.0, 1.5, 2.0, 2.5):
            def gated(lz: float, sz: float, z=z, joint=joint) -> bool:
                return sign * lz >= z and sign * lz - sz >= joint
            kept = [r for r in rows if gated(r.features["length_z"], r.features["similarity_z"])
                    and (r.kind is None or (r.kind == target.damage
                                            and target.check not in r.others))]
            if sum(r.kind == target.damage for r in kept) < 4:
                continue
            names = sorted(kept[0].features)
            _cut, found, clean = choose_cut(cross_validated(kept, names, target.damage),
                                            n_clean, target.damage)
            print(f"  {target.check} gates z {sign * z:+.2f} joint {sign * joint:+.2f}: "
                  f"{len(kept)} pairs, +{found} of {n_damaged} for +{clean} clean")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dry-run", action="store_true", help="print, write nothing")
    parser.add_argument("--grid", action="store_true",
                        help="also print cross-validated figures for other gates")
    parser.add_argument("--only", choices=("omission", "addition"),
                        help="fit one check's model, keep the other's as shipped")
    args = parser.parse_args(argv)
    aligner = WordAligner()
    data = {"about": "The clause models of omission and addition, fitted on the tune split by "
                     "scripts/fit_clause_models.py (docs/tuning.md): a pair the check's gates "
                     "let through is reported when its probability is at or above the cut.",
            "models": {}}
    if OUT.exists():
        data["models"] = json.loads(OUT.read_text(encoding="utf-8")).get("models", {})
    for target in targets():
        if args.only and target.check != args.only:
            continue
        rows: list[Row] = []
        n_clean = n_damaged = 0
        for seed in SEEDS:
            seed_rows, c, k = record(target, seed, aligner)
            rows += seed_rows
            n_clean += c
            n_damaged += k
        model, line = fit_target(target, rows, n_clean, n_damaged, target.gated)
        print(f"tune, seeds {SEEDS}: {n_clean} clean pairs, {n_damaged} pairs with "
              f"{target.damage} damage")
        print(line)
        for name, weight in model["weights"].items():
            print(f"  {name:22} {weight:+.4f}")
        print(f"  {'bias':22} {model['bias']:+.4f}   cut {model['cut']}")
        if args.grid:
            _grid(target, rows, n_clean, n_damaged)
        data["models"][target.check] = model
    if not args.dry_run:
        OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
