"""``align apply``: a reviser's ``review.json`` made into files.

The source files are read as ``align check`` reads them and must hash to what the review
recorded (otherwise the offsets point at other text). The target edits are then laid into the
decoded text at their offsets, and the review's alignment (the pairs as the reviser left them,
merges and splits included) is rebuilt on the corrected text: no aligner and no scorer run, so
the TMX or XLIFF written is exactly what the reviser saw and approved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from . import __version__
from .align.forced import ForcedPair, forced_beads
from .errors import InputError
from .inputs import DEFAULT_MAX_BYTES
from .model import SRC, TGT, Block, Document, LineIndex, Location, Pair, Result, Sentence
from .review_file import Range, Review, read_review, side_files, text_sha256
from .sources.encoding import read_text


@dataclass(frozen=True)
class Applied:
    """The corrected texts and the reviewed alignment on them."""

    texts: dict[str, str]   # file → corrected decoded text (the original where nothing changed)
    tgt_file: str | None
    result: Result
    edits: int


def load_sources(review: Review, override: Sequence[str] = (), encoding: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES
                 ) -> tuple[str, str | None, dict[str, str]]:
    """The source and target files and their decoded texts by side (``src``, ``tgt``), each
    checked against the review's hash: a file that changed since the report is refused in one
    line."""
    src_file, tgt_file = side_files(review, override)
    texts: dict[str, str] = {}
    read: dict[str, str] = {}
    for side, file, recorded in ((SRC, src_file, review.src),
                                 (TGT, tgt_file, review.tgt)):
        if file is None or recorded is None:
            continue
        if recorded.sha256 is None:
            raise InputError("the review records no hash of its source (it was made from a "
                             "bilingual file or an older result), so its offsets cannot be "
                             "trusted", review.path)
        if file not in read:
            read[file] = read_text(file, encoding, max_bytes)
        if text_sha256(read[file]) != recorded.sha256:
            raise InputError(f"does not match the review {review.path} (its text changed since "
                             "the report was made; sha256 differs)", file)
        texts[side] = read[file]
    return src_file, tgt_file, texts


def apply_review(review: Review, override: Sequence[str] = (), encoding: str | None = None,
                 max_bytes: int = DEFAULT_MAX_BYTES) -> Applied:
    """The review's edits applied to its source, and its alignment rebuilt on the result."""
    src_file, tgt_file, original = load_sources(review, override, encoding, max_bytes)
    if review.edits and tgt_file is None:
        raise InputError("the review has edits but no translation side", review.path)
    combined = tgt_file == src_file
    edits = sorted(review.edits, key=lambda e: e.start)
    for e in edits:
        if e.end > len(original[TGT]):
            raise InputError(f"an edit at {e.start}-{e.end} lies past the end of the text",
                             tgt_file)
    corrected_tgt = _splice(original[TGT], edits) if TGT in original else None
    shift = _Shift(edits)
    texts = {src_file: corrected_tgt if combined and corrected_tgt is not None
             else original[SRC]}
    if tgt_file is not None and corrected_tgt is not None:
        texts[tgt_file] = corrected_tgt
    # In a combined file the edits move the text after them, the original's included.
    src_shift = shift if combined else _Shift(())
    lines = {f: LineIndex.of(t) for f, t in texts.items()}
    src_lang = review.src.lang
    tgt_lang = review.tgt.lang if review.tgt else None
    pairs: list[Pair] = []
    counters = {SRC: 0, TGT: 0}

    def sentences(ranges: Sequence[Range], side: str) -> tuple[Sentence, ...]:
        file = src_file if side == SRC else tgt_file
        assert file is not None
        text, moved = texts[file], src_shift if side == SRC else shift
        out = []
        for start, end in _within_edits(ranges, edits if side == TGT else ()):
            a, b = moved.map(start), moved.map(end)
            if b > len(text):
                raise InputError(f"a sentence at {start}-{end} lies past the end of the text",
                                 file)
            if not text[a:b].strip():
                continue  # the reviser deleted the translation: the pair loses that side
            line, col = lines[file].line_col(a)
            out.append(Sentence.of(text[a:b], Location(file, a, b, line, col),
                                   src_lang if side == SRC else tgt_lang or "",
                                   counters[side], 0))
            counters[side] += 1
        return tuple(out)

    for rp in review.pairs:
        src_side, tgt_side = sentences(rp.src, SRC), sentences(rp.tgt, TGT)
        if src_side or tgt_side:
            pairs.append(Pair(len(pairs), src_side, tgt_side))
    files = (src_file,) if combined or tgt_file is None else (src_file, tgt_file)
    tool = {"name": "aligner", "version": __version__, "review": str(review.path)}
    result = Result(tool=tool, sources=files, src_lang=src_lang, tgt_lang=tgt_lang,
                    pairs=tuple(pairs))
    return Applied(texts, tgt_file, result, len(edits))


def _within_edits(ranges: Sequence[Range], edits: Sequence) -> list[Range]:
    """The ranges with those that lie in one edit joined: the reviser rewrote them as one
    text, so they are one sentence now."""
    out: list[Range] = []
    last_edit = None
    for start, end in ranges:
        edit = next((e for e in edits if e.start <= start and end <= e.end), None)
        if edit is not None and edit is last_edit:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
        last_edit = edit
    return out


def _splice(text: str, edits: Sequence) -> str:
    out, pos = [], 0
    for e in edits:
        out.append(text[pos:e.start])
        # A sentence never spans a line: the reviser's line breaks become spaces.
        out.append(" ".join(e.text.splitlines()))
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


class _Shift:
    """Maps an offset of the original text to the corrected one (edits sorted, disjoint)."""

    def __init__(self, edits: Sequence) -> None:
        self.edits = [(e.start, e.end, len(" ".join(e.text.splitlines()))) for e in edits]

    def map(self, offset: int) -> int:
        delta = 0
        for start, end, new_len in self.edits:
            if offset >= end and not (offset == end == start):
                delta += new_len - (end - start)
            elif offset > start:
                # Inside an edit: only its ends are sentence boundaries, so this is its end.
                return start + delta + new_len
            else:
                break
        return offset + delta


def review_forced(path: str, src_block: Block, tgt_block: Block, src: Document,
                  tgt: Document, max_bytes: int = DEFAULT_MAX_BYTES) -> list[ForcedPair] | None:
    """The forced beads ``review.json`` at ``path`` holds for this source, or None when the
    review is of another source. A review of this source whose text changed is refused."""
    review = read_review(path, max_bytes)
    if review.tgt is None or not (_same_file(review.src.file, src_block.file)
                                  and _same_file(review.tgt.file, tgt_block.file)):
        return None
    for recorded, block in ((review.src, src_block), (review.tgt, tgt_block)):
        if recorded.sha256 is None:
            raise InputError("the review records no hash of its source, so its re-pairings "
                             "cannot be trusted", path)
        if text_sha256(block.text) != recorded.sha256:
            raise InputError(f"does not match the review {path} (its text changed since the "
                             "report was made; sha256 differs)", block.file)
    return forced_beads(src, tgt, [(p.src, p.tgt, p.repaired) for p in review.pairs], path)


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b
