"""``untranslated``: source text with no translation, or Arabic script left in the English."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..lang import ar
from ..model import SRC, TGT, Severity
from ._support.base import Check, CheckContext, Hit

_ARABIC_RUN = re.compile(rf"[{ar.BLOCK}][{ar.BLOCK}\s،؛]*[{ar.BLOCK}]|[{ar.LETTERS}]")


def find(ctx: CheckContext) -> Iterator[Hit]:
    for pair in ctx.pairs:
        if pair.src and not pair.tgt:
            text = pair.text(SRC)
            yield Hit(pair.id, SRC, (0, len(text)),
                      "This source text has no translation: nothing in the target corresponds "
                      "to it.", "Translate it, or confirm it was left out on purpose "
                      "(a headline or caption not carried over).")
        if ctx.tgt_lang == "en":
            text = pair.text(TGT)
            for m in _ARABIC_RUN.finditer(text):
                yield Hit(pair.id, TGT, m.span(),
                          f"Arabic text left in the English: '{m.group()}'.",
                          "Translate or transliterate it.")


CHECKS = (Check("untranslated", Severity.ERROR,
                "Source text with no translation (a 1-0 pair) or Arabic script left in the "
                "English.", find),)
