"""Contextual word alignment of an Arabic-English pair on e5 token states (SimAlign-style).

A word's vector is the mean of its pieces' hidden states at one middle layer of the bundled
multilingual-e5-small (:mod:`aligner.similarity.e5_tokens`); the cosine matrix between the
English and the Arabic words of a pair is aligned by mutual argmax (an English word and an Arabic
word that are each other's most similar word). Unlike a translation table, this needs no word to
have been seen before: the words are compared in context, so a rare word and its rendering still
find each other, and a phrase that renders nothing in the source finds no partner.

Measured on the tune split (``benchmarks/word_align_signal.py``, docs/translation-checks.md):
layer 6 leaves a quarter of the content words of clean pairs unaligned, against nearly all the
words of a noun phrase taken from another document.

Words are the tokens of :mod:`aligner.similarity.words` (their spans point into the text).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from . import words
from .e5_tokens import E5Tokens, TokenStates


@dataclass(frozen=True)
class AlignParams:
    """Which layer's states the words are compared on (docs/tuning.md)."""

    #: Middle layers align translations best; 6 separated replaced noun phrases from clean ones
    #: best on the tune split (4, 6, 8, 10, 12 measured).
    layer: int = 6
    #: Texts encoded together.
    batch: int = 16


PARAMS = AlignParams()


@dataclass(frozen=True)
class WordAlignment:
    """The words of both sides, their cosine matrix ``sim[english, arabic]``, the mutual best
    links, which words the encoder saw (``False`` past its 512-token window: no evidence
    either way, never read as unaligned) and, from the aligner, the words' vectors."""

    arabic: tuple[words.Token, ...]
    english: tuple[words.Token, ...]
    sim: np.ndarray
    links: np.ndarray
    ar_seen: np.ndarray
    en_seen: np.ndarray
    #: The words' unit vectors (``[word, dim]``), for checks that compare more than cosines.
    ar_vectors: np.ndarray | None = None
    en_vectors: np.ndarray | None = None

    @property
    def en_aligned(self) -> np.ndarray:
        return np.asarray(self.links.any(axis=1))

    @property
    def ar_aligned(self) -> np.ndarray:
        return np.asarray(self.links.any(axis=0))

    @property
    def en_best(self) -> np.ndarray:
        """Each English word's best cosine with any Arabic word."""
        return self.sim.max(axis=1) if self.sim.size else np.zeros(len(self.english))

    @property
    def ar_best(self) -> np.ndarray:
        return self.sim.max(axis=0) if self.sim.size else np.zeros(len(self.arabic))


def is_content_en(token: words.Token) -> bool:
    """A word that carries meaning: three letters or more, not a number, not a closed-class
    word."""
    return len(token.text) > 2 and not token.text.isdigit() and token.stem not in words.EN_CLOSED


def is_content_ar(token: words.Token) -> bool:
    return (len(token.text) > 2 and not token.text.isdigit()
            and token.stem not in words.AR_CLOSED)


def word_vectors(states: TokenStates, tokens: Sequence[words.Token], layer: int) -> np.ndarray:
    """``[word, dim]`` unit vectors: the mean of the pieces that overlap each word (zeros for a
    word with no piece: past the encoder's window)."""
    hidden = states.layer(layer)
    out = np.zeros((len(tokens), hidden.shape[-1]), np.float32)
    starts = np.array([s for s, _ in states.spans] or [0])
    ends = np.array([e for _, e in states.spans] or [0])
    for w, t in enumerate(tokens):
        pieces = np.flatnonzero((starts < t.end) & (ends > t.start))
        if pieces.size:
            out[w] = hidden[pieces].mean(axis=0)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.maximum(norms, 1e-9)


def mutual_best(sim: np.ndarray) -> np.ndarray:
    """Boolean links: ``sim[i, j]`` is the best of its row and of its column."""
    links = np.zeros(sim.shape, bool)
    if sim.size:
        fwd = sim.argmax(axis=1)
        bwd = sim.argmax(axis=0)
        rows = np.arange(sim.shape[0])
        mutual = bwd[fwd] == rows
        links[rows[mutual], fwd[mutual]] = True
    return links


@lru_cache(maxsize=1)
def shared_encoder() -> E5Tokens:
    """The bundled encoder, read once per process: ``omission`` and ``addition`` align a few
    pairs of every document, and mapping and parsing the weights again each time costs about
    half a second. Encoding through it is serialised (:data:`_SHARED`): it is not thread-safe."""
    return E5Tokens()


_SHARED = threading.Lock()


class WordAligner:
    """Aligns pairs, on the given encoder or the process's shared one."""

    def __init__(self, params: AlignParams = PARAMS, encoder: E5Tokens | None = None) -> None:
        self.params = params
        self._encoder = encoder

    @property
    def encoder(self) -> E5Tokens:
        return self._encoder if self._encoder is not None else shared_encoder()

    def align(self, pairs: Sequence[tuple[str, str]]) -> list[WordAlignment]:
        """One alignment per ``(arabic, english)`` pair."""
        if not pairs:
            return []
        layer = self.params.layer
        texts = [t for pair in pairs for t in pair]
        if self._encoder is not None:
            states = self._encoder.encode(texts, layers=(layer,), batch_size=self.params.batch)
        else:
            with _SHARED:
                states = shared_encoder().encode(texts, layers=(layer,),
                                                 batch_size=self.params.batch)
        out = []
        for k, (arabic, english) in enumerate(pairs):
            ar_toks = tuple(words.ar_tokens(arabic))
            en_toks = tuple(words.en_tokens(english))
            ar_vec = word_vectors(states[2 * k], ar_toks, layer)
            en_vec = word_vectors(states[2 * k + 1], en_toks, layer)
            sim = en_vec @ ar_vec.T
            out.append(WordAlignment(ar_toks, en_toks, sim, mutual_best(sim),
                                     np.linalg.norm(ar_vec, axis=1) > 0,
                                     np.linalg.norm(en_vec, axis=1) > 0, ar_vec, en_vec))
        return out
