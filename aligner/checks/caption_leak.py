"""``caption-leak``: a photo caption or credit left in the body text ("Protesters gather in
Tahrir Square (AP Photo - File)", "… the port. (AFP)", "Photo: Reuters", "(أ ف ب)").

Two shapes, told apart by structure rather than by a list of agencies
(:mod:`._support.credits`): a caption line (short, no end punctuation of its own, ending with a
bracketed credit, often restating the next paragraph) and a credit standing between two
sentences or after a paragraph's last one. A wire dateline ("BAGHDAD (Reuters) - …") is not a
leak: the credit is followed by a dash.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Severity
from ._support.base import Check, CheckContext, Hit
from ._support.credits import BRACKET, LABEL, TERMINAL, caption_line, is_credit
from ._support.walk import Placed, paragraphs, sides


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, _lang in sides(ctx):
        for para in paragraphs(ctx, side):
            yield from _paragraph(para)


def _paragraph(para: list[Placed]) -> Iterator[Hit]:
    line = " ".join(p.sentence.text for p in para)
    if caption_line(line):
        first = para[0]
        # The whole line when it is one pair's text (a one-language source always has it so).
        last = max((p for p in para if p.pair == first.pair), key=lambda p: p.offset)
        yield _hit(first, (first.offset, last.offset + len(last.sentence.text)), line,
                   "Photo caption in the body text")
        return
    for k, p in enumerate(para):
        text = p.sentence.text
        for m in BRACKET.finditer(text):
            before = text[:m.start()].rstrip()
            rest = text[m.end():].strip()
            if not is_credit(m.group(1), before):
                continue
            ends_sentence = before[-1:] in TERMINAL
            if rest and not (ends_sentence and rest[:1].isupper()):
                continue  # "BAGHDAD (Reuters) - …", "(AP) said": part of the text
            if not rest and not ends_sentence:
                continue  # the paragraph goes on: a sentence ending in a name in brackets
            if not rest and k + 1 < len(para) and \
                    para[k + 1].sentence.text.lstrip()[:1] in "-–—":
                continue  # "BAGHDAD (Reuters) — ...": a dateline
            yield _hit(p, (p.offset + m.start(), p.offset + m.end()), m.group(),
                       "Photo credit in the body text")
        for m in LABEL.finditer(text):
            yield _hit(p, (p.offset + m.start(), p.offset + m.end()), m.group(),
                       "Photo caption or credit in the body text")


def _hit(p: Placed, span: tuple[int, int], found: str, what: str) -> Hit:
    return Hit(p.pair, p.side, span, f"{what}: '{found.strip()}'.",
               "Remove it from the text, or move it to the picture's caption.")


CHECKS = (Check("caption-leak", Severity.WARNING,
                "A photo caption or credit ('… (Reuters)', 'Photo: …', '(أ ف ب)') left in the "
                "body text.", find, bilingual=False),)
