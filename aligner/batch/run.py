"""``align batch``: check many sources independently, in parallel, resumably.

The order of a run: validate the settings and find the sources (an error there stops the run
before anything is written, exit 2); hash each source and skip those an earlier run finished
with the same input and settings; check the rest on the executor, each worker writing its
source's outputs; then write the merged TMX, the index page and, last, the summary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Config
from ..errors import AlignerError, ConfigError, InputError
from ..export.atomic import check_creatable_dir, check_not_inputs
from ..gate import check_run_files, check_settings
from ..inputs import check_input
from ..model import Severity
from ..sources.discover import plan_sources
from .executors import run_dask, run_local
from .outputs import write_index, write_merged_tmx, write_summary
from .plan import (
    CHECKED,
    FAILED,
    INDEX_FILE,
    REPORTS_DIR,
    RESULTS_DIR,
    SKIPPED,
    STATE_DIR,
    SUMMARY_FILE,
    TMX_FILE,
    Task,
    finished_record,
    input_sha256,
    output_names,
    settings_sha256,
)
from .work import check_one, failed_record

EXECUTORS = ("local", "dask")

#: Exit status of a batch run (docs/batch.md). 0, 1, 2 and 130 mean what they mean for
#: ``align check``; 3 is a finished run in which some sources could not be checked.
EXIT_PASSED, EXIT_FINDINGS, EXIT_ERROR, EXIT_SOURCES_FAILED = 0, 1, 2, 3

Progress = Callable[[dict, int, int], None]


@dataclass(frozen=True)
class BatchOptions:
    """How a batch run is executed (what is checked is in :class:`Config`)."""

    jobs: int = 1
    executor: str = "local"
    scheduler: str | None = None          # Dask scheduler address; None: a LocalCluster
    tmx_include_unaligned: bool = False


@dataclass(frozen=True)
class BatchReport:
    """What a batch run did: one summary record per source, in the order they were named."""

    out: Path
    records: tuple[dict, ...]
    fail_on: Severity = Severity.ERROR
    tmx: Path | None = None
    tmx_units: int = 0
    files: tuple[Path, ...] = field(default=())

    def with_status(self, status: str) -> list[dict]:
        return [r for r in self.records if r["status"] == status]

    @property
    def failed(self) -> list[dict]:
        return self.with_status(FAILED)

    def failing_sources(self) -> list[dict]:
        """Checked sources with a finding at or above ``fail_on``."""
        levels = [s.value for s in Severity if s.rank >= self.fail_on.rank]
        return [r for r in self.records if r["status"] != FAILED
                and any(r["findings"].get(level, 0) for level in levels)]

    @property
    def exit_code(self) -> int:
        if self.failed:
            return EXIT_SOURCES_FAILED
        return EXIT_FINDINGS if self.failing_sources() else EXIT_PASSED


def run_batch(args: Sequence[str], config: Config, out: str | Path,
              options: BatchOptions = BatchOptions(), progress: Progress | None = None,
              work: Callable[[Task, Config], dict] = check_one) -> BatchReport:
    """Check every source named by ``args`` on its own and write the outputs under ``out``.

    ``progress`` is called with each source's record as it is known (skipped ones first), the
    number done and the total. ``work`` is the function a worker runs per source (tests pass
    one that crashes). Raises :class:`AlignerError` for a problem with the run as a whole;
    a problem with one source is a ``failed`` record.
    """
    if options.executor not in EXECUTORS:
        raise ConfigError(f"unknown executor {options.executor!r} (local or dask)")
    if options.jobs < 1:
        raise ConfigError(f"--jobs must be at least 1, not {options.jobs}")
    check_settings(config)
    check_run_files(config)
    out = Path(out)
    # --out inside a folder of sources: the merged TMX of the last run is not a new source.
    inside = out.resolve()
    specs = [spec for spec in plan_sources(list(args), config.encoding, config.max_bytes)
             if not any(Path(p).resolve().is_relative_to(inside) for p in spec)]
    if not specs:
        raise InputError("no source found outside the output folder", str(out))
    check_creatable_dir(str(out))
    for folder in ("", RESULTS_DIR, REPORTS_DIR, STATE_DIR):
        try:
            (out / folder).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise AlignerError(f"cannot create directory ({exc.strerror})",
                               str(out / folder)) from None
    names = output_names(specs)
    inputs = [p for spec in specs for p in spec]
    fixed = [out / f for f in (SUMMARY_FILE, TMX_FILE, INDEX_FILE)]
    check_not_inputs([*map(str, fixed)], [*inputs, config.glossary, config.origin,
                                         config.checklist, config.spelling_words])
    for marker in (out / STATE_DIR).glob("*.running"):
        marker.unlink(missing_ok=True)   # left by a run that was stopped: not this run's
    settings = settings_sha256(config)
    config = config.with_glossary()       # read once; every worker gets the same reading
    records: dict[int, dict] = {}
    todo: list[Task] = []
    total = len(specs)

    def report(record: dict) -> None:
        if progress is not None:
            progress(record, len(records), total)

    for index, (spec, name) in enumerate(zip(specs, names)):
        task = Task(index, tuple(spec), name, str(out), "", settings)
        try:
            for path in spec:
                if path == "-":
                    raise InputError("standard input cannot be a source of a batch", path)
                check_input(path, config.max_bytes)   # never opens a pipe or a device to hash
            task = Task(index, tuple(spec), name, str(out), input_sha256(spec), settings)
        except (AlignerError, OSError) as exc:
            reason = (str(exc) if isinstance(exc, AlignerError)
                      else f"{exc.filename or spec[0]}: {exc.strerror or exc}")
            records[index] = failed_record(task, reason)
            report(records[index])
            continue
        previous = finished_record(task)
        if previous is not None:
            records[index] = previous
            report(previous)
        else:
            todo.append(task)
    index_of = {t.name: t.index for t in todo}   # names are unique in a run
    if options.executor == "dask":
        stream = run_dask(todo, config, work, options.jobs, options.scheduler)
    else:
        stream = run_local(todo, config, work, options.jobs)
    for record in stream:
        records[index_of[record["name"]]] = record
        report(record)
    ordered = [records[k] for k in range(total)]
    tmx = write_merged_tmx(out, ordered, config.max_bytes, options.tmx_include_unaligned)
    tmx_path, units = tmx if tmx else (None, 0)
    index_path = write_index(out, ordered, tmx_path)
    summary = write_summary(out, ordered)   # last: its presence means the run finished
    files = tuple(p for p in (summary, tmx_path, index_path) if p is not None)
    return BatchReport(out, tuple(ordered), config.fail_on, tmx_path, units, files)


def progress_line(record: dict, done: int, total: int) -> str:
    """A source's line in a CI log: ``[12/200] checked a.ar.txt + a.en.txt``, with the reason of
    a failure."""
    reason = f": {record['error']}" if record.get("error") else ""
    return f"[{done}/{total}] {record['status']} {' + '.join(record['source'])}{reason}"


def summary_lines(report: BatchReport) -> list[str]:
    """What ``align batch`` prints at the end: the counts, each failure with its reason, the
    sources that fail ``fail_on``, the files written."""
    records = report.records
    by_status = {s: len(report.with_status(s)) for s in (CHECKED, SKIPPED, FAILED)}
    done = [r for r in records if r["status"] != FAILED]
    counts = {s.value: sum(r["findings"].get(s.value, 0) for r in done)
              for s in reversed(Severity)}
    lines = [f"{len(records)} sources: {by_status[CHECKED]} checked, "
             f"{by_status[SKIPPED]} unchanged (skipped), {by_status[FAILED]} failed; "
             f"{sum(r['pairs'] for r in done)} pairs; "
             + ", ".join(f"{n} {s}" for s, n in counts.items())]
    lines += [f"failed: {' + '.join(r['source'])}: {r['error']}" for r in report.failed]
    failing = report.failing_sources()
    if failing:
        lines.append(f"{len(failing)} source(s) with findings at or above "
                     f"{report.fail_on.value}")
    lines += [f"wrote {path}" for path in report.files]
    return lines



