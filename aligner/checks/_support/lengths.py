"""What ``omission`` and ``addition`` share: a pair whose length ratio is far outside the
document's own.

Each document sets its own norm: the median of log(target length / source length) over its 1-1
pairs, with a robust spread (MAD). A pair is reported when its ratio is far from that norm by
both measures: a robust z-score beyond ``z_limit`` in its document, and ``spreads`` times the
spread a faithful pair of its length has (fitted on the tune split: a short pair's ratio varies
more, one word being a larger share of it). Short pairs (headlines, datelines) and small
documents, whose ratios say little, are left alone.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ...model import SRC, TGT, Pair
from .stats import centre_spread


@dataclass(frozen=True)
class LengthParams:
    """When a pair's length is far enough from its document's norm to report (docs/tuning.md)."""

    z_limit: float = 2.5        # robust z-score of the log length ratio, at least this far out
    #: The spread a pair's log length ratio has around its document's norm, by its length:
    #: sqrt(spread_base + spread_letters / letters of its longer side). A short pair's ratio
    #: varies more (one word more is a larger share of it): fitted on the tune split's clean
    #: pairs by ``scripts/fit_length_spread.py``.
    spread_base: float = 0.0113
    spread_letters: float = 0.859
    #: ... and a pair is reported this many of those spreads from its document's norm (about
    #: 2.5 times shorter or longer at 30 letters, 1.9 at 100, 1.75 at 200).
    spreads: float = 4.5
    min_chars: int = 40         # the longer side must have at least this many letters
    min_pairs: int = 6          # 1-1 pairs needed to know the document's norm
    min_spread: float = 0.12    # floor on the spread of log ratios (about ±12 %)
    acronym_weight: int = 3     # letters counted per capital of an acronym: about one word each


PARAMS = LengthParams()


# An acronym ("RNA", "HCoVs") stands for several words, often spelt out in the translation.
_ACRONYM = re.compile(r"\b[A-Za-z]*[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*\b")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
#: Words in a row, all in capitals, that are set in capitals rather than acronyms (fewer may
#: be acronyms: "RNA PCR").
_CAPITALS_RUN = 3


def _capital_runs(text: str) -> list[tuple[int, int]]:
    """Spans of text set in capitals: runs of at least :data:`_CAPITALS_RUN` Latin words of two
    letters or more, every one in capitals ("ORDER OF THE STATE PUBLIC HEALTH OFFICER", "IT IS
    FURTHER ORDERED that ..."). Their words are headings or formulas, not acronyms."""
    runs: list[tuple[int, int]] = []
    current: list[re.Match] = []
    for m in [*_LATIN_WORD.finditer(text), None]:
        if m is not None and m.group().isupper():
            current.append(m)
            continue
        if len(current) >= _CAPITALS_RUN:
            runs.append((current[0].start(), current[-1].end()))
        current = []
    return runs


def letters(text: str) -> int:
    """Letters and digits of ``text``, an acronym's capitals counted as words (not in a run of
    words set in capitals)."""
    count = sum(map(str.isalnum, text))
    runs = _capital_runs(text)
    for m in _ACRONYM.finditer(text):
        if any(start <= m.start() < end for start, end in runs):
            continue
        caps = sum(1 for ch in m.group() if ch.isupper())
        count += caps * PARAMS.acronym_weight - len(m.group())
    return max(count, 1)


def _sizes(pair: Pair) -> tuple[int, int] | None:
    """The letters of the pair's source and target, or None when a side has none."""
    src, tgt = pair.text(SRC), pair.text(TGT)
    if not any(ch.isalnum() for ch in src) or not any(ch.isalnum() for ch in tgt):
        return None
    return letters(src), letters(tgt)


def _measured(pairs: tuple[Pair, ...]) -> Iterator[tuple[Pair, float, float, int]]:
    """``(pair, ratio / norm, z, letters of its longer side)`` for every pair long enough to
    judge, in a document large enough to have a norm."""
    # Each pair's letters are counted once: they serve the norm, the pair's own ratio and the
    # spread its length allows.
    sized = [(p, size) for p in pairs if (size := _sizes(p)) is not None]
    ratios = [(p, math.log(t / s), max(s, t)) for p, (s, t) in sized]
    base = [r for p, r, _longer in ratios if len(p.src) == 1 and len(p.tgt) == 1]
    if len(base) < PARAMS.min_pairs:
        return
    norm, spread = centre_spread(base, PARAMS.min_spread)
    for pair, r, longer in ratios:
        if longer >= PARAMS.min_chars:
            yield pair, math.exp(r - norm), (r - norm) / spread, longer


def deviations(pairs: tuple[Pair, ...]) -> Iterator[tuple[Pair, float, float]]:
    """``(pair, ratio / norm, z)`` for every pair long enough to judge, in a document large
    enough to have a norm."""
    for pair, factor, z, _longer in _measured(pairs):
        yield pair, factor, z


def expected_spread(longer: float, params: LengthParams = PARAMS) -> float:
    """The spread a faithful pair's log length ratio has around its document's norm, for a pair
    whose longer side has ``longer`` letters (``spread_base``, ``spread_letters``)."""
    return math.sqrt(params.spread_base + params.spread_letters / longer)


def outliers(pairs: tuple[Pair, ...]) -> Iterator[tuple[Pair, float, float]]:
    """``(pair, ratio / norm, z)`` for every pair far from the document's length norm."""
    for pair, factor, z, longer in _measured(pairs):
        far = abs(math.log(factor)) >= PARAMS.spreads * expected_spread(longer)
        if abs(z) >= PARAMS.z_limit and far:
            yield pair, factor, z
