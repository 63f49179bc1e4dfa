"""``negation-drift``: a negation on one side of a pair with no negation of any kind on the
other (the markers are in :mod:`aligner.checks._support.markers`).

Each finding carries the evidence it rests on (:func:`negation_evidence`), so that a shipped
confidence model (:mod:`aligner.checks._support.confidence`) can report a weak one at
``info``; the one ``scripts/fit_confidence.py`` fits for this check is not shipped (it lowered
the held-out recall, docs/translation-checks.md), so every finding is a warning.
Arabic has no negative prefix, so a translator often renders لا / لم + verb with a negative
English word ("لا ينقلون" → "dead-end", "لم تكن لديهم أعراض" → "asymptomatic"), most of all in
a relative clause; an English "not" with no Arabic negation has no such excuse.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..lang import ar
from ..model import SRC, TGT, Pair, Severity
from ..text import normalize_arabic
from ..translit import sounds_like_any
from ._support.base import Check, CheckContext, Hit
from ._support.confidence import graded
from ._support.markers import markers, quote
from ._support.sides import arabic_english, pair_hits

CHECK_ID = "negation-drift"
_EN_RELATIVE = frozenset("who which that whose whom".split())
_WORD = re.compile(r"[^\W\d_]+")


def _after_relative(text: str, start: int, lang: str) -> bool:
    """Whether the negation at ``start`` opens a relative clause (الذي لا، التي لم / who does
    not, which has not)."""
    words = _WORD.findall(text[max(0, start - 40):start])
    if not words:
        return False
    if lang == "ar":
        return normalize_arabic(words[-1]) in ar.RELATIVE_PRONOUNS_N
    # English: the relative word just before the auxiliary ("which has not", "who did not").
    return any(w.lower() in _EN_RELATIVE for w in words[-2:])


_EN_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")


def _after_indefinite(text: str, start: int, english: str) -> bool:
    """Whether an Arabic negation directly follows an indefinite word that is no particle
    ("مضيفون لا ينقلون" "hosts that do not transmit", "أشخاص لم تكن لديهم" "people who did
    not have"): Arabic opens an adjectival clause this way, without a relative word. A name
    (a word that sounds like a capitalised word of the English) is a subject instead:
    "ترامب لم يوقع" "Trump did not sign"."""
    before = ar.word_before(text, start)
    if before is None:
        return False
    word = normalize_arabic(before)
    bare = word[1:] if word[:1] in ("و", "ف") and len(word) > 3 else word
    if (len(bare) < 3 or bare.startswith(("ال", "لل", "بال", "كال"))
            or word in ar.FUNCTION_WORDS_N or bare in ar.FUNCTION_WORDS_N):
        return False
    return not sounds_like_any(before, _EN_CAPITALISED.findall(english))


def negation_evidence(pair: Pair, src_lang: str, tgt_lang: str
                      ) -> Iterator[tuple[Hit, dict[str, float]]]:
    """A strong negation on one side of the pair with no negation at all on the other, with
    the features the confidence model reads: the negated side is the Arabic one, the
    negation opens a relative clause, it directly follows an indefinite Arabic word."""
    if not pair.src or not pair.tgt:
        return
    src, tgt = pair.text(SRC), pair.text(TGT)
    s, t = markers(src, src_lang, tgt), markers(tgt, tgt_lang, src)
    if s.neg_strong and not t.excuses(s):
        span = s.neg_strong[0]
        yield (Hit(pair.id, SRC, span,
                   f"The source is negated ({quote(src, s.neg_strong)}) but the translation "
                   "has no negation: the meaning may be reversed.",
                   "Check that the translation denies what the source denies (not, never, "
                   "no, without)."),
               _features(src, span[0], src_lang, tgt))
    elif t.neg_strong and not s.excuses(t):
        span = t.neg_strong[0]
        yield (Hit(pair.id, TGT, span,
                   f"The translation is negated ({quote(tgt, t.neg_strong)}) but the source "
                   "has no negation: the meaning may be reversed.",
                   "Check the source: remove the negation unless the source denies it too."),
               _features(tgt, span[0], tgt_lang, src))


def _features(text: str, start: int, lang: str, other: str) -> dict[str, float]:
    """The evidence of a negation at ``start`` of ``text`` (``other``: the other side)."""
    arabic = lang == "ar"
    return {"arabic": float(arabic), "relative": float(_after_relative(text, start, lang)),
            "after_indefinite": float(arabic and _after_indefinite(text, start, other))}


def negation_hits(pair: Pair, src_lang: str, tgt_lang: str) -> Iterator[Hit]:
    """The hits of :func:`negation_evidence`, graded by the check's shipped confidence model
    when there is one."""
    for hit, features in negation_evidence(pair, src_lang, tgt_lang):
        yield replace(hit, severity=graded(CHECK_ID, features))


def find_negation(ctx: CheckContext) -> Iterator[Hit]:
    if arabic_english(ctx) is None:
        return  # the markers are Arabic and English ones
    yield from pair_hits(ctx, negation_hits)


CHECKS = (
    Check(CHECK_ID, Severity.WARNING,
          "A negation (لم، لا، ليس / not, never, no) on one side with no negation of any kind "
          "on the other.", find_negation),
)
