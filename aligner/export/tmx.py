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

import contextlib
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timezone
from pathlib import Path

from lxml import etree

from .. import __version__
from ..model import SRC, TGT, Finding, Pair, Result
from ..sources.inline import TMX_OUT, fill
from ..xmlchars import XML_DECLARATION, xml_safe
from .atomic import atomic_write
from .findings import by_pair, require_translation, with_suggestion
from .paths import place

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
    root.append(_header(header_src, created))
    body = etree.SubElement(root, "body")
    several = len(results) > 1
    for k, result in enumerate(results):
        body.extend(_units(result, f"{k + 1}-" if several else "", include_unaligned,
                           per_tu_srclang=header_src == ALL_LANGS))
    return XML_DECLARATION + etree.tostring(root, encoding="UTF-8", doctype=DOCTYPE,
                                            pretty_print=True)


def _header(srclang: str, created: datetime | None) -> etree._Element:
    return etree.Element("header", {
        "creationtool": TOOL,
        "creationtoolversion": __version__,
        "segtype": "sentence",
        "o-tmf": TOOL,
        "adminlang": "en",
        "srclang": srclang,
        "datatype": "plaintext",
        "creationdate": _tmx_date(created or datetime.now(timezone.utc)),
    })


def _units(result: Result, tuid_prefix: str, include_unaligned: bool,
           per_tu_srclang: bool) -> Iterator[etree._Element]:
    findings = by_pair(result.findings)
    for pair in result.pairs:
        aligned = bool(pair.src) and bool(pair.tgt)
        if aligned or include_unaligned:
            yield _tu(pair, result, f"{tuid_prefix}{pair.id}", findings.get(pair.id, []),
                      per_tu_srclang)


def write_tmx_stream(path: str | Path, results: Iterable[tuple[int, Result]], srclang: str,
                     include_unaligned: bool = False, created: datetime | None = None) -> int:
    """Write one TMX from results read one at a time, so that an archive's memory need not
    hold them all (``align batch``). Each item is ``(k, result)``: its units get the tuid
    ``k-PAIR``. ``srclang`` is the header's (a language, or ``*all*`` when the results have
    several, and then each unit names its own). Written to a temporary file beside ``path``
    and renamed into place: a failure leaves the old file, or none. Returns the unit count.
    """
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    count = 0
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(XML_DECLARATION)
            with etree.xmlfile(handle, encoding="UTF-8") as xf:
                xf.write_doctype(DOCTYPE)
                with xf.element("tmx", version="1.4"):
                    xf.write("\n  ", _header(srclang, created), "\n  ")
                    with xf.element("body"):
                        for k, result in results:
                            require_translation([result], "a TMX")
                            for tu in _units(result, f"{k}-", include_unaligned,
                                             per_tu_srclang=srclang == ALL_LANGS):
                                xf.write("\n    ", tu)
                                count += 1
                        xf.write("\n  ")
                    xf.write("\n")
            handle.write(b"\n")
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return count


def write_tmx(path: str | Path, results: Sequence[Result], include_unaligned: bool = False,
              created: datetime | None = None) -> None:
    """Write :func:`to_tmx` to ``path`` atomically (nothing is left behind on failure)."""
    atomic_write(path, to_tmx(results, include_unaligned, created))


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
        fill(etree.SubElement(tuv, "seg"), sentences, TMX_OUT, clean=xml_safe)
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
