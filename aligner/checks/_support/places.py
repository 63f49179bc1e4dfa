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
from ...translit import arabic_skeletons, latin_skeleton, names_match

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
                       r"they|their|them)\b", re.IGNORECASE)
_ACRONYM = re.compile(r"\b(?:[A-Z]{2,}s?\b|(?:[A-Z]\.){2,})")   # PHE, HCoVs, B.C.


def _spare_acronym(ar: str, en: str) -> bool:
    """The English has an acronym the Arabic does not render itself, so it may stand for a
    place the Arabic spells out (PHE for هيئة الصحة العامة في إنجلترا). One the Arabic writes
    in Latin letters or by sound (COVID, كوفيد) stands for itself, not for a place, and so
    does one of the table's own (U.S., UN)."""
    skeletons: list[frozenset[str]] | None = None
    for m in _ACRONYM.finditer(en):
        acronym = m.group().rstrip("s").replace(".", "")
        if acronym in ar or m.group() in index().english_forms:
            continue
        if skeletons is None:
            skeletons = [arabic_skeletons(w) for w in _AR_WORD.findall(ar)]
        skeleton = latin_skeleton(acronym)
        if not any(names_match(skeleton, w) for w in skeletons):
            return True
    return False


@dataclass(frozen=True)
class Place:
    """One table entry, ready for matching."""

    name: str                               # the English name
    english: re.Pattern                     # the name or any of its other English forms
    arabic: tuple[tuple[str, ...], ...]     # each Arabic form as normalised words
    bare: tuple[tuple[str, ...], ...]       # the same without a leading article
    stems: tuple[str, ...]                  # one-word forms without article and final vowel


def _english_pattern(forms: list[str]) -> re.Pattern:
    # A hyphen may join the name to another word: "Iran-supported", "anti-Chinese".
    bodies = sorted((r"[\s\-]+".join(re.escape(w) for w in f.split()) for f in forms),
                    key=len, reverse=True)
    return re.compile(rf"(?<![\w])(?:{'|'.join(bodies)})(?:['’]s)?(?![\w])")


@dataclass(frozen=True)
class PlaceIndex:
    """The table compiled for matching: every English name in one pattern, the Arabic forms
    under their first word, the relative-adjective stems by stem."""

    places: tuple[Place, ...]
    by_name: dict[str, Place]
    names: re.Pattern                                    # the English names, longest first
    english_forms: frozenset[str]                        # every English name and other form
    by_first: dict[str, list[tuple[Place, int]]]          # first Arabic word → (place, form)
    by_stem: dict[str, list[Place]]


@lru_cache(maxsize=1)
def index() -> PlaceIndex:
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
        out.append(Place(name, _english_pattern([name, *others]), forms, bare,
                         tuple(s for s in stems if len(s) >= 3)))
    by_first: dict[str, list[tuple[Place, int]]] = {}
    by_stem: dict[str, list[Place]] = {}
    for place in out:
        for k, (form, bare_form) in enumerate(zip(place.arabic, place.bare)):
            for first in {form[0], bare_form[0]}:
                by_first.setdefault(first, []).append((place, k))
        for stem in place.stems:
            by_stem.setdefault(stem, []).append(place)
    names = sorted((p.name for p in out), key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(
        r"[\s\-]+".join(re.escape(w) for w in n.split()) for n in names)
        + r")(?:['’]s)?(?![\w])")
    english = frozenset(f for name, others, _ar in lang.ar.PLACES for f in (name, *others))
    return PlaceIndex(tuple(out), {p.name: p for p in out}, pattern, english, by_first, by_stem)


def _candidates(word: str) -> tuple[frozenset[str], frozenset[str]]:
    """A normalised Arabic word without each proclitic it may carry: the forms left by a
    proclitic without the article (و، ب، ل، ف, or none), and apart those left by one that holds
    it (ال، وال، بال، لل...). A table form written with the article meets the second kind only
    in its article-less spelling, and one written without meets only the first: الرياض is the
    city, رياض in ورياض الأطفال "gardens"; مالي is Mali, المالي "financial"."""
    plain: set[str] = {word}
    definite: set[str] = set()
    for clitic in _PROCLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            held = clitic.endswith(_ARTICLE) or clitic.endswith("لل")
            (definite if held else plain).add(word[len(clitic):])
    return frozenset(plain), frozenset(definite)


@dataclass(frozen=True)
class ArabicText:
    """An Arabic text's words, normalised, with their spans and clitic-free candidates."""

    spans: tuple[tuple[int, int], ...]
    words: tuple[str, ...]
    candidates: tuple[frozenset[str], ...]     # every clitic-free form of each word
    #: per word, the forms left by a proclitic without the article, and by one with it
    plain: tuple[frozenset[str], ...] = ()
    definite: tuple[frozenset[str], ...] = ()
    #: per word, whether it is written with the tanwin of an indefinite common noun (كوبًا "a
    #: cup", normalised as كوبا "Cuba"): such a word may still match a place the English names,
    #: but is not reported as one it lacks.
    indefinite: tuple[bool, ...] = ()

    @classmethod
    def of(cls, text: str) -> ArabicText:
        matches = list(_AR_WORD.finditer(text))
        found = [(m.span(), normalize_arabic(m.group())) for m in matches]
        split = [_candidates(w) for _s, w in found]
        return cls(tuple(s for s, _w in found), tuple(w for _s, w in found),
                   tuple(p | d for p, d in split), tuple(p for p, _d in split),
                   tuple(d for _p, d in split),
                   tuple(bool(lang.ar.INDEFINITE.search(m.group())) for m in matches))

    def places(self, table: PlaceIndex) -> list[tuple[tuple[int, int], Place, set[str]]]:
        """Every place the text names: its span, the place of the longest form starting at
        that word, and the names of every place a form there belongs to (كوريا: Korea and
        South Korea)."""
        out = []
        for i, cands in enumerate(self.candidates):
            best: tuple[int, Place] | None = None
            every: set[str] = set()
            for cand in cands:
                for place, k in table.by_first.get(cand, ()):
                    form, bare = place.arabic[k], place.bare[k]
                    if cand not in (self.plain[i] if cand == form[0] else self.definite[i]):
                        continue    # see _candidates: the article where the name has none
                    n = len(form)
                    rest = self.words[i + 1:i + n]
                    if len(rest) == n - 1 and all(w in (form[j], bare[j])
                                                  for j, w in enumerate(rest, 1)):
                        every.add(place.name)
                        if best is None or n > best[0]:
                            best = (n, place)
            if best:
                span = (self.spans[i][0], self.spans[i + best[0] - 1][1])
                out.append((span, best[1], every))
        return out

    def names(self, place: Place, found: list[tuple[tuple[int, int], Place, set[str]]],
              table: PlaceIndex) -> bool:
        """The text names ``place``, or uses its relative adjective (الصينية for الصين)."""
        if any(place.name in every for _s, _p, every in found):
            return True
        for cands in self.candidates:
            for word in cands:
                for suffix in _NISBA:
                    # A name whose stem ends in ي takes the suffix's ي in place of its own:
                    # إيطاليا → الإيطالي، الإيطالية (not إيطاليي).
                    base = word[:-len(suffix)]
                    if word.endswith(suffix) and (place in table.by_stem.get(base, ())
                                                  or place in table.by_stem.get(base + "ي", ())):
                        return True
        return False


# Capitalised words after a place that do not make it part of a longer name: a title
# ("Egypt President Jair Bolsonaro") or a function word.
_TITLES = lang.en.NOT_NAMES


def _compound(text: str, start: int, end: int) -> bool:
    """The match is part of a longer capitalised name ("New Mexico", "China Daily"); not when
    it is possessive ("Chile's Health Ministry") or a title follows ("Egypt President")."""
    if re.search(r"['’]s$", text[start:end]):
        after = None
    else:
        after = re.match(r"[\s\-]+([A-Z][a-z]+)", text[end:])
        if after and after.group(1).lower() in _TITLES:
            after = None
    before = re.search(r"([A-Z][\w]*)[\s\-]+$", text[:start])
    if before:
        opener = text[:before.start()].rstrip(" \"“‘'(")
        if opener and opener[-1] not in ".!?:":
            return True
    return bool(after)


def unmatched_places(ar: str, en: str) -> list[tuple[str, tuple[int, int], str]]:
    """Places named on one side with no counterpart on the other, as ``(side, span, name)``
    with side ``"en"`` or ``"ar"``."""
    table = index()
    out: list[tuple[str, tuple[int, int], str]] = []
    english = [m for m in table.names.finditer(en) if not _compound(en, m.start(), m.end())]
    arabic_found: list[tuple[tuple[int, int], Place, set[str]]] | None = None
    stand_in = bool(_STAND_IN.search(en)) or _spare_acronym(ar, en)
    if english or not stand_in:
        arabic = ArabicText.of(ar)
        arabic_found = arabic.places(table)
    seen: set[str] = set()
    for m in english:
        name = re.sub(r"['’]s$", "", m.group())
        place = table.by_name.get(re.sub(r"[\s\-]+", " ", name))
        if place is None or place.name in seen:
            continue
        if re.search(rf"\b{re.escape(name.lower())}(?:e?s)?\b", en):
            # The same word in lower case ("Turkey coronavirus ... in turkeys"): a whole word,
            # so that "peruse" does not excuse Peru.
            continue
        seen.add(place.name)
        assert arabic_found is not None
        if not arabic.names(place, arabic_found, table):
            out.append(("en", m.span(), place.name))
    if arabic_found is None or stand_in:
        return out
    reported: set[str] = set()
    indefinite = {span[0] for span, tanwin in zip(arabic.spans, arabic.indefinite, strict=True)
                  if tanwin}
    for span, place, _every in arabic_found:
        if span[0] in indefinite:
            continue
        if place.name not in reported and not place.english.search(en):
            reported.add(place.name)
            out.append(("ar", span, place.name))
    return out
