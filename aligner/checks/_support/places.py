"""Country, capital and international-body names on both sides of a pair, from the table in
:data:`aligner.lang.ar.PLACES`.

Their Arabic names are often translations or old exonyms (الصين / China, المجر / Hungary), so
transliteration cannot pair them, and one sentence is enough to know them: a document need not
show them twice as :mod:`aligner.checks.name_mismatch` otherwise requires.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ... import lang
from ...text import normalize_arabic

_AR_WORD = lang.ar.WORD
_PROCLITICS = tuple(normalize_arabic(c) for c in lang.ar.LINK_PROCLITICS)
_ARTICLE = lang.ar.ARTICLE
# Endings of a relative adjective (nisba): فرنسا → فرنسي، الفرنسية، الفرنسيون.
_NISBA = tuple(normalize_arabic(s) for s in ("يين", "يون", "يان", "يتين", "ية", "ي"))
_FINAL_VOWELS = tuple(normalize_arabic(s) for s in ("ا", "ة", "ى"))
# What stands in for a place already named: "the country", "the capital", a pronoun, or an
# acronym, which often shortens a name the Arabic spells out (PHE for هيئة الصحة العامة في
# إنجلترا, DC for واشنطن دي سي).
_STAND_IN = re.compile(r"\b(?:the (?:country|nation|kingdom|republic|capital|city|state|"
                       r"organi[sz]ation|alliance|union|bloc|league|body|agency|fund|bank)|"
                       r"it|its|they|their|them|there|here)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b[A-Z]{2,}s?\b")


@dataclass(frozen=True)
class Place:
    """One table entry, ready for matching."""

    name: str                               # the English name
    english: tuple[re.Pattern, ...]         # the name and its other English forms
    name_pattern: re.Pattern                # the name alone
    arabic: tuple[tuple[str, ...], ...]     # each Arabic form as normalised words
    bare: tuple[tuple[str, ...], ...]       # the same without a leading article
    stems: tuple[str, ...]                  # one-word forms without article and final vowel


def _english_pattern(form: str) -> re.Pattern:
    # A hyphen may join the name to another word: "Iran-supported", "anti-Chinese".
    body = r"[\s\-]+".join(re.escape(w) for w in form.split())
    return re.compile(rf"(?<![\w]){body}(?:['’]s)?(?![\w])")


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """The table compiled once per process (it is constant)."""
    out = []
    for name, others, arabic in lang.ar.PLACES:
        forms = tuple(tuple(normalize_arabic(w) for w in _AR_WORD.findall(f)) for f in arabic)
        bare = tuple((f[0][len(_ARTICLE):], *f[1:]) if raw.startswith(_ARTICLE) else f
                     for raw, f in zip(arabic, forms))
        stems = []
        for b in bare:
            if len(b) == 1:
                word = b[0]
                stems.append(word[:-1] if word.endswith(_FINAL_VOWELS) else word)
        out.append(Place(name, tuple(_english_pattern(f) for f in (name, *others)),
                         _english_pattern(name), forms, bare, tuple(s for s in stems
                                                                    if len(s) >= 3)))
    return tuple(out)


def _candidates(word: str) -> set[str]:
    """A normalised Arabic word without each proclitic it may carry."""
    out = {word}
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            out.add(word[len(clitic):])
    return out


@dataclass(frozen=True)
class ArabicText:
    """An Arabic text's words, normalised, with their spans and clitic-free candidates."""

    spans: tuple[tuple[int, int], ...]
    words: tuple[str, ...]
    candidates: tuple[frozenset[str], ...]

    @classmethod
    def of(cls, text: str) -> ArabicText:
        found = [(m.span(), normalize_arabic(m.group())) for m in _AR_WORD.finditer(text)]
        return cls(tuple(s for s, _w in found), tuple(w for _s, w in found),
                   tuple(frozenset(_candidates(w)) for _s, w in found))

    def find(self, place: Place) -> tuple[int, int] | None:
        """Span of the first Arabic form of ``place`` in the text."""
        for i, cands in enumerate(self.candidates):
            for form, bare in zip(place.arabic, place.bare):
                if form[0] not in cands and bare[0] not in cands:
                    continue
                n = len(form)
                rest = self.words[i + 1:i + n]
                if len(rest) == n - 1 and all(w in (form[k], bare[k])
                                              for k, w in enumerate(rest, 1)):
                    return self.spans[i][0], self.spans[i + n - 1][1]
        return None

    def names(self, place: Place) -> bool:
        """The text names ``place``, or uses its relative adjective (الصينية for الصين)."""
        if self.find(place) is not None:
            return True
        for cands in self.candidates:
            for word in cands:
                for suffix in _NISBA:
                    if word.endswith(suffix) and word[:-len(suffix)] in place.stems:
                        return True
        return False


def _compound(text: str, start: int, end: int) -> bool:
    """The match is part of a longer capitalised name ("New Mexico", "China Daily")."""
    after = re.match(r"[\s\-]+([A-Z][a-z])", text[end:])
    before = re.search(r"([A-Z][\w]*)[\s\-]+$", text[:start])
    if before:
        opener = text[:before.start()].rstrip(" \"“‘'(")
        if opener and opener[-1] not in ".!?:":
            return True
    return bool(after)


def unmatched_places(ar: str, en: str) -> list[tuple[str, tuple[int, int], str]]:
    """Places named on one side with no counterpart on the other, as ``(side, span, name)``
    with side ``"en"`` or ``"ar"``."""
    arabic = ArabicText.of(ar)
    out: list[tuple[str, tuple[int, int], str]] = []
    taken: list[tuple[int, int]] = []
    for place in sorted(places(), key=lambda p: -len(p.name)):
        for m in place.name_pattern.finditer(en):
            if any(s <= m.start() < e for s, e in taken) or _compound(en, m.start(), m.end()):
                continue
            taken.append(m.span())
            if not arabic.names(place):
                out.append(("en", m.span(), place.name))
            break
    if _STAND_IN.search(en) or _ACRONYM.search(en):
        return out
    covered: list[tuple[int, int]] = []
    for place in sorted(places(), key=lambda p: -max(len(f) for f in p.arabic)):
        span = arabic.find(place)
        if span is None or any(s <= span[0] < e for s, e in covered):
            continue
        covered.append(span)
        if not any(p.search(en) for p in place.english):
            out.append(("ar", span, place.name))
    return out
