"""``modality-drift``: possibility on one side of a pair, obligation on the other, or an
obligation lost (the markers are in :mod:`aligner.checks._support.markers`)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import SRC, TGT, Pair, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.markers import markers, quote
from ._support.sides import arabic_english, pair_hits


def modality_hits(pair: Pair, src_lang: str, tgt_lang: str) -> Iterator[Hit]:
    """Possibility turned into obligation (or back), or an obligation lost in translation."""
    if not pair.src or not pair.tgt:
        return
    src, tgt = pair.text(SRC), pair.text(TGT)
    s, t = markers(src, src_lang), markers(tgt, tgt_lang)
    if s.possible and not s.must_any and t.must and not t.possible:
        yield Hit(pair.id, TGT, t.must[0],
                  f"The source says this can or may happen ({quote(src, s.possible)}) but the "
                  f"translation makes it an obligation ({quote(tgt, t.must)}).",
                  "Use 'can', 'could' or 'may' as the source does, unless it is really an "
                  "obligation.")
    elif s.must and not s.possible_any and t.possible and not t.must_any:
        yield Hit(pair.id, TGT, t.possible[0],
                  f"The source states an obligation ({quote(src, s.must)}) but the translation "
                  f"makes it a possibility ({quote(tgt, t.possible)}).",
                  "Use 'must', 'has to' or 'should' as the source does.")
    elif s.must and not t.must_any and not t.possible_any and tgt_lang == "en":
        # Only into English, where an imperative ("Check the cabin") is recognised.
        yield Hit(pair.id, SRC, s.must[0],
                  f"The source states an obligation ({quote(src, s.must)}) that the "
                  "translation does not express.",
                  "Render the obligation ('must', 'has to', 'should', 'need to').")


def find_modality(ctx: CheckContext) -> Iterator[Hit]:
    if arabic_english(ctx) is None:
        return
    yield from pair_hits(ctx, modality_hits)


CHECKS = (
    Check("modality-drift", Severity.WARNING,
          "Modal markers that disagree: possibility (يمكن، قد / can, may) on one side, "
          "obligation (يجب / must, has to) on the other, or an obligation lost.",
          find_modality),
)
