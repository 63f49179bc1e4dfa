"""GitHub Actions workflow commands: each finding becomes an annotation on the file and line.

``::error file=F,line=L,col=C,endColumn=E,title=T::message`` (``warning``, ``notice`` for the
lower levels). Values are escaped as the runner expects: ``%``, CR and LF in the message, and
also ``:`` and ``,`` in the properties, so text from the sources cannot end a command early or
inject one of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import Finding, Result, Severity
from .paths import display_path
from .text import summary_lines

if TYPE_CHECKING:
    from ..gate import GateReport

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (``file=``, ``title=``...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **props: object) -> str:
    """One workflow command line; properties with a ``None`` value are left out."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{name}{' ' + given if given else ''}::{escape_data(message)}"


def render(report: GateReport) -> str:
    """One annotation per finding that counts, one notice per stale baseline entry, then the
    plain summary lines for the log."""
    lines = [_annotation(f, r) for r in report.results for f in r.findings]
    lines += [command("notice", f"Stale baseline entry: [{e.check}] '{e.excerpt}' no longer "
                                "matches a finding; `align check --update-baseline` drops it.",
                      file=e.file or None, title="aligner: stale baseline entry")
              for e in report.stale]
    lines += summary_lines(report)
    return "\n".join(lines) + "\n"


def _annotation(f: Finding, result: Result) -> str:
    message = f"{f.message} {f.suggestion}".strip()
    title = f"aligner {f.check} ({f.severity.value})"
    if f.loc is None:
        return command(COMMANDS[f.severity], message,
                       file=display_path(result.sources[0]), title=title)
    return command(COMMANDS[f.severity], message, file=display_path(f.loc.file),
                   line=f.loc.line, col=f.loc.col,
                   endColumn=f.loc.end_col, title=title)
