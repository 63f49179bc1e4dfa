"""Decoding decides by evidence (issue 11): a UTF-8 file with one bad byte is not read as
Windows-1256, mixed encodings are refused, UTF-32 is not read as UTF-16."""

from __future__ import annotations

import codecs

import pytest

from aligner.errors import InputError
from aligner.sources.encoding import decode

ARABIC = "التقى الوزير العديد من المسؤولين في بغداد.\n"
ENGLISH = "The minister met “many” officials in Baghdad — again.\n"


def test_one_bad_byte_at_the_end_of_utf8_is_refused_with_its_line():
    data = (ARABIC * 5 + ENGLISH * 5).encode("utf-8") + b"\xff"
    with pytest.raises(InputError) as err:
        decode(data, "a.txt")
    assert "invalid UTF-8 at line 11" in str(err.value)
    assert f"byte {len(data) - 1}" in str(err.value)


def test_a_bad_byte_inside_a_utf8_line_is_refused():
    data = (ARABIC * 3).encode("utf-8")
    data = data[:20] + b"\x81" + data[20:]
    with pytest.raises(InputError, match="invalid UTF-8 at line 1 "):
        decode(data, "a.txt")


def test_utf8_english_with_windows_1256_arabic_is_refused_as_mixed():
    data = ENGLISH.encode("utf-8") * 3 + ARABIC.encode("cp1256") * 3
    with pytest.raises(InputError, match=r"mixes encodings.*line 4"):
        decode(data, "a.txt")


def test_plain_windows_1256_is_still_read():
    data = (ARABIC * 3).encode("cp1256") + b"The minister met officials.\n"
    assert decode(data, "a.txt").startswith(ARABIC)


def test_windows_1256_question_marks_that_look_like_utf8_are_not_evidence():
    # "ة؟" in Windows-1256 is C9 BF: a valid two-byte UTF-8 sequence by accident, on a line whose
    # other bytes are not UTF-8 (so the line is not UTF-8 evidence).
    data = "هل هي المدينة؟\n".encode("cp1256") * 3
    assert decode(data, "a.txt") == "هل هي المدينة؟\n" * 3


@pytest.mark.parametrize("codec,bom", [("utf-32-le", codecs.BOM_UTF32_LE),
                                       ("utf-32-be", codecs.BOM_UTF32_BE)])
def test_utf32_with_bom_is_read_as_utf32(codec, bom):
    text = ARABIC + ENGLISH
    assert decode(bom + text.encode(codec), "a.txt") == text


def test_utf16_is_still_read():
    text = ARABIC + ENGLISH
    assert decode(text.encode("utf-16"), "a.txt") == text
