"""Plain-text readers: one file holding both languages, or one language per file.

The combined layout is the Al-Mayadeen seed's: an optional URL line, then a block of lines in
one language and a block in the other. Languages come from the letters' script, never from the
order of the blocks.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError
from ..lang import language_name
from ..model import Block
from ..text import detect_lang

_URL = re.compile(r"^\s*(https?://|www\.)\S*\s*$", re.IGNORECASE)


def iter_lines(text: str, start: int = 0, stop: int | None = None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of every line, without its line break, found one at a time: no copy of
    the text as a list of lines (on a 100 MB file that copy was the largest thing a reader
    held). With ``start`` and ``stop``, from the line that holds ``start`` up to the last line
    that begins before ``stop``."""
    pos = text.rfind("\n", 0, start) + 1
    while True:
        end = text.find("\n", pos)
        last = end < 0
        if last:
            end = len(text)
        yield pos, end - 1 if end > pos and text[end - 1] == "\r" else end
        pos = end + 1
        if last or (stop is not None and pos >= stop):
            return


def read_blocks(text: str, file: str) -> tuple[Block, ...]:
    """Split a decoded file into one block per language, in file order.

    Lines without letters (a date in digits, a blank line) belong to the block around them. A URL
    line at the top is metadata, not text to align.
    """
    runs: list[list] = []  # [lang, start, end]
    for start, end in iter_lines(text):
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
    runs = _absorb_stray_lines(runs, text)
    seen: dict[str, int] = {}
    for i, (lang, start, _end) in enumerate(runs):
        if lang in seen:
            line_no = text.count("\n", 0, start) + 1
            raise InputError(f"languages are interleaved: a second {language_name(lang)} block "
                             f"starts at line {line_no}; expected one block per language", file)
        seen[lang] = i
    return tuple(Block(file, lang, text, start, end) for lang, start, end in runs)


@dataclass(frozen=True)
class CombinedParams:
    """How a combined file's blocks are told apart (docs/tuning.md)."""

    #: A line this short in the other script is part of the text around it (a credit "(AFP)",
    #: a name, a handle), not a block of its own; a real block of translation is longer.
    stray_max_words: int = 4


PARAMS = CombinedParams()


def _absorb_stray_lines(runs: list[list], text: str) -> list[list]:
    """Fold a one-line, few-word run of a language that has a block elsewhere into its
    neighbours: an English credit line inside the Arabic original must not read as a second
    English block (interleaved languages, an input error)."""
    runs = [list(r) for r in runs]
    i = 0
    while len(runs) > 2 and i < len(runs):
        lang, start, end = runs[i]
        piece = text[start:end]
        stray = ("\n" not in piece and len(piece.split()) <= PARAMS.stray_max_words
                 and sum(r[0] == lang for r in runs) > 1)
        if not stray:
            i += 1
            continue
        if i == 0:
            runs[1][1] = start
        else:
            runs[i - 1][2] = end
            if i + 1 < len(runs) and runs[i + 1][0] == runs[i - 1][0]:
                runs[i - 1][2] = runs[i + 1][2]
                del runs[i + 1]
        del runs[i]
        i = max(0, i - 1)
    return runs

