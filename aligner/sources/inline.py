"""Inline codes of bilingual XML files (TMX, XLIFF 1.2, XLIFF 2.x) as placeholder tokens.

A segment's text keeps every inline code as a short visible token, the way CAT tools show tag
boxes, so that a code the translator dropped, added or moved can be found and shown:

* a standalone code (XLIFF ``<ph>``, ``<x/>``, TMX ``<ph>``, ``<ut>``) is ``<xID/>``;
* an opening code (``<bpt>``, ``<bx/>``, ``<g>``, ``<pc>``, ``<sc/>``, ``<it pos="begin">``)
  is ``<gID>`` and its closing one (``<ept>``, ``<ex/>``, ``</g>``, ``</pc>``, ``<ec/>``) is
  ``</gID>``: XLIFF 1.2's own generic ``g`` and ``x``, which translators know. The letter also
  keeps a code's id from reading as a number of the text (the ``number-mismatch`` check
  ignores digits glued to letters, as in "H1N1").

``ID`` is the code's id in the file (``id``, ``rid``/``startRef`` for a closing code, TMX's
``i`` or ``x``), else its order in the segment, so a source code and its target twin carry
the same token. Each token is recorded as an :class:`~aligner.model.InlineCode` with its
offsets in the text. Text-bearing markup (TMX ``<hi>``, XLIFF ``<mrk>``, ``<g>``/``<pc>``
content) stays text; the native code inside ``<bpt>``/``<ph>`` (``<b>``, ``{0}``) is not text
a translator reads, so it is kept in the record, not in the segment.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from ..model import InlineCode

OPEN, CLOSE, STANDALONE = "open", "close", "standalone"


@dataclass(frozen=True)
class CodeRules:
    """How one format's inline elements render: which wrap text (a token either side), which
    are one token, which only carry text."""

    wrapping: frozenset[str]          # <g>, <pc>: opening token, content, closing token
    kinds: dict[str, str]             # empty or native-code elements -> OPEN/CLOSE/STANDALONE
    text: frozenset[str]              # <hi>, <mrk>: content is text, no token
    id_attrs: tuple[str, ...]         # where the code's id is, in order of preference


TMX_RULES = CodeRules(
    wrapping=frozenset(),
    kinds={"bpt": OPEN, "ept": CLOSE, "ph": STANDALONE, "ut": STANDALONE, "it": STANDALONE},
    text=frozenset({"hi"}),
    id_attrs=("i", "x"))

XLIFF12_RULES = CodeRules(
    wrapping=frozenset({"g"}),
    kinds={"bpt": OPEN, "bx": OPEN, "ept": CLOSE, "ex": CLOSE, "ph": STANDALONE,
           "x": STANDALONE, "it": STANDALONE},
    text=frozenset({"mrk"}),
    id_attrs=("rid", "id"))

XLIFF2_RULES = CodeRules(
    wrapping=frozenset({"pc"}),
    kinds={"sc": OPEN, "ec": CLOSE, "ph": STANDALONE},
    text=frozenset({"mrk"}),
    id_attrs=("startRef", "id"))


def render(el: etree._Element, rules: CodeRules) -> tuple[str, tuple[InlineCode, ...]]:
    """The text of a segment element with its inline codes as tokens, and the codes' record."""
    parts: list[str] = []
    codes: list[InlineCode] = []
    _walk(el, rules, parts, codes, [0])
    return "".join(parts), tuple(codes)


def local_name(el: etree._Element) -> str:
    """The tag without its namespace ("" for a comment or processing instruction)."""
    tag = el.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _walk(el, rules: CodeRules, parts: list[str], codes: list[InlineCode],
          ordinal: list[int]) -> None:
    parts.append(el.text or "")
    for child in el:
        name = local_name(child)
        if name in rules.wrapping:
            code = _code_id(child, rules, ordinal)
            _token(parts, codes, OPEN, code, name, "")
            _walk(child, rules, parts, codes, ordinal)
            _token(parts, codes, CLOSE, code, name, "")
        elif name in rules.kinds:
            kind = rules.kinds[name]
            if name == "it":  # an isolated tag says which half it is
                pos = child.get("pos", "")
                kind = OPEN if pos in ("begin", "open") else CLOSE if pos in (
                    "end", "close") else STANDALONE
            # XLIFF 2 has no native code inside: it may show one in disp/equiv.
            native = ("".join(child.itertext()) or child.get("disp") or child.get("equiv")
                      or "")
            _token(parts, codes, kind, _code_id(child, rules, ordinal), name, native)
        elif name == "cp":  # XLIFF 2: a character XML cannot hold, by its code point
            try:
                parts.append(chr(int(child.get("hex", ""), 16)))
            except (ValueError, OverflowError):
                pass
        elif name in rules.text:
            _walk(child, rules, parts, codes, ordinal)
        elif name:  # an unknown element (sm/em markers, extensions): its text is kept
            _walk(child, rules, parts, codes, ordinal)
        parts.append(child.tail or "")


def _code_id(el, rules: CodeRules, ordinal: list[int]) -> str:
    ordinal[0] += 1
    for attr in rules.id_attrs:
        value = el.get(attr)
        if value:
            return value
    return str(ordinal[0])


def _token(parts: list[str], codes: list[InlineCode], kind: str, code: str, element: str,
           native: str) -> None:
    token = (f"</g{code}>" if kind == CLOSE else f"<x{code}/>" if kind == STANDALONE
             else f"<g{code}>")
    start = sum(map(len, parts))
    parts.append(token)
    codes.append(InlineCode(start, start + len(token), kind, code, element, native))


#: How each writer spells a code: element and id attribute, by kind.
TMX_OUT = {OPEN: ("bpt", "i"), CLOSE: ("ept", "i"), STANDALONE: ("ph", "x")}
XLIFF2_OUT = {OPEN: ("sc", "id"), CLOSE: ("ec", "startRef"), STANDALONE: ("ph", "id")}


def fill(el: etree._Element, sentences, spelling: dict[str, tuple[str, str]],
         namespace: str = "", clean=lambda s: s) -> None:
    """Write sentences (joined by one space, as :meth:`Pair.text` joins them) into ``el``,
    their inline-code tokens as the writer's code elements again, so a file read with codes
    is written with codes; ``clean`` filters text (characters XML cannot hold). The text
    written is the sentence as the file had it (:attr:`Sentence.original`, bidi marks kept);
    code offsets, which refer to the analysis view, are mapped into it."""
    last: etree._Element | None = None

    def text(value: str) -> None:
        if not value:
            return
        if last is None:
            el.text = (el.text or "") + clean(value)
        else:
            last.tail = (last.tail or "") + clean(value)

    for k, sent in enumerate(sentences):
        if k:
            text(" ")
        pos = 0
        opened: set[str] = set()
        original = sent.original
        for k_code, code in enumerate(sent.codes):
            start, end = sent.original_span((code.start, code.end))
            text(original[pos:start])
            name, attr = spelling[code.kind]
            attrs = {attr: code.code}
            if code.kind != STANDALONE and not _has_twin(sent.codes, k_code, opened):
                # An opening or closing code without its partner in this segment is an
                # isolated one: XLIFF 2 marks it, TMX has <it pos> for it.
                if namespace:
                    attrs = {"id": code.code, "isolated": "yes"}
                else:
                    name, attrs = "it", {"pos": "begin" if code.kind == OPEN else "end",
                                         "x": code.code}
            if code.kind == OPEN:
                opened.add(code.code)
            last = etree.SubElement(el, f"{{{namespace}}}{name}" if namespace else name,
                                    attrs)
            if code.native:
                if namespace:
                    last.set("disp", clean(code.native))
                else:
                    last.text = clean(code.native)
            pos = end
        text(original[pos:])


def _has_twin(codes, k: int, opened: set[str]) -> bool:
    """Whether the opening code ``codes[k]`` is closed later, or the closing one was opened."""
    code = codes[k]
    if code.kind == CLOSE:
        return code.code in opened
    return any(c.kind == CLOSE and c.code == code.code for c in codes[k + 1:])
