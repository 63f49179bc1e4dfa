"""``number-mismatch``: a number on one side of a pair with no equal number on the other.

Numbers are read in both digit scripts (ASCII, Arabic-Indic, Eastern Arabic-Indic), with
thousands separators and decimal marks (``1,500``, ``١٬٥٠٠``, ``2٫5``), as ranges (each end is
a number) and percentages (``%``, ``٪``, "في المئة", "percent": the value is what must agree).
A digit may be matched by a number written as a word on the other side ("two", "اثنين",
"first", "الأول", "عامين"), by a scaled value ("2.5 million" ~ 2,500,000) or by a 12-hour clock
time ("3 pm" ~ 15:00), so that clean translations are not flagged.

Severity: ``error`` when both sides have numbers the other lacks (a figure was changed: a reader
is misled), ``warning`` when a number is only missing or added (it may have been paraphrased).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ..anchors import number_value
from ..lang import ar
from ..model import SRC, TGT, Pair, Severity
from ..text import ascii_digits, normalize_arabic
from ..translit import sounds_like_any
from ._support.base import Check, CheckContext, Hit
from ._support.sides import pair_hits

_DIGIT = r"[0-9\u0660-\u0669\u06F0-\u06F9]"
NUMBER = re.compile(rf"(?<![0-9\u0660-\u0669\u06F0-\u06F9]){_DIGIT}+(?:[.,٫٬]{_DIGIT}+)*")
_SCALE_EN = re.compile(r"\s*-?\s*(million|mn|m|billion|bn|b|thousand|k|trillion|tn)\b",
                       re.IGNORECASE)
_SCALE_AR = re.compile(r"\s*(مليون|ملايين|مليار|مليارات|بليون|ألف|الف|آلاف|الاف|تريليون)")
_SCALES = {"million": 10**6, "mn": 10**6, "m": 10**6, "billion": 10**9, "bn": 10**9,
           "b": 10**9, "thousand": 10**3, "k": 10**3, "trillion": 10**12, "tn": 10**12,
           "مليون": 10**6, "ملايين": 10**6, "مليار": 10**9, "مليارات": 10**9,
           "بليون": 10**9, "ألف": 10**3, "الف": 10**3, "آلاف": 10**3, "الاف": 10**3,
           "تريليون": 10**12}
_PM_EN = re.compile(r"\s*(?:pm|p\.m\.)", re.IGNORECASE)
_PM_AR = re.compile(r"\s*(?:مساء|مساءً|ليلا|ليلاً|بعد الظهر)")
_DECADE = re.compile(r"0(?:s|'s|’s)\b")
_LETTER_BEFORE = re.compile(r"[A-Za-z]")
_LETTERS_AFTER = re.compile(r"[A-Za-z]+")
# Letters glued to a number that are a suffix or a unit, not part of a code.
_UNIT_SUFFIXES = frozenset("st nd rd th s am pm km kg mm cm m g h bn mn k min hrs kmh mph "
                           "mg ml gb mb kb kw mw gw ft in".split())
_EUROPEAN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_MINUTES = re.compile(r".*\d[:،.٫]$")
# A clock time with a colon, "23:45": its hour and minutes also stand for "23.45", the way
# British English writes a time.
_CLOCK = re.compile(rf"(?<![0-9\u0660-\u0669\u06F0-\u06F9.,:])({_DIGIT}{{1,2}}):({_DIGIT}{{2}})"
                    rf"(?!{_DIGIT}|[.,:]{_DIGIT})")
#: Clock minutes that both languages also say as a fraction of the hour ("half past", والنصف;
#: "a quarter past", والربع), by the value the fraction word has.
_HOUR_FRACTIONS = {"30": "0.5", "15": "0.25"}
_ZULU = re.compile(r"\s*(?:GMT|UTC|Z\b|hrs|hours|h\b)")
_ROMAN = {r: i for i, r in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split(), 1)}

_EN_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_EN_TENS = {w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
_EN_ORDINALS = {w: i for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split(), 1)}
_EN_ORDINALS.update({w: 10 * i for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split(), 2)})
_EN_OTHER: dict[str, int | Decimal] = {
    "hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12,
    "dozen": 12, "once": 1, "twice": 2, "single": 1, "double": 2, "triple": 3,
    "half": Decimal("0.5"), "decade": 10, "century": 100, "hundredth": 100, "thousandth": 1000,
    "noon": 12, "midnight": 12, "pair": 2, "couple": 2, "both": 2, "dozens": 12, "hundreds": 100,
    "thousands": 1000, "millions": 10**6, "billions": 10**9, "quarter": Decimal("0.25"),
    "third": 3, "twin": 2, "twins": 2, "bilateral": 2, "trilateral": 3, "biennial": 2,
    "annual": 1, "daily": 1, "weekly": 7, "monthly": 1
}
_EN_WORD = re.compile(r"[A-Za-z]+")

_AR_WORDS = {normalize_arabic(k): v for k, v in {
    "صفر": 0, "واحد": 1, "واحدة": 1, "أحد": 1, "إحدى": 1, "اثنان": 2, "اثنين": 2,
    "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "ثلاث": 3, "ثلاثة": 3, "أربع": 4,
    "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8,
    "ثمانية": 8, "ثمان": 8, "تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10,
    "عشرون": 20, "عشرين": 20, "ثلاثون": 30, "ثلاثين": 30, "أربعون": 40, "أربعين": 40,
    "خمسون": 50, "خمسين": 50, "ستون": 60, "ستين": 60, "سبعون": 70, "سبعين": 70,
    "ثمانون": 80, "ثمانين": 80, "تسعون": 90, "تسعين": 90,
    "مئة": 100, "مائة": 100, "مئات": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200,
    "مائتين": 200, "ألف": 1000, "آلاف": 1000, "ألفان": 2000, "ألفين": 2000,
    "مليون": 10**6, "ملايين": 10**6, "مليونان": 2 * 10**6, "مليونين": 2 * 10**6,
    "مليار": 10**9, "مليارات": 10**9, "بليون": 10**9, "ملياران": 2 * 10**9,
    "مليارين": 2 * 10**9,
    # The construct state of a dual drops its ن: ملياري يورو "two billion euros".
    "مئتي": 200, "مائتي": 200, "ألفي": 2000, "مليوني": 2 * 10**6, "ملياري": 2 * 10**9,
    "أول": 1, "أولى": 1, "الأول": 1, "الأولى": 1, "ثاني": 2, "ثانية": 2, "ثالث": 3,
    "ثالثة": 3, "رابع": 4, "رابعة": 4, "خامس": 5, "خامسة": 5, "سادس": 6, "سادسة": 6,
    "سابع": 7, "سابعة": 7, "ثامن": 8, "ثامنة": 8, "تاسع": 9, "تاسعة": 9, "عاشر": 10,
    "عاشرة": 10, "حادي": 1, "حادية": 1,
    # Duals carry the number two in the noun ending.
    "عامين": 2, "عامان": 2, "سنتين": 2, "سنتان": 2, "يومين": 2, "يومان": 2, "شهرين": 2,
    "شهران": 2, "أسبوعين": 2, "أسبوعان": 2, "ساعتين": 2, "ساعتان": 2, "مرتين": 2,
    "مرتان": 2, "دقيقتين": 2, "دولتين": 2, "ضعفين": 2, "ضعف": 2, "ضعفي": 2, "نصف": 0.5,
    "ربع": 0.25, "عقد": 10, "عقود": 10, "قرن": 100, "ثلث": 3, "منتصف": 12,
    "ظهرا": 12, "ظهراً": 12, "الظهر": 12, "مزدوج": 2, "ثنائي": 2, "ثنائية": 2,
    "ثلاثي": 3, "ثلاثية": 3, "سنوي": 1, "سنوية": 1, "يومي": 1, "يومية": 1,
    "أسبوعي": 7, "أسبوعية": 7, "شهري": 1, "شهرية": 1, "كلا": 2, "كلتا": 2, "كلتي": 2}.items()}
_AR_WORD = ar.WORD
_AR_CLITICS = ar.NUMBER_PROCLITICS


@dataclass(frozen=True)
class NumberToken:
    """A number written with digits: where it is, as written, and the values it may stand for."""

    start: int
    end: int
    text: str
    values: frozenset[str]
    #: False for a number that only helps to match the other side: part of a code such as
    #: "B0AT1", the minutes ":00" of a clock time, or a decade ("the 1930s").
    report: bool = True


def canon(value: str | int | float | Decimal) -> str:
    """One spelling per numeric value: ``"1,500"`` → ``"1500"``, ``"2.50"`` → ``"2.5"``."""
    try:
        d = Decimal(str(value))
    except InvalidOperation:
        return str(value)
    d = d.normalize()
    return format(d, "f")


def number_tokens(text: str, lang: str) -> list[NumberToken]:
    """Every number written with digits in ``text``."""
    out: list[NumberToken] = []
    scale_re, pm_re = (_SCALE_AR, _PM_AR) if lang == "ar" else (_SCALE_EN, _PM_EN)
    clocks: dict[int, str] = {}
    fractions: dict[int, str] = {}
    for c in _CLOCK.finditer(text):
        hour, minute = ascii_digits(c.group(1)), ascii_digits(c.group(2))
        if int(hour) <= 24 and int(minute) < 60:
            dotted = canon(f"{int(hour)}.{minute}")
            clocks[c.start(1)] = clocks[c.start(2)] = dotted
            if minute in _HOUR_FRACTIONS:
                fractions[c.start(2)] = _HOUR_FRACTIONS[minute]
    for m in NUMBER.finditer(text):
        raw = m.group()
        value = number_value(raw)
        values = {canon(value)}
        if m.start() in clocks:
            values.add(clocks[m.start()])
        if m.start() in fractions:
            values.add(fractions[m.start()])  # "7:30" ~ السابعة والنصف, "half past seven"
        year = _short_range_end(text, out, m.start(), ascii_digits(raw))
        if year:
            values.add(year)  # "the 2022–23 season" ~ "2022–2023"
        report = True
        if _DECADE.match(text, m.end() - 1) and lang != "ar":
            report = False  # "the 1990s": Arabic often writes التسعينيات or "1990 من القرن"
        after = _LETTERS_AFTER.match(text, m.end())
        if _LETTER_BEFORE.match(text[max(0, m.start() - 1):m.start()]) or \
                (after and after.group().lower() not in _UNIT_SUFFIXES):
            report = False  # a code or model name: "B0AT1", "R0", "H1N1"
        minutes = _MINUTES.match(text[max(0, m.start() - 3):m.start()])
        if minutes and ascii_digits(raw) == "00":
            report = False  # "12:00": the hour carries the time
        if _EUROPEAN_THOUSANDS.fullmatch(ascii_digits(raw)):
            values.add(canon(ascii_digits(raw).replace(".", "")))  # "42.000" written European
        if len(raw) == 4 and _ZULU.match(text, m.end()) and ascii_digits(raw)[2:] == "00":
            values.add(canon(ascii_digits(raw)[:2]))  # "1200 GMT" ~ "12:00"
        scale = scale_re.match(text, m.end())
        if scale:
            factor = _SCALES.get(scale.group(1).lower(), _SCALES.get(scale.group(1)))
            if factor:
                values.add(canon(Decimal(canon(value)) * factor) if _is_num(value) else value)
        if pm_re.match(text, m.end()) and _is_num(value) and Decimal(canon(value)) < 12:
            values.add(canon(Decimal(canon(value)) + 12))
        out.append(NumberToken(m.start(), m.end(), raw, frozenset(values), report))
    return out


def _short_range_end(text: str, before: list[NumberToken], start: int, digits: str
                     ) -> str | None:
    """The full year a two-digit range end stands for after a four-digit year ("2022–23",
    "1998/99"), or ``None``."""
    if len(digits) != 2 or not before or text[before[-1].end:start] not in ("-", "–", "—", "/"):
        return None
    first = ascii_digits(before[-1].text)
    if len(first) != 4 or not first.isdigit():
        return None
    century = int(first[:2]) + (int(digits) < int(first[2:]))
    return str(century * 100 + int(digits))


def _is_num(value: str) -> bool:
    try:
        Decimal(value)
    except InvalidOperation:
        return False
    return True


def word_values(text: str, lang: str) -> set[str]:
    """Values of numbers written as words ("twenty-five", "خمسة وعشرون", "first", "عامين")."""
    values: set[int | Decimal | float] = set()
    if lang == "ar":
        seq: list[int | float] = []
        for m in _AR_WORD.finditer(text):
            v = _ar_word_value(normalize_arabic(m.group()))
            if v is None:
                _flush_ar(seq, values)
                seq = []
            else:
                values.add(v)
                seq.append(v)
        _flush_ar(seq, values)
    else:
        total: int | Decimal = 0
        current: int | Decimal = 0
        in_run = False
        for m in _EN_WORD.finditer(text):
            if m.group() in _ROMAN:
                values.add(_ROMAN[m.group()])
            w = m.group().lower()
            v = _EN_UNITS.get(w, _EN_TENS.get(w, _EN_ORDINALS.get(w)))
            if v is not None:
                current += v
                in_run = True
                values.add(v)
                continue
            if w in ("hundred", "thousand", "million", "billion", "trillion") and in_run:
                factor = _EN_OTHER[w]
                current = max(current, 1) * factor
                if factor >= 1000:
                    total += current
                    current = 0
                values.add(_EN_OTHER[w])
                values.add(total + current)
                continue
            if w in _EN_OTHER:
                values.add(_EN_OTHER[w])
                continue
            if w == "and" and in_run:
                continue
            if in_run:
                values.add(total + current)
            total = current = 0
            in_run = False
        if in_run:
            values.add(total + current)
    return {canon(v) for v in values}


def _ar_word_value(word: str) -> int | float | None:
    forms = [word] + [word[len(c):] for c in _AR_CLITICS if word.startswith(c)]
    for form in forms:
        if form in _AR_WORDS:
            return _AR_WORDS[form]
        # ثلاثمئة, خمسمائة: a unit and a hundred written as one word
        for hundred in ("مئه", "مائه"):
            if form.endswith(hundred) and form[:-len(hundred)] in _AR_WORDS:
                return _AR_WORDS[form[:-len(hundred)]] * 100
    return None


def _flush_ar(seq: list, values: set) -> None:
    """Compound numbers from a run of number words: خمسة عشر = 15, خمسة وعشرون = 25."""
    if len(seq) < 2:
        return
    for a, b in itertools.pairwise(seq):
        if b == 10 and a < 10:
            values.add(a + 10)
        if a < 10 and b >= 20 and b < 100 and b % 10 == 0:
            values.add(a + b)
        if a < 1000 and b >= 1000:
            values.add(a * b)
    values.add(sum(seq))


def compare(src: str, tgt: str, src_lang: str = "ar",
            tgt_lang: str = "en") -> tuple[list[NumberToken], list[NumberToken]]:
    """Numbers of each side with no counterpart on the other: (source's, target's)."""
    s_tok = number_tokens(src, src_lang)
    t_tok = number_tokens(tgt, tgt_lang)
    s_all = set().union(*(t.values for t in s_tok)) | word_values(src, src_lang)
    t_all = set().union(*(t.values for t in t_tok)) | word_values(tgt, tgt_lang)
    for text, lang, tokens, other, other_lang, other_all in (
            (src, src_lang, s_tok, tgt, tgt_lang, t_all),
            (tgt, tgt_lang, t_tok, src, src_lang, s_all)):
        if lang != "ar" and other_lang == "ar" and _dual_renders_two(other, text, tokens):
            other_all.add(canon(2))
    return ([t for t in s_tok if t.report and not t.values & t_all],
            [t for t in t_tok if t.report and not t.values & s_all])


_EN_NOUN_AFTER = re.compile(r"\s*-?\s*([A-Za-z]+)")
_AR_DUAL_ENDINGS = tuple(normalize_arabic(e) for e in ("ين", "ان"))


def _dual_renders_two(arabic: str, english: str, tokens: list[NumberToken]) -> bool:
    """Whether an English "2 metres" is rendered by an Arabic dual of a word that sounds like
    the noun (مترين، دولارين): the dual carries the number, as the listed ones (عامين) do."""
    nouns = []
    for tok in tokens:
        after = _EN_NOUN_AFTER.match(english, tok.end)
        if canon(2) in tok.values and after:
            noun = after.group(1)
            nouns.append(noun[:-1] if noun.lower().endswith("s") else noun)
    if not nouns:
        return False
    for m in _AR_WORD.finditer(arabic):
        word = normalize_arabic(m.group())
        if word.endswith(_AR_DUAL_ENDINGS) and len(word) >= 5 \
                and sounds_like_any(word[:-2], nouns):
            return True
    return False


def check_pair(pair: Pair, src_lang: str, tgt_lang: str) -> Iterator[Hit]:
    """Hits for the numbers of one pair that have no counterpart on the other side."""
    if not pair.src or not pair.tgt:
        return
    src, tgt = pair.text(SRC), pair.text(TGT)
    missing, added = compare(src, tgt, src_lang, tgt_lang)
    changed = bool(missing and added)
    severity = Severity.ERROR if changed else Severity.WARNING
    others = ", ".join(f"'{t.text}'" for t in added)
    for tok in missing:
        instead = f" The translation has {others} instead." if changed else ""
        yield Hit(pair.id, SRC, (tok.start, tok.end),
                  f"The number '{tok.text}' in the source does not appear in the translation."
                  + instead,
                  f"Check the figure and give '{tok.text}' in the translation (as digits or "
                  "words).", severity)
    mine = ", ".join(f"'{t.text}'" for t in missing)
    for tok in added:
        instead = f" The source has {mine}." if changed else ""
        yield Hit(pair.id, TGT, (tok.start, tok.end),
                  f"The number '{tok.text}' in the translation is not in the source." + instead,
                  "Check the figure against the source; remove or correct it.", severity)


def find(ctx: CheckContext) -> Iterator[Hit]:
    yield from pair_hits(ctx, check_pair)


CHECKS = (Check("number-mismatch", Severity.WARNING,
                "A number on one side with no equal number on the other (error when a figure "
                "was changed).", find),)
