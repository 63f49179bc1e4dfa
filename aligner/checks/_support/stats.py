"""Robust statistics over one document's own pairs (median and MAD, not mean and SD, so that
the outliers being looked for do not hide themselves by inflating the spread)."""

from __future__ import annotations

from collections.abc import Sequence
from statistics import median

MAD_TO_SD = 1.4826  # scales the median absolute deviation to a standard deviation (normal data)


def centre_spread(values: Sequence[float], min_spread: float = 0.0) -> tuple[float, float]:
    """``(median, 1.4826 · MAD)`` of non-empty ``values``, the spread floored at ``min_spread``
    so that a document of near-identical values does not make every small difference look
    extreme."""
    mid = median(values)
    return mid, max(MAD_TO_SD * median(abs(v - mid) for v in values), min_spread)


def robust_z(values: Sequence[float], min_spread: float = 0.0) -> list[float]:
    """Robust z-score of each value: (x − median) / spread, as :func:`centre_spread` gives
    them."""
    if not values:
        return []
    mid, spread = centre_spread(values, min_spread)
    if spread == 0:
        return [0.0] * len(values)
    return [(v - mid) / spread for v in values]
