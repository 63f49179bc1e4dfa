"""Sentence-embedding evidence on top of the lexical scorer, shared by the ``e5`` and ``laser``
backends.

Each sentence is encoded once (through the on-disk cache); a multi-sentence side of a bead is the
normalised sum of its sentences' vectors, so the thousands of candidate beads of a search cost no
encoder time. Raw cosines of small multilingual encoders are compressed (true pairs ~0.90, random
~0.78 for e5-small), so beads are scored by the *ratio margin* of Artetxe & Schwenk (2019), as
LASER mining and Vecalign do: the cosine divided by the mean cosine of both sides' k nearest
neighbours in the other document. The bead's cost is the lexical cost (length fit, anchors,
dictionary) plus a term linear in that margin.

Where the search stays unsure after the first pass (a bead that is not 1-1, or a weak 1-1, and
its neighbours), the concatenated text of short candidate spans is encoded too and replaces the
summed vector before the second pass; see ``docs/similarity.md`` for what that buys.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from ..model import Sentence
from .base import Bead, Scorer, bead_arrays
from .cache import EmbeddingCache
from .lexical import LexicalScorer


@dataclass(frozen=True)
class EmbeddingParams:
    """Tunable constants of the margin-scored embedding term (docs/tuning.md). Each backend
    keeps its own instance (``e5.PARAMS``, ``laser.PARAMS``): encoders compress cosines
    differently."""

    k: int = 4                 # neighbours in the ratio margin's k-NN means
    weight: float = 2.0        # embedding term against the lexical cost
    centre: float = 0.98       # margin at which the term is 0 (a reward above, a penalty below)
    scale: float = 0.03        # margin units per unit of the term
    cap: float = 6.0           # largest reward, before the bead-size factor and the weight
    penalty_cap: float = 3.0   # largest penalty: a poor 1-1 must stay cheaper than hiding it
    length_power: float = 0.0  # a multi-sentence side sums vectors weighted by length**power
    score_centre: float = 1.0  # margin at which a pair's similarity score is 0.5
    score_width: float = 0.8   # width of that logistic, in units of ``scale``
    sure: float = 2.0          # refine: a 1-1 is sure when its margin is this many ``scale``
    #                            above ``centre``; the others and their neighbours are re-encoded
    knn_window: int = 4096     # k-NN means look at most this many sentences of the other side


def unit_rows(vecs: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1 (a zero row stays zero instead of dividing by zero)."""
    return vecs / np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-9)


class Encoder(Protocol):
    """Turns sentences into L2-normalised vectors, one row per text."""

    model_id: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


class EncoderUnavailable(Exception):
    """The encoder cannot be loaded here (package missing, platform unsupported)."""


class EmbeddingScorer(Scorer):
    """Lexical costs plus a margin-scored embedding term.

    ``load_encoder`` is called lazily, only when some sentence is not in the cache, so a fully
    cached re-run never loads the model. When it raises :class:`EncoderUnavailable` (or the
    encoder fails), the scorer degrades to its lexical part and records a one-line notice.
    """

    name = "embedding"

    def __init__(self, load_encoder: Callable[[], Encoder], model_id: str,
                 cache_dir: str | None = None, lexical: LexicalScorer | None = None,
                 params: EmbeddingParams = EmbeddingParams(), refine: bool = False) -> None:
        self.lexical = lexical or LexicalScorer()
        self.model_id = model_id
        self.cache_dir = cache_dir
        # penalty_cap: a poor 1-1 must stay cheaper than hiding it inside a merged bead with a
        # good neighbour, or a wrong translation disappears from low-similarity checks.
        self.params = params
        self.refine = refine
        self._load_encoder = load_encoder
        self._encoder: Encoder | None = None
        self._failed: str | None = None
        self._cache = EmbeddingCache(cache_dir, model_id)
        self._notices: list[str] = []
        self._src_vec: np.ndarray | None = None
        self._tgt_vec: np.ndarray | None = None
        self.encoded = 0   # texts sent to the encoder in this run (cache misses)

    # -- encoding -------------------------------------------------------------------------------

    def _encode(self, texts: list[str]) -> np.ndarray:
        if self._encoder is None:
            self._encoder = self._load_encoder()
        self.encoded += len(texts)
        return self._encoder.encode(texts)

    def _vectors(self, texts: Sequence[str]) -> np.ndarray | None:
        if self._failed:
            return None
        try:
            return self._cache.lookup(list(texts), self._encode)
        except EncoderUnavailable as exc:
            self._fail(str(exc))
        except (OSError, RuntimeError, ValueError) as exc:
            self._fail(f"{self.name} encoder failed ({exc})")
        return None

    def _fail(self, why: str) -> None:
        self._failed = why
        self._notices.append(f"{why}: aligned with the lexical scorer instead")

    # -- Scorer interface -----------------------------------------------------------------------

    def prepare(self, src: Sequence[Sentence], tgt: Sequence[Sentence]) -> None:
        self.lexical.prepare(src, tgt)
        self._src_text = [s.text for s in src]
        self._tgt_text = [t.text for t in tgt]
        self._concat: dict[tuple[int, int, int], np.ndarray] = {}
        self._src_vec = self._tgt_vec = None
        vecs = self._vectors(self._src_text + self._tgt_text)
        if vecs is None or len(src) == 0 or len(tgt) == 0:
            return
        self._src_vec, self._tgt_vec = vecs[:len(src)], vecs[len(src):]
        # A side of several sentences is the sum of its sentences' vectors, optionally weighted
        # by length**length_power (0: plain normalised sum, the default; 0.5 helped FLORES and
        # hurt TICO-19 by as much, see docs/similarity.md).
        self._cum = []
        for vecs, texts in ((self._src_vec, self._src_text), (self._tgt_vec, self._tgt_text)):
            weights = np.array([max(len(t), 1) ** self.params.length_power for t in texts],
                               dtype=np.float32)[:, None]
            self._cum.append(np.vstack([np.zeros((1, vecs.shape[1]), np.float32),
                                        np.cumsum(vecs * weights, axis=0)]))

    @property
    def active(self) -> bool:
        return self._src_vec is not None

    def _span_vectors(self, side: int, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        vecs = self._cum[side][hi] - self._cum[side][lo]
        if self._concat:
            for row, (a, b) in enumerate(zip(lo.tolist(), hi.tolist())):
                hit = self._concat.get((side, a, b))
                if hit is not None:
                    vecs[row] = hit * np.linalg.norm(vecs[row])
        return unit_rows(vecs)

    def _knn(self, vecs: np.ndarray, other: np.ndarray) -> np.ndarray:
        k = min(self.params.k, other.shape[0])
        out = np.empty(len(vecs))
        step = 4096  # bounded memory: a block of spans against the other side at a time
        for a in range(0, len(vecs), step):
            sims = vecs[a:a + step] @ other.T
            out[a:a + step] = np.partition(sims, -k, axis=1)[:, -k:].mean(axis=1)
        return out

    def _neighbours(self, side: int, lo: int, hi: int) -> np.ndarray:
        """The sentences of ``side`` that the k-NN means look at for spans of the other side
        placed at ``lo:hi``: the whole document, or on a long one the ``knn_window`` sentences
        around that place (a book's distant chapters say nothing about a bead's neighbours, and
        comparing with all of them made the margins quadratic)."""
        vecs = self._src_vec if side == 0 else self._tgt_vec
        assert vecs is not None
        window = self.params.knn_window
        if len(vecs) <= window:
            return vecs
        centre = (lo + hi) // 2
        start = min(max(0, centre - window // 2), len(vecs) - window)
        return vecs[start:start + window]

    def margins(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray,
                j1: np.ndarray) -> np.ndarray:
        """Ratio margin of each bead; NaN where a side is empty or no vectors exist."""
        out = np.full(len(i0), np.nan)
        if self._src_vec is None or self._tgt_vec is None:
            return out
        full = np.flatnonzero((i0 < i1) & (j0 < j1))
        if not len(full):
            return out
        # Beads are scored a block of neighbouring rows at a time, so that a long document's
        # k-NN windows follow the path.
        block = max(self.params.knn_window // 4, 1)
        groups = i0[full] // block
        order = np.argsort(groups, kind="stable")
        for idx in np.split(full[order], np.flatnonzero(np.diff(groups[order])) + 1):
            out[idx] = self._margins(i0[idx], i1[idx], j0[idx], j1[idx])
        return out

    def _margins(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray,
                 j1: np.ndarray) -> np.ndarray:
        n_t = len(self._tgt_text) + 1
        s_key, si = np.unique(i0 * (len(self._src_text) + 1) + i1, return_inverse=True)
        t_key, ti = np.unique(j0 * n_t + j1, return_inverse=True)
        s_lo, s_hi = s_key // (len(self._src_text) + 1), s_key % (len(self._src_text) + 1)
        t_lo, t_hi = t_key // n_t, t_key % n_t
        sv, tv = self._span_vectors(0, s_lo, s_hi), self._span_vectors(1, t_lo, t_hi)
        s_knn = self._knn(sv, self._neighbours(1, int(j0.min()), int(j1.max())))
        t_knn = self._knn(tv, self._neighbours(0, int(i0.min()), int(i1.max())))
        cos = np.empty(len(i0))
        step = 65536  # bounded memory on book-length input
        for a in range(0, len(i0), step):
            cos[a:a + step] = np.einsum("ij,ij->i", sv[si[a:a + step]], tv[ti[a:a + step]])
        return cos / ((s_knn[si] + t_knn[ti]) / 2)

    def costs(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray,
              j1: np.ndarray) -> np.ndarray:
        lexical = self.lexical.costs(i0, i1, j0, j1)
        if not self.active:
            return lexical
        p = self.params
        margin = self.margins(i0, i1, j0, j1)
        term = np.clip((p.centre - margin) / p.scale, -p.cap, p.penalty_cap)
        # A bead that pairs several sentences on both sides earns a larger reward: otherwise
        # cutting one good n-n bead into good 1-1 pieces would earn n rewards, and the search
        # would cut a sentence at a stray full stop to collect them.
        size = np.minimum(i1 - i0, j1 - j0).astype(float)
        term = np.where(term < 0, term * np.sqrt(np.maximum(size, 1)), term) * p.weight
        return lexical + np.nan_to_num(term, nan=0.0)

    def similarities(self, beads: Sequence[Bead]) -> list[float]:
        if not self.active:
            return self.lexical.similarities(beads)
        out = []
        for margin in self.margins(*bead_arrays(beads)):
            if math.isnan(margin):
                out.append(0.0)
            else:
                # Logistic in the margin: true pairs (~1.07) near 1, random ones (~0.91) near 0.
                z = (margin - self.params.score_centre) / (self.params.scale
                                                            * self.params.score_width)
                out.append(round(1 / (1 + math.exp(-max(min(z, 50), -50))), 4))
        return out

    def refit(self, beads: Sequence[Bead]) -> bool:
        changed = self.lexical.refit(beads)
        if self.active and self.refine:
            changed = self._encode_unsure(beads) or changed
        return changed

    def _encode_unsure(self, beads: Sequence[Bead]) -> bool:
        """Encode concatenations of short spans where the first alignment is unsure."""
        p = self.params
        margin = self.margins(*bead_arrays(beads))
        unsure: set[int] = set()
        for k, (bead, m) in enumerate(zip(beads, margin)):
            one_one = bead[1] - bead[0] == 1 and bead[3] - bead[2] == 1
            if not one_one or not (m > p.centre + p.sure * p.scale):
                unsure.update(range(max(0, k - 1), min(len(beads), k + 2)))
        spans: dict[tuple[int, int, int], str] = {}
        for k in sorted(unsure):
            i0, i1, j0, j1 = beads[k]
            for side, (a, b), texts in ((0, (i0, i1), self._src_text),
                                         (1, (j0, j1), self._tgt_text)):
                lo, hi = max(0, a - 1), min(len(texts), b + 1)
                for x in range(lo, hi):
                    for y in range(x + 2, min(hi, x + 3) + 1):
                        if (side, x, y) not in self._concat:
                            spans[(side, x, y)] = " ".join(texts[x:y])
        if not spans:
            return False
        vecs = self._vectors(list(spans.values()))
        if vecs is None:
            return False
        self._concat.update(zip(spans, vecs))
        return True

    def notices(self) -> tuple[str, ...]:
        out = list(self._notices)
        if self._cache.problem:
            out.append(self._cache.problem)
        return tuple(out)

    def signature(self) -> dict:
        if self._failed:
            return {**self.lexical.signature(), "requested": self.name}
        p = self.params
        sig = {**self.lexical.signature(), "scorer": self.name, "model": self.model_id,
               "margin": f"ratio-k{p.k}", "weight": p.weight, "centre": p.centre,
               "scale": p.scale, "cap": [-p.cap, p.penalty_cap], "refine": self.refine,
               "length_power": p.length_power}
        return sig
