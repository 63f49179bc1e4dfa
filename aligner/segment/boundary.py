"""How likely an Arabic full stop is stray (inside a sentence) rather than a real sentence end.

A logistic regression over the stop's context, fitted to data by
``scripts/fit_boundary_model.py`` and shipped in ``aligner/data/ar_boundary.tsv``:

* word classes of the word before the stop and the word after it, read from a lexicon derived
  from UD Arabic-PUD (part of speech of the word's last and first syntactic token, construct
  state, whether the token leans on a word to its right or left) and from how often the word
  ends or opens a sentence in the tune split (TICO-19, UD-PUD, the sentences written for the
  project);
* shapes that need no lexicon: the article, a plural or nisba ending shared by both words
  (agreement), a pronoun suffix, the accusative ending, a digit, a quote mark, a proclitic
  conjunction on the next word, a comma shortly after (a fronted phrase);
* whether the fragment before or after the stop has only a word or two.

Positives were ". " inserted inside real sentences, negatives the real ends between consecutive
sentences of a document, all from the tune split only; figures on the test split are printed by
``benchmarks/source_faults.py``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..lang import ar
from ..text import ARABIC_DIACRITICS, TATWEEL, ascii_digits, normalize_arabic

DATA_FILE = "ar_boundary.tsv"

#: Counts kept per word in the lexicon, in the data file's column order. ``ud_*`` come from
#: UD Arabic-PUD (``ud_n`` occurrences; ``last_*`` describe the word's last syntactic token,
#: ``first_*`` its first), ``occ``/``ends``/``opens`` from the tune split's sentences.
COLUMNS = ("ud_n", "last_adp", "last_conj", "last_part", "last_det", "last_pron", "last_cons",
           "last_headright", "first_adj", "first_verb", "first_conj", "first_adp", "first_gen",
           "first_headleft", "occ", "ends", "opens")
UD_LAST = COLUMNS[1:8]
UD_FIRST = COLUMNS[8:14]

#: Closing and opening quotes and brackets, around a full stop.
CLOSERS = "\"”»’)]"
OPENERS = "\"“«‘("
_EDGE = CLOSERS + OPENERS + "،,.؛:;!?؟…-–—"
_END_MARK = re.compile(rf"[.!?؟۔][{re.escape(CLOSERS)}]*\s")
_LETTER = re.compile(f"[{ar.LETTERS}]")
_PRONOUN_SUFFIX = ("ه", "ها", "هم", "هما", "هن", "كم", "نا")
_PLURALS = ("ين", "ون", "ات")


@dataclass(frozen=True)
class BoundaryParams:
    """Constants of the feature extraction (the weights themselves live in the data file)."""

    #: Shrinkage of a word's class fractions towards the global rate, in pseudo-occurrences.
    prior_count: float = 2.0
    #: How far back and ahead to look for the fragment's length, in characters (keeps the cost
    #: of scoring one stop constant however long the paragraph is).
    window: int = 120
    #: A fragment of this many words or fewer is "short" (a feature of its own).
    short_words: int = 2
    #: Fragment lengths are capped here (in words): beyond it, length says nothing more.
    max_words: int = 40


PARAMS = BoundaryParams()


@dataclass(frozen=True)
class Context:
    """What the model reads around one full stop."""

    prev: str              # the word before the stop (edge punctuation stripped)
    next: str              # the word after it
    after: str             # up to a few words after the stop, raw
    words_before: int      # words since the previous sentence end (or paragraph start)
    words_after: int       # words up to the next sentence end (or paragraph end)
    opener: str            # the quote or bracket right after the stop, if any


def context(text: str, mark: int, after: int, params: BoundaryParams = PARAMS) -> Context:
    """The context of the full stop at ``text[mark]``; ``after`` is where the next text starts.

    Looks at most ``params.window`` characters either side, so scoring every stop of a
    paragraph is linear in its length.
    """
    left = text[max(0, mark - params.window):mark]
    right = text[after:after + params.window]
    words = left.split()
    prev = _strip(words[-1]) if words else ""
    ends = list(_END_MARK.finditer(left))
    fragment = left[ends[-1].end():] if ends else left
    rest = right.lstrip()
    nxt_words = rest.split()
    nxt = _strip(nxt_words[0]) if nxt_words else ""
    m = _END_MARK.search(rest + " ")
    following = rest[:m.start()] if m else rest
    return Context(prev, nxt, " ".join(nxt_words[:6]),
                   min(len(fragment.split()), params.max_words),
                   min(len(following.split()) + (1 if m else 0), params.max_words),
                   rest[:1] if rest[:1] in OPENERS else "")


def _strip(word: str) -> str:
    return word.strip(_EDGE)


def _light(word: str) -> str:
    """Without diacritics or tatweel, ta marbuta kept (``normalize_arabic`` merges it with ha)."""
    return ascii_digits(ARABIC_DIACRITICS.sub("", word).replace(TATWEEL, ""))


def _definite(word: str) -> bool:
    return word.startswith(ar.DEFINITE_PREFIXES) or (
        len(word) > 4 and word[0] in ar.CLITIC_LETTERS_N and word[1:].startswith(ar.ARTICLE))


@dataclass(frozen=True)
class BoundaryModel:
    """Fitted weights plus the word lexicon they read."""

    weights: Mapping[str, float]
    bias: float
    lexicon: Mapping[str, tuple[int, ...]]
    #: Global rate of each class fraction (and of ``ends``/``opens`` per ``occ``).
    rates: Mapping[str, float]
    #: Mean of each feature over the real sentence ends it was fitted on, so that
    #: :meth:`explain` names what sets a stop apart from an ordinary end.
    means: Mapping[str, float] = field(default_factory=dict)
    params: BoundaryParams = PARAMS

    def stray_probability(self, text: str, mark: int, after: int) -> float:
        """Probability (with balanced classes) that the stop at ``text[mark]`` is stray."""
        return self.probability(features(context(text, mark, after, self.params), self))

    def logit(self, feats: Mapping[str, float]) -> float:
        """Log-odds that the stop is stray (balanced classes)."""
        return self.bias + sum(self.weights.get(k, 0.0) * v for k, v in feats.items())

    def probability(self, feats: Mapping[str, float]) -> float:
        z = self.logit(feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def explain(self, feats: Mapping[str, float], top: int = 1) -> list[str]:
        """The features that pushed most towards "stray", strongest first."""
        parts = sorted(((self.weights.get(k, 0.0) * (v - self.means.get(k, 0.0)), k)
                        for k, v in feats.items()), reverse=True)
        return [k for c, k in parts[:top] if c > 0]

    def entry(self, word: str) -> tuple[int, ...] | None:
        key = normalize_arabic(word)
        found = self.lexicon.get(key)
        if found is None and len(key) > 3 and key[0] in ar.CLITIC_LETTERS_N:
            found = self.lexicon.get(key[1:])
        return found

    def class_share(self, word: str, column: str, min_count: int = 2) -> float | None:
        """The share of the word's occurrences in UD Arabic-PUD that had this class
        (``first_verb``...), or ``None`` when it was seen fewer than ``min_count`` times. Only
        a conjunction is taken off a word the lexicon lacks: ليبدأ "so that it begins" is not
        يبدأ "it begins"."""
        key = normalize_arabic(_light(_strip(word)))
        found = self.lexicon.get(key)
        if found is None and len(key) > 3 and key[0] in ar.CONJUNCTION_CLITICS:
            found = self.lexicon.get(key[1:])
        if found is None:
            return None
        counts = dict(zip(COLUMNS, found))
        return counts[column] / counts["ud_n"] if counts["ud_n"] >= min_count else None


def clause_word(word: str, model: BoundaryModel | None = None) -> bool:
    """Whether an Arabic word opens or makes a clause: a particle of negation or tense, a
    personal pronoun, or a verb (as UD Arabic-PUD mostly tags it; for a word it has not seen
    twice, by its shape, :func:`aligner.lang.ar.verb_shape`)."""
    norm = normalize_arabic(_light(_strip(word)))
    if norm in ar.CLAUSE_PARTICLES_N or norm in ar.PERSONAL_PRONOUNS_N:
        return True
    if norm in ar.FUNCTION_WORDS_N or norm in ar.MONTHS_N:
        return False
    share = (model or load_model()).class_share(word, "first_verb")
    return share > 0.5 if share is not None else ar.verb_shape(_strip(word))


def features(ctx: Context, model: BoundaryModel) -> dict[str, float]:
    """Named feature values of one context (absent features are 0)."""
    f: dict[str, float] = {}
    prev, nxt = _light(ctx.prev), _light(ctx.next)
    _word_features(f, "p_", model.entry(prev), model, UD_LAST, "ends")
    _word_features(f, "n_", model.entry(nxt), model, UD_FIRST, "opens")
    arabic_prev = bool(_LETTER.match(prev))
    arabic_next = bool(_LETTER.match(nxt))
    f["p_arabic"] = float(arabic_prev)
    f["p_digit"] = float(prev[-1:].isdigit())
    f["p_short"] = float(0 < len(prev) <= 2)
    f["p_def"] = float(_definite(prev))
    f["p_ta"] = float(prev.endswith("ة"))
    f["p_plural"] = float(prev.endswith(_PLURALS))
    f["p_suffix"] = float(len(prev) > 3 and prev.endswith(_PRONOUN_SUFFIX)
                          and not _definite(prev))
    f["p_acc"] = float(ctx.prev.endswith(("اً", "ًا", "ً")))
    f["n_arabic"] = float(arabic_next)
    f["n_digit"] = float(nxt[:1].isdigit())
    f["n_latin"] = float(bool(re.match(r"[A-Za-z]", nxt)))
    f["n_quote"] = float(bool(ctx.opener))
    f["n_def"] = float(_definite(nxt))
    f["n_lil"] = float(nxt.startswith("لل") and len(nxt) > 4)
    f["n_conj"] = float(len(nxt) > 3 and nxt[0] in "وف")
    f["n_nisba"] = float(_definite(nxt) and nxt.endswith(("ي", "ية", "يين", "يات", "يون")))
    f["n_comma"] = float(any(w.endswith(("،", ",")) for w in ctx.after.split()[:4]))
    f["agree_def"] = f["p_def"] * f["n_def"]
    f["agree_plural"] = float(any(prev.endswith(e) and nxt.endswith(e) for e in _PLURALS)
                              and _definite(nxt))
    f["cons_def"] = f.get("p_last_cons", 0.0) * f["n_def"]
    # Only very short fragments count: beyond a few words, how long a sentence is depends on
    # the genre (news sentences run to 30 words, Tatoeba's to 6), not on where it ends.
    f["before_short"] = float(ctx.words_before <= model.params.short_words)
    f["after_short"] = float(ctx.words_after <= model.params.short_words)
    return f


def _word_features(f: dict[str, float], prefix: str, entry: Sequence[int] | None,
                   model: BoundaryModel, classes: Sequence[str], edge: str) -> None:
    alpha = model.params.prior_count
    counts = dict(zip(COLUMNS, entry)) if entry else {}
    n = counts.get("ud_n", 0)
    f[prefix + "ud_known"] = float(n > 0)
    for name in classes:
        f[prefix + name] = (counts.get(name, 0) + alpha * model.rates[name]) / (n + alpha)
    occ, hits = counts.get("occ", 0), counts.get(edge, 0)
    rate = model.rates[edge]
    f[prefix + "seen"] = float(occ > 0)
    # Log-odds of ending (opening) a sentence, shrunk towards the corpus-wide rate.
    f[prefix + edge] = math.log((hits + alpha * rate) / (occ - hits + alpha * (1 - rate)))


@lru_cache(maxsize=1)
def load_model() -> BoundaryModel:
    """The shipped model (read once per process)."""
    text = resources.files("aligner.data").joinpath(DATA_FILE).read_text("utf-8")
    return parse_model(text)


def parse_model(text: str) -> BoundaryModel:
    """Read the data file: ``#`` comments, then ``bias``, ``weight``, ``rate``, ``mean`` and
    ``word`` rows (tab-separated)."""
    weights: dict[str, float] = {}
    rates: dict[str, float] = {}
    means: dict[str, float] = {}
    lexicon: dict[str, tuple[int, ...]] = {}
    bias = 0.0
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        kind, name, *values = line.split("\t")
        if kind == "bias":
            bias = float(name)
        elif kind == "weight":
            weights[name] = float(values[0])
        elif kind == "rate":
            rates[name] = float(values[0])
        elif kind == "mean":
            means[name] = float(values[0])
        elif kind == "word":
            lexicon[name] = tuple(int(v) for v in values)
    return BoundaryModel(weights, bias, lexicon, rates, means)
