"""TMX 1.4b export: one translation unit per aligned pair, findings carried as props and notes.

The file a CAT tool imports is what a reviewer sees, so each ``tu`` carries:

* ``prop type="x-score"`` (the alignment score), ``x-bead`` (``1-1``, ``1-2``...), ``x-source``
  (the file the pair came from) and ``x-findings`` (the ids of the checks that fired);
* one ``note`` per finding, with its severity, message and suggestion;
* in each ``tuv``, ``prop type="x-location"``: ``file:line:col`` of the text in the original.

Pairs with one empty side (``1-0``, ``0-1``) are not translations and are left out unless
``include_unaligned`` is set; then they are kept as a one-``tuv`` unit with a note saying so.
Characters XML 1.0 cannot hold are dropped here (the ``xml-invalid-char`` check reports them);
the :class:`~aligner.model.Result` itself is never changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from .. import __version__
from ..model import SRC, TGT, Finding, Pair, Result
from ..xmlchars import XML_DECLARATION, xml_safe
from .atomic import atomic_write
from .findings import by_pair, require_translation, with_suggestion
from .paths import place

DTD_PATH = Path(__file__).resolve().parent.parent / "data" / "tmx14.dtd"
DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
# Written by hand: lxml's own declaration uses single quotes, which some importers reject.
TOOL = "aligner"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALL_LANGS = "*all*"


def to_tmx(results: Sequence[Result], include_unaligned: bool = False,
           created: datetime | None = None) -> bytes:
    """The TMX 1.4b document (UTF-8 bytes) for the pairs of one or more results.

    Every result needs a translation side (``tgt_lang``). ``created`` is the header's
    creation date (default: now, UTC).
    """
    require_translation(results, "a TMX")
    src_langs = {r.src_lang for r in results}
    header_src = src_langs.pop() if len(src_langs) == 1 else ALL_LANGS
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", {
        "creationtool": TOOL,
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": TOOL,
        "adminlang": "en",
        "srclang": header_src,
        "datatype": "plaintext",
        "creationdate": _tmx_date(created or datetime.now(timezone.utc)),
    })
    body = etree.SubElement(root, "body")
    several = len(results) > 1
    for k, result in enumerate(results):
        findings = by_pair(result.findings)
        for pair in result.pairs:
            aligned = bool(pair.src) and bool(pair.tgt)
            if not aligned and not include_unaligned:
                continue
            tuid = f"{k + 1}-{pair.id}" if several else str(pair.id)
            body.append(_tu(pair, result, tuid, findings.get(pair.id, []),
                            per_tu_srclang=header_src == ALL_LANGS))
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", doctype=DOCTYPE,
                                            pretty_print=True)


def write_tmx(path: str | Path, results: Sequence[Result], include_unaligned: bool = False,
              created: datetime | None = None) -> None:
    """Write :func:`to_tmx` to ``path`` atomically (nothing is left behind on failure)."""
    atomic_write(path, to_tmx(results, include_unaligned, created))


def tmx_dtd() -> etree.DTD:
    """The TMX 1.4 DTD shipped with the package, for validating what was written."""
    return etree.DTD(str(DTD_PATH))


def _tu(pair: Pair, result: Result, tuid: str, findings: list[Finding],
        per_tu_srclang: bool) -> etree._Element:
    tu = etree.Element("tu", tuid=tuid)
    if per_tu_srclang:
        tu.set("srclang", result.src_lang)
    if pair.score is not None:
        _prop(tu, "x-score", f"{pair.score:.4f}")
    _prop(tu, "x-bead", pair.bead)
    if result.sources:
        _prop(tu, "x-source", " + ".join(result.sources))
    if findings:
        _prop(tu, "x-findings", " ".join(dict.fromkeys(f.check for f in findings)))
    if not (pair.src and pair.tgt):
        missing = "translation" if pair.src else "source text"
        _note(tu, f"Unaligned: no {missing} corresponds to this text in the alignment.")
    for f in findings:
        _note(tu, f"{f.severity.value} [{f.check}] ({f.side}) {with_suggestion(f)}")
    for side, lang in ((SRC, result.src_lang), (TGT, result.tgt_lang)):
        sentences = pair.side(side)
        if not sentences:
            continue
        tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang or ""})
        loc = sentences[0].loc
        if loc.file:
            _prop(tuv, "x-location", place(loc))
        etree.SubElement(tuv, "seg").text = xml_safe(pair.original_text(side))
    return tu


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    etree.SubElement(parent, "prop", type=kind).text = xml_safe(value)


def _note(parent: etree._Element, text: str) -> None:
    etree.SubElement(parent, "note").text = xml_safe(text)


def _tmx_date(moment: datetime) -> str:
    """TMX dates are ISO 8601 basic format in UTC: ``YYYYMMDDThhmmssZ``."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y%m%dT%H%M%SZ")
