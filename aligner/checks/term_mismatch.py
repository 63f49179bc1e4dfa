"""``term-mismatch``: a glossary term in the source whose accepted renderings are all missing
from the aligned translation, or a rendering the glossary marks as wrong.

Severity policy: an absent rendering is a ``warning``: translators legitimately refer back with
"the council" or a pronoun, so absence alone does not prove a reader is misled. A rendering the
glossary marks deprecated (a known mistranslation) present in the translation is an ``error``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

from ..glossary import Glossary, Term, load_glossary
from ..lang import ar
from ..model import SRC, TGT, Pair, Severity
from ..text import normalize_arabic
from ._support.base import Check, CheckContext, Hit
from ._support.sides import arabic_english

_AR_WORD = ar.WORD_EXTENDED
# Proclitics (conjunction, preposition, article) a term's first word may carry, longest first.
_CLITICS = ar.PROCLITICS
_APOSTROPHES = "'’‘ʿʾ`´"
# British and American spellings of the same length, folded to one form for matching.
_SPELLINGS = (("isation", "ization"), ("defence", "defense"), ("offence", "offense"),
              ("centre", "center"))


@dataclass(frozen=True)
class _Compiled:
    """A glossary entry ready for matching; rendering patterns are built only when needed, and
    then once: a term the document repeats is looked up in many pairs."""

    term: Term
    forms: tuple[tuple[str, ...], ...]   # each Arabic form as normalised words (first: core)

    @cached_property
    def good(self) -> tuple[re.Pattern, ...]:
        """Patterns of the accepted renderings."""
        return tuple(rendering_pattern(r) for r in self.term.en)

    @cached_property
    def wrong(self) -> tuple[tuple[str, re.Pattern], ...]:
        """The renderings the glossary marks wrong, each with its pattern."""
        return tuple((r, rendering_pattern(r)) for r in self.term.wrong)


def _bare(word: str) -> str:
    """A word without its article: a term's first word is compared after the clitics of
    running text are taken off, and its later words with the article optional
    (قطع الغيار ~ قطع غيار)."""
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def _cores(word: str) -> dict[str, int]:
    """What a running-text word may be once its proclitics are taken off, each with how many
    leading letters are a conjunction or preposition (the article stays part of the term)."""
    out = {word: 0}
    out.setdefault(_bare(word), 0)
    for clitic in _CLITICS:
        if word.startswith(clitic) and len(word) - len(clitic) >= 2:
            # "وال" → the span starts at the article; "لل" (ل + ال) stays whole.
            shift = len(clitic) - 2 if clitic.endswith(("ال", "لل")) else len(clitic)
            out.setdefault(word[len(clitic):], shift)
    return out


def _skip_letters(text: str, start: int, letters: int) -> int:
    """Offset in ``text`` after ``letters`` letters from ``start``, diacritics not counted."""
    pos = start
    while letters > 0 and pos < len(text):
        pos += 1
        while pos < len(text) and (unicodedata.combining(text[pos]) or text[pos] == "\u0640"):
            pos += 1
        letters -= 1
    return pos


def fold_latin(text: str) -> str:
    """Lower case, no accents, one apostrophe, one spelling: same length as ``text``."""
    if text.isascii():
        folded = text.lower().replace("`", "'")
    else:
        out = []
        for ch in text:
            base = unicodedata.normalize("NFD", ch)[0]
            low = base.lower()
            out.append("'" if ch in _APOSTROPHES else (low if len(low) == 1 else base))
        folded = "".join(out)
    for british, american in _SPELLINGS:
        folded = folded.replace(british, american)
    return folded


def _fold_marks(text: str) -> tuple[str, list[int]]:
    """:func:`fold_latin` of ``text`` without its combining marks, and where each folded
    character is in ``text``.

    Decomposed text ("Ḥ" as "H" + U+0323, as some editors and PDF extractors write it) must
    match like composed text; folding drops accents anyway, so the marks are simply skipped.
    """
    kept = [i for i, ch in enumerate(text) if not (unicodedata.combining(ch) and i)]
    if len(kept) == len(text):
        return fold_latin(text), kept
    return fold_latin("".join(text[i] for i in kept)), kept


def _original_span(text: str, where: list[int], span: tuple[int, int]) -> tuple[int, int]:
    """A span of the folded text as a span of ``text``, the last letter's marks included."""
    start, end = where[span[0]], where[span[1] - 1] + 1
    while end < len(text) and unicodedata.combining(text[end]):
        end += 1
    return start, end


def rendering_pattern(rendering: str) -> re.Pattern:
    """A pattern for one English rendering: case-insensitive (acronyms excepted), words joined
    by spaces or hyphens, each word optionally plural (-s, -es, -y → -ies) or possessive."""
    acronym = rendering.replace(".", "").isupper() and len(rendering) <= 6
    text = rendering if acronym else fold_latin(rendering)
    parts = []
    for word in re.split(r"[\s\-]+", text.strip()):
        esc = re.escape(word).replace("'", "'?")
        if word.endswith("y") and not acronym:
            esc = re.escape(word[:-1]) + "(?:y|ies)"
        parts.append(esc + r"(?:s|es)?(?:'s|s')?")
    # Up to two words may come between a rendering's words: "security and army forces".
    body = r"(?:[\s\-]+[\w']+){0,2}?[\s\-]+".join(parts)
    return re.compile(r"(?<![\w])" + body + r"(?![\w])")


def compile_glossary(glossary: Glossary) -> tuple[_Compiled, ...]:
    """The glossary's entries with their Arabic forms normalised for matching (entries with no
    Arabic word left out)."""
    out = []
    for term in glossary.terms:
        forms = []
        for form in term.ar:
            words = tuple(normalize_arabic(w) for w in _AR_WORD.findall(form))
            if words:
                forms.append((_bare(words[0]), *(_bare(w) for w in words[1:])))
        if forms:
            out.append(_Compiled(term, tuple(forms)))
    return tuple(out)


#: Each Arabic form of the glossary under its first word, with its entry.
TermIndex = dict[str, list[tuple[tuple[str, ...], _Compiled]]]


def index_terms(compiled: tuple[_Compiled, ...]) -> TermIndex:
    """The glossary's forms by first word: built once per document, not once per pair."""
    by_core: TermIndex = {}
    for entry in compiled:
        for form in entry.forms:
            by_core.setdefault(form[0], []).append((form, entry))
    return by_core


def find_terms(text: str, by_core: TermIndex) -> list[tuple[int, int, _Compiled]]:
    """Glossary terms in an Arabic text as ``(start, end, entry)``; the longest match wins."""
    words = [(m.start(), m.end(), normalize_arabic(m.group())) for m in _AR_WORD.finditer(text)]
    bares = [_bare(w) for _s, _e, w in words]
    found = []
    for i, (w_start, _w_end, word) in enumerate(words):
        best = None
        for core, shift in _cores(word).items():
            for form, entry in by_core.get(core, ()):
                n = len(form)
                if i + n > len(words) or (best is not None and n <= best[0]):
                    continue
                if all(bares[i + k] == form[k] for k in range(1, n)):
                    best = (n, entry, shift)
        if best:
            start = _skip_letters(text, w_start, best[2])
            found.append((start, words[i + best[0] - 1][1], best[1], i, i + best[0]))
    # Drop matches that start inside a longer, earlier one.
    kept: list = []
    for f in found:
        if kept and f[3] < kept[-1][4]:
            continue
        kept.append(f)
    return [(s, e, entry) for s, e, entry, _i, _j in kept]


def _present(pattern: re.Pattern, text: str, folded: str) -> re.Match | None:
    # Acronym patterns are case-sensitive and run on the raw text; others on the folded copy.
    return pattern.search(folded) or pattern.search(text)


def check_pair(pair: Pair, terms: TermIndex, glossary_name: str,
               ar_side: str = SRC, en_side: str = TGT) -> Iterator[Hit]:
    """Term hits of one pair; spans of missing renderings are on the Arabic term."""
    if not pair.src or not pair.tgt:
        return
    ar = pair.text(ar_side)
    en = pair.text(en_side)
    folded, where = _fold_marks(en)
    for start, end, entry in find_terms(ar, terms):
        term = entry.term
        written = ar[start:end]
        for rendering, pattern in entry.wrong:
            m = pattern.search(folded)
            if m:
                span = _original_span(en, where, m.span())
                yield Hit(pair.id, en_side, span,
                          f"'{en[span[0]:span[1]]}' renders the glossary term '{written}', "
                          f"but the glossary marks '{rendering}' as a wrong rendering.",
                          f"Replace it with '{term.preferred}'.", Severity.ERROR)
                break
        else:
            if any(_present(p, en, folded) for p in entry.good):
                continue
            others = ", ".join(f"'{r}'" for r in term.en[1:4])
            also = f" (or {others})" if others else ""
            yield Hit(pair.id, ar_side, (start, end),
                      f"Glossary term '{written}' should be rendered as '{term.preferred}'"
                      f"{also}, but the English has none of its accepted renderings.",
                      f"Check how '{written}' was translated and use '{term.preferred}'; if the "
                      f"rendering used is also correct, add it to the glossary "
                      f"({glossary_name}).")


def find(ctx: CheckContext) -> Iterator[Hit]:
    sides = arabic_english(ctx)
    if sides is None:
        return  # the glossary is Arabic-English
    glossary = load_glossary(ctx.options.glossary)
    terms = index_terms(compile_glossary(glossary))
    name = glossary.file.rsplit("/", 1)[-1]
    for pair in ctx.pairs:
        yield from check_pair(pair, terms, name, *sides)


CHECKS = (Check("term-mismatch", Severity.WARNING,
                "A glossary term in the Arabic with none of its accepted English renderings in "
                "the aligned English (error when a rendering the glossary marks wrong is used).",
                find),)
