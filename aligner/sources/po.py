"""Read a gettext PO file for QA, through translate-toolkit (``translate.storage.pypo``).

Each translatable entry (not the header, not an obsolete ``#~`` one) becomes one unit of a
:class:`~aligner.sources.tmx.Memory`: ``msgid`` is the source, ``msgstr`` (``msgstr[0]`` for a
plural) the target; an untranslated entry has an empty target, which the checks report.
Placeholders (``%s``, ``{0}``...) stay in the text, where the ``tags`` check finds them.

Languages: the target's is the header's ``Language``, the source's the file's source
language if it declares one; an undeclared one is told by the script of the text. Locations:
``line`` is the line of the ``msgid``/``msgstr`` keyword's first non-empty string and ``col``
the character after its opening quote (best effort after an escape such as ``\\n``).

translate-toolkit is an optional dependency (the ``po`` extra; the ``test`` extra has it): a PO
file read without it is a clear input error, not a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..inputs import DEFAULT_MAX_BYTES, read_input
from ..model import Location
from ..text import detect_lang, primary
from .tmx import Memory, Unit, Variant

PO_SUFFIXES = (".po", ".pot")
_KEYWORD = re.compile(r'^(msgid|msgstr(?:\[0\])?)\s+"')


def is_po(path: str | Path) -> bool:
    """Whether ``path`` names a PO file (by its suffix, case-insensitively)."""
    return Path(path).suffix.lower() in PO_SUFFIXES


def read_po(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Memory:
    """Parse a PO file (a regular file of at most ``max_bytes``)."""
    name = str(path)
    try:
        from translate.storage import pypo
    except ImportError:
        raise InputError("reading PO files needs translate-toolkit (pip install "
                         "'aligner[po]')", name) from None
    raw = read_input(path, max_bytes)
    if not raw.strip():
        raise InputError("file is empty", name)
    store = pypo.pofile()
    store.filename = name
    try:
        store.parse(raw)
    except Exception as exc:  # translate-toolkit raises ValueError, UnicodeError, ...
        raise InputError(f"not a readable PO file ({exc.__class__.__name__}: {exc})",
                         name) from None
    encoding = getattr(store, "encoding", None) or "utf-8"
    try:
        text = raw.decode(encoding, errors="replace")
    except LookupError:
        text = raw.decode("utf-8", errors="replace")
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    entries = [u for u in store.units if not u.isheader() and not u.isobsolete()]
    declared = store.getsourcelanguage()
    src_lang = declared or detect_lang(
        " ".join(str(u.source) for u in entries)[:5000]) or "und"
    tgt_lang = store.gettargetlanguage() or detect_lang(
        " ".join(str(u.target or "") for u in entries)[:5000]) or "und"
    units = []
    for u in entries:
        where = _keyword_positions(lines, (u.line_number or 1) - 1)
        variants = []
        for role, value, lang in (("msgid", str(u.source), src_lang),
                                  ("msgstr", str(u.target or ""), tgt_lang)):
            line, col = where.get(role, (u.line_number or 1, 1))
            start = starts[line - 1] + col - 1 if line - 1 < len(starts) else 0
            loc = Location(name, start, start + len(value), line, col)
            variants.append(Variant(lang, primary(lang), value, loc))
        units.append(Unit(u.getid() or None, u.line_number or 0, tuple(variants)))
    return Memory(name, src_lang, tuple(units), kind="PO",
                  srclang_from=("the file's language header" if declared
                                else "the script of its msgid text"))


def _keyword_positions(lines: list[str], first: int) -> dict[str, tuple[int, int]]:
    """``msgid``/``msgstr`` -> (line, column of the text) for the entry starting at ``first``
    (0-based): the character after the quote of the keyword's first non-empty string."""
    out: dict[str, tuple[int, int]] = {}
    k = first
    while k < len(lines) and len(out) < 2:
        m = _KEYWORD.match(lines[k])
        if m:
            role = "msgid" if m.group(1) == "msgid" else "msgstr"
            if role in out:
                break  # the next entry
            line, col = k, m.end()
            if lines[k][m.end():].startswith('"') and k + 1 < len(lines) \
                    and lines[k + 1].lstrip().startswith('"'):
                # msgid "" then continuation lines: the text starts on the next line
                line, col = k + 1, lines[k + 1].index('"') + 1
            out[role] = (line + 1, col + 1)
        elif out and not lines[k].strip():
            break
        k += 1
    return out
