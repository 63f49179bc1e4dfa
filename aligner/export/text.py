"""The human-readable gate output: one block per source, then one summary.

Colour is the caller's decision (a terminal, ``NO_COLOR`` unset): it passes a ``style``
function with :func:`click.style`'s signature; without one the text is plain.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..model import Finding, Result, Severity
from .paths import place

if TYPE_CHECKING:
    from ..gate import GateReport

Style = Callable[..., str]

_LEVELS = [s.value for s in sorted(Severity, key=lambda s: -s.rank)]   # error, warning, info
_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _plain(text: str, **_style) -> str:
    return text


def render(report: GateReport, quiet: bool = False, style: Style | None = None) -> str:
    """The gate report as text: each source with its findings, then the summary lines.

    ``quiet`` leaves out the findings and
    stale entries, keeping one line per source and the summary.
    """
    style = style or _plain
    lines: list[str] = []
    for index, result in enumerate(report.results):
        lines.append(source_line(result, style))
        lines.extend(f"  note: {notice}" for notice in result.notices)
        if not quiet:
            lines.extend("  " + finding_line(f, style) for f in result.findings)
            # Accepted findings are still faults in the text: a reviewer sees them, CI does not
            # count them.
            lines.extend("  " + finding_line(s.finding, style) + style(" (accepted in baseline)",
                                                                     dim=True)
                         for s in report.suppressed if s.source == index)
    if not quiet:
        lines.extend(f"  stale baseline entry: {e.file}: [{e.check}] {e.excerpt}"
                     for e in report.stale)
    lines.extend(summary_lines(report, style))
    return "\n".join(lines) + "\n"


def source_line(result: Result, style: Style = _plain) -> str:
    """``file: 13 pairs (1-1: 11, 1-0: 1); 1 error, 0 warning, 0 info``."""
    beads = Counter(p.bead for p in result.pairs)
    shape = ", ".join(f"{k}: {v}" for k, v in sorted(beads.items(), key=lambda kv: -kv[1]))
    name = style(" + ".join(result.sources), bold=True)
    return f"{name}: {len(result.pairs)} pairs ({shape}); {_counts(result.counts(), style)}"


def finding_line(finding: Finding, style: Style = _plain) -> str:
    """``file:line:col: error: [check] message``, the form editors and CI logs link."""
    where = place(finding.loc) if finding.loc else f"pair {finding.pair}"
    level = finding.severity.value
    return f"{where}: {style(level, fg=_COLOURS[level])}: [{finding.check}] {finding.message}"


def summary_lines(report: GateReport, style: Style = _plain) -> list[str]:
    """The closing summary: totals, the baseline's effect, and the verdict."""
    results = report.results
    pairs = sum(len(r.pairs) for r in results)
    lines = [f"{len(results)} source(s), {pairs} pairs; findings: "
             f"{_counts(report.counts(), style)}"]
    if report.baseline:
        if report.baseline_written is not None:
            lines.append(f"baseline {report.baseline}: wrote {report.baseline_written} "
                         f"entr{'y' if report.baseline_written == 1 else 'ies'}")
        stale = len(report.stale)
        line = (f"baseline {report.baseline}: {len(report.suppressed)} accepted finding(s) "
                f"not counted; {stale} stale entr{'y' if stale == 1 else 'ies'}")
        if stale:
            line += " (no longer found: fixed or changed; --update-baseline drops them)"
        lines.append(line)
    failing = len(report.failing())
    if failing:
        lines.append(style(f"FAILED: {failing} finding(s) at or above {report.fail_on.value}",
                           fg="red", bold=True))
    else:
        lines.append(style(f"passed: nothing at or above {report.fail_on.value}", fg="green"))
    return lines


def _counts(counts: dict[str, int], style: Style) -> str:
    parts = []
    for level in _LEVELS:
        text = f"{counts.get(level, 0)} {level}"
        parts.append(style(text, fg=_COLOURS[level]) if counts.get(level) else text)
    return ", ".join(parts)
