"""Script detection and matching normalisation.

Normalised strings are copies used for matching only; nothing here changes the text that offsets
refer to.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Presentation forms (text copied from PDFs) count as Arabic letters; the analysis view folds them.
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFC]")
LATIN_LETTER = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")
ARABIC_DIACRITICS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]")
TATWEEL = "\u0640"
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ALEF_YA_TA = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                             "ؤ": "و", "ئ": "ي"})


def script_counts(text: str) -> tuple[int, int]:
    """Number of Arabic and Latin letters in ``text``."""
    return len(ARABIC_LETTER.findall(text)), len(LATIN_LETTER.findall(text))


def detect_lang(text: str) -> str | None:
    """``"ar"`` or ``"en"`` by the letters' script, or ``None`` for a line with no letters."""
    arabic, latin = script_counts(text)
    if arabic == latin == 0:
        return None
    return "ar" if arabic >= latin else "en"


def ascii_digits(text: str) -> str:
    """Arabic-Indic and Eastern Arabic-Indic digits as ASCII digits."""
    return text.translate(_DIGITS)


# Checks normalise the same words again and again (hundreds of thousands of calls on a
# translation memory); a bounded memo of this pure function changes no result.
@functools.lru_cache(maxsize=1 << 16)
def normalize_arabic(text: str) -> str:
    """NFC, no diacritics or tatweel, one alef/ya/ta-marbuta form, ASCII digits."""
    text = unicodedata.normalize("NFC", text)
    text = ARABIC_DIACRITICS.sub("", text).replace(TATWEEL, "")
    return ascii_digits(text.translate(_ALEF_YA_TA))


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
