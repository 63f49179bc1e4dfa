"""The main job: read a source, segment, align, check. Library code that prints nothing and
writes no output file: it reads the sources, and the embedding scorers read and write their
vector cache (``embeddings.sqlite3`` in the cache folder, off with ``Config.no_cache``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from . import __version__
from .align import align_documents, monolingual_pairs
from .align.forced import ForcedPair, align_with_forced
from .apply import review_forced
from .checks import CheckContext, CheckOptions, run_checks, select, spelling
from .config import Config, default_cache_dir
from .errors import InputError
from .lang import language_name
from .model import Document, Pair, Result, Source
from .progress import Progress, stage_reporter
from .review_file import text_sha256
from .segment import segment
from .similarity import make_scorer, scorer_options
from .sources import pick_sides, read_source
from .sources.po import is_po, read_po
from .sources.tmx import Memory, choose_langs, is_tmx, memory_pairs, read_tmx
from .sources.xliff import is_xliff, read_xliff
from .text import primary

TOOL_NAME = "aligner"


def check_paths(paths: list[str] | tuple[str, ...], config: Config | None = None,
                require_both: bool = False, progress: Progress | None = None,
                position: tuple[int, int] = (0, 1)) -> Result:
    """Read one source (a combined file, two parallel files, a TMX, XLIFF or PO file) and
    check it.

    ``progress`` (:mod:`aligner.progress`) hears of each stage as the run enters it;
    ``position`` is (index from 0, count) of this source among those of the run.
    """
    config = config or Config()
    if config.loaded_glossary is None and any(
            c.id == "term-mismatch" for c in select(config.enabled or None, config.disabled)):
        # Read before the slow part, so a bad file fails fast; a run without the one check
        # that reads it (a benchmark's one-check runs) does not parse it at all.
        config = config.with_glossary()
    report = stage_reporter(progress, " + ".join(map(str, paths)), *position)
    report("reading")
    if len(paths) == 1 and is_tmx(paths[0]):
        return check_tmx(paths[0], config, require_both, progress=progress, position=position)
    if len(paths) == 1 and is_xliff(paths[0]):
        return check_memory(read_xliff(paths[0], config.max_bytes), config, require_both,
                            progress=progress, position=position)
    if len(paths) == 1 and is_po(paths[0]):
        return check_memory(read_po(paths[0], config.max_bytes), config, require_both,
                            progress=progress, position=position)
    return check_source(read_source(list(paths), config.encoding, config.max_bytes), config,
                        require_both, progress=progress, position=position)


def check_source(source: Source, config: Config, require_both: bool = False,
                 progress: Progress | None = None,
                 position: tuple[int, int] = (0, 1)) -> Result:
    """Segment, align and check a source that has been read.

    A source with one language is checked on its own (alignment skipped) unless both languages
    are required, for example because a translation memory is to be written.
    """
    report = stage_reporter(progress, " + ".join(source.files) or source.name, *position)
    need_both = require_both or bool(config.src_lang and config.tgt_lang)
    src_block, tgt_block = pick_sides(source, config.src_lang, config.tgt_lang, need_both)
    report("segmenting")
    src_doc = segment(src_block)
    notices: list[str] = []
    signature: dict = {}
    if tgt_block is None:
        pairs = monolingual_pairs(src_doc)
        notices.append(f"only {language_name(src_block.lang)} text found: alignment skipped, "
                       "one-language checks only")
    else:
        tgt_doc = segment(tgt_block)
        forced = (review_forced(config.review, src_block, tgt_block, src_doc, tgt_doc,
                                config.max_bytes) if config.review else None)
        pairs, signature, said = _align(src_doc, tgt_doc, config, report, forced)
        notices.extend(said)
        del tgt_doc
    # The texts the offsets refer to, so that a review made in the report can be tied to them.
    signature["source_sha256"] = {b.file: text_sha256(b.text)
                                  for b in (src_block, tgt_block) if b is not None}
    # Memory (docs/security.md): from here on only the pairs are held. The segments that the
    # alignment joined, and the scorer with its per-sentence-pair evidence (the largest part
    # of an alignment's memory), are freed before the checks build their own.
    del src_doc
    return _checked(pairs, src_block.lang, tgt_block.lang if tgt_block else None, config,
                    source.files, notices, signature, report=report)


def _align(src_doc: Document, tgt_doc: Document, config: Config,
           report: Callable[..., None], forced: Sequence[ForcedPair] | None = None,
           ) -> tuple[tuple[Pair, ...], dict, tuple[str, ...]]:
    """The pairs of two documents, the scorer's signature and its notices. The scorer lives
    only as long as this call."""
    _require_sentences(src_doc, tgt_doc)
    report("aligning")
    # The run's settings apply to the backends that take them (lexical has no cache).
    settings = {"cache_dir": _cache_dir(config), "laser_model_dir": config.laser_model_dir}
    accepted = scorer_options(config.scorer)
    scorer = make_scorer(config.scorer, **{k: v for k, v in settings.items()
                                           if k in accepted})
    pairs = (align_with_forced(src_doc, tgt_doc, scorer, forced) if forced
             else align_documents(src_doc, tgt_doc, scorer))
    return pairs, scorer.signature(), tuple(scorer.notices())


def _checked(pairs: tuple[Pair, ...], src: str, tgt: str | None, config: Config,
             files: tuple[str, ...], notices: list[str], signature: dict,
             report: Callable[..., None] | None = None) -> Result:
    """Run the configured checks over finished pairs and assemble the result."""
    checks = select(config.enabled or None, config.disabled)
    ctx = CheckContext(pairs, src, tgt, options=_options(config, signature))
    if report is not None:
        report("checking", 0, len(checks))
        done = partial(report, "checking", total=len(checks))
    findings = run_checks(ctx, checks, config.severities,
                          progress=None if report is None else done)
    if any(c.id == "spelling" for c in checks) and spelling.dictionary() is None:
        notices = [*notices, spelling.NOTICE]
    tool = {"name": TOOL_NAME, "version": __version__, **signature,
            "checks": [c.id for c in checks]}
    return Result(tool=tool, sources=files, src_lang=src, tgt_lang=tgt, pairs=pairs,
                  findings=findings, notices=tuple(notices))


def _cache_dir(config: Config) -> str | None:
    if config.no_cache:
        return None
    return config.cache_dir or default_cache_dir()


def check_tmx(path: str, config: Config, require_both: bool = False,
              progress: Progress | None = None, position: tuple[int, int] = (0, 1)) -> Result:
    """Run the checks on the units of an existing translation memory, as they are aligned.

    The original side is ``config.src_lang``, else the TMX header's ``srclang`` (unless
    ``*all*``), else Arabic: see :func:`aligner.sources.tmx.choose_langs`.
    """
    return check_memory(read_tmx(path, config.max_bytes), config, require_both, progress,
                        position)


def check_memory(memory: Memory, config: Config, require_both: bool = False,
                 progress: Progress | None = None,
                 position: tuple[int, int] = (0, 1)) -> Result:
    """Check the units of a bilingual file (TMX, XLIFF, PO) read into a :class:`Memory`."""
    path = memory.file
    report = stage_reporter(progress, str(path), *position)
    if not memory.units:
        raise InputError(f"no translation units in this {memory.kind} file", path)
    need_both = require_both or bool(config.src_lang and config.tgt_lang)
    src, tgt = choose_langs(memory, config.src_lang, config.tgt_lang, need_both)
    pairs, skipped = memory_pairs(memory, src, tgt)
    if not pairs:
        raise InputError(f"no unit has {language_name(src)} or "
                         f"{language_name(tgt or src)} text", path)
    what = "translation memory" if memory.kind == "TMX" else f"{memory.kind} file"
    notices = [f"{what}: {len(memory.units)} units, checked as they are aligned "
               f"(original: {language_name(src)}"
               + (f", from {memory.srclang_from})" if not config.src_lang
                  and primary(memory.srclang) == src else ")")]
    if skipped:
        notices.append(f"{skipped} unit(s) with neither {language_name(src)} nor "
                       f"{language_name(tgt or src)} text skipped")
    if tgt is None:
        notices.append(f"only {language_name(src)} text found: one-language checks only")
    return _checked(pairs, src, tgt, config, (str(path),), notices,
                    {"reader": memory.kind.lower()}, report=report)


def _options(config: Config, signature: dict | None = None) -> CheckOptions:
    # The scorer that really scored the pairs: a backend that could not load falls back to
    # lexical scores, which score-based checks must not read as semantic ones.
    scorer = (signature or {}).get("scorer", config.scorer)
    return CheckOptions(glossary=config.loaded_glossary or config.glossary,
                        default_glossary=config.default_glossary, scorer=scorer,
                        spelling_words=config.spelling_words, checklist=config.checklist)


def _require_sentences(*docs: Document) -> None:
    for doc in docs:
        if not doc.sentences:
            raise InputError(f"no {language_name(doc.lang)} sentences found", doc.file)

