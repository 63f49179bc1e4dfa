"""Read an XLIFF file (1.2, or 2.0/2.1/2.2 as ``align check --xliff`` writes) for QA.

Each XLIFF 1.2 ``trans-unit``, and each ``segment`` of an XLIFF 2 ``unit``, becomes one unit
of a :class:`~aligner.sources.tmx.Memory` with a source and a target variant, in the file's
declared languages; the rest (notes, ``alt-trans`` proposals, ``ignorable``) is left out.
Inline codes become placeholder tokens with offsets (:mod:`aligner.sources.inline`).

The file is untrusted and parsed exactly as a TMX is (:mod:`aligner.sources.tmx`): lxml's
streamed ``iterparse`` with no entity resolution, no DTD, no network, a DOCTYPE that declares
entities refused, each unit freed once read, and the size cap of :mod:`aligner.inputs`.
``line`` is the line of the ``<source>``/``<target>`` tag, ``col`` and the offsets point at
its text (exact for plain text, best effort after escapes or inline markup).
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from ..errors import InputError
from ..inputs import DEFAULT_MAX_BYTES
from ..model import InlineCode, Location
from ..text import detect_lang, primary
from .inline import XLIFF2_RULES, XLIFF12_RULES, CodeRules, local_name, render
from .tmx import (
    Memory,
    Unit,
    Variant,
    check_root,
    hardened_iterparse,
    open_markup,
    seg_positions,
)

XLIFF_SUFFIXES = (".xlf", ".xliff")
_SIDE_TAG = re.compile(r"<(?:source|target)(?=[\s>/])")

# One side as read: (text, codes), (line of its tag, ordinal of source/target tags on it).
_Side = tuple[tuple[str, tuple[InlineCode, ...]], tuple[int, int]]


def is_xliff(path: str | Path) -> bool:
    """Whether ``path`` names an XLIFF file (by its suffix, case-insensitively)."""
    return Path(path).suffix.lower() in XLIFF_SUFFIXES


def read_xliff(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Memory:
    """Parse an XLIFF 1.2 or 2.x file; a malformed or hostile one raises :class:`InputError`."""
    name, p = open_markup(path, max_bytes, "an XLIFF file")
    raw, encoding, srclang = _parse(p, name)
    keys = [side[1] for _, _, sides, _ in raw for side in sides.values() if side]
    positions = seg_positions(p, encoding, keys, _SIDE_TAG)
    langs = _languages(raw)
    units = []
    for uid, line, sides, _ in raw:
        variants = []
        for role in ("source", "target"):
            side = sides.get(role)
            if side is None:
                continue
            (text, codes), key = side
            start, col = positions.get(key, (None, 1))
            loc = (Location(name, 0, 0, key[0], 1) if start is None
                   else Location(name, start, start + len(text), key[0], col))
            lang = langs[role]
            variants.append(Variant(lang, primary(lang), text, loc, codes))
        units.append(Unit(uid, line, tuple(variants)))
    return Memory(name, srclang or langs["source"], tuple(units), kind="XLIFF",
                  srclang_from=("the file's source language" if srclang
                                else "the script of its <source> text"))


def _parse(path: Path, name: str) -> tuple[list, str, str]:
    """Stream the file: its units with their sides, the encoding, and the declared languages
    (as ``raw`` entries carry them: see :func:`_languages`)."""
    context = hardened_iterparse(path)
    units: list = []
    root_seen = False
    rules: CodeRules = XLIFF12_RULES
    langs: dict[str, str] = {}
    last = (0, 0)
    try:
        for event, el in context:
            tag = local_name(el)
            if event == "start":
                if not root_seen:
                    root_seen = True
                    check_root(el, path, name, "xliff", "an XLIFF file")
                    version = el.get("version", "")
                    if version.startswith("2"):
                        rules = XLIFF2_RULES
                        langs = {"source": el.get("srcLang", ""), "target": el.get("trgLang", "")}
                    elif not version.startswith("1"):
                        raise InputError(f"line {el.sourceline}: XLIFF version {version!r} is "
                                         "not one this tool reads (1.2 or 2.x)", name)
                elif tag == "file" and rules is XLIFF12_RULES:
                    langs = {"source": el.get("source-language", ""),
                             "target": el.get("target-language", "")}
                continue
            if tag == "unit" and rules is XLIFF2_RULES:
                _free(el)  # its segments have been read
                continue
            if tag != ("segment" if rules is XLIFF2_RULES else "trans-unit"):
                continue
            sides: dict[str, _Side | None] = {"source": None, "target": None}
            for node in el.iter():
                role = local_name(node)
                if role not in sides:
                    continue
                line = node.sourceline or 0
                last = (line, last[1] + 1 if last[0] == line else 1)
                if node.getparent() is el and sides[role] is None:
                    sides[role] = (render(node, rules), last)
            if sides["source"] is None:
                raise InputError(f"line {el.sourceline}: <{tag}> without <source>", name)
            parent = el.getparent()
            uid = el.get("id") or (parent.get("id") if parent is not None else None)
            units.append((uid, el.sourceline or 0, sides, dict(langs)))
            if rules is XLIFF12_RULES:
                _free(el)
    except etree.XMLSyntaxError as exc:
        reason = (exc.msg or str(exc)).split(", line ")[0]
        where = f"line {exc.lineno}: " if exc.lineno else ""
        raise InputError(f"{where}malformed XML ({reason})", name) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror or exc})", name) from None
    if not root_seen:
        raise InputError("not an XLIFF file", name)
    encoding = context.root.getroottree().docinfo.encoding or "utf-8"
    return units, encoding, langs.get("source", "")


def _free(el: etree._Element) -> None:
    """Drop a read unit and its earlier siblings: the tree never holds more than one unit."""
    el.clear()
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]


def _languages(raw: list) -> dict[str, str]:
    """The source and target languages: as declared by the (first) file, else told by the
    script of the text (an XLIFF 1.2 ``target-language`` is optional)."""
    declared: dict[str, str] = next((u[3] for u in raw), {})
    out = {}
    for role in ("source", "target"):
        lang = declared.get(role, "")
        if not lang:
            text = " ".join(u[2][role][0][0] for u in raw if u[2].get(role))[:5000]
            lang = detect_lang(text) or "und"
        out[role] = lang
    return out
