"""Precision of the formal and consistency checks on clean professional translations
(issue 15): on the gold pairs of TICO-19 (tune) and FLORES-200 (test), sampled as in
``test_precision.py``, each check gives at most 1 warning (or error) per 100 pairs.

``spelling`` reports at ``info`` (the warnings of all checks together must stay within
``test_precision.py``'s budget), and its findings of any level are held to the same bound.
"""

from __future__ import annotations

import pytest
from gold import gold_context
from test_precision import flores_sample, tico_sample

from aligner.checks import REGISTRY, CheckOptions, run_checks
from aligner.model import Severity

CHECKS = ("urls-emails", "whitespace", "repeated-word", "brackets", "end-punct-mismatch",
          "consistency", "spelling")
MAX_WARNINGS_PER_100 = 1.0


@pytest.mark.parametrize("sample", [tico_sample, flores_sample], ids=["tico19", "flores200"])
def test_formal_checks_are_quiet_on_gold_pairs(sample):
    docs = sample()
    n_pairs = sum(len(d) for d in docs)
    findings = []
    for doc in docs:
        ctx = gold_context([a for a, _e in doc], [e for _a, e in doc],
                           options=CheckOptions(scorer="lexical"))
        findings.extend(run_checks(ctx, [REGISTRY[c] for c in CHECKS]))
    for check in CHECKS:
        mine = [f for f in findings if f.check == check]
        loud = mine if check == "spelling" else \
            [f for f in mine if f.severity.rank >= Severity.WARNING.rank]
        detail = "; ".join(f"{f.excerpt}: {f.message}" for f in loud[:3])
        assert len(loud) * 100 / n_pairs <= MAX_WARNINGS_PER_100, f"{check}: {detail}"
