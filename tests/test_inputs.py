"""aligner.inputs: only regular files or standard input are read, never more than a cap."""

from __future__ import annotations

import io
import os
import sys
import time

import pytest

from aligner.errors import ConfigError, InputError
from aligner.inputs import (
    DEFAULT_MAX_BYTES,
    check_input,
    format_size,
    parse_size,
    read_input,
)


@pytest.mark.parametrize("text, size", [
    ("500000", 500_000), ("500k", 500_000), ("100M", 100_000_000), ("100MB", 100_000_000),
    ("2g", 2_000_000_000), (" 7 ", 7),
])
def test_parse_size(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "10x", "-5", "1.5M", "M"])
def test_parse_size_refuses_what_is_not_a_size(text):
    with pytest.raises(ConfigError, match="not a size"):
        parse_size(text)


def test_format_size():
    assert format_size(DEFAULT_MAX_BYTES) == "100 MB"
    assert format_size(1500) == "1500 bytes" and format_size(3000) == "3 kB"


def test_a_regular_file_is_read_up_to_the_cap(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert read_input(path, 100) == b"x" * 100
    with pytest.raises(InputError, match="larger than 99 bytes") as info:
        read_input(path, 99)
    assert info.value.file == str(path) and "--max-bytes" in str(info.value)
    with pytest.raises(InputError, match="larger than"):
        check_input(path, 99)
    check_input(path, 100)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_a_device_is_refused_at_once(device):
    start = time.monotonic()
    with pytest.raises(InputError, match="is a device; glossary must be a regular file"):
        read_input(device, what="glossary ")
    with pytest.raises(InputError, match="is a device"):
        check_input(device)
    assert time.monotonic() - start < 5


def test_a_pipe_without_a_writer_is_refused_not_waited_for(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    start = time.monotonic()
    with pytest.raises(InputError, match="is a pipe"):
        read_input(fifo)
    assert time.monotonic() - start < 5


@pytest.mark.parametrize("make, words", [
    (lambda p: p, "no such file"),
    (lambda p: (p.mkdir(), p)[1], "is a directory"),
])
def test_missing_files_and_folders_name_the_problem(tmp_path, make, words):
    path = make(tmp_path / "x")
    with pytest.raises(InputError, match=words):
        read_input(path)


def test_a_symbolic_link_loop_is_one_error(tmp_path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    with pytest.raises(InputError, match="loop of symbolic links"):
        read_input(tmp_path / "a")


def test_standard_input_is_read_up_to_the_cap(monkeypatch):
    class Endless(io.RawIOBase):
        """Standard input that never ends (``yes |``, ``< /dev/zero``)."""

        def readable(self):
            return True

        def readinto(self, buffer):
            buffer[:] = b"y" * len(buffer)
            return len(buffer)

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BufferedReader(Endless())))
    with pytest.raises(InputError, match="larger than 1 kB") as info:
        read_input("-", 1000)
    assert info.value.file == "standard input"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"short")))
    assert read_input("-", 1000) == b"short"
    monkeypatch.setattr(sys, "stdin", None)
    with pytest.raises(InputError, match="closed"):
        read_input("-")
