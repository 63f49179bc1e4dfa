"""``whitespace``: a double space, whitespace at the start or end of a segment, and a space
before punctuation.

Only the translation is checked (every side of a one-language source): the original is not the
translator's to fix, and clean Arabic originals often set a space before ، by habit. A space
before punctuation is reported only where the language's convention is certain: English (no
space before , . ; : ! ?) and Arabic (none before ، ؛ ؟). French puts a space before ; : ! ?
and is not checked for it. A space before a full stop that starts a number (" .5"), an
ellipsis ("so ...") or an emoticon (" :)") is not a fault.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import TGT, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.walk import placed, sides

#: The marks that take no space before them, per language.
NO_SPACE_BEFORE = {"en": ",.;:!?", "ar": "،؛؟,.:!"}

_DOUBLE = re.compile(r"(?<=\S)[ \u00a0]{2,}(?=\S)")
_EDGE = re.compile(r"^\s+|\s+$")


def _before_punct(text: str, marks: str) -> Iterator[tuple[int, int, str]]:
    for m in re.finditer(rf"(?<=\w)[ \u00a0]+([{re.escape(marks)}])", text):
        mark, after = m.group(1), text[m.end():m.end() + 2]
        if mark == "." and (after[:1].isdigit() or after[:1] == "."):
            continue  # " .5", " ..."
        if mark == ":" and after[:1] in ")(DPp":
            continue  # an emoticon
        yield m.start(), m.start(1), mark


def faults(text: str, lang: str) -> Iterator[tuple[tuple[int, int], str, str]]:
    """``(span, message, suggestion)`` for each whitespace fault of one segment."""
    for m in _EDGE.finditer(text):
        where = "starts" if m.start() == 0 else "ends"
        yield (m.start(), m.end()), f"The segment {where} with whitespace.", \
            "Remove the whitespace."
    for m in _DOUBLE.finditer(text):
        yield (m.start(), m.end()), "Double space.", "Replace it with one space."
    marks = NO_SPACE_BEFORE.get(lang)
    if marks:
        for start, end, mark in _before_punct(text, marks):
            yield (start, end), f"Space before '{mark}'.", f"Remove the space before '{mark}'."


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, lang in sides(ctx):
        if ctx.bilingual and side != TGT:
            continue
        for p in placed(ctx, side):
            for (start, end), message, suggestion in faults(p.sentence.text, lang):
                yield Hit(p.pair, side, (p.offset + start, p.offset + end), message,
                          suggestion)


CHECKS = (Check("whitespace", Severity.WARNING,
                "A double space, whitespace at a segment's start or end, or a space before "
                "punctuation.", find, bilingual=False),)
