"""What a check is, what it sees, and how a finding is made (in one place)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from ...glossary import Glossary, run_glossary
from ...model import SRC, Finding, Pair, Severity

EXCERPT_CONTEXT = 12  # characters of context either side of a span in an excerpt


@dataclass(frozen=True)
class Hit:
    """What a check reports; the runner turns it into a :class:`Finding` with the configured
    severity, an excerpt and the location in the original file."""

    pair: int
    side: str
    span: tuple[int, int]
    message: str
    suggestion: str
    severity: Severity | None = None  # a check may lower or raise its default for one hit


@dataclass(frozen=True)
class CheckOptions:
    """The run's settings that checks read."""

    # The glossary: loaded once per run (the pipeline passes it), or a file to read, or None
    # for the shipped one unless ``default_glossary`` is off (then there is no glossary).
    glossary: Glossary | str | Path | None = None
    default_glossary: bool = True
    # The scorer that really scored the pairs (a backend that could not load falls back to
    # lexical scores, which score-based checks must not read as semantic ones).
    scorer: str | None = None
    spelling_words: str | Path | None = None  # the user's word list for ``spelling``
    checklist: str | Path | None = None  # house rules for ``house-rule`` (docs/configuration.md)

    def resolved_glossary(self) -> Glossary | None:
        """The glossary itself: the one passed in, else read from its file, else the shipped
        one, or None when the shipped one is switched off and none was given."""
        if isinstance(self.glossary, Glossary):
            return self.glossary
        return run_glossary(self.glossary, self.default_glossary)


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may read: the pairs, the languages and the run's resources."""

    pairs: tuple[Pair, ...]
    src_lang: str
    tgt_lang: str | None
    options: CheckOptions = field(default_factory=CheckOptions)

    @property
    def bilingual(self) -> bool:
        return self.tgt_lang is not None


@dataclass(frozen=True)
class Check:
    """A registered check: id (kebab-case), default severity, a one-line description, and the
    function that finds hits. ``bilingual`` checks are skipped for one-language sources."""

    id: str
    severity: Severity
    description: str
    run: Callable[[CheckContext], Iterable[Hit]]
    bilingual: bool = True


def excerpt(text: str, span: tuple[int, int], context: int = EXCERPT_CONTEXT) -> str:
    """The span with a few characters around it, cut at word boundaries where possible."""
    start = max(0, span[0] - context)
    end = min(len(text), span[1] + context)
    while start > 0 and not text[start - 1].isspace() and span[0] - start < 2 * context:
        start -= 1
    while end < len(text) and not text[end].isspace() and end - span[1] < 2 * context:
        end += 1
    return text[start:end].strip()


def make_finding(check: Check, hit: Hit, pairs: tuple[Pair, ...],
                 severity: Severity | None = None) -> Finding:
    """The single place where findings are created."""
    pair = pairs[hit.pair]
    text = pair.text(hit.side)
    # The user's configured severity wins over a check's per-hit adjustment.
    return Finding(check=check.id, severity=severity or hit.severity or check.severity,
                   pair=hit.pair, side=hit.side, span=hit.span,
                   excerpt=excerpt(text, hit.span), message=hit.message,
                   suggestion=hit.suggestion, loc=pair.locate(hit.side, hit.span))


__all__ = ["SRC", "Check", "CheckContext", "CheckOptions", "Hit", "excerpt", "make_finding"]
