"""``consistency``: one source sentence translated two ways, or one translation given to two
different sources, within a document and across a run (every source of one ``align check``).

Sentences are compared after normalising case, spacing, Arabic diacritics and tatweel, and the
final punctuation. Sources of fewer than ``min_words`` words are left out: a heading or a reply
("نعم", "Yes") is rightly rendered to fit its place. Within a document the check runs with the
others; across a run :func:`across_results` compares the results once every source is checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from ..model import SRC, TGT, Finding, Pair, Result, Severity, finding_order
from ._support.base import Check, CheckContext, Hit, make_finding


@dataclass(frozen=True)
class ConsistencyParams:
    """Which sentences are compared (docs/tuning.md)."""

    min_words: int = 4  # shorter sentences are headings and replies, rendered to fit


PARAMS = ConsistencyParams()

_MARKS = re.compile(r"[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alif, tatweel
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def normalise(text: str) -> str:
    """The form two copies of one sentence share."""
    text = _MARKS.sub("", text.casefold())
    return _EDGE.sub("", " ".join(text.split()))


@dataclass(frozen=True)
class Entry:
    """One pair, keyed for comparison."""

    source: int   # index of the result (0 within a document)
    pair: Pair
    src: str
    tgt: str


def entries(pairs: Sequence[Pair], source: int = 0,
            params: ConsistencyParams = PARAMS) -> list[Entry]:
    """The pairs with text on both sides and a source long enough to compare."""
    out = []
    for pair in pairs:
        if pair.src and pair.tgt and len(pair.text(SRC).split()) >= params.min_words:
            out.append(Entry(source, pair, normalise(pair.text(SRC)), normalise(pair.text(TGT))))
    return out


def conflicts(items: Sequence[Entry]) -> Iterator[tuple[Entry, Entry, str]]:
    """``(entry, earlier entry, side)`` for each later entry that disagrees with an earlier one:
    side ``tgt`` for a source translated another way, ``src`` for a translation shared by
    another source."""
    by_src: dict[str, Entry] = {}
    by_tgt: dict[str, Entry] = {}
    for e in items:
        first = by_src.setdefault(e.src, e)
        if first.tgt != e.tgt:
            yield e, first, TGT
        other = by_tgt.setdefault(e.tgt, e)
        if other.src != e.src and first is e:
            yield e, other, SRC


def _hit(e: Entry, first: Entry, side: str, where: str) -> Hit:
    text = e.pair.text(TGT)
    earlier = first.pair.text(TGT if side == TGT else SRC)
    if side == TGT:
        return Hit(e.pair.id, TGT, (0, len(text)),
                   f"This sentence was translated differently {where}: '{earlier}'.",
                   "Use one translation for the same sentence, unless the context needs "
                   "another.")
    return Hit(e.pair.id, TGT, (0, len(text)),
               f"The same translation is given {where} to a different source: '{earlier}'.",
               "Check that both sources say the same; if not, translate them apart.",
               Severity.INFO)


def find(ctx: CheckContext) -> Iterator[Hit]:
    for e, first, side in conflicts(entries(ctx.pairs)):
        yield _hit(e, first, side, f"in pair {first.pair.id + 1}")


def across_results(results: Sequence[Result], severities: dict[str, Severity] | None = None
                   ) -> list[Result]:
    """The results with the run-wide conflicts added: a pair that disagrees with a pair of an
    earlier source (conflicts within one source are already reported). Sources whose run did
    not select ``consistency`` take no part."""
    items = [e for k, r in enumerate(results) if "consistency" in r.tool.get("checks", ())
             and r.tgt_lang for e in entries(r.pairs, k)]
    added: dict[int, list[Finding]] = {}
    for e, first, side in conflicts(items):
        if e.source == first.source:
            continue
        where = f"in {results[first.source].sources[0]}" if results[first.source].sources \
            else "in another source"
        hit = _hit(e, first, side, where)
        added.setdefault(e.source, []).append(
            make_finding(CHECKS[0], hit, results[e.source].pairs,
                         (severities or {}).get("consistency")))
    return [replace(r, findings=tuple(sorted((*r.findings, *added[k]), key=finding_order)))
            if k in added else r for k, r in enumerate(results)]


CHECKS = (Check("consistency", Severity.WARNING,
                "One source sentence translated two ways, or one translation for two different "
                "sources, in a document or across a run.", find),)
