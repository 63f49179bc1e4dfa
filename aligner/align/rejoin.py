"""Turn the search's segments back into sentences.

The segmenter cuts at every candidate break; when a bead runs through a doubtful break (the
segmenter gave it little confidence, or the other side has no break anywhere near it), the two
segments are one sentence with a stray mark inside. They are shown as one sentence, and the
absorbed break is kept in :attr:`Sentence.joins` for the ``stray-period`` check.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from .. import breaks
from ..model import Document, Location, Sentence
from ..segment import LENGTH_CAP
from ..view import view_offset


@dataclass(frozen=True)
class RejoinParams:
    """When an absorbed break is a stray mark (docs/tuning.md)."""

    doubtful: float = 0.5  # breaks below this confidence are joined whenever a bead absorbs them


PARAMS = RejoinParams()


def relative_breaks(sents: Sequence[Sentence]) -> list[float]:
    """Relative positions (0..1 of the side's characters) of the breaks between sentences."""
    total = sum(len(s.text) for s in sents) or 1
    out, pos = [], 0
    for s in sents[:-1]:
        pos += len(s.text)
        out.append(pos / total)
    return out


def rejoin(doc: Document, side: Sequence[Sentence], other: Sequence[Sentence] | None,
           params: RejoinParams = PARAMS) -> list[Sentence]:
    """Join the segments of one bead side where the bead ran through a doubtful break.

    ``other`` is the other side of the bead, or ``None`` when there is no translation to compare
    with (then only the segmenter's confidence decides).
    """
    if len(side) < 2:
        return list(side)
    mine = relative_breaks(side)
    theirs = relative_breaks(other) if other else []
    groups: list[list[Sentence]] = [[side[0]]]
    for k in range(1, len(side)):
        prev = side[k - 1]
        same_paragraph = prev.paragraph == side[k].paragraph
        doubtful = prev.break_conf < params.doubtful
        if prev.break_reason == LENGTH_CAP:
            groups.append([side[k]])  # cut only to bound the length: joining undoes the bound
            continue
        unmatched = other is not None and len(other) > 0 and not any(
            abs(mine[k - 1] - t) <= breaks.PARAMS.near for t in theirs)
        if same_paragraph and (doubtful or unmatched):
            groups[-1].append(side[k])
        else:
            groups.append([side[k]])
    return [_merge(doc, g) for g in groups]


def _merge(doc: Document, group: list[Sentence]) -> Sentence:
    if len(group) == 1:
        return group[0]
    first, last = group[0], group[-1]
    start, end = first.loc.start, last.loc.end
    raw = doc.text[start:end]
    joins: list[tuple[int, float, str]] = []
    for s in group[:-1]:
        # Joins are offsets into the analysis view (the sentence's ``text``).
        base = view_offset(raw, s.loc.start - start)
        joins.extend((j + base, c, r) for j, c, r in s.joins)
        joins.append((view_offset(raw, s.loc.end - start), s.break_conf, s.break_reason))
    merged = Sentence.of(raw, first.loc, first.lang, first.index, first.paragraph)
    return replace(first, text=merged.text, raw=merged.raw,
                   loc=Location(first.loc.file, start, end, first.loc.line, first.loc.col),
                   break_conf=last.break_conf, break_reason=last.break_reason,
                   joins=tuple(joins))

