"""Format characters and presentation forms do not hide faults, and offsets stay in the original
(issue 11: a right-to-left mark next to a stray full stop removed all twelve findings)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aligner import Config, check
from aligner.model import LineIndex
from aligner.view import analysis_view, original_span, view_map, view_offset

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "almayadeen-iraq-russia" \
    / "almayadeen-iraq-russia.txt"
# The twelve stray full stops of the corpus (as in tests/checks/test_corpus_source_faults.py).
STRAY = {"العديد. من", "محل. الولايات", "المسؤولين. السياسيين", "ورئيس. هيئة",
         "فبراير/شباط. وأمين", "في. “تسليح", "بالملاحظة. بشكل", "تسعى. إلى",
         "للمعدات. العسكرية", "يوم. 20", "للعراق. للضغط", "للعراق. من"}

LEXICAL = Config(scorer="lexical")
MARKS = {"RLM": "\u200f", "LRM": "\u200e", "ZWJ": "\u200d", "ZWNJ": "\u200c"}
OTHER_FORMAT = ["\u061c", "\u202b", "\u202c", "\u2067", "\u2069", "\u00ad", "\ufeff", "\u200b"]


def _stray_dots(text: str) -> list[int]:
    """Offsets of the twelve stray full stops ("word. word") in the corpus text."""
    out = []
    for phrase in STRAY:
        before, after = phrase.split(". ")
        for m in re.finditer(re.escape(before) + r"\.(?= " + re.escape(after) + ")", text):
            out.append(m.end() - 1)
    return sorted(out)


def _with_marks(text: str, dots: list[int], mark: str, where: str) -> tuple[str, list[int]]:
    """``text`` with ``mark`` inserted before/after each stray stop, and the stops' new offsets."""
    out, moved, prev = [], [], 0
    for d in dots:
        out.append(text[prev:d])
        pos = sum(len(p) for p in out)
        if where == "before":
            out.append(mark + ".")
            moved.append(pos + len(mark))
        else:
            out.append("." + mark)
            moved.append(pos)
        prev = d + 1
    out.append(text[prev:])
    return "".join(out), moved


@pytest.fixture(scope="module")
def corpus_text() -> str:
    return CORPUS.read_text(encoding="utf-8")


def test_the_corpus_has_twelve_stray_stops(corpus_text):
    assert len(_stray_dots(corpus_text)) == 12


@pytest.mark.parametrize("name", sorted(MARKS))
@pytest.mark.parametrize("where", ["after", "before"])
def test_marks_next_to_stray_stops_hide_nothing(corpus_text, tmp_path, name, where):
    dots = _stray_dots(corpus_text)
    marked, moved = _with_marks(corpus_text, dots, MARKS[name], where)
    path = tmp_path / "marked.txt"
    path.write_text(marked, encoding="utf-8")
    result = check([str(path)], LEXICAL)
    hits = [f for f in result.findings if f.check == "stray-period"]
    index = LineIndex.of(marked)
    assert sorted(f.loc.start for f in hits) == moved
    for f in hits:
        assert marked[f.loc.start:f.loc.end] == "."
        assert (f.loc.line, f.loc.col) == index.line_col(f.loc.start)


def test_exports_keep_the_marks(corpus_text, tmp_path):
    dots = _stray_dots(corpus_text)
    marked, _ = _with_marks(corpus_text, dots, "\u200f", "after")
    path = tmp_path / "marked.txt"
    path.write_text(marked, encoding="utf-8")
    result = check([str(path)], LEXICAL)
    from aligner.export.json import dumps
    from aligner.export.tmx import to_tmx

    data = json.loads(dumps([result]))
    assert sum(s.count("\u200f") for p in data["pairs"] for s in p["src"]) == 12
    assert to_tmx([result]).count("\u200f".encode()) == 12


def test_presentation_forms_are_read_as_arabic(tmp_path):
    # "مرحبا بكم في المدينة." in isolated/final/initial presentation forms, then English.
    arabic = "ذهب الوزير إلى. العاصمة أمس"
    shaped = "".join(chr(0xFE8D) if c == "ا" else c for c in arabic)
    shaped = shaped.replace("ل", "\ufedd").replace("ع", "\ufec9").replace("ز", "\ufeaf")
    assert analysis_view(shaped) == arabic
    path = tmp_path / "pdf.txt"
    path.write_text(shaped + "\n\nThe minister went to the capital yesterday.\n", "utf-8")
    result = check([str(path)], LEXICAL)
    assert result.src_lang == "ar" and result.tgt_lang == "en"
    stray = [f for f in result.findings if f.check == "stray-period"]
    assert len(stray) == 1
    assert shaped[stray[0].loc.start] == "."


def test_lam_alef_ligature_maps_back_to_one_character():
    raw = "\ufefb\u200f."  # ﻻ (one character, two letters in the view), RLM, full stop
    view, offsets = view_map(raw)
    assert view == "لا."
    assert offsets == [0, 0, 2, 3]
    assert original_span(raw, (1, 2)) == (0, 1)
    assert original_span(raw, (2, 3)) == (2, 3)
    assert view_offset(raw, 2) == 2


_TEXT = st.text(alphabet=st.sampled_from(list("ab .،") + list(MARKS.values()) + OTHER_FORMAT
                                         + ["\ufefb", "\ufe8d"]), max_size=40)


@given(_TEXT)
def test_view_maps_every_character_back(raw):
    view, offsets = view_map(raw)
    if offsets is None:
        assert view == raw
        return
    assert len(offsets) == len(view) + 1 and offsets[-1] == len(raw)
    assert offsets == sorted(offsets)
    for i, ch in enumerate(view):
        assert ch in analysis_view(raw[offsets[i]])
    assert analysis_view(raw) == view


_SOURCE = ("التقى الوزير العديد. من المسؤولين في بغداد. وقال إن الزيارة مهمة.\n\n"
           "The minister met many officials in Baghdad. He said the visit was important.\n")


def _key(result) -> set:
    return {(f.check, f.side, f.severity, f.message) for f in result.findings}


@settings(max_examples=15, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(_SOURCE)),
                          st.sampled_from(list(MARKS.values()) + OTHER_FORMAT)),
                max_size=6))
@example(inserts=[(0, "\ufeff")])  # a leading U+FEFF is the file's byte-order mark
def test_format_characters_anywhere_change_no_finding(tmp_path_factory, inserts):
    """Findings are the same set (modulo offsets) wherever format characters are inserted, and
    every finding's span still points at the text it names."""
    text = _SOURCE
    for pos, ch in sorted(inserts, reverse=True):
        text = text[:pos] + ch + text[pos:]
    folder = tmp_path_factory.mktemp("fmt")
    plain, marked = folder / "plain.txt", folder / "marked.txt"
    plain.write_text(_SOURCE, "utf-8")
    marked.write_text(text, "utf-8")
    base, got = check([str(plain)], LEXICAL), check([str(marked)], LEXICAL)
    assert _key(got) == _key(base)
    # A U+FEFF that opens the file is its byte-order mark, not text: offsets count after it.
    decoded = text[1:] if text.startswith("\ufeff") else text
    for f in got.findings:
        pair = got.pairs[f.pair]
        shown = analysis_view(decoded[f.loc.start:f.loc.end])
        assert shown == pair.text(f.side)[f.span[0]:f.span[1]]
