"""Clauses of a sentence, and what contextual word alignment says about them: the evidence
``omission`` (an Arabic clause the English lacks) and ``addition`` (an English clause the
Arabic lacks) weigh with a logistic model each, fitted on the tune split by
``scripts/fit_clause_models.py`` and shipped as ``aligner/data/clause_models.json``."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from ...lang import ar, en
from ...model import SRC, TGT, Pair
from ...similarity import use
from ...similarity.e5_tokens import E5ModelMissing
from ...similarity.word_align import WordAligner, WordAlignment, is_content_ar, is_content_en
from ...text import normalize_arabic
from . import confidence

#: The shipped models, by check id.
MODELS = "clause_models.json"

# Where a clause ends: commas, semicolons, colons, brackets, dashes, in both scripts.
CLAUSE_END = re.compile(r"[،,؛;:()\[\]—–]|\s-\s")
# Where an Arabic clause starts without punctuation: a word joined to و (and), or a relative
# or subordinating word.
_AR_CLAUSE_START = re.compile(rf"(?<=\s)(?=و[{ar.LETTERS}]{{2,}})"
                              rf"|(?<=\s)(?=(?:{'|'.join(ar.CLAUSE_OPENERS)})\s)")
# Where an English clause starts without punctuation: a coordinator, a relative pronoun or a
# subordinator.
_EN_CLAUSE_START = re.compile(
    r"(?<=\s)(?=(?:{})\b)".format("|".join(sorted(en.COORDINATORS | en.RELATIVE_PRONOUNS
                                                  | en.SUBORDINATORS))),
    re.IGNORECASE)
_TRIM_END = " .!?؟\n\t،,؛;:"


def _clauses(text: str, starts: re.Pattern) -> list[tuple[int, int]]:
    cuts = sorted({0, len(text), *(m.end() for m in CLAUSE_END.finditer(text)),
                   *(m.start() for m in starts.finditer(text))})
    out = []
    for start, end in itertools.pairwise(cuts):
        while start < end and (text[start].isspace() or CLAUSE_END.match(text, start)):
            start += 1
        while end > start and text[end - 1] in _TRIM_END:
            end -= 1
        if start < end:
            out.append((start, end))
    return out


def arabic_clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of an Arabic sentence: cut at punctuation, at each word joined to و and at
    relative and subordinating words; spans without surrounding spaces and end marks."""
    return _clauses(text, _AR_CLAUSE_START)


def english_clauses(text: str) -> list[tuple[int, int]]:
    """The clauses of an English sentence: cut at punctuation and before each coordinator,
    relative pronoun and subordinator (:mod:`aligner.lang.en`'s closed classes)."""
    return _clauses(text, _EN_CLAUSE_START)


def clause_around(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The clause of ``text`` that holds ``span``, without its surrounding spaces."""
    start = max((m.end() for m in CLAUSE_END.finditer(text, 0, span[0])), default=0)
    end = next((m.start() for m in CLAUSE_END.finditer(text, span[1])), len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1] in " .!?؟\n\t":
        end -= 1
    return (start, end) if start < end else span


_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)*")


def _word_forms(text: str) -> list[str]:
    return [normalize_arabic(w).lower() for w in _WORD.findall(text)]


def repeated(text: str, span: tuple[int, int], share: float) -> bool:
    """Whether at least ``share`` of the span's words (of three letters or more, and figures)
    also stand in the rest of ``text``: a parenthesis that spells an acronym out again, a
    figure given twice."""
    inside = _word_forms(text[span[0]:span[1]])
    rest = set(_word_forms(text[:span[0]] + " " + text[span[1]:]))
    return bool(inside) and sum(w in rest for w in inside) >= share * len(inside)


@dataclass(frozen=True)
class EvidenceParams:
    """How a side's words are grouped for the models (docs/tuning.md)."""

    #: A clause is judged on its own when the encoder saw at least this many of its content
    #: words; the weakest stretch across clause breaks is a window of ``window`` words.
    least: int = 3
    window: int = 4
    #: The second encoder's deletion test (``omission``, ``addition``): a clause of at least
    #: ``deletion_words`` words is tried, unless at least ``repeated_share`` of its words also
    #: stand elsewhere in its sentence (an acronym spelt out twice, a figure given twice:
    #: deleting it loses nothing).
    deletion_words: int = 2
    repeated_share: float = 0.5


PARAMS = EvidenceParams()


@dataclass(frozen=True)
class AlignedEvidence:
    """What contextual alignment says about one side of a pair: the model's features, the span
    that seems to have no counterpart (the clause whose words are least like any word of the
    other side; the whole text when no clause has enough words) and its words that align to
    nothing."""

    features: dict[str, float]
    span: tuple[int, int]
    lost: list[str]


class _Clause(NamedTuple):
    cosine: float           # mean best cosine of its content words with the other side's words
    unaligned: float        # share of them aligned to no word of the other side
    words: int
    span: tuple[int, int]
    inside: list[int]       # the content words' indices


def _longest_run(flags: Sequence[bool]) -> int:
    best = current = 0
    for flag in flags:
        current = current + 1 if flag else 0
        best = max(best, current)
    return best


def aligned_evidence(alignment: WordAlignment, text: str, side: str, length_z: float,
                     similarity_z: float, score: float) -> AlignedEvidence:
    """The features of a clause model for the ``side`` of a pair whose text on that side is
    ``text`` (``scripts/fit_clause_models.py`` fits the models on exactly these)."""
    if side == SRC:
        tokens, seen, aligned, best = (alignment.arabic, alignment.ar_seen,
                                       alignment.ar_aligned, alignment.ar_best)
        other, other_seen, other_aligned = (alignment.english, alignment.en_seen,
                                            alignment.en_aligned)
        is_content, other_content, clauses_of = is_content_ar, is_content_en, arabic_clauses
    else:
        tokens, seen, aligned, best = (alignment.english, alignment.en_seen,
                                       alignment.en_aligned, alignment.en_best)
        other, other_seen, other_aligned = (alignment.arabic, alignment.ar_seen,
                                            alignment.ar_aligned)
        is_content, other_content, clauses_of = is_content_en, is_content_ar, english_clauses
    content = [k for k, t in enumerate(tokens) if is_content(t) and seen[k]]
    free = ~aligned
    clauses = []
    for start, end in clauses_of(text):
        inside = [k for k in content if start <= tokens[k].start < end]
        if len(inside) >= PARAMS.least:
            clauses.append(_Clause(float(best[inside].mean()), float(free[inside].mean()),
                                   len(inside), (start, end), inside))
    mean_cosine = float(best[content].mean()) if content else 1.0
    width = PARAMS.window
    window = (min(float(best[content[i:i + width]].mean())
                  for i in range(len(content) - width + 1))
              if len(content) >= width else mean_cosine)
    there = [k for k, t in enumerate(other) if other_content(t) and other_seen[k]]
    weakest = min(clauses, key=lambda c: c.cosine, default=None)
    most = max(clauses, key=lambda c: (c.unaligned, c.words), default=None)
    features = {
        "length_z": length_z,
        "similarity_z": similarity_z,
        "score": score,
        "weakest_cosine": weakest.cosine if weakest else 1.0,
        "weakest_unaligned": weakest.unaligned if weakest else 0.0,
        "most_unaligned": most.unaligned if most else 0.0,
        "most_unaligned_words": math.log1p(most.words) if most else 0.0,
        "unaligned_run": float(_longest_run(free[content].tolist())),
        "unaligned_here": float(free[content].mean()) if content else 0.0,
        "unaligned_there": float((~other_aligned[there]).mean()) if there else 0.0,
        "mean_cosine": mean_cosine,
        "window_cosine": window,
        "content_words": math.log1p(len(content)),
    }
    span = weakest.span if weakest else (0, len(text))
    inside = weakest.inside if weakest else content
    return AlignedEvidence(features, span, [tokens[k].text for k in inside if free[k]])


_SPACED_WORD = re.compile(r"\S+")


def _adjunct_tails(text: str, clause: tuple[int, int]) -> Iterator[tuple[int, int]]:
    """Within one Arabic clause, each stretch from an adjunct-opening word (not the clause's
    first; :func:`aligner.lang.ar.opens_adjunct`) to the clause's end."""
    start, end = clause
    for k, word in enumerate(_SPACED_WORD.finditer(text, start, end)):
        if k and ar.opens_adjunct(word.group()):
            yield word.start(), end


def deletion_candidates(text: str, arabic: bool) -> list[tuple[int, int]]:
    """The stretches of ``text`` that the second encoder's deletion test tries: each clause,
    and in Arabic each run of two adjacent clauses as well (Arabic opens a clause at every و,
    so one English clause often renders two) and the rest of a clause from a word that opens an
    adjunct inside it (:func:`aligner.lang.ar.opens_adjunct`: "… قبل نهاية الأسبوع" left
    out of "promised to repair the heating"), of at least ``EvidenceParams.deletion_words``
    words and not said elsewhere in the sentence (``repeated_share``)."""
    found = (arabic_clauses if arabic else english_clauses)(text)
    runs = itertools.pairwise(found) if arabic else ()
    spans = [*found, *((first[0], second[1]) for first, second in runs)]
    if arabic:
        spans += [(start, end) for clause in found for start, end in _adjunct_tails(text, clause)]
    return [span for span in dict.fromkeys(spans)
            if len(text[span[0]:span[1]].split()) >= PARAMS.deletion_words
            and not repeated(text, span, PARAMS.repeated_share)]


def clause_deletions(pairs: Sequence[Pair], side: str, arabic: bool,
                     ) -> list[tuple[tuple[int, int], float] | None]:
    """For each pair, the clause of its ``side`` (whose language is Arabic when ``arabic``)
    whose deletion raises the pair's cosine by the second encoder the most, with the rise;
    ``None`` for a pair with no clause to try. A clause the other side renders lowers the
    cosine when deleted; one it leaves out raises it."""
    other = TGT if side == SRC else SRC
    found = use.deletion_gains([(p.text(side), p.text(other)) for p in pairs],
                               lambda text: deletion_candidates(text, arabic))
    return [max(gains, key=lambda item: item[1]) if gains else None for gains in found]


def unmatched(evidence: AlignedEvidence, other: str) -> str:
    """How the span's words fail to match the ``other`` side ("translation", "source"), for a
    finding's message."""
    if evidence.lost:
        return (f"{len(evidence.lost)} of its words ({', '.join(evidence.lost[:4])}) match no "
                f"word of the {other}")
    return f"its words are the least like any word of the {other}"


def model(check: str) -> confidence.ConfidenceModel | None:
    """The shipped clause model of ``omission`` or ``addition``."""
    return confidence.shipped(MODELS).get(check)


def evidence(pairs: Sequence[Pair], gates: Mapping[int, tuple[float, float]], side: str,
             aligner: WordAligner | None = None) -> list[tuple[Pair, AlignedEvidence]]:
    """Each pair's :func:`aligned_evidence` for a clause model of ``side``; ``gates`` holds
    each pair's length and similarity z-scores. Raises :class:`E5ModelMissing` without the
    bundled model file."""
    alignments = (aligner or WordAligner()).align([(p.text(SRC), p.text(TGT)) for p in pairs])
    return [(pair, aligned_evidence(alignment, pair.text(side), side, *gates[pair.id],
                                    float(pair.score or 0.0)))
            for pair, alignment in zip(pairs, alignments, strict=True)]


def judged(pairs: Sequence[Pair], gates: Mapping[int, tuple[float, float]], side: str,
           check: str) -> Iterator[tuple[Pair, AlignedEvidence]]:
    """The pairs whose ``side`` ``check``'s clause model reports, with their evidence.

    ``pairs`` are the ones the check's gates let through (only those are encoded: e5 token
    states cost far more than the sentence scores); ``gates`` holds each one's length and
    similarity z-scores. Without the bundled model file the rule stays silent.
    ``scripts/fit_clause_models.py`` records :func:`evidence` where this function decides."""
    fitted = model(check)
    if not pairs or fitted is None:
        return
    try:
        weighed = evidence(pairs, gates, side)
    except E5ModelMissing:
        return
    for pair, found in weighed:
        if fitted.probability(found.features) >= fitted.cut:
            yield pair, found


__all__ = ["AlignedEvidence", "aligned_evidence", "arabic_clauses", "clause_around",
           "clause_deletions", "deletion_candidates", "english_clauses", "evidence", "judged",
           "model", "repeated", "unmatched"]
