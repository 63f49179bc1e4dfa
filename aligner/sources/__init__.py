"""Readers: turn files into :class:`~aligner.model.Source` values (language blocks with offsets).

Two layouts are read here: a combined file (both languages, one block each) and two parallel
files (one language each). Directory discovery lives in :mod:`aligner.sources.discover`.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..lang import language_name
from ..model import Block, Source
from ..text import primary
from .combined import read_blocks
from .encoding import read_text

__all__ = ["read_source"]


def read_source(paths: list[str] | tuple[str, ...], encoding: str | None = None) -> Source:
    """Read one source: a combined file, or two parallel files in different languages."""
    if not paths or len(paths) > 2:
        raise InputError("expected one combined file or two parallel files")
    blocks: list[Block] = []
    for path in paths:
        text = read_text(path, encoding)
        found = read_blocks(text, str(path))
        if len(paths) == 2:
            # A parallel file holds one language; a stray line in the other script (a quoted
            # name, say) must not split it, so the whole file is one block in its majority script.
            lang = _majority(found)
            found = (Block(str(path), lang, text, found[0].start, found[-1].end),)
        blocks.extend(found)
    if len(paths) == 2 and blocks[0].lang == blocks[1].lang:
        raise InputError(f"both files are in the same language ({blocks[0].lang}); expected one "
                         "Arabic and one English file", str(paths[1]))
    name = Path(paths[0]).stem if len(paths) == 1 else _common_name(paths)
    return Source(name=name, files=tuple(str(p) for p in paths), blocks=tuple(blocks))


def pick_sides(source: Source, src_lang: str | None, tgt_lang: str | None,
               need_both: bool = True) -> tuple[Block, Block | None]:
    """Choose the original (source) block and the translation block.

    The original is ``src_lang`` when given, else Arabic: this toolkit checks English translations
    of Arabic originals, and file order never decides it.
    """
    by_lang = {b.lang: b for b in source.blocks}
    if src_lang and primary(src_lang) not in by_lang and len(by_lang) == 2:
        raise InputError(f"no {src_lang} text in this source", source.files[0])
    if len(by_lang) == 1:
        (only,) = by_lang.values()
        if need_both:
            missing = language_name("en" if only.lang == "ar" else "ar")
            raise InputError(f"only {language_name(only.lang)} text found, {missing} is missing",
                             source.files[0])
        return only, None
    src = primary(src_lang) if src_lang else "ar"
    tgt = primary(tgt_lang) if tgt_lang else next(lang for lang in by_lang if lang != src)
    if tgt not in by_lang or tgt == src:
        raise InputError(f"no {tgt_lang or tgt} text in this source", source.files[-1])
    return by_lang[src], by_lang[tgt]


def _majority(blocks: tuple[Block, ...]) -> str:
    sizes: dict[str, int] = {}
    for b in blocks:
        sizes[b.lang] = sizes.get(b.lang, 0) + (b.end - b.start)
    return max(sizes, key=sizes.__getitem__)


def _common_name(paths) -> str:
    stems = [Path(p).name.split(".")[0] for p in paths]
    return stems[0] if stems[0] == stems[1] else f"{stems[0]}+{stems[1]}"
