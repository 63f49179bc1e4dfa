"""The values that travel through the pipeline: sources → sentences → pairs → findings → result.

All classes are frozen: a stage never edits what an earlier stage produced, it builds new values.
Offsets are always character offsets into the *decoded original* text of a file, never into a
normalised copy, so a finding can point at the exact place a translator must look.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from enum import Enum

from .view import original_span, view_map


class Severity(str, Enum):
    """How bad a finding is. ``error`` means a reader of the published text would be misled."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        try:
            return cls(str(value.value if isinstance(value, Severity) else value).lower())
        except ValueError:
            names = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of {names})") from None


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

SRC = "src"
TGT = "tgt"
SIDES = (SRC, TGT)


@dataclass(frozen=True)
class LineIndex:
    """Maps character offsets of one text to 1-based line and column (column in characters)."""

    starts: tuple[int, ...]

    @classmethod
    def of(cls, text: str) -> LineIndex:
        starts = [0]
        find = text.find
        at = find("\n")
        while at >= 0:  # str.find, not a loop over every character of a book
            starts.append(at + 1)
            at = find("\n", at + 1)
        return cls(tuple(starts))

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1


@dataclass(frozen=True)
class Location:
    """Where a piece of text lives in its file: ``[start, end)`` plus the line/column of start."""

    file: str
    start: int
    end: int
    line: int
    col: int

    @property
    def end_col(self) -> int:
        """Column just after the span (exclusive), on the same line as ``col``."""
        return self.col + (self.end - self.start)

    def to_dict(self) -> dict:
        return {"file": self.file, "start": self.start, "end": self.end,
                "line": self.line, "col": self.col}


@dataclass(frozen=True)
class Block:
    """A run of lines in one language, as a reader found it in a file.

    ``text`` is the whole decoded file (shared by every block of that file) so that offsets of
    everything cut from the block stay offsets into the original.
    """

    file: str
    lang: str
    text: str = field(repr=False)
    start: int
    end: int

    @property
    def content(self) -> str:
        return self.text[self.start:self.end]


@dataclass(frozen=True)
class InlineCode:
    """An inline code of a bilingual file (XLIFF ``<ph>``, ``<g>``, TMX ``<bpt>``...), kept in
    its segment's text as a visible placeholder token (``<x1/>``, ``<g2>``, ``</g2>``).

    ``start``/``end`` are the token's offsets in the segment text; ``kind`` is ``open``,
    ``close`` or ``standalone``; ``code`` is the code's id in the file (what pairs an opening
    with its closing and a source code with its target); ``element`` the tag name and
    ``native`` the native code it stands for (``<b>``), when the file gives one.
    """

    start: int
    end: int
    kind: str
    code: str
    element: str
    native: str = ""


@dataclass(frozen=True)
class Sentence:
    """One segment of a document, with its place in the original file.

    ``text`` is the *analysis view* of the segment (:mod:`aligner.view`: no format characters,
    Arabic presentation forms folded), which segmenters and checks read; ``raw`` is the original
    slice of the file when it differs from the view (``None`` otherwise), and :attr:`original`
    is what exports show. ``loc`` always spans the original.

    ``break_conf`` is the segmenter's confidence that a real sentence ends after this segment
    (1.0 at the end of a paragraph). A low value marks a candidate break the aligner may undo,
    for example a stray full stop inside an Arabic sentence.
    """

    text: str
    loc: Location
    lang: str
    index: int
    paragraph: int
    break_conf: float = 1.0
    break_reason: str = ""
    #: Candidate breaks the aligner ran through (a stray full stop, say), as
    #: ``(offset in text just after the mark, segmenter confidence, segmenter reason)``.
    joins: tuple[tuple[int, float, str], ...] = ()
    #: Inline codes of a bilingual file's segment (empty for plain text), by offset in ``text``.
    codes: tuple[InlineCode, ...] = ()
    raw: str | None = None

    @classmethod
    def of(cls, original: str, loc: Location, lang: str, index: int, paragraph: int,
           **fields) -> Sentence:
        """A sentence whose ``text`` is the view of ``original`` (kept as ``raw`` if it differs)."""
        text, offsets = view_map(original)
        return cls(text=text, loc=loc, lang=lang, index=index, paragraph=paragraph,
                   raw=None if offsets is None else original, **fields)

    @property
    def original(self) -> str:
        """The sentence as the file has it (format characters and all)."""
        return self.text if self.raw is None else self.raw

    def original_span(self, span: tuple[int, int]) -> tuple[int, int]:
        """The span of :attr:`original` covering ``span`` of :attr:`text`."""
        if self.raw is None:
            return span
        return original_span(self.raw, span)


@dataclass(frozen=True)
class Document:
    """The sentences of one language of a source."""

    file: str
    lang: str
    sentences: tuple[Sentence, ...]
    text: str = field(default="", repr=False)  # the whole decoded file the offsets refer to


@dataclass(frozen=True)
class Source:
    """What a reader produced from one or two files: one block per language present."""

    name: str
    files: tuple[str, ...]
    blocks: tuple[Block, ...]

    def langs(self) -> tuple[str, ...]:
        return tuple(b.lang for b in self.blocks)


@dataclass(frozen=True)
class Pair:
    """An aligned bead: source sentences with their translation (either side may be empty)."""

    id: int
    src: tuple[Sentence, ...]
    tgt: tuple[Sentence, ...]
    score: float | None = None

    @property
    def bead(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"

    def side(self, side: str) -> tuple[Sentence, ...]:
        return self.src if side == SRC else self.tgt

    def text(self, side: str) -> str:
        """The side's sentences joined by one space: the text finding spans refer to."""
        return " ".join(s.text for s in self.side(side))

    def original_text(self, side: str) -> str:
        """The side's sentences as the file has them (what exports show), joined by a space."""
        return " ".join(s.original for s in self.side(side))

    def locate(self, side: str, span: tuple[int, int]) -> Location | None:
        """Map a span of :meth:`text` back to a location in the original file."""
        pos = 0
        for sent in self.side(side):
            end = pos + len(sent.text)
            if span[0] <= end:
                start = max(0, span[0] - pos)
                stop = min(len(sent.text), max(start, span[1] - pos))
                # A span of the view covers the original characters it came from.
                start, stop = sent.original_span((start, stop))
                offset = sent.loc.start + start
                # Column arithmetic stays valid because a sentence never spans a newline.
                return Location(sent.loc.file, offset, sent.loc.start + stop,
                                sent.loc.line, sent.loc.col + start)
            pos = end + 1
        return None


@dataclass(frozen=True)
class Finding:
    """One fault found by a check, pointing at a span of one side of one pair."""

    check: str
    severity: Severity
    pair: int
    side: str
    span: tuple[int, int]
    excerpt: str
    message: str
    suggestion: str
    loc: Location | None = None


def finding_order(finding: Finding) -> tuple:
    """Document order: by pair, source side first, then position, then check id."""
    return (finding.pair, finding.side != SRC, finding.span[0], finding.check)


@dataclass(frozen=True)
class Result:
    """Everything one run produced for one source."""

    tool: dict
    sources: tuple[str, ...]
    src_lang: str
    tgt_lang: str | None
    pairs: tuple[Pair, ...]
    findings: tuple[Finding, ...] = ()
    notices: tuple[str, ...] = ()

    def counts(self) -> dict[str, int]:
        out = {s.value: 0 for s in Severity}
        for f in self.findings:
            out[f.severity.value] += 1
        return out

    def at_or_above(self, level: Severity) -> list[Finding]:
        return [f for f in self.findings if f.severity.rank >= level.rank]
