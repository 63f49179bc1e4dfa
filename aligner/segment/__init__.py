"""Sentence segmentation: a block of lines → sentences with offsets into the original file.

Each non-empty line is a paragraph; a sentence never crosses a line break, so every sentence has
one line and a start column.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Block, Document, LineIndex, Location, Sentence
from ..sources.combined import lines_with_offsets
from . import arabic, english
from .base import Cut

SPLITTERS: dict[str, Callable[[str], list[Cut]]] = {"ar": arabic.split, "en": english.split}


def segment(block: Block, index: LineIndex | None = None) -> Document:
    """Split a block into sentences; offsets, lines and columns refer to the original file."""
    index = index or LineIndex.of(block.text)
    split = SPLITTERS.get(block.lang, english.split)
    sentences: list[Sentence] = []
    paragraph = 0
    for line_start, line_end in lines_with_offsets(block.text):
        if line_end <= block.start or line_start >= block.end:
            continue
        line = block.text[line_start:line_end]
        if not line.strip():
            continue
        for cut in split(line):
            cut = _trim(line, cut)
            if cut.start >= cut.end:
                continue
            sentences.append(_sentence(block, index, line_start, cut, len(sentences), paragraph))
        paragraph += 1
    return Document(block.file, block.lang, tuple(sentences), block.text)


def _trim(line: str, cut: Cut) -> Cut:
    """Sentences never start or end with whitespace, whatever the splitter returned."""
    start, end = cut.start, cut.end
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return cut._replace(start=start, end=end)


def _sentence(block: Block, index: LineIndex, base: int, cut: Cut, i: int, para: int) -> Sentence:
    start, end = base + cut.start, base + cut.end
    line, col = index.line_col(start)
    return Sentence(text=block.text[start:end], loc=Location(block.file, start, end, line, col),
                    lang=block.lang, index=i, paragraph=para, break_conf=cut.conf,
                    break_reason=cut.reason)
