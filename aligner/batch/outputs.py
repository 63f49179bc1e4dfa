"""The run-level outputs of ``align batch``, written once every source is done: the merged TMX,
the index page and, last, the JSON-lines summary (docs/batch.md)."""

from __future__ import annotations

import html
import json
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from .. import __version__
from ..export.atomic import atomic_write
from ..export.json import read_results
from ..export.tmx import ALL_LANGS, write_tmx_stream
from ..model import Result, Severity
from .plan import FAILED, INDEX_FILE, SUMMARY_FILE, TMX_FILE

_SEVERITIES = tuple(s.value for s in reversed(Severity))  # error, warning, info


def write_summary(out: Path, records: Sequence[dict]) -> Path:
    """One JSON object per source, in the order the sources were named."""
    path = out / SUMMARY_FILE
    atomic_write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    return path


def write_merged_tmx(out: Path, records: Sequence[dict], max_bytes: int,
                     include_unaligned: bool = False) -> tuple[Path, int] | None:
    """One TMX of every bilingual source that was checked, read back from its JSON result one
    at a time; ``None`` when no source had a translation side. The units of the source at
    place ``k`` in the summary (from 1) have the tuid ``k-PAIR``."""
    bilingual = [(k, r) for k, r in enumerate(records, 1)
                 if r["status"] != FAILED and r.get("tgt_lang")]
    path = out / TMX_FILE
    if not bilingual:
        path.unlink(missing_ok=True)   # an earlier run's TMX would describe other sources
        return None
    langs = {r["src_lang"] for _, r in bilingual}
    srclang = langs.pop() if len(langs) == 1 else ALL_LANGS

    def results() -> Iterator[tuple[int, Result]]:
        for k, record in bilingual:
            yield k, read_results(out / record["json"], max_bytes)[0]

    return path, write_tmx_stream(path, results(), srclang, include_unaligned)


def write_index(out: Path, records: Sequence[dict], tmx: Path | None) -> Path:
    """The index page: one row per source linking its HTML report, with its counts; the
    failures first, with their reasons. Every value from a source is escaped."""
    path = out / INDEX_FILE
    atomic_write(path, render_index(records, tmx.name if tmx else None))
    return path


def render_index(records: Sequence[dict], tmx_name: str | None = None) -> str:
    failed = [r for r in records if r["status"] == FAILED]
    done = [r for r in records if r["status"] != FAILED]
    totals = {s: sum(r["findings"].get(s, 0) for r in done) for s in _SEVERITIES}
    pairs = sum(r["pairs"] for r in done)
    counts = "".join(f'<span class="filter s-{s}"><span class="n">{n}</span> {s}</span> '
                     for s, n in totals.items())
    links = (f' · <a href="{_e(tmx_name)}">merged translation memory</a>' if tmx_name else "")
    failures = ""
    if failed:
        items = "".join(f"<li><code dir=\"auto\">{_e(' + '.join(r['source']))}</code>: "
                        f"{_e(r.get('error', ''))}</li>" for r in failed)
        failures = (f'<section class="failures"><h2>{len(failed)} source(s) failed</h2>'
                    f"<ul>{items}</ul></section>")
    rows = "".join(_row(r) for r in records if r["status"] != FAILED)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>aligner batch: {len(records)} sources</title>
<style>{_css()}
.index {{ padding: 1rem 1.5rem; }}
.index table {{ border-collapse: collapse; width: 100%; background: var(--card); }}
.index th, .index td {{ text-align: left; padding: .3rem .6rem;
  border-bottom: 1px solid var(--line); }}
.index .n {{ text-align: right; font-variant-numeric: tabular-nums; }}
.summary .filter {{ padding: .1rem .6rem; border: 1px solid; }}
.failures {{ margin: .5rem 0; padding: .4rem .8rem; background: var(--error-bg);
  border-radius: 6px; }}
.failures h2 {{ margin: .2rem 0; font-size: 1rem; color: var(--error); }}
</style>
</head>
<body>
<header class="summary">
<h1><span class="muted">aligner batch</span> {len(records)} sources</h1>
<div class="facts"><p><strong>{len(done)}</strong> checked, <strong>{len(failed)}</strong> failed ·
<strong>{pairs}</strong> pairs · <span class="tool">aligner {_e(__version__)}</span>{links}
</p></div>
<div class="counts"><div class="group"><span class="label">Findings</span>{counts}</div></div>
{failures}
</header>
<main class="index">
<table>
<thead><tr><th scope="col">Source</th><th scope="col">Languages</th>
<th scope="col" class="n">Pairs</th>
{''.join(f'<th scope="col" class="n">{s}</th>' for s in _SEVERITIES)}</tr></thead>
<tbody>
{rows}
</tbody>
</table>
</main>
</body>
</html>
"""


def _row(record: dict) -> str:
    name = " + ".join(record["source"])
    langs = record.get("src_lang") or ""
    if record.get("tgt_lang"):
        langs += f" → {record['tgt_lang']}"
    cells = "".join(f'<td class="n">{int(record["findings"].get(s, 0))}</td>'
                    for s in _SEVERITIES)
    return (f'<tr><td><a href="{_e(record["html"])}"><code dir="auto">{_e(name)}</code></a></td>'
            f'<td>{_e(langs)}</td><td class="n">{int(record["pairs"])}</td>{cells}</tr>\n')


def _css() -> str:
    # The report's own stylesheet, so the index looks like the reports it links to.
    folder = resources.files("aligner.data").joinpath("html")
    text = folder.joinpath("report.css").read_text(encoding="utf-8")
    return text.replace("</style", "<\\/style")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)
