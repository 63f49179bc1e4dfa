"""``negation-drift``: a negation on one side of a pair with no negation of any kind on the
other (the markers are in :mod:`aligner.checks._support.markers`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import SRC, TGT, Pair, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.markers import markers, quote
from ._support.sides import arabic_english, pair_hits


def negation_hits(pair: Pair, src_lang: str, tgt_lang: str) -> Iterator[Hit]:
    """A strong negation on one side of the pair with no negation at all on the other."""
    if not pair.src or not pair.tgt:
        return
    src, tgt = pair.text(SRC), pair.text(TGT)
    s, t = markers(src, src_lang), markers(tgt, tgt_lang)
    if s.neg_strong and not t.neg_any:
        span = s.neg_strong[0]
        yield Hit(pair.id, SRC, span,
                  f"The source is negated ({quote(src, s.neg_strong)}) but the translation "
                  "has no negation: the meaning may be reversed.",
                  "Check that the translation denies what the source denies (not, never, no, "
                  "without).")
    elif t.neg_strong and not s.neg_any:
        span = t.neg_strong[0]
        yield Hit(pair.id, TGT, span,
                  f"The translation is negated ({quote(tgt, t.neg_strong)}) but the source "
                  "has no negation: the meaning may be reversed.",
                  "Check the source: remove the negation unless the source denies it too.")


def find_negation(ctx: CheckContext) -> Iterator[Hit]:
    if arabic_english(ctx) is None:
        return  # the markers are Arabic and English ones
    yield from pair_hits(ctx, negation_hits)


CHECKS = (
    Check("negation-drift", Severity.WARNING,
          "A negation (لم، لا، ليس / not, never, no) on one side with no negation of any kind "
          "on the other.", find_negation),
)
