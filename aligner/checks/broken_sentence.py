"""``broken-sentence``: an English sentence break in the wrong place.

Two faults, both from a full stop put in or left out by mistake:

* a full stop that cuts a clause: what follows continues it in lower case ("The minister said.
  that the talks …"), or the stop follows a word after which no sentence ends ("… met with the.
  Minister");
* a lost full stop: a capitalised word in mid-sentence after a lower-case word that opens the
  next sentence: a word that opens sentences ("… the talks ended The officials said …"), a
  capitalised participle or sentence adverb ("… in April Backed by …", "… Eventually, …"), a
  word the document writes in lower case elsewhere ("… soap Hand washing …"), or a name that
  opens more of the document's sentences than it appears inside ("… money Sami just wanted …").
  After a word that names follow ("of", "the", "President"), after a capitalised word, or
  before a further capital where a demonstrative opens a title ("filming That Summer"), the
  capital belongs to a name or a title.

Abbreviations ("U.S.", "a.m.", "etc.", the segmenter's shipped list) are not full stops.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lang import en
from ..model import Severity
from ..segment.english import is_abbreviation
from ._support.base import Check, CheckContext, Hit
from ._support.walk import Placed, paragraphs, sides


@dataclass(frozen=True)
class BrokenParams:
    """Tunable limits."""

    min_words_before: int = 2  # a lost stop needs a clause before it ("Yes The" is not one)


PARAMS = BrokenParams()

_TOKEN = re.compile(r"\S+")
_CAPITALISED = re.compile(r"([A-Z][a-z]*(?:['’][a-z]+)?)(?:[,;:.!?\"”’)]*)$")
_MARKS = ".,;:!?\"”’)–—-"
_NAME_WORD = re.compile(r"(?<![\w'’-])(?:[A-Z][a-z]+|I)(?![\w'’-])|(?<![\w'’-])[a-z][\w'’-]*")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}(?![\w'’-])")
# "word. next": a full stop after a word, a space, and the next word.
_STOP = re.compile(r"(?P<word>[A-Za-z][A-Za-z'’.-]*)\."
                   r"(?=(?P<space>\s+)(?P<next>[\"“‘(]?[A-Za-z]\w*))")

ARTICLES = frozenset(("The", "A", "An"))
SENTENCE_OPENERS_LOWER = frozenset(w.lower() for w in en.SENTENCE_OPENERS)


def cut_clauses(text: str) -> Iterator[tuple[int, int, str]]:
    """Full stops inside ``text`` that cut a clause: ``(start, end, why)``, the span from the
    word before the stop to the word after."""
    for m in _STOP.finditer(text):
        word, nxt = m.group("word"), m.group("next").lstrip("\"“‘(")
        if is_abbreviation(word) or (m.start("word") > 0 and text[m.start("word") - 1] == "."):
            continue  # "etc..": part of an ellipsis or an abbreviation
        if text[m.end("word"):m.end("word") + 3] == "...":
            continue
        if nxt[:1].islower():
            why = f"'{nxt}' goes on in lower case"
        elif word.lower() in en.NO_END and word.islower():
            why = f"no sentence ends with '{word}'"
        else:
            continue
        yield m.start("word"), m.end("next"), why


def lost_stops(text: str, common: frozenset[str] = frozenset(),
               starters: dict[str, int] | None = None,
               params: BrokenParams = PARAMS) -> Iterator[tuple[int, int, str]]:
    """Capitalised words in mid-sentence that open the next sentence: ``(start, end, word)``
    spanning the word before and the capitalised word. A sentence opener ("The", "In") counts
    unless a title goes on capitalised after it and the word before is capitalised too, or the
    opener is a demonstrative ("Center For Disease", "filming That Summer"); another word only
    if the document writes it in lower case elsewhere (``common``) or it is a name that opens
    more of the document's sentences than it appears inside (``starters``), with lower-case
    words either side ("… against soap Hand washing …", "… good money Sami just wanted …", not
    "the Department of Public Health")."""
    starters = starters or {}
    tokens = list(_TOKEN.finditer(text))
    for k in range(1, len(tokens)):
        prev, tok = tokens[k - 1], tokens[k]
        word = prev.group()
        if word[-1:] in _MARKS or k < params.min_words_before:
            continue  # a mark between: not a run-on
        cap_m = _CAPITALISED.match(tok.group())
        if not cap_m:
            continue
        cap = cap_m.group(1)
        after = tokens[k + 1].group() if k + 1 < len(tokens) else ""
        low = word.lower().strip("\"“”‘’'(")
        if low in en.BEFORE_NAME or (word[:1].isupper() and low in SENTENCE_OPENERS_LOWER):
            continue  # no sentence ends with "of" or "the": a name follows
        base = en.CONTRACTION.sub("", cap)
        if base in en.SENTENCE_OPENERS and base != cap:
            cap = base  # "He'd", "It's"
        elif word[:1].islower() and _opens_clause(cap, tok.group(), after):
            yield prev.start(), tok.start() + len(cap), cap
            continue
        if len(cap) == 1 and (tok.group() != cap or not after[:1].isalpha()):
            continue  # "vitamin A,", "Group A.": a letter, not a word
        if cap in en.SENTENCE_OPENERS:
            if after[:1].isupper() and (word[:1].isupper() or (
                    cap.lower() in en.DETERMINERS and cap not in ARTICLES)):
                continue  # "Center For Disease", "filming That Summer": a title
        elif not word[:1].islower() or low in en.DETERMINERS or (len(cap) < 2 and cap != "I") or \
                not after[:1].islower():
            continue
        elif cap.lower() not in common and not (
                starters.get(base, 0) > 0 and tok.group() == cap and _ends_clause(low)
                and not _object_follows(after)):
            continue
        if _inside_quote_or_title(text, tok.start()):
            continue
        yield prev.start(), tok.start() + len(cap), cap


def _opens_clause(cap: str, token: str, after: str) -> bool:
    """A capitalised participle ("… the virus Stated in April …") or a sentence adverb with its
    comma ("… the Paeonians Eventually, in …"): the start of a sentence, not a name."""
    low = cap.lower()
    if len(low) > 4 and low.endswith(("ing", "ed")) and after[:1].islower():
        return True
    return len(low) > 5 and low.endswith("ly") and token == cap + ","


def _ends_clause(word: str) -> bool:
    """Whether a clause can end with this word before a name that starts the next one: not a
    function word, an auxiliary (a negative one too: "didn't Tom come"), a verb of saying,
    thinking or meeting or an adjective of certainty, or a participle ("said Klein was",
    "declared Russians would", "I think Tom is" keep the name inside the sentence)."""
    return word not in en.BEFORE_NAME and word not in en.AUXILIARIES and \
        word not in en.NAME_TAKING_WORDS and not word.endswith(("ed", "ing", "n't", "n’t"))


#: Words after which a name is the object of the verb before it, not the subject of a new
#: sentence: an article or possessive ("gave Tom a book"), a preposition or subordinator
#: ("known Tom for years"). A name that opens a sentence is followed by its verb, or by "and".
_AFTER_OBJECT = en.DETERMINERS | en.OBJECT_OPENERS | (en.BEFORE_NAME - en.COORDINATORS)


def _object_follows(after: str) -> bool:
    """Whether the word after a capitalised name shows the name to be an object."""
    return after.lower().strip("\"“”‘’'(),;:") in _AFTER_OBJECT


def _inside_quote_or_title(text: str, pos: int) -> bool:
    """After an opening quote that is not closed yet: a quoted title or speech."""
    before = text[:pos]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, lang in sides(ctx):
        if lang != "en":
            continue
        paras = paragraphs(ctx, side)
        common = frozenset(w for para in paras for p in para
                           for w in _LOWER_WORD.findall(p.sentence.text))
        starters = _starters([p.sentence.text for para in paras for p in para])
        for para in paras:
            yield from _paragraph(para, common, starters)


def _starters(sentences: list[str]) -> dict[str, int]:
    """Capitalised words by how many more sentences they open than they appear inside."""
    score: dict[str, int] = {}
    for text in sentences:
        words = _NAME_WORD.findall(text)
        for n, w in enumerate(words):
            score[w] = score.get(w, 0) + (1 if n == 0 else -1)
    return {w: n for w, n in score.items() if n > 0}


def _paragraph(para: list[Placed], common: frozenset[str],
               starters: dict[str, int]) -> Iterator[Hit]:
    for k, p in enumerate(para):
        text = p.sentence.text
        for start, end, why in cut_clauses(text):
            yield _cut_hit(p, start, end, why)
        for start, end, cap in lost_stops(text, common, starters):
            yield Hit(p.pair, p.side, (p.offset + start, p.offset + end),
                      f"A full stop seems lost before '{cap}': '{text[start:end]}' runs two "
                      "sentences together.",
                      f"End the sentence before '{cap}' with a full stop.")
        # A stop the segmenter took for a sentence end ("… with the. Minister …").
        if k + 1 < len(para):
            nxt = para[k + 1].sentence.text
            joined = text + " " + nxt
            for start, end, why in cut_clauses(joined):
                if start < len(text) < end:
                    yield _cut_hit(p, start, len(text), why)


def _cut_hit(p: Placed, start: int, end: int, why: str) -> Hit:
    return Hit(p.pair, p.side, (p.offset + start, p.offset + end),
               f"A full stop cuts the sentence: {why}.",
               "Remove the full stop, or end the sentence where it really ends.")


CHECKS = (Check("broken-sentence", Severity.WARNING,
                "An English full stop that cuts a clause ('said. that …'), or one lost "
                "between two sentences ('… the talks ended The officials said …').", find,
                bilingual=False),)
