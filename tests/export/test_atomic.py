"""Output files: written whole or not at all, and checked before a run writes any."""

import hashlib
import os
import socket
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from aligner.errors import AlignerError
from aligner.export.atomic import (
    atomic_write,
    check_creatable_dir,
    check_not_inputs,
    check_writable,
)


def test_check_writable_accepts_new_and_existing_files(tmp_path):
    (tmp_path / "old.json").write_text("{}")
    check_writable([tmp_path / "new.json", tmp_path / "old.json", None])
    # Accepted without raising, and checked without touching: nothing created or truncated.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.json"]
    assert (tmp_path / "old.json").read_text() == "{}"


@pytest.mark.parametrize("name, reason", [
    ("missing/out.json", "does not exist"),
    ("file.txt/out.json", "is not a directory"),
    ("folder", "is a directory"),
])
def test_check_writable_names_the_path_and_the_problem(tmp_path, name, reason):
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "folder").mkdir()
    with pytest.raises(AlignerError, match=reason) as info:
        check_writable([tmp_path / "ok.json", tmp_path / name])
    assert info.value.file == str(tmp_path / name)


def test_check_creatable_dir(tmp_path):
    (tmp_path / "file.txt").write_text("x")
    check_creatable_dir(tmp_path / "a" / "b")
    check_creatable_dir(None)
    with pytest.raises(AlignerError, match="is a file"):
        check_creatable_dir(tmp_path / "file.txt" / "reports")
    assert not (tmp_path / "a").exists()  # checking creates nothing


def test_atomic_write_leaves_nothing_on_failure(tmp_path):
    with pytest.raises(AlignerError, match="cannot write"):
        atomic_write(tmp_path / "missing" / "out.json", "{}")
    assert list(tmp_path.iterdir()) == []


def test_check_not_inputs_compares_resolved_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("x")
    check_not_inputs(["out.json", None], ["a.txt", ""])
    with pytest.raises(AlignerError, match="must not overwrite") as info:
        check_not_inputs(["out.json", "./sub/../a.txt"], [str(tmp_path / "a.txt")])
    assert info.value.file == "./sub/../a.txt"


def test_check_writable_refuses_one_file_for_two_outputs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(AlignerError, match="two outputs") as info:
        check_writable(["r.json", None, "out.tmx", "./r.json"])
    assert info.value.file == "r.json"


# --- special files, symbolic links, read-only folders (issue 11, "Files damaged") ----------

def _node(path):
    """What a test compares before and after: the node's type, and a regular file's hash."""
    st = os.lstat(path)
    digest = (hashlib.sha256(Path(path).read_bytes()).hexdigest()
              if stat.S_ISREG(st.st_mode) else None)
    return stat.S_IFMT(st.st_mode), st.st_rdev, digest


@pytest.fixture
def device(tmp_path):
    """A character device to write to: a private copy of /dev/null or /dev/full made with
    mknod where the test may (root), so a broken writer cannot damage the machine's own."""
    def make(name: str) -> str:
        real = f"/dev/{name}"
        copy = tmp_path / name
        try:
            os.mknod(copy, 0o666 | stat.S_IFCHR, os.stat(real).st_rdev)
        except OSError:
            return real
        return str(copy)
    return make


def test_a_character_device_is_written_in_place_never_replaced(device):
    null = device("null")
    before = _node(null)
    atomic_write(null, "{}")
    assert _node(null) == before and stat.S_ISCHR(before[0])


def test_a_full_device_is_an_error_and_stays_a_device(device):
    full = device("full")
    before = _node(full)
    check_writable([full])
    with pytest.raises(AlignerError, match="No space left") as info:
        atomic_write(full, "{}")
    assert info.value.file == full
    assert _node(full) == before and stat.S_ISCHR(before[0])


def test_a_pipe_is_written_in_place(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    # No reader: an error at once, not a hang, and the pipe is still a pipe.
    with pytest.raises(AlignerError, match="no process reads"):
        atomic_write(fifo, "{}")
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        atomic_write(fifo, "{}")
        assert os.read(reader, 10) == b"{}"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_dash_and_dev_stdout_write_to_standard_output(capsysbinary, monkeypatch):
    # Were /dev/stdout taken for a file, the rename would replace the machine's own link:
    # any temporary file or rename fails this test instead.
    def no_rename(*args, **kwargs):
        raise AssertionError("standard output must not be written through a temporary file")

    monkeypatch.setattr(tempfile, "mkstemp", no_rename)
    monkeypatch.setattr(os, "replace", no_rename)
    atomic_write("-", "one\n")
    atomic_write("/dev/stdout", "two\n")
    assert capsysbinary.readouterr().out == b"one\ntwo\n"
    assert stat.S_ISLNK(os.lstat("/dev/stdout").st_mode)


def test_a_closed_standard_output_is_one_error(monkeypatch):
    monkeypatch.setattr(sys, "stdout", None)
    with pytest.raises(AlignerError, match="cannot write to standard output"):
        atomic_write("-", "{}")


def test_a_symbolic_link_is_followed_not_replaced(tmp_path):
    (tmp_path / "real.json").write_text("old")
    (tmp_path / "link.json").symlink_to("real.json")
    atomic_write(tmp_path / "link.json", "new")
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_text() == "new"


def test_a_symbolic_link_loop_is_one_error(tmp_path):
    (tmp_path / "a").symlink_to("b")
    (tmp_path / "b").symlink_to("a")
    for call in (lambda: atomic_write(tmp_path / "a", "{}"),
                 lambda: check_writable([tmp_path / "a"])):
        with pytest.raises(AlignerError, match="loop"):
            call()
    assert (tmp_path / "a").is_symlink()


def test_a_trailing_slash_names_a_folder_not_a_file(tmp_path):
    with pytest.raises(AlignerError, match="ends in '/'"):
        check_writable([f"{tmp_path}/newdir/"])
    assert list(tmp_path.iterdir()) == []


def test_two_outputs_on_standard_output_are_refused():
    check_writable(["-", None])
    with pytest.raises(AlignerError, match="two outputs"):
        check_writable(["-", "/dev/stdout"])


def test_a_block_device_or_socket_is_refused(tmp_path):
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tmp_path / "s"))
        with pytest.raises(AlignerError, match="not a regular file"):
            check_writable([tmp_path / "s"])
        with pytest.raises(AlignerError, match="not a regular file"):
            atomic_write(tmp_path / "s", "{}")
    finally:
        sock.close()
    assert stat.S_ISSOCK(os.lstat(tmp_path / "s").st_mode)


def _immutable(folder: Path) -> bool:
    """Make ``folder`` immutable (root cannot write in it either): True when that worked."""
    res = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, check=False)
    return res.returncode == 0


def test_a_folder_that_cannot_be_written_is_found_before_writing(tmp_path):
    # Tests run as root, which permission bits do not stop: an immutable folder stops it.
    ro = tmp_path / "ro"
    ro.mkdir()
    if not _immutable(ro):
        pytest.skip("chattr +i is not available here; the monkeypatched test below still runs")
    try:
        with pytest.raises(AlignerError, match="not writable") as info:
            check_writable([tmp_path / "ok.json", ro / "a.json"])
        assert info.value.file == str(ro / "a.json")
        with pytest.raises(AlignerError, match="not writable"):
            check_creatable_dir(ro / "reports")
    finally:
        subprocess.run(["chattr", "-i", str(ro)], check=False)
    assert list(ro.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["ro"]


def test_the_folder_probe_is_what_decides(tmp_path, monkeypatch):
    # The same rule where chattr is missing: a folder that refuses a new file is not writable.
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    check_writable([tmp_path / "a.json"])
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(AlignerError, match=r"not writable \(Permission denied\)"):
        check_writable([tmp_path / "a.json"])


def test_an_input_reached_by_a_link_is_still_an_input(tmp_path):
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "link.txt").symlink_to("a.txt")
    os.link(tmp_path / "a.txt", tmp_path / "hard.txt")
    for out in ("link.txt", "hard.txt"):
        with pytest.raises(AlignerError, match="must not overwrite"):
            check_not_inputs([tmp_path / out], [tmp_path / "a.txt"])
    check_not_inputs(["-"], ["-"])
