"""Script detection and matching normalisation.

Normalised strings are copies used for matching only; nothing here changes the text that offsets
refer to.
"""

from __future__ import annotations

import re
import unicodedata

# The Arabic facts live in aligner/lang/ar.py; these names stay here for the many callers
# that normalise text for matching.
from .lang.ar import DIACRITICS as ARABIC_DIACRITICS
from .lang.ar import LETTER as ARABIC_LETTER
from .lang.ar import TATWEEL, ascii_digits, normalize_arabic

__all__ = ["ARABIC_DIACRITICS", "ARABIC_LETTER", "TATWEEL", "ascii_digits", "detect_lang",
           "normalize_arabic", "normalize_latin", "primary", "same_lang", "script_counts"]

LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")


def script_counts(text: str) -> tuple[int, int]:
    """Number of Arabic and Latin letters in ``text``."""
    return len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))


def detect_lang(text: str) -> str | None:
    """``"ar"`` or ``"en"`` by the letters' script, or ``None`` for a line with no letters."""
    arabic, latin = script_counts(text)
    if arabic == latin == 0:
        return None
    return "ar" if arabic >= latin else "en"


def normalize_latin(text: str) -> str:
    """Lower case without accents or dots under letters (al-Ḥakīm → al-hakim)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.lower()


def same_lang(a: str | None, b: str | None) -> bool:
    """BCP-47 codes compare equal by primary subtag (``ar-SA`` ~ ``ar``)."""
    if not a or not b:
        return False
    return a.split("-")[0].lower() == b.split("-")[0].lower()


def primary(lang: str) -> str:
    return lang.split("-")[0].lower()
