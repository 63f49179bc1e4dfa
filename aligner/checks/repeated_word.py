"""``repeated-word``: the same word twice in a row ("the the", "في في"), a typing slip.

Some repeats are grammar and are left alone: the English past perfect "had had" (once in
TICO-19's clean English) and the complementiser followed by the demonstrative "that that"
("he said that that was true"; not in the tune data, left alone on grammar alone). A repeated
capitalised word ("Bora Bora", "Walla Walla") is a name, and a repeated number is a list or a
score. Arabic has no capitals: a doubled Arabic word is left alone
when the other side of the pair doubles a capitalised word (باغو باغو, "Pago Pago"), and when it
sits in a run of spelt-out letters (آر آر تي-بي سي آر, "RT-PCR"), whose neighbours are one or
two letters long or joined by a hyphen or slash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Severity
from ._support.base import Check, CheckContext, Hit
from ._support.sides import other_side
from ._support.walk import placed, sides


@dataclass(frozen=True)
class RepeatedWordParams:
    """Repeats that are grammar, per language (docs/tuning.md)."""

    legitimate: tuple[tuple[str, frozenset[str]], ...] = (
        ("en", frozenset({"had", "that"})),
    )


PARAMS = RepeatedWordParams()

_REPEAT = re.compile(r"(?<![\w'’-])(\w+)([ \t\u00a0]+)(\1)(?![\w'’-])", re.IGNORECASE)


def repeats(text: str, lang: str, params: RepeatedWordParams = PARAMS
            ) -> Iterator[tuple[str, tuple[int, int]]]:
    """``(word, span of the second copy)`` for each doubled word of ``text``."""
    legitimate = dict(params.legitimate).get(lang, frozenset())
    for m in _REPEAT.finditer(text):
        first, second = m.group(1), m.group(3)
        if any(ch.isdigit() for ch in first) or first.casefold() in legitimate:
            continue
        if first[:1].isupper() and second[:1].isupper():
            continue  # a name: Bora Bora, Walla Walla
        if lang == "ar" and _spelt_letters(text, m.start(), m.end()):
            continue
        yield first, (m.start(3), m.end(3))


def _spelt_letters(text: str, start: int, end: int) -> bool:
    before = text[:start].split()[-1:]
    after = text[end:].split()[:1]
    return any(len(w.strip("()[]،,.")) <= 2 or "-" in w or "/" in w for w in before + after)


def names_doubled(text: str) -> bool:
    """Whether a text doubles a capitalised word (a name such as "Pago Pago")."""
    return any(m.group(1)[:1].isupper() and m.group(3)[:1].isupper()
               for m in _REPEAT.finditer(text))


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, lang in sides(ctx):
        named = {pair.id for pair in ctx.pairs if names_doubled(pair.text(other_side(side)))}
        for p in placed(ctx, side):
            if lang == "ar" and p.pair in named:
                continue
            for word, (start, end) in repeats(p.sentence.text, lang):
                yield Hit(p.pair, side, (p.offset + start, p.offset + end),
                          f"The word '{word}' is repeated.",
                          f"Delete the second '{word}'.")


CHECKS = (Check("repeated-word", Severity.WARNING,
                "The same word twice in a row ('the the', 'في في').", find, bilingual=False),)
