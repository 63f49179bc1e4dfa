"""Language facts, one module per language (:mod:`.ar`, :mod:`.en`): word patterns, clitics,
months, titles, function words and the language's name. Segmenters, scorers and checks import
them from here, so that each fact is written once (translate-toolkit's ``translate/lang`` is the
model).

Some word sets are marked *corpus-fitted*: they were typed from the cases of one article
(issue 12) and are due to be replaced by models fitted to data.
"""

from __future__ import annotations

from . import ar, en

#: Names of the languages the aligner reads, for messages.
NAMES: dict[str, str] = {ar.CODE: ar.NAME, en.CODE: en.NAME}
#: Names of other languages a report may show (a TMX may hold them).
OTHER_NAMES: dict[str, str] = {"fr": "French", "fa": "Persian"}


def language_name(code: str) -> str:
    """The English name of a language the aligner reads ("ar" → "Arabic"); else the code."""
    return NAMES.get(code, code)


__all__ = ["NAMES", "OTHER_NAMES", "ar", "en", "language_name"]
