"""``xml-invalid-char`` and the sanitiser the XML exporters share."""

from __future__ import annotations

from aligner import Config, check
from aligner.model import Severity
from aligner.xmlchars import xml_safe


def test_xml_safe_drops_only_what_xml_cannot_hold():
    kept = "a\tb\nc\rd \u200e\u200f\u061c é ع 😀 \ufffd \x7f\x85"
    assert xml_safe(kept) == kept
    assert xml_safe("a\x00b\x07c\x1bd\ufffee\uffff\ud800f") == "abcdef"


def test_check_reports_the_character_where_it_is(tmp_path):
    path = tmp_path / "cc.txt"
    path.write_text("هذا نص\x07 عربي للتجربة.\n\nThis is \u200fan Arabic text for testing.\n",
                    encoding="utf-8")
    result = check([str(path)], Config(encoding="utf-8"))
    hits = [f for f in result.findings if f.check == "xml-invalid-char"]
    assert len(hits) == 1  # the right-to-left mark in the English is not flagged
    (hit,) = hits
    assert hit.severity is Severity.WARNING
    assert (hit.side, hit.span) == ("src", (6, 7))
    assert (hit.loc.line, hit.loc.col) == (1, 7)
    assert "U+0007" in hit.message
