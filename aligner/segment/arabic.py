"""Arabic sentence splitting by rules, with a confidence per candidate break.

Real Arabic sources carry full stops inside sentences ("التقى ... العديد. من كبار المسؤولين"), so
a full stop is a candidate, scored by the boundary model (:mod:`.boundary`, fitted to data) from
the words around it; the aligner decides with the translation in view. Question and exclamation
marks are near-certain ends, the Arabic semicolon a clause break that translators often render as
a new sentence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..lang import ar
from .base import Cut
from .boundary import context, features, load_model

# End marks, then any closing quotes or brackets, then whitespace.
_CANDIDATE = re.compile(r"(\.{2,}|…|[.!?؟۔؛])([\"”»’)\]]*)(?=\s)")
#: The longest abbreviation looked for before a full stop ("ش.م.م", "أ.د").
_ABBREVIATION_REACH = 12

BASE_CONFIDENCE = {".": 0.88, "!": 0.92, "?": 0.92, "؟": 0.92, "۔": 0.88, "؛": 0.35, "…": 0.5,
                   "...": 0.5}


@dataclass(frozen=True)
class ArabicSplitParams:
    """How the boundary model's score becomes a break confidence."""

    #: Log-odds, added to the model's, that a full stop ends a sentence before its context is
    #: read. The model was fitted with as many stray stops as real ends; in real text stray
    #: stops are rare, so the prior favours a real end (tuned on the tune split with
    #: ``benchmarks/source_faults.py``).
    end_prior_logit: float = 2.0
    #: No full stop is surer than this: the aligner may still run through a real end when the
    #: translation merged two sentences.
    max_confidence: float = 0.97


PARAMS = ArabicSplitParams()


def split(paragraph: str, params: ArabicSplitParams = PARAMS) -> list[Cut]:
    """Cut one paragraph at every candidate break; the paragraph end is certain.

    Linear in the paragraph's length: each candidate reads a bounded window around it.
    """
    cuts: list[Cut] = []
    start = _skip_space(paragraph, 0)
    for m in _CANDIDATE.finditer(paragraph):
        end = m.end()
        if start >= m.start():
            continue  # nothing but space since the last cut (start is past any space)
        conf, reason = break_confidence(paragraph, m.start(), m.group(1), end, params)
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


def break_confidence(text: str, mark_pos: int, mark: str, after: int,
                     params: ArabicSplitParams = PARAMS) -> tuple[float, str]:
    """How likely a sentence really ends at the mark, and the strongest cue for that estimate."""
    if mark == "." and ar.is_abbreviation(_word_ending_at(text, mark_pos)):
        return 0.0, "abbreviation"
    if mark.startswith(".."):
        # Headlines use ".." as a pause ("بدلاً من الولايات المتحدة.. روسيا نحو ...").
        return 0.3, "double full stop"
    conf = BASE_CONFIDENCE[mark]
    if mark not in ".۔":
        return conf, "punctuation"
    model = load_model()
    feats = features(context(text, mark_pos, after), model)
    stray = model.logit(feats) - params.end_prior_logit
    conf = 1.0 / (1.0 + math.exp(max(-30.0, min(30.0, stray))))
    reasons = model.explain(feats) if stray > 0 else []
    reason = f"boundary model ({reasons[0]})" if reasons else "full stop"
    return min(conf, params.max_confidence), reason


def _word_ending_at(text: str, pos: int) -> str:
    """The word that ends at ``pos`` (after white space or the start of ``text``), or "" when
    it is longer than any abbreviation."""
    start = pos
    while start > 0 and not text[start - 1].isspace():
        start -= 1
        if pos - start > _ABBREVIATION_REACH:
            return ""
    return text[start:pos]


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos
