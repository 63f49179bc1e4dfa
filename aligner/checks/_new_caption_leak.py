"""``caption-leak``: a photo caption or credit left in the body text ("Protesters gather in
Tahrir Square (AP Photo - File)", "… (AFP)", "Photo: Reuters", "(أ ف ب)").

The signs are structural, not a list of agencies: a line that ends with a short parenthesised
credit and has no end punctuation of its own (a caption), or a parenthesised credit standing
between two sentences. A credit is a few words with no verb that are not the initials of the
words before ("World Health Organization (WHO)") nor a number ("(2019)").

A wire dateline ("BAGHDAD (Reuters) - …") is not a leak: the credit is followed by a dash.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .._en_facts import AUXILIARIES, CREDIT_LABELS
from ..model import Severity
from .base import Check, CheckContext, Hit
from .walk import Placed, paragraphs, sides


@dataclass(frozen=True)
class CaptionParams:
    """Tunable limits of a caption line and of a credit."""

    max_credit_words: int = 8    # "(AP Photo/Hadi Mizban, File)" has 5
    max_caption_words: int = 30  # a caption line, credit included
    max_credit_chars: int = 60


PARAMS = CaptionParams()

_AR_LETTER = re.compile(r"[\u0621-\u064A]")
_GROUP_AT_END = re.compile(r"\(([^()]{1,80})\)\s*$")
_GROUP = re.compile(r"\(([^()]{1,80})\)")
_TERMINAL = ".!?؟…"
_LABEL = re.compile(
    r"(?:^|(?<=[.!?؟]\s))(?:" + "|".join(sorted(CREDIT_LABELS, key=len, reverse=True))
    + r"|الصورة|صورة|المصدر)\s*:\s*\S.{0,60}?(?=$|[.؟!]\s|\s*\n)", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def is_credit(inner: str, before: str, params: CaptionParams = PARAMS) -> bool:
    """Whether the text inside a pair of brackets reads as a source or photo credit."""
    inner = inner.strip()
    words = inner.replace("/", " ").replace("-", " ").split()
    letters = _WORD.findall(inner)
    if not letters or len(words) > params.max_credit_words or len(inner) > params.max_credit_chars:
        return False
    if _AR_LETTER.search(inner):
        return len(words) <= 4
    if any(w.lower() in AUXILIARIES for w in letters):
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
    return _subsequence(token, initials[-3 * len(token):])


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def caption_line(text: str, params: CaptionParams = PARAMS) -> bool:
    """A line that is a caption: short, ends in a credit, no end punctuation before it."""
    m = _GROUP_AT_END.search(text)
    if not m or len(text.split()) > params.max_caption_words:
        return False
    return is_credit(m.group(1), text[:m.start()].rstrip(), params)


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, _lang in sides(ctx):
        for para in paragraphs(ctx, side):
            yield from _paragraph(para)


def _paragraph(para: list[Placed]) -> Iterator[Hit]:
    line = " ".join(p.sentence.text for p in para)
    if caption_line(line):
        first, last = para[0], para[-1]
        if first.pair == last.pair:
            yield _hit(first, (first.offset, last.offset + len(last.sentence.text)),
                       line, "Photo caption in the body text")
        else:
            yield _hit(first, (first.offset, first.offset + len(first.sentence.text)),
                       line, "Photo caption in the body text")
        return
    for k, p in enumerate(para):
        text = p.sentence.text
        for m in _GROUP.finditer(text):
            before = text[:m.start()].rstrip()
            rest = text[m.end():].strip()
            if not is_credit(m.group(1), before):
                continue
            ends_sentence = before[-1:] in _TERMINAL
            if rest and not (ends_sentence and rest[:1].isupper()):
                continue  # "BAGHDAD (Reuters) - …", "(AP) said": part of the text
            if not rest and not ends_sentence:
                continue  # the paragraph goes on: a sentence ending in a name in brackets
            if not rest and k + 1 < len(para) and \
                    para[k + 1].sentence.text.lstrip()[:1] in "-–—":
                continue  # "BAGHDAD (Reuters) — ...": a dateline
            yield _hit(p, (p.offset + m.start(), p.offset + m.end()), m.group(),
                       "Photo credit in the body text")
        for m in _LABEL.finditer(text):
            yield _hit(p, (p.offset + m.start(), p.offset + m.end()), m.group(),
                       "Photo caption or credit in the body text")


def _hit(p: Placed, span: tuple[int, int], found: str, what: str) -> Hit:
    return Hit(p.pair, p.side, span, f"{what}: '{found.strip()}'.",
               "Remove it from the text, or move it to the picture's caption.")


CHECKS = (Check("caption-leak", Severity.WARNING,
                "A photo caption or credit ('… (Reuters)', 'Photo: …', '(أ ف ب)') left in the "
                "body text.", find, bilingual=False),)
