"""Shared fixtures: paths to the corpus and test data inside the repository (never ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "corpora" / "almayadeen-iraq-russia" / "almayadeen-iraq-russia.txt"


@pytest.fixture(autouse=True)
def _outside_the_repository(tmp_path_factory, monkeypatch):
    """Run every test in an empty folder, so the project's own setup.cfg [align] (its CI gate
    settings) never changes what a test sees."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_result():
    """The main job's result on the Al-Mayadeen piece, computed once per test session."""
    from aligner import check

    return check([str(CORPUS)])
