"""Test helper: pairs built from text that is already sentence-aligned (a parallel
corpus), so checks can run on it without segmenting or aligning."""

from __future__ import annotations

from collections.abc import Sequence

from aligner.checks import CheckContext, CheckOptions
from aligner.model import Location, Pair, Sentence


def pairs_from_texts(src: Sequence[str], tgt: Sequence[str], src_lang: str = "ar",
                     tgt_lang: str = "en", file: str = "<memory>",
                     scores: Sequence[float | None] | None = None) -> tuple[Pair, ...]:
    """One 1-1 pair per line pair (an empty string gives an empty side). Locations count each
    line of ``src`` as lines 1..n of ``file`` and each line of ``tgt`` as the following lines,
    as in a combined file."""
    if len(src) != len(tgt):
        raise ValueError(f"{len(src)} source lines but {len(tgt)} target lines")
    pairs = []
    offset = 0
    starts = []
    for text in [*src, *tgt]:
        starts.append(offset)
        offset += len(text) + 1
    n = len(src)
    for i, (s, t) in enumerate(zip(src, tgt)):
        s_side = (Sentence(s, Location(file, starts[i], starts[i] + len(s), i + 1, 1),
                           src_lang, i, i),) if s else ()
        t_side = (Sentence(t, Location(file, starts[n + i], starts[n + i] + len(t), n + i + 1,
                                       1), tgt_lang, i, i),) if t else ()
        score = scores[i] if scores is not None else None
        pairs.append(Pair(i, s_side, t_side, score))
    return tuple(pairs)


def gold_context(src: Sequence[str], tgt: Sequence[str], src_lang: str = "ar",
                 tgt_lang: str = "en", options: CheckOptions | None = None,
                 scores: Sequence[float | None] | None = None) -> CheckContext:
    """A check context over sentence-aligned text."""
    return CheckContext(pairs_from_texts(src, tgt, src_lang, tgt_lang, scores=scores),
                        src_lang, tgt_lang, options=options or CheckOptions())
