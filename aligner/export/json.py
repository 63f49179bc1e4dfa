"""The JSON result: a stable, documented schema that other tools and CI read.

See ``docs/json-schema.md``. ``src`` is the original's side; ``span`` is a character range in
that pair side's sentences joined by one space; ``loc`` is the same span in the original file.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import InputError
from ..inputs import DEFAULT_MAX_BYTES, read_input
from ..model import SRC, TGT, Finding, Location, Pair, Result, Sentence, Severity
from .atomic import atomic_write

SCHEMA_VERSION = 1


def result_to_dict(result: Result) -> dict:
    """One result as the schema's object (docs/json-schema.md)."""
    return {
        "schema": SCHEMA_VERSION,
        "tool": result.tool,
        "sources": list(result.sources),
        "src_lang": result.src_lang,
        "tgt_lang": result.tgt_lang,
        "notices": list(result.notices),
        "pairs": [_pair(p) for p in result.pairs],
        "findings": [_finding(f) for f in result.findings],
    }


def _pair(p: Pair) -> dict:
    return {"id": p.id, "bead": p.bead, "src": [s.original for s in p.src],
            "tgt": [t.original for t in p.tgt], "score": p.score,
            "src_loc": [s.loc.to_dict() for s in p.src],
            "tgt_loc": [t.loc.to_dict() for t in p.tgt]}


def _finding(f: Finding) -> dict:
    out: dict[str, object] = {
        "check": f.check, "severity": f.severity.value, "pair": f.pair, "side": f.side,
        "span": list(f.span), "excerpt": f.excerpt, "message": f.message,
        "suggestion": f.suggestion}
    if f.loc:
        out["loc"] = f.loc.to_dict()
    return out


def dumps(results: list[Result]) -> str:
    """One result as the schema's object; several as ``{"results": [...]}``."""
    if len(results) == 1:
        data = result_to_dict(results[0])
    else:
        data = {"schema": SCHEMA_VERSION, "results": [result_to_dict(r) for r in results]}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_json(path: str | Path, results: list[Result]) -> None:
    """Write :func:`dumps` to ``path`` atomically."""
    atomic_write(path, dumps(results))


def result_from_dict(data: dict) -> Result:
    """Rebuild a :class:`Result` from its JSON form (for ``align report``)."""
    pairs = []
    for p in _list(data["pairs"], "pairs"):
        src = _sentences(p["src"], p.get("src_loc", []), data["src_lang"])
        tgt = _sentences(p["tgt"], p.get("tgt_loc", []), data.get("tgt_lang") or "")
        pairs.append(Pair(p["id"], src, tgt, p.get("score")))
    findings = tuple(
        Finding(f["check"], Severity.parse(f["severity"]), f["pair"], f["side"],
                tuple(f["span"]), f.get("excerpt", ""), f["message"], f.get("suggestion", ""),
                Location(**f["loc"]) if f.get("loc") else None)
        for f in _list(data.get("findings", []), "findings"))
    for f in findings:
        _check_finding(f, len(pairs))
    return Result(tool=data.get("tool", {}), sources=tuple(data.get("sources", [])),
                  src_lang=data["src_lang"], tgt_lang=data.get("tgt_lang"),
                  pairs=tuple(pairs), findings=findings, notices=tuple(data.get("notices", [])))


class _SchemaError(Exception):
    """A result written by another version of the schema than this tool reads."""


def _check_schema(version: object) -> None:
    # A missing "schema" is accepted (results saved before the field existed); a version this
    # tool does not know must not be half-understood.
    if version is not None and (type(version) is not int or version != SCHEMA_VERSION):
        raise _SchemaError(f"JSON schema version {version!r} is not one this version of "
                           f"align reads (expected {SCHEMA_VERSION}); "
                           "re-run align check --json")


def _list(value, what: str) -> list:
    # A hand-edited or foreign file must fail as "not an aligner JSON result", never crash later.
    if not isinstance(value, list):
        raise ValueError(f"{what} must be a list")
    return value


def _check_finding(f: Finding, n_pairs: int) -> None:
    where = f"finding of {f.check!r}"
    if not isinstance(f.pair, int) or not 0 <= f.pair < n_pairs:
        raise ValueError(f"{where}: pair {f.pair!r} is not one of the {n_pairs} pairs")
    if f.side not in (SRC, TGT):
        raise ValueError(f"{where}: side {f.side!r} is not 'src' or 'tgt'")
    if (len(f.span) != 2 or not all(type(x) is int for x in f.span)
            or not 0 <= f.span[0] <= f.span[1]):
        raise ValueError(f"{where}: span {list(f.span)!r} is not [start, end]")


def _sentences(texts: list[str], locs: list[dict], lang: str) -> tuple[Sentence, ...]:
    out = []
    for k, text in enumerate(_list(texts, "a pair's src and tgt")):
        if not isinstance(text, str):
            raise ValueError(f"sentence {text!r} is not a string")
        loc = Location(**locs[k]) if k < len(locs) else Location("", 0, len(text), 0, 0)
        out.append(Sentence.of(text, loc, lang, k, 0))  # spans refer to its view
    return tuple(out)


def read_results(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Result]:
    """Read a JSON file written by ``align check --json`` (a regular file of at most
    ``max_bytes``, or ``-`` for standard input) whose schema version this tool knows."""
    raw = read_input(path, max_bytes)
    try:
        data = json.loads(raw.decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("the top level is not an object")
        _check_schema(data.get("schema"))
        items = data["results"] if "results" in data else [data]
        for item in _list(items, "results"):
            if not isinstance(item, dict):
                raise ValueError("a result is not an object")
            _check_schema(item.get("schema", data.get("schema")))
        return [result_from_dict(d) for d in items]
    except RecursionError:
        raise InputError("not an aligner JSON result (nested too deeply)", str(path)) from None
    except _SchemaError as exc:
        raise InputError(str(exc), str(path)) from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"not an aligner JSON result ({exc.__class__.__name__}: {exc})",
                         str(path)) from None
