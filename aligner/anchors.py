"""Lexical anchors: numbers, dates, names and quotations that survive translation.

An anchor is a token both sides of a true pair usually share: ``31`` in "31 يناير" and
"31 January", the month ``M1`` behind يناير, كانون الثاني and January, a name skeleton.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import translit
from .lang import ar, en
from .text import ascii_digits, normalize_arabic
from .translit import arabic_skeletons, latin_skeleton, names_match

EN_MONTHS = en.MONTHS
# "May" and "March" are also an English verb: count them only beside a number or after a
# word that introduces a time ("in March", "by late May").
_AMBIGUOUS_MONTHS = en.AMBIGUOUS_MONTHS
_EN_TIME_WORD = re.compile(r"(?:\b(?:in|of|since|until|till|by|from|early|late|mid|last|next|"
                           r"this|during|before|after|through|to|and|or|between|throughout|"
                           r"beginning|end|start|middle)[\s\-]+)$", re.IGNORECASE)

AR_MONTHS = ar.MONTHS_N
_AR_AB = normalize_arabic("آب")
_EN_MONTH_PAIR = re.compile(r"\s*[/\-–]\s*(?:" + "|".join(EN_MONTHS) + r")\b", re.IGNORECASE)
# Arabic month names that are also other words: count them only beside a number or a time word.
_AR_AMBIGUOUS_MONTHS = ar.AMBIGUOUS_MONTHS_N
_AR_TIME_WORD = re.compile(
    f"(?:(?<![{ar.LETTERS}])(?:[وبل]?)(?:" + "|".join(map(normalize_arabic, (
        "في", "شهر", "شهري", "منذ", "حتى", "بحلول", "أوائل", "أواخر", "منتصف", "مطلع", "خلال",
        "نهاية", "بداية", "من", "إلى", "قبل", "بعد", "أو", "الماضي", "المقبل", "القادم")))
    + ")\\s+)$")
# What may stand between two coordinated month names (the و of "وآب" is part of the match).
_AR_MONTH_LINK = re.compile(r"\s*(?:[/\-–]|" + "|".join(map(normalize_arabic, (
    "أو", "إلى", "حتى", "و"))) + r")?\s*")
_AR_MONTH_RE = re.compile(
    rf"(?<![{ar.LETTERS}])(?:[وبل]?)(" + "|".join(sorted(map(re.escape, AR_MONTHS), key=len,
                                                         reverse=True)) + rf")(?![{ar.LETTERS}])")
_EN_MONTH_RE = re.compile(r"\b(" + "|".join(EN_MONTHS) + r")\b\.?", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,٫٬]\d+)*")
_EN_NAME = re.compile(r"(?:[‘'ʿʾ`]?)[A-ZÀ-ÖØ-ÞĀ-ſḀ-ỿ][\w‘’'ʿʾ\-]*")
_AR_WORD = re.compile(f"[{ar.LETTERS}{ar.DAGGER_ALEF}{ar.EXTENDED}]{{3,}}")
_OPEN_QUOTES = "“«„"
# Capitalised English words that are not names; their skeletons would match at random.
_EN_STOP = en.NOT_NAMES


@dataclass(frozen=True)
class Anchors:
    """The anchors of one sentence."""

    numbers: Counter
    months: Counter
    names: tuple[str, ...]          # English: Latin skeletons; Arabic: empty
    name_keys: tuple[frozenset[str], ...]  # Arabic: skeleton sets per word; English: empty
    quotes: int
    #: Arabic: Latin-script tokens kept verbatim (COVID-19, WHO); English: every word, lower case.
    latin: frozenset = frozenset()
    questions: int = 0


_LATIN_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9\-]+")


_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")
_DIGIT_BEFORE = re.compile(r"\d\s*$")
_DIGIT_AFTER = re.compile(r"\s*\d")


def number_value(token: str) -> str:
    """Canonical form of a number: no thousands separators, ``.`` as decimal point."""
    token = ascii_digits(token).replace("٫", ".").replace("٬", ",")
    if _THOUSANDS.fullmatch(token):
        return token.replace(",", "")
    return token.replace(",", ".")


def months(text: str, lang: str) -> list[tuple[int, int, int]]:
    """``(start, end, month)`` of every month name; "يناير/كانون الثاني" counts once."""
    found = []
    if lang == "ar":
        # Most sentences name no month: the offset map (a loop over characters) is only built
        # for those that do.
        if not _AR_MONTH_RE.search(normalize_arabic(text)):
            return []
        norm, where = _normalize_mapped(text)
        names = list(_AR_MONTH_RE.finditer(norm))
        sure = [m.group(1) not in _AR_AMBIGUOUS_MONTHS
                or _ar_month_cue(norm, m.start(), m.end(1)) for m in names]
        for k, m in enumerate(names):
            # آب "August" is written with its madda; without it, as a clitic's remainder, it
            # is a word of its own (باب "gate", لأب "for a father").
            if m.group(1) == _AR_AB and text[where[m.start(1)]] != "آ":
                continue
            if sure[k] or _beside_month(norm, names, sure, k):
                found.append((where[m.start(1)], where[m.end(1) - 1] + 1,
                              AR_MONTHS[m.group(1)]))
    else:
        for m in _EN_MONTH_RE.finditer(text):
            word = m.group(1).lower()
            if m.group(1)[0].islower():
                continue
            # An abbreviation is also a name ("Jan Pieterszoon Coen", "Jun Ji-hyun").
            if (word in _AMBIGUOUS_MONTHS or word not in en.MONTH_NAMES) and not (
                    _near_digit(text, m.start(), m.end())
                    or _EN_TIME_WORD.search(text[max(0, m.start() - 14):m.start()])
                    or _EN_MONTH_PAIR.match(text, m.end())):
                continue
            found.append((m.start(), m.end(1), EN_MONTHS[word]))
    merged: list[tuple[int, int, int]] = []
    for start, end, month in found:
        if merged and merged[-1][2] == month and text[merged[-1][1]:start].strip(" ") in "/(-":
            merged[-1] = (merged[-1][0], end, month)
        else:
            merged.append((start, end, month))
    return merged


def _ar_month_cue(norm: str, start: int, end: int) -> bool:
    """Is an ambiguous Arabic month name used as a month: beside a number or after a time
    word, and not the first part of a compound ("مارس-كوف" is MERS-CoV)?"""
    if norm[end:end + 1] in ("-", "‐"):
        return False
    return _near_digit(norm, start, end) or bool(
        _AR_TIME_WORD.search(norm[max(0, start - 12):start]))


def _beside_month(norm: str, names: list[re.Match], sure: list[bool], k: int) -> bool:
    """Is month name ``k`` coordinated with a sure month name next to it ("حزيران وآب",
    "نيسان وحزيران", "آب/أغسطس", "في تموز وآب")?"""
    for j in (k - 1, k + 1):
        if 0 <= j < len(names) and sure[j]:
            first, second = sorted((names[j], names[k]), key=lambda m: m.start())
            if _AR_MONTH_LINK.fullmatch(norm[first.end():second.start()]):
                return True
    return False


def _normalize_mapped(text: str) -> tuple[str, list[int]]:
    """``normalize_arabic`` of ``text`` with, for each character of the result, the offset of
    the original character it came from (diacritics and tatweel drop out)."""
    norm = normalize_arabic(text)
    if len(norm) == len(text):  # nothing dropped or composed: the mapping is the identity
        return norm, list(range(len(text) + 1))
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        for n in normalize_arabic(ch):
            out.append(n)
            where.append(i)
    where.append(len(text))
    return "".join(out), where


def _near_digit(text: str, start: int, end: int) -> bool:
    return bool(_DIGIT_BEFORE.search(text[max(0, start - 4):start])
                or _DIGIT_AFTER.match(text[end:end + 4]))


def extract(text: str, lang: str) -> Anchors:
    """All anchors of one sentence."""
    # Extracted for every sentence of a book before the search: most sentences hold no number
    # and no month, and ASCII text has no Arabic digit to translate.
    found = _NUMBER.findall(text if text.isascii() else ascii_digits(text))
    numbers = Counter(map(number_value, found)) if found else Counter()
    dates = months(text, lang)
    month_counts = Counter(f"M{m}" for _s, _e, m in dates) if dates else Counter()
    quotes = sum(text.count(q) for q in _OPEN_QUOTES) + text.count('"') // 2
    questions = text.count("?") + text.count("؟")
    latin = frozenset(t.lower() for t in _LATIN_TOKEN.findall(text))
    if lang == "ar":
        keys = tuple(map(arabic_skeletons, _AR_WORD.findall(text)))
        return Anchors(numbers, month_counts, (), keys, quotes, latin, questions)
    names = tuple(sk for w in _EN_NAME.findall(text) if (sk := _name_skeleton(w)))
    return Anchors(numbers, month_counts, names, (), quotes, latin, questions)


@functools.lru_cache(maxsize=1 << 16)
def _name_skeleton(word: str) -> str:
    """The skeleton of a capitalised English word that may be a name, or "" (a memo per word
    form: a book repeats its capitalised words)."""
    low = word.lower()
    if low in _EN_STOP or low.rstrip(".") in EN_MONTHS:
        return ""
    skeleton = latin_skeleton(word)
    return skeleton if len(skeleton) >= translit.PARAMS.min_skeleton else ""


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
