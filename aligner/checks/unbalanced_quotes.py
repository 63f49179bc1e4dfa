"""``unbalanced-quotes``: a quotation opened and never closed (or closed and never opened), per
paragraph of each side, and a different number of quotations on the two sides of a pair.

Quotes are matched within a paragraph, since a quotation often runs over several sentences. A
paragraph left open whose next paragraph starts with an opening quote follows the convention for
a quotation that runs over paragraphs and is not reported. Single quotes are not counted: they
double as apostrophes and as the ʿayn of transliterations ("‘Ammār", "Parliament’s").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import SRC, TGT, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.walk import Placed, paragraphs, sides

PAIRS = {"“": "”", "«": "»", '"': '"'}
NAMES = {"“": "“ ”", "«": "« »", '"': 'straight "'}


@dataclass(frozen=True)
class Mark:
    kind: str      # the opening character of the style: “ « or "
    opening: bool
    sentence: int  # index in the paragraph
    pos: int       # offset in that sentence


def scan(texts: list[str]) -> tuple[list[Mark], list[Mark]]:
    """Match the quotes of a paragraph (given as its sentences); return the unclosed openers and
    the unopened closers."""
    joined = "\n".join(texts)
    curly_open = "“" in joined
    # Right-to-left typing often swaps the marks: ”…“ and »…«. The first mark tells the style.
    curly_reversed = -1 < joined.find("”") < joined.find("“")
    guillemets_reversed = joined.find("»") != -1 and (
        joined.find("«") == -1 or joined.find("»") < joined.find("«"))
    stack: list[Mark] = []
    stray: list[Mark] = []
    for si, text in enumerate(texts):
        for pos, ch in enumerate(text):
            if curly_reversed and ch in "“”":
                ch = "“" if ch == "”" else "”"
            mark = _classify(text, pos, ch, curly_open, guillemets_reversed, stack)
            if mark is None:
                continue
            kind, opening = mark
            if opening:
                stack.append(Mark(kind, True, si, pos))
                continue
            for k in range(len(stack) - 1, -1, -1):
                if stack[k].kind == kind:
                    del stack[k:]  # inner quotes left open are swallowed by the outer close
                    break
            else:
                stray.append(Mark(kind, False, si, pos))
    return stack, stray


def _classify(text: str, pos: int, ch: str, curly_open: bool, reversed_guillemets: bool,
              stack: list[Mark]) -> tuple[str, bool] | None:
    if ch == "“":
        return "“", True
    if ch == "”":
        if curly_open:
            return "“", False
        return '"', _opens(text, pos, stack, '"')  # ” used for both ends
    if ch in "«»":
        return "«", (ch == "«") != reversed_guillemets
    if ch == '"':
        return '"', _opens(text, pos, stack, '"')
    return None


def _opens(text: str, pos: int, stack: list[Mark], kind: str) -> bool:
    """Straight quotes: opening after a space and before a word, closing after a word and before
    a space or punctuation; otherwise whichever balances the quotes seen so far."""
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    open_side = before.isspace() or before in "([{—–-:"
    close_side = after.isspace() or after in ".,;:!?،؛؟)]}"
    if open_side != close_side:
        return open_side
    return not any(m.kind == kind for m in stack)


#: Quoted passages worth comparing across sides: speech, five words or more. Shorter ones are
#: often names or terms that one language marks with quotes and the other does not.
_QUOTATION = re.compile(r"“([^“”]*)”|«([^«»]*)»|\"([^\"]*)\"")
MIN_QUOTED_WORDS = 5


def count_quotations(text: str) -> int:
    """How many quoted passages of at least five words a text holds."""
    text = text.replace("”", "\"") if "“" not in text else text
    return sum(1 for m in _QUOTATION.finditer(text)
               if len("".join(g for g in m.groups() if g).split()) >= MIN_QUOTED_WORDS)


def find(ctx: CheckContext) -> Iterator[Hit]:
    flagged: set[int] = set()
    for side, _lang in sides(ctx):
        paras = paragraphs(ctx, side)
        for k, para in enumerate(paras):
            opened, stray = scan([p.sentence.text for p in para])
            nxt = paras[k + 1][0].sentence.text.lstrip() if k + 1 < len(paras) else ""
            for mark in opened:
                if nxt[:1] == mark.kind:
                    continue  # a quotation running on into the next paragraph
                flagged.add(para[mark.sentence].pair)
                yield _unclosed(para[mark.sentence], mark)
            for mark in stray:
                flagged.add(para[mark.sentence].pair)
                yield _unopened(para[mark.sentence], mark)
    if ctx.bilingual:
        yield from _count_mismatch(ctx, flagged)


def _unclosed(p: Placed, mark: Mark) -> Hit:
    text = p.sentence.text
    start = p.offset + mark.pos
    quoted = text[mark.pos + 1:].split()
    preview = " ".join(quoted[:4]) + (" …" if len(quoted) > 4 else "")
    close = PAIRS[mark.kind]
    return Hit(p.pair, p.side, (start, start + 1),
               f"A quotation opens here ({mark.kind}{preview}) and is never closed in the "
               "paragraph.",
               f"Add the closing {close} where the quoted words end, or remove the opening "
               f"{mark.kind}.")


def _unopened(p: Placed, mark: Mark) -> Hit:
    text = p.sentence.text
    start = p.offset + mark.pos
    before = text[:mark.pos].split()
    preview = ("… " if len(before) > 4 else "") + " ".join(before[-4:])
    return Hit(p.pair, p.side, (start, start + 1),
               f"A quotation closes here ({preview}{text[mark.pos]}) but none was opened in the "
               "paragraph.",
               f"Add the opening {mark.kind} where the quoted words begin, or remove this "
               "closing mark.")


def _has_quote(text: str) -> bool:
    return any(ch in text for ch in "“”«»\"")


def _count_mismatch(ctx: CheckContext, flagged: set[int]) -> Iterator[Hit]:
    for pair in ctx.pairs:
        if pair.id in flagged or not pair.src or not pair.tgt:
            continue
        n_src, n_tgt = count_quotations(pair.text(SRC)), count_quotations(pair.text(TGT))
        if n_src == n_tgt or min(n_src, n_tgt) > 0 or (_has_quote(pair.text(SRC)) and \
                _has_quote(pair.text(TGT))):
            continue  # a quotation dropped or added outright, not one marked differently
        side = TGT if n_tgt < n_src else SRC
        fewer, more = min(n_src, n_tgt), max(n_src, n_tgt)
        text = pair.text(side)
        yield Hit(pair.id, side, (0, len(text)),
                  f"The {'source' if side == TGT else 'translation'} quotes {more} passage(s) "
                  f"word for word, this side {fewer}: quotation marks were added or dropped.",
                  "Check that the same words are quoted on both sides.", Severity.INFO)


CHECKS = (Check("unbalanced-quotes", Severity.WARNING,
                "A quotation opened and never closed (or closed and never opened) in a "
                "paragraph; a different number of quotations on the two sides.", find,
                bilingual=False),)
