import codecs

import pytest

from aligner.errors import InputError
from aligner.sources import read_source
from aligner.sources.encoding import decode, read_text

ARABIC = "السفير الروسي لدى العراق إلبروس كوتراشيف"


@pytest.mark.parametrize("data", [
    ARABIC.encode("utf-8"),
    codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
    ARABIC.encode("utf-16"),                          # BOM included by Python
    codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
    ARABIC.encode("cp1256"),
])
def test_detects_supported_encodings(data):
    assert decode(data, "x.txt") == ARABIC


def test_bom_is_not_part_of_the_text():
    # Offsets count from the first character after the BOM.
    assert not decode(codecs.BOM_UTF8 + b"abc", "x")[0] == "\ufeff"


def test_forced_encoding_is_used():
    data = "é".encode("latin-1")
    assert decode(data, "x", "latin-1") == "é"


def test_forced_encoding_that_fails_names_the_file():
    with pytest.raises(InputError) as exc:
        decode(ARABIC.encode("utf-8"), "bad.txt", "ascii")
    assert "bad.txt" in str(exc.value) and "ascii" in str(exc.value)


@pytest.mark.parametrize("forced", ["cp1256", "windows-1256", "latin-1"])
def test_utf8_file_forced_to_a_code_page_is_refused(forced):
    # Every byte decodes in a single-byte code page: without this check the mojibake
    # ("ط°ظƒط±...") would be aligned and checked as if it were the text.
    with pytest.raises(InputError, match="is UTF-8") as exc:
        decode(ARABIC.encode("utf-8"), "news.txt", forced)
    assert exc.value.file == "news.txt"


def test_forced_code_page_on_its_own_text_and_on_ascii():
    assert decode(ARABIC.encode("cp1256"), "x", "cp1256") == ARABIC
    assert decode(b"plain ascii", "x", "cp1256") == "plain ascii"
    assert decode(ARABIC.encode("utf-8"), "x", "UTF8") == ARABIC


def test_unknown_encoding_name():
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "x", "no-such-codec")
    # codecs.lookup raises ValueError, not LookupError, for a name with a NUL in it.
    with pytest.raises(InputError, match="unknown encoding"):
        decode(b"abc", "x", "utf\x008")


def test_binary_data_is_refused():
    with pytest.raises(InputError, match="cannot be decoded"):
        decode(bytes(range(256)) * 4, "blob.bin")


def test_utf16_without_bom_is_refused():
    # NUL bytes everywhere: neither UTF-8 text nor Windows-1256 Arabic.
    with pytest.raises(InputError):
        decode("hello world".encode("utf-16-le"), "x.txt")


def test_empty_and_whitespace_files(tmp_path):
    for content in (b"", b"  \n\n\t"):
        path = tmp_path / "empty.txt"
        path.write_bytes(content)
        with pytest.raises(InputError, match="empty") as exc:
            read_text(path)
        assert str(path) in str(exc.value)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "nope.txt")


def test_old_mac_line_ends_are_lines(tmp_path):
    # "\r" only: without this the file is one line and one language "is missing".
    path = tmp_path / "mac.txt"
    text = "The minister spoke.\r\r" + ARABIC + ".\r"
    path.write_bytes(text.encode("utf-8"))
    read = read_text(path)
    assert read == text.replace("\r", "\n") and len(read) == len(text)
    source = read_source([str(path)])
    assert [b.lang for b in source.blocks] == ["en", "ar"]


def test_windows_line_ends_are_kept(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(b"One.\r\nTwo.\r\n")
    assert read_text(path) == "One.\r\nTwo.\r\n"
