"""How a run's progress is shown on standard error: a bar redrawn in place on an interactive
terminal outside CI, occasional plain lines in a log, nothing with ``--quiet``.

``align check`` shows the :class:`~aligner.progress.Step` the pipeline last reported
(:class:`StageDisplay`); ``align batch`` shows how many sources are done
(:class:`BatchDisplay`). Both draw the same bar, so the two commands look alike; standard
output is never touched (it may carry JSON).
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from .progress import STAGES, Progress, Step


@dataclass(frozen=True)
class ProgressParams:
    """When ``align check`` shows its progress on standard error (docs/ci.md)."""

    #: Seconds before a bar appears on a terminal: a quick run does not flicker.
    bar_after: float = 0.5
    #: Seconds before the first plain line in a log (not a terminal, or CI=true): a run that
    #: takes less writes nothing, so short runs and errors keep their one-line stderr.
    lines_after: float = 10.0
    #: Seconds between plain lines within one stage (a new stage gets its line at once).
    lines_every: float = 30.0
    #: Seconds between redraws of the bar, and between looks at the clock for plain lines.
    tick: float = 0.2


PROGRESS = ProgressParams()
#: What every plain progress line starts with, so a log reader can tell it from messages.
PROGRESS_PREFIX = "align: progress: "
BAR_WIDTH = 20
#: Moves to the start of the line and clears it: each redraw replaces the last.
CLEAR_LINE = "\r\x1b[K"


def interactive(stream: TextIO | None) -> bool:
    """Whether progress is drawn as a bar (a terminal outside CI) rather than logged as lines."""
    if stream is None or os.environ.get("CI"):
        return False
    try:
        return stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def duration(seconds: float) -> str:
    """``42s`` or ``3m05s``."""
    minutes, secs = divmod(int(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def describe(step: Step) -> str:
    """``book.txt (2 of 3): checking 9/27 [stage 4 of 5]``."""
    where = f" ({step.index + 1} of {step.sources})" if step.sources > 1 else ""
    part = f" {step.done}/{step.total}" if step.total else ""
    name = Path(step.source).name if step.source != "outputs" else "outputs"
    return (f"{name}{where}: {step.stage}{part} "
            f"[stage {step.stage_number} of {len(STAGES)}]")


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        return 80


def draw_bar(stream: TextIO, fraction: float, label: str, elapsed: float) -> None:
    """Replace the terminal's current line with ``[####----] label  12s``, cut to its width."""
    filled = int(min(1.0, max(0.0, fraction)) * BAR_WIDTH)
    line = f"[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {label}  {duration(elapsed)}"
    stream.write(CLEAR_LINE + line[:_columns(stream) - 1])
    stream.flush()


def clear_bar(stream: TextIO) -> None:
    """Leave a clean line for what follows (the summary, an error); stderr may be gone."""
    try:
        stream.write(CLEAR_LINE)
        stream.flush()
    except (OSError, ValueError):
        pass


class StageDisplay:
    """Shows the :class:`~aligner.progress.Step` a run last reported. A thread redraws it, so a
    long stage (the alignment of a book) still shows its elapsed time."""

    def __init__(self, stream: TextIO, bar: bool, params: ProgressParams | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream, self.bar, self.clock = stream, bar, clock
        self.params = params or PROGRESS
        self.start = clock()
        self.step: Step | None = None
        self.shown: tuple[Step | None, float] = (None, 0.0)  # the last line: step, time
        self.drawn = False
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __call__(self, step: Step) -> None:
        with self.lock:
            self.step = step
        self.show()  # a new stage is shown when it starts, not at the next tick

    def _run(self) -> None:
        while not self.stop.wait(self.params.tick):
            self.show()

    def show(self) -> None:
        """Draw or print what is due now (the thread calls this; tests call it directly)."""
        with self.lock:
            step, now = self.step, self.clock()
            if step is None:
                return
            elapsed = now - self.start
            try:
                if self.bar:
                    if elapsed >= self.params.bar_after:
                        draw_bar(self.stream, step.fraction(), describe(step), elapsed)
                        self.drawn = True
                elif elapsed >= self.params.lines_after and self._line_due(step, now):
                    self.stream.write(f"{PROGRESS_PREFIX}{describe(step)}, "
                                      f"{duration(elapsed)}\n")
                    self.stream.flush()
                    self.shown = (step, now)
            except (OSError, ValueError):
                self.stop.set()  # stderr is gone: the run goes on without a display

    def _line_due(self, step: Step, now: float) -> bool:
        last, when = self.shown
        return (last is None or (last.stage, last.source) != (step.stage, step.source)
                or now - when >= self.params.lines_every)

    def close(self) -> None:
        self.stop.set()
        if self.thread.is_alive():
            self.thread.join()
        if self.drawn:
            clear_bar(self.stream)


@contextlib.contextmanager
def stage_display(quiet: bool, stream: TextIO | None) -> Iterator[Progress]:
    """The progress callback of one ``align check``: nothing with ``quiet`` or without a
    stream, a bar on an interactive terminal outside CI, occasional plain lines otherwise."""
    if quiet or stream is None:
        yield lambda _step: None
        return
    display = StageDisplay(stream, interactive(stream))
    display.thread.start()
    try:
        yield display
    finally:
        display.close()


class BatchDisplay:
    """``align batch``'s progress: the bar of :func:`draw_bar` over the sources on a terminal;
    one line per source checked or failed in a log (sources skipped as unchanged are counted,
    not listed); nothing when ``quiet``."""

    def __init__(self, quiet: bool, stream: TextIO | None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = None if quiet else stream
        self.bar = interactive(self.stream)
        self.clock = clock
        self.start = clock()
        self.drawn = False

    def __call__(self, record: dict, done: int, total: int) -> None:
        from .batch import progress_line

        if self.stream is None:
            return
        try:
            if self.bar:
                label = f"{done} of {total} sources: {record['status']} {record['name']}"
                draw_bar(self.stream, done / max(1, total), label, self.clock() - self.start)
                self.drawn = True
            elif record["status"] != "skipped":
                self.stream.write(progress_line(record, done, total) + "\n")
                self.stream.flush()
        except (OSError, ValueError):
            self.stream = None  # stderr is gone: the batch goes on without a display

    def close(self) -> None:
        if self.drawn and self.stream is not None:
            clear_bar(self.stream)
