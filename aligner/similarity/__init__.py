"""Similarity backends, registered by name (one place lists what exists)."""

from __future__ import annotations

import inspect
from collections.abc import Callable

from ..errors import ConfigError
from .base import Bead, Scorer
from .e5 import E5Scorer
from .laser import LaserScorer
from .lexical import LexicalScorer

__all__ = ["SCORERS", "Bead", "Scorer", "make_scorer"]

SCORERS: dict[str, Callable[..., Scorer]] = {
    "lexical": LexicalScorer,
    "e5": E5Scorer,
    "laser": LaserScorer,
}


def make_scorer(name: str, **options) -> Scorer:
    """Build the scorer registered under ``name``.

    ``options`` (``cache_dir``, ``laser_model_dir``, ...) go to the backends that take them; a
    backend ignores the others, so one call site serves every scorer.
    """
    try:
        factory = SCORERS[name]
    except KeyError:
        raise ConfigError(f"unknown scorer {name!r} (available: {', '.join(SCORERS)})") from None
    accepted = inspect.signature(factory).parameters
    return factory(**{k: v for k, v in options.items() if k in accepted and v is not None})
