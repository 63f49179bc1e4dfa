"""QA checks: one small module per family, registered here and nowhere else."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..errors import ConfigError
from ..model import Finding, Severity, finding_order
from . import (
    caption_leak,
    dates,
    lengths,
    missing_final_punct,
    modality,
    name_inconsistency,
    names,
    numbers,
    scores,
    sentence_fragment,
    stray_period,
    terms,
    unbalanced_quotes,
    untranslated,
    xml_chars,
)
from .base import Check, CheckContext, Hit, make_finding

__all__ = ["REGISTRY", "Check", "CheckContext", "Hit", "run_checks"]

#: Every check, by id, in the order reports list them.
REGISTRY: Mapping[str, Check] = {
    check.id: check
    for module in (untranslated, xml_chars, stray_period, sentence_fragment,
                   missing_final_punct, unbalanced_quotes, name_inconsistency, caption_leak,
                   terms, numbers, dates, names, lengths, modality, scores)
    for check in module.CHECKS
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
               severities: Mapping[str, Severity] | None = None) -> tuple[Finding, ...]:
    """Run checks over a context; findings come out sorted by pair, side and position."""
    severities = severities or {}
    findings = []
    for check in checks:
        if check.bilingual and not ctx.bilingual:
            continue
        for hit in check.run(ctx):
            findings.append(make_finding(check, hit, ctx.pairs, severities.get(check.id)))
    findings.sort(key=finding_order)
    return tuple(findings)
