"""The ``Scorer`` interface: evidence that a candidate bead pairs true translations.

The alignment search (:mod:`aligner.align`) knows only structure: bead shapes, candidate breaks,
paragraphs. Everything about *content* comes from a scorer, so an embedding backend plugs in
without touching the search. A scorer sees every candidate bead of a search in one batch, which
lets embedding backends encode each sentence once.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

from ..model import Sentence

# A bead as the search sees it: source sentences [i0, i1) with target sentences [j0, j1).
Bead = tuple[int, int, int, int]


class Scorer(ABC):
    """Scores candidate beads of one document pair.

    ``costs`` feed the search (lower is better, 0 is "no evidence"); ``similarities`` are the
    per-pair scores in [0, 1] that reports show and ``low-similarity`` reads.
    """

    name: ClassVar[str]

    @abstractmethod
    def prepare(self, src: Sequence[Sentence], tgt: Sequence[Sentence]) -> None:
        """Look at both documents once (encode, count, estimate) before any bead is scored."""

    @abstractmethod
    def costs(self, beads: Sequence[Bead]) -> list[float]:
        """Cost of each bead: a negative log-likelihood-like number, lower is better."""

    @abstractmethod
    def similarities(self, beads: Sequence[Bead]) -> list[float]:
        """Similarity in [0, 1] of each (final) bead; 0 for beads with an empty side."""

    def refit(self, beads: Sequence[Bead]) -> bool:
        """Re-estimate document-level parameters from a first alignment; True if changed."""
        return False

    def notices(self) -> tuple[str, ...]:
        """One-line remarks for the result (a backend that fell back, a cache not used)."""
        return ()

    def signature(self) -> dict:
        """The settings that produced the scores, recorded in the result's ``tool`` block."""
        return {"scorer": self.name}
