"""Progress of a run, stage by stage: what the library reports and the command line renders.

The pipeline calls a :data:`Progress` callback (when given one) as it enters each stage of a
source and, where a stage has countable parts (the checks), as it finishes each part. It never
prints: ``aligner/progress_display.py`` shows it for the command line (a bar on a terminal,
occasional plain lines in a log, nothing with ``--quiet``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

#: The stages of one source, in the order a run goes through them.
STAGES = ("reading", "segmenting", "aligning", "checking", "writing")


@dataclass(frozen=True)
class Step:
    """Where a run is: ``stage`` of the source ``source`` (``index`` of ``sources``, from 0),
    with ``done`` of ``total`` parts of that stage finished (``total`` 0: not counted)."""

    stage: str
    source: str = ""
    index: int = 0
    sources: int = 1
    done: int = 0
    total: int = 0

    @property
    def stage_number(self) -> int:
        """1-based position of the stage in :data:`STAGES`."""
        return STAGES.index(self.stage) + 1

    def fraction(self) -> float:
        """How far the whole run is, from 0 to 1: sources and stages weigh the same, and a
        counted stage moves with its parts."""
        within = self.done / self.total if self.total else 0.0
        stage = (self.stage_number - 1 + within) / len(STAGES)
        return min(1.0, (self.index + stage) / max(1, self.sources))


#: Called with each :class:`Step`; must not raise.
Progress = Callable[[Step], None]


def ignore(_step: Step) -> None:
    """The progress callback of a run nobody watches."""


def stage_reporter(progress: Progress | None, source: str, index: int = 0,
                   sources: int = 1) -> Callable[..., None]:
    """``report(stage, done=0, total=0)`` for one source: a :class:`Step` to ``progress``
    (nothing when ``progress`` is None)."""
    def report(stage: str, done: int = 0, total: int = 0) -> None:
        if progress is not None:
            progress(Step(stage, source, index, sources, done, total))
    return report
