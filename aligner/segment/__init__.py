"""Sentence segmentation: a block of lines → sentences with offsets into the original file.

Each non-empty line is a paragraph; a sentence never crosses a line break, so every sentence has
one line and a start column.

Splitters read the analysis view of each line (:mod:`aligner.view`: format characters removed,
Arabic presentation forms folded), so an invisible mark next to a full stop hides nothing; the
cuts are mapped back to the original line, and a sentence keeps the format characters around it.

No segment is longer than :attr:`SegmentParams.max_chars`: a longer one (an unpunctuated line, a
file with no full stops) is cut at clause marks, else between words, else anywhere. Every later
stage (the alignment, the checks) then works on bounded pieces, and its time stays linear in the
length of the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..model import Block, Document, LineIndex, Location, Sentence
from ..sources.combined import iter_lines
from ..view import view_map
from . import arabic, english
from .base import Cut

SPLITTERS: dict[str, Callable[[str], list[Cut]]] = {"ar": arabic.split, "en": english.split}

#: The reason a cut made only to bound a segment's length gives; the aligner never joins it back.
LENGTH_CAP = "length cap"


@dataclass(frozen=True)
class SegmentParams:
    #: Longest segment, in characters of the view: set far above ordinary sentences (not tuned),
    #: so that only unpunctuated text is cut.
    max_chars: int = 2000
    #: Confidence of a length-cap cut: a guess, not a sentence end.
    cap_conf: float = 0.5


PARAMS = SegmentParams()

_CLAUSE = re.compile(r"[،,;؛:]\s")
_SPACE = re.compile(r"\s")


def segment(block: Block, index: LineIndex | None = None,
            params: SegmentParams = PARAMS) -> Document:
    """Split a block into sentences; offsets, lines and columns refer to the original file."""
    index = index or LineIndex.of(block.text)
    split = SPLITTERS.get(block.lang, english.split)
    sentences: list[Sentence] = []
    paragraph = 0
    for line_start, line_end in iter_lines(block.text, block.start, block.end):
        if line_end <= block.start or line_start >= block.end:
            continue
        raw = block.text[line_start:line_end]
        line, offsets = view_map(raw)
        if not line.strip():
            continue
        for whole in split(line):
            for cut in _capped(line, _trim(line, whole), params, offsets):
                if cut.start >= cut.end:
                    continue
                start, end = _original(cut, line, offsets)
                sentences.append(_sentence(block, index, line_start + start, line_start + end,
                                           cut, len(sentences), paragraph))
        paragraph += 1
    return Document(block.file, block.lang, tuple(sentences), block.text)


def _original(cut: Cut, line: str, offsets: list[int] | None) -> tuple[int, int]:
    """The original span of a cut of the view, widened over the format characters between it
    and the whitespace around it (a mark before a sentence or after its full stop belongs to
    it, not to the gap)."""
    if offsets is None:
        return cut.start, cut.end
    start, end = offsets[cut.start], offsets[cut.end - 1] + 1
    if cut.start == 0 or line[cut.start - 1].isspace():
        start = offsets[cut.start - 1] + 1 if cut.start else 0
    if cut.end == len(line) or line[cut.end].isspace():
        end = offsets[cut.end]
    return start, end


def _trim(line: str, cut: Cut) -> Cut:
    """Sentences never start or end with whitespace, whatever the splitter returned."""
    start, end = cut.start, cut.end
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return cut._replace(start=start, end=end)


def _capped(line: str, cut: Cut, params: SegmentParams,
            offsets: list[int] | None = None) -> list[Cut]:
    """``cut``, or pieces of it no longer than ``params.max_chars``: cut after the last clause
    mark that fits, else at the last space, else at the limit."""
    if cut.end - cut.start <= params.max_chars:
        return [cut]
    pieces: list[Cut] = []
    start = cut.start
    while cut.end - start > params.max_chars:
        limit = start + params.max_chars
        stop = _last(_CLAUSE, line, start + params.max_chars // 4, limit, 1) \
            or _last(_SPACE, line, start + 1, limit, 0) or limit
        stop = _between_originals(stop, start, offsets)
        pieces.append(_trim(line, Cut(start, stop, params.cap_conf, LENGTH_CAP)))
        start = stop
        while start < cut.end and line[start].isspace():
            start += 1
    pieces.append(_trim(line, Cut(start, cut.end, cut.conf, cut.reason)))
    return pieces


def _between_originals(stop: int, start: int, offsets: list[int] | None) -> int:
    """``stop``, moved back to where one original character ends: a folded presentation form
    (one character of the file, several of the view) is never cut, or its piece would map back
    to the whole character and run past the cap. A form longer than the cap stays whole."""
    if offsets is None:
        return stop
    back = stop
    while back > start + 1 and offsets[back] == offsets[back - 1]:
        back -= 1
    if offsets[back] != offsets[back - 1]:
        return back
    while offsets[stop] == offsets[stop - 1]:  # the view's last offset is the line's end
        stop += 1
    return stop


def _last(pattern: re.Pattern, line: str, lo: int, hi: int, keep: int) -> int:
    """The position just after the mark of the last match of ``pattern`` in ``line[lo:hi]``
    (``keep`` characters of the match stay with the piece before), or 0 when there is none."""
    best = 0
    for m in pattern.finditer(line, lo, hi):
        best = m.start() + keep
    return best


def _sentence(block: Block, index: LineIndex, start: int, end: int, cut: Cut, i: int,
              para: int) -> Sentence:
    line, col = index.line_col(start)
    return Sentence.of(block.text[start:end], Location(block.file, start, end, line, col),
                       block.lang, i, para, break_conf=cut.conf, break_reason=cut.reason)
