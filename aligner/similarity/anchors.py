"""Lexical anchors: numbers, dates, names and quotations that survive translation.

An anchor is a token both sides of a true pair usually share: ``31`` in "31 يناير" and
"31 January", the month ``M1`` behind يناير, كانون الثاني and January, a name skeleton.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..text import ascii_digits, normalize_arabic
from .translit import arabic_skeletons, latin_skeleton, names_match

EN_MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}
EN_MONTHS.update({m[:3]: i for m, i in list(EN_MONTHS.items())})
EN_MONTHS["sept"] = 9
# "May" and "March" are also an English verb: count them only beside a number.
_AMBIGUOUS_MONTHS = {"may", "march", "mar"}

AR_MONTHS = {normalize_arabic(k): v for k, v in {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12}.items()}
_AR_MONTH_RE = re.compile(
    r"(?<![\u0621-\u064A])(?:[وبل]?)(" + "|".join(sorted(map(re.escape, AR_MONTHS), key=len,
                                                         reverse=True)) + r")(?![\u0621-\u064A])")
_EN_MONTH_RE = re.compile(r"\b(" + "|".join(EN_MONTHS) + r")\b\.?", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_EN_NAME = re.compile(r"(?:[‘'ʿʾ`]?)[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][\w‘’'ʿʾ\-]*")
_AR_WORD = re.compile(r"[\u0621-\u064A\u0670-\u06D3]{3,}")
_OPEN_QUOTES = "“«„"
# Capitalised English words that are not names; their skeletons would match at random.
_EN_STOP = frozenset("""the a an this that these those in on at of for to and or but with by from
as after before he she it they we his her its their our i you mr mrs ms dr president minister
""".split())


@dataclass(frozen=True)
class Anchors:
    """The anchors of one sentence."""

    numbers: Counter
    months: Counter
    names: tuple[str, ...]          # English: Latin skeletons; Arabic: empty
    name_keys: tuple[frozenset, ...]  # Arabic: skeleton sets per word; English: empty
    quotes: int
    #: Arabic: Latin-script tokens kept verbatim (COVID-19, WHO); English: every word, lower case.
    latin: frozenset = frozenset()
    questions: int = 0


_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9\-]+")


def number_value(token: str) -> str:
    """Canonical form of a number: no thousands separators, ``.`` as decimal point."""
    token = ascii_digits(token).replace("٫", ".").replace("٬", ",")
    if re.fullmatch(r"\d{1,3}(,\d{3})+", token):
        return token.replace(",", "")
    return token.replace(",", ".")


def months(text: str, lang: str) -> list[tuple[int, int, int]]:
    """``(start, end, month)`` of every month name; "يناير/كانون الثاني" counts once."""
    found = []
    if lang == "ar":
        norm = normalize_arabic(text)  # same length as text: the mapping is 1:1 per character
        if len(norm) != len(text):
            norm = text
        for m in _AR_MONTH_RE.finditer(norm):
            found.append((m.start(1), m.end(1), AR_MONTHS[m.group(1)]))
    else:
        for m in _EN_MONTH_RE.finditer(text):
            word = m.group(1).lower()
            if m.group(1)[0].islower():
                continue
            if word in _AMBIGUOUS_MONTHS and not _near_digit(text, m.start(), m.end()):
                continue
            found.append((m.start(), m.end(), EN_MONTHS[word]))
    merged: list[tuple[int, int, int]] = []
    for start, end, month in found:
        if merged and merged[-1][2] == month and text[merged[-1][1]:start].strip(" ") in "/(-":
            merged[-1] = (merged[-1][0], end, month)
        else:
            merged.append((start, end, month))
    return merged


def _near_digit(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"\d\s*$", text[max(0, start - 4):start])
                or re.match(r"\s*\d", text[end:end + 4]))


def extract(text: str, lang: str) -> Anchors:
    """All anchors of one sentence."""
    digits = ascii_digits(text)
    numbers = Counter(number_value(n) for n in _NUMBER.findall(digits))
    month_counts = Counter(f"M{m}" for _s, _e, m in months(text, lang))
    quotes = sum(text.count(q) for q in _OPEN_QUOTES) + text.count('"') // 2
    questions = text.count("?") + text.count("؟")
    latin = frozenset(t.lower() for t in _LATIN_TOKEN.findall(text))
    if lang == "ar":
        keys = tuple(frozenset(arabic_skeletons(w)) for w in _AR_WORD.findall(text))
        return Anchors(numbers, month_counts, (), keys, quotes, latin, questions)
    names = tuple(sk for w in _EN_NAME.findall(text)
                  if w.lower() not in _EN_STOP and w.lower().rstrip(".") not in EN_MONTHS
                  and len(sk := latin_skeleton(w)) >= 3)
    return Anchors(numbers, month_counts, names, (), quotes, latin, questions)


@dataclass(frozen=True)
class AnchorMatch:
    matched: int       # shared numbers and months
    unmatched: int     # numbers and months on one side only
    names: int         # English names with an Arabic transliteration
    quotes: int        # quotations on both sides
    quote_gap: int     # quotations on one side only

    @property
    def total(self) -> int:
        return self.matched * 2 + self.unmatched


def name_matches(a: Anchors, b: Anchors) -> int:
    """English names of one sentence with a transliteration among the other's Arabic words."""
    latin = a.names + b.names
    arabic = a.name_keys + b.name_keys
    return sum(1 for n in latin if any(names_match(n, k) for k in arabic))


def _verbatim(src: Sequence[Anchors], tgt: Sequence[Anchors]) -> int:
    """Latin-script tokens left verbatim in the Arabic (names of drugs, acronyms) found in the
    English. The language that holds names (``name_keys``) is the Arabic side."""
    arabic = [a for a in (*src, *tgt) if a.name_keys]
    english = [a for a in (*src, *tgt) if not a.name_keys]
    foreign = set().union(*(a.latin for a in arabic)) if arabic else set()
    if not foreign:
        return 0
    vocab = set().union(*(a.latin for a in english)) if english else set()
    return len(foreign & vocab)


def match(src: Sequence[Anchors], tgt: Sequence[Anchors], names: int = 0) -> AnchorMatch:
    """Compare the anchors of a group of source sentences with a group of target sentences.

    ``names`` is the number of name matches, counted by the caller per sentence pair (see
    :func:`name_matches`) so that it can be cached across the many beads of a search.
    """
    # Quotation and question marks survive translation about as well as each other.
    qs = sum(a.quotes + a.questions for a in src)
    qt = sum(a.quotes + a.questions for a in tgt)
    verbatim = _verbatim(src, tgt)
    if not any(a.numbers or a.months for a in (*src, *tgt)):
        return AnchorMatch(verbatim, 0, names, min(qs, qt), abs(qs - qt))
    s_tok: Counter = Counter()
    t_tok: Counter = Counter()
    for a in src:
        s_tok.update(a.numbers)
        s_tok.update(a.months)
    for a in tgt:
        t_tok.update(a.numbers)
        t_tok.update(a.months)
    shared = sum((s_tok & t_tok).values())
    unmatched = sum(s_tok.values()) + sum(t_tok.values()) - 2 * shared
    return AnchorMatch(shared + verbatim, unmatched, names, min(qs, qt), abs(qs - qt))
