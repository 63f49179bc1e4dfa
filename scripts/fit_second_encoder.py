"""Fit the thresholds at which ``low-similarity``, ``omission`` and ``addition`` trust the second
encoder (:mod:`aligner.similarity.use`): ``second_absolute`` of ``LowSimilarityParams``,
``deletion_gain`` of ``OmissionParams`` and of ``AdditionParams``.

    python scripts/fit_second_encoder.py

The data: the tune split only (TICO-19 + UD Arabic-PUD, and TICO-19's short units), cut into
documents as ``benchmarks/drift.py`` cuts them (its seeds).

* ``second_absolute``: the cosine under which :data:`CLEAN_SHARE` of the undamaged pairs
  fall (rounded down to a hundredth): a pair scoring lower is reported as unrelated.
* ``deletion_gain`` of ``omission``: the largest rise of a pair's cosine when one stretch of its
  Arabic is deleted (a clause or two adjacent ones: ``clauses.deletion_candidates``), which
  :data:`CLEAN_SHARE` of the undamaged pairs reach (rounded up to a two-hundredth);
* ``deletion_gain`` of ``addition``: the same, deleting English clauses;
* ``rendered_match`` of ``NameMismatchParams``: a ``name-mismatch`` finding whose name matches
  a run of the other side at this cosine or more is not reported. Read on the pairs whose name
  the benchmark swapped (tune, tune-short and tune-written documents, whose written articles
  are dense in names): each such pair stays found while one of its findings matches less, and
  the value (the next hundredth up) loses at most :data:`NAME_LOSS` of them.

Prints the four values beside the shipped ones, the tail of the undamaged pairs' values each is
read from, and the highest cosines of pairs whose English was replaced by an unrelated sentence
(every pair of the tune documents so damaged): how far the unrelated ones stay from a faithful
pair's.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]

import drift  # noqa: E402

from aligner.checks import addition, low_similarity, name_mismatch, omission  # noqa: E402
from aligner.checks._support import clauses  # noqa: E402
from aligner.similarity import use  # noqa: E402

#: The share of faithful pairs a threshold may decide wrongly: one in a thousand.
CLEAN_SHARE = 0.001
SPLITS = ("tune", "tune-short")
#: The share of swapped-name pairs ``rendered_match`` may lose: one in a hundred.
NAME_LOSS = 0.01
NAME_SPLITS = ("tune", "tune-short", "tune-written")


def clean_pairs() -> list[tuple[str, str]]:
    """Every undamaged (Arabic, English) pair of the tune documents."""
    out = []
    for split in SPLITS:
        rng = random.Random(drift.SEEDS[split])
        for _name, groups in drift.split_groups(split):
            for doc in drift.documents(groups, rng):
                out.extend(doc)
    return out


def unrelated_pairs() -> list[tuple[str, str]]:
    """Every pair of the tune documents whose English the benchmark replaced by an unrelated
    sentence."""
    out = []
    for split in SPLITS:
        for doc in drift.build(split, full=True, damage_kinds=("unrelated",)):
            for (a0, a1, e0, e1), kind in zip(doc.spans, doc.kinds, strict=True):
                if kind == "unrelated":
                    out.append((doc.ar_text[a0:a1], doc.en_text[e0:e1]))
    return out


def _highest_rise(pairs: list[tuple[str, str]], arabic: bool) -> np.ndarray:
    """Each pair's largest rise when one clause of its first text is deleted, highest first."""
    found = use.deletion_gains(pairs, lambda text: clauses.deletion_candidates(text, arabic))
    return np.sort([max((g for _span, g in gains), default=-1.0) for gains in found])[::-1]


def swapped_name_matches() -> list[float]:
    """For each tune pair whose name the benchmark swapped and that ``name-mismatch`` finds,
    the lowest match on which one of its findings could be spared (``rendered_scores``)."""
    from aligner.checks import CheckContext, CheckOptions
    from aligner.similarity import make_scorer

    config = drift._config()
    out = []
    for split in NAME_SPLITS:
        for doc in drift.build(split, full=True):
            pairs, golds, _signature = drift._known_pairs(
                doc, make_scorer("e5", cache_dir=config.cache_dir))
            ctx = CheckContext(pairs, "ar", "en", options=CheckOptions(scorer="e5"))
            found = [(hit, features) for hit, features in name_mismatch.name_evidence(ctx)
                     if any(doc.kinds[g] == "name" for g in golds[hit.pair])]
            lowest: dict[int, float] = {}
            for (hit, _features), match in zip(
                    found, name_mismatch.rendered_scores(ctx, found), strict=True):
                lowest[hit.pair] = min(lowest.get(hit.pair, 1.0), match)
            out.extend(lowest.values())
    return out


def fit() -> dict[str, float]:
    pairs = clean_pairs()
    rank = int(CLEAN_SHARE * len(pairs))
    cosines = np.sort(use.cosines(pairs))
    arabic = _highest_rise(pairs, arabic=True)
    english = _highest_rise([(en, ar) for ar, en in pairs], arabic=False)
    unrelated = use.cosines(unrelated_pairs())
    print(f"tune pairs: {len(pairs)} undamaged, {len(unrelated)} with an unrelated English; "
          f"one in {round(1 / CLEAN_SHARE)} undamaged: {rank} pairs")
    print(f"undamaged cosines, lowest: {', '.join(f'{c:.3f}' for c in cosines[:rank + 3])}")
    for name, rises in (("Arabic", arabic), ("English", english)):
        print(f"undamaged rises deleting an {name} clause, highest: "
              f"{', '.join(f'{g:.3f}' for g in rises[:rank + 3])}")
    print(f"unrelated cosines, highest: "
          f"{', '.join(f'{c:.3f}' for c in np.sort(unrelated)[::-1][:5])}")
    names = np.sort(swapped_name_matches())[::-1]
    lost = int(NAME_LOSS * len(names))
    print(f"swapped-name pairs found: {len(names)}; their lowest name matches, highest: "
          f"{', '.join(f'{m:.3f}' for m in names[:lost + 3])}")
    return {"second_absolute": math.floor(cosines[rank] * 100) / 100,
            "omission deletion_gain": math.ceil(arabic[rank] * 200) / 200,
            "addition deletion_gain": math.ceil(english[rank] * 200) / 200,
            # The next hundredth above the match of the first pair kept: `lost` pairs at most
            # match at or above it.
            "name rendered_match": math.floor(names[lost] * 100 + 1) / 100}


def main() -> int:
    if not use.available():
        print("fit_second_encoder: the second encoder is not installed "
              "(pip install 'aligner[use]')", file=sys.stderr)
        return 2
    fitted = fit()
    shipped = {"second_absolute": low_similarity.PARAMS.second_absolute,
               "omission deletion_gain": omission.PARAMS.deletion_gain,
               "addition deletion_gain": addition.PARAMS.deletion_gain,
               "name rendered_match": name_mismatch.PARAMS.rendered_match}
    for name, value in fitted.items():
        print(f"{name:<24} fitted {value:.3f}   shipped {shipped[name]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
