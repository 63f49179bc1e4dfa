"""Run the real pipeline on a small text written by a test, and read findings back."""

from __future__ import annotations

from pathlib import Path

from aligner import Config, Finding, Result, check


def run_text(tmp_path: Path, text: str, checks: tuple[str, ...] = (),
             name: str = "doc.txt") -> Result:
    """Write ``text`` (a combined file: one language block, then the other) and check it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check([str(path)], Config(enabled=checks))


def bilingual(english: list[str], arabic: list[str]) -> str:
    """A combined file: the English paragraphs, then the Arabic ones."""
    return "\n".join(english) + "\n" + "\n".join(arabic) + "\n"


def found(result: Result, check_id: str) -> list[Finding]:
    return [f for f in result.findings if f.check == check_id]


def original(finding: Finding) -> str:
    """The characters of the original file a finding points at."""
    assert finding.loc is not None
    text = Path(finding.loc.file).read_text(encoding="utf-8")
    return text[finding.loc.start:finding.loc.end]
