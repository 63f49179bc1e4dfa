"""Sources are decoded as they are read (issue 14): whatever the chunk size, ``read_text``
gives the text, or the refusal, that decoding the whole file at once gives."""

import codecs

import pytest

from aligner import inputs
from aligner.errors import InputError
from aligner.sources.encoding import decode, read_text

AR = "قال الوزير إن 31 طائرة وصلت.\n"
EN = "The minister said 31 planes arrived.\n"

CASES = {
    "utf-8": (AR * 5 + EN * 5).encode("utf-8"),
    "utf-8 with BOM": codecs.BOM_UTF8 + (AR * 3 + EN).encode("utf-8"),
    "two BOMs": codecs.BOM_UTF8 + ("\ufeff" + AR + EN).encode("utf-8"),
    "utf-16": (AR + EN).encode("utf-16"),
    "utf-32": (AR + EN).encode("utf-32"),
    "windows-1256": (AR * 4).encode("cp1256"),
    "bad byte late in a UTF-8 file": (AR * 6).encode("utf-8") + b"\xff" + AR.encode("utf-8"),
    "bad byte after a BOM": codecs.BOM_UTF8 + (AR * 2).encode("utf-8") + b"\xc3(",
    "mixed encodings": (AR * 3).encode("utf-8") + (AR * 2).encode("cp1256"),
    "cut in the middle of a character": (AR * 2).encode("utf-8")[:-2],
    "control character": (EN * 3 + "\x01" + EN).encode("utf-8"),
    "control character after a BOM": codecs.BOM_UTF8 + (EN + "\x01").encode("utf-8"),
    "old Mac line ends": (EN * 3).replace("\n", "\r").encode("utf-8"),
    "only whitespace": b" \n\t \r\n",
    "empty": b"",
}


def _whole(data: bytes) -> str:
    """What the reader gave before it streamed: decode the whole bytes at once."""
    text = decode(data, "f.txt")
    if not text.strip():
        raise InputError("file is empty", "f.txt")
    return text.replace("\r", "\n") if "\r" in text and "\n" not in text else text


@pytest.mark.parametrize("chunk", [1, 2, 3, 5, 64, 1 << 20])
@pytest.mark.parametrize("case", sorted(CASES))
def test_streamed_text_or_refusal_equals_whole_file(tmp_path, monkeypatch, case, chunk):
    data = CASES[case]
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    monkeypatch.setattr(inputs, "CHUNK", chunk)
    try:
        want = _whole(data)
    except InputError as exc:
        with pytest.raises(InputError) as got:
            read_text(path)
        assert got.value.args == exc.args
        return
    assert read_text(path) == want


def test_refusals_are_the_messages_users_see(tmp_path, monkeypatch):
    # The twin of the equality test: these inputs must be refused, with line and byte.
    monkeypatch.setattr(inputs, "CHUNK", 7)
    path = tmp_path / "f.txt"
    path.write_bytes(CASES["bad byte late in a UTF-8 file"])
    with pytest.raises(InputError, match=r"invalid UTF-8 at line 7 \(byte \d+, 0xff\)"):
        read_text(path)
    path.write_bytes(CASES["mixed encodings"])
    with pytest.raises(InputError, match="mixes encodings"):
        read_text(path)


def test_the_cap_holds_while_streaming(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "CHUNK", 4)
    path = tmp_path / "f.txt"
    path.write_bytes(CASES["utf-8"])
    with pytest.raises(InputError, match="larger than 100 bytes"):
        read_text(path, max_bytes=100)
    assert read_text(path, max_bytes=len(CASES["utf-8"])).startswith("قال")


def test_chunks_are_bounded(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "CHUNK", 1000)
    path = tmp_path / "f.txt"
    path.write_bytes(b"x" * 4500)
    assert [len(c) for c in inputs.iter_input(path)] == [1000] * 4 + [500]


def _split_lines(text):
    """Every line's (start, end) from a list of all lines: what the readers did before."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        out.append((pos, end - 1 if line.endswith("\r") else end))
        pos = end + 1
    return out


@pytest.mark.parametrize("text", ["", "a", "a\n", "\n\n", "ab\r\ncd\r\n", "x\ry\n\rz", "a\nb\nc"])
def test_lines_found_one_at_a_time_are_every_line(text):
    from aligner.sources.combined import iter_lines

    assert list(iter_lines(text)) == _split_lines(text)
    for start in range(len(text) + 1):
        for stop in range(start, len(text) + 1):
            want = [(a, b) for a, b in _split_lines(text) if b > start and a < stop]
            assert [(a, b) for a, b in iter_lines(text, start, stop)
                    if b > start and a < stop] == want


def test_standard_input_is_streamed_too(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(inputs, "CHUNK", 5)
    data = CASES["utf-8 with BOM"]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert read_text("-") == _whole(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    with pytest.raises(InputError, match="larger than 20 bytes"):
        read_text("-", max_bytes=20)
