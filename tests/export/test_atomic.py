"""Output files: written whole or not at all, and checked before a run writes any."""

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
