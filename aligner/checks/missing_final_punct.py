"""``missing-final-punct``: a body paragraph whose last sentence ends without punctuation.

Segmenters cut at punctuation, so only the end of a paragraph can lack it. Headlines, short
title lines, date lines, list items and the header block of an article (headline, standfirst,
date) end without a full stop by convention and are left alone. Where most paragraphs end bare
(a transcript, a list), or both sides of a pair end bare alike, the finding is only a hint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Severity
from ._support.base import Check, CheckContext, Hit
from ._support.credits import ends_with_credit
from ._support.sides import other_side
from ._support.walk import Placed, paragraphs, sides

TERMINAL = ".!?؟…:;؛۔"
CLOSERS = "\"'”’»)]}"
@dataclass(frozen=True)
class MissingPunctParams:
    """What counts as a title or a header rather than body text (docs/tuning.md)."""

    title_words: int = 8        # a one-sentence paragraph this short is a title or a caption
    header_paragraphs: int = 4  # a date line among the first paragraphs closes the header


PARAMS = MissingPunctParams()

_LIST_ITEM = re.compile(r"^\s*(?:[-–—•*▪●]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)]\s)")
_URL_END = re.compile(r"(?:https?://|www\.)\S+$|\S+@\S+\.\w+$")
_WORD = re.compile(r"\w+")


def ends_with_punct(text: str) -> bool:
    """Whether the text ends with a terminal mark, possibly followed by closing quotes."""
    text = text.rstrip().rstrip(CLOSERS).rstrip()
    return bool(text) and text[-1] in TERMINAL


def is_date_line(text: str) -> bool:
    """A short line holding a number: a date, a dateline, a time stamp ("22 February")."""
    words = text.split()
    return len(words) <= 6 and any(ch.isdigit() for ch in text)


def is_title_like(para: list[Placed], lang: str) -> bool:
    """Headlines, captions, list items, title-case lines: no full stop expected."""
    text = " ".join(p.sentence.text for p in para).strip()
    words = text.split()
    if not _WORD.search(text) or is_date_line(text) or _LIST_ITEM.match(text):
        return True
    if _URL_END.search(text) or ends_with_credit(text):
        return True  # a credit at the end is caption-leak's business
    if len(para) == 1 and len(words) <= PARAMS.title_words:
        return True
    if lang == "en":
        long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
        capitalised = [w for w in long_words if w[:1].isupper()]
        return bool(long_words) and len(capitalised) / len(long_words) > 0.7
    return False


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, lang in sides(ctx):
        paras = paragraphs(ctx, side)
        header = _header_length(paras)
        body = [para for para in paras[header:] if not is_title_like(para, lang)]
        bare = [para for para in body if not ends_with_punct(para[-1].sentence.text)]
        # Most paragraphs bare: the document's own convention (a transcript, a list).
        habitual = len(bare) * 2 > len(body)
        for para in bare:
            yield _hit(ctx, para[-1], habitual)


def _header_length(paras: list[list[Placed]]) -> int:
    """How many leading paragraphs form the article's header (headline … date line)."""
    for k, para in enumerate(paras[:PARAMS.header_paragraphs]):
        if is_date_line(" ".join(p.sentence.text for p in para)):
            return k + 1
    return 0


def _hit(ctx: CheckContext, last: Placed, habitual: bool) -> Hit:
    text = last.sentence.text.rstrip()
    words = text.split()
    word_start = len(text) - len(words[-1])
    tail = " ".join(words[-4:])
    other = ctx.pairs[last.pair].side(other_side(last.side))
    note = ""
    if other and last.last and ends_with_punct(other[-1].text):
        end = other[-1].text.rstrip().rstrip(CLOSERS).rstrip()[-1]
        note = f" The translation ends with '{end}'."
    elif other and last.last:
        habitual = True  # both sides end bare: a list item or a caption, kept as in the source
    return Hit(last.pair, last.side,
               (last.offset + word_start, last.offset + len(text)),
               f"The paragraph ends without punctuation: '…{tail}'.{note}",
               f"End it with a full stop: '…{tail}.'.",
               Severity.INFO if habitual else None)


CHECKS = (Check("missing-final-punct", Severity.WARNING,
                "A body paragraph that ends without a full stop or other final punctuation "
                "(headlines, titles and date lines excepted).", find, bilingual=False),)
