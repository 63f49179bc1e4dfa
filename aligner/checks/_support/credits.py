"""Photo captions and source credits ("Protesters in Tahrir Square (AP Photo - File)",
"… (Reuters)", "(أ ف ب)"), which ``caption-leak`` reports and ``missing-final-punct`` excuses.

The signs are structural, not a list of agencies: a credit is a few words in brackets with no
verb that are neither the initials of the words before them ("World Health Organization (WHO)")
nor a number ("(2019)"); a caption is a short line that ends with a credit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...lang import ar, en


@dataclass(frozen=True)
class CreditParams:
    """Tunable limits of a credit and of a caption line."""

    max_credit_words: int = 8    # "(AP Photo/Hadi Mizban, File)" has 5
    max_credit_chars: int = 60
    max_arabic_credit_words: int = 4  # "(أ ف ب)", "(رويترز)", "(وكالة الأناضول)"
    max_caption_words: int = 30  # a caption line, credit included


PARAMS = CreditParams()

TERMINAL = ".!?؟…"
_ARABIC_LETTER = re.compile(f"[{ar.LETTERS}]")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: A bracketed group and what comes after it.
BRACKET = re.compile(r"\(([^()]{1,80})\)")
_BRACKET_AT_END = re.compile(r"\(([^()]{1,80})\)\s*$")
#: "Photo: Reuters", "Source: …", "صورة: …" opening a paragraph or a sentence.
LABEL = re.compile(
    r"(?:^|(?<=[.!?؟]\s))(?:" + "|".join((*en.CREDIT_LABELS, *ar.CREDIT_LABELS))
    + r")\s*:\s*\S.{0,60}?(?=$|[.؟!]\s|\s*\n)", re.IGNORECASE)


def is_credit(inner: str, before: str = "", params: CreditParams = PARAMS) -> bool:
    """Whether the text inside a pair of brackets reads as a source or photo credit, given the
    text ``before`` the brackets."""
    inner = inner.strip()
    words = inner.replace("/", " ").replace("-", " ").split()
    letters = _WORD.findall(inner)
    if not letters or len(words) > params.max_credit_words or \
            len(inner) > params.max_credit_chars:
        return False
    if _ARABIC_LETTER.search(inner):
        return len(words) <= params.max_arabic_credit_words
    if any(w.lower() in en.AUXILIARIES for w in letters):
        return False  # a clause in brackets, not a credit
    if not inner[:1].isupper():
        return len(words) == 1 and len(inner) <= 6  # "(dpa)"
    return not _acronym_of(inner, before)


def _acronym_of(inner: str, before: str) -> bool:
    """"World Health Organization (WHO)": the bracket spells the words before it."""
    token = inner.replace(".", "").replace(" ", "")
    if not (token.isupper() and 2 <= len(token) <= 8):
        return False
    initials = "".join(w[0] for w in _WORD.findall(before)[-12:]).upper()
    it = iter(initials[-3 * len(token):])
    return all(ch in it for ch in token)


def caption_line(text: str, params: CreditParams = PARAMS) -> bool:
    """A caption: a short line with no end mark of its own that ends with a credit ("Rescuers
    search the rubble (AFP)"). After an end mark the credit follows a sentence instead."""
    m = _BRACKET_AT_END.search(text)
    if not m or len(text.split()) > params.max_caption_words:
        return False
    before = text[:m.start()].rstrip()
    return before[-1:] not in TERMINAL and is_credit(m.group(1), before, params)


def ends_with_credit(text: str) -> bool:
    """Whether a paragraph ends with a credit that ``caption-leak`` reports: it is a caption
    line, or the credit follows its last sentence's end mark ("… the port. (Reuters)")."""
    text = text.rstrip()
    m = _BRACKET_AT_END.search(text)
    if not m:
        return False
    before = text[:m.start()].rstrip()
    return caption_line(text) or (before[-1:] in TERMINAL and is_credit(m.group(1), before))
