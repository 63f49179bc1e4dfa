"""``urls-emails``: a web address or an e-mail address on one side of a pair that is missing or
changed on the other (``who.int`` → ``who.org``, a dropped ``info@…``).

Addresses are copied, never translated, so they are compared as written, up to case, the scheme
(``http``/``https``), a leading ``www.`` and a trailing slash, which readers treat as the same
address. A changed address is reported at the translation's address; a missing one at the
source's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import SRC, TGT, Pair, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.sides import pair_hits

#: A URL with a scheme or ``www.``, or a bare domain with a path; trailing punctuation is the
#: sentence's, not the address's.
URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"“”«»'‘’()\[\]{}،؛]+", re.IGNORECASE)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_TRAILING = ".,;:!?…»”’'\")]}"


def addresses(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Every URL and e-mail address in ``text`` with its span (trailing punctuation left out)."""
    out: list[tuple[str, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (URL, EMAIL):
        for m in pattern.finditer(text):
            value = m.group().rstrip(_TRAILING)
            span = (m.start(), m.start() + len(value))
            if "." not in value or any(s[0] <= span[0] < s[1] for s in taken):
                continue
            taken.append(span)
            out.append((value, span))
    out.sort(key=lambda a: a[1])
    return out


def normalise(address: str) -> str:
    """The form two copies of one address share."""
    folded = address.casefold()
    folded = re.sub(r"^(?:https?|ftp)://", "", folded)
    folded = folded.removeprefix("www.")
    return folded.rstrip("/")


def find(ctx: CheckContext) -> Iterator[Hit]:
    yield from pair_hits(ctx, _pair)


def _pair(pair: Pair, _src_lang: str, _tgt_lang: str) -> Iterator[Hit]:
    if not pair.src or not pair.tgt:
        return
    src = addresses(pair.text(SRC))
    tgt = addresses(pair.text(TGT))
    if not src and not tgt:
        return
    src_keys = [normalise(a) for a, _ in src]
    tgt_keys = [normalise(a) for a, _ in tgt]
    missing = [a for a, k in zip(src, src_keys) if k not in tgt_keys]
    extra = [a for a, k in zip(tgt, tgt_keys) if k not in src_keys]
    for k, (value, span) in enumerate(extra):
        if k < len(missing):
            was = missing[k][0]
            yield Hit(pair.id, TGT, span,
                      f"The address '{value}' differs from the source's '{was}'.",
                      f"Copy the address as the source has it: '{was}'.")
        else:
            yield Hit(pair.id, TGT, span,
                      f"The address '{value}' is not in the source.",
                      "Check the address against the source; remove it if it was added.")
    for value, span in missing[len(extra):]:
        yield Hit(pair.id, SRC, span,
                  f"The address '{value}' is missing from the translation.",
                  f"Copy '{value}' into the translation.")


CHECKS = (Check("urls-emails", Severity.WARNING,
                "A URL or e-mail address missing from one side or changed on the other "
                "(.com → .org).", find),)
