"""The gate's output formats by name: ``align check --format NAME``."""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from . import github, junit, sarif, text
from .json import SCHEMA_VERSION, result_to_dict

if TYPE_CHECKING:
    from ..gate import GateReport

FORMATS = ("text", "json", "sarif", "junit", "github")


def default_format(environ: Mapping[str, str] | None = None) -> str:
    """``github`` inside GitHub Actions (``GITHUB_ACTIONS=true``), else ``text``."""
    environ = os.environ if environ is None else environ
    return "github" if environ.get("GITHUB_ACTIONS") == "true" else "text"


def render(report: GateReport, fmt: str, quiet: bool = False,
           style: text.Style | None = None) -> str | bytes:
    """The report in format ``fmt``; ``quiet`` and ``style`` apply to ``text`` only."""
    if fmt == "text":
        return text.render(report, quiet=quiet, style=style)
    if fmt == "json":
        return dumps_json(report)
    if fmt == "sarif":
        return sarif.dumps(report)
    if fmt == "junit":
        return junit.to_junit(report)
    if fmt == "github":
        return github.render(report)
    raise ValueError(f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")


def dumps_json(report: GateReport) -> str:
    """The JSON result schema (docs/json-schema.md) for the findings that count, with a
    ``gate`` object: the verdict and what the baseline did."""
    results = [result_to_dict(r) for r in report.results]
    data = results[0] if len(results) == 1 else {"schema": SCHEMA_VERSION, "results": results}
    data["gate"] = {
        "fail_on": report.fail_on.value,
        "exit_code": report.exit_code,
        "failing": len(report.failing()),
        "baseline": report.baseline,
        "suppressed": len(report.suppressed),
        "stale": [e.to_dict() for e in report.stale],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
