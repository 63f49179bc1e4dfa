"""The pairs written for this project (``tests/data/written/``) are tune data: well formed, and
sharing no sentence with the test split, whose figures they must not inflate."""

from __future__ import annotations

import re
import unicodedata

import repo_scripts


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", " ", unicodedata.normalize("NFC", text).lower()).strip()


def test_written_pairs_load_as_documents_and_share_nothing_with_the_test_split():
    drift = repo_scripts.load("benchmarks/drift.py", "drift_benchmark")
    sources = dict(drift.load_written())
    (everyday,) = sources["written everyday sentences"]
    articles = sources["written articles"]
    names = sources["written articles, names as Arabic writes them"]
    assert len(everyday) >= 400 and len(articles) == 24 and len(names) == 40
    assert sum(map(len, articles)) >= 200 and sum(map(len, names)) >= 340
    free = dict(drift.load_free())
    (everyday_free,) = free["written everyday sentences, freely translated"]
    articles_free = free["written articles, freely translated"]
    assert len(everyday_free) >= 340 and len(articles_free) == 30
    assert sum(map(len, articles_free)) >= 260
    written = [pair for group in (everyday, *articles, *names, everyday_free, *articles_free)
               for pair in group]
    test = [pair for _name, groups in drift.split_groups("test") for g in groups for pair in g]
    test_ar = {_fold(ar) for ar, _en in test}
    test_en = {_fold(en) for _ar, en in test}
    assert not [p for p in written if _fold(p[0]) in test_ar or _fold(p[1]) in test_en]
