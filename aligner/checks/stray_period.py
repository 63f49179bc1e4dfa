"""``stray-period``: a full stop inside a sentence ("ورئيس. هيئة الحشد", "the. report").

Evidence comes in two kinds. The aligner's: a bead ran through the break, so the segments came
out as one sentence and :attr:`Sentence.joins` records the absorbed mark (and, when the other
side's sentence runs straight through the spot, the translation agrees that nothing ends there).
And the local evidence: in Arabic, the boundary model (:mod:`aligner.segment.boundary`, fitted
to the tune split) scores the stop from the words around it; in English, a word a sentence
cannot end on, or lower case after the stop. Strong local evidence makes an ``error``; weak
evidence needs the translation running straight through and makes a ``warning``; a break the
alignment kept is reported only on evidence strong enough to overrule the translation. Held-out
figures: ``benchmarks/source_faults.py``, ``docs/source-checks.md``.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..breaks import NEAR
from ..lang import ar, en
from ..model import Pair, Severity
from ..segment.boundary import (
    CLOSERS,
    OPENERS,
    BoundaryModel,
    clause_word,
    context,
    features,
    load_model,
)
from ._support.base import Check, CheckContext, Hit
from ._support.sides import other_side
from ._support.walk import paragraphs, placed, sides

STRONG, WEAK = 2, 1

_CLOSERS = CLOSERS
_OPENERS = OPENERS
# "word.word" with no space: no Arabic abbreviation is written that way, so it is a stray mark
# (or a missing space) and is judged by the same cues.
_AR_GLUED = re.compile(rf"(?<=[{ar.LETTERS}{ar.HARAKAT}])\.(?=[{ar.LETTERS}])")


@dataclass(frozen=True)
class StrayPeriodParams:
    """Thresholds on the Arabic boundary model's probability that a stop is stray (classes
    balanced), tuned on the tune split with ``benchmarks/source_faults.py``."""

    #: At or above: strong local evidence (an error when the alignment ran through the stop).
    strong: float = 0.7
    #: At or above: weak evidence, reported only when the translation runs straight through.
    weak: float = 0.15
    #: At or above: reported (as a warning) even where the alignment kept the break, the
    #: translation breaking there too; below it a strong cue is "ambiguous".
    kept: float = 0.97


PARAMS = StrayPeriodParams()

EN_NO_END = en.NO_END
_EN_ABBREVIATED = re.compile(r"^(?:[A-Za-z]\.)+(?:[A-Za-z]{1,2}\.)?$")


@dataclass(frozen=True)
class Cue:
    strength: int
    reason: str
    #: Evidence that a real sentence end can also show (a fronted "في ..." phrase, a short
    #: sentence): it counts for less when the translation breaks at the same spot.
    ambiguous: bool = False


def arabic_cue(before: str, after: str, params: StrayPeriodParams = PARAMS) -> Cue | None:
    """The boundary model's judgement that an Arabic full stop does not end a sentence.

    ``before`` is the text up to the mark, ``after`` the text following it (closing quotes
    already skipped).
    """
    prev_raw = _last_word(before)
    if len(prev_raw) <= 1 or ar.is_abbreviation(prev_raw):
        return None  # an abbreviation: "د. أحمد", "ق.م." (BC), "هـ." (AH), "إلخ." (etc.)
    words = before[-200:].split()
    if len(prev_raw) <= 3 and len(words) >= 2 and words[-2].endswith(".") \
            and len(words[-2].rstrip(".")) <= 3:
        return None  # spelled-out initials: "دي. كي. أريا"
    model = load_model()
    text = before + "." + after
    feats = features(context(text, len(before), len(before) + 1), model)
    p = model.probability(feats)
    if p < params.weak:
        return None
    top = model.explain(feats)
    template = _REASONS.get(top[0] if top else "", _REASON_DEFAULT)
    reason = template.format(prev=prev_raw, next=_first_word(after.lstrip()))
    if p >= params.strong:
        return Cue(STRONG, reason, ambiguous=p < params.kept or model.probability(
            _without_short_clauses(feats, before, after, model)) < params.strong)
    return Cue(WEAK, reason, ambiguous=True)


def _without_short_clauses(feats: dict[str, float], before: str, after: str,
                           model: BoundaryModel) -> dict[str, float]:
    """The features with "the fragment is short" taken back for a fragment that has a verb, a
    personal pronoun or a particle of its own ("وصلنا متأخرين.", "أنا آسف."): news text, which
    the model was fitted on, rarely has two-word sentences, everyday text often does, so that
    cue alone makes the stop an ambiguous one."""
    fragments = {"before_short": re.split(r"[.!?؟]", before)[-1],
                 "after_short": re.split(r"[.!?؟]", after)[0]}
    return {k: 0.0 if k in fragments and any(clause_word(w, model)
                                             for w in fragments[k].split()) else v
            for k, v in feats.items()}


# What a translator reads for the feature that weighed most towards "stray".
_REASON_DEFAULT = "the words around it continue one sentence"
_REASONS = {
    **dict.fromkeys(("p_last_headright", "p_last_adp", "p_last_conj", "p_last_part",
                     "p_last_cons", "cons_def", "p_ends", "p_arabic", "p_ud_known"),
                    "a sentence does not end on '{prev}', which needs the word after it"),
    **dict.fromkeys(("n_first_adj", "n_nisba", "agree_def", "agree_plural"),
                    "'{next}' describes '{prev}' before it"),
    **dict.fromkeys(("n_first_adp", "n_lil", "n_opens", "n_first_headleft", "n_def",
                     "n_first_gen", "n_conj", "n_seen", "n_ud_known"),
                    "'{next}' continues the clause before it"),
    "n_digit": "a number follows the stop",
    "n_quote": "a quotation opens right after the stop",
    **dict.fromkeys(("before_short", "before_log"),
                    "the words before it are too few to be a sentence"),
    **dict.fromkeys(("after_short", "after_log"),
                    "the words after it are too few to be a sentence"),
}


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
            glued = set()
            if lang == "ar":
                glued = {m.start() for m in _AR_GLUED.finditer(sent.text)} - marks
            for mark in sorted(m for m in marks | glued if m is not None):
                hit = _judge(pairs[p.pair], side, p.offset, sent.text, mark, cue_of,
                             mark in glued)
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


def _judge(pair: Pair, side: str, offset: int, text: str, mark: int, cue_of,
           glued: bool = False) -> Hit | None:
    """A finding for the stop at ``text[mark]``, or ``None``. A ``glued`` stop ("word.word")
    is as often a real end missing its space as a stray stop: at most a warning."""
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
    space = "" if glued else " "
    shown = f"{prev}{text[mark:after_pos]}{space}{nxt}".strip()
    fixed = f"{prev}{text[mark + 1:after_pos]} {nxt}".strip()
    extra = " The translation runs straight through here." if through else ""
    if glued:
        return Hit(pair.id, side, (offset + mark, offset + mark + 1),
                   f"Full stop with no space after it at '{shown}': {cue.reason}.{extra}",
                   f"Delete the full stop ('{fixed}'), or, if a new sentence starts here, "
                   "put a space after it.", min(severity, Severity.WARNING, key=_rank))
    return Hit(pair.id, side, (offset + mark, offset + mark + 1),
               f"Full stop inside a sentence at '{shown}': {cue.reason}.{extra}",
               f"Delete the full stop: '{fixed}'.", severity)


def _rank(severity: Severity) -> int:
    return severity.rank


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


CHECKS = (Check("stray-period", Severity.ERROR,
                "A full stop inside a sentence (the aligner ran through it and the words around "
                "it continue the same clause).", find),)
