"""``sentence-fragment``: a piece split off a sentence that cannot stand alone.

English: "… for the Iraqi Armed Forces. Especially after a member of Parliament said that …",
"… stayed up late. Reading polls in terror.", "… many fruits. Such as apples and pears." A
piece is a fragment when it opens with a word that starts a phrase or a dependent clause (a
participle, an example-list opener, a focusing adverb, a subordinator, a relative pronoun) and
no main clause follows: no comma after the opening phrase that is followed by a clause, and,
for a participle, no finite verb at all ("Washing hands is important" is a sentence).

Arabic: "… وتجمع. في نهاية المطاف بفعل الجاذبية." A piece opening with a free-standing
preposition or a relative pronoun is a fragment unless a comma closes the fronted phrase
("في عام 2010، أعلنت …") or "أن"/"إن" brings the subject ("من المتوقع أن …").

Only pieces that follow another in their paragraph are judged: a paragraph's first piece was
not split off anything (a list item, a heading).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..lang import ar, en
from ..model import Pair, Sentence, Severity
from ..segment.boundary import clause_word
from ..segment.english import is_abbreviation
from ..text import normalize_arabic
from ._support.base import Check, CheckContext, Hit
from ._support.sides import other_side
from ._support.walk import Placed, paragraphs, sides


@dataclass(frozen=True)
class FragmentParams:
    """Tunable limits."""

    min_participle: int = 5   # "Reading" counts, "Bed" and "Sing" do not
    max_verbless_words: int = 9  # "And small arms for the border guards": judged if this short
    list_item_words: int = 3  # a comma-separated chunk this short is a list item
    ar_fronted_words: int = 16  # a fronted phrase before its comma is at most this long
    ar_complementizer_window: int = 4  # "على الطلاب الهولنديين أن": أن within this many words
    ar_fronted_clause_words: int = 5  # "على الرغم من ذلك لم …": the verb within this many words


PARAMS = FragmentParams()

_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?")
_INNER_END = re.compile(r"[.!?؟][\"”’»)]*\s+(?=\S)")
_OPEN_QUOTES = "\"“‘'(«"
_CLOSERS = "\"”’»)] "
# Function words before an -s word: then it is a noun ("the results"), not a verb.
_BEFORE_NOUN = en.DETERMINERS | en.BEFORE_NAME | en.QUANTIFIERS
# Pronoun suffixes that close an Arabic noun phrase ("من فضلك", "بعد وصولهم").
_PRONOUN_SUFFIXES = ("ك", "كم", "ها", "هم", "هما", "نا")


def classify(text: str, params: FragmentParams = PARAMS) -> str | None:
    """Why an English piece has no main clause, or ``None``. ``"split"`` marks a piece that is
    a fragment only where it was cut off a sentence (an ambiguous subordinator such as "After",
    or "And" before a verbless phrase): the alignment, or the segmenter's doubt, must show it."""
    stripped = text.lstrip(_OPEN_QUOTES + " ")
    if "?" in stripped or "!" in stripped or not stripped[:1].isupper():
        return None  # a question or an exclamation; or not a sentence start this check reads
    words = _WORD.findall(stripped)
    if len(words) < 2:
        return None
    head = stripped.lower()
    first = words[0]
    lower = first.lower()
    if first.isupper() and len(first) > 1:
        return None  # "WHO recommends …": an acronym, not "who"
    opener = None
    for phrase in (*en.MULTIWORD_SUBORDINATORS, *en.EXAMPLE_OPENERS):
        if re.match(re.escape(phrase) + r"\b", head):
            opener = phrase
            break
    if opener is None and (lower in en.FOCUS_ADVERBS or lower in en.RELATIVE_PRONOUNS
                           or lower in en.SUBORDINATORS):
        opener = lower
    participle = False
    if opener is None and _participle(words, stripped, params):
        opener, participle = lower, True
    if opener is None:
        if lower in en.COORDINATORS and "," not in stripped and not _finite(words[1:]) and \
                len(words) <= params.max_verbless_words:
            return "split"  # "And small arms for the border guards."
        return None
    if _main_clause_after_comma(stripped, params):
        return None
    if participle and _finite(words[1:]):
        return None  # "Washing hands prevents …": a gerund subject
    if lower in en.SUBORDINATORS and _finite_count(words[1:]) > 1:
        return None  # "Since this does not … this method can …": a comma left out
    if lower in en.AMBIGUOUS_SUBORDINATORS and opener == lower:
        return "split"
    if lower in en.RELATIVE_PRONOUNS or opener in en.EXAMPLE_OPENERS or lower in en.FOCUS_ADVERBS:
        return f"it opens with '{' '.join(stripped.split()[:len(opener.split()) + 1])}'"
    return f"it opens with '{stripped.split()[0]}'"


def _participle(words: list[str], text: str, params: FragmentParams) -> bool:
    first = words[0]
    low = first.lower()
    if len(first) < params.min_participle or not low.endswith(("ing", "ed")):
        return False
    if not re.search("[aeiouy]", low[:-3] if low.endswith("ing") else low[:-2]):
        return False  # "Bring", "Spring", "Thing": no verb stem before the ending
    after = text[len(first):len(first) + 1]
    return after != ","  # "Indeed, …", "Interestingly, …": a sentence adverb


def _finite_at(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is a sign of a finite verb: an auxiliary or modal, a contraction
    after a pronoun ("it's", not "the world's"), an -ed form after a subject pronoun, or an -s
    form between a word that is not a determiner or preposition and an object ("… origins of
    HCoVs provides a framework")."""
    w = words[k]
    low = w.lower()
    prev = words[k - 1].lower() if k > 0 else ""
    nxt = words[k + 1].lower() if k + 1 < len(words) else ""
    if low in en.AUXILIARIES:
        return True
    if en.CONTRACTION.search(w):
        return re.split("['’]", low)[0] in en.SUBJECT_PRONOUNS or "n't" in low or "n’t" in low
    if w[:1].isupper() or not prev:
        return False
    if len(low) > 4 and low.endswith("ed"):
        return prev in en.SUBJECT_PRONOUNS
    return len(low) > 3 and low.endswith("s") and not low.endswith(("ss", "us", "is")) \
        and prev not in _BEFORE_NOUN and nxt in en.OBJECT_OPENERS


def _finite(words: list[str]) -> bool:
    return any(_finite_at(words, k) for k in range(len(words)))


def _finite_count(words: list[str]) -> int:
    """Verb groups: runs of finite signs count once ("are required"); verbs of a relative
    or "that" clause inside the piece do not count."""
    for k, w in enumerate(words):
        if k > 0 and (w.lower() in en.RELATIVE_PRONOUNS or w.lower() == "that"):
            words = words[:k]
            break
    flags = [_finite_at(words, k) for k in range(len(words))]
    return sum(f and (k == 0 or not flags[k - 1]) for k, f in enumerate(flags))


def _main_clause_after_comma(text: str, params: FragmentParams) -> bool:
    """A comma that closes the opening phrase and is followed by a clause, not by a list item
    or another dependent phrase."""
    parts = text.split(",")
    for k in range(1, len(parts)):
        words = _WORD.findall(parts[k])
        if not words:
            continue
        first = words[0].lower()
        if first in en.RELATIVE_PRONOUNS or first in en.SUBORDINATORS or first in en.COORDINATORS \
                or first.endswith("ing"):
            continue
        rest = ",".join(parts[k:])
        rest_words = _WORD.findall(rest)
        chunks = [c for c in re.split(r",|\band\b|\bor\b", rest) if c.strip()]
        list_like = all(len(c.split()) <= params.list_item_words for c in chunks)
        subject = first in en.SUBJECT_PRONOUNS - {"that", "what"} or first in en.DETERMINERS
        if _finite(rest_words) or (len(rest_words) >= 5 and not list_like) or \
                (subject and len(rest_words) >= 3):
            return True  # "…, the ceasefire held.", "…, it took another route."
    return False


def arabic_reason(text: str, params: FragmentParams = PARAMS) -> str | None:
    """Why an Arabic piece has no main clause, or ``None``."""
    stripped = text.lstrip(_OPEN_QUOTES + " ")
    raw = ar.WORD.findall(stripped)
    tokens = stripped.split()
    if not raw or not tokens or tokens[0] != raw[0] or "؟" in stripped or "!" in stripped:
        return None  # a question or an exclamation ("إلى اللقاء!") stands as an utterance
    words = [normalize_arabic(w) for w in raw]
    first = words[0]
    if first in ar.RELATIVE_PRONOUNS_N:
        return f"it opens with the relative pronoun '{raw[0]}'"
    if first not in ar.FRAGMENT_PREPOSITIONS_N:
        return None
    if _ar_fronted_phrase(stripped, params):
        return None  # "في عام 2010، أعلنت …": the comma closes a fronted phrase
    if first in ar.PREDICATE_PREPOSITIONS_N and any(
            w in ar.COMPLEMENTIZERS_N for w in words[1:params.ar_complementizer_window + 1]):
        return None  # "من المتوقع أن …", "على الطلاب أن …": the subject comes after أن
    return f"it opens with the preposition '{raw[0]}'"


def fronted_clause(text: str, params: FragmentParams = PARAMS) -> bool:
    """Whether an Arabic piece opens with a short fronted phrase closed by a word that ends a
    noun phrase (one with the article, a demonstrative, a pronoun suffix), then at once what
    opens a clause: a particle of negation or tense, a personal pronoun, or a verb. Everyday
    writing fronts a phrase without a comma ("منذ ذلك الحين لم أره", "في النهاية نجحت"); after
    an indefinite word a verb opens an adjectival clause instead ("في بلد لا يعرف"), which
    leaves the piece a fragment. Such a piece is a sentence, or the tail of one whose head was
    cut ("… الشوارع أو. في الملهى تغنيان."): only a translation that breaks at the same spot
    tells which, so :func:`_judge` asks this only then."""
    raw = ar.WORD.findall(text)
    words = [normalize_arabic(w) for w in raw]
    for k in range(2, min(len(words), params.ar_fronted_clause_words + 1)):
        before = words[k - 1]
        bare = before[1:] if before[:1] in ar.CONJUNCTION_CLITICS else before
        if {before, bare} & (ar.RELATIVE_PRONOUNS_N | ar.COMPLEMENTIZERS_N | ar.PARTICLES_N
                             | ar.CONJUNCTIONS_N):
            return False  # "… والذي ينظم": a relative clause, not the main one
        if _closes_phrase(raw[k - 1], before) and clause_word(raw[k]):
            return True
    return False


def _english_clause(pair: Pair, side: str, other: tuple[Sentence, ...]) -> bool:
    """Whether the pair is one Arabic sentence and one English one, and the English has a main
    clause: a finite verb outside any relative clause, or "Please" before an imperative. The
    translator read the Arabic piece as a sentence of its own ("في شقتنا غرفتا نوم وشرفة." "Our
    flat has two bedrooms and a balcony.", "من فضلك أغلق النافذة." "Please close the window.")."""
    if len(pair.side(side)) != 1 or len(other) != 1:
        return False
    words = _WORD.findall(other[0].text)
    return bool(words) and (words[0].lower() == "please" or _finite_count(words) > 0)


def _closes_phrase(raw: str, norm: str) -> bool:
    return ar.is_definite(raw) or norm in ar.DEMONSTRATIVES_N or (
        len(norm) >= 4 and norm.endswith(_PRONOUN_SUFFIXES) and norm not in ar.MONTHS_N)


def _ar_fronted_phrase(text: str, params: FragmentParams) -> bool:
    """A comma soon after the opening preposition, followed by what can start a clause (a
    verb, "فإن"), not by a noun with the article, a preposition or a relative pronoun."""
    for m in re.finditer(f"[{ar.COMMAS}]", text):
        before = ar.WORD.findall(text[:m.start()])
        if len(before) > params.ar_fronted_words:
            return False
        after = ar.WORD.findall(text[m.end():])
        if not after:
            return False
        nxt = normalize_arabic(after[0])
        # The article as written: "ألقى" normalises to a word that starts like it.
        if ar.DIACRITICS.sub("", after[0]).startswith(ar.ARTICLE) or \
                nxt in ar.FRAGMENT_PREPOSITIONS_N or nxt in ar.RELATIVE_PRONOUNS_N or \
                (nxt[:1] in "بل" and nxt[1:3] == ar.ARTICLE):
            continue
        return True
    return False


@dataclass(frozen=True)
class Piece:
    """A sentence, or the part of one after a break the aligner ran through."""

    placed: Placed
    start: int        # offset in the sentence text
    text: str
    joined: bool      # cut inside one segment: the aligner or the segmenter ran through it


def pieces(para: list[Placed]) -> list[Piece]:
    """A paragraph's sentences, cut again at every end mark inside them (a break the
    segmenter doubted or the aligner joined over)."""
    out = []
    for p in para:
        text = p.sentence.text
        inner = {off for off, _c, _r in p.sentence.joins}
        inner.update(m.end() for m in _INNER_END.finditer(text)
                     if not _abbreviated(text[:m.start()]))
        cuts = sorted({0, *inner, len(text)})
        for k in range(len(cuts) - 1):
            raw = text[cuts[k]:cuts[k + 1]]
            lead = len(raw) - len(raw.lstrip())
            if raw.strip():
                out.append(Piece(p, cuts[k] + lead, raw.strip(), k > 0))
    return out


def _abbreviated(before: str) -> bool:
    """Whether the full stop after ``before`` closes an abbreviation ("Lt. Col. Ahmed", "ق.م.")
    rather than a sentence."""
    # The last few characters hold any abbreviation: a runaway sentence is not split again at
    # each of its marks.
    words = before[-24:].split()
    word = words[-1].lstrip(_OPEN_QUOTES) if words else ""
    return bool(word) and (is_abbreviation(word) or ar.is_abbreviation(word))


def find(ctx: CheckContext) -> Iterator[Hit]:
    for side, lang in sides(ctx):
        if lang not in ("en", "ar"):
            continue
        for para in paragraphs(ctx, side):
            parts = pieces(para)
            for k in range(1, len(parts)):  # a paragraph's first piece was not split off
                if parts[k - 1].text.rstrip(_CLOSERS)[-1:] not in ".!":
                    continue  # after ";" or ":" a phrase may follow
                hit = _judge(ctx, parts[k], parts[k - 1], lang)
                if hit:
                    yield hit


def _judge(ctx: CheckContext, piece: Piece, before: Piece, lang: str) -> Hit | None:
    text = piece.text
    reason = classify(text) if lang == "en" else arabic_reason(text)
    if reason is None:
        return None
    p = piece.placed
    if lang == "ar" and piece.joined and ctx.bilingual:
        return None  # the translation runs on over this stop: stray-period reports it
    pair = ctx.pairs[p.pair]
    other = pair.side(other_side(p.side))
    split = piece.joined or (before.placed.pair == p.pair and len(other) == 1)
    if reason == "split":
        if not split:
            return None
        first = text.split()[0]
        reason = (f"a piece with no verb opening with '{first}'"
                  if first.lower() in en.COORDINATORS else f"it opens with '{first}'")
    if lang == "ar" and other and not split and (
            fronted_clause(text) or _english_clause(pair, p.side, other)):
        return None  # the translation breaks here too, and the piece has a clause of its own
    where = " The translation keeps it in one sentence with the one before." \
        if split and other else ""
    start = p.offset + piece.start
    if lang == "en":
        prev = before.text.rstrip().rstrip(".")
        glue = " " if text.split()[0].lower() in en.COORDINATORS else ", "
        joined = " ".join(prev.split()[-3:]) + glue + _head(text[:1].lower() + text[1:])
        suggestion = f"Join it to the sentence before ('…{joined}'), or give it a main clause."
    else:
        prev = before.text.rstrip().rstrip(".")
        joined = " ".join(prev.split()[-3:]) + " " + _head(text)
        suggestion = f"Join it to the sentence before ('…{joined}')."
    return Hit(p.pair, p.side, (start, start + len(text)),
               f"Sentence fragment: '{_head(text)}' has no main clause ({reason}); it was "
               f"split off the sentence before.{where}", suggestion)


def _head(text: str, words: int = 4) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


CHECKS = (Check("sentence-fragment", Severity.WARNING,
                "A sentence that is only a phrase or a dependent clause split off the sentence "
                "before ('Especially after …', 'Including …', 'في نهاية المطاف …').", find,
                bilingual=False),)
