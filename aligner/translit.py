"""Consonant skeletons for matching Arabic names with their English transliterations.

Both sides are reduced to a coarse consonant string: vowels, long-vowel letters, ʿayn and hamza
drop out, letters that transliteration systems disagree on share a class. So كوتراشيف and
Kutrashev both become ``KTRXF``, الحكيم and al-Ḥakīm both ``HKM``.
"""

from __future__ import annotations

import re
import unicodedata

from .lang import ar
from .text import normalize_arabic

_AR = {"ب": "B", "ت": "T", "ث": "T", "ج": "J", "ح": "H", "خ": "K", "د": "D", "ذ": "D",
       "ر": "R", "ز": "S", "س": "S", "ش": "X", "ص": "S", "ض": "D", "ط": "T", "ظ": "D",
       "غ": "G", "ف": "F", "ق": "K", "ك": "K", "ل": "L", "م": "M", "ن": "N", "ه": "H",
       "پ": "B", "چ": "X", "ڤ": "F", "گ": "J"}
_LATIN_SPECIAL = {"š": "sh", "Š": "sh", "ḫ": "kh", "ẖ": "kh", "ġ": "gh", "ṯ": "th", "ḏ": "dh",
                  "ž": "zh", "č": "ch"}
_DIGRAPHS = {"sh": "X", "ch": "X", "kh": "K", "gh": "G", "th": "T", "dh": "D", "ph": "F",
             "ck": "K", "zh": "J"}
_LATIN = {"b": "B", "p": "B", "t": "T", "d": "D", "s": "S", "z": "S", "c": "K", "k": "K",
          "q": "K", "g": "J", "j": "J", "f": "F", "v": "F", "h": "H", "l": "L", "m": "M",
          "n": "N", "r": "R", "x": "KS"}
_EN_ARTICLE = re.compile(f"^{ar.LATIN_ARTICLE}[-‐‑ ]", re.IGNORECASE)
_AR_PROCLITICS = ar.NAME_PROCLITICS
_NOT_LOWER_LATIN = re.compile(r"[^a-z]")
_FINAL_H = re.compile(r"(?<=[ae])h$")
_NOT_ARABIC_LETTER = ar.NOT_LETTER
# Classes that transliterations mix up; a substitution between them costs half.
_CONFUSABLE = {frozenset(p) for p in ("HK", "ST", "SD", "TD", "JG", "KG", "SX", "XJ")}


def _collapse(s: str) -> str:
    out = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def latin_skeleton(word: str) -> str:
    """Skeleton of a Latin-script name (``al-Ḥakīm`` → ``HKM``)."""
    word = "".join(_LATIN_SPECIAL.get(c, c) for c in word)
    word = unicodedata.normalize("NFD", word)
    word = "".join(c for c in word if not unicodedata.combining(c)).lower()
    word = _EN_ARTICLE.sub("", word)
    word = _NOT_LOWER_LATIN.sub("", word)
    # A final -ah/-eh is the ta marbuta's trace (Hamzah ~ حمزة), not a consonant.
    word = _FINAL_H.sub("", word)
    out = []
    i = 0
    while i < len(word):
        pair = word[i:i + 2]
        if pair in _DIGRAPHS:
            out.append(_DIGRAPHS[pair])
            i += 2
            continue
        out.append(_LATIN.get(word[i], ""))
        i += 1
    return _collapse("".join(out))


def arabic_skeletons(word: str) -> set[str]:
    """Skeletons of an Arabic word, with and without its likely proclitics (و، ب، ل، ال)."""
    word = normalize_arabic(word)
    word = _NOT_ARABIC_LETTER.sub("", word)
    if word.endswith("ه"):  # ta marbuta after normalisation
        word = word[:-1]
    forms = {word}
    for clitic in _AR_PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 3:
            forms.add(word[len(clitic):])
    return {_collapse("".join(_AR.get(c, "") for c in f)) for f in forms}


def skeleton_similarity(a: str, b: str) -> float:
    """1 − weighted edit distance / longer length; confusable substitutions cost ½."""
    if not a or not b:
        return 0.0
    prev = [float(j) for j in range(len(b) + 1)]
    for i, ca in enumerate(a, 1):
        cur = [float(i)]
        for j, cb in enumerate(b, 1):
            sub = 0.0 if ca == cb else (0.5 if frozenset((ca, cb)) in _CONFUSABLE else 1.0)
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + sub))
        prev = cur
    return 1.0 - prev[-1] / max(len(a), len(b))


def names_match(latin: str, arabic: set[str], threshold: float = 0.75) -> bool:
    """Does a Latin skeleton match any of an Arabic word's skeletons? Short ones must be equal."""
    if len(latin) < 3:
        return False
    if latin in arabic:
        return True
    # An edit distance can only reach the threshold between skeletons of similar length.
    slack = len(latin) * (1 - threshold) + 0.5
    return any(skeleton_similarity(latin, a) >= threshold for a in arabic
               if len(a) >= 3 and abs(len(a) - len(latin)) <= slack)
