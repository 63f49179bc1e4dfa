"""Shared fixtures: paths to the corpus and test data inside the repository (never ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
CORPUS = ROOT / "corpora" / "almayadeen-iraq-russia" / "almayadeen-iraq-russia.txt"


@pytest.fixture(scope="session")
def corpus_path() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def corpus_result():
    """The main job's result on the Al-Mayadeen piece, computed once per test session."""
    from aligner import check

    return check([str(CORPUS)])
