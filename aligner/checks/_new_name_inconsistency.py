"""``name-inconsistency`` (English draft): one name spelled two ways in one document.

Names are capitalised words seen at least once inside a sentence, with an article if they have
one ("Al-Qassimi", "al Qassimi", "El-Sayed"). Spellings that transliterate one name the same
way share a *skeleton*: the consonants, with q, c and ck read as k, doubled letters single, and
no article. Names are bucketed by skeleton (linear in the document's vocabulary) and, inside a
bucket, two spellings are one name when they differ only in vowels, a doubled letter, q/k/c, or
the article's form ("Al-", "El-", "al ", "Al'"). A vowel alone at the end does not count:
"Maria" and "Mario" are two people.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Severity
from ..text import normalize_latin
from .base import Check, CheckContext, Hit
from .name_inconsistency import _arabic_occurrences, _english_names, _report, inflections
from .name_inconsistency import _VOWELS_ARABIC as VOWELS_ARABIC
from .walk import placed, sides


@dataclass(frozen=True)
class NameParams:
    """Tunable limits for English names."""

    min_letters: int = 4     # shorter names ("Tom", "Tim") are too often two people
    max_vowel_edits: int = 2  # more than this and it is another name


PARAMS = NameParams()

# A name, with an article joined by a hyphen, an apostrophe or a space ("al Qassimi").
_NAME = re.compile(r"\b(?:(?P<art>[Aa]l|[Ee]l)(?P<sep>[-'’ ]))?(?P<core>[A-Z][a-zA-Z'’]*[a-z]"
                   r"[a-zA-Z]*)")
_VOWELS = frozenset("aeiouy")


@dataclass(frozen=True)
class Occurrence:
    pair: int
    side: str
    span: tuple[int, int]
    surface: str  # as written, article included
    form: str     # the spelling compared: lower case, article normalised to "al-"/"el-"
    initial: bool  # at a sentence's start, where an article must be capitalised


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
            yield from _report(groups, VOWELS_ARABIC, names, inflections)


def _english(ctx: CheckContext, side: str, params: NameParams = PARAMS) -> Iterator[Hit]:
    forms: dict[str, list[Occurrence]] = defaultdict(list)
    inside: set[str] = set()
    for p in placed(ctx, side):
        text = p.sentence.text
        for m in _NAME.finditer(text):
            core = core_key(m.group("core"))
            if len(core) < params.min_letters:
                continue
            art = m.group("art")
            form = (f"{art.lower()}-" if art else "") + core
            # A capital at a sentence's start says nothing; the article's case neither.
            if m.start() > 0 and (art or m.group("core") != text.split()[0]):
                inside.add(core)
            start, end = p.offset + m.start(), p.offset + m.end()
            surface = m.group()
            initial = not text[:m.start()].strip(" \"“‘'(")
            forms[form].append(Occurrence(p.pair, side, (start, end), surface, form, initial))
    by_skeleton: dict[str, list[str]] = defaultdict(list)
    for form in sorted(forms, key=lambda f: (-len(forms[f]), forms[f][0].span)):
        core = form.split("-")[-1]
        if core in inside:
            by_skeleton[skeleton(core)].append(form)
    for bucket in by_skeleton.values():
        yield from _bucket(bucket, forms, params)


def _bucket(bucket: list[str], forms: dict[str, list[Occurrence]],
            params: NameParams) -> Iterator[Hit]:
    """Report the rarer spellings in one skeleton bucket against its commonest one."""
    spellings: dict[str, list[Occurrence]] = defaultdict(list)
    occurrences = [occ for form in bucket for occ in forms[form]]
    written = {_spelling(occ) for occ in occurrences if not occ.initial}
    for occ in occurrences:
        spelling = _spelling(occ)
        if occ.initial and spelling[:1].isupper() and spelling[:1].lower() + spelling[1:] in \
                written:
            spelling = spelling[:1].lower() + spelling[1:]  # "Al-" forced by the sentence start
        spellings[spelling].append(occ)
    order = sorted(spellings, key=lambda s: (-len(spellings[s]), spellings[s][0].span))
    if len(order) < 2:
        return
    usual = order[0]
    usual_core = spellings[usual][0].form.split("-")[-1]
    for other in order[1:]:
        other_core = spellings[other][0].form.split("-")[-1]
        if other_core != usual_core and not variants(usual_core, other_core, params):
            continue
        shown = spellings[usual][0].surface
        for occ in spellings[other]:
            yield Hit(occ.pair, occ.side, occ.span,
                      f"'{occ.surface}' looks like another spelling of '{shown}' "
                      f"({len(spellings[usual])}× in this document, '{occ.surface}' "
                      f"{len(spellings[other])}×).",
                      f"Spell the name one way throughout, e.g. '{shown}'.")


def _spelling(occ: Occurrence) -> str:
    """How an occurrence is spelled: its article as written (curly apostrophe as straight),
    then its core in lower case."""
    m = _NAME.match(occ.surface)
    assert m
    art = (m.group("art") or "") + (m.group("sep") or "").replace("’", "'")
    return art + core_key(m.group("core"))


CHECKS = (Check("name-inconsistency", Severity.WARNING,
                "One name spelled two ways in one document ('Al-Qassimi' and 'al Qassimi', "
                "'Kutrashev' and 'Kutrashov').", find, bilingual=False),)
