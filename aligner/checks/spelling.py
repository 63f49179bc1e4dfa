"""``spelling``: a word of the English side that the dictionary does not know ("goverment").

The dictionary is pyspellchecker's English word list (installed from PyPI with the ``spelling``
extra). Without it the check finds nothing and the run says so in a notice. Words that a
dictionary cannot judge are skipped: anything with a capital letter (names, acronyms, the first
word of a sentence is the one exception, read in lower case), a digit or a letter outside
English's alphabet, fewer than ``min_length`` letters, and the parts of web and e-mail
addresses. Hyphenated compounds are checked part by part, contractions by their stem ("doesn't"
→ "does"), and British spellings by their American form ("behaviour"). A typo is a slip of one
letter: a word is reported only when one edit turns it into a known word, and only when it is
used once in the document (a word used again is the text's own term: "cytokines",
"coronaviruses"). Measured on TICO-19 and FLORES-200, where a general word list misses much of
the medical and travel vocabulary. The project's own
words go in a word list, one per line (``[align] spelling-words``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..inputs import DEFAULT_MAX_BYTES, read_input
from ..model import Severity
from ._support.base import Check, CheckContext, Hit
from ._support.walk import placed, sides
from .urls_emails import addresses


@dataclass(frozen=True)
class SpellingParams:
    """Which words the dictionary is asked about (docs/tuning.md)."""

    min_length: int = 5        # shorter words have too many neighbours to call a typo
    suggest_max_length: int = 20  # longer words are not looked up for a correction


PARAMS = SpellingParams()

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
#: British spellings rewritten to the American ones the dictionary holds (honour, recognise,
#: metre, programme, travelled, analyse).
_BRITISH = ((re.compile(r"our(?=s?$|ed$|ing$|able$|al$|ite)"), "or"),
            (re.compile(r"is(?=e[sd]?$|ing$|ation)"), "iz"),
            (re.compile(r"tre(?=s?$)"), "ter"), (re.compile(r"mme(?=s?$)"), "m"),
            (re.compile(r"ll(?=ed$|ing$|er$)"), "l"), (re.compile(r"ys(?=e[sd]?$|ing$)"), "yz"),
            (re.compile(r"(?<=\w)ae|^ae"), "e"), (re.compile(r"(?<=\w)oe(?=\w)"), "e"))
#: Inflections a short word list may lack: the word is known when its base is ("attaches",
#: "ramping").
_INFLECTIONS = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"),
                ("ing", ""), ("ing", "e"), ("ly", ""))
#: Prefixes that English attaches to any word ("microclimates", "resubmit", "nonviral").
_PREFIXES = ("anti", "co", "counter", "de", "inter", "micro", "mis", "multi", "non", "over",
             "post", "pre", "re", "semi", "sub", "super", "trans", "un", "under")
_CLITICS = ("n't", "'s", "'re", "'ll", "'ve", "'d", "'m", "s'")


@lru_cache(maxsize=1)
def dictionary() -> Any | None:
    """The English spell checker, loaded once per process; ``None`` when not installed."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    return SpellChecker(language="en", distance=1)


NOTICE = ("spelling: no English dictionary installed (pip install 'aligner[spelling]'): "
          "spelling not checked")


def read_word_list(path: str | Path) -> frozenset[str]:
    """The user's words, one per line (``#`` starts a comment), in lower case."""
    try:
        raw = read_input(Path(path), DEFAULT_MAX_BYTES, "spelling word list ")
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ConfigError("spelling word list is not UTF-8 text", str(path)) from None
    words = (line.split("#", 1)[0].strip().casefold() for line in text.splitlines())
    return frozenset(w for w in words if w)


def stem(word: str) -> str:
    """The word with a contraction or possessive ending removed."""
    folded = word.replace("’", "'").casefold()
    if "'" not in folded:
        return folded  # every clitic has an apostrophe: the common case, kept fast
    for clitic in _CLITICS:
        if folded.endswith(clitic) and len(folded) > len(clitic):
            return folded[:-len(clitic)]
    return folded


def british(word: str) -> list[str]:
    """The American forms a British spelling may stand for."""
    return [pattern.sub(american, word) for pattern, american in _BRITISH
            if pattern.search(word)]


def inflected(word: str, known: Any) -> bool:
    """Whether the word is an inflection of a known base ("attaches" of "attach")."""
    for ending, base_end in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            base = word[:-len(ending)] + base_end
            if base in known:
                return True
            if ending in ("ed", "ing") and len(base) > 3 and base[-1] == base[-2] and \
                    base[:-1] in known:
                return True  # a doubled consonant: "planned", "stopping"
    return False


_NAME_NEXT = re.compile(r"\s+[A-Z][a-z]")


def misspelt(text: str, known: Any, user: frozenset[str], first: bool,
             params: SpellingParams = PARAMS) -> Iterator[tuple[str, tuple[int, int]]]:
    """``(word, span)`` for each word of ``text`` the dictionary and the user list lack.
    ``known`` answers ``word in known``; ``first``: the text starts a sentence."""
    skip = [span for _a, span in addresses(text)]
    for m in _WORD.finditer(text):
        word = m.group()
        if not word.isascii():
            continue
        if any(s[0] <= m.start() < s[1] for s in skip):
            continue
        if text[m.end():m.end() + 1].isdigit() or text[m.start() - 1:m.start()].isdigit():
            continue  # a code such as "A4" or "3rd"
        if text[m.end():m.end() + 1] in ("-", "/") or text[m.start() - 1:m.start()] in ("-", "/"):
            continue  # a compound coins words ("tippy-tap", "multi-organ", "replicase/…")
        if any(ch.isupper() for ch in word[1:]) or (word[0].isupper() and
                                                     not (first and m.start() == 0)):
            continue
        base = stem(word)
        if len(base) < params.min_length or base in user or base in known:
            continue
        if word.casefold() in known or word.casefold() in user:
            continue
        if any(form in known for form in british(base)) or inflected(base, known):
            continue
        if m.start() == 0 and _NAME_NEXT.match(text, m.end()):
            continue  # a sentence that opens with a name: "Maurizio Massari, Italy's …"
        if any(base.startswith(p) and len(base) - len(p) >= 4 and base[len(p):] in known
               for p in _PREFIXES):
            continue
        yield word, (m.start(), m.end())


class _Known:
    """``word in known``: the dictionary's answer, asked once per word of a run."""

    def __init__(self, checker: Any) -> None:
        self.checker = checker
        self.verdict: dict[str, bool] = {}

    def __contains__(self, word: str) -> bool:
        if word not in self.verdict:
            self.verdict[word] = bool(self.checker.known([word]))
        return self.verdict[word]


def _uses(counts: Counter[str], word: str) -> int:
    """How often the document uses a word, its plural or singular and its possessive
    ("cytokine", "cytokines")."""
    base = stem(word)
    base = base[:-1] if base.endswith("s") else base
    return sum(counts[form] for form in (base, base + "s", base + "'s", base + "’s"))


def find(ctx: CheckContext) -> Iterator[Hit]:
    checker = dictionary()
    if checker is None:
        return
    path = ctx.options.spelling_words
    user = read_word_list(path) if path else frozenset()
    known = _Known(checker)
    for side, lang in sides(ctx):
        if lang != "en":
            continue
        sentences = list(placed(ctx, side))
        # Counted by spelling; a flagged word's lemma is looked up in its few forms.
        counts = Counter(w.casefold() for p in sentences for w in _WORD.findall(p.sentence.text))
        for p in sentences:
            for word, (start, end) in misspelt(p.sentence.text, known, user, True):
                if _uses(counts, word) > 1 or len(word) > PARAMS.suggest_max_length:
                    continue
                fixes = sorted(checker.candidates(word.casefold()) or (),
                               key=lambda w: -checker.word_usage_frequency(w))
                fixes = [f for f in fixes if f != word.casefold()]
                if not fixes:
                    continue  # no known word one letter away: a term, not a typo
                yield Hit(p.pair, side, (p.offset + start, p.offset + end),
                          f"'{word}' is not in the English dictionary.",
                          f"Did you mean '{fixes[0]}'? If the word is right, add it to the "
                          "spelling word list.")


CHECKS = (Check("spelling", Severity.INFO,
                "An English word the dictionary does not know ('goverment'); names, acronyms "
                "and words in the user's list are skipped.", find, bilingual=False),)
