"""``brackets``: a bracket ( [ { opened and never closed, or closed and never opened, in a
paragraph; and a different number of bracketed passages on the two sides of a pair.

Brackets are matched per paragraph, since a parenthesis may run over a sentence break. A list
marker ("1)", "b)") at the start of a segment closes nothing. Translators add or drop a
bracketed gloss ("(WHO)") freely, so a different count between the sides is only a hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import SRC, TGT, Pair, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.sides import pair_hits
from ._support.walk import Placed, paragraphs, sides

OPENERS = {"(": ")", "[": "]", "{": "}"}
CLOSERS = {v: k for k, v in OPENERS.items()}
_LIST_MARKER = re.compile(r"^\s*(?:\d{1,3}|[a-zA-Z]|[ivx]{1,4}|[أ-ي])\)")


def scan(texts: list[str]) -> list[tuple[int, int, str]]:
    """The unmatched brackets of a paragraph given as its sentences: ``(sentence, offset,
    char)``, in order."""
    stack: list[tuple[int, int, str]] = []
    stray: list[tuple[int, int, str]] = []
    for si, text in enumerate(texts):
        marker = _LIST_MARKER.match(text)
        for pos, ch in enumerate(text):
            if ch in OPENERS:
                stack.append((si, pos, ch))
            elif ch in CLOSERS:
                if marker and pos == marker.end() - 1:
                    continue
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][2] == CLOSERS[ch]:
                        del stack[k:]
                        break
                else:
                    stray.append((si, pos, ch))
    return sorted([*stack, *stray])


def find(ctx: CheckContext) -> Iterator[Hit]:
    flagged: set[int] = set()
    for side, _lang in sides(ctx):
        for para in paragraphs(ctx, side):
            for si, pos, ch in scan([p.sentence.text for p in para]):
                flagged.add(para[si].pair)
                yield _unmatched(para[si], pos, ch)
    if ctx.bilingual:
        yield from pair_hits(ctx, lambda pair, _s, _t: _count(pair, flagged))


def _unmatched(p: Placed, pos: int, ch: str) -> Hit:
    start = p.offset + pos
    if ch in OPENERS:
        return Hit(p.pair, p.side, (start, start + 1),
                   f"The bracket '{ch}' is never closed.",
                   f"Add the closing '{OPENERS[ch]}' or remove '{ch}'.")
    return Hit(p.pair, p.side, (start, start + 1),
               f"The bracket '{ch}' closes nothing.",
               f"Add the opening '{CLOSERS[ch]}' or remove '{ch}'.")


def count_pairs(text: str) -> int:
    """How many bracketed passages a text holds (list markers left out)."""
    marker = _LIST_MARKER.match(text)
    return sum(1 for pos, ch in enumerate(text)
               if ch in OPENERS and not (marker and pos < marker.end()))


def _count(pair: Pair, flagged: set[int]) -> Iterator[Hit]:
    if pair.id in flagged or not pair.src or not pair.tgt:
        return
    n_src, n_tgt = count_pairs(pair.text(SRC)), count_pairs(pair.text(TGT))
    if n_src == n_tgt:
        return
    text = pair.text(TGT)
    yield Hit(pair.id, TGT, (0, len(text)),
              f"The source has {n_src} bracketed passage(s), the translation {n_tgt}.",
              "Check that nothing in brackets was dropped or added.", Severity.INFO)


CHECKS = (Check("brackets", Severity.WARNING,
                "A bracket opened and never closed (or closed and never opened); a different "
                "number of bracketed passages on the two sides.", find, bilingual=False),)
