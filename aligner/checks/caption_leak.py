"""``caption-leak``: a photo caption or credit left in the body text ("… (AFP photo)",
"Photo: Reuters", "(أ ف ب)", "صورة: …").

A wire dateline ("BAGHDAD (Reuters) - …") is not a leak: an agency in brackets counts only at
the end of a paragraph or before a new sentence, and a credit label ("Photo:") only where a
paragraph or sentence starts.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Severity
from ._support.base import Check, CheckContext, Hit
from ._support.credits import BRACKETED
from ._support.walk import Placed, paragraphs, sides

# "Photo: Reuters", "Photo credit: …", "صورة: …", "الصورة: …" opening a paragraph or sentence.
_LABEL = re.compile(
    r"(?:^|(?<=[.!?؟]\s))(?:(?:photo|picture|image)(?:\s+credit)?|credit|"
    r"الصورة|صورة|المصدر)\s*:\s*\S.{0,60}?(?=$|[.؟!]\s|\s*\n)", re.IGNORECASE)


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, _lang in sides(ctx):
        for para in paragraphs(ctx, side):
            for k, p in enumerate(para):
                text = p.sentence.text
                last_of_para = k == len(para) - 1
                for m in BRACKETED.finditer(text):
                    rest = text[m.end():].strip()
                    tail = rest == "" or rest in ".،," or rest[:1].isupper()
                    if not tail:
                        continue  # "BAGHDAD (Reuters) - …", "(AP) said": part of the text
                    if rest == "" and not last_of_para:
                        nxt = para[k + 1].sentence.text.lstrip()
                        if nxt[:1] in "-–—":
                            continue  # "BAGHDAD (Reuters) — ...": a dateline
                    yield _hit(p, m.span(), m.group())
                for m in _LABEL.finditer(text):
                    yield _hit(p, m.span(), m.group())


def _hit(p: Placed, span: tuple[int, int], found: str) -> Hit:
    start, end = p.offset + span[0], p.offset + span[1]
    return Hit(p.pair, p.side, (start, end),
               f"Photo caption or credit in the body text: '{found.strip()}'.",
               "Remove it from the text, or move it to the picture's caption.")


CHECKS = (Check("caption-leak", Severity.WARNING,
                "A photo caption or credit ('(Reuters)', 'Photo: …', '(أ ف ب)') left in the "
                "body text.", find, bilingual=False),)
