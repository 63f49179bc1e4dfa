"""English: months, and the word classes that segmenters and checks read."""

from __future__ import annotations

CODE = "en"
NAME = "English"

MONTH_NAMES = tuple("january february march april may june july august september october "
                    "november december".split())
#: Month names and abbreviations → month number; built in one expression so that the table is
#: never changed after import (its order is the order of the alternatives in the patterns).
MONTHS = {**{m: i for i, m in enumerate(MONTH_NAMES, 1)},
          **{m[:3]: i for i, m in enumerate(MONTH_NAMES, 1)}, "sept": 9}
#: "May" and "March" are also an English verb.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar"})

#: Words a sentence never ends on (ones that can end it elliptically, like "in", "to" or "her",
#: are left out).
NO_END = frozenset("""
the a an of from into onto and or but nor than their its our your my whose
""".split())
#: Capitalised words that are not names: function words, pronouns and the commonest titles.
NOT_NAMES = frozenset("""the a an this that these those in on at of for to and or but with by
from as after before he she it they we his her its their our i you mr mrs ms dr president
minister""".split())
