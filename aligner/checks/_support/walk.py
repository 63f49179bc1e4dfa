"""Ways for checks to walk a document: sentence by sentence, or paragraph by paragraph, with the
offsets that map back to a pair side's text (the coordinates a :class:`Hit` span uses)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ...model import SIDES, Sentence
from .base import CheckContext
from .sides import side_lang


@dataclass(frozen=True)
class Placed:
    """A sentence with the pair it belongs to and its offset inside ``pair.text(side)``."""

    pair: int
    side: str
    offset: int
    sentence: Sentence
    first: bool  # the first sentence of its pair side
    last: bool   # the last sentence of its pair side


def sides(ctx: CheckContext) -> Iterator[tuple[str, str]]:
    """``(side, language)`` for every side that holds text."""
    for side in SIDES:
        lang = side_lang(ctx, side)
        if lang:
            yield side, lang


def placed(ctx: CheckContext, side: str) -> Iterator[Placed]:
    """Every sentence of one side in document order, with its place in its pair's text."""
    for pair in ctx.pairs:
        sents = pair.side(side)
        pos = 0
        for k, sent in enumerate(sents):
            yield Placed(pair.id, side, pos, sent, k == 0, k == len(sents) - 1)
            pos += len(sent.text) + 1


def paragraphs(ctx: CheckContext, side: str) -> list[list[Placed]]:
    """The side's sentences grouped by paragraph (a paragraph may run over several pairs)."""
    out: list[list[Placed]] = []
    for p in placed(ctx, side):
        if out and out[-1][-1].sentence.paragraph == p.sentence.paragraph:
            out[-1].append(p)
        else:
            out.append([p])
    return out
