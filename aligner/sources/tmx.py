"""Read an existing TMX translation memory (any version up to 1.4b) for QA, without aligning.

Each ``tu`` becomes one :class:`~aligner.model.Pair`: the ``seg`` of the original's language is
the source side, the translation's ``seg`` the target side (see :func:`choose_langs`).

The file is untrusted, so it is parsed with lxml in its hardened mode and streamed:

* no entity is ever resolved, no DTD is loaded (neither the file's ``SYSTEM`` DTD nor an
  external parameter entity) and nothing is fetched from the network;
* a DOCTYPE that declares entities is refused outright: a translation memory needs none, and
  this is what XXE and "billion laughs" files are made of;
* ``iterparse`` frees each ``tu`` once read, so memory grows with the text kept, not the tree;
  lxml's default limits (``huge_tree`` off) stay on.

Locations: ``line`` is the line of the ``<seg>`` tag (lxml's ``sourceline``); ``col`` and the
character offsets ``start``/``end`` are found by a second streamed pass that looks for that
``<seg`` on that line, so they point at the first character of the segment's text. They are
exact for plain text; after an escape (``&amp;``), inline markup (``<ph>``...) or a line break
inside a segment, a span's position is approximate (best effort), since the decoded text is
no longer a copy of the bytes in the file. Inline codes are kept as placeholder tokens with
their offsets (:mod:`aligner.sources.inline`), so the ``tags`` check can find a lost one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..inputs import DEFAULT_MAX_BYTES, check_input
from ..model import SRC, TGT, InlineCode, Location, Pair, Sentence
from ..text import primary
from .inline import TMX_RULES, local_name, render

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ALL_LANGS = "*all*"
TMX_SUFFIXES = (".tmx",)
_SEG_TAG = re.compile(r"<seg(?=[\s>/])")


@dataclass(frozen=True)
class Variant:
    """One ``tuv``: its language code as written (and its lower-case primary subtag, which is
    what languages are compared by), the text of its ``seg`` (inline codes as tokens, see
    :mod:`aligner.sources.inline`), where that text is, and its inline codes."""

    lang: str
    primary: str
    text: str
    loc: Location
    codes: tuple[InlineCode, ...] = ()


@dataclass(frozen=True)
class Unit:
    """One ``tu``: its ``tuid`` (if any), the line it starts on and its variants in order."""

    tuid: str | None
    line: int
    variants: tuple[Variant, ...]

    def variant(self, lang: str) -> Variant | None:
        """The first variant whose language matches ``lang`` by primary subtag."""
        for v in self.variants:
            if v.primary == lang:
                return v
        return None


@dataclass(frozen=True)
class Memory:
    """A translation memory as read: the header's ``srclang`` (as written) and its units.

    The XLIFF and PO readers produce the same value; ``kind`` names the format for messages.
    """

    file: str
    srclang: str
    units: tuple[Unit, ...]
    kind: str = "TMX"
    #: Where ``srclang`` came from, for the notice that names the original language.
    srclang_from: str = "the header's srclang"

    def langs(self) -> tuple[str, ...]:
        """Primary language subtags present, in order of first appearance."""
        seen: dict[str, None] = {}
        for unit in self.units:
            for v in unit.variants:
                seen.setdefault(v.primary, None)
        return tuple(seen)


def is_tmx(path: str | Path) -> bool:
    """Whether ``path`` names a TMX file (by its suffix, case-insensitively)."""
    return Path(path).suffix.lower() in TMX_SUFFIXES


def hardened_iterparse(path: Path) -> etree.iterparse:
    """The one way translation files are parsed: streamed start/end events, no entity
    resolution, no DTD, no network, lxml's size limits on, comments and PIs dropped."""
    return etree.iterparse(
        str(path), events=("start", "end"), resolve_entities=False, no_network=True,
        load_dtd=False, dtd_validation=False, huge_tree=False, remove_comments=True,
        remove_pis=True)


def open_markup(path: str | Path, max_bytes: int, kind: str) -> tuple[str, Path]:
    """``(name, path)`` of a translation file to parse, once it is known to be a regular,
    non-empty file of at most ``max_bytes`` (the XML parser reads it by name, not from a
    stream, so standard input is refused)."""
    name = str(path)
    p = Path(path)
    if name == "-":
        raise InputError(f"{kind} is read by name, not from standard input", name)
    check_input(p, max_bytes)
    if p.stat().st_size == 0:
        raise InputError("file is empty", name)
    return name, p


def read_tmx(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Memory:
    """Parse a TMX file; a malformed or hostile one raises :class:`InputError` (file, line).

    Only a regular file of at most ``max_bytes`` is parsed (the parser reads it by name).
    """
    name, p = open_markup(path, max_bytes, "a TMX file")
    srclang, raw_units, encoding = _parse(p, name)
    keys = [seg[2] for unit in raw_units for seg in unit[2]]
    positions = seg_positions(p, encoding, keys)
    units = []
    primaries: dict[str, str] = {}
    for tuid, line, segs in raw_units:
        variants = []
        for lang, (text, codes), key in segs:
            if lang not in primaries:
                primaries[lang] = primary(lang)
            start, col = positions.get(key, (None, 1))
            if start is None:  # the tag was not found where lxml saw it: line only
                loc = Location(name, 0, 0, key[0], 1)
            else:
                loc = Location(name, start, start + len(text), key[0], col)
            variants.append(Variant(lang, primaries[lang], text, loc, codes))
        units.append(Unit(tuid, line, tuple(variants)))
    return Memory(name, srclang, tuple(units))


# lang, (text, codes), (line of <seg>, ordinal on that line)
_RawSeg = tuple[str, tuple[str, tuple[InlineCode, ...]], tuple[int, int]]


def _parse(path: Path, name: str) -> tuple[str, list[tuple[str | None, int, list[_RawSeg]]], str]:
    """Stream the file: header srclang, units as plain tuples, and the document's encoding."""
    context = hardened_iterparse(path)
    srclang: str | None = None
    units: list[tuple[str | None, int, list[_RawSeg]]] = []
    last_seg = (0, 0)  # (line, how many <seg> tags seen on it): ordinals for the column pass
    root_seen = False
    try:
        for event, el in context:
            tag = local_name(el)
            if event == "start":
                if not root_seen:
                    root_seen = True
                    check_root(el, path, name, "tmx", "a TMX file")
                elif tag == "header":
                    srclang = el.get("srclang") or ""
                continue
            if tag != "tu":
                continue
            if srclang is None:
                raise InputError(f"line {el.sourceline}: <tu> before the <header>", name)
            segs: list[_RawSeg] = []
            for tuv in el:
                if local_name(tuv) != "tuv":
                    continue
                lang = tuv.get(XML_LANG) or tuv.get("lang")
                if not lang:
                    raise InputError(f"line {tuv.sourceline}: <tuv> without xml:lang", name)
                seg = next((c for c in tuv if local_name(c) == "seg"), None)
                if seg is None:
                    raise InputError(f"line {tuv.sourceline}: <tuv> without <seg>", name)
                line = seg.sourceline or 0
                last_seg = (line, last_seg[1] + 1 if last_seg[0] == line else 1)
                segs.append((lang, render(seg, TMX_RULES), last_seg))
            units.append((el.get("tuid"), el.sourceline or 0, segs))
            # Free what has been read: the tree never holds more than one unit.
            el.clear()
            parent = el.getparent()
            while parent is not None and el.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        reason = (exc.msg or str(exc)).split(", line ")[0]
        where = f"line {exc.lineno}: " if exc.lineno else ""  # lxml says 0 when it has none
        raise InputError(f"{where}malformed XML ({reason})", name) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", name) from None
    if srclang is None:
        raise InputError("not a TMX file (no <header>)", name)
    # Known only once parsing is under way (None at the root's start for UTF-16, say).
    encoding = context.root.getroottree().docinfo.encoding or "utf-8"
    return srclang, units, encoding


def check_root(root: etree._Element, path: Path, name: str, expected: str, kind: str) -> None:
    """Refuse a DOCTYPE that declares entities and a root element other than ``expected``,
    before anything else of the file is read."""
    check_prolog(root, path, name)
    tag = local_name(root)
    if tag != expected:
        raise InputError(f"line {root.sourceline}: not {kind} (the root element is <{tag}>, "
                         f"expected <{expected}>)", name)


def check_prolog(root: etree._Element, path: Path, name: str) -> None:
    """Refuse a DOCTYPE that declares entities, before any of them could be used."""
    info = root.getroottree().docinfo
    dtd = info.internalDTD
    entities = [e.name for e in dtd.iterentities()] if dtd is not None else []
    if entities:
        line = _line_of(path, b"<!ENTITY", root.sourceline or 1)
        raise InputError(f"line {line}: the DOCTYPE declares entities ({', '.join(entities[:3])}"
                         f"{', ...' if len(entities) > 3 else ''}); refused: a translation "
                         "memory needs none, and entities are how XML attacks (external "
                         "entities, entity expansion) work", name)


def _line_of(path: Path, needle: bytes, before: int) -> int:
    """The first line before line ``before`` that contains ``needle`` (else ``before``)."""
    if before <= 1:  # nothing before the root's line: don't read a one-line file whole
        return 1
    with path.open("rb") as fh:
        for number, line in enumerate(fh, 1):
            if number >= before:
                break
            if needle in line:
                return number
    return before


def seg_positions(path: Path, encoding: str, keys: list[tuple[int, int]],
                   tag: re.Pattern[str] = _SEG_TAG) -> dict[tuple[int, int], tuple[int, int]]:
    """``(line, ordinal) -> (character offset, 1-based column)`` of each segment's text: the
    text after the ``ordinal``-th opening ``tag`` on that line.

    Streams the file a second time, line by line, in the document's own encoding; line ends are
    counted as XML does (``\r\n``, ``\r`` and ``\n``).
    """
    wanted: dict[int, int] = {}
    for line_no, ordinal in keys:
        wanted[line_no] = max(ordinal, wanted.get(line_no, 0))
    if not wanted:
        return {}
    codec = "utf-8-sig" if encoding.lower().replace("_", "-") in ("utf-8", "utf8") else encoding
    out: dict[tuple[int, int], tuple[int, int]] = {}
    last = max(wanted)
    offset = 0
    try:
        with path.open(encoding=codec, errors="replace", newline="") as fh:
            # newline="" splits at \r\n, \r and \n and keeps them: XML's own line ends.
            for number, line in enumerate(fh, 1):
                if number in wanted:
                    for ordinal, m in enumerate(tag.finditer(line), 1):
                        if ordinal > wanted[number]:
                            break
                        close = line.find(">", m.end())
                        if close >= 0:
                            out[(number, ordinal)] = (offset + close + 1, close + 2)
                if number >= last:
                    break
                offset += len(line)
    except (LookupError, OSError):
        return out  # an encoding Python lacks: locations keep their line, column 1
    return out


def choose_langs(memory: Memory, src_lang: str | None, tgt_lang: str | None,
                 need_both: bool) -> tuple[str, str | None]:
    """The original's and the translation's primary language subtags.

    The original is ``src_lang`` when given, else the header's ``srclang`` (unless ``*all*``),
    else Arabic. The translation is ``tgt_lang`` when given, else the only other language, else
    English. Codes compare case-insensitively by primary subtag (``ar-SA`` ~ ``AR``).
    """
    langs = memory.langs()
    listed = ", ".join(langs) or "none"
    header = primary(memory.srclang) if memory.srclang and memory.srclang != ALL_LANGS else None
    if src_lang:
        src = primary(src_lang)
        if src not in langs:
            raise InputError(f"no {src_lang} text in this {memory.kind} (languages: "
                             f"{listed})",
                             memory.file)
    elif header in langs:
        src = header
    elif "ar" in langs or len(langs) == 1:
        src = "ar" if "ar" in langs else langs[0]
    else:
        raise InputError(f"cannot tell which language is the original (srclang "
                         f"{memory.srclang!r}, languages: {listed}): use --src-lang", memory.file)
    others = [lang for lang in langs if lang != src]
    if tgt_lang:
        tgt: str | None = primary(tgt_lang)
        if tgt not in others:
            raise InputError(f"no {tgt_lang} translation in this {memory.kind} "
                             f"(languages: {listed})",
                             memory.file)
    elif len(others) == 1:
        tgt = others[0]
    elif not others:
        if need_both:
            raise InputError(f"only {src} text in this {memory.kind}, no translation",
                             memory.file)
        tgt = None
    elif "en" in others:
        tgt = "en"
    else:
        raise InputError(f"several translation languages ({', '.join(others)}): choose one "
                         "with --tgt-lang", memory.file)
    return src, tgt


def memory_pairs(memory: Memory, src: str, tgt: str | None) -> tuple[tuple[Pair, ...], int]:
    """One pair per unit with text in ``src`` or ``tgt``; also how many units had neither.

    A variant whose segment is empty (or only spaces) counts as missing, so a unit with an
    empty translation is a ``1-0`` pair that the checks report.
    """
    pairs: list[Pair] = []
    counts = {SRC: 0, TGT: 0}
    skipped = 0
    for number, unit in enumerate(memory.units):
        sides: list[tuple[Sentence, ...]] = []
        for side, lang in ((SRC, src), (TGT, tgt)):
            v = unit.variant(lang) if lang else None
            if v is None or not v.text.strip():
                sides.append(())
                continue
            assert lang is not None  # a variant was found for it
            sides.append((Sentence.of(v.text, v.loc, lang, counts[side], number, codes=v.codes),))
            counts[side] += 1
        if not sides[0] and not sides[1]:
            skipped += 1
            continue
        pairs.append(Pair(len(pairs), sides[0], sides[1], None))
    return tuple(pairs), skipped
