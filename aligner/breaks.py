"""When a sentence break on one side of a pair corresponds to one on the other: shared by the
aligner's rejoin step and the ``stray-period`` check, so that both read a break alike."""

from __future__ import annotations

NEAR = 0.15  # relative distance within which a break on the other side corresponds
