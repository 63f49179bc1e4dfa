"""Similarity backends, registered by name (one place lists what exists)."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import ConfigError
from .base import Bead, Scorer
from .lexical import LexicalScorer

__all__ = ["SCORERS", "Bead", "Scorer", "make_scorer"]

SCORERS: dict[str, Callable[..., Scorer]] = {
    "lexical": LexicalScorer,
}


def make_scorer(name: str, **options) -> Scorer:
    """Build the scorer registered under ``name``."""
    try:
        factory = SCORERS[name]
    except KeyError:
        raise ConfigError(f"unknown scorer {name!r} (available: {', '.join(SCORERS)})") from None
    return factory(**options)
