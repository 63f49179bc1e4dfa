"""``align check`` as a CI gate: check every source, set accepted findings aside, decide.

The gate fails (exit 1) when a finding that is *not* in the baseline is at or above the
``fail-on`` level. A baseline entry matches a finding with the same fingerprint in the same file
(see :mod:`aligner.baseline`); an entry for a file that was checked but that matches nothing any
more is *stale*: the fault was fixed (or its text changed) and the entry can go. Entries for files
this run did not check are left alone, so checking one file against the project's baseline does
not call the rest of it stale.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from .baseline import (
    BaselineEntry,
    entry_for,
    finding_file,
    finding_fingerprints,
    read_baseline,
    write_baseline,
)
from .checks import REGISTRY
from .checks.consistency import across_results
from .checks.house_rule import load_checklist
from .checks.spelling import read_word_list
from .config import Config, unknown_checks
from .errors import ConfigError, InputError
from .export.atomic import check_not_inputs
from .inputs import check_input
from .model import Finding, Result, Severity, finding_order
from .pipeline import check_paths
from .progress import Progress as StageProgress
from .sources.discover import SourceSpec, plan_sources
from .text import same_lang

#: Where ``--update-baseline`` writes when neither ``--baseline`` nor ``[align] baseline`` says.
DEFAULT_BASELINE = "align-baseline.json"

Progress = Callable[[Sequence[SourceSpec]], Iterable[SourceSpec]]


@dataclass(frozen=True)
class Suppressed:
    """A finding the baseline accepted, with the entry that accepted it."""

    source: int          # index into GateReport.results
    finding: Finding
    entry: BaselineEntry


@dataclass(frozen=True)
class BaselineOutcome:
    """What a baseline did to a run: the findings left, those set aside, the unused entries."""

    results: tuple[Result, ...]
    suppressed: tuple[Suppressed, ...]
    stale: tuple[BaselineEntry, ...]


@dataclass(frozen=True)
class GateReport:
    """The outcome of one gate run, which every output format renders.

    ``results`` hold only the findings that count (those not in the baseline); their pairs are
    complete, so a suppressed finding can still be located through ``results[s.source]``.
    """

    results: tuple[Result, ...]
    fail_on: Severity = Severity.ERROR
    baseline: str | None = None
    suppressed: tuple[Suppressed, ...] = ()
    stale: tuple[BaselineEntry, ...] = ()
    baseline_written: int | None = None   # entries written by --update-baseline

    def failing(self) -> list[Finding]:
        """Findings at or above ``fail_on``: each one fails the gate."""
        return [f for r in self.results for f in r.at_or_above(self.fail_on)]

    def failing_in(self, result: Result) -> list[Finding]:
        """The findings of one source that fail the gate."""
        return result.at_or_above(self.fail_on)

    @property
    def exit_code(self) -> int:
        """0 when nothing counted is at or above ``fail_on``, else 1."""
        return 1 if self.failing() else 0

    def full_results(self) -> tuple[Result, ...]:
        """The results with the baseline's accepted findings put back, in document order.

        A reviewer reading the JSON or the HTML report must still see accepted faults: the
        baseline decides what fails CI, not what is wrong in the text.
        """
        out = []
        for index, result in enumerate(self.results):
            accepted = [s.finding for s in self.suppressed if s.source == index]
            if not accepted:
                out.append(result)
                continue
            findings = sorted((*result.findings, *accepted), key=finding_order)
            out.append(replace(result, findings=tuple(findings)))
        return tuple(out)

    def counts(self) -> dict[str, int]:
        """Findings per severity over every source (suppressed ones not included)."""
        out = {s.value: 0 for s in Severity}
        for result in self.results:
            for level, n in result.counts().items():
                out[level] += n
        return out


def run_gate(args: Sequence[str], config: Config, *, update_baseline: bool = False,
             progress: Progress | None = None, require_both: bool = False,
             one_source_for: str | None = None,
             outputs: Sequence[str | None] = (), html_dir: str | None = None,
             stages: StageProgress | None = None) -> GateReport:
    """Find the sources named by ``args``, check each, apply the baseline, decide.

    With ``update_baseline`` every current finding is written to the baseline (keeping the
    status of entries already there, and entries for files not checked now), and the run then
    passes against it. ``require_both`` makes a one-language source an error (a translation
    memory is to be written). ``one_source_for`` names an output option that takes one source
    (``--html``): more sources are an error, raised before anything is checked or written.
    ``outputs`` are the files the run will write: one that is also an input (a source, the
    configuration, the glossary, the baseline read) is an error, and so is a report that
    ``html_dir`` would write over an input. ``stages`` hears each source's stages
    (:mod:`aligner.progress`).
    """
    check_settings(config)
    specs = plan_sources(args, config.encoding, config.max_bytes)
    if one_source_for:
        require_one_source(len(specs), one_source_for)
    read = [p for spec in specs for p in spec] + [config.glossary, config.origin,
                                                  config.checklist, config.spelling_words]
    if html_dir:
        from .export.html import html_dir_paths

        outputs = [*outputs, *map(str, html_dir_paths(html_dir, specs))]
    check_not_inputs(outputs, read + ([] if update_baseline else [config.baseline]))
    check_run_files(config)
    # The glossary is read once for every source, and a bad one stops the run here.
    results = check_all(specs, config.with_glossary(), progress, require_both, stages)
    path = config.baseline or (DEFAULT_BASELINE if update_baseline else None)
    if path is None:
        return GateReport(tuple(results), config.fail_on)
    if not update_baseline and not Path(path).exists():
        raise InputError("no such baseline file (write one with --update-baseline)", str(path))
    written = None
    if update_baseline:
        previous = read_baseline(path, config.max_bytes) if Path(path).exists() else []
        entries = updated_entries(results, previous, Path(path).parent)
        write_baseline(path, entries)
        written = len(entries)
    outcome = apply_baseline(results, read_baseline(path, config.max_bytes), Path(path).parent)
    return GateReport(outcome.results, config.fail_on, str(path), outcome.suppressed,
                      outcome.stale, written)


def check_settings(config: Config) -> None:
    """Refuse settings no run can use: an unknown check id, one language given as both sides."""
    unknown = unknown_checks(config, REGISTRY)
    if unknown:
        raise ConfigError(f"unknown check {unknown[0]!r} (see `align checks`)", config.origin)
    if same_lang(config.src_lang, config.tgt_lang):
        raise ConfigError(f"the original and the translation are both {config.src_lang!r} "
                          "(--src-lang, --tgt-lang): give two languages")


def check_run_files(config: Config) -> None:
    """Read the run's own files once before any source is checked, so that a bad checklist
    rule, word list or glossary path stops the run with its one-line error up front."""
    if config.checklist:
        load_checklist(config.checklist)
    if config.spelling_words:
        read_word_list(config.spelling_words)
    if config.glossary:
        # The terminology check reads the glossary deep in the run: refuse a device, a pipe
        # or an oversized file here.
        check_input(config.glossary, config.max_bytes, "glossary ")

def require_one_source(count: int, option: str) -> None:
    """Raise :class:`ConfigError` unless there is exactly one source for ``option``."""
    if count != 1:
        raise ConfigError(f"{option} writes the report of one source, {count} were checked: "
                          "use --html-dir DIR for one report per source")


def check_all(specs: Sequence[SourceSpec], config: Config,
              progress: Progress | None = None, require_both: bool = False,
              stages: StageProgress | None = None) -> list[Result]:
    """Check each source in order; ``progress`` may wrap the sequence (a progress bar) and
    ``stages`` hears each source's stages. Then the run-level pass: a sentence translated one
    way in one source and another way in another (``consistency``)."""
    results = [check_paths(spec, config, require_both, stages, (k, len(specs)))
               for k, spec in enumerate(progress(specs) if progress else specs)]
    return across_results(results, config.severities)


def apply_baseline(results: Sequence[Result], entries: Sequence[BaselineEntry],
                   root: Path | None = None) -> BaselineOutcome:
    """Set aside the findings ``entries`` accept; report entries that match nothing.

    ``root`` is the folder relative entry paths are read against (the baseline's own folder);
    a path relative to the working directory is accepted too, since that is how the HTML
    report records the files it was made from.
    """
    root = root if root is not None else Path(".")
    by_fp: dict[str, list[BaselineEntry]] = {}
    for entry in entries:
        by_fp.setdefault(entry.fingerprint, []).append(entry)
    # Resolving a path asks the file system: once per entry, not once per finding it is tried on.
    entry_keys = {id(e): _entry_keys(e, root) for e in entries if e.file}
    used: set[int] = set()
    kept_results: list[Result] = []
    suppressed: list[Suppressed] = []
    checked_files: set[str] = set()
    for index, result in enumerate(results):
        checked_files.update(_key(s) for s in result.sources)
        kept: list[Finding] = []
        for finding, fp in zip(result.findings, finding_fingerprints(result)):
            file_key = _key(finding_file(finding, result))
            match = next((e for e in by_fp.get(fp, ())
                          if not e.file or file_key in entry_keys[id(e)]), None)
            if match is None:
                kept.append(finding)
            else:
                used.add(id(match))
                suppressed.append(Suppressed(index, finding, match))
        kept_results.append(replace(result, findings=tuple(kept)))
    stale = tuple(e for e in entries if id(e) not in used
                  and (not e.file or entry_keys[id(e)] & checked_files))
    return BaselineOutcome(tuple(kept_results), tuple(suppressed), stale)


def updated_entries(results: Sequence[Result], previous: Sequence[BaselineEntry],
                    root: Path) -> list[BaselineEntry]:
    """The baseline after accepting every finding of ``results``.

    A finding already in ``previous`` keeps its entry's status (a ``false-positive`` stays
    one); entries for files not checked now are kept; stale ones are dropped. File paths are
    written relative to ``root`` (the baseline's folder) so the file works from any checkout.
    """
    outcome = apply_baseline(results, previous, root)
    status = {id(s.finding): s.entry.status for s in outcome.suppressed}
    checked = {_key(s) for r in results for s in r.sources}
    out = [e for e in previous
           if e.file and not (_entry_keys(e, root) & checked)]
    for result in results:
        for finding, fp in zip(result.findings, finding_fingerprints(result)):
            entry = entry_for(finding, result, fp, status.get(id(finding), "accepted"))
            out.append(replace(entry, file=_relative(entry.file, root)))
    return out


def _key(path: str) -> str:
    return os.path.normcase(str(Path(path).resolve()))


def _entry_keys(entry: BaselineEntry, root: Path) -> set[str]:
    path = Path(entry.file)
    if path.is_absolute():
        return {_key(entry.file)}
    return {_key(str(root / path)), _key(entry.file)}


def _relative(path: str, root: Path) -> str:
    try:
        return Path(os.path.relpath(Path(path).resolve(), root.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return Path(path).resolve().as_posix()
