"""The glossary reader: TBX (v2 martif and v3), TSV, hardened XML, errors naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from aligner.errors import InputError
from aligner.glossary import default_glossary_path, load_glossary, parse_tbx, parse_tsv

ROOT = Path(__file__).resolve().parent.parent

TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>t</p>
</sourceDesc></fileDesc></martifHeader><text><body>
<termEntry id="a"><descrip type="subjectField">military</descrip>
 <langSet xml:lang="ar-IQ"><tig><term>الدبابة</term></tig><tig><term>دبابة</term></tig></langSet>
 <langSet xml:lang="en-GB"><tig><term>tank</term>
   <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
  <tig><term>armored vehicle</term></tig>
  <tig><term>water tank</term>
   <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet>
</termEntry>
<termEntry id="b"><langSet xml:lang="ar"><tig><term>بلا ترجمة</term></tig></langSet></termEntry>
</body></text></martif>"""


def test_tbx_entries_variants_and_wrong_renderings():
    (term,) = parse_tbx(TBX.encode())
    assert term.ar == ("الدبابة", "دبابة")
    assert term.en == ("tank", "armored vehicle")
    assert term.wrong == ("water tank",)
    assert term.domain == "military"
    assert term.preferred == "tank"


def test_tbx_v3_namespaced():
    doc = """<tbx xmlns="urn:iso:std:iso:30042:ed-2" type="TBX-Basic" xml:lang="en"><text><body>
    <conceptEntry id="c1"><langSec xml:lang="ar"><termSec><term>الهدنة</term></termSec></langSec>
    <langSec xml:lang="en"><termSec><term>truce</term></termSec></langSec></conceptEntry>
    </body></text></tbx>"""
    (term,) = parse_tbx(doc.encode())
    assert (term.ar, term.en) == (("الهدنة",), ("truce",))


def test_tsv_with_header_comments_variants_and_wrong():
    text = "ar\ten\n# comment\n\nالهدنة|هدنة\ttruce|ceasefire|!armistice day\n"
    (term,) = parse_tsv(text)
    assert term.ar == ("الهدنة", "هدنة")
    assert term.en == ("truce", "ceasefire")
    assert term.wrong == ("armistice day",)


def test_tsv_line_without_tab_names_file_and_line(tmp_path):
    path = tmp_path / "g.tsv"
    path.write_text("الهدنة truce\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(path) in str(err.value) and "line 1" in str(err.value)


def test_tsv_with_swapped_columns_is_an_input_error(tmp_path):
    # english<TAB>arabic would load, and then no entry could ever match.
    path = tmp_path / "g.tsv"
    path.write_text("# terms\nالهدنة\ttruce\nceasefire\tوقف إطلاق النار\n", encoding="utf-8")
    with pytest.raises(InputError, match="line 3: the first column has no Arabic") as err:
        load_glossary(path)
    assert err.value.file == str(path)


@pytest.mark.parametrize("content, problem", [
    ("<martif><text><body><termEntry>", "well-formed"),
    ("<root/>", "not a TBX"),
    ("<martif><text><body/></text></martif>", "no Arabic-English entries"),
])
def test_malformed_tbx_is_an_input_error_naming_the_file(tmp_path, content, problem):
    path = tmp_path / "bad.tbx"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_glossary(path)
    assert str(path) in str(err.value) and problem in str(err.value)


def test_missing_glossary_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such glossary file"):
        load_glossary(tmp_path / "none.tbx")


def test_entities_are_not_expanded(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    doc = f"""<?xml version="1.0"?>
<!DOCTYPE martif [<!ENTITY x SYSTEM "file://{secret}"><!ENTITY y "expanded">]>
<martif><text><body><termEntry>
<langSet xml:lang="ar"><tig><term>الهدنة</term></tig></langSet>
<langSet xml:lang="en"><tig><term>truce &x;&y;</term></tig></langSet>
</termEntry></body></text></martif>"""
    (term,) = parse_tbx(doc.encode())
    assert "TOPSECRET" not in term.en[0] and "expanded" not in term.en[0]


def test_shipped_glossary_covers_the_domain():
    glossary = load_glossary()
    assert len(glossary.terms) >= 60
    domains = {t.domain for t in glossary.terms}
    assert {"security", "military", "diplomacy", "politics"} <= domains
    by_ar = {form: t for t in glossary.terms for form in t.ar}
    assert "spare parts" in by_ar["قطع الغيار"].en
    assert "Security Council" in by_ar["مجلس الأمن"].en
    assert "PMF" in by_ar["الحشد الشعبي"].en


def test_corpus_copy_is_the_shipped_glossary():
    corpus_copy = ROOT / "corpora" / "glossary" / "ar-en.tbx"
    assert corpus_copy.read_bytes() == default_glossary_path().read_bytes()
