"""The ``align`` command. The only module that imports click: it parses options, calls the
library and maps errors to exit codes (docs/security.md): 0 passed, 1 findings at or above
``--fail-on``, 2 a usage, input or output error (one line on stderr, never a traceback), 130
interrupted (Ctrl-C)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__
from .checks import REGISTRY
from .config import Config, find_config_file, load_config, parse_list, parse_severities
from .errors import EXIT_INTERRUPTED, AlignerError
from .export.atomic import (
    atomic_write,
    check_creatable_dir,
    check_not_inputs,
    check_stdout,
    check_writable,
    is_stdout,
    write_stdout,
)
from .export.csv import write_csv
from .export.formats import FORMATS, default_format, render
from .export.json import write_json
from .export.text import summary_lines
from .export.tmx import write_tmx
from .export.xliff import write_xliff
from .export.xlsx import require_openpyxl, write_xlsx
from .gate import DEFAULT_BASELINE, require_one_source, run_gate
from .inputs import DEFAULT_MAX_BYTES, format_size, parse_size
from .model import Result, Severity
from .progress import Step
from .progress_display import BatchDisplay, stage_display

SEVERITIES = [s.value for s in Severity]

_MAX_BYTES_HELP = (f"Refuse an input file (source, glossary, baseline, configuration) larger "
                   f"than this: bytes, or with k/M/G [default: {format_size(DEFAULT_MAX_BYTES)}].")


def _max_bytes_option(function):
    return click.option("--max-bytes", "max_bytes", default=None, metavar="SIZE",
                        help=_MAX_BYTES_HELP)(function)


EXIT_ERROR = 2


class _Group(click.Group):
    """Reports every error in one line on stderr, never a traceback: our own
    (:class:`AlignerError`) and click's usage errors with exit code 2, Ctrl-C with 130."""

    def invoke(self, ctx: click.Context):
        _tolerate_narrow_streams()
        try:
            return super().invoke(ctx)
        except AlignerError as exc:
            _error(str(exc))
            ctx.exit(EXIT_ERROR)
        except KeyboardInterrupt:
            _error("interrupted", prefix="align: ")
            ctx.exit(EXIT_INTERRUPTED)
        except RecursionError:
            # Our readers catch this where they parse; this is the net for what they do not.
            _error("the input is nested too deeply to be read")
            ctx.exit(EXIT_ERROR)
        except OSError as exc:
            # Readers and writers turn OSError into AlignerError naming the file; what is left
            # is mostly a stream failing in a write: still one line, not a traceback.
            where = f"{exc.filename}: " if exc.filename else ""
            _error(f"{where}{exc.strerror or exc}")
            _silence_stdout()
            ctx.exit(EXIT_ERROR)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             **extra):
        """Run the command, then flush standard output while errors can still be reported:
        a full or closed stdout is one line and exit 2, not Python's "Exception ignored"."""
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except SystemExit as exc:
            code = exc.code
        except click.UsageError as exc:
            hint = f" (see '{exc.ctx.command_path} --help')" if exc.ctx else ""
            _error(_one_line(exc.format_message()) + hint)
            code = exc.exit_code
        except click.ClickException as exc:
            _error(_one_line(exc.format_message()))
            code = exc.exit_code
        except (click.Abort, KeyboardInterrupt):
            _error("interrupted", prefix="align: ")
            code = EXIT_INTERRUPTED
        code = 0 if code is None else code if isinstance(code, int) else 1
        try:
            if sys.stdout is not None:
                sys.stdout.flush()
        except (OSError, ValueError) as exc:
            _silence_stdout()
            if code in (0, 1):  # 2 and 130 have said what went wrong already
                reason = exc.strerror if isinstance(exc, OSError) else "it is closed"
                _error(f"cannot write to standard output ({reason}); the output was not "
                       "written")
                code = EXIT_ERROR
        sys.exit(code)


def _error(message: str, prefix: str = "align: error: ") -> None:
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(f"{prefix}{message}\n")
        stream.flush()
    except (OSError, ValueError):
        pass  # stderr itself is gone: the exit status still tells


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _silence_stdout() -> None:
    # Python flushes stdout once more at exit; what could not be written must not fail again
    # there ("Exception ignored ... BrokenPipeError") or change the exit status.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def _tolerate_narrow_streams() -> None:
    """A console that cannot show Arabic (Windows cp1252, PYTHONIOENCODING=ascii) gets escapes
    such as ``\u0627`` instead of a UnicodeEncodeError traceback and exit status 1."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="align")
def main() -> None:
    """Align Arabic sources with their English translations and check the translation."""
    from .align import keep_freed_memory

    keep_freed_memory()  # a long document's search runs 40% faster (docs/similarity.md)



F = TypeVar("F", bound=Callable[..., Any])


def _options(*decorators: Callable[[F], F]) -> Callable[[F], F]:
    """Several click options as one decorator, so that commands sharing them stay in step."""
    def apply(f: F) -> F:
        for decorator in reversed(decorators):
            f = decorator(f)
        return f
    return apply


_encoding_option = click.option("--encoding", help="Force the input encoding (default: detect).")
_tmx_unaligned_option = click.option(
    "--tmx-include-unaligned", is_flag=True,
    help="Keep 1-0 and 0-1 pairs in the TMX (with a note); left out by default.")

# Where the similarity backends keep and find their data (docs/similarity.md).
_backend_options = _options(
    click.option("--cache-dir", type=click.Path(file_okay=False),
                 help="Embedding cache folder [default: $XDG_CACHE_HOME/aligner]."),
    click.option("--no-cache", is_flag=True, default=None,
                 help="Do not read or write the embedding cache."),
    click.option("--laser-model-dir", type=click.Path(),
                 help="Folder with laser2.pt, laser2.spm, laser2.cvocab (--scorer laser)."))

# The run's settings, shared by `align check` and `align batch` (docs/configuration.md).
_settings_options = _options(
    click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
                 help="Exit 1 when a finding is at or above this level [default: error]."),
    click.option("--src-lang", help="Language of the original (default: Arabic)."),
    click.option("--tgt-lang", help="Language of the translation."),
    _encoding_option,
    click.option("--scorer", help="Similarity backend: e5 (default), lexical or laser."),
    click.option("--checks", "enabled", help="Comma-separated check ids to run (default: all)."),
    click.option("--disable", help="Comma-separated check ids not to run."),
    click.option("--severity", "severity", multiple=True, metavar="CHECK=LEVEL",
                 help="Override a check's severity (repeatable)."),
    click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
                 help="Read [align] settings from this file instead of the nearest setup.cfg."))

# The files of terms and house rules the checks read.
_rule_file_options = _options(
    click.option("--glossary", type=click.Path(dir_okay=False),
                 help="Glossary file (TBX or TSV) for the terminology check; replaces the "
                      "shipped one."),
    click.option("--no-default-glossary", is_flag=True, default=None,
                 help="Do not use the shipped glossary (term-mismatch needs --glossary then)."),
    click.option("--checklist", type=click.Path(dir_okay=False),
                 help="House rules (TOML) for the house-rule check (docs/configuration.md)."))

def _run_config(max_bytes: str | None, config_path: str | None, severity: tuple[str, ...], *,
                fail_on: str | None, enabled: str | None, disable: str | None,
                no_default_glossary: bool | None, **values: Any) -> Config:
    """The run's settings for `align check` and `align batch`: the [align] file (given or
    found) under the command line's options (the same ones, `_settings_options`,
    `_rule_file_options` and `_backend_options`). The file and every input are read within
    --max-bytes, which load_config records in the settings."""
    try:
        severities = parse_severities(severity) if severity else None
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--severity") from None
    limit = parse_size(max_bytes) if max_bytes else DEFAULT_MAX_BYTES
    config_file = Path(config_path) if config_path else find_config_file(max_bytes=limit)
    return load_config(config_file, limit).merged(
        fail_on=Severity.parse(fail_on) if fail_on else None,
        enabled=parse_list(enabled) if enabled is not None else None,
        disabled=parse_list(disable) if disable is not None else None,
        severities=severities, default_glossary=False if no_default_glossary else None,
        **values)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False),
              help="Write the result as JSON (schema: docs/json-schema.md).")
@_settings_options
@click.option("-q", "--quiet", is_flag=True, help="Print the summary only, not each finding.")
# --- CI gate (docs/ci.md, docs/baseline.md) ---
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format [default: text; github when GITHUB_ACTIONS=true].")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the output to this file instead of standard output.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Findings accepted in this baseline file do not count.")
@click.option("--update-baseline", is_flag=True,
              help="Accept every current finding: write them to the baseline and pass.")
@_rule_file_options
@click.option("--review", "review_path", type=click.Path(dir_okay=False),
              help="Keep the pairs re-paired in this review.json from the HTML report "
                   "(docs/review.md).")
# --- TMX / XLIFF export (docs/tmx.md) ---
@click.option("--tmx", "tmx_path", type=click.Path(dir_okay=False),
              help="Write the aligned pairs as a TMX 1.4b translation memory.")
@_tmx_unaligned_option
@click.option("--xliff", "xliff_path", type=click.Path(dir_okay=False),
              help="Write the pairs and findings as XLIFF 2.1 for review in a CAT tool.")
# --- hand-over to a reviser (docs/review.md) ---
@click.option("--xlsx", "xlsx_path", type=click.Path(dir_okay=False),
              help="Write one row per finding to an Excel workbook for a reviser.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False),
              help="Write one row per finding to a CSV file for a reviser.")
# --- HTML report (docs/html-report.md) ---
@click.option("--html", "html_path", type=click.Path(dir_okay=False),
              help="Write the HTML QA report of one source (docs/html-report.md).")
@click.option("--html-dir", type=click.Path(file_okay=False),
              help="Write one HTML QA report per source into this directory.")
@_backend_options
@_max_bytes_option
def check(sources: tuple[str, ...], json_path: str | None, fail_on: str | None,
          src_lang: str | None, tgt_lang: str | None, encoding: str | None,
          scorer: str | None, enabled: str | None, disable: str | None,
          severity: tuple[str, ...], config_path: str | None, quiet: bool,
          fmt: str | None, output: str | None, baseline: str | None,
          update_baseline: bool, glossary: str | None, no_default_glossary: bool | None,
          checklist: str | None, review_path: str | None,
          tmx_path: str | None,
          tmx_include_unaligned: bool, xliff_path: str | None, xlsx_path: str | None,
          csv_path: str | None, html_path: str | None,
          html_dir: str | None, cache_dir: str | None, no_cache: bool | None,
          laser_model_dir: str | None, max_bytes: str | None) -> None:
    """Align and check SOURCES: combined files, two parallel files, directories or globs.

    Exit status: 0 when nothing new is at or above --fail-on, 1 when something is, 2 on a
    usage or input error.
    """
    config = _run_config(
        max_bytes, config_path, severity, fail_on=fail_on, src_lang=src_lang,
        tgt_lang=tgt_lang, encoding=encoding, scorer=scorer, enabled=enabled, disable=disable,
        glossary=glossary, no_default_glossary=no_default_glossary, checklist=checklist,
        cache_dir=cache_dir, no_cache=no_cache, laser_model_dir=laser_model_dir,
        baseline=baseline, review=review_path)
    # Every output path is checked before the run writes anything (the baseline included): one
    # bad path must not leave the other outputs behind.
    outputs = [tmx_path, xliff_path, json_path, html_path, xlsx_path, csv_path, output,
               (config.baseline or DEFAULT_BASELINE) if update_baseline else None]
    check_writable(outputs)
    review_of = None
    if config.review:
        from .review_file import read_review

        review_of = read_review(config.review, config.max_bytes).src.file  # fails before the run
    if xlsx_path:
        require_openpyxl()
    report_to_stdout = not output or is_stdout(output)
    if report_to_stdout and not any(map(is_stdout, outputs)):
        check_stdout()  # `>&-`: the report would be lost; say so before the run
    check_creatable_dir(html_dir)
    # Writing a translation memory needs both languages: a one-language source is an error.
    with stage_display(quiet, sys.stderr) as stages:
        report = run_gate(sources, config, update_baseline=update_baseline,
                          require_both=bool(tmx_path or xliff_path),
                          one_source_for="--html" if html_path else None, outputs=outputs,
                          html_dir=html_dir, stages=stages)
        if review_of is not None and not any(_same_path(review_of, f) for r in report.results
                                             for f in r.sources):
            _error(f"{config.review} is a review of {review_of}, not of a source of this run: "
                   "its re-pairings were not used", prefix="align: warning: ")
        stages(Step("writing", "outputs", len(report.results) - 1, len(report.results)))
        if tmx_path:
            write_tmx(tmx_path, report.results, include_unaligned=tmx_include_unaligned)
        if xliff_path:
            write_xliff(xliff_path, report.results)
        # JSON and HTML are for reviewers: they keep the findings the baseline accepted.
        if json_path:
            write_json(json_path, list(report.full_results()))
        if xlsx_path:
            write_xlsx(xlsx_path, report.full_results())
        if csv_path:
            write_csv(csv_path, report.full_results())
        _write_html_reports(list(report.full_results()), html_path, html_dir)
    fmt = fmt or default_format()
    if output and not is_stdout(output):
        atomic_write(output, render(report, fmt, quiet))
        click.echo("\n".join(summary_lines(report)), err=True)
    elif not output and any(map(is_stdout, outputs)):
        # `--json -` owns standard output (it is being piped): the summary goes to stderr.
        click.echo("\n".join(summary_lines(report)), err=True)
    else:
        style = click.style if fmt == "text" and _colour(sys.stdout) else None
        write_stdout(render(report, fmt, quiet, style))
    sys.exit(report.exit_code)


def _same_path(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except OSError:
        return a == b


def _colour(stream) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    return stream is not None and stream.isatty() and not os.environ.get("NO_COLOR")


# --- align batch (docs/batch.md) ----------------------------------------------------------

def _default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


@main.command("batch")
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the outputs (created; an earlier run's outputs are reused).")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (local) or LocalCluster workers (dask) "
                   "[default: the CPUs this process may use].")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="Where the sources are checked.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler address (tcp://host:8786) [default: a LocalCluster].")
@_settings_options
@_rule_file_options
@_tmx_unaligned_option
@_backend_options
@click.option("-q", "--quiet", is_flag=True, help="No progress, only the summary.")
@_max_bytes_option
def batch(sources: tuple[str, ...], out_dir: str, jobs: int | None, executor: str,
          scheduler: str | None, fail_on: str | None, src_lang: str | None,
          tgt_lang: str | None, encoding: str | None, scorer: str | None, enabled: str | None,
          disable: str | None, severity: tuple[str, ...], config_path: str | None,
          glossary: str | None, no_default_glossary: bool | None, checklist: str | None,
          tmx_include_unaligned: bool, cache_dir: str | None, no_cache: bool | None,
          laser_model_dir: str | None, quiet: bool, max_bytes: str | None) -> None:
    """Check every source in SOURCES on its own, in parallel, into the folder --out: one JSON
    result and one HTML report per source, a merged TMX, an index page and summary.jsonl.

    A source whose input and settings are unchanged since an earlier run into the same folder
    is skipped. Exit status: 0 passed, 1 a finding at or above --fail-on, 2 a usage or input
    error (nothing checked), 3 some sources failed (listed; the others are written), 130
    interrupted (what finished is kept and a rerun resumes).
    """
    from .batch import BatchOptions, run_batch, summary_lines

    if scheduler and executor != "dask":
        raise click.UsageError("--scheduler needs --executor dask")
    config = _run_config(
        max_bytes, config_path, severity, fail_on=fail_on, src_lang=src_lang,
        tgt_lang=tgt_lang, encoding=encoding, scorer=scorer, enabled=enabled, disable=disable,
        glossary=glossary, no_default_glossary=no_default_glossary, checklist=checklist,
        cache_dir=cache_dir, no_cache=no_cache, laser_model_dir=laser_model_dir)
    options = BatchOptions(jobs=jobs or _default_jobs(), executor=executor,
                           scheduler=scheduler, tmx_include_unaligned=tmx_include_unaligned)
    progress = BatchDisplay(quiet, sys.stderr)
    try:
        report = run_batch(sources, config, out_dir, options, progress)
    finally:
        progress.close()
    write_stdout("\n".join(summary_lines(report)) + "\n")
    sys.exit(report.exit_code)


# --- end align batch ------------------------------------------------------------------------


# --- HTML report (docs/html-report.md) -----------------------------------------------------

@main.command("report")
@click.argument("result_json", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "html_path", type=click.Path(dir_okay=False),
              help="The HTML file to write (for a result with one source).")
@click.option("--html-dir", type=click.Path(file_okay=False),
              help="Write one HTML report per source into this directory.")
@_max_bytes_option
def report(result_json: str, html_path: str | None, html_dir: str | None,
           max_bytes: str | None) -> None:
    """Render a saved JSON result (align check --json) as an HTML QA report."""
    from .export.json import read_results

    if not html_path and not html_dir:
        raise click.UsageError("give -o FILE or --html-dir DIR")
    from .export.html import html_dir_paths

    check_writable([html_path])
    check_not_inputs([html_path], [result_json])
    check_creatable_dir(html_dir)
    results = read_results(result_json, parse_size(max_bytes) if max_bytes else DEFAULT_MAX_BYTES)
    if html_path:
        require_one_source(len(results), "-o")
    # A report must not replace the source it is about (`--html-dir d` with d/article.html).
    reports = html_dir_paths(html_dir, [r.sources for r in results]) if html_dir else []
    check_not_inputs([html_path, *map(str, reports)],
                     [result_json, *(f for r in results for f in r.sources)])
    for path in _write_html_reports(results, html_path, html_dir):
        if not is_stdout(path):
            click.echo(f"wrote {path}", err=is_stdout(html_path))


def _write_html_reports(results: list[Result], html_path: str | None,
                        html_dir: str | None) -> list[Path]:
    from .export.html import write_html, write_html_dir

    written = []
    if html_path:
        write_html(html_path, results[0])
        written.append(Path(html_path))
    if html_dir:
        written.extend(write_html_dir(html_dir, results))
    return written


# --- end HTML report ------------------------------------------------------------------------


# --- align score (docs/similarity.md) -------------------------------------------------------

@main.command("score")
@click.argument("hyp", type=click.Path(dir_okay=False, allow_dash=True))
@click.argument("ref", type=click.Path(dir_okay=False, allow_dash=True))
@click.option("--metrics", default="bleu,chrf,ter", show_default=True,
              help="Comma-separated: bleu, chrf, ter.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False),
              help="Write corpus and per-sentence scores as JSON.")
@_encoding_option
@_max_bytes_option
def score(hyp: str, ref: str, metrics: str, json_path: str | None, encoding: str | None,
          max_bytes: str | None) -> None:
    """Score the translation HYP against the reference REF (line-aligned) with sacrebleu."""
    from .score import parse_metrics, score_files, write_score_json

    check_writable([json_path])
    check_not_inputs([json_path], [hyp, ref])
    if not is_stdout(json_path):
        check_stdout()
    limit = parse_size(max_bytes) if max_bytes else DEFAULT_MAX_BYTES
    if hyp == ref == "-":
        raise click.BadParameter("HYP and REF cannot both be standard input")
    result = score_files(hyp, ref, parse_metrics(metrics), encoding, limit)
    if json_path:
        write_score_json(json_path, result)
    lines = [f"{m.name.upper():<5} {m.corpus:6.2f}  {m.signature}" for m in result.metrics]
    lines.append(f"{result.lines} lines")
    out = "\n".join(lines) + "\n"
    if is_stdout(json_path):
        click.echo(out, err=True, nl=False)
    else:
        write_stdout(out)

# --- end align score ------------------------------------------------------------------------


# --- align review (docs/review.md) ---------------------------------------------------------

@main.group("review")
def review() -> None:
    """Bring a reviser's decisions back (docs/review.md)."""


@review.command("import")
@click.argument("review_file", type=click.Path(dir_okay=False))
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="The baseline to update [default: [align] baseline, else "
                   f"{DEFAULT_BASELINE}].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Read [align] settings from this file instead of the nearest setup.cfg.")
@_max_bytes_option
def review_import(review_file: str, baseline: str | None, config_path: str | None,
                  max_bytes: str | None) -> None:
    """Turn the statuses of REVIEW_FILE (.xlsx or .csv from align check --xlsx/--csv, or a
    review/baseline .json) into baseline entries: accepted and false-positive findings no
    longer count in the next align check --baseline."""
    from .review import import_review

    limit = parse_size(max_bytes) if max_bytes else DEFAULT_MAX_BYTES
    if not baseline:
        config_file = Path(config_path) if config_path else find_config_file(max_bytes=limit)
        baseline = load_config(config_file, limit).baseline or DEFAULT_BASELINE
    check_writable([baseline])
    check_not_inputs([baseline], [review_file])
    imported, total = import_review(review_file, baseline, limit)
    click.echo(f"imported {imported} decision(s) into {baseline} ({total} entries)", err=True)


@main.command("apply")
@click.argument("review_file", type=click.Path(dir_okay=False))
@click.option("--source", "sources", multiple=True, type=click.Path(dir_okay=False),
              help="Read the source from here instead of the path in the review: once for a "
                   "combined file, twice for parallel files (original, then translation).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the corrected translation file (the whole file, edits applied).")
@click.option("--in-place", is_flag=True,
              help="Write the corrected translation over the source file itself.")
@click.option("--tmx", "tmx_path", type=click.Path(dir_okay=False),
              help="Write the reviewed pairs, edits applied, as a TMX 1.4b memory.")
@_tmx_unaligned_option
@click.option("--xliff", "xliff_path", type=click.Path(dir_okay=False),
              help="Write the reviewed pairs, edits applied, as XLIFF 2.1.")
@_encoding_option
@_max_bytes_option
def apply(review_file: str, sources: tuple[str, ...], output: str | None, in_place: bool,
          tmx_path: str | None, tmx_include_unaligned: bool, xliff_path: str | None,
          encoding: str | None, max_bytes: str | None) -> None:
    """Apply REVIEW_FILE (review.json downloaded from the HTML report): write the corrected
    translation and/or the reviewed pairs as TMX or XLIFF (docs/review.md)."""
    from .apply import apply_review
    from .review_file import read_review, side_files

    if not (output or in_place or tmx_path or xliff_path):
        raise click.UsageError("give -o FILE, --in-place, --tmx FILE or --xliff FILE")
    if output and in_place:
        raise click.UsageError("-o and --in-place exclude each other")
    limit = parse_size(max_bytes) if max_bytes else DEFAULT_MAX_BYTES
    review = read_review(review_file, limit)
    src_file, tgt_file = side_files(review, sources)
    if (in_place or output) and tgt_file is None:
        raise click.UsageError("the review has no translation side to correct")
    outputs = [output, tmx_path, xliff_path]
    check_writable(outputs)
    # Only --in-place may replace the translation file; nothing replaces another input.
    check_not_inputs(outputs, [review_file, src_file, tgt_file])
    check_not_inputs([tgt_file if in_place else None], [review_file])
    applied = apply_review(review, sources, encoding, limit)
    if tmx_path:
        write_tmx(tmx_path, [applied.result], include_unaligned=tmx_include_unaligned)
    if xliff_path:
        write_xliff(xliff_path, [applied.result])
    corrected = tgt_file if in_place else output
    if corrected and tgt_file is not None:
        atomic_write(corrected, applied.texts[tgt_file])
    written = [p for p in (corrected, tmx_path, xliff_path) if p and not is_stdout(p)]
    click.echo(f"applied {applied.edits} edit(s), {len(review.repairs)} re-paired pair(s)"
               + (f"; wrote {', '.join(written)}" if written else ""), err=True)


@main.command("checks")
def list_checks() -> None:
    """List every check with its id, default severity and description."""
    width = max(len(c) for c in REGISTRY)
    lines = []
    for check_id, spec in REGISTRY.items():
        scope = "" if spec.bilingual else " (also one-language)"
        lines.append(f"{check_id:<{width}}  {spec.severity.value:<7}  {spec.description}{scope}")
    write_stdout("\n".join(lines) + "\n")
