"""``end-punct-mismatch``: the source ends with a question mark, an exclamation mark, a colon or
an ellipsis and the translation does not, or the other way round; and a question mark of the
other script (``?`` ending Arabic, ``؟`` ending English).

A full stop, or no mark at all, is the unmarked ending and is not compared: missing final
punctuation is ``missing-final-punct``'s business. Closing quotes and brackets after the mark
are looked through ("… said: “Why?”"), and a mark that closes quoted speech is also found
inside the other side's quotation, where the translator moved the speech to the front.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import SRC, TGT, Pair, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.sides import pair_hits

CLOSERS = "\"'”’»)]}* \u00a0"
KINDS = {"?": "question mark", "؟": "question mark", "!": "exclamation mark",
         ":": "colon", "…": "ellipsis"}
_WANTED = {"en": {"?": "?", "؟": "?"}, "ar": {"?": "؟", "؟": "؟"}}


def ending(text: str) -> tuple[str, int] | None:
    """The final mark of a segment (``...`` read as ``…``) and its offset; ``None`` when it
    ends with anything else."""
    end = len(text.rstrip(CLOSERS))
    if end and text[end - 1] in KINDS:
        return text[end - 1], end - 1
    if text[:end].endswith("..."):
        return "…", end - 3
    return None


_QUOTE_CLOSERS = "\"'”’»"
_QUOTED_MARK = re.compile(f"([?؟!:…])[{re.escape(_QUOTE_CLOSERS)}]")


def _quoted_kinds(text: str) -> set[str]:
    """The kinds of mark that close a quotation anywhere in ``text`` ("Why?" she asked)."""
    return {KINDS[m.group(1)] for m in _QUOTED_MARK.finditer(text)}


def _in_quote(text: str, mark: tuple[str, int] | None) -> bool:
    """Whether the segment's final mark closes a quotation rather than the sentence."""
    after = text[mark[1] + 1:mark[1] + 2] if mark is not None else ""
    return bool(after) and after in _QUOTE_CLOSERS


def find(ctx: CheckContext) -> Iterator[Hit]:
    yield from pair_hits(ctx, _pair)


def _pair(pair: Pair, src_lang: str, tgt_lang: str) -> Iterator[Hit]:
    if not pair.src or not pair.tgt:
        return
    src, tgt = pair.text(SRC), pair.text(TGT)
    a, b = ending(src), ending(tgt)
    for side, mark, lang in ((SRC, a, src_lang), (TGT, b, tgt_lang)):
        wanted = _WANTED.get(lang, {}).get(mark[0]) if mark else None
        if mark and wanted and wanted != mark[0]:
            yield Hit(pair.id, side, (mark[1], mark[1] + 1),
                      f"The question mark '{mark[0]}' is the other script's.",
                      f"Write '{wanted}'.")
    kind_a = KINDS[a[0]] if a else None
    kind_b = KINDS[b[0]] if b else None
    if kind_a == kind_b:
        return
    # The mark ends quoted speech that the other side moved ('سألت: «إلى أين؟»' / '"Where
    # to?" she asked.'): it is there, inside the other side's quotation.
    if (_in_quote(src, a) and kind_a in _quoted_kinds(tgt)) or \
            (_in_quote(tgt, b) and kind_b in _quoted_kinds(src)):
        return
    end = len(tgt.rstrip(CLOSERS))
    span = (b[1], b[1] + (3 if tgt[b[1]] == "." else 1)) if b else (max(0, end - 1), end)
    if kind_a:
        message = f"The source ends with a {kind_a}, the translation " + (
            f"with a {kind_b}." if kind_b else "does not.")
        wanted = "?" if a and a[0] in "?؟" else (a[0] if a else "")
        suggestion = f"End the translation with '{wanted}' as the source does, unless the " \
                     "sentence was recast on purpose."
    else:
        message = f"The translation ends with a {kind_b}, the source does not."
        suggestion = "End the translation as the source ends, unless it was recast on purpose."
    yield Hit(pair.id, TGT, span, message, suggestion)


CHECKS = (Check("end-punct-mismatch", Severity.WARNING,
                "The source ends with ? ! : or … and the translation does not (or the other "
                "way round); a question mark of the other script (؟ ↔ ?).", find),)
