"""``addition``: translation text with no counterpart in the source.

The evidence, rule by rule:

* the whole pair: a translation far longer than the document's own length ratio (see
  :mod:`aligner.checks._support.lengths` for how the norm is set);
* with the e5 scorer, one English clause whose content words align to no Arabic word or only
  weakly (contextual alignment on e5 token states, :mod:`aligner.similarity.word_align`), in a
  translation that is longer than the norm and scores low in its document; a logistic model
  fitted on the tune split weighs the evidence (:mod:`aligner.checks._support.clauses`). The
  finding's span is that English clause;
* with an embedding scorer and the second encoder installed (:mod:`aligner.similarity.use`),
  one clause of the translation whose deletion makes the pair a closer translation: the pair's
  cosine by that encoder rises by at least ``deletion_gain`` without it (``omission``'s test,
  on the other side).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import SRC, TGT, Severity
from . import omission
from ._support import clauses
from ._support.base import Check, CheckContext, Hit
from ._support.lengths import deviations, outliers
from ._support.sides import arabic_english


@dataclass(frozen=True)
class AdditionParams:
    """Which pairs the clause model judges (docs/tuning.md)."""

    #: A translation longer than the document's norm (length-ratio z-score at or above
    #: ``aligned_z``) whose length z-score minus its similarity z-score is at or above
    #: ``aligned_joint`` (an added clause lengthens the translation and lowers its score).
    aligned_z: float = 0.25
    aligned_joint: float = 1.5
    #: The second encoder: deleting one clause of the translation
    #: (``clauses.clause_deletions``) raises the pair's cosine by at least ``deletion_gain``
    #: (1 undamaged tune pair in 1,000 gains as much; ``scripts/fit_second_encoder.py``).
    deletion_gain: float = 0.12


PARAMS = AdditionParams()


def _clause_hits(ctx: CheckContext, reported: set[int]) -> Iterator[Hit]:
    if ctx.options.scorer != "e5" or arabic_english(ctx) != (SRC, TGT):
        return
    similar = omission.similarity_z(ctx)
    gates = {}
    pairs = []
    for pair, _factor, z in deviations(ctx.pairs):
        sz = similar.get(pair.id, 0.0)
        if (pair.id not in reported and z >= PARAMS.aligned_z
                and z - sz >= PARAMS.aligned_joint):
            pairs.append(pair)
            gates[pair.id] = (z, sz)
    for pair, evidence in clauses.judged(pairs, gates, TGT, "addition"):
        reported.add(pair.id)
        yield Hit(pair.id, TGT, evidence.span,
                  f"This part of the translation seems to have no counterpart in the source: "
                  f"{clauses.unmatched(evidence, 'source')}, and the translation is longer "
                  "than this document's translations usually are.",
                  "Check whether this clause was added to the translation and remove it, "
                  "unless the source implies it.")


def find_addition(ctx: CheckContext) -> Iterator[Hit]:
    reported: set[int] = set()
    for pair, factor, _z in outliers(ctx.pairs):
        if factor > 1:
            text = pair.text(TGT)
            reported.add(pair.id)
            yield Hit(pair.id, TGT, (0, len(text)),
                      f"The translation is much longer than this document's translations "
                      f"usually are (about {factor:.1f} times the expected length): it may add "
                      "text that is not in the source.",
                      "Compare the sentences clause by clause and remove anything the source "
                      "does not say.")
    yield from _clause_hits(ctx, reported)
    yield from _deletion_hits(ctx, reported)


def _deletion_hits(ctx: CheckContext, reported: set[int]) -> Iterator[Hit]:
    for pair, span, gain in omission.deleted_clauses(ctx, TGT, reported,
                                                     PARAMS.deletion_gain):
        yield Hit(pair.id, TGT, span,
                  "This part of the translation seems to have no counterpart in the source: "
                  f"without it, the pair reads as a closer translation (a second encoder's "
                  f"similarity rises by {gain:.2f}).",
                  "Check whether this clause was added to the translation and remove it, "
                  "unless the source implies it.")


CHECKS = (
    Check("addition", Severity.WARNING,
          "Translation text with no counterpart in the source: a translation far longer than "
          "the document's own length ratio, or, with the e5 scorer, an English clause whose "
          "words match nothing in a longer, lower-scoring translation; or a clause whose "
          "deletion makes the pair a closer translation (second encoder).", find_addition),
)
