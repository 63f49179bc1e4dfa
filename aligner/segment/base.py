"""What a language's splitter returns, before offsets are made absolute."""

from __future__ import annotations

from typing import NamedTuple


class Cut(NamedTuple):
    """A sentence ``[start, end)`` inside a paragraph, and how sure we are that it ends there."""

    start: int
    end: int
    conf: float
    reason: str
