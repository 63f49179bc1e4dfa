"""``date-mismatch``: a month named on one side of a pair and not on the other.

Month names are read with :func:`aligner.anchors.months`: English names, and both
Arabic series (يناير and كانون الثاني; "يناير/كانون الثاني" is one date). Days and years are
numbers and are compared by ``number-mismatch``.

An Arabic month name that the English renders as a name sounding like it (أغسطس "Augustus")
is that name, not a month.

Severity: ``error`` when the two sides name different months (the date was changed),
``warning`` when a month is only missing or added.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..anchors import months
from ..lang import en
from ..model import SRC, TGT, Pair, Severity
from ..translit import sounds_like_any
from ._support.base import Check, CheckContext, Hit
from ._support.sides import arabic_english, pair_hits

MONTH_NAMES = {i: m.capitalize() for i, m in enumerate(en.MONTH_NAMES, 1)}


def compare(src: str, tgt: str, src_lang: str = "ar", tgt_lang: str = "en"
            ) -> tuple[list[tuple[int, int, int]], list[tuple[int, int, int]]]:
    """Months of each side not named on the other, as ``(start, end, month)``."""
    s_months = months(src, src_lang)
    t_months = months(tgt, tgt_lang)
    s_named = {m for _s, _e, m in s_months}
    t_named = {m for _s, _e, m in t_months}
    return ([x for x in s_months if x[2] not in t_named],
            [x for x in t_months if x[2] not in s_named])


_CAPITALISED = re.compile(r"(?<![\w.])[A-Z][a-z]{3,}")


def _rendered_as_name(arabic_month: str, english: str) -> bool:
    """An Arabic month name the English renders as a name that sounds like it, not a month
    (أغسطس "Augustus", the emperor)."""
    return sounds_like_any(arabic_month, (w for w in _CAPITALISED.findall(english)
                                          if w.lower() not in en.MONTH_NAMES))


def check_pair(pair: Pair, src_lang: str, tgt_lang: str) -> Iterator[Hit]:
    """Hits for the months of one pair that the other side does not name."""
    if not pair.src or not pair.tgt:
        return
    src, tgt = pair.text(SRC), pair.text(TGT)
    missing, added = compare(src, tgt, src_lang, tgt_lang)
    if src_lang == "ar" and tgt_lang == "en":
        missing = [m for m in missing if not _rendered_as_name(src[m[0]:m[1]], tgt)]
    elif src_lang == "en" and tgt_lang == "ar":
        added = [m for m in added if not _rendered_as_name(tgt[m[0]:m[1]], src)]
    changed = bool(missing and added)
    severity = Severity.ERROR if changed else Severity.WARNING
    added_names = ", ".join(MONTH_NAMES[m] for _s, _e, m in added)
    for start, end, month in missing:
        instead = f"; the translation says {added_names} instead" if changed else ""
        yield Hit(pair.id, SRC, (start, end),
                  f"The source names the month '{src[start:end]}' ({MONTH_NAMES[month]}), "
                  f"which is not in the translation{instead}.",
                  f"Check the date: the translation should say {MONTH_NAMES[month]}.", severity)
    for start, end, _month in added:
        yield Hit(pair.id, TGT, (start, end),
                  f"The translation names {tgt[start:end]}, a month the source does not name.",
                  "Check the date against the source.", severity)


def find(ctx: CheckContext) -> Iterator[Hit]:
    if arabic_english(ctx) is None:
        return  # month names are read in Arabic and English
    yield from pair_hits(ctx, check_pair)


CHECKS = (Check("date-mismatch", Severity.WARNING,
                "A month named on one side and not on the other (error when the months "
                "differ).", find),)
