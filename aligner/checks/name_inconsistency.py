"""``name-inconsistency``: one name spelled two ways in one document ("Kutrashev" and
"Kutrashov", "كوتراشيف" and "كوتراشوف").

Two spellings are taken for one name when they share their consonants and differ only in
vowels (one or two letters, never just the last one, where "Maria"/"Mario" are two people).
English candidates are capitalised words seen at least once inside a sentence (so "These" and
"Those" at a sentence start are not names); Arabic candidates are words that carry a
transliterated name, matched against a capitalised word of the aligned English when there is
one, or with the long vowels of a foreign name when the source has one language.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..lang import ar
from ..model import Severity
from ..text import normalize_arabic, normalize_latin
from ..translit import arabic_skeletons, latin_skeleton, names_match
from ._support.base import Check, CheckContext, Hit
from ._support.walk import Placed, placed, sides

MIN_LATIN = 5
MIN_ARABIC = 5
NAME_MATCH = 0.85
_LATIN_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF‘’ʿʾ'\-]+")
_ARABIC_TOKEN = re.compile(f"[{ar.LETTERS}{ar.HARAKAT}{ar.TATWEEL}]+")
_EN_ARTICLE = re.compile(f"^{ar.LATIN_ARTICLE}-", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
_NOT_LOWER_LATIN = re.compile(r"[^a-z]")
_NOT_ARABIC_LETTER = ar.NOT_LETTER
_AR_ENDINGS = ("ون", "ين", "ان", "ات")
_AR_SUFFIXES = ("ون", "ين", "ان", "ات", "يه", "ه")
_VOWELS_LATIN = frozenset("aeiouy")
_VOWELS_ARABIC = frozenset("اوي")


@dataclass(frozen=True)
class Occurrence:
    pair: int
    side: str
    span: tuple[int, int]
    surface: str


def latin_key(word: str) -> str:
    """The comparable form of a Latin-script name: no article, accents, ʿayn or possessive."""
    word = _POSSESSIVE.sub("", word)
    word = _EN_ARTICLE.sub("", word)
    return _NOT_LOWER_LATIN.sub("", normalize_latin(word))


def arabic_key(word: str) -> str:
    """The comparable form of an Arabic word: normalised, without the conjunction or a
    preposition before it, but with its article ("والفياض" → "الفياض", "للعراق" → "العراق"),
    so that "الروماني" is not compared with "رومني"."""
    word = _NOT_ARABIC_LETTER.sub("", normalize_arabic(word))
    if word[:1] in "وف" and len(word) > 4:
        word = word[1:]
    if word.startswith("لل") and len(word) > 4:
        return "ا" + word[1:]
    if word[:1] in "بلك" and word[1:3] == "ال" and len(word) > 5:
        return word[1:]
    return word


def inflections(a: str, b: str) -> bool:
    """Two Arabic forms of one word that differ in a case or number ending (الأمريكيون /
    الأمريكيين), not two spellings of a name."""
    return a[:-2] == b[:-2] and a[-2:] in _AR_ENDINGS and b[-2:] in _AR_ENDINGS


def spelling_variants(a: str, b: str, vowels: AbstractSet[str]) -> bool:
    """Do two distinct forms differ only in one or two vowels, neither first nor last?"""
    if a == b or a.startswith(b) or b.startswith(a):
        return False
    ops = _vowel_edits(a, b, vowels)
    return ops is not None and 0 < len(ops) <= max(1, min(len(a), len(b)) // 4) and all(
        0 < pos < min(len(a), len(b)) - 1 for pos in ops)


def _vowel_edits(a: str, b: str, vowels: AbstractSet[str]) -> list[int] | None:
    """Positions where ``a`` and ``b`` differ, if every difference is a vowel (substituted,
    inserted or deleted); ``None`` if a consonant differs."""
    i = j = 0
    ops: list[int] = []
    while i < len(a) or j < len(b):
        ca, cb = a[i:i + 1], b[j:j + 1]
        if ca and ca == cb:
            i += 1
            j += 1
        elif ca in vowels and cb in vowels and ca and cb:
            ops.append(i)
            i += 1
            j += 1
        elif ca and ca in vowels and (len(a) - i > len(b) - j):
            ops.append(i)
            i += 1
        elif cb and cb in vowels and (len(b) - j > len(a) - i):
            ops.append(i)
            j += 1
        else:
            return None
        if len(ops) > 2:
            return None
    return ops


def find(ctx: CheckContext) -> Iterator[Hit]:
    english_names = _english_names(ctx) if ctx.bilingual else None
    for side, lang in sides(ctx):
        if lang == "en":
            groups, inside = _latin_occurrences(ctx, side)
            yield from _report(groups, _VOWELS_LATIN, inside)
        elif lang == "ar":
            groups, names = _arabic_occurrences(ctx, side, english_names)
            yield from _report(groups, _VOWELS_ARABIC, names, inflections)


def _report(groups: dict[str, list[Occurrence]], vowels: AbstractSet[str], names: set[str],
            same_word=lambda a, b: False) -> Iterator[Hit]:
    """Report the rarer spelling of each pair of variants; ``names`` are the keys known to be
    names (the usual spelling must be one)."""
    keys = sorted(groups, key=lambda k: (-len(groups[k]), groups[k][0].pair))
    # Variants differ only in vowels, so only forms with the same consonants are compared:
    # linear in the document's vocabulary, not quadratic.
    same_consonants: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        same_consonants["".join(ch for ch in key if ch not in vowels)].append(key)
    done: set[str] = set()
    for main in keys:
        if main in done or main not in names:
            continue
        bucket = same_consonants["".join(ch for ch in main if ch not in vowels)]
        for other in bucket[bucket.index(main) + 1:]:
            if other in done or same_word(main, other) or \
                    not spelling_variants(main, other, vowels):
                continue
            done.add(other)
            usual = groups[main][0].surface
            for occ in groups[other]:
                yield Hit(occ.pair, occ.side, occ.span,
                          f"'{occ.surface}' looks like another spelling of '{usual}' "
                          f"({len(groups[main])}× in this document, '{occ.surface}' "
                          f"{len(groups[other])}×).",
                          f"Spell the name one way throughout, e.g. '{usual}'.")


def _latin_occurrences(ctx: CheckContext, side: str
                       ) -> tuple[dict[str, list[Occurrence]], set[str]]:
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    inside: set[str] = set()  # names seen after the first word of a sentence
    for p in placed(ctx, side):
        for n, m in enumerate(_LATIN_TOKEN.finditer(p.sentence.text)):
            word = m.group().strip("-'’‘")
            if not _capitalised(word):
                continue
            key = latin_key(word)
            if len(key) < MIN_LATIN:
                continue
            if n > 0:
                inside.add(key)
            start = p.offset + m.start() + m.group().index(word)
            groups[key].append(Occurrence(p.pair, side, (start, start + len(word)), word))
    return groups, inside


def _capitalised(token: str) -> bool:
    """Does a Latin token start with a capital once quotes, hyphens and an article
    ("al-") are taken off?"""
    return _EN_ARTICLE.sub("", token.strip("-'’‘"))[:1].isupper()


def _english_names(ctx: CheckContext) -> dict[int, list[str]]:
    """Latin skeletons of the names on each pair's English side: capitalised words that the
    document also capitalises inside a sentence ("Wash your hands" does not make "Wash" one)."""
    words_by_pair: dict[int, list[str]] = defaultdict(list)
    inside: set[str] = set()
    for side, lang in sides(ctx):
        if lang != "en":
            continue
        for p in placed(ctx, side):
            for n, w in enumerate(_LATIN_TOKEN.findall(p.sentence.text)):
                if _capitalised(w):
                    words_by_pair[p.pair].append(w)
                    if n > 0:
                        inside.add(latin_key(w))
    return {pair: [latin_skeleton(w) for w in words if latin_key(w) in inside]
            for pair, words in words_by_pair.items()}


def _arabic_occurrences(ctx: CheckContext, side: str, english: dict[int, list[str]] | None
                        ) -> tuple[dict[str, list[Occurrence]], set[str]]:
    """Every Arabic word form, and the forms that look like names: most of their occurrences
    match a name of the translation (or have a foreign name's long vowels). A variant need not
    look like a name: "بتراشنكو" has lost a long vowel."""
    groups: dict[str, list[Occurrence]] = defaultdict(list)
    votes: Counter[str] = Counter()
    for p in placed(ctx, side):
        for m in _ARABIC_TOKEN.finditer(p.sentence.text):
            key = arabic_key(m.group())
            if len(key.removeprefix("ال")) < MIN_ARABIC:
                continue
            if _name_like(key, m.group(), p, english):
                votes[key] += 1
            start = p.offset + m.start()
            groups[key].append(Occurrence(p.pair, side, (start, m.end() + p.offset),
                                          m.group()))
    return groups, {k for k, n in votes.items() if 2 * n >= len(groups[k])}


def _name_like(key: str, word: str, p: Placed, english: dict[int, list[str]] | None) -> bool:
    if english is not None:
        latin = english.get(p.pair, [])
        if not latin:
            return False  # nothing to match, so the costly skeletons are not worth making
        skeletons = arabic_skeletons(word)
        # Stricter than alignment anchors: one consonant off in four ("London" ~ "النظافة")
        # is too loose to call a word a name.
        return any(names_match(s, skeletons, NAME_MATCH) for s in latin)
    stem = key.removeprefix("ال")
    for suffix in _AR_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= MIN_ARABIC - 1:
            return False  # a plural or feminine ending: a common word, not a foreign name
    # Transliterated names carry long vowels where Arabic patterns have short ones.
    return sum(ch in _VOWELS_ARABIC for ch in stem[1:-1]) >= 2


CHECKS = (Check("name-inconsistency", Severity.WARNING,
                "One name spelled two ways in one document ('Kutrashev' and 'Kutrashov').",
                find, bilingual=False),)
