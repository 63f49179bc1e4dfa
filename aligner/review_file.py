"""The ``review.json`` a reviser downloads from the HTML report (docs/review.md, "review.json").

One file holds everything a reviser did to one source in the report: target edits, comments,
finding decisions and the alignment as the reviser left it (re-paired pairs marked). Everything
is keyed by character offsets into the decoded source files, never by pair numbers alone, so
that a re-run (which may number pairs differently) can still find each piece; the files'
``sha256`` ties the offsets to the exact text they were taken from.

:func:`read_review` is the one reader: it checks the whole structure and raises
:class:`InputError` naming the file and the entry for anything out of shape.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .inputs import DEFAULT_MAX_BYTES, read_input

#: ``format`` of a review file; ``version`` is bumped only for incompatible changes.
REVIEW_FORMAT = "aligner-review"
REVIEW_VERSION = 1
#: The statuses a decision may carry (the baseline's).
DECISION_STATUSES = ("accepted", "false-positive")

Range = tuple[int, int]


@dataclass(frozen=True)
class ReviewSide:
    """One side of the source: the file it was read from, its language and text hash."""

    file: str
    lang: str
    sha256: str | None  # None: the run did not record it (a bilingual file, an older result)


@dataclass(frozen=True)
class ReviewPair:
    """A pair of the alignment as the reviser left it: the file ranges of its sentences."""

    src: tuple[Range, ...]
    tgt: tuple[Range, ...]
    repaired: bool = False

    def span(self, side: str) -> Range | None:
        """``[start of the first sentence, end of the last)`` of one side, or None if empty."""
        ranges = self.src if side == "src" else self.tgt
        return (ranges[0][0], ranges[-1][1]) if ranges else None


@dataclass(frozen=True)
class ReviewEdit:
    """The reviser's text for the target range ``[start, end)`` (the target side of ``pair``)."""

    pair: int
    start: int
    end: int
    original: str
    text: str


@dataclass(frozen=True)
class ReviewComment:
    pair: int
    text: str


@dataclass(frozen=True)
class ReviewDecision:
    fingerprint: str
    check: str
    status: str
    excerpt: str
    file: str


@dataclass(frozen=True)
class Review:
    """A parsed ``review.json``."""

    path: str
    src: ReviewSide
    tgt: ReviewSide | None
    pairs: tuple[ReviewPair, ...]
    edits: tuple[ReviewEdit, ...]
    comments: tuple[ReviewComment, ...]
    decisions: tuple[ReviewDecision, ...]

    @property
    def repairs(self) -> tuple[int, ...]:
        """Indexes (into :attr:`pairs`) of the pairs the reviser merged or split."""
        return tuple(k for k, p in enumerate(self.pairs) if p.repaired)


def text_sha256(text: str) -> str:
    """The hash a review records for a source file: SHA-256 of its decoded text as UTF-8
    (so it does not depend on the file's encoding, only on the text offsets refer to)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def is_review_json(data: object) -> bool:
    return isinstance(data, dict) and data.get("format") == REVIEW_FORMAT


def read_review(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Review:
    """Read and check a ``review.json``; an :class:`InputError` names what is wrong."""
    raw = read_input(path, max_bytes, "review ")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise InputError(f"not a review file ({exc.__class__.__name__})", str(path)) from None
    return parse_review(data, str(path))


def parse_review(data: object, name: str) -> Review:
    """A :class:`Review` from the decoded JSON ``data`` of the file ``name``."""
    if not is_review_json(data):
        raise InputError(f"not a review file (expected \"format\": \"{REVIEW_FORMAT}\")", name)
    assert isinstance(data, dict)
    version = data.get("version")
    if version != REVIEW_VERSION:
        raise InputError(f"review version {version!r} is not supported (expected "
                         f"{REVIEW_VERSION})", name)
    p = _Parser(name)
    source = p.obj(data.get("source"), "source")
    src = p.side(source.get("src"), "source.src")
    tgt = None if source.get("tgt") is None else p.side(source.get("tgt"), "source.tgt")
    pairs = tuple(p.pair(item, f"pairs[{k}]") for k, item in enumerate(p.list(data, "pairs")))
    edits = tuple(p.edit(item, f"edits[{k}]", len(pairs))
                  for k, item in enumerate(p.list(data, "edits")))
    comments = tuple(ReviewComment(p.index(p.obj(item, f"comments[{k}]"), "pair", len(pairs),
                                           f"comments[{k}]"),
                                   p.string(item, "text", f"comments[{k}]"))
                     for k, item in enumerate(p.list(data, "comments")))
    decisions = tuple(p.decision(item, f"decisions[{k}]")
                      for k, item in enumerate(p.list(data, "decisions")))
    review = Review(name, src, tgt, pairs, edits, comments, decisions)
    _check_edits(review)
    return review


def _check_edits(review: Review) -> None:
    """Each edit covers exactly its pair's target side, and no two edits overlap."""
    last_end = -1
    for k, e in sorted(enumerate(review.edits), key=lambda ke: ke[1].start):
        span = review.pairs[e.pair].span("tgt")
        if span is None or not (span[0] <= e.start <= e.end <= span[1]):
            raise InputError(f"edits[{k}] is not inside the target side of pair {e.pair}",
                             review.path)
        if e.start < last_end:
            raise InputError(f"edits[{k}] overlaps another edit", review.path)
        last_end = e.end


class _Parser:
    """Typed access to the decoded JSON with one-line errors naming the entry."""

    def __init__(self, name: str) -> None:
        self.name = name

    def fail(self, where: str, what: str) -> InputError:
        return InputError(f"{where}: {what}", self.name)

    def obj(self, value: object, where: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, "expected an object")
        return value

    def list(self, data: dict, key: str) -> list:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(key, "expected a list")
        return value

    def string(self, data: dict, key: str, where: str, required: bool = True) -> str:
        value = data.get(key, None if required else "")
        if not isinstance(value, str):
            raise self.fail(where, f"\"{key}\" must be a string")
        return value

    def index(self, data: dict, key: str, size: int, where: str) -> int:
        value = data.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value < size:
            raise self.fail(where, f"\"{key}\" must be a pair number from 0 to {size - 1}")
        return value

    def offset(self, value: object, where: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise self.fail(where, "offsets must be whole numbers >= 0")
        return value

    def side(self, value: object, where: str) -> ReviewSide:
        data = self.obj(value, where)
        digest = data.get("sha256")
        if digest is not None and not (isinstance(digest, str) and len(digest) == 64 and all(
                c in "0123456789abcdef" for c in digest)):
            raise self.fail(where, "\"sha256\" must be 64 lowercase hexadecimal digits or null")
        return ReviewSide(self.string(data, "file", where), self.string(data, "lang", where),
                          digest)

    def ranges(self, value: object, where: str) -> tuple[Range, ...]:
        if not isinstance(value, list):
            raise self.fail(where, "expected a list of [start, end] offsets")
        out: list[Range] = []
        for item in value:
            if not (isinstance(item, list) and len(item) == 2):
                raise self.fail(where, "expected [start, end] offsets")
            start, end = self.offset(item[0], where), self.offset(item[1], where)
            if end < start or (out and start < out[-1][1]):
                raise self.fail(where, "sentence offsets must be in order and not overlap")
            out.append((start, end))
        return tuple(out)

    def pair(self, value: object, where: str) -> ReviewPair:
        data = self.obj(value, where)
        src = self.ranges(data.get("src", []), where)
        tgt = self.ranges(data.get("tgt", []), where)
        if not src and not tgt:
            raise self.fail(where, "a pair needs a sentence on one side at least")
        repaired = data.get("repaired", False)
        if not isinstance(repaired, bool):
            raise self.fail(where, "\"repaired\" must be true or false")
        return ReviewPair(src, tgt, repaired)

    def edit(self, value: object, where: str, size: int) -> ReviewEdit:
        data = self.obj(value, where)
        start, end = self.offset(data.get("start"), where), self.offset(data.get("end"), where)
        if end < start:
            raise self.fail(where, "\"end\" is before \"start\"")
        return ReviewEdit(self.index(data, "pair", size, where), start, end,
                          self.string(data, "original", where, required=False),
                          self.string(data, "text", where))

    def decision(self, value: object, where: str) -> ReviewDecision:
        data = self.obj(value, where)
        status = self.string(data, "status", where)
        if status not in DECISION_STATUSES:
            raise self.fail(where, f"unknown status {status!r} (expected "
                                   f"{' or '.join(DECISION_STATUSES)})")
        fingerprint = self.string(data, "fingerprint", where)
        check = self.string(data, "check", where)
        if not fingerprint or not check:
            raise self.fail(where, "\"fingerprint\" and \"check\" must not be empty")
        return ReviewDecision(fingerprint, check, status,
                              self.string(data, "excerpt", where, required=False),
                              self.string(data, "file", where, required=False))


def side_files(review: Review, override: Sequence[str] = ()) -> tuple[str, str | None]:
    """The files to read for the source and target sides: the review's, or ``override``
    (one combined file, or the source file then the translation file)."""
    tgt_file = review.tgt.file if review.tgt else None
    if not override:
        return review.src.file, tgt_file
    if len(override) == 1:
        if tgt_file is not None and tgt_file != review.src.file:
            raise InputError("the review is of two parallel files: give --source twice "
                             "(original, then translation)", review.path)
        return override[0], override[0] if tgt_file is not None else None
    if len(override) == 2 and tgt_file is not None:
        return override[0], override[1]
    raise InputError("give --source once (a combined file) or twice (original, then "
                     "translation)", review.path)
