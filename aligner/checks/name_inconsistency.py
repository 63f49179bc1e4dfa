"""``name-inconsistency``: one name spelled two ways in one document ("Kutrashev" and
"Kutrashov", "Al-Qassimi" and "al Qassimi", "Mukhtar" and "Muqhtar", "كوتراشيف" and
"كوتراشوف").

English: names are capitalised words seen at least once inside a sentence (so "These" at a
sentence start is not one), with an article if they have one ("Al-Qassimi", "al Qassimi",
"El-Sayed", "Al'Qassimi"). Spellings that transliterate one name the same way share a
*skeleton*: the first letter and the consonants, with q, ck and a hard c read as k and doubled
letters single. Names are bucketed by skeleton (linear in the document's vocabulary, never all
pairs) and, inside a bucket, two spellings are one name when they differ only in a few inner
vowels, a doubled letter, q/k/c, or the article's form. A letter at either end does not count:
"Maria" and "Mario" are two people.

Arabic: candidates are words that carry a transliterated name, matched against a capitalised
word of the aligned English when there is one, or with the long vowels of a foreign name when
the source has one language; they are variants when they differ only in one or two inner long
vowels.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..lang import ar
from ..model import Severity
from ..text import normalize_arabic, normalize_latin
from ..translit import arabic_skeletons, latin_skeleton, names_match
from ._support.base import Check, CheckContext, Hit
from ._support.walk import Placed, placed, sides


@dataclass(frozen=True)
class NameParams:
    """Tunable limits (English ones tuned on the tune split of ``benchmarks/faults_en.py``)."""

    min_letters: int = 4      # shorter English names ("Tom", "Tim") are too often two people
    max_vowel_edits: int = 2  # English: at most this many vowels, and one per four letters
    min_arabic: int = 5       # letters of an Arabic word without its article
    name_match: float = 0.85  # an Arabic word matches an English name this closely


PARAMS = NameParams()
_LATIN_TOKEN = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF‘’ʿʾ'\-]+")
_ARABIC_TOKEN = re.compile(f"[{ar.LETTERS}{ar.HARAKAT}{ar.TATWEEL}]+")
_EN_ARTICLE = re.compile(f"^{ar.LATIN_ARTICLE}-", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
_NOT_LOWER_LATIN = re.compile(r"[^a-z]")
_NOT_ARABIC_LETTER = ar.NOT_LETTER
_AR_ENDINGS = ("ون", "ين", "ان", "ات")
_AR_SUFFIXES = ("ون", "ين", "ان", "ات", "يه", "ه")
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


# A name, with an article joined by a hyphen, an apostrophe or a space ("al Qassimi"): any
# article before a hyphen or an apostrophe, only al/el before a space ("an Apple" is not one).
_NAME = re.compile(rf"\b(?:(?P<art>(?i:{ar.LATIN_ARTICLE}))(?P<sep>[-'’])|(?P<art2>[Aa]l|[Ee]l)"
                   r"(?P<sep2> ))?(?P<core>[A-Z][a-zA-Z'’]*[a-z][a-zA-Z]*)")
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class EnglishName(Occurrence):
    """One English occurrence of a name; ``surface`` holds its article."""

    form: str = ""         # the spelling compared: lower case, article normalised to "al-"
    initial: bool = False  # at a sentence's start, where an article must be capitalised


def core_key(word: str) -> str:
    """The lower-case letters of a name without its article and possessive."""
    word = re.sub(r"['’]s$", "", word)
    return re.sub(r"[^a-z]", "", normalize_latin(word).lower())


_HARD_C = re.compile(r"ck|q|c(?![hiey])")


def frame(core: str) -> str:
    """The core with q, ck and a hard c read as k and doubled letters single."""
    return re.sub(r"(.)\1+", r"\1", _HARD_C.sub("k", core))


def skeleton(core: str) -> str:
    """The frame's first letter and its consonants: the bucket key."""
    s = frame(core)
    return s[:1] + "".join(ch for ch in s[1:] if ch not in _VOWELS)


def variants(a: str, b: str, params: NameParams = PARAMS) -> bool:
    """Two cores with one skeleton: are they one name? Not when only the last vowel differs
    ("maria"/"mario") or one is the other with a letter added at the end ("ahmad"/"ahmadi")."""
    if a == b or min(len(a), len(b)) < params.min_letters:
        return False
    if a[:-1] == b[:-1] and a[-1] in _VOWELS and b[-1] in _VOWELS:
        return False
    if a.startswith(b) or b.startswith(a):
        return False
    fa, fb = frame(a), frame(b)
    if fa[0] != fb[0] or fa[-1] != fb[-1]:
        return False  # a vowel at either end differs: "Mike"/"Meka", "Maria"/"Mario"
    limit = min(params.max_vowel_edits, max(1, min(len(a), len(b)) // 4))
    return vowel_edits(fa, fb) <= limit


def vowel_edits(a: str, b: str) -> float:
    """The fewest vowel insertions, deletions and substitutions that turn ``a`` into ``b``;
    infinite if a consonant differs."""
    inf = float("inf")
    row = [float(j) if all(ch in _VOWELS for ch in b[:j]) else inf for j in range(len(b) + 1)]
    for i in range(1, len(a) + 1):
        new = [row[0] + 1 if a[i - 1] in _VOWELS else inf]
        for j in range(1, len(b) + 1):
            ca, cb = a[i - 1], b[j - 1]
            best = row[j - 1] if ca == cb else inf
            if ca in _VOWELS and cb in _VOWELS:
                best = min(best, row[j - 1] + 1)
            if ca in _VOWELS:
                best = min(best, row[j] + 1)
            if cb in _VOWELS:
                best = min(best, new[j - 1] + 1)
            new.append(best)
        row = new
    return row[-1]


def find(ctx: CheckContext) -> Iterator[Hit]:
    english_names = _english_names(ctx) if ctx.bilingual else None
    for side, lang in sides(ctx):
        if lang == "en":
            yield from _english(ctx, side)
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
            yield from _hits(groups[main], groups[other])


def _hits(usual: Sequence[Occurrence], other: Sequence[Occurrence]) -> Iterator[Hit]:
    """One hit per occurrence of the rarer spelling, naming both spellings."""
    shown = usual[0].surface
    for occ in other:
        yield Hit(occ.pair, occ.side, occ.span,
                  f"'{occ.surface}' looks like another spelling of '{shown}' ({len(usual)}× in "
                  f"this document, '{occ.surface}' {len(other)}×).",
                  f"Spell the name one way throughout, e.g. '{shown}'.")


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
            if len(key.removeprefix("ال")) < PARAMS.min_arabic:
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
        return any(names_match(s, skeletons, PARAMS.name_match) for s in latin)
    stem = key.removeprefix("ال")
    for suffix in _AR_SUFFIXES:
        if stem.endswith(suffix) and len(stem) - len(suffix) >= PARAMS.min_arabic - 1:
            return False  # a plural or feminine ending: a common word, not a foreign name
    # Transliterated names carry long vowels where Arabic patterns have short ones.
    return sum(ch in _VOWELS_ARABIC for ch in stem[1:-1]) >= 2


def _english(ctx: CheckContext, side: str, params: NameParams = PARAMS) -> Iterator[Hit]:
    forms: dict[str, list[EnglishName]] = defaultdict(list)
    inside: set[str] = set()
    for p in placed(ctx, side):
        text = p.sentence.text
        for m in _NAME.finditer(text):
            core = core_key(m.group("core"))
            if len(core) < params.min_letters:
                continue
            art = m.group("art") or m.group("art2")
            form = (f"{art.lower()}-" if art else "") + core
            initial = not text[:m.start()].strip(" \"“‘'(")
            if not initial:  # a capital at a sentence's start says nothing
                inside.add(core)
            start, end = p.offset + m.start(), p.offset + m.end()
            surface = m.group()
            forms[form].append(EnglishName(p.pair, side, (start, end), surface, form, initial))
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for form in sorted(forms, key=lambda f: (-len(forms[f]), forms[f][0].span)):
        by_skeleton[skeleton(form.split("-")[-1])].append(form)
    for bucket in by_skeleton.values():
        if len(bucket) > 1 or len({_spelling(o) for o in forms[bucket[0]]}) > 1:
            yield from _bucket(bucket, forms, inside, params)


def _bucket(bucket: list[str], forms: dict[str, list[EnglishName]], inside: set[str],
            params: NameParams) -> Iterator[Hit]:
    """Report the rarer spellings in one skeleton bucket against its commonest one, which must
    be a name (capitalised inside a sentence somewhere); a variant need not be
    ("Petrashanko" only opening a sentence)."""
    spellings: dict[str, list[EnglishName]] = defaultdict(list)
    occurrences = [occ for form in bucket for occ in forms[form]]
    written = {_spelling(occ) for occ in occurrences if not occ.initial}
    for occ in occurrences:
        spelling = _spelling(occ)
        if occ.initial and spelling[:1].isupper() and spelling[:1].lower() + spelling[1:] in \
                written:
            spelling = spelling[:1].lower() + spelling[1:]  # "Al-" forced by the sentence start
        spellings[spelling].append(occ)
    order = sorted(spellings, key=lambda s: (-len(spellings[s]), spellings[s][0].span))
    names = [s for s in order if spellings[s][0].form.split("-")[-1] in inside]
    if len(order) < 2 or not names:
        return
    usual = names[0]
    usual_core = spellings[usual][0].form.split("-")[-1]
    for other in order:
        if other == usual:
            continue
        other_core = spellings[other][0].form.split("-")[-1]
        if other_core != usual_core and not variants(usual_core, other_core, params):
            continue
        if other_core == usual_core and not (_has_article(usual) and _has_article(other)):
            continue  # "al-Sadr" then "Sadr": the article dropped on a later mention, a style
        yield from _hits(spellings[usual], spellings[other])


def _has_article(spelling: str) -> bool:
    return bool(re.match(r"[a-z]+[-' ]", spelling, re.IGNORECASE))


def _spelling(occ: EnglishName) -> str:
    """How an occurrence is spelled: its article as written (curly apostrophe as straight),
    then its core in lower case."""
    m = _NAME.match(occ.surface)
    assert m
    art = (m.group("art") or m.group("art2") or "") + \
        (m.group("sep") or m.group("sep2") or "").replace("’", "'")
    return art + core_key(m.group("core"))


CHECKS = (Check("name-inconsistency", Severity.WARNING,
                "One name spelled two ways in one document ('Al-Qassimi' and 'al Qassimi', "
                "'Kutrashev' and 'Kutrashov').", find, bilingual=False),)
