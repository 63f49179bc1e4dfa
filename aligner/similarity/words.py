"""Word-level translation evidence: does this Arabic word translate that English word?

The evidence is a translation table fitted to parallel text (IBM Model 1, both directions, EM
over the tune split's TICO-19 and UD Arabic-PUD pairs; ``scripts/fit_word_table.py`` refits it
into ``aligner/data/word_table.tsv.gz``), the Buckwalter lexicon's glosses where the optional
``aligner[lexicon]`` is installed, and loanwords matched by sound (:mod:`aligner.translit`).
Words are compared as light stems: Arabic normalised (:func:`aligner.lang.ar.normalize_arabic`)
with one proclitic chain and one pronoun/plural suffix taken off, English lower-cased and
Snowball-stemmed (nltk, a dependency already).

A stem seen fewer than ``WordParams.min_count`` times in the fitting data is *unknown*: the
table has no evidence for or against it, and callers must not treat it as untranslated. The
fitted table knows only the words of ~4,000 sentence pairs, so most rare words are unknown;
this module says so rather than guessing.

Offsets are kept: every token carries its span in the text it came from.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import translit
from ..lang import ar, en
from . import lexicon

DATA = Path(__file__).resolve().parent.parent / "data" / "word_table.tsv.gz"


@dataclass(frozen=True)
class WordParams:
    """How the fitted table is read (docs/tuning.md)."""

    #: A stem seen fewer times than this in the fitting data is unknown (no evidence).
    min_count: int = 3
    #: Two words translate each other when the larger of p(en|ar) and p(ar|en) reaches this
    #: (or the optional Buckwalter lexicon glosses the Arabic word with the English one).
    translates: float = 0.1
    #: The most frequent stems of each side of the fitting data are function words (with the
    #: closed classes of :mod:`aligner.lang`): they are never evidence either way.
    function_top: int = 20
    #: A known word is evidence only when, in the fitting data, a table fitted on the other
    #: half translated at least this share of its occurrences: a word translators often
    #: render freely ("widely", "during") proves nothing by its absence.
    reliable: float = 0.5
    #: Words that are no evidence (function words, numbers, names, unknown words) that may
    #: stand inside a run of untranslated words without ending it.
    run_gap: int = 1


PARAMS = WordParams()


@dataclass(frozen=True)
class Token:
    """A word of a text: its span, its surface form and the stem the table is keyed on."""

    start: int
    end: int
    text: str
    stem: str


# -- stems ----------------------------------------------------------------------------------

_AR_SUFFIXES = ("هما", "كما", "هم", "هن", "كم", "نا", "ها", "ات", "ون", "ين", "ه")
_AR_PRONOUNS = frozenset({"هما", "كما", "هم", "هن", "كم", "نا", "ها", "ه"})
_AR_TOKEN = re.compile(f"[{ar.LETTERS}{ar.TATWEEL}{ar.HARAKAT}{ar.DAGGER_ALEF}]+|[0-9٠-٩]+")
_EN_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[0-9]+")


@functools.lru_cache(maxsize=1 << 16)
def ar_stem(word: str) -> str:
    """Light stem of an Arabic word: normalised, one proclitic chain and one suffix off, with
    three letters at least left."""
    word = ar.normalize_arabic(word)
    for prefix in ar.PROCLITICS:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            word = word[len(prefix):]
            break
    for suffix in _AR_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:-len(suffix)]
            # A ta marbuta before a pronoun is written ت (حكومتهم "their government"); the
            # bare word loses it as the suffix ه (حكومة → حكوم), so this one does too.
            if suffix in _AR_PRONOUNS and word.endswith("ت") and len(word) > 3:
                word = word[:-1]
            return word
    return word


@functools.lru_cache(maxsize=1)
def _snowball() -> Any:
    from nltk.stem.snowball import SnowballStemmer

    return SnowballStemmer("english")


@functools.lru_cache(maxsize=1 << 16)
def en_stem(word: str) -> str:
    """Snowball stem of an English word (lower case, no possessive)."""
    word = re.sub(r"['’]s$", "", word.lower())
    return str(_snowball().stem(word))


def ar_tokens(text: str) -> list[Token]:
    """Arabic words (and numbers) of ``text`` with their spans and stems."""
    return [Token(m.start(), m.end(), m.group(), ar_stem(m.group()))
            for m in _AR_TOKEN.finditer(text)]


def en_tokens(text: str) -> list[Token]:
    """English words (and numbers) of ``text`` with their spans and stems."""
    return [Token(m.start(), m.end(), m.group(), en_stem(m.group()))
            for m in _EN_TOKEN.finditer(text)]


EN_CLOSED = frozenset(en_stem(w) for w in (
    en.NOT_NAMES | en.AUXILIARIES | en.SUBJECT_PRONOUNS | en.OBJECT_OPENERS | en.DETERMINERS
    | en.SUBORDINATORS | en.RELATIVE_PRONOUNS | en.BEFORE_NAME | en.QUANTIFIERS
    | en.COORDINATORS | en.FOCUS_ADVERBS))
AR_CLOSED = frozenset(ar_stem(w) for w in (
    ar.PREPOSITIONS_N | ar.RARE_PREPOSITIONS_N | ar.SPATIAL_PREPOSITIONS_N | ar.CONJUNCTIONS_N
    | ar.PARTICLES_N | ar.RELATIVE_PRONOUNS_N | ar.COMPLEMENTIZERS_N))


# -- the table ------------------------------------------------------------------------------

@dataclass(frozen=True)
class WordTable:
    """A fitted translation table: p(en|ar) and p(ar|en) per stem pair, and stem counts."""

    en_given_ar: dict[tuple[str, str], float]
    ar_given_en: dict[tuple[str, str], float]
    ar_count: dict[str, int]
    en_count: dict[str, int]
    ar_covered: dict[str, float]
    en_covered: dict[str, float]
    ar_function: frozenset[str]
    en_function: frozenset[str]
    params: WordParams = PARAMS

    def translates(self, ar_stem_: str, en_stem_: str) -> float:
        """How strongly the two stems translate each other (0 when the table has no pair)."""
        key = (ar_stem_, en_stem_)
        return max(self.en_given_ar.get(key, 0.0), self.ar_given_en.get(key, 0.0))

    def known_ar(self, stem: str) -> bool:
        return self.ar_count.get(stem, 0) >= self.params.min_count

    def known_en(self, stem: str) -> bool:
        return self.en_count.get(stem, 0) >= self.params.min_count


@dataclass(frozen=True)
class PairWords:
    """The words of one pair and what the evidence says of each: ``True`` translated by some
    word of the other side, ``False`` not translated although the evidence knows the word,
    ``None`` no evidence (a function word, a number, a name, a word the evidence does not
    know or knows to be rendered freely)."""

    arabic: tuple[Token, ...]
    english: tuple[Token, ...]
    ar_state: tuple[bool | None, ...]
    en_state: tuple[bool | None, ...]


@functools.lru_cache(maxsize=1 << 16)
def gloss_stems(word: str) -> frozenset[str]:
    """English stems of the Buckwalter glosses of an Arabic word (empty without the optional
    lexicon, ``aligner[lexicon]``)."""
    lex = lexicon.shared()
    return frozenset(en_stem(g) for g in lex.glosses(word)) if lex else frozenset()


def pair_words(arabic: str, english: str, table: WordTable | None = None) -> PairWords:
    """What the word evidence says of every word of an Arabic-English pair (the shipped
    table unless ``table`` is given)."""
    if table is None:
        return _shipped_pair_words(arabic, english)
    return _pair_words(arabic, english, table)


@functools.lru_cache(maxsize=4096)
def _shipped_pair_words(arabic: str, english: str) -> PairWords:
    # Several checks read the same pair; a memo of a pure function changes no result.
    return _pair_words(arabic, english, load())


def _pair_words(arabic: str, english: str, table: WordTable) -> PairWords:
    params = table.params
    ar_toks, en_toks = ar_tokens(arabic), en_tokens(english)
    glosses = [gloss_stems(a.text) for a in ar_toks]

    by_sound = _sound_links(ar_toks, en_toks, table)

    def linked(i: int, e: Token) -> bool:
        a = ar_toks[i]
        return (table.translates(a.stem, e.stem) >= params.translates
                or e.stem in glosses[i] or (a.text, e.text) in by_sound)

    en_state: list[bool | None] = []
    for k, e in enumerate(en_toks):
        # A capitalised word inside the sentence is a name: name-mismatch's evidence.
        evidence = (len(e.text) > 2 and not e.stem.isdigit() and e.stem not in table.en_function
                    and not (k > 0 and e.text[:1].isupper()) and table.known_en(e.stem)
                    and table.en_covered.get(e.stem, 0.0) >= params.reliable)
        en_state.append(any(linked(i, e) for i in range(len(ar_toks))) if evidence else None)
    ar_state: list[bool | None] = []
    for i, a in enumerate(ar_toks):
        # Two letters or fewer: a particle, or a letter of a spelt-out acronym (سي تي "CT").
        if len(a.stem) < 3 or a.stem.isdigit() or a.stem in table.ar_function:
            evidence = False
        elif table.known_ar(a.stem):
            evidence = table.ar_covered.get(a.stem, 0.0) >= params.reliable
        else:
            evidence = bool(glosses[i])
        ar_state.append(any(linked(i, e) for e in en_toks) if evidence else None)
    return PairWords(tuple(ar_toks), tuple(en_toks), tuple(ar_state), tuple(en_state))


def _sound_links(ar_toks: Sequence[Token], en_toks: Sequence[Token], table: WordTable,
                 ) -> set[tuple[str, str]]:
    """(Arabic, English) words of a pair that sound alike: a loanword written by sound
    (فيروس ~ virus, بروتين ~ protein). One blocked match per pair (translit.match_table), not an
    edit distance per word pair."""
    english = {e.text: translit.latin_skeleton(e.text) for e in en_toks
               if len(e.text) > 3 and e.stem not in table.en_function}
    arabic = {a.text: translit.arabic_skeletons(a.text) for a in ar_toks
              if len(a.stem) > 2 and a.stem not in table.ar_function}
    if not english or not arabic:
        return set()
    matches = translit.match_table(set(english.values()),
                                   {s for skels in arabic.values() for s in skels})
    out = set()
    for a_text, skels in arabic.items():
        heard = {n for s in skels for n in matches.get(s, ())}
        if heard:
            out |= {(a_text, e_text) for e_text, skel in english.items() if skel in heard}
    return out


def untranslated_runs(states: Sequence[bool | None], gap: int = PARAMS.run_gap,
                      ) -> list[list[int]]:
    """Runs of untranslated words (indices of the ``False`` states): a translated word ends a
    run, and so do more than ``gap`` words without evidence in a row."""
    out: list[list[int]] = []
    run: list[int] = []
    quiet = 0
    for k, state in enumerate(states):
        if state is False:
            run.append(k)
            quiet = 0
        elif state is None and run and quiet < gap:
            quiet += 1
        else:
            if run:
                out.append(run)
            run, quiet = [], 0
    if run:
        out.append(run)
    return out


def read_table(path: Path, params: WordParams = PARAMS) -> WordTable:
    """Read a table written by ``scripts/fit_word_table.py``.

    Lines: ``c<TAB>ar|en<TAB>stem<TAB>count<TAB>covered share`` for each stem (the share of
    its occurrences in the fitting data that had a translation in their pair), then
    ``t<TAB>ar stem<TAB>en stem<TAB>p(en|ar)<TAB>p(ar|en)``.
    """
    e_a: dict[tuple[str, str], float] = {}
    a_e: dict[tuple[str, str], float] = {}
    counts: dict[str, dict[str, int]] = {"ar": {}, "en": {}}
    covered: dict[str, dict[str, float]] = {"ar": {}, "en": {}}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if parts[0] == "c" and len(parts) == 5:
                counts[parts[1]][parts[2]] = int(parts[3])
                covered[parts[1]][parts[2]] = float(parts[4])
            elif parts[0] == "t" and len(parts) == 5:
                key = (parts[1], parts[2])
                e_a[key] = float(parts[3])
                a_e[key] = float(parts[4])

    def top(side: dict[str, int]) -> frozenset[str]:
        ranked = sorted(side, key=lambda s: (-side[s], s))
        return frozenset(ranked[:params.function_top])

    return WordTable(e_a, a_e, counts["ar"], counts["en"], covered["ar"], covered["en"],
                     top(counts["ar"]) | AR_CLOSED, top(counts["en"]) | EN_CLOSED, params)


@functools.lru_cache(maxsize=4)
def load(path: Path = DATA, params: WordParams = PARAMS) -> WordTable:
    """The shipped table (read once per process)."""
    return read_table(path, params)


__all__ = ["PARAMS", "PairWords", "Token", "WordParams", "WordTable", "ar_stem", "ar_tokens",
           "en_stem", "en_tokens", "gloss_stems", "load", "pair_words", "read_table",
           "untranslated_runs"]
