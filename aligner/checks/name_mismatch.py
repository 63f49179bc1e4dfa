"""``name-mismatch``: a name on one side of a pair with no transliteration on the other.

Arabic has no capitals, so a word is taken for a name only on the document's own evidence: an
Arabic word is a name when, in some pair of the document, it matches a capitalised English word
by transliteration (كوتراشيف ~ Kutrashev). In every other pair where that Arabic word (or that
English name) appears, the other side must have a matching name too. A name that matches
nowhere in the document is never reported: precision first, the check is a warning.

A source name rendered by a pronoun (he, she, they...) is not reported: translators do that.

One exception needs no document evidence: a person's name in the English (two to four
capitalised words inside the sentence, such as "Maria Gonzalez", at least two of them long
enough to compare) of which fewer than half the words sound like an Arabic word of the pair, and
which does not sound, run together, like an Arabic word or two or three adjacent ones. Arabic
writes a foreign person's name by sound, so a full name with too little alike in the Arabic was
added or swapped; a name named once in the document is found this way too.

With an embedding scorer, where the second encoder is installed, a finding whose name the other
side renders by translation or by an Arabic form of its own (متحف فان غوخ "Van Gogh Museum",
القديس يوحنا "Saint John") is not reported: the encoder finds the name close to a run of the
other side's words (:func:`rendered_matches`; not for the table's countries, which it puts
close together).

Each finding carries the evidence it rests on (:func:`name_evidence`: which rule found it, on
which side, whether the pair also lacks a name on the other side, as a swap does, how close
a full name comes to some Arabic word, how the pair's similarity compares with its document's); the
fitted confidence model (:mod:`aligner.checks._support.confidence`) reports a weak one at
``info``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from .. import lang
from ..model import SRC, TGT, Pair, Severity
from ..similarity import use
from ..similarity.words import WordTable, ar_tokens, en_stem
from ..similarity.words import load as load_word_table
from ..text import normalize_arabic, normalize_latin
from ..translit import PARAMS as TRANSLIT_PARAMS
from ..translit import (
    arabic_skeletons,
    latin_skeleton,
    latin_skeletons,
    names_match,
    skeleton_similarity,
)
from ._support.base import Check, CheckContext, Hit
from ._support.confidence import graded
from ._support.places import unmatched_places
from ._support.sides import arabic_english, side_lang
from ._support.stats import robust_z
from .low_similarity import NON_SEMANTIC
from .low_similarity import PARAMS as SIMILARITY

# The Arabic article as English spells it before a name ("al-Sudani", "ash-Sharq").
_ARTICLE = lang.ar.LATIN_ARTICLE + "[-‐‑]"
_EN_NAME = re.compile(rf"(?<![\w‘’ʿʾ])(?:{_ARTICLE})?[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ‘'ʿʾ][\w‘’'ʿʾ\-]*")
_LEADING_ARTICLE = re.compile("^" + _ARTICLE)
_HYPHEN = re.compile(r"[-‐‑]")
_NOT_LOWER_LATIN = re.compile(r"[^a-z]")
_ACRONYM = re.compile(r"[A-Z0-9]*[A-Z][A-Z0-9]*(?:-[A-Za-z0-9]+)*s?")
_AR_WORD = lang.ar.WORD_EXTENDED
_AR_PROCLITICS = lang.ar.LINK_PROCLITICS
_PRONOUNS = re.compile(r"\b(?:he|she|him|his|her|hers|they|them|their|theirs|it|its)\b",
                       re.IGNORECASE)
# Capitalised English words that are not names, and demonyms (a translation, not a name).
_NOT_NAMES = lang.en.NOT_NAMES | frozenset("""prime secretary general ambassador king queen prince
sheikh imam ayatollah emir crown supreme leader chancellor governor mayor council committee ministry
government parliament federal forces army armed republic
state states united national international institute organization organisation university party
movement front union news agency according however meanwhile earlier later also yesterday
today""".split())
_DEMONYM = re.compile(r"(?:ians?|eans?|ese|ish|ic)$|^(?:american|african|arab|iraqi|israeli|saudi|"
                      r"kuwaiti|qatari|emirati|yemeni|omani|pakistani|afghan|kurd|thai)s?$")


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str
    forms: frozenset[str]      # Arabic: normalised word without proclitics; English: folded
    skeletons: frozenset[str]  # Arabic: with and without clitics; English: each reading


def english_names(text: str, evidence: bool = False) -> list[_Word]:
    """Capitalised English words that may be names, with their skeletons. With ``evidence``,
    only those that can show an Arabic word is a name: no titles, institutions, demonyms or
    sentence openers."""
    out = []
    for m in _EN_NAME.finditer(text):
        word = m.group().rstrip("-")
        key = _LEADING_ARTICLE.sub("", word.lower())
        if key in _NOT_NAMES or key.rstrip(".") in lang.en.MONTHS:
            continue
        if evidence and (_DEMONYM.search(key) or _sentence_initial(text, m.start())):
            continue
        if _ACRONYM.fullmatch(word):
            continue  # acronyms (MERS, NATO) are spelt out as often as transliterated
        # The parts of a compound ("SARS-CoV-19") may each render one Arabic word.
        parts = {word, *(p for p in _HYPHEN.split(word) if p[:1].isalpha())}
        skeletons = frozenset(sk for p in parts for sk in latin_skeletons(p) if len(sk) >= 3)
        if skeletons:
            folded = _NOT_LOWER_LATIN.sub("", normalize_latin(key))
            out.append(_Word(m.start(), m.start() + len(word), word, frozenset((folded,)),
                             skeletons))
    return out


def arabic_words(text: str, memo: dict | None = None) -> list[_Word]:
    """Arabic words with their clitic-free forms and skeletons. ``memo`` (word → forms and
    skeletons) saves recomputing them for words a document repeats."""
    memo = {} if memo is None else memo
    out = []
    for m in _AR_WORD.finditer(text):
        word = m.group()
        if word not in memo:
            norm = normalize_arabic(word)
            forms = {norm}
            for clitic in _AR_PROCLITICS:
                if norm.startswith(clitic) and len(norm) - len(clitic) >= 3:
                    forms.add(norm[len(clitic):])
            memo[word] = (frozenset(f for f in forms if len(f) >= 3),
                          frozenset(arabic_skeletons(word)))
        forms, skeletons = memo[word]
        if forms:
            out.append(_Word(m.start(), m.end(), word, forms, skeletons))
    return out


def _matches(en: _Word, ar: _Word, threshold: float = 0.75) -> bool:
    # Edit distance is at least the length difference: skip pairs that cannot reach threshold.
    candidates = {a for a in ar.skeletons
                  if any(abs(len(a) - len(sk)) <= (1 - threshold) * max(len(a), len(sk))
                         for sk in en.skeletons)}
    return bool(candidates) and any(names_match(sk, candidates, threshold)
                                    for sk in en.skeletons)


@dataclass(frozen=True)
class NameMismatchParams:
    """How sure the check must be that an Arabic word is a name (docs/tuning.md)."""

    #: Stricter match for the evidence that makes a word a name: at most one confusable
    #: consonant in four, so that "CoVs" does not make خفافيش ("bats") a name.
    evidence_match: float = 0.85
    #: A word is a name only if the other side has a matching name in at least this share of
    #: the pairs it occurs in: a common word (فيروس "virus") that once met a capitalised
    #: "Virus" is not.
    consistency: float = 0.6
    #: How alike (skeleton similarity) an Arabic word must be to an English full name's word to
    #: count as its rendering; looser than the other matches, since here a match only spares.
    person_match: float = 0.75
    #: A full name is accounted for when more than this share of its words each sound like
    #: an Arabic word of the pair (or the whole name, run together, does).
    person_words: float = 0.5
    #: A full name is judged only with at least this many words of two consonants or more.
    person_min_words: int = 2
    #: How alike the whole name run together must be to an Arabic word, or to two or three
    #: adjacent Arabic words run together, to account for it: strict, since a long joined
    #: skeleton meets some Arabic word at a loose match by chance ("DiegoHerrera" ~ وظهر).
    person_joined: float = 0.85
    #: A capitalised run of which at least this share of words the fitted word table
    #: translates by a word of the Arabic is a translated title, not a person's name.
    person_translated: float = 0.5
    #: With an embedding scorer and the second encoder installed (:mod:`aligner.similarity.use`):
    #: a name (not of the countries' table) whose best cosine with any run of one to three
    #: words of the other side is at least this is rendered there, by translation or an Arabic
    #: form of its own ("Van Gogh Museum" متحف فان غوخ, "Saint John" القديس يوحنا), and is not
    #: reported; 1 pair in 100 whose name the tune documents swapped matches as well
    #: (``scripts/fit_second_encoder.py``). Each word of a name of several words must also
    #: match some run at ``rendered_word`` or more: a swapped name that shares a translated
    #: head with the one it replaced ("Rembrandt Museum" for متحف فان غوخ) matches through
    #: the head alone.
    rendered_match: float = 0.45
    rendered_word: float = 0.45


PARAMS = NameMismatchParams()
# Skeletons of an Arabic word with its proclitics off however short the stem left (الحق → HK).
_SHORT_STEMS = replace(TRANSLIT_PARAMS, min_stem=2)


@dataclass(frozen=True)
class NameLinks:
    """Names the document itself shows are transliterated: Arabic forms (each with an English
    spelling, for messages) and folded English names."""

    arabic: dict
    english: frozenset[str]


def _words(pair: Pair, ar_side: str, en_side: str, memo: dict | None = None
           ) -> tuple[list[_Word], list[_Word], list[_Word]]:
    en = pair.text(en_side)
    return (arabic_words(pair.text(ar_side), memo), english_names(en),
            english_names(en, evidence=True))


def document_links(pairs: tuple[Pair, ...], ar_side: str = SRC, en_side: str = TGT,
                   words: list | None = None) -> NameLinks:
    """Arabic words and English names the document shows are transliterations of each other,
    consistently: matched inside a pair, and matched in most pairs where they occur.
    ``words`` may hold :func:`_words` of the bilingual pairs, computed once by the caller."""
    sides = words if words is not None else [
        _words(p, ar_side, en_side) for p in pairs if p.src and p.tgt]
    seen_ar: dict[str, str] = {}
    seen_en: set[str] = set()
    for ar, _en, evidence in sides:
        for e in evidence:
            for a in ar:
                if _matches(e, a, PARAMS.evidence_match):
                    seen_en.update(e.forms)
                    for form in a.forms:
                        seen_ar.setdefault(form, e.text)
    ar_occ: dict[str, list[bool]] = {}
    en_occ: dict[str, list[bool]] = {}
    for ar, en, _evidence in sides:
        ar_seen: dict[str, bool] = {}
        for a in ar:
            known = a.forms & seen_ar.keys()
            if known:
                hit = any(_matches(e, a) for e in en)
                for form in known:
                    ar_seen[form] = ar_seen.get(form, False) or hit
        en_seen: dict[str, bool] = {}
        for e in en:
            known = e.forms & seen_en
            if known:
                hit = any(_matches(e, a) for a in ar)
                for key in known:
                    en_seen[key] = en_seen.get(key, False) or hit
        for form, hit in ar_seen.items():
            ar_occ.setdefault(form, []).append(hit)
        for key, hit in en_seen.items():
            en_occ.setdefault(key, []).append(hit)
    return NameLinks(
        {f: seen_ar[f] for f, occ in ar_occ.items() if sum(occ) >= PARAMS.consistency * len(occ)},
        frozenset(k for k, occ in en_occ.items() if sum(occ) >= PARAMS.consistency * len(occ)))


# Words of a person's full name: a capital, then lower-case letters (a later capital only after
# a hyphen or apostrophe: "Jae-in", "O'Neill"); an Arabic name's later words may carry the
# article ("Qays al-Haz‘alī"). Acronyms, codes and "McX" spellings are left out.
_TOKEN = re.compile(r"[^\W\d_][\w'’‘ʿʾ\-]*")
_NAME_TAIL_CAPS = re.compile(r"(?<![-'’‘ʿʾ])[A-Z]")


def _capitalised_runs(text: str) -> Iterator[list[tuple[int, int, str]]]:
    """Runs of name-shaped words separated by spaces only, as ``(start, end, word)``."""
    run: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text):
        word = m.group().rstrip("-")
        bare = _LEADING_ARTICLE.sub("", word)
        shaped = (bare[:1].isupper() and not _NAME_TAIL_CAPS.search(bare, 1)
                  and any(ch.islower() for ch in bare))
        if run and (not shaped or not text[run[-1][1]:m.start()].isspace()):
            yield run
            run = []
        if shaped:
            run.append((m.start(), m.start() + len(word), word))
    if run:
        yield run


COMMON_WORDS = "english_common_words.txt"
_QUOTED = re.compile(r"[\"“«][^\"“”«»]{1,80}[\"”»]")
_POSSESSIVE = re.compile(r"['’‘]s?$")


def person_hits(pair: Pair, ar_words: list[_Word], ar_side: str = SRC, en_side: str = TGT
                ) -> Iterator[Hit]:
    """Hits for an English full name with too little alike in the Arabic of the pair (see the
    module's docstring); titles, institutions, demonyms and months at the edges of the run are
    not part of the name."""
    for hit, _alike in _person_evidence(pair, ar_words, ar_side, en_side):
        yield hit


def _person_evidence(pair: Pair, ar_words: list[_Word], ar_side: str = SRC,
                     en_side: str = TGT) -> Iterator[tuple[Hit, float]]:
    """:func:`person_hits` with, for each, how close the name comes to an Arabic word of the
    pair (:func:`_closest`)."""
    en_text, ar_text = pair.text(en_side), pair.text(ar_side).lower()
    vocabulary = common_words()

    @lru_cache(maxsize=1)
    def joined() -> list[_Word]:
        # Runs of two or three Arabic words written as one, to meet a name whose words are
        # each too short to compare ("Saul Bass" ~ سول باس, "Kiki Dee" ~ كيكي دي).
        return [w for k in range(len(ar_words)) for n in (2, 3) if k + n <= len(ar_words)
                for w in arabic_words("".join(a.text for a in ar_words[k:k + n]))]
    quoted = [m.span() for m in _QUOTED.finditer(en_text)]
    for run in _capitalised_runs(en_text):
        if any(a <= run[0][0] and run[-1][1] <= b for a, b in quoted):
            continue  # a title in quotation marks ("Frost Keepers"): translated, not a person
        words = [(a, b, _POSSESSIVE.sub("", w)) for a, b, w in run]
        if _sentence_initial(en_text, words[0][0]):
            words = words[1:]   # "Yesterday Maria ...": the first word may be an opener

        def common(word: str) -> bool:
            key = word.lower()
            return key in _NOT_NAMES or key in lang.en.MONTHS or bool(_DEMONYM.search(key))

        while words and common(words[0][2]):
            words = words[1:]
        while words and common(words[-1][2]):
            words = words[:-1]
        if (not 2 <= len(words) <= 4 or any(common(w) for _s, _e, w in words)
                or any(_ordinary(w, vocabulary) for _s, _e, w in words)):
            continue  # names are no ordinary words: "High Court", "North Sea" are not persons
        if any(w.lower() in ar_text for _s, _e, w in words):
            continue  # written in Latin letters in the Arabic too
        # Each word against every Arabic word; the run written as one word against every
        # Arabic word (نيويورك "New York") and every run of Arabic words written as one. The
        # name is accounted for when the joined forms match or at least half its words do:
        # one short word that happens to sound loosely like some Arabic word ("Mehta" ~ محل)
        # does not account for a whole name.
        if _accounted([w for _s, _e, w in words], ar_words, joined):
            continue
        if _translated([w for _s, _e, w in words], pair.text(ar_side)) \
                >= PARAMS.person_translated:
            continue  # a title translated word for word ("Multimedia Appendix")
        start, end = words[0][0], words[-1][0] + len(words[-1][2])
        name = en_text[start:end]
        yield (Hit(pair.id, en_side, (start, end),
                   f"The name '{name}' in the English has no counterpart in the Arabic: no "
                   "Arabic word of this sentence sounds like it.",
                   "Check the Arabic: is this the person it names, or was the name changed or "
                   "added?"), _closest([w for _s, _e, w in words], ar_words))


def word_table(arabic: str) -> WordTable:
    """The word table that judges a pair (the shipped one; a measurement that cross-fits the
    table replaces this function)."""
    del arabic
    return load_word_table()


def _translated(words: list[str], arabic: str) -> float:
    """Share of a capitalised run's words that the fitted word table translates by a word of
    the Arabic: a title or institution is translated ("Multimedia Appendix" ملحق الوسائط
    المتعددة), a person's name is written by sound."""
    table = word_table(arabic)
    stems = {t.stem for t in ar_tokens(arabic)}
    limit = table.params.translates
    hits = sum(any(table.translates(a, stem) >= limit for a in stems)
               for stem in (en_stem(w) for w in words))
    return hits / len(words) if words else 0.0


def _closest(words: list[str], ar_words: list[_Word]) -> float:
    """How close the name's best word comes to sounding like some Arabic word of the pair
    (skeleton similarity, 0 to 1): a name rendered in another spelling comes close, one that
    was swapped for another seldom does."""
    skeletons = {latin_skeleton(w) for w in words} - {""}
    return max((skeleton_similarity(sk, a) for sk in skeletons for w in ar_words
                for a in w.skeletons), default=0.0)


def _accounted(words: list[str], ar_words: list[_Word], joined: Callable[[], list[_Word]],
               params: NameMismatchParams | None = None) -> bool:
    """Whether an English full name has a rendering by sound in the Arabic: its words run
    together closely match an Arabic word or run of words (نيويورك "New York", سول باس "Saul
    Bass"), or more than ``person_words`` of its words each sound like an Arabic word, or
    belong to a run of them that does, run together (نوتردام "Notre Dame" in "Notre Dame
    Cathedral")."""
    params = params or PARAMS

    def sounds_joined(run: list[str]) -> bool:
        return any(_matches(e, a, params.person_joined) for e in english_names("".join(run))
                   for a in [*ar_words, *joined()])

    if sounds_joined(words):
        return True
    in_joined = {k for n in range(2, len(words)) for i in range(len(words) - n + 1)
                 if sounds_joined(words[i:i + n]) for k in range(i, i + n)}
    alike = compared = 0
    for k, word in enumerate(words):
        if len(latin_skeleton(word)) < 2:
            continue    # "Li", "Kiki" (KK → K), "Wadi": too short to say anything
        readings = latin_skeletons(word)
        compared += 1
        # A reading of two consonants is too short for a graded match: only the same two count
        # ("Siri" سيري, "al-Ḥaqq" الحق, whose clitic the usual skeletons keep on so short a
        # stem; "Egon" إيغون read as German).
        short = {sk for sk in readings if len(sk) == 2}
        alike += k in in_joined \
            or (bool(short) and any(short & arabic_skeletons(a.text, _SHORT_STEMS)
                                    for a in ar_words)) \
            or any(_matches(e, a, params.person_match) for e in english_names(word)
                   for a in ar_words)
    # With fewer comparable words there is too little to judge ("Li Keqiang", لي كه تشيانغ).
    return compared < params.person_min_words or alike >= params.person_words * compared


def _ordinary(word: str, vocabulary: frozenset[str]) -> bool:
    """An ordinary English word, a plural of one, or a compound with one ("Iran-supported")."""
    key = _LEADING_ARTICLE.sub("", word.lower())
    parts = [key, *_HYPHEN.split(key)] if _HYPHEN.search(key) else [key]
    return any(p in vocabulary or (p.endswith("s") and p[:-1] in vocabulary) for p in parts)


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Ordinary English words (``aligner/data/english_common_words.txt``, fitted on the tune
    split by ``scripts/fit_common_words.py``)."""
    text = resources.files("aligner.data").joinpath(COMMON_WORDS).read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \"“‘'(")
    return not before or before[-1] in ".!?:"


def check_pair(pair: Pair, links: NameLinks, ar_side: str = SRC, en_side: str = TGT,
               words: tuple[list[_Word], list[_Word], list[_Word]] | None = None
               ) -> Iterator[Hit]:
    """Hits for the document's known names that have no transliteration on the other side of
    this pair (none on the Arabic side when the English uses a pronoun)."""
    if not pair.src or not pair.tgt:
        return
    en_text = pair.text(en_side)
    ar, en, _evidence = words or _words(pair, ar_side, en_side)
    reported: set[str] = set()
    pronoun = bool(_PRONOUNS.search(en_text))
    for a in ar:
        known = sorted(a.forms & links.arabic.keys())
        if not known or known[0] in reported or any(_matches(e, a) for e in en):
            continue
        reported.add(known[0])
        if pronoun:
            continue
        elsewhere = links.arabic[known[0]]
        yield Hit(pair.id, ar_side, (a.start, a.end),
                  f"The name '{a.text}' (rendered '{elsewhere}' elsewhere in this document) has "
                  "no counterpart in the English.",
                  f"Check whether '{elsewhere}' was left out or misspelt in this sentence.")
    for e in en:
        if not (e.forms & links.english) or e.text in reported:
            continue
        if any(_matches(e, a) for a in ar):
            continue
        reported.add(e.text)
        yield Hit(pair.id, en_side, (e.start, e.end),
                  f"The name '{e.text}' in the English has no counterpart in the Arabic.",
                  "Check the Arabic: is the name there under another spelling, or was it "
                  "added?")


def place_hits(pair: Pair, ar_side: str = SRC, en_side: str = TGT) -> Iterator[Hit]:
    """Hits for a country, capital or international body named on one side of the pair and
    not on the other (the table in :data:`aligner.lang.ar.PLACES`)."""
    if not pair.src or not pair.tgt:
        return
    ar, en = pair.text(ar_side), pair.text(en_side)
    names = english_names(en)
    for side, span, name in unmatched_places(ar, en):
        if side == "ar" and _rendered_inside_a_name(ar[span[0]:span[1]], name, en, names):
            continue
        if side == "en":
            yield Hit(pair.id, en_side, span,
                      f"'{en[span[0]:span[1]]}' in the English is not named in the Arabic.",
                      f"Check the Arabic: is {name} there, or was another name changed?")
        else:
            yield Hit(pair.id, ar_side, span,
                      f"'{ar[span[0]:span[1]]}' ({name}) is not named in the English.",
                      f"Check whether '{name}' was left out or replaced by another name.")


_CAPITALISED = re.compile(r"(?<![\w])[A-Z][\w\-]+")


def _rendered_inside_a_name(ar_place: str, name: str, en: str, names: list[_Word]) -> bool:
    """An Arabic place the English renders inside a longer name after all: by sound ("District
    of Columbia" مقاطعة كولومبيا; "Roma Tre" جامعة روما الثالثة, two consonants matched exactly)
    or as part of a capitalised word ("Mesoamerican" for أمريكا الوسطى)."""
    words = arabic_words(ar_place)
    if any(_matches(e, a) for a in words for e in names):
        return True
    short = {sk for a in words for sk in arabic_skeletons(a.text, _SHORT_STEMS) if len(sk) == 2}
    capitalised = [m.group() for m in _CAPITALISED.finditer(en)]
    if short and any(short & latin_skeletons(w) for w in capitalised):
        return True
    forms = [f.lower() for place, others, _ar in lang.ar.PLACES if place == name
             for f in (place, *others) if len(f) >= 4]
    return any(f in w.lower() and len(w) > len(f) for w in capitalised for f in forms)


CHECK_ID = "name-mismatch"


def name_evidence(ctx: CheckContext) -> Iterator[tuple[Hit, dict[str, float]]]:
    """Every hit of the check with the features its confidence model reads: the rule that
    found it (``place``, ``person``; else a name the document shows), ``in_phrase`` (an Arabic
    place inside a longer name, :func:`_in_phrase`), ``english`` (the name is on the English
    side), ``two_sided`` (the pair also lacks a name on the other side: a swap
    shows both halves), ``closest`` (a full name: how close its best word comes to an Arabic
    word of the pair) and ``score_z`` (the pair's similarity as a robust z-score in its document,
    0 without a semantic scorer)."""
    sides = arabic_english(ctx)
    if sides is None:
        return
    bilingual = [p for p in ctx.pairs if p.src and p.tgt]
    memo: dict = {}
    words = [_words(p, *sides, memo=memo) for p in bilingual]
    links = document_links(ctx.pairs, *sides, words=words)
    zs = _score_z(ctx, bilingual)
    for pair, pair_words, z in zip(bilingual, words, zs):
        found: list[tuple[Hit, dict[str, float]]] = [
            (h, {}) for h in (check_pair(pair, links, *sides, words=pair_words)
                              if links.english or links.arabic else ())]
        seen = [(h.side, h.span) for h, _f in found]
        ar_text = pair.text(sides[0])
        others = [(h, {"place": 1.0, "in_phrase": float(h.side == sides[0] and _in_phrase(
            ar_text, h.span))}) for h in place_hits(pair, *sides)]
        others += [(h, {"person": 1.0, "closest": closest})
                   for h, closest in _person_evidence(pair, pair_words[0], *sides)]
        for hit, features in others:
            if not any(side == hit.side and s < hit.span[1] and hit.span[0] < e
                       for side, (s, e) in seen):
                found.append((hit, features))
                seen.append((hit.side, hit.span))
        for hit, features in found:
            features["english"] = float(hit.side == sides[1])
            features["two_sided"] = float(any(h.side != hit.side for h, _f in found))
            features["score_z"] = z
            yield hit, features


_AR_AFTER = re.compile(r"\s+([^\W\d_]+)")


def _in_phrase(text: str, span: tuple[int, int]) -> bool:
    """Whether an Arabic place stands between a noun and a definite adjective, inside a longer
    name of something else: كلية لندن الإمبراطورية "Imperial College London", جزر الهند
    الغربية "West Indies"."""
    before = lang.ar.word_before(text, span[0])
    after = _AR_AFTER.match(text, span[1])
    if before is None or after is None:
        return False
    head, adjective = normalize_arabic(before), normalize_arabic(after.group(1))
    return (head not in lang.ar.FUNCTION_WORDS_N and len(head) >= 3
            and adjective.startswith("ال") and adjective.endswith(("ية", "يه", "ي")))


def _score_z(ctx: CheckContext, pairs: list[Pair]) -> list[float]:
    """Each pair's similarity as a robust z-score in the document (clipped to ±4), or 0s when
    the run has no semantic scorer or too few scored pairs."""
    scores = [p.score for p in pairs]
    if ctx.options.scorer in NON_SEMANTIC or any(s is None for s in scores) \
            or len(scores) < SIMILARITY.min_pairs:
        return [0.0] * len(pairs)
    return [max(-4.0, min(4.0, z))
            for z in robust_z([float(s) for s in scores if s is not None],
                              SIMILARITY.min_spread)]


def find(ctx: CheckContext) -> Iterator[Hit]:
    found = list(name_evidence(ctx))
    for (hit, features), match in zip(found, rendered_scores(ctx, found), strict=True):
        if match < PARAMS.rendered_match:
            yield replace(hit, severity=graded(CHECK_ID, features))


def rendered_scores(ctx: CheckContext, found: list[tuple[Hit, dict[str, float]]]
                    ) -> list[float]:
    """For each finding of :func:`name_evidence`, the match on which ``rendered_match`` spares
    it: its whole name's (:func:`rendered_matches`), or -1 where it cannot be spared (a word
    of its name under ``rendered_word``; a finding of the countries' table, which the encoder
    puts close together: a country the tune documents swapped in matched a run of its Arabic
    at up to 0.80)."""
    judged = [k for k, (_hit, features) in enumerate(found) if not features.get("place")]
    out = [-1.0] * len(found)
    matches = rendered_matches(ctx, [found[k][0] for k in judged])
    for k, (whole, weakest) in zip(judged, matches, strict=True):
        if weakest >= PARAMS.rendered_word:
            out[k] = whole
    return out


def rendered_matches(ctx: CheckContext, hits: list[Hit]) -> list[tuple[float, float]]:
    """Each hit's name against the other side of its pair, by the second encoder: the best
    cosine of the whole name with any run of one to three words there
    (``use.best_matches``), and the lowest such cosine of its words; 0s where that encoder is
    not asked (no embedding scorer, not installed, a language it does not know). A name the
    other side renders by translation or by an Arabic form of its own is close to that
    rendering; a swapped name to none."""
    langs = side_lang(ctx, SRC), side_lang(ctx, TGT)
    if not hits or ctx.options.scorer in NON_SEMANTIC or not use.available() \
            or not all(lang in use.LANGUAGES for lang in langs):
        return [(0.0, 0.0)] * len(hits)
    pairs = {pair.id: pair for pair in ctx.pairs}
    # Each name and, for a name of several words, each word; the other side's runs are encoded
    # once per pair and side, however many of its names are judged.
    pieces: dict[tuple[int, str], list[tuple[int, list[str]]]] = {}
    for k, hit in enumerate(hits):
        name = pairs[hit.pair].text(hit.side)[hit.span[0]:hit.span[1]]
        words = _POSSESSIVE.sub("", name).split()
        pieces.setdefault((hit.pair, hit.side), []).append(
            (k, [name, *words] if len(words) > 1 else [name]))
    out = [(0.0, 0.0)] * len(hits)
    for (pair_id, side), named in pieces.items():
        texts = [text for _k, group in named for text in group]
        found = use.best_matches(use.encode(texts, remember=False),
                                 pairs[pair_id].text(TGT if side == SRC else SRC).split())
        at = 0
        for k, group in named:
            mine = found[at:at + len(group)]
            at += len(group)
            out[k] = (float(mine[0]), float(mine[1:].min()) if len(mine) > 1 else 1.0)
    return out


CHECKS = (Check(CHECK_ID, Severity.WARNING,
                "A name (known from elsewhere in the document, or a country, capital or "
                "international body) on one side of a pair with no counterpart on the other.",
                find),)
