"""urls-emails: addresses are copied across, never changed or dropped."""

from __future__ import annotations

import pytest
from formal import covered, run_one

CHECK = "urls-emails"


@pytest.mark.parametrize("src, tgt", [
    ("لمزيد من المعلومات زوروا www.who.int اليوم.",
     "For more information visit www.who.int today."),
    ("راسلونا على info@unrwa.org.", "Write to us at info@unrwa.org."),
    # Scheme, case and a final slash are not a change.
    ("انظر https://www.who.int/ للتفاصيل.", "See http://WHO.int for details."),
])
def test_passes(src, tgt):
    assert run_one(CHECK, [src], [tgt]) == []


@pytest.mark.parametrize("src, tgt, side, span", [
    ("لمزيد من المعلومات زوروا www.who.int اليوم.",
     "For more information visit www.who.org today.", "tgt", "www.who.org"),
    ("راسلونا على info@unrwa.org.", "Write to us at info@unrwa.com.", "tgt",
     "info@unrwa.com"),
    ("لمزيد من المعلومات زوروا www.who.int اليوم.", "For more information visit the site today.",
     "src", "www.who.int"),
    ("لمزيد من المعلومات زوروا الموقع اليوم.", "For more information visit www.who.int today.",
     "tgt", "www.who.int"),
])
def test_fails(src, tgt, side, span):
    hits = run_one(CHECK, [src], [tgt])
    assert len(hits) == 1
    assert hits[0].side == side and covered(hits[0], [src], [tgt]) == span
    assert hits[0].suggestion
