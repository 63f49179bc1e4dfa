"""What the per-pair exporters (TMX, XLIFF, SARIF, HTML) share about findings: grouping them
by pair, wording one as a note, and refusing a source that has no translation side."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, TypeVar

from ..errors import AlignerError
from ..model import Finding, Result


class _OfPair(Protocol):
    @property
    def pair(self) -> int: ...


F = TypeVar("F", bound=_OfPair)


def by_pair(findings: Iterable[F]) -> dict[int, list[F]]:
    """The findings of each pair id, in their given order."""
    out: dict[int, list[F]] = {}
    for finding in findings:
        out.setdefault(finding.pair, []).append(finding)
    return out


def with_suggestion(finding: Finding) -> str:
    """The message, then ``Suggestion: ...`` when the check gave one."""
    if finding.suggestion:
        return f"{finding.message} Suggestion: {finding.suggestion}"
    return finding.message


def require_translation(results: Sequence[Result], what: str) -> None:
    """Raise :class:`AlignerError` naming the first source with no translation side;
    ``what`` names the output ("a TMX")."""
    for result in results:
        if not result.tgt_lang:
            name = result.sources[0] if result.sources else None
            raise AlignerError(f"{what} needs both languages, but this source has only "
                               f"{result.src_lang} text", name)
