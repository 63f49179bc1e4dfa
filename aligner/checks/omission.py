"""``omission``: source text with no counterpart in the translation.

The evidence, rule by rule:

* the whole pair: a translation far shorter than the document's own length ratio (see
  :mod:`aligner.checks._support.lengths` for how the norm is set);
* one clause: a source clause holding a number, a date or a name that the translation lacks
  (what ``number-mismatch``, ``date-mismatch`` and ``name-mismatch`` find on the source side),
  in a pair whose translation is also shorter than the document's norm. A lost figure alone may
  be a typo; a lost figure in a translation that is short as well is most often a clause that
  was left out. The finding's span is that clause of the source;
* one Arabic clause whose words the English does not translate (word evidence of
  :mod:`aligner.similarity.words`: a translation table fitted to the tune split, and the
  Buckwalter lexicon where installed), again in a translation shorter than the norm.
* with the e5 scorer, one Arabic clause whose content words align to no English word or only
  weakly (contextual alignment on e5 token states, :mod:`aligner.similarity.word_align`), for
  pairs the word table cannot judge, in a translation that is short and scores low in its
  document; a logistic model fitted on the tune split weighs the evidence;
* with an embedding scorer and the second encoder installed (:mod:`aligner.similarity.use`),
  one source clause whose deletion makes the pair a closer translation: the pair's cosine by
  that encoder rises by at least ``deletion_gain`` without it, where deleting a clause the
  translation renders lowers it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import SRC, TGT, Pair, Severity
from ..similarity import use, words
from . import date_mismatch, low_similarity, name_mismatch, number_mismatch
from ._support import clauses
from ._support.base import Check, CheckContext, Hit
from ._support.lengths import deviations, outliers
from ._support.sides import arabic_english
from ._support.stats import robust_z


@dataclass(frozen=True)
class OmissionParams:
    """When a source clause with a lost number, date or name is reported (docs/tuning.md)."""

    #: The translation must be shorter than the document's norm by both measures: a robust
    #: z-score of the length ratio at or below ``clause_z``, and at most ``1 / clause_factor``
    #: of the expected length.
    clause_z: float = -0.5
    clause_factor: float = 1.1
    #: The word rule: an Arabic clause with at least ``words_min`` words that the word
    #: evidence knows, at least ``words_share`` of them untranslated, in a pair whose length
    #: ratio has a robust z-score at or below ``words_z``.
    words_min: int = 3
    words_share: float = 0.85
    words_z: float = -0.5
    #: Or, across clause breaks: a run of at least ``run_words`` untranslated known words
    #: (with at most ``run_gap`` words without evidence between two of them) in a pair whose
    #: z-score is at or below ``run_z``.
    run_words: int = 6
    run_gap: int = 2
    run_z: float = -1.0
    #: Both word rules also need a second, independent signal: the sum of the length ratio's
    #: z-score and the pair's similarity score's robust z-score in its document (an omitted
    #: clause lowers both) at or below ``words_joint``. The similarity's spread is floored at
    #: ``similarity_spread``; with a scorer that has no semantic score its z-score counts as 0.
    words_joint: float = -1.25
    similarity_spread: float = 0.03
    #: Contextual alignment (:mod:`aligner.similarity.word_align`, with the e5 scorer only),
    #: for pairs the word rule did not report, in a pair whose length z-score is at or below
    #: ``aligned_z`` and whose length plus similarity z-score is at or below ``aligned_joint``:
    #: a logistic model over the pair's alignment (:func:`clauses.aligned_evidence`) decides,
    #: fitted on the tune split by ``scripts/fit_clause_models.py``.
    aligned_z: float = -0.5
    aligned_joint: float = -2.0
    #: The second encoder: deleting one source clause (``clauses.clause_deletions``) raises
    #: the pair's cosine by at least ``deletion_gain`` (1 undamaged tune pair in 1,000 gains
    #: as much; ``scripts/fit_second_encoder.py``).
    deletion_gain: float = 0.08


PARAMS = OmissionParams()

_ANCHOR_CHECKS = (number_mismatch, date_mismatch, name_mismatch)

def _clause_hits(ctx: CheckContext, reported: set[int]) -> Iterator[Hit]:
    short = {pair.id: factor for pair, factor, z in deviations(ctx.pairs)
             if z <= PARAMS.clause_z and factor <= 1 / PARAMS.clause_factor
             and pair.id not in reported}
    if not short:
        return
    anchors: dict[int, list[Hit]] = {}
    replaced: set[int] = set()
    for module in _ANCHOR_CHECKS:
        for check in module.CHECKS:
            for hit in check.run(ctx):
                if hit.pair not in short:
                    continue
                if hit.side == SRC:
                    anchors.setdefault(hit.pair, []).append(hit)
                else:
                    # The translation has a figure or name of its own: one was changed, not
                    # left out (the anchor's own check says so).
                    replaced.add(hit.pair)
    for pair_id in replaced:
        anchors.pop(pair_id, None)
    by_id = {pair.id: pair for pair in ctx.pairs}
    for pair_id, hits in sorted(anchors.items()):
        text = by_id[pair_id].text(SRC)
        first = min(hits, key=lambda h: h.span)
        span = clauses.clause_around(text, first.span)
        lost = text[first.span[0]:first.span[1]]
        yield Hit(pair_id, SRC, span,
                  f"This part of the source has no counterpart in the translation: its "
                  f"'{lost}' is not there, and the translation is shorter than this document's "
                  f"translations usually are (about {short[pair_id]:.0%} of the expected "
                  "length).",
                  "Check whether this clause was left out of the translation and translate it.")


def _word_hits(ctx: CheckContext, reported: set[int]) -> Iterator[Hit]:
    if arabic_english(ctx) != (SRC, TGT):
        return
    similar = similarity_z(ctx)
    unexplained = []
    gates: dict[int, tuple[float, float]] = {}
    for pair, _factor, z in deviations(ctx.pairs):
        if pair.id in reported:
            continue
        joint = z + similar.get(pair.id, 0.0)
        span = None
        if z <= PARAMS.words_z and joint <= PARAMS.words_joint:
            arabic, english = pair.text(SRC), pair.text(TGT)
            found = words.pair_words(arabic, english)
            span = _lost_clause(found, arabic, z)
        if span is None:
            if z <= PARAMS.aligned_z and joint <= PARAMS.aligned_joint:
                unexplained.append(pair)
                gates[pair.id] = (z, similar.get(pair.id, 0.0))
            continue
        states = [s for t, s in zip(found.arabic, found.ar_state)
                  if span[0] <= t.start < span[1] and s is not None]
        lost = [t.text for t, s in zip(found.arabic, found.ar_state)
                if span[0] <= t.start < span[1] and s is False]
        reported.add(pair.id)
        yield Hit(pair.id, SRC, span,
                  f"This part of the source seems to have no counterpart in the translation: "
                  f"{len(lost)} of its {len(states)} words with a known rendering "
                  f"({', '.join(lost[:4])}) are not rendered, and the translation is shorter "
                  "than this document's translations usually are.",
                  "Check whether this clause was left out of the translation and translate it.")
    yield from _aligned_hits(ctx, unexplained, reported, gates)


def _aligned_hits(ctx: CheckContext, pairs: list[Pair], reported: set[int],
                  gates: dict[int, tuple[float, float]]) -> Iterator[Hit]:
    """The word rule's gated pairs that the word table could not judge, judged again by
    contextual alignment on e5 token states: only with the e5 scorer (the user has chosen its
    cost, and only these few pairs are encoded). ``gates`` holds each pair's length and
    similarity z-scores, which the rule has already applied."""
    if ctx.options.scorer != "e5":
        return
    for pair, evidence in clauses.judged(pairs, gates, SRC, "omission"):
        reported.add(pair.id)
        yield Hit(pair.id, SRC, evidence.span,
                  f"This part of the source seems to have no counterpart in the translation: "
                  f"{clauses.unmatched(evidence, 'translation')}, and the translation is shorter "
                  "than this document's translations usually are.",
                  "Check whether this clause was left out of the translation and translate it.")


def similarity_z(ctx: CheckContext) -> dict[int, float]:
    """Each pair's similarity score as a robust z-score in its document (empty with a scorer
    whose scores measure only length and anchors, as ``low-similarity`` treats it)."""
    if ctx.options.scorer in low_similarity.NON_SEMANTIC:
        return {}
    scored = [(p.id, float(p.score)) for p in ctx.pairs
              if p.src and p.tgt and p.score is not None]
    zs = robust_z([score for _id, score in scored], PARAMS.similarity_spread)
    return {pair_id: z for (pair_id, _score), z in zip(scored, zs)}


def _lost_clause(found: words.PairWords, arabic: str, z: float) -> tuple[int, int] | None:
    """The first Arabic clause whose known words are (nearly) all untranslated, else the
    first long run of untranslated words in a translation that is shorter still."""
    for start, end in clauses.arabic_clauses(arabic):
        states = [s for t, s in zip(found.arabic, found.ar_state)
                  if start <= t.start < end and s is not None]
        lost = sum(s is False for s in states)
        if len(states) >= PARAMS.words_min and lost >= PARAMS.words_share * len(states):
            return start, end
    if z > PARAMS.run_z:
        return None
    for run in words.untranslated_runs(found.ar_state, PARAMS.run_gap):
        if len(run) >= PARAMS.run_words:
            return found.arabic[run[0]].start, found.arabic[run[-1]].end
    return None


def find_omission(ctx: CheckContext) -> Iterator[Hit]:
    reported: set[int] = set()
    for pair, factor, _z in outliers(ctx.pairs):
        if factor < 1:
            text = pair.text(SRC)
            reported.add(pair.id)
            yield Hit(pair.id, SRC, (0, len(text)),
                      f"The translation is much shorter than this document's translations "
                      f"usually are (about {factor:.0%} of the expected length): part of the "
                      "source may not be translated.",
                      "Compare the sentences clause by clause and translate anything missing.")
    for hit in _clause_hits(ctx, reported):
        reported.add(hit.pair)
        yield hit
    yield from _word_hits(ctx, reported)
    yield from _deletion_hits(ctx, reported)


def _deletion_hits(ctx: CheckContext, reported: set[int]) -> Iterator[Hit]:
    for pair, span, gain in deleted_clauses(ctx, SRC, reported, PARAMS.deletion_gain):
        reported.add(pair.id)
        yield Hit(pair.id, SRC, span,
                  "This part of the source seems to have no counterpart in the translation: "
                  f"without it, the pair reads as a closer translation (a second encoder's "
                  f"similarity rises by {gain:.2f}).",
                  "Check whether this clause was left out of the translation and translate it.")


def deleted_clauses(ctx: CheckContext, side: str, reported: set[int], least: float,
                    ) -> Iterator[tuple[Pair, tuple[int, int], float]]:
    """The pairs (not in ``reported``) with a clause of ``side`` whose deletion raises the
    pair's cosine by the second encoder by at least ``least``, with the clause and the rise
    (``clauses.clause_deletions``): ``omission``'s and ``addition``'s deletion rules. Only with
    an embedding scorer (the user has chosen to pay for encoders), for an Arabic-English
    document, where the encoder is installed."""
    sides = arabic_english(ctx)
    if ctx.options.scorer in low_similarity.NON_SEMANTIC or sides is None \
            or not use.available():
        return
    # Pairs the scorer scored: a memory checked as it is was never encoded, and this rule
    # would cost it far more than its own reading (as low-similarity, it skips such pairs).
    pairs = [p for p in ctx.pairs if p.src and p.tgt and p.score is not None
             and p.id not in reported]
    for pair, found in zip(pairs, clauses.clause_deletions(pairs, side, sides[0] == side),
                           strict=True):
        if found is not None and found[1] >= least:
            yield pair, *found


CHECKS = (
    Check("omission", Severity.WARNING,
          "Source text with no counterpart in the translation: a translation far shorter than "
          "the document's own length ratio, or a shorter translation that lacks a number, date "
          "or name of one source clause, or the words of one Arabic clause; or a source clause "
          "whose deletion makes the pair a closer translation (second encoder).", find_omission),
)
