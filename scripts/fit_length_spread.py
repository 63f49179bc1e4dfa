"""Fit how far a faithful pair's length ratio strays from its document's norm, by its length:
``spread_base`` and ``spread_letters`` of ``LengthParams`` (aligner/checks/_support/lengths.py).

    python scripts/fit_length_spread.py

The data: the tune split only (TICO-19 + UD Arabic-PUD, and TICO-19's short units), cut into
documents as ``benchmarks/drift.py`` cuts them (its seeds), undamaged. Each pair's log length
ratio (letters, acronyms weighted, as the check counts them) minus its document's median is its
residual. The pairs are cut into ten bins of equal count by the letters of their longer side;
each bin's robust spread (1.4826 MAD) is squared, and ``spread² = base + letters_coef / letters``
is fitted to the bins by least squares weighted by their counts: the count noise of a length
ratio falls with the length (one word is a larger share of a short sentence), what remains is
the translator's freedom. Prints the bins, the fit, and the spread it predicts beside each bin's.
"""

from __future__ import annotations

import dataclasses
import itertools
import math
import random
import statistics
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]

import drift  # noqa: E402

from aligner.checks._support.lengths import PARAMS, expected_spread, letters  # noqa: E402
from aligner.checks._support.stats import MAD_TO_SD  # noqa: E402

BINS = 10


def residuals() -> tuple[np.ndarray, np.ndarray]:
    """Per tune pair: the letters of its longer side, and its log ratio minus its document's
    median."""
    longer, residual = [], []
    for split in ("tune", "tune-short"):
        rng = random.Random(drift.SEEDS[split])
        for _name, groups in drift.split_groups(split):
            for doc in drift.documents(groups, rng):
                counts = [(letters(ar), letters(en)) for ar, en in doc]
                ratios = [math.log(e / a) for a, e in counts]
                if len(ratios) < PARAMS.min_pairs:
                    continue
                norm = statistics.median(ratios)
                for (a, e), r in zip(counts, ratios, strict=True):
                    longer.append(max(a, e))
                    residual.append(r - norm)
    return np.array(longer, float), np.array(residual)


def fit(longer: np.ndarray, residual: np.ndarray) -> tuple[float, float, list[tuple]]:
    """``(base, letters_coef, bins)``; each bin is ``(median letters, count, robust spread,
    mean of 1 / letters)``."""
    edges = np.quantile(longer, np.linspace(0, 1, BINS + 1))
    bins = []
    for k, (lo, hi) in enumerate(itertools.pairwise(edges)):
        inside = (longer >= lo) & ((longer < hi) if k < BINS - 1 else (longer <= hi))
        values = residual[inside]
        spread = MAD_TO_SD * float(np.median(np.abs(values - np.median(values))))
        bins.append((float(np.median(longer[inside])), int(inside.sum()), spread,
                     float(np.mean(1 / longer[inside]))))
    # Each bin's mean of 1/letters, not one over its median: the curve is steep in short bins.
    x = np.array([b[3] for b in bins])
    y = np.array([b[2] ** 2 for b in bins])
    w = np.sqrt(np.array([b[1] for b in bins], float))
    design = np.stack([np.ones_like(x), x], axis=1)
    base, coef = np.linalg.lstsq(design * w[:, None], y * w, rcond=None)[0]
    return float(base), float(coef), bins


def main() -> int:
    longer, residual = residuals()
    base, coef, bins = fit(longer, residual)
    print(f"tune split: {len(residual)} pairs")
    fitted = dataclasses.replace(PARAMS, spread_base=base, spread_letters=coef)
    for median_letters, count, spread, _inverse in bins:
        predicted = expected_spread(median_letters, fitted)
        print(f"  ~{median_letters:4.0f} letters: {count:4d} pairs, spread {spread:.3f}, "
              f"fitted {predicted:.3f}")
    print(f"spread_base = {base:.4f}, spread_letters = {coef:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
