"""The ``Scorer`` interface: evidence that a candidate bead pairs true translations.

The alignment search (:mod:`aligner.align`) knows only structure: bead shapes, candidate breaks,
paragraphs. Everything about *content* comes from a scorer, so an embedding backend plugs in
without touching the search.

A search scores millions of candidate beads on a long document, so :meth:`Scorer.costs` takes
whole arrays of beads (``i0, i1, j0, j1``) and returns an array: backends compute costs from
per-sentence features prepared once (prefix sums of lengths and vectors, token postings), with
nothing done per bead in Python. The search passes the beads of a few hundred neighbouring
source rows at a time, so pairwise evidence is only ever computed near the path.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import ClassVar

import numpy as np

from ..model import Sentence

# A bead as the search sees it: source sentences [i0, i1) with target sentences [j0, j1).
Bead = tuple[int, int, int, int]


def bead_arrays(beads: Sequence[Bead]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The four index arrays ``(i0, i1, j0, j1)`` of a list of beads."""
    arr = np.asarray(beads, dtype=np.int64).reshape(-1, 4)
    return arr[:, 0], arr[:, 1], arr[:, 2], arr[:, 3]


class Scorer(ABC):
    """Scores candidate beads of one document pair.

    ``costs`` feed the search (lower is better, 0 is "no evidence"); ``similarities`` are the
    per-pair scores in [0, 1] that reports show and ``low-similarity`` reads.
    """

    name: ClassVar[str]
    #: True when a bead's cost depends on that bead alone, not on the other beads of the same
    #: ``costs`` call (an embedding scorer's k-NN margins read the neighbours of the whole
    #: call). The coarse search then keeps the costs of one pass for the next pass over a
    #: wider band and scores only the new beads.
    per_bead: ClassVar[bool] = False

    @abstractmethod
    def prepare(self, src: Sequence[Sentence], tgt: Sequence[Sentence]) -> None:
        """Look at both documents once (encode, count, estimate) before any bead is scored."""

    @abstractmethod
    def costs(self, i0: np.ndarray, i1: np.ndarray, j0: np.ndarray,
              j1: np.ndarray) -> np.ndarray:
        """Cost of each bead ``[i0, i1) × [j0, j1)``: a negative log-likelihood-like number,
        lower is better; a float array as long as the inputs."""

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
