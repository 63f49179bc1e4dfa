"""The ``align`` command. The only module that imports click: it parses options, calls the
library and maps :class:`~aligner.errors.AlignerError` to exit code 2."""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import click

from . import __version__
from .checks import REGISTRY
from .config import Config, find_config_file, load_config
from .errors import AlignerError
from .export.json import write_json
from .model import Result, Severity
from .pipeline import check_paths
from .sources.discover import discover

SEVERITIES = [s.value for s in Severity]


class _Group(click.Group):
    """Reports our own errors in one line with exit code 2, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AlignerError as exc:
            click.echo(f"align: error: {exc}", err=True)
            ctx.exit(2)


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="align")
def main() -> None:
    """Align Arabic sources with their English translations and check the translation."""


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--json", "json_path", type=click.Path(dir_okay=False),
              help="Write the result as JSON (schema: docs/json-schema.md).")
@click.option("--fail-on", type=click.Choice(SEVERITIES), default=None,
              help="Exit 1 when a finding is at or above this level [default: error].")
@click.option("--src-lang", help="Language of the original (default: Arabic).")
@click.option("--tgt-lang", help="Language of the translation.")
@click.option("--encoding", help="Force the input encoding (default: detect).")
@click.option("--scorer", help="Similarity backend: e5 (default), lexical or laser.")
@click.option("--cache-dir", type=click.Path(file_okay=False),
              help="Embedding cache folder [default: $XDG_CACHE_HOME/aligner].")
@click.option("--no-cache", is_flag=True, default=None, help="Do not read or write the cache.")
@click.option("--laser-model-dir", type=click.Path(),
              help="Folder with laser2.pt, laser2.spm, laser2.cvocab (--scorer laser).")
@click.option("--checks", "enabled", help="Comma-separated check ids to run (default: all).")
@click.option("--disable", help="Comma-separated check ids not to run.")
@click.option("--severity", "severity", multiple=True, metavar="CHECK=LEVEL",
              help="Override a check's severity (repeatable).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, exists=True),
              help="Read [align] settings from this file instead of the nearest setup.cfg.")
@click.option("-q", "--quiet", is_flag=True, help="Print the summary only, not each finding.")
def check(sources: tuple[str, ...], json_path: str | None, fail_on: str | None,
          src_lang: str | None, tgt_lang: str | None, encoding: str | None,
          scorer: str | None, cache_dir: str | None, no_cache: bool | None,
          laser_model_dir: str | None, enabled: str | None, disable: str | None,
          severity: tuple[str, ...], config_path: str | None, quiet: bool) -> None:
    """Align and check SOURCES: a combined file, two parallel files, or directories."""
    base = load_config(Path(config_path) if config_path else find_config_file())
    config = base.merged(
        fail_on=Severity.parse(fail_on) if fail_on else None,
        src_lang=src_lang, tgt_lang=tgt_lang, encoding=encoding, scorer=scorer,
        cache_dir=cache_dir, no_cache=no_cache, laser_model_dir=laser_model_dir,
        enabled=_ids(enabled), disabled=_ids(disable),
        severities={**base.severities, **_severities(severity)} if severity else None)
    results = run_sources(sources, config)
    if json_path:
        write_json(json_path, results)
    for result in results:
        _print_result(result, quiet)
    failing = sum(len(r.at_or_above(config.fail_on)) for r in results)
    totals = Counter()
    for r in results:
        totals.update(r.counts())
    click.echo(f"{len(results)} source(s), {sum(len(r.pairs) for r in results)} pairs; findings: "
               + ", ".join(f"{totals[s]} {s}" for s in reversed(SEVERITIES)))
    sys.exit(1 if failing else 0)


def run_sources(args: tuple[str, ...], config: Config) -> list[Result]:
    """Check every source named by ``args``; a progress bar only on an interactive terminal."""
    specs = discover(list(args))
    if len(specs) == 2 and all(len(s) == 1 for s in specs) and len(args) == 2:
        specs = _maybe_parallel(specs, config)
    show = len(specs) > 1 and sys.stderr.isatty() and not os.environ.get("CI")
    if not show:
        return [check_paths(spec, config) for spec in specs]
    with click.progressbar(specs, label="Checking", file=sys.stderr) as bar:
        return [check_paths(spec, config) for spec in bar]


def _maybe_parallel(specs: list[tuple[str, ...]], config: Config) -> list[tuple[str, ...]]:
    """Two plain files in different languages are one parallel source."""
    from .sources import read_source

    langs = []
    for (path,) in specs:
        langs.append(read_source([path], config.encoding).langs())
    if all(len(lang) == 1 for lang in langs) and langs[0] != langs[1]:
        return [(specs[0][0], specs[1][0])]
    return specs


def _print_result(result: Result, quiet: bool) -> None:
    beads = Counter(p.bead for p in result.pairs)
    counts = result.counts()
    name = " + ".join(result.sources)
    shape = ", ".join(f"{k}: {v}" for k, v in sorted(beads.items(), key=lambda kv: -kv[1]))
    click.echo(f"{name}: {len(result.pairs)} pairs ({shape}); "
               + ", ".join(f"{counts[s]} {s}" for s in reversed(SEVERITIES)))
    for notice in result.notices:
        click.echo(f"  note: {notice}")
    if quiet:
        return
    for f in result.findings:
        where = f"{f.loc.file}:{f.loc.line}:{f.loc.col}" if f.loc else f"pair {f.pair}"
        click.echo(f"  {where}: {f.severity.value}: [{f.check}] {f.message}")


@main.command("checks")
def list_checks() -> None:
    """List every check with its id, default severity and description."""
    width = max(len(c) for c in REGISTRY)
    for check_id, spec in REGISTRY.items():
        scope = "" if spec.bilingual else " (also one-language)"
        click.echo(f"{check_id:<{width}}  {spec.severity.value:<7}  {spec.description}{scope}")


# -- align score (similarity backends issue) ---------------------------------------------------

@main.command("score")
@click.argument("hyp", type=click.Path(dir_okay=False, exists=True))
@click.argument("ref", type=click.Path(dir_okay=False, exists=True))
@click.option("--metrics", default="bleu,chrf,ter", show_default=True,
              help="Comma-separated: bleu, chrf, ter.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False),
              help="Write corpus and per-sentence scores as JSON.")
@click.option("--encoding", help="Force the input encoding (default: detect).")
def score(hyp: str, ref: str, metrics: str, json_path: str | None, encoding: str | None) -> None:
    """Score the translation HYP against the reference REF (line-aligned) with sacrebleu."""
    from .score import parse_metrics, score_files, write_score_json

    report = score_files(hyp, ref, parse_metrics(metrics), encoding)
    if json_path:
        write_score_json(json_path, report)
    for m in report.metrics:
        click.echo(f"{m.name.upper():<5} {m.corpus:6.2f}  {m.signature}")
    click.echo(f"{report.lines} lines")


def _ids(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(v.strip() for v in value.split(",") if v.strip())


def _severities(items: tuple[str, ...]) -> dict[str, Severity]:
    out = {}
    for item in items:
        key, sep, level = item.partition("=")
        if not sep:
            raise click.BadParameter(f"{item!r} is not CHECK=LEVEL", param_hint="--severity")
        try:
            out[key.strip()] = Severity.parse(level.strip())
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--severity") from None
    return out
