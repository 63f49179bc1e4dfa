"""QA checks: one module per check id, registered in :data:`MODULES` and nowhere else."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping

from ..errors import ConfigError
from ..model import Finding, Severity, finding_order
from ._support.base import Check, CheckContext, CheckOptions, Hit, make_finding

__all__ = ["MODULES", "REGISTRY", "Check", "CheckContext", "CheckOptions", "Hit", "run_checks"]

#: The check modules, in the order reports list their checks. Adding a check is one entry here:
#: a module ``aligner/checks/<id with underscores>.py`` that exposes ``CHECKS``.
MODULES: tuple[str, ...] = (
    "untranslated", "xml_invalid_char", "stray_period", "sentence_fragment", "broken_sentence",
    "missing_final_punct", "unbalanced_quotes", "name_inconsistency", "caption_leak",
    "term_mismatch", "number_mismatch", "date_mismatch", "name_mismatch",
    "omission", "addition", "mistranslation", "modality_drift", "negation_drift",
    "low_similarity",
    "tags",
    "urls_emails", "whitespace", "repeated_word", "brackets", "end_punct_mismatch",
    "spelling", "consistency", "house_rule",
)

#: Every check, by id, in the order reports list them.
REGISTRY: Mapping[str, Check] = {
    check.id: check
    for name in MODULES
    for check in importlib.import_module(f"{__name__}.{name}").CHECKS
}


def select(enabled: Iterable[str] | None = None, disabled: Iterable[str] = ()) -> list[Check]:
    """The checks to run: all by default, or the ``enabled`` ids, minus ``disabled``."""
    wanted, unwanted = list(enabled or ()), list(disabled)  # read once: may be iterators
    unknown = [c for c in [*wanted, *unwanted] if c not in REGISTRY]
    if unknown:
        raise ConfigError(f"unknown check {unknown[0]!r} (see `align checks`)")
    ids = wanted or list(REGISTRY)
    off = set(unwanted)
    return [REGISTRY[c] for c in ids if c not in off]


def run_checks(ctx: CheckContext, checks: Iterable[Check],
               severities: Mapping[str, Severity] | None = None,
               progress: Callable[[int], None] | None = None) -> tuple[Finding, ...]:
    """Run checks over a context; findings come out sorted by pair, side and position.
    ``progress`` hears how many checks are done after each one."""
    severities = severities or {}
    findings = []
    for done, check in enumerate(checks, 1):
        if not (check.bilingual and not ctx.bilingual):
            for hit in check.run(ctx):
                findings.append(make_finding(check, hit, ctx.pairs, severities.get(check.id)))
        if progress is not None:
            progress(done)
    findings.sort(key=finding_order)
    return tuple(findings)
