"""Characters that XML 1.0 cannot hold, found once here for the check and the XML exporters.

XML 1.0 allows tab, line feed, carriage return and everything from U+0020 up except the
surrogate block and U+FFFE/U+FFFF (https://www.w3.org/TR/xml/#charsets). Not even a character
reference can carry the others, so an exporter must drop them. Bidi marks (U+200E, U+200F,
U+061C) are ordinary characters to XML and are kept.
"""

from __future__ import annotations

import re

#: The declaration both XML exporters (TMX, XLIFF) write before their root element.
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'

#: One run of characters XML 1.0 cannot hold (lone surrogates come from undecodable bytes).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]+")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold; everything else untouched."""
    return XML_INVALID.sub("", text)


def describe(chars: str) -> str:
    """``U+0007 U+001B`` for a run of characters, for messages."""
    return " ".join(f"U+{ord(c):04X}" for c in dict.fromkeys(chars))
