"""XLIFF 2.1 export: structure of the core spec, findings as notes, read by translate-toolkit."""

from __future__ import annotations

from click.testing import CliRunner
from lxml import etree

from aligner import Config, check
from aligner.cli import main
from aligner.export.xliff import to_xliff
from aligner.model import SRC, TGT

NS = "urn:oasis:names:tc:xliff:document:2.0"
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def test_corpus_xliff_via_cli(tmp_path, corpus_path, corpus_result):
    out = tmp_path / "out.xlf"
    res = CliRunner().invoke(main, ["check", str(corpus_path), "--xliff", str(out)])
    assert res.exit_code in (0, 1), res.output
    root = etree.fromstring(out.read_bytes(), SAFE)
    assert root.tag == q("xliff")
    assert (root.get("version"), root.get("srcLang"), root.get("trgLang")) == ("2.1", "ar", "en")
    files = root.findall(q("file"))
    assert len(files) == 1 and files[0].get("original") == str(corpus_path)
    units = files[0].findall(q("unit"))
    assert len(units) == len(corpus_result.pairs)  # every pair, one unit each
    assert len({u.get("id") for u in units}) == len(units)
    for unit, pair in zip(units, corpus_result.pairs):
        children = [c.tag for c in unit]
        # Core 2.x order: notes before segments.
        assert children in ([q("segment")], [q("notes"), q("segment")])
        segment = unit.find(q("segment"))
        assert segment.findtext(q("source")) == pair.text(SRC)
        if pair.tgt:
            assert segment.get("state") == "translated"
            assert segment.findtext(q("target")) == pair.text(TGT)
        else:  # a 1-0 pair has no translation: XLIFF requires state="initial" then
            assert segment.get("state") == "initial"
            assert segment.find(q("target")) is None
    # The untranslated headline's finding is a note on its unit, for the source side.
    finding = next(f for f in corpus_result.findings if f.pair == 0)
    note = units[0].find(f"{q('notes')}/{q('note')}")
    assert note.get("category") == finding.check
    assert note.get("appliesTo") == "source"
    assert note.get("priority") == "1"
    assert note.text.startswith(finding.message)


def test_translate_toolkit_reads_the_xliff(corpus_result):
    from translate.storage import xliff2

    store = xliff2.Xliff2File(to_xliff([corpus_result]))
    assert store.getsourcelanguage() == "ar"
    assert store.gettargetlanguage() == "en"
    assert len(store.units) == len(corpus_result.pairs)
    for unit, pair in zip(store.units, corpus_result.pairs):
        assert unit.source == pair.text(SRC)
        assert (unit.target or "") == pair.text(TGT)


def test_control_characters_dropped_and_xliff_well_formed(tmp_path):
    src = tmp_path / "cc.txt"
    src.write_text("هذا نص عربي\x07 للتجربة. وهذه جملة ثانية.\n\n"
                   "This is Arabic\x01 text for testing. And this is a second sentence.\n",
                   encoding="utf-8")
    result = check([str(src)], Config(encoding="utf-8"))
    root = etree.fromstring(to_xliff([result]), SAFE)
    sources = [s.text for s in root.iter(q("source"))]
    assert "هذا نص عربي للتجربة." in sources
    notes = [n.get("category") for n in root.iter(q("note"))]
    assert notes.count("xml-invalid-char") == 2


def test_one_language_source_with_xliff_is_refused(tmp_path):
    src = tmp_path / "ar.txt"
    src.write_text("هذا نص عربي فقط. لا شيء غيره.\n", encoding="utf-8")
    out = tmp_path / "out.xlf"
    res = CliRunner().invoke(main, ["check", str(src), "--xliff", str(out)])
    assert res.exit_code == 2
    assert "English is missing" in res.output
    assert not out.exists()
