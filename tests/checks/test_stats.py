"""Robust z-scores and the Arabic/English side helper."""

from __future__ import annotations

import pytest

from aligner.checks._support.base import CheckContext
from aligner.checks._support.sides import arabic_english
from aligner.checks._support.stats import robust_z


def test_robust_z_is_not_inflated_by_the_outlier():
    values = [1.0, 1.1, 0.9, 1.0, 1.05, 0.95, 5.0]
    z = robust_z(values)
    assert z[-1] > 20          # a mean/SD z-score would be about 2.3
    assert all(abs(v) < 2 for v in z[:-1])


def test_robust_z_spread_floor():
    assert robust_z([1.0, 1.0, 1.0, 1.1], min_spread=0.1)[-1] == pytest.approx(1.0)
    assert robust_z([2.0, 2.0]) == [0.0, 0.0]
    assert robust_z([]) == []


@pytest.mark.parametrize("src, tgt, sides", [
    ("ar", "en", ("src", "tgt")),
    ("ar-IQ", "en-GB", ("src", "tgt")),
    ("en", "ar", ("tgt", "src")),
    ("fr", "en", None),
    ("ar", None, None),
])
def test_arabic_english_sides(src, tgt, sides):
    assert arabic_english(CheckContext((), src, tgt)) == sides
