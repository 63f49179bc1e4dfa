"""``align batch``: an archive of sources checked independently, on local worker processes or
a Dask cluster, resumable after a crash (docs/batch.md)."""

from .run import (
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_PASSED,
    EXIT_SOURCES_FAILED,
    BatchOptions,
    BatchReport,
    progress_line,
    run_batch,
    summary_lines,
)

__all__ = ["EXIT_ERROR", "EXIT_FINDINGS", "EXIT_PASSED", "EXIT_SOURCES_FAILED", "BatchOptions",
           "BatchReport", "progress_line", "run_batch", "summary_lines"]
