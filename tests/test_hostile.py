"""Every quick case of the hostile catalogue (benchmarks/hostile.py, issue 11) meets the contract:
the allowed exit status, one line on stderr for an error, no traceback, no watched file changed,
and the case's own condition."""

from __future__ import annotations

import repo_scripts


def _hostile():
    return repo_scripts.load("benchmarks/hostile.py", "hostile")


def test_every_quick_hostile_case_meets_the_contract():
    hostile = _hostile()
    cases = hostile.select(quick=True)
    assert len(cases) >= 30
    results = hostile.run_all(cases, quick=True, jobs=4)
    missed = [f"{case.name}: {outcome.why}" for case, outcome in results
              if outcome is not None and not outcome.ok]
    assert not missed, "\n".join(missed)
    assert sum(1 for _c, o in results if o is not None) >= len(cases) // 2
