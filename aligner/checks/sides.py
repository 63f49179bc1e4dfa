"""Which side of a pair is Arabic and which is English: checks that read both languages work
whichever of them is the original (a TMX may declare English as its source language)."""

from __future__ import annotations

from ..model import SRC, TGT
from ..text import primary
from .base import CheckContext


def arabic_english(ctx: CheckContext) -> tuple[str, str] | None:
    """``(arabic side, english side)`` for an Arabic-English context, else ``None``."""
    if not ctx.tgt_lang:
        return None
    langs = {SRC: primary(ctx.src_lang), TGT: primary(ctx.tgt_lang)}
    if langs == {SRC: "ar", TGT: "en"}:
        return SRC, TGT
    if langs == {SRC: "en", TGT: "ar"}:
        return TGT, SRC
    return None


def lang_of(ctx: CheckContext, side: str) -> str:
    """The primary language subtag of one side."""
    return primary(ctx.src_lang if side == SRC else (ctx.tgt_lang or ""))
