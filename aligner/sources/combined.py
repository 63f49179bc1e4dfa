"""Plain-text readers: one file holding both languages, or one language per file.

The combined layout is the Al-Mayadeen seed's: an optional URL line, then a block of lines in
one language and a block in the other. Languages come from the letters' script, never from the
order of the blocks.
"""

from __future__ import annotations

import re

from ..errors import InputError
from ..model import Block
from ..text import detect_lang

_URL = re.compile(r"^\s*(https?://|www\.)\S*\s*$", re.IGNORECASE)


def lines_with_offsets(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line, without its line break (``\\r\\n`` too)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        out.append((pos, end - 1 if line.endswith("\r") else end))
        pos = end + 1
    return out


def read_blocks(text: str, file: str) -> tuple[Block, ...]:
    """Split a decoded file into one block per language, in file order.

    Lines without letters (a date in digits, a blank line) belong to the block around them. A URL
    line at the top is metadata, not text to align.
    """
    runs: list[list] = []  # [lang, start, end]
    for start, end in lines_with_offsets(text):
        line = text[start:end]
        if not line.strip() or (not runs and _URL.match(line)):
            continue
        lang = detect_lang(line)
        if lang is None:
            if runs:
                runs[-1][2] = end
            continue
        if runs and runs[-1][0] == lang:
            runs[-1][2] = end
        else:
            runs.append([lang, start, end])
    if not runs:
        raise InputError("no Arabic or English text found", file)
    seen: dict[str, int] = {}
    for i, (lang, start, _end) in enumerate(runs):
        if lang in seen:
            line = text.count("\n", 0, start) + 1
            raise InputError(f"languages are interleaved: a second {_name(lang)} block starts at "
                             f"line {line}; expected one block per language", file)
        seen[lang] = i
    return tuple(Block(file, lang, text, start, end) for lang, start, end in runs)


def _name(lang: str) -> str:
    return {"ar": "Arabic", "en": "English"}.get(lang, lang)
