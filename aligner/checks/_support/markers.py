"""Modal and negation markers of Arabic and English text, which ``modality-drift`` and
``negation-drift`` compare across a pair.

Only clear disagreements are reported, because translators move modality and negation around
freely ("لم يعد" → "no longer", "لا يزال" → "still", "لا ... إلا" → "only"):

* negation: one side has a plain negation (لم، لن، ليس، لا + verb / not, never, no, without)
  and the other side has no negation of any kind, not even a negative word (غير، عدم، دون /
  un-, non-, lack, fail, refuse, only);
* modality: one side says something *may* happen (يمكن، ربما، قد + present verb / can, may,
  might, could) where the other says it *must* (يجب، ينبغي، عليه أن / must, has to, should,
  need to), with no marker of the first kind; or one side says *must* and the other has no
  modal marker at all.

``قد`` before a past verb (قد التقى "has met") is not modal; before a present verb (قد تسعى
"may seek") it is. Both checks are warnings: the reviser must read the pair.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ...lang import ar
from ...text import normalize_arabic
from ...translit import arabic_skeletons, latin_skeleton, sounds_like_any

_AR_TOKEN = ar.WORD
_EN_TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+")


def _n(words: str) -> frozenset[str]:
    return frozenset(normalize_arabic(w) for w in words.split())


# Arabic negation that negates the clause.
_AR_NEG_STRONG = _n("لم ولم فلم لن ولن فلن ليس وليس ليست وليست ليسوا لست لسنا لستم ليسا ليستا "
                    "لا ولا فلا بلا")
# Interrogative أ + negation ("أليس ... ؟"): only with the hamza written, as إليس is "Ellis";
# not ألم, which is also "pain".
_AR_NEG_QUESTION = _n("ألن أليس أليست ألست ألسنا ألستم")
# أن + لا joined ("بألا يصدقوا" "not to believe"; لئلا، كيلا "lest"): as written, since their
# normalised forms are also إلا "except" (الا) and ليلا "at night".
_AR_NEG_THAT = frozenset("بألا وبألا لئلا ولئلا كيلا لكيلا".split())
_AR_HARAKAT = re.compile("[\u064B-\u0652\u0640]")
# Negative words that also carry a translation's negation (un-, non-, without, lack). Not من
# ("from", in almost every sentence; من دون is caught by دون) nor bare ما (mostly "what"): with
# them nearly every Arabic sentence counted as negated, and negation-drift found 42 of 100 flipped
# negations on the tune split (benchmarks/drift.py --split tune --full); without them 75.
_AR_NEG_WEAK = _n("غير وغير بغير عدم وعدم بعدم لعدم دون بدون ودون وبدون دونما وما فما "
                  "إلا الا وإلا رفض ترفض يرفض رفضت رفضوا امتنع تمتنع يمتنع فشل فشلت يفشل تفشل "
                  "عجز منع يمنع تمنع حظر يحظر نفى ينفي تنفي نفت تجنب يتجنب فقط سوى لولا ممنوع "
                  "مستحيل استحالة خال خالية خالي انعدام غياب نقص قلة توقف يتوقف أوقف كف يكف "
                  # a prohibition without a negation word: إياك أن تتأخر "don't be late"
                  "إياك وإياك إياكم وإياكم إياكما")
# Privative words: their meaning holds a "not" that a translation may spell out (نسيت "I
# didn't remember", الثلاجة فارغة "there's nothing in the fridge").
# Unlike the negative words above, one excuses a negation on the other side only where that
# side has no privative word of its own: "not closed" for مغلق is a flip, not a rendering.
_AR_PRIVATIVE = _n("نسي نسيت نسينا نسوا ينسى تنسى أنسى فارغ فارغة مغلق مغلقة "
                   "مفقود مفقودة ضاع ضائع ضائعة غائب غائبة تغيب تغيبت يتغيب أشك يشك نشك "
                   "تأخر تأخرت متأخر متأخرة")
# لا in fixed phrases that are not a negation in the translation.
_AR_NOT_NEG_AFTER_LA = _n("سيما يزال تزال يزالون تزالان زال زالت بد شك ريب بأس يقل تقل يقلون "
                          "أدري مثيل يتجزأ سواء حدود")
# Stems of negative words, matched after clitics: عجز in لعجزنا, تعذر in لتعذر.
_AR_NEG_STEMS = tuple(normalize_arabic(w) for w in (
    "عجز", "تعذر", "يتعذر", "غياب", "انعدام", "رفض", "امتناع", "فشل", "إخفاق", "حرمان",
    "استحال", "يستحيل", "منع", "حظر", "نفي", "خلو", "تجنب", "قلة", "نقص", "افتقار", "يفتقر",
    "تفتقر", "ضعف"))
_AR_CLITIC = re.compile(normalize_arabic("^(?:" + "|".join(ar.LINK_PROCLITICS) + ")"))
_AR_PAST_AFTER_QAD = _n("تم تمت تمكن تمكنت تحول تحولت تعرض تعرضت تلقى تلقت تسلم تسلمت "
                        "توصل توصلت تجاوز تجاوزت تراجع تراجعت")
_AR_POSSIBLE = _n("يمكن ويمكن فيمكن ربما وربما لعل ولعل يستطيع تستطيع نستطيع يستطيعون "
                  "بإمكان وبإمكان باستطاعة")
# Words of possibility that are not modal verbs (they only excuse a "may" on the other side).
_AR_POSSIBLE_LEXICAL = tuple(normalize_arabic(w) for w in (
    "ممكن", "الممكن", "إمكان", "امكان", "احتمال", "محتمل", "يحتمل", "قادر", "قدرة", "استطاع",
    "خطر", "مخاطر", "فرصة", "يسمح", "تسمح", "سمح", "يتيح", "تتيح", "أتاح", "تمكن", "يمكن"))
_AR_MUST = _n("يجب ويجب فيجب وجب يتوجب يتعين تتعين ويتعين وتتعين وينبغي ينبغي فينبغي لابد "
              "يتحتم")
# Words of necessity that carry an obligation without a modal verb (they only excuse).
_AR_MUST_LEXICAL = tuple(normalize_arabic(w) for w in (
    "ضرور", "لازم", "اللازم", "إلزام", "الزام", "ملزم", "مضطر", "اضطر", "يضطر", "ستضطر",
    "تضطر", "واجب", "وجوب", "يلزم", "تلزم", "حاجة", "بحاجة", "يحتاج", "تحتاج", "يتطلب",
    "تتطلب", "تطلب", "متطلب", "مطلوب", "إجبار", "اجبار", "أجبر", "اجبر", "إجباري", "يستلزم",
    "يستوجب", "تستوجب"))
_AR_MORE = _n("أكثر لأكثر بأكثر")
_AR_KANA = _n("كان كانت كنت كنا كانوا كنتم كانا كانتا")
# لا يتجاوز "does not exceed" is "at most", "just" as often as a negation: weak, like "no more
# than" in English.
_AR_EXCEED = _n("يتجاوز تتجاوز يتجاوزون يتعدى تتعدى يزيد تزيد")
_AR_MUST_ALAYHI = _n("عليه عليها عليهم علينا عليك عليكم عليهما")

_EN_NEG_STRONG = frozenset("not n't never no none nobody nothing neither nor without cannot "
                           "nowhere".split())
_EN_NEG_WEAK = frozenset((
    "non poorly lack lacks lacked lacking absence absent fail fails failed "
    "failure refuse refuses refused refusal deny denies denied only except "
    "unless until rather instead free prevent prevented prevents avoid "
    "avoided ban banned stop stopped halt hardly barely scarcely little few "
    "impossible inability unable insufficient ineffective invalid illegal "
    "neglect neglected against anti longer yet ceased decline declines declined reject "
    "rejects rejected abstain abstains abstained ignore ignores ignored "
).split())
# Privative words, as the Arabic ones: "I doubt" لا أظن, "closed" لا يفتح, "late" لم تصل في
# موعدها, "forgot" لم يتذكر.
_EN_PRIVATIVE = frozenset("doubt doubts doubted doubtful forget forgets forgot forgotten miss "
                          "misses missed missing lose loses lost empty closed broken late "
                          "delay delays delayed".split())
_EN_NEG_PREFIX = re.compile(r"^(?:un|non|dis|in|im|ir|il)[a-z]{3,}$|[a-z]{3,}less$")
# Phrases whose "not"/"no" is not a negation of the clause.
_EN_NOT_NEG = re.compile(r"\b(?:not only|not just|not least|whether or not|no matter|no doubt|"
                         r"no longer|no (?:more|less|fewer) than|if not|nothing but|none other|"
                         r"not to mention|not long|"
                         # "couldn't be more proud", "couldn't agree more": a superlative
                         r"(?:could|can)(?:n't|n’t| not) be more|"
                         r"(?:could|can)(?:n't|n’t| not)(?: \w+){1,4}? (?:more|better)"
                         r"(?=\s*[.!,;]|$)|"
                         r"no\.\s*\d|"
                         r",\s*\w+n['’]t\s+\w+\s*\?)",  # a tag question: "isn't it?"
                         re.IGNORECASE)
_EN_TOO_TO = re.compile(r"\btoo (?:\w+ ){1,2}to \w+", re.IGNORECASE)
_EN_POSSIBLE = frozenset("can could may might cannot".split())
_EN_POSSIBLE_LEXICAL = frozenset("possible possibly perhaps maybe likely unlikely probably able "
                                 "capable potential potentially allow allows allowed enable "
                                 "enables chance risk risks possibility likelihood".split())
_EN_MUST = frozenset("must should ought".split())
_EN_MUST_PHRASE = re.compile(r"\b(?:ha(?:ve|s|d|ving)|got|need(?:s|ed)?) to\b", re.IGNORECASE)
# Ways English gives an instruction or duty without a modal verb.
_EN_MUST_IMPLIED = re.compile(r"\b(?:supposed|recommended|recommends?|advised|advisable|"
                              r"(?:is|are|was|were|am) to|remains? to be|to beat|to watch)\b",
                              re.IGNORECASE)
_EN_NOT_IMPERATIVE = frozenset("""the a an this that these those it its he she they we i you
there here in on at if as when while for with to of by from some all any many most each every
one however but and or so after before although though because since during until our their
his her my your what which who how where why also only even such no not both either neither
other another more less several few""".split())


_EN_OPENING_CLAUSE = re.compile(r"\s*(?:if|when|whenever|once|before|after|unless|while|where"
                                r"|in case)\b[^,;:.]*,\s*", re.IGNORECASE)


def _imperative(text: str) -> bool:
    """Does the English open with an imperative ("Check the cabin", "Clearly define ...")?
    An Arabic ينبغي or يجب is often rendered so."""
    clauses = re.split(r"(?:^|[:;]|, so|\. )\s*", text)
    # After an opening conditional or time clause ("If longer sessions are required, consider
    # how ..."), the main clause may be the imperative.
    opening = _EN_OPENING_CLAUSE.match(text)
    if opening:
        clauses.append(text[opening.end():])
    for clause in clauses:
        words = [w for w in re.findall(r"[A-Za-z']+", clause)[:3] if not w.endswith("ly")]
        if words and words[0].lower() not in _EN_NOT_IMPERATIVE \
                and not re.search(r"(?:s|ed|ing)$", words[0].lower()) and \
                (len(words) < 2 or words[1][0].islower()):
            return True
    return False


_EN_MUST_LEXICAL = frozenset("required require requires requiring requirement necessary "
                             "necessarily necessity obliged obligated obligation compelled "
                             "mandatory compulsory essential forced force need needs needed "
                             "duty shall vital imperative".split())


@dataclass(frozen=True)
class Markers:
    """Modal and negation markers of one side, each as ``(start, end)`` spans."""

    neg_strong: tuple[tuple[int, int], ...]
    neg_any: bool
    possible: tuple[tuple[int, int], ...]
    must: tuple[tuple[int, int], ...]
    possible_any: bool = False   # a modal marker or a word of possibility
    must_any: bool = False       # a modal marker or a word of necessity
    privative: bool = False      # a word whose meaning holds a negation (forgot, empty)

    def excuses(self, other: Markers) -> bool:
        """Whether this side has a negation of any kind that may render the other side's:
        a privative word counts only where the other side has none ("not closed" for مغلق
        reverses it)."""
        return self.neg_any or (self.privative and not other.privative)


# Attached pronouns a negative word may carry (دونه "without him").
_AR_PRONOUN_SUFFIXES = tuple(normalize_arabic(w) for w in ("هما", "هم", "هن", "ها", "كم", "نا",
                                                          "ه", "ك", "ي"))
_AR_NEGATIVE_PREFIX = normalize_arabic("اللا")   # اللاعودة "no return", اللامبالاة "indifference"


def _weak_negative(word: str, stem: str) -> bool:
    """A negative word other than a clause negation: in the list with or without clitics and
    an attached pronoun, a negative stem, or a compound with اللا ("non-", "no-")."""
    if word in _AR_NEG_WEAK or stem in _AR_NEG_WEAK:
        return True
    if word.startswith(_AR_NEG_STEMS) or stem.startswith(_AR_NEG_STEMS):
        return True
    if word.startswith(_AR_NEGATIVE_PREFIX) and len(word) > len(_AR_NEGATIVE_PREFIX) + 2:
        return True
    return any(stem.endswith(suffix) and stem[:-len(suffix)] in _AR_NEG_WEAK
               for suffix in _AR_PRONOUN_SUFFIXES)


def _written_name(word: str, names: Sequence[str]) -> bool:
    """Whether an Arabic word writes one of these Latin names by sound; a short name (أليس
    "Alice") must match exactly, as :func:`sounds_like_any` leaves short skeletons alone."""
    skeletons = arabic_skeletons(word)
    return any(latin_skeleton(n) in skeletons for n in names) or sounds_like_any(word, names)


def _next(words: list[tuple[int, int, str]], i: int) -> str:
    return words[i + 1][2] if i + 1 < len(words) else ""


def _romance_article(words: list[tuple[int, int, str]], i: int, text: str,
                     names: Sequence[str]) -> bool:
    """Whether لا writes the article of a French, Italian or Spanish name the English keeps
    ("La Scala" لا سكالا, "La Gioconda" لا جوكوندا): the English has the article, and the
    next Arabic word sounds like one of its names."""
    if "La" not in names or i + 1 >= len(words):
        return False
    start, end, _w = words[i + 1]
    return _written_name(text[start:end], [n for n in names if n != "La"])


def arabic_markers(text: str, names: Sequence[str] = ()) -> Markers:
    """Markers of an Arabic text. ``names``: capitalised words of the translation; a negation
    word that is one of them written by sound is the name ("أليس" "Alice", not "isn't")."""
    words = [(m.start(), m.end(), normalize_arabic(m.group())) for m in _AR_TOKEN.finditer(text)]
    neg, possible, must = [], [], []
    strong = {i for i, (s, e, w) in enumerate(words) if (
        w in _AR_NEG_STRONG or (w in _AR_NEG_QUESTION and text[s] == "أ")
        or _AR_HARAKAT.sub("", text[s:e]) in _AR_NEG_THAT
        or (w == "الم" and i == 0 and text[s] == "أ" and "؟" in text
            and _next(words, i)[:1] in "يتنا" and not _next(words, i).startswith("ال")))
        and not (len(w) > 3 and _written_name(text[s:e], names))
        and not (w == "لا" and _romance_article(words, i, text, names))}
    weak = possible_word = must_word = privative = False
    # لا/لم ... إلا "only", and لا ... (لـ)أكثر من "no more than" ("just seven days"), as
    # English "no more than" is not a negation either.
    has_illa = any(w in ("الا", "والا") or (w in _AR_MORE and k + 1 < len(words)
                                            and words[k + 1][2] == "من")
                   for k, (_s, _e, w) in enumerate(words))
    for i, (start, end, w) in enumerate(words):
        nxt = _next(words, i)
        stem = _AR_CLITIC.sub("", w) if len(w) > 4 else w
        if i in strong:
            weak = True
            yes_no = text[end:end + 1] == "/" or text[max(0, start - 1):start] == "/" \
                or (i > 0 and words[i - 1][2] in ("ام", "او"))  # نعم/لا، أم لا: "or not"
            tag = w.startswith("ال") and nxt == "كذلك"  # أليس كذلك؟ "isn't it?"
            if not (w.endswith("لا") and nxt in _AR_NOT_NEG_AFTER_LA) and not yes_no \
                    and not tag and not has_illa and nxt not in _AR_EXCEED:
                neg.append((start, end))
        elif _weak_negative(w, stem) or (w == "ما" and nxt in _AR_KANA):
            # ما كان عليك أن "you shouldn't have": ما negates a past كان (bare ما is "what")
            weak = True
        elif w in _AR_PRIVATIVE or stem in _AR_PRIVATIVE:
            privative = True
        if w in _AR_POSSIBLE or w.startswith(("يمكن", "بامكان", "باستطاع")):
            possible.append((start, end))
        elif w in ("قد", "وقد", "فقد") and nxt[:1] in ("ي", "ت", "ن") \
                and nxt not in _AR_PAST_AFTER_QAD:
            possible.append((start, end))
        elif w.startswith(_AR_POSSIBLE_LEXICAL) or stem.startswith(_AR_POSSIBLE_LEXICAL):
            possible_word = True
        prev = words[i - 1][2] if i > 0 else ""
        if w in _AR_MUST and prev in ("كما", "مما", "وكما"):
            must_word = True  # كما ينبغي "properly", أكثر مما ينبغي "too much"
        elif w in _AR_MUST or (w.endswith("لا") and nxt == "بد"):
            must.append((start, end))
        elif w in _AR_MUST_ALAYHI and nxt in ("ان", "بان"):
            must.append((start, end))
        elif w.startswith(_AR_MUST_LEXICAL) or stem.startswith(_AR_MUST_LEXICAL):
            must_word = True
    return Markers(tuple(neg), weak or bool(neg), tuple(possible), tuple(must),
                   possible_word or bool(possible), must_word or bool(must), privative)


def english_markers(text: str) -> Markers:
    """Markers of an English text."""
    masked = _EN_NOT_NEG.sub(lambda m: " " * len(m.group()), text)
    neg, possible, must = [], [], []
    weak = possible_word = must_word = privative = False
    for m in _EN_TOKEN.finditer(masked):
        w = m.group().lower().replace("’", "'")
        if w in _EN_NEG_STRONG or w.endswith("n't"):
            neg.append(m.span())
        elif w in _EN_NEG_WEAK or _EN_NEG_PREFIX.match(w):
            weak = True
        elif w in _EN_PRIVATIVE:
            privative = True
        if (w in _EN_POSSIBLE and not (m.group() == "May" and m.start() > 0)) \
                or w in ("can't", "couldn't", "mightn't"):
            possible.append(m.span())
        elif w in _EN_POSSIBLE_LEXICAL:
            possible_word = True
        if w in _EN_MUST or w in ("mustn't", "shouldn't"):
            must.append(m.span())
        elif w in _EN_MUST_LEXICAL:
            must_word = True
    for m in _EN_MUST_PHRASE.finditer(text):
        must.append(m.span())
    must.sort()
    if _EN_MUST_IMPLIED.search(text) or _imperative(text):
        must_word = True
    if _EN_NOT_NEG.search(text) or _EN_TOO_TO.search(text):
        weak = True  # "too hot to go jogging": "so hot that one cannot go"
    return Markers(tuple(neg), weak or bool(neg), tuple(possible), tuple(must),
                   possible_word or bool(possible), must_word or bool(must), privative)


def markers(text: str, lang: str, other: str = "") -> Markers:
    """The markers of ``text``; ``other`` (the translation), where given, names the names an
    Arabic negation word may be."""
    return arabic_markers(text, _CAPITALISED.findall(other)) if lang == "ar" \
        else english_markers(text)


def quote(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    return ", ".join(dict.fromkeys(f"'{text[s:e]}'" for s, e in spans))
