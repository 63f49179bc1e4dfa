"""Which side of a pair is Arabic and which is English: checks that read both languages work
whichever of them is the original (a TMX may declare English as its source language)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from ...model import SRC, TGT, Pair
from ...text import primary
from .base import CheckContext, Hit


def side_lang(ctx: CheckContext, side: str) -> str | None:
    """The primary language subtag of a side (``None`` for the empty side of one-language runs)."""
    lang = ctx.src_lang if side == SRC else ctx.tgt_lang
    return primary(lang) if lang else None


def other_side(side: str) -> str:
    """``tgt`` for ``src`` and ``src`` for ``tgt``."""
    return TGT if side == SRC else SRC


def arabic_english(ctx: CheckContext) -> tuple[str, str] | None:
    """``(arabic side, english side)`` for an Arabic-English context, else ``None``."""
    langs = side_lang(ctx, SRC), side_lang(ctx, TGT)
    if langs == ("ar", "en"):
        return SRC, TGT
    if langs == ("en", "ar"):
        return TGT, SRC
    return None


def pair_hits(ctx: CheckContext, hits: Callable[[Pair, str, str], Iterable[Hit]]
              ) -> Iterator[Hit]:
    """``hits(pair, source language, target language)`` for every pair, in order; the
    languages are primary subtags (``""`` for a missing side), read once per document."""
    src_lang, tgt_lang = side_lang(ctx, SRC) or "", side_lang(ctx, TGT) or ""
    for pair in ctx.pairs:
        yield from hits(pair, src_lang, tgt_lang)
