"""``tags``: inline codes and placeholders the translation lost, added or moved.

Two kinds of markup must come through a translation unchanged, since software or a layout
engine fills them in:

* **inline codes** of a bilingual file (XLIFF ``<ph>``, ``<g>``, ``<bpt>``/``<ept>``, ``<x/>``,
  ``<pc>``, TMX ``<ph>``, ``<bpt>``...), which the readers keep as tokens with a record of
  each (:class:`~aligner.model.InlineCode`); a source code is matched with the target code of
  the same kind and id;
* **placeholders** written in the text: ``{0}``, ``{name}``, ``{{x}}``, ``%s``, ``%d``,
  ``%(name)s``, ``%1$s`` and ``$1``. ``$1`` is also how prices are written ("$1 million"), so
  it counts only in a pair that has another placeholder or an inline code: a segment of
  software text, not of prose.

A code or placeholder of the original missing from the translation is an error (the published
text breaks or loses its formatting); one the original lacks is a warning, and so is a change
in the order of inline codes (an opening code after its closing one breaks the markup; other
moves may be what the target language's word order needs). One-language checks never run it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import SRC, TGT, InlineCode, Pair, Severity
from ._support.base import Check, CheckContext, Hit

#: Placeholders, most specific first, so ``{{x}}`` is not also read as ``{x}``.
PLACEHOLDER = re.compile(
    r"\{\{\s*[\w.]+\s*\}\}"                 # {{name}} (Jinja, Handlebars, Angular)
    r"|\{\d+(?:,[^{}]*)?\}"                  # {0}, {1,number} (.NET, Java MessageFormat)
    r"|\{[A-Za-z_][\w.]*\}"                  # {name} (Python format, ICU)
    r"|%\([\w.]+\)[-+ #0]*\d*(?:\.\d+)?[sdifrx]"  # %(name)s
    r"|(?<![\d%])%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[sdifuxXeEgGc@]\b"  # %s, %d, %1$s, %@
    r"|(?<![\w$])\$\d\b(?![.,]\d)")          # $1 (regex replacements, shell, JavaScript)
_DOLLAR = "$"


@dataclass(frozen=True)
class Mark:
    """A code or placeholder found on one side of a pair: what identifies it, where it is."""

    key: tuple[str, str]  # (kind, id) for a code; ("placeholder", text) for a placeholder
    span: tuple[int, int]
    shown: str            # as the message names it


def codes_of(pair: Pair, side: str) -> list[Mark]:
    """The inline codes of one side, with spans in :meth:`Pair.text`."""
    out = []
    pos = 0
    for sent in pair.side(side):
        for code in sent.codes:
            out.append(Mark((code.kind, code.code), (pos + code.start, pos + code.end),
                            _shown(code, sent.text)))
        pos += len(sent.text) + 1
    return out


def placeholders_of(text: str, codes: list[Mark]) -> list[Mark]:
    """The placeholders written in ``text`` outside inline-code tokens."""
    taken = [m.span for m in codes]
    out = []
    for m in PLACEHOLDER.finditer(text):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        out.append(Mark(("placeholder", _canonical(m.group())), m.span(), m.group()))
    return out


def check_tags(ctx: CheckContext) -> Iterator[Hit]:
    for pair in ctx.pairs:
        if not pair.src or not pair.tgt:
            continue  # an unaligned sentence is the omission checks' business
        yield from _pair_hits(pair)


def _pair_hits(pair: Pair) -> Iterator[Hit]:
    src_text, tgt_text = pair.text(SRC), pair.text(TGT)
    src_codes, tgt_codes = codes_of(pair, SRC), codes_of(pair, TGT)
    src_ph = placeholders_of(src_text, src_codes)
    tgt_ph = placeholders_of(tgt_text, tgt_codes)
    if not (src_codes or tgt_codes or any(m.key[1][0] != _DOLLAR for m in src_ph + tgt_ph)):
        # Only "$1"-like marks: prices in prose, not placeholders.
        src_ph = tgt_ph = []
    src_marks, tgt_marks = src_codes + src_ph, tgt_codes + tgt_ph
    whole = (0, len(tgt_text))
    for m in _unmatched(src_marks, tgt_marks):
        what = "inline code" if m.key[0] != "placeholder" else "placeholder"
        yield Hit(pair.id, TGT, whole,
                  f"The {what} {m.shown} of the original is missing from the translation.",
                  f"Put {m.shown} back where it belongs in the translation.", Severity.ERROR)
    for m in _unmatched(tgt_marks, src_marks):
        what = "inline code" if m.key[0] != "placeholder" else "placeholder"
        yield Hit(pair.id, TGT, m.span,
                  f"The translation has the {what} {m.shown}, which the original does not.",
                  f"Remove {m.shown}, or check that it matches a code of the original.",
                  Severity.WARNING)
    yield from _order_hits(pair.id, src_codes, tgt_codes)


def _unmatched(marks: list[Mark], other: list[Mark]) -> list[Mark]:
    """The marks of one side with no twin on the other; an opening code and its closing one
    lost together are one mark (``<g1>…</g1>``), reported once."""
    have = Counter(m.key for m in other)
    out: list[Mark] = []
    for m in marks:
        if have[m.key] > 0:
            have[m.key] -= 1
        else:
            out.append(m)
    opened = {m.key[1]: k for k, m in enumerate(out) if m.key[0] == "open"}
    merged: list[Mark] = []
    for m in out:
        if m.key[0] == "close" and m.key[1] in opened:
            first = merged.index(out[opened.pop(m.key[1])])
            start = merged[first]
            merged[first] = Mark(start.key, (start.span[0], m.span[1]),
                                 f"{start.shown}…{m.shown}")
            continue
        merged.append(m)
    return merged


def _order_hits(pair_id: int, src: list[Mark], tgt: list[Mark]) -> Iterator[Hit]:
    """Codes of both sides in a different order: a closing code before its opening one is
    reported as broken markup; another move once, at the first code out of place."""
    opened: set[str] = set()
    for m in tgt:
        kind, code = m.key
        if kind == "open":
            opened.add(code)
        elif kind == "close" and code not in opened and ("open", code) in {x.key for x in tgt}:
            yield Hit(pair_id, TGT, m.span,
                      f"The closing code {m.shown} comes before its opening code in the "
                      "translation.", "Move the closing code after the opening one.",
                      Severity.WARNING)
            return
    common = {m.key for m in src} & {m.key for m in tgt}
    src_order = [m.key for m in src if m.key in common]
    tgt_in = [m for m in tgt if m.key in common]
    for expected, m in zip(src_order, tgt_in):
        if m.key != expected:
            yield Hit(pair_id, TGT, m.span,
                      f"The inline codes are in another order than in the original "
                      f"({m.shown} is out of place).",
                      "Check that each code still surrounds or follows the right words.",
                      Severity.WARNING)
            return


def _shown(code: InlineCode, text: str) -> str:
    token = text[code.start:code.end]
    native = f" {code.native.strip()[:30]}" if code.native.strip() else ""
    return f"{token} ({code.element}{native})"


def _canonical(mark: str) -> str:
    """``{{ x }}`` and ``{{x}}`` are one placeholder."""
    return re.sub(r"\s+", "", mark)


CHECKS = (
    Check("tags", Severity.ERROR,
          "Inline codes (<ph>, <g>, <bpt>...) and placeholders ({0}, %s, {{x}}) missing from, "
          "added to or moved in the translation", check_tags),
)
