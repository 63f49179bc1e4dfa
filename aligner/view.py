"""The analysis view of a text: what segmenters and checks read, with a map back to the original.

Invisible format characters (right-to-left and left-to-right marks, zero-width joiners, bidi
embeddings and isolates, the soft hyphen, a byte-order mark inside the text) change how a text is
*shown*, not what it *says*. Left in, they hide faults: "العديد.\u200f من" is not "a full stop
followed by a space" to a regular expression, so a stray full stop escapes every check. Arabic
presentation forms (U+FB50–FDFF, U+FE70–FEFC, common in text copied from PDFs) are the same
letters in a shaped form; left in, the text is not even recognised as Arabic.

The view removes the first and folds the second (NFKC, one character at a time). Each character
of the original becomes zero, one or several characters of the view, independently of its
neighbours, so the view of a concatenation is the concatenation of the views, and every view
offset maps back to one original offset. Offsets in findings always go through that map: they
point into the original file, whatever the view looks like.
"""

from __future__ import annotations

import re
import unicodedata
from types import MappingProxyType

# Format characters (general category Cf) that only steer display. Left out on purpose: the
# prepended concatenation marks (U+0600–0605 Arabic number sign and the like, U+06DD end of ayah,
# U+070F, U+0890–0891, U+08E2), which are visible signs.
_FORMAT = (
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
    "\ufff9-\ufffb\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
_PRESENTATION = "\ufb50-\ufdff\ufe70-\ufefc"
FORMAT_CHAR = re.compile(f"[{_FORMAT}]")
_CHANGED = re.compile(f"[{_FORMAT}{_PRESENTATION}]")


def _folds() -> MappingProxyType:
    table = {}
    for lo, hi in ((0xFB50, 0xFDFF), (0xFE70, 0xFEFC)):
        for code in range(lo, hi + 1):
            ch = chr(code)
            folded = unicodedata.normalize("NFKC", ch)
            if folded != ch:
                table[ch] = folded
    return MappingProxyType(table)


_FOLD = _folds()


def _char_view(ch: str) -> str:
    if FORMAT_CHAR.match(ch):
        return ""
    return _FOLD.get(ch, ch)


def needs_view(raw: str) -> bool:
    """Whether the view of ``raw`` differs from ``raw`` (most texts: no)."""
    return _CHANGED.search(raw) is not None


def analysis_view(raw: str) -> str:
    """``raw`` without format characters and with presentation forms folded."""
    if not needs_view(raw):
        return raw
    return _CHANGED.sub(lambda m: _char_view(m.group()), raw)


def view_map(raw: str) -> tuple[str, list[int] | None]:
    """The view of ``raw`` and, when it differs, the original offset of every view character
    plus one final entry, ``len(raw)``, for the view's end (``None``: the view is ``raw``)."""
    if not needs_view(raw):
        return raw, None
    parts: list[str] = []
    offsets: list[int] = []
    pos = 0
    for m in _CHANGED.finditer(raw):
        plain = raw[pos:m.start()]
        parts.append(plain)
        offsets.extend(range(pos, m.start()))
        folded = _char_view(m.group())
        parts.append(folded)
        offsets.extend([m.start()] * len(folded))
        pos = m.end()
    parts.append(raw[pos:])
    offsets.extend(range(pos, len(raw)))
    offsets.append(len(raw))
    return "".join(parts), offsets


def original_span(raw: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span of ``raw`` that covers ``span`` of its view (an empty span stays empty)."""
    view, offsets = view_map(raw)
    start = max(0, min(span[0], len(view)))
    end = max(start, min(span[1], len(view)))
    if offsets is None:
        return start, end
    o_start = offsets[start]
    if end == start:
        return o_start, o_start
    return o_start, offsets[end - 1] + 1


def view_offset(raw: str, offset: int) -> int:
    """Where original offset ``offset`` of ``raw`` falls in its view."""
    return len(analysis_view(raw[:offset]))
