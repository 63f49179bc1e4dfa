"""Functions the batch tests run in worker processes (spawned, so they must be importable by
name: this module, not a test file)."""

from __future__ import annotations

import os

from aligner.batch.plan import Task
from aligner.batch.work import check_one
from aligner.config import Config

POISON = "-poison"


def die_on_poison(task: Task, config: Config) -> dict:
    """``check_one``, except that a source whose name ends in ``-poison`` kills its worker
    process outright (as a crash in native code or the OOM killer would: no exception, no
    clean-up)."""
    if task.name.endswith(POISON):
        os._exit(70)
    return check_one(task, config)


def fill_cache(directory: str, tag: str, rounds: int, per_round: int, start) -> str | None:
    """Write ``rounds`` batches of fresh vectors into the embedding cache in ``directory``, once
    ``start`` (a multiprocessing event) is set; return the cache's problem, if any."""
    import numpy as np

    from aligner.similarity.cache import EmbeddingCache

    cache = EmbeddingCache(directory, "test-model")
    start.wait()
    for r in range(rounds):
        texts = [f"{tag} sentence {r}-{k}" for k in range(per_round)]
        vectors = cache.lookup(texts, lambda batch: np.ones((len(batch), 8), dtype=np.float32))
        assert vectors.shape == (per_round, 8)
    return cache.problem
