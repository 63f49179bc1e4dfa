"""SARIF 2.1.0 for code-scanning tools: one rule per check, physical locations in the files.

Columns are characters (``run.columnKind = "unicodeCodePoints"``), as everywhere in aligner,
not the UTF-16 code units SARIF assumes by default; ``charOffset``/``charLength`` count the same
characters from the start of the decoded file. Paths inside the working directory are written
relative to it (``uriBaseId: SRCROOT``), which is what GitHub code scanning expects when
``align`` runs at the repository root.

Findings the baseline accepted are included with a ``suppressions`` entry (code scanning shows
them as dismissed); stale baseline entries are tool configuration notifications.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..baseline import fingerprint
from ..checks import REGISTRY, Check
from ..model import Finding, Pair, Result, Severity
from .findings import with_suggestion
from .paths import file_uri, relative_uri

if TYPE_CHECKING:
    from ..gate import GateReport

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
                "sarif-schema-2.1.0.json")
SRCROOT = "SRCROOT"
FINGERPRINT_KEY = "alignerFingerprint/v1"
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def to_sarif(report: GateReport, registry: Mapping[str, Check] = REGISTRY,
             root: Path | None = None) -> dict:
    """The SARIF log object for a gate report; ``root`` is the folder paths are relative to
    (default: the working directory)."""
    root = (root or Path.cwd()).resolve()
    rule_ids = _rule_ids(report, registry)
    index = {rule: k for k, rule in enumerate(rule_ids)}
    tool = report.results[0].tool if report.results else {}
    results: list[dict] = []
    for result in report.results:
        results.extend(_result(f, result, index, root, suppressed=None, baseline=report.baseline)
                       for f in result.findings)
    for item in report.suppressed:
        results.append(_result(item.finding, report.results[item.source], index, root,
                               suppressed=item.entry.status, baseline=report.baseline))
    invocation: dict = {"executionSuccessful": True}
    if report.stale:
        invocation["toolConfigurationNotifications"] = [
            {"level": "note",
             "message": {"text": f"Stale baseline entry: [{e.check}] '{e.excerpt}' in "
                                 f"{e.file or 'any file'} no longer matches a finding "
                                 "(fixed or changed); `align check --update-baseline` "
                                 "drops it."},
             "descriptor": {"id": "stale-baseline-entry"},
             "properties": {"fingerprint": e.fingerprint, "file": e.file}}
            for e in report.stale]
    run = {
        "tool": {"driver": {
            "name": "aligner",
            "version": str(tool.get("version", "")) or _version(),
            "informationUri": "https://pypi.org/project/aligner/",
            "rules": [_rule(rule_id, registry) for rule_id in rule_ids],
        }},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {SRCROOT: {"uri": root.as_uri() + "/"}},
        "invocations": [invocation],
        "results": results,
    }
    if report.baseline:
        run["properties"] = {"baseline": report.baseline,
                             "suppressed": len(report.suppressed), "stale": len(report.stale)}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def dumps(report: GateReport, registry: Mapping[str, Check] = REGISTRY,
          root: Path | None = None) -> str:
    """The SARIF log as JSON text."""
    return json.dumps(to_sarif(report, registry, root), ensure_ascii=False, indent=2) + "\n"


def _version() -> str:
    from .. import __version__

    return __version__


def _rule_ids(report: GateReport, registry: Mapping[str, Check]) -> list[str]:
    """Every check that ran, in registry order, then any other id a finding names."""
    ran = {c for r in report.results for c in r.tool.get("checks", ())}
    found = [f.check for r in report.results for f in r.findings]
    found += [s.finding.check for s in report.suppressed]
    ids = [c for c in registry if c in ran or c in found]
    return ids + [c for c in dict.fromkeys(found) if c not in registry]


def _rule(rule_id: str, registry: Mapping[str, Check]) -> dict:
    check = registry.get(rule_id)
    if check is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    return {
        "id": check.id,
        "name": "".join(part.capitalize() for part in check.id.split("-")),
        "shortDescription": {"text": check.description},
        "fullDescription": {"text": check.description},
        "help": {"text": f"{check.description} Each finding says what to change. `align "
                         f"checks` lists every check; turn this one off with `--disable "
                         f"{check.id}` or `disable = {check.id}` in [align], or change its "
                         f"level with `--severity {check.id}=warning`."},
        "defaultConfiguration": {"level": LEVELS[check.severity]},
        "properties": {"bilingual": check.bilingual},
    }


def _result(finding: Finding, result: Result, index: Mapping[str, int], root: Path,
            suppressed: str | None, baseline: str | None) -> dict:
    pair = next(p for p in result.pairs if p.id == finding.pair)
    out: dict = {
        "ruleId": finding.check,
        "ruleIndex": index[finding.check],
        "level": LEVELS[finding.severity],
        "message": {"text": with_suggestion(finding)},
        "locations": [_location(finding, pair, result, root)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(finding, pair)},
        "properties": {"pair": finding.pair, "side": finding.side,
                       "span": list(finding.span), "excerpt": finding.excerpt,
                       "suggestion": finding.suggestion},
    }
    if baseline:
        out["baselineState"] = "unchanged" if suppressed else "new"
    if suppressed:
        why = "a false positive" if suppressed == "false-positive" else "accepted"
        out["suppressions"] = [{"kind": "external", "status": "accepted",
                                "justification": f"Marked {why} in the baseline {baseline}."}]
    return out


def _location(finding: Finding, pair: Pair, result: Result, root: Path) -> dict:
    loc = finding.loc
    if loc is None:
        # No place in the text (an empty side): point at the file itself.
        file = result.sources[0] if result.sources else ""
        return {"physicalLocation": {"artifactLocation": _artifact(file, root)}}
    length = loc.end - loc.start
    region: dict[str, object] = {"startLine": loc.line, "startColumn": loc.col, "endLine": loc.line,
              "endColumn": loc.end_col, "charOffset": loc.start, "charLength": length}
    snippet = _snippet(finding, pair)
    if snippet is not None:
        region["snippet"] = {"text": snippet}
    return {"physicalLocation": {"artifactLocation": _artifact(loc.file, root),
                                 "region": region}}


def _artifact(file: str, root: Path) -> dict:
    relative = relative_uri(file, root)
    if relative is not None:
        return {"uri": relative, "uriBaseId": SRCROOT}
    return {"uri": file_uri(file)}


def _snippet(finding: Finding, pair: Pair) -> str | None:
    """The region's text, cut from the sentence of ``pair`` that holds it (a slice of the
    file)."""
    loc = finding.loc
    if loc is None:
        return None
    for sent in pair.side(finding.side):
        if sent.loc.start <= loc.start <= sent.loc.end and sent.loc.file == loc.file:
            return sent.original[loc.start - sent.loc.start:loc.end - sent.loc.start]
    return None


__all__ = ["SARIF_SCHEMA", "SARIF_VERSION", "dumps", "to_sarif"]
