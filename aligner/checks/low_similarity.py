"""``low-similarity``: a pair whose similarity score is far below the document's own.

Only meaningful with a semantic scorer (an embedding backend): the lexical scorer's scores
measure length and anchors, which the ``omission`` / ``addition`` and ``number-mismatch``
checks already cover, so the check is skipped when the run's scorer is ``lexical``. Any other
scorer named in ``CheckContext.options.scorer`` works: the check reads only
:attr:`Pair.score` and compares each pair with the median and spread of the document's
bilingual pairs. In an Arabic-English pair, the fitted word table may spare a score under
the absolute limit that is not unusual in its document: a pair whose known words are mostly
translated says the same thing on both sides.

Where the second encoder (:mod:`aligner.similarity.use`) is installed and knows both languages,
it is asked too: a pair it scores under ``second_absolute``, which is also unusual among its
document's scores by that encoder (robust z-score at most ``z_limit``), is reported whatever the
scorer said (its unrelated pairs score near 0, e5's about 0.7, so it finds those the document's
own spread of e5 scores hides).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from statistics import median

from ..model import SRC, TGT, Pair, Severity
from ..similarity import use
from ..similarity.words import pair_words
from ._support.base import Check, CheckContext, Hit
from ._support.sides import arabic_english, side_lang
from ._support.stats import robust_z


@dataclass(frozen=True)
class LowSimilarityParams:
    """When a pair's similarity is low enough to report (``docs/tuning.md``)."""

    z_limit: float = -2.5      # robust z-score of the pair's score in its document, at most
    min_pairs: int = 6         # scored pairs a document needs for its own norm
    min_spread: float = 0.03   # scores in [0, 1]: a document of near-equal scores flags nothing
    min_drop: float = 0.40     # and the pair at least this far below the document's median
    # A score this low is reported whatever the document's spread: in a document of unrelated
    # short sentences (a memory, a phrase list) the spread is too wide for the z-score.
    absolute: float = 0.40
    # ... but in a document whose pairs all score low (a technical text whose acronyms the
    # translation spells out, sentences so alike that their neighbours compress the margins) a
    # low score is less unusual: the limit falls by ``absolute_slope`` for each point of the
    # document's median below ``absolute_norm`` (never rises above ``absolute``). A score under
    # ``absolute`` that is unusual in its document all the same (z-score at most ``z_limit``)
    # is reported whatever the median.
    absolute_norm: float = 0.80
    absolute_slope: float = 0.5
    # A second, independent signal spares a score under the absolute limit that is not
    # unusual in its document: a pair of Arabic and English in which the fitted word table
    # (aligner/similarity/words.py) knows at least ``spare_words`` words and finds a
    # translation for at least ``spare_covered`` of them (smoothed: (translated + 1) / (known
    # + 2)) says the same thing, however low the encoder scored it (technical text whose
    # acronyms the translation spells out: "RdRp").
    spare_words: int = 8
    spare_covered: float = 0.75
    # The second encoder (aligner/similarity/use.py): a cosine under ``second_absolute`` (1
    # undamaged tune pair in 1,000 scores lower; scripts/fit_second_encoder.py) with a robust
    # z-score in its document at most ``z_limit`` is reported. Without the z-score, faithful
    # pairs that encoder underrates in a document it underrates throughout were reported too
    # (4 more of the tune split's clean pairs, with one more unrelated sentence found).
    second_absolute: float = 0.33


PARAMS = LowSimilarityParams()
NON_SEMANTIC = frozenset({"lexical", "", None})


def find(ctx: CheckContext, params: LowSimilarityParams = PARAMS) -> Iterator[Hit]:
    if ctx.options.scorer in NON_SEMANTIC:
        return
    scored = [(p, float(p.score)) for p in ctx.pairs
              if p.src and p.tgt and p.score is not None]
    second = second_opinion(ctx, [p for p, _score in scored])
    unusual = (dict(zip(second, robust_z(list(second.values()), params.min_spread),
                        strict=True))
               if len(second) >= params.min_pairs else {})
    flagged = _flagged(ctx, scored, params)
    for pair, _score in scored:
        text = pair.text(SRC)
        other = second.get(pair.id)
        if pair.id in flagged:
            score, mid = flagged[pair.id]
            yield Hit(pair.id, SRC, (0, len(text)),
                      f"This pair's similarity ({score:.2f}) is far below the "
                      f"document's usual ({mid:.2f}): the translation may not say what the "
                      "source says, or the alignment may be wrong here.",
                      "Read the pair side by side; fix the translation or the alignment.")
        elif other is not None and other < params.second_absolute \
                and unusual.get(pair.id, 0.0) <= params.z_limit:
            yield Hit(pair.id, SRC, (0, len(text)),
                      f"A second encoder finds almost nothing in common between this pair's "
                      f"sentences (similarity {round(other, 2) + 0.0:.2f}, far below this "
                      "document's other pairs): the translation may belong to another "
                      "sentence, or say something else.",
                      "Read the pair side by side; fix the translation or the alignment.")


def _flagged(ctx: CheckContext, scored: list[tuple[Pair, float]], params: LowSimilarityParams
             ) -> dict[int, tuple[float, float]]:
    """The scorer's rules: each reported pair's score and its document's median."""
    if len(scored) < params.min_pairs:
        return {}
    sides = arabic_english(ctx)
    scores = [score for _p, score in scored]
    mid = median(scores)
    limit = params.absolute - params.absolute_slope * max(0.0, params.absolute_norm - mid)
    out = {}
    for (pair, score), z in zip(scored, robust_z(scores, params.min_spread)):
        relative = z <= params.z_limit and (mid - score >= params.min_drop
                                            or score < params.absolute)
        if relative or (score < limit and not _translated(pair, sides, params)):
            out[pair.id] = (score, mid)
    return out


def second_opinion(ctx: CheckContext, pairs: list[Pair]) -> dict[int, float]:
    """Each pair's cosine by the second encoder; empty where it is not installed or does not
    know one of the languages."""
    langs = side_lang(ctx, SRC), side_lang(ctx, TGT)
    if not pairs or not use.available() or not all(lang in use.LANGUAGES for lang in langs):
        return {}
    cosines = use.cosines([(p.text(SRC), p.text(TGT)) for p in pairs])
    return {pair.id: float(c) for pair, c in zip(pairs, cosines, strict=True)}


def _translated(pair: Pair, sides: tuple[str, str] | None, params: LowSimilarityParams
                ) -> bool:
    """Whether the word evidence shows an Arabic-English pair translated, whatever its score
    (``spare_words``, ``spare_covered``)."""
    if sides is None:
        return False
    found = pair_words(pair.text(sides[0]), pair.text(sides[1]))
    states = [s for s in (*found.ar_state, *found.en_state) if s is not None]
    covered = (sum(states) + 1) / (len(states) + 2)
    return len(states) >= params.spare_words and covered >= params.spare_covered


CHECKS = (Check("low-similarity", Severity.WARNING,
                "A pair whose semantic similarity is far below the document's own, or that a "
                "second encoder finds unrelated (only with an embedding scorer).", find),)
