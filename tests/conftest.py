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


@pytest.fixture(autouse=True, scope="session")
def _embedding_cache_in_pytest_cache(request):
    """Keep the e5 embedding cache (default scorer) out of the user's home: pytest's own cache
    folder, so re-runs encode nothing and child processes (CLI tests) share it."""
    import os

    folder = request.config.cache.mkdir("xdg-cache")
    old = os.environ.get("XDG_CACHE_HOME")
    os.environ["XDG_CACHE_HOME"] = str(folder)
    yield
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old
