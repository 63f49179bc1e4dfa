"""``sentence-fragment``: a piece split off a sentence that cannot stand alone.

The typical case is an English sentence that opens with a subordinate or adverbial phrase and
never reaches a main clause: "… for the Iraqi Armed Forces. Especially after a member of
Parliament said that …". Without a parser, the signs are the opener (a focusing adverb such as
"especially", a subordinator such as "because", a relative pronoun, "such as") and the absence of
the comma that would close the opening phrase before a main clause. Openers that often start a
sentence without a comma ("After the war ended the country rebuilt") count only when the
alignment shows the piece was split off: its translation is one sentence with the one before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Severity
from ._support.base import Check, CheckContext, Hit
from ._support.sides import other_side
from ._support.walk import Placed, paragraphs, sides

# A focusing adverb before a phrase ("Especially after …", "Particularly in …"): the phrase is
# an add-on to the sentence before unless a main clause follows its comma.
FOCUS = frozenset("""
especially particularly notably mainly mostly largely partly chiefly primarily specifically
""".split())
# Subordinators that always need a main clause.
DEPENDENT = frozenset("because although though whereas unless".split())
# Openers of a relative clause or an example list: never a sentence of their own.
RELATIVE = ("which ", "whose ", "such as ", "including ", "even though ", "even if ",
            "so that ", "in order to ")
# Subordinators that also begin ordinary sentences without a comma.
AMBIGUOUS = frozenset("after before when while since until once if".split())

# A coordinator opening a short verbless piece ("… spare parts. And small arms."): the piece
# belongs to the sentence before when the translation runs on.
COORDINATORS = frozenset("and or nor plus but".split())
AUXILIARIES = frozenset("""
is are was were be been being am has have had do does did will would can could may might must
shall should said says say
""".split())
MAX_VERBLESS_WORDS = 8

_WORD = re.compile(r"[A-Za-z]+")


def classify(text: str) -> str | None:
    """Why an English sentence looks like a fragment, or ``None``. ``"split"`` marks an opener
    that is a fragment only when the alignment shows the piece was cut off a sentence."""
    stripped = text.lstrip("\"“‘'( ")
    if stripped.rstrip().endswith("?"):
        return None  # "Which one?" is a question, not a relative clause
    words = [w.lower() for w in _WORD.findall(stripped[:60])]
    if not words or "," in stripped or ";" in stripped:
        return None  # a comma may close the opening phrase before the main clause
    head = stripped.lower()
    first = words[0]
    if first in FOCUS and len(words) > 1:
        return f"it opens with '{stripped.split()[0]} {stripped.split()[1]}'"
    for opener in RELATIVE:
        if head.startswith(opener):
            return f"it opens with '{stripped[:len(opener)].strip()}'"
    if first in DEPENDENT:
        return f"it opens with '{stripped.split()[0]}'"
    if first in AMBIGUOUS or (first in COORDINATORS and verbless(words[1:])):
        return "split"
    return None


def verbless(words: list[str]) -> bool:
    """A short run of words with no sign of a finite verb ("and small arms"): no auxiliary or
    modal, no -ed or -ing form. Only short pieces are judged; longer ones hide verbs this cannot
    see."""
    if not words or len(words) > MAX_VERBLESS_WORDS:
        return False
    return not any(w in AUXILIARIES or w.endswith(("ed", "ing")) for w in words)


@dataclass(frozen=True)
class Piece:
    """A sentence, or the part of one after a break the aligner ran through."""

    placed: Placed
    start: int        # offset in the sentence text
    text: str
    joined: bool      # the aligner joined it to the piece before: its translation runs on


def pieces(para: list[Placed]) -> list[Piece]:
    """A paragraph's sentences cut again at the breaks the aligner joined over."""
    out = []
    for p in para:
        text = p.sentence.text
        cuts = [0, *(off for off, _c, _r in p.sentence.joins), len(text)]
        for k in range(len(cuts) - 1):
            raw = text[cuts[k]:cuts[k + 1]]
            lead = len(raw) - len(raw.lstrip())
            if raw.strip():
                out.append(Piece(p, cuts[k] + lead, raw.strip(), k > 0))
    return out


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, lang in sides(ctx):
        if lang != "en":
            continue
        for para in paragraphs(ctx, side):
            parts = pieces(para)
            for k in range(1, len(parts)):  # a paragraph's first piece was not split off
                hit = _judge(ctx, parts[k], parts[k - 1])
                if hit:
                    yield hit


def _judge(ctx: CheckContext, piece: Piece, before: Piece) -> Hit | None:
    text = piece.text
    reason = classify(text)
    if reason is None:
        return None
    p = piece.placed
    # Split off the sentence before it: joined by the aligner, or both in one bead whose other
    # side is a single sentence.
    pair = ctx.pairs[p.pair]
    other = pair.side(other_side(p.side))
    split = piece.joined or (before.placed.pair == p.pair and len(other) == 1)
    if reason == "split":
        if not split:
            return None
        first = text.split()[0]
        reason = (f"a piece with no verb opening with '{first}'"
                  if first.lower().strip("\"“‘'(") in COORDINATORS else f"it opens with '{first}'")
    where = " The translation keeps it in one sentence with the one before." if split else ""
    prev = before.text.rstrip()
    prev = prev[:-1] if prev.endswith(".") else prev
    glue = " " if text.split()[0].lower() in COORDINATORS else ", "
    joined = " ".join(prev.split()[-3:]) + glue + _head(text[:1].lower() + text[1:])
    start = p.offset + piece.start
    return Hit(p.pair, p.side, (start, start + len(text)),
               f"Sentence fragment: '{_head(text)}' has no main clause ({reason}); it was "
               f"split off the sentence before.{where}",
               f"Join it to the sentence before ('…{joined}'), or give it a main clause.")


def _head(text: str, words: int = 4) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


CHECKS = (Check("sentence-fragment", Severity.WARNING,
                "An English sentence that is only a subordinate or adverbial phrase, or a "
                "verbless piece, split off the sentence before ('Especially after …').", find,
                bilingual=False),)
