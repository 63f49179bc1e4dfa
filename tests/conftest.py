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
    if not os.environ.get("ALIGNER_TEST_NO_SEED"):
        _seed_embeddings(folder / "aligner")
    yield str(folder / "aligner")
    if old is None:
        os.environ.pop("XDG_CACHE_HOME", None)
    else:
        os.environ["XDG_CACHE_HOME"] = old


@pytest.fixture(scope="session")
def e5_cache(_embedding_cache_in_pytest_cache) -> str:
    """The session's embedding cache folder (the default scorer's, seeded with the shipped
    vectors), for tests that name a cache folder: one cache, so no sentence is encoded twice."""
    return _embedding_cache_in_pytest_cache


#: The e5 vectors of the test documents (scripts/build_test_embeddings.py): a cold run (CI's
#: empty pytest cache) reads them instead of spending minutes of CPU encoding them again.
SHIPPED_VECTORS = DATA / "embeddings" / "e5-vectors.npz"


def _seed_embeddings(cache_dir: Path) -> None:
    """Put the shipped vectors of the current e5 model into the session's embedding cache.

    Rows of another model id are left out (a stale file makes a run slower, never wrong); rows
    already there are kept. A cache whose layout changed is left alone: the run encodes.
    """
    import sqlite3
    import warnings

    import numpy as np

    from aligner.similarity.cache import _SCHEMA, CACHE_FILE
    from aligner.similarity.e5 import model_id

    if not SHIPPED_VECTORS.exists():
        return
    data = np.load(SHIPPED_VECTORS)
    models = list(data["models"])
    if model_id() not in models:
        return
    rows = data["model"] == models.index(model_id())
    keys = [k.hex() for k in data["keys"][rows]]
    vectors = data["vectors"][rows].astype(np.float32)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(cache_dir / CACHE_FILE, timeout=30)
        with conn:
            conn.execute(_SCHEMA)
            conn.executemany("INSERT OR IGNORE INTO vectors (model, key, vec) VALUES (?, ?, ?)",
                             [(model_id(), k, v.tobytes()) for k, v in zip(keys, vectors)])
        conn.close()
    except sqlite3.Error as exc:
        warnings.warn(f"shipped test vectors not used ({exc})", stacklevel=1)
