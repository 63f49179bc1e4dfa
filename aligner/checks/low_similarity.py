"""``low-similarity``: a pair whose similarity score is far below the document's own.

Only meaningful with a semantic scorer (an embedding backend): the lexical scorer's scores
measure length and anchors, which the ``omission`` / ``addition`` and ``number-mismatch``
checks already cover, so the check is skipped when the run's scorer is ``lexical``. Any other
scorer named in ``CheckContext.options.scorer`` works: the check reads only
:attr:`Pair.score` and compares each pair with the median and spread of the document's
bilingual pairs.
"""

from __future__ import annotations

from collections.abc import Iterator
from statistics import median

from ..model import SRC, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.stats import robust_z

Z_LIMIT = -3.5
MIN_PAIRS = 6
MIN_SPREAD = 0.03   # scores in [0, 1]: a document of near-equal scores flags nothing small
MIN_DROP = 0.25     # and the pair must be at least this far below the median
NON_SEMANTIC = frozenset({"lexical", "", None})


def find(ctx: CheckContext) -> Iterator[Hit]:
    if ctx.options.scorer in NON_SEMANTIC:
        return
    scored = [p for p in ctx.pairs if p.src and p.tgt and p.score is not None]
    if len(scored) < MIN_PAIRS:
        return
    scores = [float(p.score) for p in scored]
    mid = median(scores)
    for pair, z in zip(scored, robust_z(scores, MIN_SPREAD)):
        if z <= Z_LIMIT and mid - float(pair.score) >= MIN_DROP:
            text = pair.text(SRC)
            yield Hit(pair.id, SRC, (0, len(text)),
                      f"This pair's similarity ({float(pair.score):.2f}) is far below the "
                      f"document's usual ({mid:.2f}): the translation may not say what the "
                      "source says, or the alignment may be wrong here.",
                      "Read the pair side by side; fix the translation or the alignment.")


CHECKS = (Check("low-similarity", Severity.WARNING,
                "A pair whose semantic similarity is far below the document's own (only with "
                "an embedding scorer).", find),)
