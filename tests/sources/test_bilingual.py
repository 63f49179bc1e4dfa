"""Bilingual files in: XLIFF 1.2 and 2.x and PO made by translate-toolkit, CAT-style XLIFF with
inline codes, our own XLIFF/TMX read back, and hostile XLIFF."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from translate.storage import po, xliff, xliff2
from translate.storage.placeables import StringElem
from translate.storage.placeables import xliff as px

from aligner import Config, check
from aligner.cli import main
from aligner.errors import InputError
from aligner.model import SRC, TGT
from aligner.sources.discover import discover
from aligner.sources.xliff import read_xliff

DATA = Path(__file__).resolve().parents[1] / "data" / "bilingual"
LEXICAL = Config(scorer="lexical")


def _only(result, check_id="tags"):
    return [f for f in result.findings if f.check == check_id]


def _xliff12(path: Path) -> Path:
    """An XLIFF file as translate-toolkit writes it, with <g> and <x/> codes."""
    store = xliff.xlifffile(sourcelanguage="ar", targetlanguage="en")
    unit = store.addsourceunit("")
    unit.rich_source = [StringElem(["اضغط ", px.G(id="1", sub=["هنا"]), " ثم ",
                                    px.X(id="2")])]
    unit.rich_target = [StringElem(["Click ", px.G(id="1", sub=["here"]), " then"])]
    plain = store.addsourceunit("شكرا لكم على الحضور.")
    plain.target = "Thank you for coming."
    path.write_bytes(bytes(store))
    return path


def test_xliff_1_from_translate_toolkit(tmp_path):
    path = _xliff12(tmp_path / "tt.xlf")
    result = check([str(path)], LEXICAL)
    assert (result.src_lang, result.tgt_lang) == ("ar", "en")
    first, second = result.pairs
    assert first.text(SRC) == "اضغط <g1>هنا</g1> ثم <x2/>"
    assert first.text(TGT) == "Click <g1>here</g1> then"
    assert second.text(TGT) == "Thank you for coming."
    text = path.read_text(encoding="utf-8")
    loc = second.tgt[0].loc
    assert text[loc.start:loc.end] == "Thank you for coming."
    assert text.splitlines()[loc.line - 1][loc.col - 1:].startswith("Thank you")
    (lost,) = _only(result)
    assert lost.pair == 0 and lost.side == TGT and lost.severity.value == "error"
    assert "<x2/>" in lost.message


def test_xliff_2_from_translate_toolkit(tmp_path):
    store = xliff2.Xliff2File(sourcelanguage="ar", targetlanguage="en")
    unit = store.addsourceunit("مرحبا يا %s، لديك {count} رسائل")
    unit.target = "Hello %s, you have messages"
    ok = store.addsourceunit("مرحبا يا %s")
    ok.target = "Hello %s"
    path = tmp_path / "tt2.xlf"
    path.write_bytes(bytes(store))
    result = check([str(path)], LEXICAL)
    assert [p.text(TGT) for p in result.pairs] == ["Hello %s, you have messages", "Hello %s"]
    (lost,) = _only(result)
    assert lost.pair == 0 and "{count}" in lost.message
    assert lost.loc is not None and lost.loc.line == path.read_text().splitlines().index(
        next(ln for ln in path.read_text().splitlines() if "you have messages" in ln)) + 1


def test_po_from_translate_toolkit(tmp_path):
    store = po.pofile()
    store.settargetlanguage("en")
    unit = store.addsourceunit("تم حذف %(count)d ملفات من {folder}")
    unit.target = "%(count)d files were deleted"
    fine = store.addsourceunit("تم حفظ الملف")
    fine.target = "The file was saved"
    path = tmp_path / "messages.po"
    path.write_bytes(bytes(store))
    result = check([str(path)], LEXICAL)
    assert (result.src_lang, result.tgt_lang) == ("ar", "en")
    assert [p.text(TGT) for p in result.pairs] == ["%(count)d files were deleted",
                                                   "The file was saved"]
    (lost,) = _only(result)
    assert "{folder}" in lost.message
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[lost.loc.line - 1] == 'msgstr "%(count)d files were deleted"'
    assert lost.loc.col == len('msgstr "') + 1


def test_cat_style_xliff_dropped_ph_is_an_error_at_its_unit():
    path = DATA / "cat-codes.xlf"
    result = check([str(path)], Config(scorer="lexical", enabled=("tags",)))
    (lost,) = result.findings
    assert lost.check == "tags" and lost.severity.value == "error"
    assert "<x2/>" in lost.message and "<fn1/>" in lost.message
    lines = path.read_text(encoding="utf-8").splitlines()
    # The unit's target, at the first character of its text.
    assert lost.loc.line == 12
    assert lines[11][lost.loc.col - 1:].startswith("The minister visited")
    # alt-trans proposals are not read: unit 3 is one pair with the real target.
    assert result.pairs[2].text(TGT) == "Page <x4/> of <x5/>"


def test_cat_style_xliff_2_codes():
    result = check([str(DATA / "cat-codes-2.xlf")], Config(scorer="lexical", enabled=("tags",)))
    kinds = [(f.pair, f.severity.value, f.message.split(" ")[1]) for f in result.findings]
    assert kinds == [(0, "error", "inline"), (1, "warning", "closing")]
    src = result.pairs[0].src[0]
    assert src.text == "اضغط <g1>هنا</g1> للمتابعة.<x2/>"
    assert src.codes[-1].native == "{0}"  # XLIFF 2 shows it in disp


def test_our_xliff_and_tmx_round_trip(tmp_path):
    text = tmp_path / "article.txt"
    text.write_text("قال الوزير إن الحكومة ستبني ثلاثة جسور جديدة.\nوأضاف أن العمل يبدأ غدا.\n"
                    "The minister said the government will build three new bridges.\n"
                    "He added that work starts tomorrow.\n", encoding="utf-8")
    xlf, tmx, first = tmp_path / "out.xlf", tmp_path / "out.tmx", tmp_path / "a.json"
    runner = CliRunner()
    res = runner.invoke(main, ["check", str(text), "--scorer", "lexical", "--xliff", str(xlf),
                               "--tmx", str(tmx), "--json", str(first), "-q"])
    assert res.exit_code in (0, 1), res.output
    pairs = [(p["src"], p["tgt"]) for p in json.loads(first.read_text())["pairs"]]
    for written in (xlf, tmx):
        again = tmp_path / f"{written.suffix[1:]}.json"
        res = runner.invoke(main, ["check", str(written), "--scorer", "lexical", "--json",
                                   str(again), "-q"])
        assert res.exit_code in (0, 1), res.output
        data = json.loads(again.read_text())
        assert [(" ".join(p["src"]), " ".join(p["tgt"])) for p in data["pairs"]] == [
            (" ".join(s), " ".join(t)) for s, t in pairs]


def test_discovery_finds_bilingual_files(tmp_path):
    for name in ("a.xlf", "b.xliff", "c.po", "d.tmx", "e.txt", "f.docx"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = sorted(Path(s[0]).name for s in discover([str(tmp_path)]))
    assert found == ["a.xlf", "b.xliff", "c.po", "d.tmx", "e.txt"]


@pytest.mark.parametrize("content, problem", [
    ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>\n'
     '<xliff version="1.2"><file source-language="ar" target-language="en"><body>'
     '<trans-unit id="1"><source>&b;</source></trans-unit></body></file></xliff>',
     "declares entities"),
    ('<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
     '<xliff version="1.2"><file><body><trans-unit id="1"><source>&xxe;</source>'
     '</trans-unit></body></file></xliff>', "declares entities"),
    ('<?xml version="1.0"?>\n<xliff version="1.2"><file><body><trans-unit id="1">'
     '<source>a</sourc></trans-unit></body></file></xliff>', "malformed XML"),
    ('<?xml version="1.0"?>\n<tmx version="1.4"/>', "not an XLIFF file"),
    ('<?xml version="1.0"?>\n<xliff version="3.0"/>', "version"),
])
def test_hostile_or_broken_xliff_is_one_line_error(tmp_path, content, problem):
    path = tmp_path / "bad.xlf"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=problem):
        read_xliff(path)
    res = CliRunner().invoke(main, ["check", str(path), "--scorer", "lexical"])
    assert res.exit_code == 2
    assert "Traceback" not in res.output and "root:" not in res.output


def test_xliff_over_the_size_cap_is_refused(tmp_path):
    path = _xliff12(tmp_path / "big.xlf")
    with pytest.raises(InputError, match=r"larger|too large|limit"):
        read_xliff(path, max_bytes=100)


def test_inline_codes_are_written_back_as_codes(tmp_path):
    """A file read with codes is written with codes (TMX bpt/ept/ph, XLIFF 2 sc/ec/ph), and
    reads back with the same tokens."""
    src = DATA / "cat-codes.xlf"
    tmx, xlf = tmp_path / "out.tmx", tmp_path / "out.xlf"
    res = CliRunner().invoke(main, ["check", str(src), "--scorer", "lexical", "--tmx",
                                    str(tmx), "--xliff", str(xlf), "-q"])
    assert res.exit_code == 1, res.output
    written = tmx.read_text(encoding="utf-8")
    assert '<bpt i="1">&lt;b&gt;</bpt>here<ept i="1">&lt;/b&gt;</ept>' in written
    assert '<ph x="2">&lt;fn1/&gt;</ph>' in written
    assert "&lt;g1&gt;" not in written  # tokens are not written as text
    assert '<sc id="1" disp="&lt;b&gt;"/>here<ec startRef="1" disp="&lt;/b&gt;"/>' in \
        xlf.read_text(encoding="utf-8")
    original = check([str(src)], LEXICAL)
    for path in (tmx, xlf):
        again = check([str(path)], LEXICAL)
        assert [(p.text(SRC), p.text(TGT)) for p in again.pairs] == [
            (p.text(SRC), p.text(TGT)) for p in original.pairs]
        assert [f.message for f in again.findings if f.check == "tags"] == [
            f.message for f in original.findings if f.check == "tags"]


@pytest.mark.parametrize("declared, origin", [
    (True, "from the file's source language"),
    (False, "from the script of its <source> text")])
def test_xliff_notice_says_where_the_original_language_came_from(tmp_path, declared, origin):
    langs = ' source-language="ar" target-language="en"' if declared else ""
    path = tmp_path / "u.xlf"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file original="x"'
        f'{langs}><body><trans-unit id="1"><source>شكرا لكم على الحضور.</source>'
        "<target>Thank you for coming.</target></trans-unit></body></file></xliff>\n",
        encoding="utf-8")
    result = check([str(path)], LEXICAL)
    (notice,) = [n for n in result.notices if "checked as they are aligned" in n]
    assert "original: Arabic" in notice and origin in notice
    assert "srclang" not in notice
