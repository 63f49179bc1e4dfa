"""``xml-invalid-char``: control characters that TMX and XLIFF (XML 1.0) cannot carry.

The check runs with the others so that every report (text, JSON, HTML) shows the fault; the
XML exporters then drop the characters (:func:`aligner.xmlchars.xml_safe`) without touching the
result, so what they write is still well-formed and valid.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..model import SIDES, Severity
from ..xmlchars import XML_INVALID, describe
from ._support.base import Check, CheckContext, Hit


def find(ctx: CheckContext) -> Iterator[Hit]:
    for pair in ctx.pairs:
        for side in SIDES:
            for m in XML_INVALID.finditer(pair.text(side)):
                yield Hit(pair.id, side, m.span(),
                          f"Invisible control character {describe(m.group())} in the text: "
                          "XML cannot hold it, so TMX and XLIFF exports leave it out.",
                          "Delete it from the source file; it is usually debris from copying "
                          "out of another program.")


CHECKS = (Check("xml-invalid-char", Severity.WARNING,
                "Control characters that XML (TMX, XLIFF) cannot hold; exports drop them.",
                find, bilingual=False),)
