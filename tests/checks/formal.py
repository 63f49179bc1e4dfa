"""Test helper for the formal checks: run one check over sentence-aligned pairs and read each
finding back as the text its span covers."""

from __future__ import annotations

from collections.abc import Sequence

from gold import gold_context

from aligner.checks import REGISTRY, CheckOptions, run_checks
from aligner.model import Finding


def run_one(check_id: str, src: Sequence[str], tgt: Sequence[str],
            options: CheckOptions | None = None, src_lang: str = "ar",
            tgt_lang: str = "en") -> list[Finding]:
    ctx = gold_context(src, tgt, src_lang, tgt_lang, options=options)
    return list(run_checks(ctx, [REGISTRY[check_id]]))


def covered(finding: Finding, src: Sequence[str], tgt: Sequence[str]) -> str:
    """The characters of the pair side a finding's span points at."""
    text = (src if finding.side == "src" else tgt)[finding.pair]
    return text[finding.span[0]:finding.span[1]]
