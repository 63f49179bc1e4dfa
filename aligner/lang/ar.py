"""Arabic: letters and words, proclitics, the article, months, and the word classes that
segmenters and checks read.

Word sets are written as ordinary text and compared after :func:`aligner.text.normalize_arabic`
(the ``*_N`` sets hold the normalised forms).
"""

from __future__ import annotations

import re

from ..text import normalize_arabic

CODE = "ar"
NAME = "Arabic"

# Character classes, to be used inside ``[...]``.
LETTERS = "\u0621-\u064A"       # hamza to ya: the letters of Arabic proper
HARAKAT = "\u064B-\u065F"       # tanwin, short vowels, shadda, sukun and the other marks
TATWEEL = "\u0640"
DAGGER_ALEF = "\u0670"
EXTENDED = "\u0671-\u06D3"      # alef wasla and the letters of Persian, Urdu, ...

#: A word with its marks and tatweel.
WORD = re.compile(f"[{LETTERS}{TATWEEL}{HARAKAT}{DAGGER_ALEF}]+")
#: A word that may also hold letters of the extended block (names, glossary terms).
WORD_EXTENDED = re.compile(f"[{LETTERS}{TATWEEL}{HARAKAT}{DAGGER_ALEF}{EXTENDED}]+")
#: Anything but a letter of Arabic proper (to strip a normalised word down to its letters).
NOT_LETTER = re.compile(f"[^{LETTERS}]")

ARTICLE = "ال"
#: Conjunctions written joined to the next word.
CONJUNCTION_CLITICS = ("و", "ف")
#: Every proclitic chain a word may carry (conjunction, preposition, article), longest first:
#: the order in which they are stripped.
PROCLITICS = ("وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "ال",
              "و", "ف", "ب", "ل", "ك")


def _pick(chains: str) -> tuple[str, ...]:
    wanted = chains.split()
    assert set(wanted) <= set(PROCLITICS), wanted
    return tuple(p for p in PROCLITICS if p in wanted)


# The proclitics each user strips; the subsets differ as they did before this module (a later
# change may unify them where the held-out figures allow).
#: Stripped before a name's consonant skeleton is taken.
NAME_PROCLITICS = _pick("وال بال فال كال لل ال و ب ل ف")
#: Stripped before a word is matched against a name or a modal/negation stem.
LINK_PROCLITICS = _pick("وال بال فال لل ال و ب ل ف")
#: Stripped before a word is read as a number word.
NUMBER_PROCLITICS = _pick("وال بال لل ال و ب ل ف ك")
#: A word that starts with one of these is definite (the article, alone or after a proclitic).
DEFINITE_PREFIXES = ("ال", "لل", "بال", "وال", "فال", "كال")
#: The Arabic article as English writes it before a name (al-, el-, ash-, ad-, ...): a regex
#: alternation to which each user adds the separators it accepts.
LATIN_ARTICLE = r"(?:a[lsdnrtz]|el|ash|ath|adh)"


def normalised(words: str) -> frozenset[str]:
    """The normalised forms of whitespace-separated words."""
    return frozenset(normalize_arabic(w) for w in words.split())


# Months: the Gregorian names of Egypt and the Maghreb, and the Syriac names of the Levant and
# Iraq (often written together: "فبراير/شباط").
GREGORIAN_MONTHS = {
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "مايو": 5, "يونيو": 6,
    "يوليو": 7, "أغسطس": 8, "سبتمبر": 9, "أكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12}
#: Other spellings of the Gregorian names.
GREGORIAN_VARIANTS = {"ابريل": 4, "يونيه": 6, "يوليه": 7, "اغسطس": 8, "اكتوبر": 10}
LEVANTINE_MONTHS = {
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12}
#: Every month name (normalised) → month number.
MONTHS_N = {normalize_arabic(k): v for k, v in
            {**GREGORIAN_MONTHS, **GREGORIAN_VARIANTS, **LEVANTINE_MONTHS}.items()}
#: The words that begin a month name in either system (normalised; كانون, تشرين alone).
MONTH_WORDS_N = frozenset(normalize_arabic(w) for w in
                          [*GREGORIAN_MONTHS, *(k.split()[0] for k in LEVANTINE_MONTHS)])
#: Month names that are also other words: مارس "practised", مايو "Mayo", نيسان "Nissan",
#: تموز "Tammuz", آب "father".
AMBIGUOUS_MONTHS_N = normalised("مارس مايو نيسان تموز آب")

# Word classes (normalised).
#: Prepositions written as words.
PREPOSITIONS_N = normalised("من إلى الى على عن في مع حتى منذ لدى عند بين نحو حول خلال ضد عبر "
                            "دون أمام")
#: Prepositions less common in news text, and ones of place.
RARE_PREPOSITIONS_N = normalised("مذ وراء")
SPATIAL_PREPOSITIONS_N = normalised("فوق تحت")
#: Prepositions that introduce a verb's or noun's complement ("تسعى إلى", "العديد من").
COMPLEMENT_PREPOSITIONS_N = normalised("من إلى الى عن")
#: Proclitic letters standing alone (a stray space after them).
CLITIC_LETTERS_N = normalised("ب ل ك و ف")
CONJUNCTIONS_N = normalised("ثم أو أم بل لكن")
#: Particles that need what follows (complementisers, conditionals, negation, tense).
PARTICLES_N = normalised("أن إن كي لكي لأن إذ إذا لو لم لن هل قد سوف")
RELATIVE_PRONOUNS_N = normalised("التي الذي الذين اللذين اللتين اللواتي اللاتي")
# Construct-state heads, titles and adverbials that never end or open a sentence are not
# listed: the boundary model (aligner/segment/boundary.py) reads them from UD Arabic-PUD.
