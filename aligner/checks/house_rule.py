"""``house-rule``: the project's own rules from a checklist file (``[align] checklist`` or
``--checklist``), as in Xbench and Verifika checklists: regular expressions on the source, the
target or both, forbidden target terms, and renderings required when a source term appears.

Every finding has the check id ``house-rule``; its message starts with the rule's id in square
brackets (``[no-utilise] …``), so a baseline or a filter can tell the rules apart. The file is
TOML (docs/configuration.md)::

    [[rule]]
    id = "no-double-hyphen"       # required: letters, digits, - and _
    target = " -- "               # a regex on the target; `source` on the source; or both
    severity = "warning"          # error | warning | info (default: warning)
    message = "Use an em dash."
    suggestion = "Replace -- with —."

    [[forbidden]]                 # a word the translation must not use (whole word, any case)
    term = "utilise"
    suggestion = "use"

    [[required]]                  # when the source has `source`, the target needs `target`
    source = "الأونروا"
    target = ["UNRWA"]

With both ``source`` and ``target`` a rule fires when both match (at the target's match); with
``source`` and ``target-absent`` it fires when the source matches and the target does not.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ConfigError
from ..inputs import DEFAULT_MAX_BYTES, read_input
from ..model import SRC, TGT, Pair, Severity
from ._support.base import Check, CheckContext, Hit
from ._support.sides import pair_hits

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML through tomli (install_requires)
    import tomli as tomllib

_ID = re.compile(r"^[A-Za-z0-9][\w-]*$")
_RULE_KEYS = {"id", "source", "target", "target-absent", "severity", "message", "suggestion",
              "ignore-case"}
_FORBIDDEN_KEYS = {"id", "term", "severity", "message", "suggestion"}
_REQUIRED_KEYS = {"id", "source", "target", "severity", "message", "suggestion"}


@dataclass(frozen=True)
class Rule:
    """One house rule, its patterns compiled."""

    id: str
    severity: Severity
    message: str
    suggestion: str
    source: re.Pattern[str] | None = None
    target: re.Pattern[str] | None = None
    target_absent: re.Pattern[str] | None = None


@dataclass(frozen=True)
class Checklist:
    """The rules of one checklist file, in file order."""

    file: str
    rules: tuple[Rule, ...]


def load_checklist(path: str | Path) -> Checklist:
    """Read and compile a checklist; a bad file, key or regex is a :class:`ConfigError` naming
    the file and the rule."""
    name = str(path)
    try:
        raw = read_input(Path(path), DEFAULT_MAX_BYTES, "checklist ")
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError("checklist is not UTF-8 text", name) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"checklist is not valid TOML: {exc}", name) from None
    except ConfigError:
        raise
    except Exception as exc:  # InputError: missing, not a file, too large
        raise ConfigError(getattr(exc, "message", str(exc)), name) from None
    unknown = sorted(set(data) - {"rule", "forbidden", "required"})
    if unknown:
        raise ConfigError(f"checklist: unknown table {unknown[0]!r} (known: rule, forbidden, "
                          "required)", name)
    rules: list[Rule] = []
    for kind, build in (("rule", _rule), ("forbidden", _forbidden), ("required", _required)):
        items = data.get(kind, [])
        if not isinstance(items, list):
            raise ConfigError(f"checklist: write [[{kind}]] for each {kind}", name)
        for k, item in enumerate(items, 1):
            label = f"[[{kind}]] #{k}" + (f" ({item.get('id')!r})" if isinstance(item, dict)
                                          and item.get("id") else "")
            try:
                rules.append(build(item))
            except (ValueError, TypeError, re.error) as exc:
                raise ConfigError(f"checklist {label}: {exc}", name) from None
    ids = [r.id for r in rules]
    dup = next((i for i in ids if ids.count(i) > 1), None)
    if dup:
        raise ConfigError(f"checklist: rule id {dup!r} is used twice", name)
    return Checklist(name, tuple(rules))


def _common(item: object, keys: set[str]) -> dict:
    if not isinstance(item, dict):
        raise ValueError("is not a table")
    unknown = sorted(set(item) - keys)
    if unknown:
        raise ValueError(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(keys))})")
    for key, value in item.items():
        if key not in ("target", "ignore-case") and not isinstance(value, str):
            raise ValueError(f"{key} must be a string")
    if "id" in item and not _ID.match(item["id"]):
        raise ValueError(f"id {item['id']!r} may hold only letters, digits, - and _")
    return item


def _severity(item: dict) -> Severity:
    return Severity.parse(item.get("severity", "warning"))


def _compile(pattern: object, flags: int, what: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern:
        raise ValueError(f"{what} must be a non-empty string")
    try:
        return re.compile(pattern, flags)
    except re.error as exc:
        raise ValueError(f"bad regular expression in {what} {pattern!r}: {exc}") from None


def _rule(item: object) -> Rule:
    item = _common(item, _RULE_KEYS)
    if "id" not in item or "message" not in item:
        raise ValueError("a rule needs an id and a message")
    if not isinstance(item.get("ignore-case", False), bool):
        raise ValueError("ignore-case must be true or false")
    flags = re.IGNORECASE if item.get("ignore-case") else 0
    src = _compile(item["source"], flags, "source") if "source" in item else None
    tgt = _compile(item["target"], flags, "target") if "target" in item else None
    absent = _compile(item["target-absent"], flags, "target-absent") \
        if "target-absent" in item else None
    if absent and (tgt or not src):
        raise ValueError("target-absent goes with source, without target")
    if not (src or tgt):
        raise ValueError("a rule needs source, target or both")
    return Rule(item["id"], _severity(item), item["message"], item.get("suggestion", ""),
                src, tgt, absent)


def _word(term: str) -> str:
    """A term as a whole-word pattern (Arabic terms may carry proclitics, so only the end is
    bounded for them)."""
    escaped = re.escape(term)
    if term[:1].isascii():
        return rf"(?<!\w){escaped}(?!\w)"
    if term.startswith("ال"):  # ل + الأونروا is written للأونروا
        escaped = rf"(?:{escaped}|لل{re.escape(term[2:])})"
    return rf"{escaped}(?!\w)"


def _forbidden(item: object) -> Rule:
    item = _common(item, _FORBIDDEN_KEYS)
    term = item.get("term", "").strip()
    if not term:
        raise ValueError("a forbidden term needs term")
    suggestion = item.get("suggestion", "")
    return Rule(item.get("id", f"forbidden-{_slug(term)}"), _severity(item),
                item.get("message", f"'{term}' is not used in this project."),
                f"Write '{suggestion}'." if suggestion else f"Rephrase without '{term}'.",
                target=re.compile(_word(term), re.IGNORECASE))


def _required(item: object) -> Rule:
    item = _common(item, _REQUIRED_KEYS)
    source = item.get("source", "").strip()
    targets = item.get("target", [])
    targets = [targets] if isinstance(targets, str) else targets
    if not source or not targets or not all(isinstance(t, str) and t.strip() for t in targets):
        raise ValueError("a required term needs source and target (a string or a list)")
    shown = " or ".join(f"'{t}'" for t in targets)
    return Rule(item.get("id", f"required-{_slug(targets[0])}"), _severity(item),
                item.get("message", f"The source has '{source}': the translation should "
                         f"have {shown}."),
                item.get("suggestion", f"Translate '{source}' as {shown}."),
                source=re.compile(_word(source), re.IGNORECASE),
                target_absent=re.compile("|".join(_word(t.strip()) for t in targets),
                                         re.IGNORECASE))


def _slug(term: str) -> str:
    return re.sub(r"[^\w-]+", "-", term.strip().casefold()).strip("-") or "term"


@lru_cache(maxsize=8)
def _cached(path: str, _mtime: float) -> Checklist:
    # The modification time is part of the cache key only: an edited checklist is read again.
    return load_checklist(path)


def find(ctx: CheckContext) -> Iterator[Hit]:
    path = ctx.options.checklist
    if not path:
        return
    checklist = _cached(str(path), Path(path).stat().st_mtime)
    yield from pair_hits(ctx, lambda pair, _s, _t: _pair(pair, checklist.rules))


def _pair(pair: Pair, rules: tuple[Rule, ...]) -> Iterator[Hit]:
    src, tgt = pair.text(SRC), pair.text(TGT)
    for rule in rules:
        if rule.source and not (pair.src and rule.source.search(src)):
            continue
        if rule.target_absent:
            if pair.tgt and not rule.target_absent.search(tgt):
                m = rule.source.search(src) if rule.source else None
                span = m.span() if m else (0, len(src))
                yield _hit(pair, SRC, span, rule)
            continue
        if rule.target:
            if not pair.tgt:
                continue
            for m in rule.target.finditer(tgt):
                yield _hit(pair, TGT, m.span() if m.end() > m.start() else (0, len(tgt)), rule)
            continue
        if rule.source:
            for m in rule.source.finditer(src):
                yield _hit(pair, SRC, m.span(), rule)


def _hit(pair: Pair, side: str, span: tuple[int, int], rule: Rule) -> Hit:
    return Hit(pair.id, side, span, f"[{rule.id}] {rule.message}", rule.suggestion,
               rule.severity)


CHECKS = (Check("house-rule", Severity.WARNING,
                "The project's own rules from a checklist file ([align] checklist): regexes, "
                "forbidden and required terms.", find, bilingual=False),)
