"""Process-wide memory settings for long documents: the allocator's and the collector's."""

from __future__ import annotations

import contextlib
import ctypes
import gc
import sys
from collections.abc import Iterator

# glibc's mallopt parameters (malloc.h).
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD = -1, -3


def keep_freed_memory() -> bool:
    """Ask glibc's allocator to keep freed memory for reuse instead of returning it to the
    system; True where it was set. For a process that aligns long documents (the ``align``
    command, the benchmarks), not for a library to do behind its caller's back.

    The search makes and frees arrays of a few MB for every block of rows. With glibc's
    defaults the larger ones are mapped and unmapped each time and the heap's top is trimmed,
    so every block pays page faults on fresh memory: on 10,000 sentences a side that was 40%
    of the search's time. Allocations up to 32 MB now come from the heap, and the heap is not
    trimmed below 1 GB; the peak memory is the same, the results are the same.
    """
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None)
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False  # not glibc (musl has no mallopt)
    return bool(mallopt(_M_TRIM_THRESHOLD, 1 << 30)) and bool(
        mallopt(_M_MMAP_THRESHOLD, 32 << 20))


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector (reference counting still frees memory), and
    resume it afterwards if it was running."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
