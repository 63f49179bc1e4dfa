"""JUnit XML for CI test dashboards: one test case per source.

A source *fails* when it has a finding at or above the gate's ``fail-on`` level that the
baseline does not accept; the failure's text lists those findings, and the findings below the
level go to ``system-out``. Counts (``tests``, ``failures``) are the same on the suite and on the
``testsuites`` root, as Jenkins, GitLab and the GitHub test reporters read either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from ..model import Finding, Result
from ..xmlchars import XML_INVALID
from .paths import display_path, place

if TYPE_CHECKING:
    from ..gate import GateReport

SUITE = "align check"


def to_junit(report: GateReport) -> bytes:
    """The JUnit XML document (UTF-8, with declaration)."""
    cases = [_testcase(r, report) for r in report.results]
    failures = sum(1 for r in report.results if report.failing_in(r))
    counts = {"tests": str(len(cases)), "failures": str(failures), "errors": "0",
              "skipped": "0"}
    root = etree.Element("testsuites", name="aligner", **counts)
    suite = etree.SubElement(root, "testsuite", name=SUITE, **counts)
    props = etree.SubElement(suite, "properties")
    _property(props, "fail-on", report.fail_on.value)
    if report.baseline:
        _property(props, "baseline", report.baseline)
        _property(props, "baseline-suppressed", str(len(report.suppressed)))
        _property(props, "baseline-stale", str(len(report.stale)))
    suite.extend(cases)
    if report.stale:
        out = etree.SubElement(suite, "system-out")
        out.text = _clean("\n".join(f"stale baseline entry: {e.file}: [{e.check}] {e.excerpt}"
                                    for e in report.stale))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _property(parent: etree._Element, name: str, value: str) -> None:
    etree.SubElement(parent, "property", name=name, value=_clean(value))


def _testcase(result: Result, report: GateReport) -> etree._Element:
    name = " + ".join(display_path(s) for s in result.sources)
    case = etree.Element("testcase", classname=SUITE, name=_clean(name),
                         file=_clean(display_path(result.sources[0])))
    failing = report.failing_in(result)
    if failing:
        failure = etree.SubElement(
            case, "failure", type=report.fail_on.value,
            message=_clean(f"{len(failing)} finding(s) at or above {report.fail_on.value}"))
        failure.text = _clean("\n".join(_line(f) for f in failing))
    rest = [f for f in result.findings if f not in failing]
    lines = [*result.notices, *(_line(f) for f in rest)]
    if lines:
        out = etree.SubElement(case, "system-out")
        out.text = _clean("\n".join(lines))
    return case


def _line(f: Finding) -> str:
    where = place(f.loc, display_path(f.loc.file)) if f.loc else f"pair {f.pair}"
    return f"{where}: {f.severity.value}: [{f.check}] {f.message} {f.suggestion}".rstrip()


def _clean(text: str) -> str:
    # Source text is untrusted and XML 1.0 cannot carry some characters at all; unlike the TMX
    # and XLIFF exports, a log keeps a visible U+FFFD for each one.
    return XML_INVALID.sub(lambda m: "\ufffd" * len(m.group()), text)
