"""Arabic sentence splitting by rules, with a confidence per candidate break.

Real Arabic sources carry full stops inside sentences ("التقى ... العديد. من كبار المسؤولين"), so
a full stop is a candidate, scored by the words around it; the aligner decides with the
translation in view. Question and exclamation marks are near-certain ends, the Arabic semicolon a
clause break that translators often render as a new sentence.
"""

from __future__ import annotations

import re

from ..lang import ar
from ..text import normalize_arabic
from .base import Cut

# End marks, then any closing quotes or brackets, then whitespace.
_CANDIDATE = re.compile(r"(\.{2,}|…|[.!?؟۔؛])([\"”»’)\]]*)(?=\s)")
_ABBREVIATION = re.compile(rf"(?:^|\s)[{ar.LETTERS}]$")  # د. م. أ. : a single-letter title

# Words a sentence does not end on (prepositions, particles, conjunctions), normalised.
# Left out, though they look like particles, because they do end sentences: "بعد" (لم يتم
# ... بعد = not yet), "قبل" (من قبل), "عام" (بشكل عام), "ما" (إلى حد ما), "لا" (أم لا).
NO_END = (ar.PREPOSITIONS_N | ar.RARE_PREPOSITIONS_N | ar.SPATIAL_PREPOSITIONS_N
          | ar.CLITIC_LETTERS_N | ar.CONJUNCTIONS_N | ar.PARTICLES_N | ar.RELATIVE_PRONOUNS_N
          | ar.SEGMENT_NO_END_FITTED_N)
# Words a sentence rarely starts with: relative pronouns and adverbial continuations. Many
# prepositions do start sentences ("خلال الاجتماع،", "مع ذلك،", "في المقابل،"): not listed.
NO_START = ar.RELATIVE_PRONOUNS_N | ar.NEVER_START_ADVERBIALS_N | ar.normalised("إلى الى لدى")
# Prepositions that start a sentence now and then ("من جهته،") but more often continue one.
RARE_START = ar.normalised("من عن")

BASE_CONFIDENCE = {".": 0.88, "!": 0.92, "?": 0.92, "؟": 0.92, "۔": 0.88, "؛": 0.35, "…": 0.5,
                   "...": 0.5}


def split(paragraph: str) -> list[Cut]:
    """Cut one paragraph at every candidate break; the paragraph end is certain."""
    cuts: list[Cut] = []
    start = _skip_space(paragraph, 0)
    for m in _CANDIDATE.finditer(paragraph):
        end = m.end()
        if not paragraph[start:m.start()].strip():
            continue
        conf, reason = break_confidence(paragraph, m.start(), m.group(1), end)
        if conf <= 0.0:
            continue
        cuts.append(Cut(start, end, conf, reason))
        start = _skip_space(paragraph, end)
    tail_end = len(paragraph.rstrip())
    if start < tail_end:
        cuts.append(Cut(start, tail_end, 1.0, "paragraph"))
    elif cuts:
        cuts[-1] = cuts[-1]._replace(conf=1.0, reason="paragraph")
    return cuts


def break_confidence(text: str, mark_pos: int, mark: str, after: int) -> tuple[float, str]:
    """How likely a sentence really ends at the mark, and the strongest cue for that estimate."""
    before = text[:mark_pos]
    if mark == "." and _ABBREVIATION.search(before):
        return 0.0, "abbreviation"
    if mark.startswith(".."):
        # Headlines use ".." as a pause ("بدلاً من الولايات المتحدة.. روسيا نحو ...").
        return 0.3, "double full stop"
    conf = BASE_CONFIDENCE[mark]
    if mark not in ".۔":
        return conf, "punctuation"
    prev_word = normalize_arabic(before.split()[-1]) if before.split() else ""
    rest = text[after:].lstrip()
    next_word = normalize_arabic(rest.split()[0]) if rest.split() else ""
    if prev_word in NO_END:
        return 0.05, f"sentence cannot end on '{before.split()[-1]}'"
    if rest[:1].isdigit() or rest[:1] in "٠١٢٣٤٥٦٧٨٩":
        return 0.2, "digit follows"
    if next_word in NO_START:
        return 0.15, f"sentence rarely starts with '{rest.split()[0]}'"
    if next_word in RARE_START:
        return 0.35, f"'{rest.split()[0]}' usually continues a sentence"
    if next_word.startswith("لل") and len(next_word) > 4:
        # li + al ("for the ..."): a sentence now and then starts so (للمرة الأولى), a
        # continuation far more often (التابع. للكلية, للعراق. للضغط).
        return 0.5, f"'{rest.split()[0]}' (for the …) usually continues a sentence"
    if _agreeing_adjective(prev_word, next_word):
        return 0.3, "adjective follows its noun"
    if len(before.split()) < 3:
        return 0.4, "very short sentence"
    return conf, "full stop"


def _agreeing_adjective(prev_word: str, next_word: str) -> bool:
    """A definite nisba-like adjective right after a definite plural noun: المسؤولين. السياسيين."""
    if not next_word.startswith("ال"):
        return False
    plural = ("ين", "ون", "ات")
    return (prev_word.endswith(plural) and next_word.endswith(plural)) or (
        next_word.endswith(("يه", "ي", "يين")) and prev_word.startswith(("ال", "لل")))


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
