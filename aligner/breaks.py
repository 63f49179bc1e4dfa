"""When a sentence break on one side of a pair corresponds to one on the other: shared by the
aligner's rejoin step and the ``stray-period`` check, so that both read a break alike."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BreakParams:
    """docs/tuning.md lists where the value comes from."""

    near: float = 0.15  # relative distance within which a break on the other side corresponds


PARAMS = BreakParams()
# The name the stray-period check imports; it reads the same value.
NEAR = PARAMS.near
