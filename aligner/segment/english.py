"""English sentence splitting with NLTK Punkt, fully offline.

Punkt runs with parameters built from a shipped abbreviation list instead of the downloadable
``punkt`` model, so nothing is fetched at run time and "Dr. Ammar" or "U.S. forces" never split.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from ..lang import en
from .base import Cut


@dataclass(frozen=True)
class EnglishSegmentParams:
    """Confidence the aligner gives to Punkt's breaks (docs/tuning.md)."""

    # Punkt's splits are reliable in edited English; a stray full stop there is rarer than in
    # the Arabic sources we see, but the aligner may still merge across one.
    punkt: float = 0.95
    # A next sentence that starts in lower case or with a digit usually continues this one
    # ("the U.S. and ...", "at 5 p.m. 20 people ..."): a break the aligner may absorb cheaply.
    continues: float = 0.3


PARAMS = EnglishSegmentParams()


@lru_cache(maxsize=1)
def _tokenizer() -> PunktSentenceTokenizer:
    params = PunktParameters()
    params.abbrev_types = set(load_abbreviations())
    return PunktSentenceTokenizer(params)


def load_abbreviations() -> list[str]:
    """The shipped abbreviation list (lower case, no final full stop)."""
    text = resources.files("aligner.data").joinpath("english_abbreviations.txt").read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(load_abbreviations())


def is_abbreviation(word: str) -> bool:
    """"U.S", "a.m", "etc", "Dr", a single letter: a full stop after it is not an end."""
    low = word.lower().strip("'’")
    if word in en.NO_END:
        return False  # "a. higher chance": the article, not an initial
    return "." in low or len(low) == 1 or low in _abbreviations()


def split(paragraph: str, params: EnglishSegmentParams = PARAMS) -> list[Cut]:
    """Cut one paragraph into sentences; every cut but the last is a candidate break."""
    spans = list(_tokenizer().span_tokenize(paragraph))
    cuts = []
    for k, (start, end) in enumerate(spans):
        last = k == len(spans) - 1
        conf, reason = (1.0, "paragraph") if last else (params.punkt, "punkt")
        if not last and _lower_or_digit_next(paragraph, spans[k + 1][0]):
            conf, reason = params.continues, "continues in lower case"
        cuts.append(Cut(start, end, conf, reason))
    return cuts


def _lower_or_digit_next(text: str, pos: int) -> bool:
    ch = text[pos:pos + 1]
    return ch.islower() or ch.isdigit()
