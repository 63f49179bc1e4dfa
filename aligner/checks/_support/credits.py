"""Bracketed photo and agency credits ("(Reuters)", "(AFP photo)", "(أ ف ب)"), which
``caption-leak`` reports and ``missing-final-punct`` excuses."""

from __future__ import annotations

import re

_AGENCIES_EN = (r"Reuters|AFP|AP|EPA|Getty(?: Images)?|Anadolu|Xinhua|SANA|IRNA|WAFA|"
                r"Associated Press|Agence France[- ]Presse|archive|file photo")
_AGENCIES_AR = r"أ\.? ?ف\.? ?ب|رويترز|أ\.? ?ب|أرشيف|غيتي|الأناضول|شينخوا|سانا|إرنا|وفا|وكالات"
# "(Reuters)", "(AFP photo)", "(Photo: AP)", "(file photo)", and the Arabic equivalents.
BRACKETED = re.compile(
    r"\((?:(?:photo|picture|image)s?(?: credit)?\s*[:/]\s*[^()]{1,40}|"
    rf"(?:{_AGENCIES_EN})(?:\s+(?:photo|picture|image)s?)?|"
    r"(?:الصورة|صورة)\s*[:/]?\s*[^()]{0,40}|"
    rf"(?:{_AGENCIES_AR}))\)",
    re.IGNORECASE)


def ends_with_credit(text: str) -> bool:
    """Whether a text ends with a bracketed photo credit such as "(AFP photo)"."""
    return any(m.end() >= len(text.rstrip(" .")) for m in BRACKETED.finditer(text))
