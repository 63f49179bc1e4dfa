"""Similarity backends, registered by name (one place lists what exists)."""

from __future__ import annotations

import inspect
from collections.abc import Callable

from ..errors import ConfigError
from .base import Bead, Scorer, bead_arrays
from .e5 import E5Scorer
from .laser import LaserScorer
from .lexical import LexicalScorer

__all__ = ["SCORERS", "Bead", "Scorer", "bead_arrays", "make_scorer", "scorer_options"]

SCORERS: dict[str, Callable[..., Scorer]] = {
    "lexical": LexicalScorer,
    "e5": E5Scorer,
    "laser": LaserScorer,
}


def _factory(name: str) -> Callable[..., Scorer]:
    try:
        return SCORERS[name]
    except KeyError:
        raise ConfigError(f"unknown scorer {name!r} (available: {', '.join(SCORERS)})") from None


def scorer_options(name: str) -> frozenset[str]:
    """The options the scorer registered under ``name`` takes."""
    return frozenset(inspect.signature(_factory(name)).parameters)


def make_scorer(name: str, **options) -> Scorer:
    """Build the scorer registered under ``name``.

    ``options`` (``cache_dir``, ``laser_model_dir``, ...) go to the backend; one it does not
    take is a :class:`ConfigError` (see :func:`scorer_options`). ``None`` means "not set".
    """
    factory = _factory(name)
    unknown = sorted(set(options) - scorer_options(name))
    if unknown:
        raise ConfigError(f"the {name} scorer takes no option {unknown[0]!r} "
                          f"(it takes: {', '.join(sorted(scorer_options(name))) or 'none'})")
    return factory(**{k: v for k, v in options.items() if v is not None})
