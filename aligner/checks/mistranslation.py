"""``mistranslation``: an English phrase that renders nothing of the Arabic, where an Arabic
phrase has no rendering, with no glossary needed.

Word evidence of :mod:`aligner.similarity.words` (a translation table fitted to the tune split,
and the Buckwalter lexicon where ``aligner[lexicon]`` is installed) marks each word of a pair
translated, untranslated or unknown. A run of untranslated English content words and a run of
untranslated Arabic content words at about the same place of their sentences is a phrase
rendered by something else: a wrong term. Both runs must be long, since free translation leaves
single words of clean pairs without a counterpart (docs/translation-checks.md has the figures).
The finding's span is the English run; the message names the Arabic phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Severity
from ..similarity import words
from ._support.base import Check, CheckContext, Hit
from ._support.sides import arabic_english


@dataclass(frozen=True)
class MistranslationParams:
    """When an English run and an Arabic run are reported (docs/tuning.md)."""

    #: Untranslated content words the English run holds at least.
    english_run: int = 3
    #: Untranslated content words the Arabic run holds at least.
    arabic_run: int = 3
    #: The runs' middles, as shares of their sentences' word counts, differ by at most this.
    position: float = 0.15


PARAMS = MistranslationParams()


def _middle(run: list[int], size: int) -> float:
    return (run[0] + run[-1]) / 2 / max(size - 1, 1)


def find_mistranslation(ctx: CheckContext) -> Iterator[Hit]:
    sides = arabic_english(ctx)
    if sides is None:
        return
    ar_side, en_side = sides
    for pair in ctx.pairs:
        found = words.pair_words(pair.text(ar_side), pair.text(en_side))
        ar_runs = [r for r in words.untranslated_runs(found.ar_state)
                   if len(r) >= PARAMS.arabic_run]
        if not ar_runs:
            continue
        for run in words.untranslated_runs(found.en_state):
            if len(run) < PARAMS.english_run:
                continue
            at = _middle(run, len(found.english))
            match = next((r for r in ar_runs
                          if abs(_middle(r, len(found.arabic)) - at) <= PARAMS.position), None)
            if match is None:
                continue
            text = pair.text(ar_side)
            arabic = text[found.arabic[match[0]].start:found.arabic[match[-1]].end]
            span = (found.english[run[0]].start, found.english[run[-1]].end)
            english = pair.text(en_side)[span[0]:span[1]]
            yield Hit(pair.id, en_side, span,
                      f"'{english}' does not seem to translate anything in the source, and "
                      f"'{arabic}' at the same place has no rendering: this may be a wrong "
                      "translation of it.",
                      f"Check how '{arabic}' should be rendered and replace '{english}' if it "
                      "does not mean that.")
            break


CHECKS = (
    Check("mistranslation", Severity.WARNING,
          "An English phrase that translates nothing in the Arabic, at the place of an Arabic "
          "phrase that has no rendering: a possible wrong term (word evidence, no glossary "
          "needed).", find_mistranslation),
)
