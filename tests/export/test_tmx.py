"""TMX 1.4b export: valid against the shipped DTD, read back by our reader and by
translate-toolkit."""

from __future__ import annotations

import os
import re
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from aligner import Config, check
from aligner.cli import main
from aligner.errors import AlignerError
from aligner.export.tmx import to_tmx, write_tmx
from aligner.model import SRC, TGT

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
# The TMX 1.4b DTD (LISA OSCAR), shipped in the package data for users' validators; the tests
# validate every TMX they write against it, an expectation written independently of the exporter.
DTD = Path(__file__).resolve().parents[2] / "aligner" / "data" / "tmx14.dtd"
REQUIRED_HEADER = ("creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang",
                   "srclang", "datatype")


def parse_valid(data: bytes) -> etree._Element:
    """Parse a TMX we wrote and assert it is valid against the DTD shipped in the package."""
    root = etree.fromstring(data, SAFE)
    dtd = etree.DTD(str(DTD))
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    return root


def aligned(result):
    return [p for p in result.pairs if p.src and p.tgt]


def props(el, kind):
    return [p.text for p in el.findall("prop") if p.get("type") == kind]


def test_corpus_tmx_via_cli_is_valid_and_complete(tmp_path, corpus_path, corpus_result):
    out = tmp_path / "out.tmx"
    res = CliRunner().invoke(main, ["check", str(corpus_path), "--tmx", str(out)])
    assert res.exit_code in (0, 1), res.output
    data = out.read_bytes()
    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n'
                           b'<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
    root = parse_valid(data)
    assert root.get("version") == "1.4"
    header = root.find("header")
    for attr in REQUIRED_HEADER:
        assert header.get(attr), attr
    assert header.get("creationtool") == "aligner"
    assert header.get("segtype") == "sentence"
    assert header.get("datatype") == "plaintext"
    assert header.get("srclang") == "ar"
    assert re.fullmatch(r"\d{8}T\d{6}Z", header.get("creationdate"))
    tus = root.findall("body/tu")
    pairs = aligned(corpus_result)
    # Pair 0, the untranslated Arabic headline (1-0), is left out by default.
    assert corpus_result.pairs[0].bead == "1-0"
    assert len(tus) == len(pairs) == len(corpus_result.pairs) - 1
    for tu, pair in zip(tus, pairs):
        assert tu.get("tuid") == str(pair.id)
        tuvs = tu.findall("tuv")
        assert [t.get(XML_LANG) for t in tuvs] == ["ar", "en"]
        assert tuvs[0].findtext("seg") == pair.text(SRC)
        assert tuvs[1].findtext("seg") == pair.text(TGT)
        assert props(tu, "x-bead") == [pair.bead]
        assert float(props(tu, "x-score")[0]) == pytest.approx(pair.score, abs=1e-4)
        line = pair.src[0].loc.line
        assert props(tuvs[0], "x-location")[0].endswith(f":{line}:{pair.src[0].loc.col}")
    # The 1-2 pair keeps both English sentences, joined by one space, in one segment.
    two = next(p for p in pairs if p.bead == "1-2")
    seg = tus[pairs.index(two)].findall("tuv")[1].findtext("seg")
    assert seg == f"{two.tgt[0].text} {two.tgt[1].text}"


def test_unaligned_pairs_kept_with_a_note_on_request(tmp_path, corpus_result):
    root = parse_valid(to_tmx([corpus_result], include_unaligned=True))
    tus = root.findall("body/tu")
    assert len(tus) == len(corpus_result.pairs)
    first = tus[0]
    assert [t.get(XML_LANG) for t in first.findall("tuv")] == ["ar"]
    notes = [n.text for n in first.findall("note")]
    assert any(n.startswith("Unaligned") for n in notes)
    # The untranslated finding travels as a prop (its id) and a note (its message).
    finding = next(f for f in corpus_result.findings if f.pair == 0)
    assert finding.check in props(first, "x-findings")[0].split()
    assert any(finding.message in n and finding.severity.value in n for n in notes)


def test_round_trip_tmx_read_back_gives_the_same_pairs(tmp_path, corpus_result):
    out = tmp_path / "rt.tmx"
    write_tmx(out, [corpus_result])
    parse_valid(out.read_bytes())
    back = check([str(out)])
    assert back.src_lang == "ar" and back.tgt_lang == "en"
    assert [(p.text(SRC), p.text(TGT)) for p in back.pairs] == \
        [(p.text(SRC), p.text(TGT)) for p in aligned(corpus_result)]


def test_translate_toolkit_reads_the_tmx(corpus_result):
    from translate.storage import tmx

    data = to_tmx([corpus_result])
    parse_valid(data)
    store = tmx.tmxfile(data, sourcelanguage="ar", targetlanguage="en")
    pairs = aligned(corpus_result)
    assert len(store.units) == len(pairs)
    for unit, pair in zip(store.units, pairs):
        assert unit.source == pair.text(SRC)
        assert unit.target == pair.text(TGT)
        assert unit.getid() == str(pair.id)


def _control_file(tmp_path: Path) -> Path:
    path = tmp_path / "cc.txt"
    path.write_text("هذا نص عربي\x07 للتجربة. وهذه جملة \u200fثانية.\n\n"
                    "This is Arabic\x01\x1b text for testing. And this is a second sentence.\n",
                    encoding="utf-8")
    return path


def test_control_characters_are_dropped_with_a_finding(tmp_path):
    src = _control_file(tmp_path)
    out, js = tmp_path / "cc.tmx", tmp_path / "cc.json"
    res = CliRunner().invoke(main, ["check", str(src), "--encoding", "utf-8", "--tmx", str(out),
                                    "--json", str(js)])
    assert res.exit_code == 0, res.output
    assert "xml-invalid-char" in res.output and "U+0007" in res.output
    segs = [s.text for s in parse_valid(out.read_bytes()).iter("seg")]
    assert "هذا نص عربي للتجربة." in segs
    assert "This is Arabic text for testing." in segs
    assert not any(re.search("[\x00-\x08\x0b\x0c\x0e-\x1f]", s) for s in segs)
    # Bidi marks are ordinary text: kept.
    assert any("\u200f" in s for s in segs)
    import json

    findings = json.loads(js.read_text(encoding="utf-8"))["findings"]
    hits = [f for f in findings if f["check"] == "xml-invalid-char"]
    assert {f["side"] for f in hits} == {"src", "tgt"}
    assert any("U+0001 U+001B" in f["message"] for f in hits)


def test_export_does_not_change_the_result(tmp_path):
    result = check([str(_control_file(tmp_path))], Config(encoding="utf-8"))
    before = [p.text(SRC) for p in result.pairs]
    parse_valid(to_tmx([result]))
    assert [p.text(SRC) for p in result.pairs] == before
    assert "\x07" in before[0]


def test_dtd_validation_is_not_vacuous(corpus_result):
    # The same document with a <tuv> lacking its required <seg>, and a header without its
    # required srclang: the shipped DTD must reject both, or parse_valid proves nothing.
    root = parse_valid(to_tmx([corpus_result]))
    dtd = etree.DTD(str(DTD))
    tuv = root.find("body/tu/tuv")
    tuv.remove(tuv.find("seg"))
    assert not dtd.validate(root)
    root = parse_valid(to_tmx([corpus_result]))
    del root.find("header").attrib["srclang"]
    assert not dtd.validate(root)


def test_creation_date_is_utc_basic_format(corpus_result):
    moment = datetime(2024, 1, 2, 6, 4, 5, tzinfo=timezone(timedelta(hours=3)))
    root = parse_valid(to_tmx([corpus_result], created=moment))
    assert root.find("header").get("creationdate") == "20240102T030405Z"


def test_one_language_source_with_tmx_is_refused(tmp_path):
    src = tmp_path / "en.txt"
    src.write_text("Only English here. Nothing else at all.\n", encoding="utf-8")
    out = tmp_path / "out.tmx"
    out.write_text("previous contents", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(src), "--tmx", str(out)])
    assert res.exit_code == 2
    assert "Arabic is missing" in res.output and str(src) in res.output
    assert out.read_text(encoding="utf-8") == "previous contents"
    assert sorted(tmp_path.iterdir()) == sorted([src, out])  # no temporary file left behind


def test_library_refuses_a_one_language_result(tmp_path):
    src = tmp_path / "en.txt"
    src.write_text("Only English here. Nothing else at all.\n", encoding="utf-8")
    with pytest.raises(AlignerError, match="needs both languages"):
        to_tmx([check([str(src)])])


def test_written_file_has_the_usual_permissions(tmp_path, corpus_result):
    """Not the 0600 of a temporary file: a TM is shared like any file the user writes."""
    mask = os.umask(0o022)
    try:
        out = tmp_path / "out.tmx"
        write_tmx(out, [corpus_result])
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        out.chmod(0o640)  # an existing file keeps its mode when replaced
        write_tmx(out, [corpus_result])
        assert stat.S_IMODE(out.stat().st_mode) == 0o640
    finally:
        os.umask(mask)


def test_failed_write_leaves_no_file(tmp_path, corpus_result):
    target = tmp_path / "missing-dir" / "out.tmx"
    with pytest.raises(AlignerError, match="cannot write"):
        write_tmx(target, [corpus_result])
    assert not target.parent.exists()


def test_several_sources_one_valid_tmx_with_unique_ids(tmp_path, corpus_path):
    for name in ("one", "two"):
        (tmp_path / f"{name}.txt").write_bytes(corpus_path.read_bytes())
    out = tmp_path / "all.tmx"
    res = CliRunner().invoke(main, ["check", str(tmp_path), "--tmx", str(out)])
    assert res.exit_code in (0, 1), res.output
    root = parse_valid(out.read_bytes())
    ids = [tu.get("tuid") for tu in root.iter("tu")]
    assert len(ids) == len(set(ids)) == 2 * 12
    sources = {props(tu, "x-source")[0] for tu in root.iter("tu")}
    assert sources == {str(tmp_path / "one.txt"), str(tmp_path / "two.txt")}


def test_tmx_in_tmx_out(tmp_path):
    """A memory read for QA can be written back: same units, the header's original kept."""
    tico = Path(__file__).resolve().parents[1] / "data" / "tico19" / "all.en-ar.tmx"
    out = tmp_path / "tico.tmx"
    # One cheap check: this is about the memory written back, not about the checks.
    res = CliRunner().invoke(main, ["check", str(tico), "--checks", "untranslated",
                                    "--tmx", str(out), "-q"])
    assert res.exit_code == 0, res.output
    root = parse_valid(out.read_bytes())
    assert root.find("header").get("srclang") == "en"
    tus = root.findall("body/tu")
    assert len(tus) == 3071
    assert not any(props(tu, "x-score") for tu in tus)  # nothing was aligned, nothing scored
    assert [t.get(XML_LANG) for t in tus[0].findall("tuv")] == ["en", "ar"]
    assert tus[0].findall("tuv")[0].findtext("seg") == \
        "about how long have these symptoms been going on?"
