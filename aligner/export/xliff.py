"""XLIFF 2.1 export: one ``unit`` per pair, the findings as the unit's ``notes``.

Layout (XLIFF 2.1 core, namespace ``urn:oasis:names:tc:xliff:document:2.0``)::

    xliff version="2.1" srcLang trgLang
      file id="f1" original="<source file>"        one per result
        unit id="u<pair id>"
          notes/note category="<check id>" priority appliesTo="source|target"
          segment id="s<pair id>" state="translated"  (state="initial", no target, for a 1-0 pair)
            source / target

``priority`` maps severity to XLIFF's 1 (highest) to 10 scale: error 1, warning 5, info 9.
Characters XML 1.0 cannot hold are dropped (the ``xml-invalid-char`` check reports them).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from lxml import etree

from ..errors import AlignerError
from ..model import SRC, TGT, Finding, Pair, Result, Severity
from ..xmlchars import XML_DECLARATION, xml_safe
from .atomic import atomic_write
from .findings import by_pair, require_translation, with_suggestion

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF_VERSION = "2.1"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
PRIORITY = {Severity.ERROR: "1", Severity.WARNING: "5", Severity.INFO: "9"}
APPLIES_TO = {SRC: "source", TGT: "target"}


def to_xliff(results: Sequence[Result]) -> bytes:
    """The XLIFF 2.1 document (UTF-8 bytes): one ``file`` per result, one ``unit`` per pair.

    All results must share one language pair, since XLIFF declares it once for the document.
    """
    if not results:
        raise AlignerError("nothing to write: no source was checked")
    require_translation(results, "an XLIFF file")
    langs = {(r.src_lang, r.tgt_lang) for r in results}
    if len(langs) > 1:
        raise AlignerError("an XLIFF file holds one language pair, but the sources have "
                           + ", ".join(f"{s}->{t}" for s, t in sorted(langs)))
    src_lang, tgt_lang = langs.pop()
    root = etree.Element(_q("xliff"), {"version": XLIFF_VERSION, "srcLang": src_lang,
                                        "trgLang": tgt_lang or ""}, nsmap={None: XLIFF_NS})
    for k, result in enumerate(results):
        file_el = etree.SubElement(root, _q("file"), id=f"f{k + 1}")
        if result.sources:
            file_el.set("original", xml_safe(" + ".join(result.sources)))
        findings = by_pair(result.findings)
        for pair in result.pairs:
            file_el.append(_unit(pair, findings.get(pair.id, [])))
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", pretty_print=True)


def write_xliff(path: str | Path, results: Sequence[Result]) -> None:
    """Write :func:`to_xliff` to ``path`` atomically."""
    atomic_write(path, to_xliff(results))


def _unit(pair: Pair, findings: list[Finding]) -> etree._Element:
    unit = etree.Element(_q("unit"), id=f"u{pair.id}")
    notes = [(with_suggestion(f),
              {"category": f.check, "priority": PRIORITY[f.severity],
               "appliesTo": APPLIES_TO[f.side]}) for f in findings]
    if not pair.src:
        notes.insert(0, ("Unaligned: no source text corresponds to this translation.", {}))
    if notes:
        notes_el = etree.SubElement(unit, _q("notes"))
        for text, attrs in notes:
            etree.SubElement(notes_el, _q("note"), attrs).text = xml_safe(text)
    # XLIFF requires a target in every segment whose state is past "initial".
    state = "translated" if pair.tgt else "initial"
    segment = etree.SubElement(unit, _q("segment"), id=f"s{pair.id}", state=state)
    source = etree.SubElement(segment, _q("source"), {XML_SPACE: "preserve"})
    source.text = xml_safe(pair.original_text(SRC))
    if pair.tgt:
        target = etree.SubElement(segment, _q("target"), {XML_SPACE: "preserve"})
        target.text = xml_safe(pair.original_text(TGT))
    return unit


def _q(tag: str) -> str:
    return f"{{{XLIFF_NS}}}{tag}"
