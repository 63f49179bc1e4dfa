"""Sentence alignment: documents in, pairs out."""

from __future__ import annotations

from ..memory import collector_paused, keep_freed_memory
from ..model import Document, Pair
from ..similarity.base import Scorer
from .dp import PARAMS, AlignParams, search
from .rejoin import rejoin

__all__ = ["AlignParams", "align_documents", "keep_freed_memory", "monolingual_pairs"]


def align_documents(src: Document, tgt: Document, scorer: Scorer,
                    params: AlignParams = PARAMS) -> tuple[Pair, ...]:
    """Align two documents; every sentence of both appears in exactly one pair, in order.

    Segments the search ran through at a doubtful break come out joined as one sentence.
    """
    # Python's cyclic collector is paused while the documents are aligned: the scorers keep a
    # few small containers per word of every sentence alive, and each full pass of the
    # collector over them found nothing to free (the search makes NumPy arrays, not cycles)
    # but cost 0.8 s at 100,000 sentences a side, 1.8 s in all with the other passes.
    # Reference counting still frees what is dropped; the collector resumes afterwards.
    with collector_paused():
        return _align(src, tgt, scorer, params)


def _align(src: Document, tgt: Document, scorer: Scorer,
           params: AlignParams) -> tuple[Pair, ...]:
    scorer.prepare(src.sentences, tgt.sentences)
    beads = search(src.sentences, tgt.sentences, scorer, params)
    if scorer.refit(beads):
        # The refit moves costs a little: the second search stays near the first path, and its
        # band widens where the new path leaves it.
        beads = search(src.sentences, tgt.sentences, scorer, params, guide=beads)
    scores = scorer.similarities(beads)
    pairs: list[Pair] = []
    for (i0, i1, j0, j1), score in zip(beads, scores):
        s_side, t_side = src.sentences[i0:i1], tgt.sentences[j0:j1]
        if s_side and t_side:
            pairs.append(Pair(len(pairs), tuple(rejoin(src, s_side, t_side)),
                              tuple(rejoin(tgt, t_side, s_side)), score))
            continue
        # A passage with no counterpart is one pair per sentence (after rejoining doubtful
        # breaks): two untranslated sentences are two faults, not one 2-0 bead.
        doc, side = (src, s_side) if s_side else (tgt, t_side)
        for sentence in rejoin(doc, side, None):
            unit = (sentence,)
            pairs.append(Pair(len(pairs), unit if s_side else (), () if s_side else unit, score))
    return tuple(pairs)


def monolingual_pairs(doc: Document) -> tuple[Pair, ...]:
    """One pair per sentence for a one-language source, doubtful breaks joined."""
    out: list[Pair] = []
    paragraph: list = []
    sentences = []
    for s in doc.sentences:
        if paragraph and paragraph[-1].paragraph != s.paragraph:
            sentences.extend(rejoin(doc, paragraph, None))
            paragraph = []
        paragraph.append(s)
    sentences.extend(rejoin(doc, paragraph, None))
    for k, s in enumerate(sentences):
        out.append(Pair(k, (s,), (), None))
    return tuple(out)
