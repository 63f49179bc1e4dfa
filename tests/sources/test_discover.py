"""Finding sources under directories and globs; one parallel source from two plain files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aligner.errors import InputError
from aligner.sources.discover import discover, plan_sources

EN = "The boy went to school. He read a book.\n"
AR = "ذهب الولد إلى المدرسة. قرأ كتابا.\n"


def make(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


@pytest.fixture()
def cwd(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_directory_groups_by_name_and_keeps_tmx_alone(cwd):
    make(cwd, {"c/a.ar.txt": AR, "c/a.en.txt": EN, "c/b.txt": EN + AR,
               "c/sub/memory.tmx": "<tmx/>", "c/meta.json": "{}", "c/.git/x.txt": EN,
               "c/lone.en.txt": EN, "c/three.ar.txt": AR, "c/three.en.txt": EN,
               "c/three.fr.txt": EN})
    assert discover(["c"]) == [
        ("c/a.ar.txt", "c/a.en.txt"), ("c/b.txt",), ("c/lone.en.txt",),
        ("c/sub/memory.tmx",),
        ("c/three.ar.txt",), ("c/three.en.txt",), ("c/three.fr.txt",)]


def test_same_language_tags_are_not_a_pair(cwd):
    make(cwd, {"d/x.en.txt": EN, "d/x.en-GB.txt": EN})
    assert discover(["d"]) == [("d/x.en-GB.txt",), ("d/x.en.txt",)]


def test_globs_expand_to_sources_and_folders(cwd):
    make(cwd, {"c/one/a.txt": EN + AR, "c/two/b.ar.txt": AR, "c/two/b.en.txt": EN,
               "c/notes.md": "x"})
    assert discover(["c/*"]) == [("c/one/a.txt",), ("c/two/b.ar.txt", "c/two/b.en.txt")]
    assert discover(["c/**/*.en.txt"]) == [("c/two/b.en.txt",)]


def test_a_path_found_twice_is_checked_once(cwd):
    make(cwd, {"c/a.txt": EN + AR, "c/b.txt": EN + AR})
    assert discover(["c/b.txt", "c", "./c/a.txt"]) == [("c/b.txt",), ("c/a.txt",)]


@pytest.mark.parametrize("arg", ["empty", "nothing-*.txt"])
def test_nothing_to_check_is_an_input_error(cwd, arg):
    (cwd / "empty").mkdir()
    make(cwd, {"empty/readme.md": "no sources"})
    with pytest.raises(InputError) as err:
        discover([arg])
    assert err.value.file == arg


@pytest.mark.parametrize("arg", ["", "  "])
def test_an_empty_argument_is_an_error_not_the_working_directory(cwd, arg):
    # `align check "$FILE"` with FILE unset: Path("") is ".", which holds a source here.
    make(cwd, {"a.txt": EN + AR})
    with pytest.raises(InputError, match="empty path argument"):
        discover(["a.txt", arg])


def test_two_plain_files_in_two_languages_are_one_source(cwd):
    make(cwd, {"orig.txt": AR, "trans.txt": EN, "both.txt": EN + AR, "other.txt": EN})
    assert plan_sources(["trans.txt", "orig.txt"]) == [("trans.txt", "orig.txt")]
    with pytest.raises(InputError, match="both files are English"):  # issue 11: no silent pass
        plan_sources(["trans.txt", "other.txt"])
    assert plan_sources(["both.txt", "orig.txt"]) == [("both.txt",), ("orig.txt",)]
    assert plan_sources(["trans.txt"]) == [("trans.txt",)]


def test_two_arabic_files_given_as_a_pair_are_an_error(cwd):
    make(cwd, {"a.ar.txt": AR, "b.ar.txt": AR})
    with pytest.raises(InputError, match="both files are Arabic") as err:
        plan_sources(["a.ar.txt", "b.ar.txt"])
    assert err.value.file == "b.ar.txt"


@pytest.mark.parametrize("name,kind", [("t.sdlxliff", "Trados SDLXLIFF"),
                                       ("t.mqxliff", "memoQ XLIFF"), ("t.tbx", "TBX"),
                                       ("t.pdf", "PDF")])
def test_structured_formats_are_not_read_as_prose(cwd, name, kind):
    make(cwd, {name: EN + AR})
    with pytest.raises(InputError, match=f"is an? {kind}") as err:
        discover([name])
    assert err.value.file == name


def test_explicit_name_pairs_are_grouped(cwd):
    make(cwd, {"s.ar.txt": AR, "s.en.txt": EN})
    assert discover(["s.ar.txt", "s.en.txt"]) == [("s.ar.txt", "s.en.txt")]


def test_a_file_name_that_is_not_utf8_is_an_input_error(cwd):
    # Latin-1 "café.txt" on a UTF-8 file system: no JSON/TMX/HTML output could carry its name.
    folder = cwd / "c"
    folder.mkdir()
    with open(os.fsencode(folder) + b"/caf\xe9.txt", "wb") as fh:
        fh.write((EN + AR).encode("utf-8"))
    for arg in ("c", os.fsdecode(b"c/caf\xe9.txt")):
        with pytest.raises(InputError, match="not valid UTF-8") as err:
            discover([arg])
        assert err.value.file == "c/caf\\xe9.txt"
