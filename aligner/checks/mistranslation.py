"""``mistranslation``: an English phrase that renders nothing of its Arabic, with no glossary.

With the e5 scorer only, on the pairs it scored (the user has chosen its cost: the words of
aligned Arabic-English pairs are encoded once more, to layer 6 of the bundled encoder; a
translation memory checked as it is has no scores and is skipped, as by ``low-similarity``),
and not where a pair scores far above its document's norm. Each run of English
content words is scored by a linear model over how its contextual vector compares with the
Arabic words it attends to (:mod:`aligner.checks._support.phrases`), fitted on the tune split
by ``scripts/fit_mistranslation.py`` on noun phrases replaced by phrases of other documents;
the pair's highest-scoring phrase is reported when it reaches the model's cut. Where the second
encoder is installed (:mod:`aligner.similarity.use`), the score also weighs two of its cosines:
the phrase's best with any run of one to three Arabic words, and the one with the Arabic words
e5 pairs it with, with weights and a cut fitted by the same script; without it the e5 model
and its own cut judge alone. The cut lets
about one clean tune pair in a thousand through, so most wrong renderings go unreported:
measured figures are in docs/translation-checks.md. The glossary's ``term-mismatch`` remains
the check for terms a glossary names.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from ..model import Pair, Severity
from ..similarity.e5_tokens import E5ModelMissing
from ..similarity.word_align import WordAligner, WordAlignment
from . import omission
from ._support import phrases
from ._support.base import Check, CheckContext, Hit
from ._support.sides import arabic_english

#: Pairs encoded at a time: a book's token states never sit in memory all at once.
CHUNK = 256


@dataclass(frozen=True)
class MistranslationParams:
    """Which pairs are encoded for the phrase model (docs/tuning.md)."""

    #: A pair whose similarity score, as a robust z-score in its document, is above this is
    #: not judged: a phrase that renders nothing lowers its pair's score (if not always e5's:
    #: with the second encoder's matches, the replaced phrases of pairs above their
    #: document's median are found as well, so the gate spares only the most alike).
    similarity_z: float = 1.0


PARAMS = MistranslationParams()


def find_mistranslation(ctx: CheckContext) -> Iterator[Hit]:
    sides = arabic_english(ctx)
    fitted = phrases.shipped()
    if ctx.options.scorer != "e5" or sides is None or fitted is None:
        return
    arabic_side, english_side = sides
    similar = omission.similarity_z(ctx)
    # Pairs the e5 scorer scored: a memory checked as it is was never encoded, and this check
    # would cost it far more than its own reading (as low-similarity, it skips such pairs).
    pairs = [p for p in ctx.pairs if p.src and p.tgt and p.score is not None
             and similar.get(p.id, 0.0) <= PARAMS.similarity_z]
    aligner = WordAligner()
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start:start + CHUNK]
        try:
            alignments = aligner.align([(p.text(arabic_side), p.text(english_side))
                                        for p in chunk])
        except E5ModelMissing:
            return
        yield from _judged(chunk, alignments, english_side, fitted)


def _judged(pairs: list[Pair], alignments: list[WordAlignment], english_side: str,
            fitted: phrases.PhraseModel) -> Iterator[Hit]:
    for pair, alignment in zip(pairs, alignments, strict=True):
        english = pair.text(english_side)
        found = phrases.phrase_features(english, alignment)
        if not found:
            continue
        matches = phrases.source_matches(alignment, english,
                                         [span for span, _features in found])
        scores, cut = fitted.judged(np.stack([features for _span, features in found]), matches)
        best = int(scores.argmax())
        if scores[best] < cut:
            continue
        span = found[best][0]
        linked = alignment.ar_aligned
        unmatched = [alignment.arabic[j].text for j in phrases.content_arabic(alignment)
                     if not linked[j]]
        hint = (f"; the source's words that no English word matches: {', '.join(unmatched[:4])}"
                if unmatched else "")
        yield Hit(pair.id, english_side, span,
                  f"'{english[span[0]:span[1]]}' seems to render nothing in the source: no "
                  f"Arabic word of this pair means what it says{hint}.",
                  "Check this phrase against the source: a term may be mistranslated, or "
                  "taken from another sentence.")


CHECKS = (
    Check("mistranslation", Severity.WARNING,
          "An English phrase that renders nothing of its Arabic, found without a glossary by a "
          "model of contextual word vectors (e5 scorer only).", find_mistranslation),
)
