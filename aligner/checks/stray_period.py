"""``stray-period``: a full stop inside a sentence ("ورئيس. هيئة الحشد", "the. report").

Evidence comes in two kinds. The aligner's: a bead ran through the break, so the segments came
out as one sentence and :attr:`Sentence.joins` records the absorbed mark (and, when the other
side's sentence runs straight through the spot, the translation agrees that nothing ends there).
And local cues around the stop: a word a sentence cannot end on before it (a preposition, a
construct-state noun), a word a sentence does not start with after it, an agreeing adjective, a
digit. A strong local cue makes an ``error``; a weak one needs the translation running straight
through and makes a ``warning``; a confident break with no cue (two real sentences a translator
merged into one) is not reported.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..breaks import NEAR
from ..lang import ar, en
from ..model import Pair, Severity
from ..text import normalize_arabic
from ._support.base import Check, CheckContext, Hit
from ._support.sides import other_side
from ._support.walk import paragraphs, placed, sides

STRONG, WEAK = 2, 1

_CLOSERS = "\"”»’)]"
_OPENERS = "\"“«‘("
# "word.word" with no space: no Arabic abbreviation is written that way, so it is a stray mark
# (or a missing space) and is judged by the same cues.
_AR_GLUED = re.compile(rf"(?<=[{ar.LETTERS}{ar.HARAKAT}])\.(?=[{ar.LETTERS}])")

# Words an Arabic sentence cannot end on: prepositions, particles, conjunctions, relative
# pronouns, and construct-state heads that always take the next noun (رئيس هيئة، محل الولايات).
AR_NO_END = ((ar.PREPOSITIONS_N - ar.normalised("دون")) | ar.RARE_PREPOSITIONS_N
             | ar.CONJUNCTIONS_N | ar.PARTICLES_N | ar.RELATIVE_PRONOUNS_N
             | ar.CONSTRUCT_HEADS_N | ar.TITLE_HEADS_N)
# Prepositions after a stop: the clause before usually goes on (own set, so that the check does
# not move when the segmenter's thresholds are tuned).
_AR_PREPOSITIONS = ar.PREPOSITIONS_N
# Prepositions that introduce a verb's or noun's complement ("تسعى. إلى", "العديد. من"); others
# (في، على، خلال ...) often open a sentence with a fronted phrase and are weaker evidence.
_AR_COMPLEMENT = ar.COMPLEMENT_PREPOSITIONS_N
# Sentence starts that are really openers (a fronted phrase followed by a comma) are told apart
# by the comma; these never open a sentence even then.
_AR_NEVER_START = ar.NEVER_START_ADVERBIALS_N | ar.RELATIVE_PRONOUNS_N
_AR_PROCLITIC = ar.CONJUNCTION_CLITICS
_AR_MIN_OPENERS = frozenset(normalize_arabic(w) for w in """
جهة جهته جهتها جهتهم ناحية ناحيته ناحيتها جانبه جانبها جانبهم جانب هنا ثم
""".split())
# Two-word phrases that open sentences without a comma in edited Arabic.
_AR_OPENERS = frozenset(tuple(normalize_arabic(w) for w in p.split()) for p in """
في حين|في كثير|في بعض|في الواقع|في النهاية|في البداية|في المقابل|في الوقت|في هذا|في هذه|في ذلك
في تلك|على سبيل|على الرغم|على أي|على الصعيد|على صعيد|مع ذلك|مع أن|حتى الآن|منذ ذلك|بين هذه
""".replace("\n", "|").split("|") if p.strip())
_AR_MONTHS = ar.MONTH_WORDS_N
_AR_TITLES = ar.TITLES_N  # corpus-fitted (issue 12)

EN_NO_END = en.NO_END
_EN_ABBREVIATED = re.compile(r"^(?:[A-Za-z]\.)+(?:[A-Za-z]{1,2}\.)?$")


@dataclass(frozen=True)
class Cue:
    strength: int
    reason: str
    #: A cue that a real sentence start can also show (a fronted "في ..." phrase): it counts
    #: for less when the translation breaks at the same spot.
    ambiguous: bool = False


def arabic_cue(before: str, after: str) -> Cue | None:
    """The strongest local sign that an Arabic full stop does not end a sentence.

    ``before`` is the text up to the mark, ``after`` the text following it (closing quotes
    already skipped).
    """
    prev_raw = _last_word(before)
    rest = after.lstrip()
    next_raw = _first_word(rest)
    prev, nxt = normalize_arabic(prev_raw), normalize_arabic(next_raw)
    words = before.split()
    if len(prev_raw) <= 3 and len(words) >= 2 and words[-2].endswith(".") \
            and len(words[-2].rstrip(".")) <= 3:
        return None  # spelled-out initials: "دي. كي. أريا"
    bare_prev = _strip_proclitic(prev)
    if prev in AR_NO_END or bare_prev in AR_NO_END:
        return Cue(STRONG, f"a sentence cannot end on '{prev_raw}'")
    if rest[:1].isdigit():
        return Cue(STRONG, "a number follows the stop")
    if nxt in _AR_NEVER_START:
        return Cue(STRONG, f"a sentence does not start with '{next_raw}'")
    if nxt in _AR_PREPOSITIONS and not _fronted_phrase(rest):
        strength = STRONG if nxt in _AR_COMPLEMENT else WEAK
        return Cue(strength, f"'{next_raw}' continues the clause before it", True)
    if _agreeing_adjective(prev, nxt):
        return Cue(STRONG, f"'{next_raw}' is an adjective agreeing with '{prev_raw}'")
    if rest[:1] in _OPENERS:
        return Cue(WEAK, "a quotation opens right after the stop")
    if nxt.startswith("لل") and len(nxt) > 4:
        return Cue(WEAK, f"'{next_raw}' (to/for …) continues the clause before it")
    if _continues_list(before, nxt):
        return Cue(WEAK, f"'{next_raw}' continues a list joined by '، و' before it")
    return None


def english_cue(before: str, after: str) -> Cue | None:
    """The strongest local sign that an English full stop does not end a sentence."""
    prev = _last_word(before).lower()
    rest = after.lstrip()
    nxt = _first_word(rest)
    if _EN_ABBREVIATED.match(_last_word(before) + "."):
        return None  # "A.D. and", "J. and": an abbreviation or an initial, not a sentence end
    if prev in EN_NO_END:
        return Cue(STRONG, f"a sentence cannot end on '{prev}'")
    if nxt[:1].islower() and nxt.isalpha():
        strength = STRONG if nxt in EN_NO_END else WEAK
        return Cue(strength, f"the text goes on in lower case ('{nxt}')")
    if rest[:1].isdigit():
        return Cue(WEAK, "a number follows the stop")
    return None


def find(ctx: CheckContext) -> Iterator[Hit]:
    pairs = {p.id: p for p in ctx.pairs}
    for side, lang in sides(ctx):
        cue_of = arabic_cue if lang == "ar" else english_cue
        for p in placed(ctx, side):
            sent = p.sentence
            marks = {_mark_before(sent.text, off) for off, _c, _r in sent.joins}
            if lang == "ar":
                marks |= {m.start() for m in _AR_GLUED.finditer(sent.text)}
            for mark in sorted(m for m in marks if m is not None):
                hit = _judge(pairs[p.pair], side, p.offset, sent.text, mark, cue_of)
                if hit:
                    yield hit
        yield from _kept_breaks(ctx, side, cue_of)


def _kept_breaks(ctx: CheckContext, side: str, cue_of) -> Iterator[Hit]:
    """Breaks the alignment kept (the translation breaks near them too): reported only on a
    strong, unambiguous cue, and as a warning, since the two kinds of evidence disagree."""
    for para in paragraphs(ctx, side):
        for cur, nxt in itertools.pairwise(para):
            text = cur.sentence.text.rstrip()
            mark = _mark_before(text, len(text))
            if mark is None:
                continue
            cue = cue_of(text[:mark], " " + nxt.sentence.text)
            if cue is None or cue.strength < STRONG or cue.ambiguous:
                continue
            shown = f"{_last_word(text[:mark])}{text[mark:]} {nxt.sentence.text.split()[0]}"
            fixed = shown.replace(text[mark:], text[mark + 1:], 1)
            start = cur.offset + mark
            yield Hit(cur.pair, side, (start, start + 1),
                      f"Full stop that may cut a sentence at '{shown}': {cue.reason}, though "
                      "the translation also breaks here.",
                      f"If it is one sentence, delete the full stop: '{fixed}'.",
                      Severity.WARNING)


def _judge(pair: Pair, side: str, offset: int, text: str, mark: int, cue_of) -> Hit | None:
    after_pos = mark + 1
    while after_pos < len(text) and text[after_pos] in _CLOSERS:
        after_pos += 1
    before, after = text[:mark], text[after_pos:]
    cue = cue_of(before, after)
    if cue is None:
        return None
    through = _runs_through(pair, side, offset + mark)
    if cue.strength == STRONG:
        # The translator ending a sentence at the same spot weakens a cue that a real sentence
        # start can also show.
        severity = Severity.WARNING if (through is False and cue.ambiguous) else Severity.ERROR
    elif through:
        severity = Severity.WARNING
    elif through is None:
        severity = Severity.INFO  # nothing to compare with: a weak cue alone is a hint
    else:
        return None  # a weak cue, and the translation breaks here too
    prev = _last_word(before)
    nxt = after.split()[0].rstrip("،,.؛:") if after.split() else ""
    shown = f"{prev}{text[mark:after_pos]} {nxt}".strip()
    fixed = f"{prev}{text[mark + 1:after_pos]} {nxt}".strip()
    extra = " The translation runs straight through here." if through else ""
    return Hit(pair.id, side, (offset + mark, offset + mark + 1),
               f"Full stop inside a sentence at '{shown}': {cue.reason}.{extra}",
               f"Delete the full stop: '{fixed}'.", severity)


def _runs_through(pair: Pair, side: str, pos: int) -> bool | None:
    """Whether the other side has no sentence break near this relative position (``None``
    when there is no other side to compare with)."""
    other = pair.side(other_side(side))
    if not other:
        return None
    mine = max(1, len(pair.text(side)))
    rel = pos / mine
    total = max(1, len(pair.text(other_side(side))))
    breaks, acc = [], 0
    for s in other[:-1]:
        acc += len(s.text) + 1
        breaks.append(acc / total)
    return not any(abs(rel - b) <= NEAR for b in breaks)


def _mark_before(text: str, off: int) -> int | None:
    """The index of the single full stop ending just before ``off`` (closing quotes skipped)."""
    i = off - 1
    while i >= 0 and text[i] in _CLOSERS:
        i -= 1
    if i < 0 or text[i] not in ".۔":
        return None
    if i > 0 and text[i - 1] in ".۔":
        return None  # ".." is a pause, "..." an ellipsis: style, not a stray stop
    return i


def _last_word(text: str) -> str:
    words = text.split()
    return words[-1].strip(_CLOSERS + _OPENERS + "،,") if words else ""


def _first_word(text: str) -> str:
    words = text.split()
    return words[0].strip(_CLOSERS + _OPENERS + "،,.") if words else ""


def _strip_proclitic(word: str) -> str:
    if word[:1] in _AR_PROCLITIC and len(word) > 3:
        return word[1:]
    return word


def _fronted_phrase(rest: str) -> bool:
    """A sentence may open with a prepositional phrase: a fronted phrase closed by a comma
    ("من جهته، ...", "في ظل هذه الظروف، ...") or an impersonal "من المتوقع أن ..."."""
    words = [normalize_arabic(w) for w in rest.split()[:8]]
    if any(w.endswith(("،", ",")) for w in words):
        return True
    # Corpus-fitted (issue 12): the excuse for من before a word with the article.
    if len(words) >= 2 and words[0] == "من" and (
            words[1].startswith(ar.ARTICLE) or words[1] in _AR_MIN_OPENERS):
        return True  # "من المتوقع أن", "من جهته": impersonal or framing openers
    if len(words) >= 2 and words[0] in _AR_PREPOSITIONS and (
            words[1][:1].isdigit() or words[1] in _AR_MONTHS):
        return True  # a date opening the sentence: "في 14 مارس ..."
    return len(words) >= 2 and (words[0], words[1]) in _AR_OPENERS


def _agreeing_adjective(prev: str, nxt: str) -> bool:
    """A definite adjective agreeing with the definite noun before the stop: المسؤولين.
    السياسيين (same plural case ending), للمعدات. العسكرية (a nisba adjective)."""
    if not nxt.startswith("ال") or len(nxt) < 5 or len(prev) < 4:
        return False
    definite = prev.startswith(ar.DEFINITE_PREFIXES)
    # A plural adjective shares its noun's case ending; a subject opening a new sentence would
    # be nominative (-ون) after a genitive/accusative (-ين) noun, so different endings disagree.
    if nxt.endswith(("يين", "يات")) and definite:
        return True  # a genitive/accusative nisba plural cannot open a sentence as its subject
    for ending in ("ين", "ون", "ات"):
        if nxt.endswith(ending):
            return prev.endswith(ending) and (definite or nxt.endswith("ي" + ending))
    if nxt.endswith("يه"):  # feminine nisba: a feminine noun or a non-human plural before it
        return definite
    return definite and nxt.endswith("ي") and not prev.endswith("ه")


def _continues_list(before: str, nxt: str) -> bool:
    """'و' + a noun after the stop, in a sentence that already lists items with '، و'."""
    if not nxt.startswith("و") or len(nxt) < 4:
        return False
    word = nxt[1:]
    noun = word.startswith("ال") or word.endswith("ه") or word in _AR_TITLES
    listed = len(re.findall(r"[،,]\s*و", before)) >= 1
    return noun and listed


CHECKS = (Check("stray-period", Severity.ERROR,
                "A full stop inside a sentence (the aligner ran through it and the words around "
                "it continue the same clause).", find),)
