"""English phrases that render nothing of their Arabic: what ``mistranslation`` weighs.

A phrase is a run of English content words (no closed-class word, no punctuation between them).
Each is described by its contextual vector (the mean of its words' e5 layer-6 vectors, as
:mod:`aligner.similarity.word_align` computes them), the Arabic it attends to (each word's
softmax over the pair's Arabic content words, at temperature :data:`TEMPERATURE`, averaged),
their products and differences, its likeness to its own sentence, and a few cosines. A linear
model over those numbers, fitted on the tune split by ``scripts/fit_mistranslation.py`` on
noun phrases replaced by phrases of other documents, learns which dimensions of the two vectors
must agree for one to translate the other: the plain cosine of the best Arabic word finds next
to nothing at the clean-pair budget (docs/translation-checks.md).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from ...lang import en
from ...similarity import use, words
from ...similarity.word_align import WordAlignment, is_content_ar

MODEL = "mistranslation_model.json"
#: Sharpness of each English word's attention over the Arabic words (cosines differ by
#: hundredths between a word's partner and its other neighbours).
TEMPERATURE = 0.05
# Punctuation between two content words ends a phrase.
_BREAK = re.compile(r"[,;:()\[\]—–.!?\"“”]")
#: The scalar features after the five vector blocks, in the model's order.
SCALARS = ("best_max", "best_mean", "best_min", "best_vs_pair", "linked_share", "words_log",
           "arabic_unlinked", "partner_cosine", "pair_best_median")


#: Words that end a phrase: the closed classes of :mod:`aligner.lang.en` by their written
#: form (not their stems: "parts" is no "partly"), less the titles that head a noun phrase.
FUNCTION_WORDS = (en.NO_END | en.AUXILIARIES | en.SUBJECT_PRONOUNS | en.OBJECT_OPENERS
                  | en.DETERMINERS | en.SUBORDINATORS | en.RELATIVE_PRONOUNS | en.COORDINATORS
                  | en.FOCUS_ADVERBS | en.QUANTIFIERS | en.BEFORE_NAME | en.NOT_NAMES) - frozenset(
    "president minister king queen prince general".split())


def is_phrase_word(token: words.Token) -> bool:
    """A word that may stand in a phrase: three letters or more, no number, no function word."""
    return (len(token.text) > 2 and not token.text.isdigit()
            and token.text.lower() not in FUNCTION_WORDS)


def content_runs(text: str, tokens: tuple[words.Token, ...]) -> list[list[int]]:
    """Indices of ``tokens`` (words of ``text``) grouped into runs of content words."""
    out: list[list[int]] = []
    current: list[int] = []
    for k, token in enumerate(tokens):
        gap = text[tokens[k - 1].end:token.start] if k else ""
        if current and (_BREAK.search(gap) or not is_phrase_word(token)):
            out.append(current)
            current = []
        if is_phrase_word(token):
            current.append(k)
    if current:
        out.append(current)
    return out


def _unit(vector: np.ndarray) -> np.ndarray:
    return vector / (float(np.linalg.norm(vector)) + 1e-9)


def content_arabic(alignment: WordAlignment) -> list[int]:
    """Indices of the Arabic content words e5 read: what an English phrase may stand for."""
    return [j for j, t in enumerate(alignment.arabic) if is_content_ar(t)
            and alignment.ar_seen[j]]


def phrase_features(english: str, alignment: WordAlignment,
                    ) -> list[tuple[tuple[int, int], np.ndarray]]:
    """Each English content run of a pair with its feature vector (the model's layout: the
    phrase vector times its Arabic partner, their absolute difference, the phrase, the partner,
    the phrase times its sentence, then :data:`SCALARS`); its span is in ``english``."""
    if alignment.ar_vectors is None or alignment.en_vectors is None:
        raise ValueError("the alignment was made without word vectors")
    av, ev = alignment.ar_vectors, alignment.en_vectors
    arabic = content_arabic(alignment)
    if not arabic:
        return []
    sim = alignment.sim[:, arabic]
    best = sim.max(axis=1) if sim.size else np.zeros(len(alignment.english))
    seen = [k for k, t in enumerate(alignment.english) if is_phrase_word(t)
            and alignment.en_seen[k]]
    median = float(np.median(best[seen])) if seen else 0.0
    unlinked = float((~alignment.links[:, arabic].any(axis=0)).mean())
    sentence = _unit(ev[seen].mean(axis=0)) if seen else _unit(ev.mean(axis=0))
    out = []
    for run in content_runs(english, alignment.english):
        run = [k for k in run if alignment.en_seen[k]]
        if not run:
            continue
        phrase = _unit(ev[run].mean(axis=0))
        weights = np.exp((sim[run] - sim[run].max(axis=1, keepdims=True)) / TEMPERATURE)
        weights /= weights.sum(axis=1, keepdims=True)
        partner = _unit((weights @ av[arabic]).mean(axis=0))
        here = best[run]
        scalars = [here.max(), here.mean(), here.min(), here.mean() - median,
                   float(alignment.links[run].any(axis=1).mean()), math.log(len(run)),
                   unlinked, float(phrase @ partner), median]
        span = (alignment.english[run[0]].start, alignment.english[run[-1]].end)
        out.append((span, np.concatenate([phrase * partner, np.abs(phrase - partner), phrase,
                                          partner, phrase * sentence,
                                          np.array(scalars, np.float32)]).astype(np.float32)))
    return out


#: What :func:`source_matches` gives each phrase, in its columns' order.
MATCHES = ("best_run", "partner")


def source_matches(alignment: WordAlignment, english: str, spans: Sequence[tuple[int, int]],
                   ) -> np.ndarray | None:
    """Two second-encoder cosines per English phrase (:data:`MATCHES`), or ``None`` where that
    encoder is not installed: the phrase's highest with any run of one to three words of its
    Arabic (:func:`aligner.similarity.use.best_matches`), and the one with its partner: the
    Arabic content word e5 finds most like each of its words, in source order (the words its
    attended partner vector mostly stands for).
    A sentence encoder that knows *which* words a text holds sees a phrase of another text
    where e5's word states still find it a partner: the first cosine is low when nothing in the
    sentence renders the phrase, the second when the partner e5 found does not."""
    if not use.available():
        return None
    arabic = content_arabic(alignment)
    partners = []
    for start, end in spans:
        run = [k for k, t in enumerate(alignment.english) if start <= t.start and t.end <= end
               and alignment.en_seen[k]]
        chosen = sorted({arabic[int(np.argmax(alignment.sim[k, arabic]))] for k in run}) \
            if arabic else []
        # No Arabic content word to pair with: a bare full stop, which translates nothing.
        partners.append(" ".join(alignment.arabic[j].text for j in chosen) or ".")
    vectors = use.encode([english[start:end] for start, end in spans] + partners,
                         remember=False)
    phrases, partner_vectors = vectors[:len(spans)], vectors[len(spans):]
    # The words e5 read (all but the tail of a sentence longer than its window): the runs of
    # a runaway "sentence" would otherwise number thousands.
    best = use.best_matches(phrases, [t.text for j, t in enumerate(alignment.arabic)
                                      if alignment.ar_seen[j]])
    partner = np.einsum("ij,ij->i", phrases, partner_vectors)
    return np.stack([best, partner], axis=1)


@dataclass(frozen=True)
class PhraseModel:
    """A linear score over :func:`phrase_features`; a phrase at or above ``cut`` is reported.
    With the second encoder, the score less ``match_weights`` times the phrase's
    :func:`source_matches`, reported at or above ``match_cut``."""

    weights: np.ndarray
    bias: float
    cut: float
    match_weights: np.ndarray | None = None
    match_cut: float | None = None

    def scores(self, features: np.ndarray) -> np.ndarray:
        return features @ self.weights + self.bias

    def judged(self, features: np.ndarray, matches: np.ndarray | None,
               ) -> tuple[np.ndarray, float]:
        """The phrases' scores and the cut they must reach, with the second encoder's
        ``matches`` where both they and their weights are known."""
        scores = self.scores(features)
        if matches is None or self.match_weights is None or self.match_cut is None:
            return scores, self.cut
        return scores - matches @ self.match_weights, self.match_cut


@lru_cache(maxsize=1)
def shipped() -> PhraseModel | None:
    """The model in ``aligner/data`` (``None`` when the file is missing)."""
    source = resources.files("aligner.data").joinpath(MODEL)
    if not source.is_file():
        return None
    data = json.loads(source.read_text(encoding="utf-8"))
    second = data.get("second_encoder")
    return PhraseModel(np.asarray(data["weights"], np.float32), float(data["bias"]),
                       float(data["cut"]),
                       np.asarray(second["weights"], np.float32) if second else None,
                       float(second["cut"]) if second else None)


__all__ = ["MATCHES", "MODEL", "SCALARS", "TEMPERATURE", "PhraseModel", "content_arabic",
           "content_runs", "phrase_features", "shipped", "source_matches"]
