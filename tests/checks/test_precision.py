"""Precision on clean professional translations (acceptance): on gold 1-1 pairs of TICO-19
and FLORES-200, at most 1 ``error`` finding per 100 pairs, from every registered check.

The sample is fixed: every 10th TICO-19 unit and every 3rd FLORES-200 sentence, checked
document by document (TICO-19 ``doc_url``, FLORES-200 metadata URL) as a run would.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from gold import gold_context

from aligner.checks import REGISTRY, CheckOptions, run_checks
from aligner.model import Severity

DATA = Path(__file__).resolve().parent.parent / "data"
MAX_ERRORS_PER_100 = 1.0
# Warnings are for a reviser to read; on clean text they should stay rare too (info is not
# counted: TICO-19 has many headings without final punctuation, reported as info). No one check
# may flood a reviser, and all of them together stay under a budget that grows with the number
# of checks only through this explicit figure (31 checks at the time of writing). The samples
# hold real faults too: TICO-19 unit 1511, for one, glues a closing quote to the next sentence,
# which ``unbalanced-quotes`` rightly reports in the Arabic.
MAX_WARNINGS_PER_100_PER_CHECK = 3.0
MAX_WARNINGS_PER_100 = 8.0


def tico_sample() -> list[list[tuple[str, str]]]:
    with open(DATA / "tico19" / "tico19.en-ar.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    docs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for row in rows[::10]:
        docs[row["doc_url"]].append((row["ar"], row["en"]))
    return list(docs.values())


def flores_sample() -> list[list[tuple[str, str]]]:
    folder = DATA / "flores200"
    ar = (folder / "arb_Arab.devtest").read_text(encoding="utf-8").splitlines()
    en = (folder / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    with open(folder / "metadata_devtest.tsv", encoding="utf-8", newline="") as f:
        urls = [row["URL"] for row in csv.DictReader(f, delimiter="\t")]
    assert len(ar) == len(en) == len(urls)
    docs: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for i in range(0, len(ar), 3):
        docs[urls[i]].append((ar[i], en[i]))
    return list(docs.values())


@pytest.mark.slow
@pytest.mark.parametrize("sample", [tico_sample, flores_sample], ids=["tico19", "flores200"])
def test_error_rate_on_gold_pairs(sample):
    docs = sample()
    n_pairs = sum(len(d) for d in docs)
    assert n_pairs >= 300
    findings = []
    for doc in docs:
        ctx = gold_context([a for a, _e in doc], [e for _a, e in doc],
                           options=CheckOptions(glossary=None, scorer="lexical"))
        findings.extend(run_checks(ctx, REGISTRY.values()))
    errors = [f for f in findings if f.severity is Severity.ERROR]
    detail = "; ".join(f"{f.check}: {f.message}" for f in errors[:5])
    assert len(errors) * 100 / n_pairs <= MAX_ERRORS_PER_100, detail
    warnings = [f for f in findings if f.severity.rank >= Severity.WARNING.rank]
    per_check = Counter(f.check for f in warnings)
    limit = MAX_WARNINGS_PER_100_PER_CHECK * n_pairs / 100
    noisy = {c: n for c, n in per_check.items() if n > limit}
    assert not noisy, noisy
    assert len(warnings) * 100 / n_pairs <= MAX_WARNINGS_PER_100, per_check
