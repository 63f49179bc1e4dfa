"""The HTML QA report: one self-contained page a translator reviews a source in.

Two steps, as in coverage.py's report: :func:`build_report` turns a :class:`Result` into plain
frozen objects (what to show: highlighted runs of text, findings with fingerprints, summary
counts, score bins), and :func:`render_html` turns those into markup with one small template and
the CSS/JS shipped as package data in ``aligner/data/html/`` (how to show it). The page inlines
everything: no network request, it opens from disk.

Every piece of text from a source, a finding or a file name is untrusted: it reaches the page
only through :func:`html.escape` or, for the embedded JSON, with ``<`` and ``>`` escaped.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from string import Template

from ..baseline import finding_file, finding_fingerprints
from ..errors import AlignerError
from ..lang import NAMES, OTHER_NAMES
from ..model import SRC, TGT, Pair, Result, Severity
from ..text import primary
from .atomic import atomic_write
from .findings import by_pair
from .paths import place

#: Languages written right to left, by primary subtag.
RTL_LANGS = frozenset({"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})
#: Most bars drawn in the summary's score chart; longer documents are binned.
MAX_BARS = 400
_ASSET_PACKAGE = "aligner.data"
_LANG_NAMES = {**NAMES, **OTHER_NAMES}
_SEVERITIES = tuple(reversed(Severity))  # error, warning, info: the order a reader scans


# --------------------------------------------------------------------------- report model

@dataclass(frozen=True)
class Mark:
    """A highlighted piece of text belonging to finding ``n``.

    A finding whose span crosses another's is cut into several marks so that the markup nests;
    only the first (``head``) is focusable and carries the finding's id.
    """

    n: int
    severity: str
    head: bool
    children: tuple[str | Mark, ...]


class SentenceBreak(str):
    """The space that joins two sentences of one side (shown as a faint divider in a 1-2 pair)."""

    __slots__ = ()


@dataclass(frozen=True)
class ReportFinding:
    n: int
    check: str
    severity: str
    pair: int
    side: str
    span: tuple[int, int]
    excerpt: str
    message: str
    suggestion: str
    fingerprint: str
    file: str
    where: str  # "file:line:col" or ""
    fix: str | None = None  # the replacement for ``span`` when the suggestion is a concrete one


@dataclass(frozen=True)
class ReportPair:
    id: int
    bead: str
    score: float | None
    src: tuple[str | Mark, ...]
    tgt: tuple[str | Mark, ...]
    findings: tuple[ReportFinding, ...]
    #: Each sentence's ``(start, end)`` in its file and its length in the shown text, per side:
    #: what the review mode keys edits and re-pairings by.
    src_sentences: tuple[tuple[int, int, int], ...] = ()
    tgt_sentences: tuple[tuple[int, int, int], ...] = ()

    @property
    def worst(self) -> str | None:
        """The most severe finding's severity, or ``None``."""
        return worst_of(f.severity for f in self.findings)


@dataclass(frozen=True)
class ScoreBar:
    first: int     # id of the first pair in the bin (the bar links there)
    last: int
    score: float | None  # lowest score in the bin: a dip is what a reviser looks for
    worst: str | None


@dataclass(frozen=True)
class Report:
    title: str
    sources: tuple[str, ...]
    src_lang: str
    tgt_lang: str | None
    tool: dict
    notices: tuple[str, ...]
    by_severity: tuple[tuple[str, int], ...]
    by_check: tuple[tuple[str, int], ...]
    bars: tuple[ScoreBar, ...]
    pairs: tuple[ReportPair, ...]
    findings: tuple[ReportFinding, ...]
    #: The files of each side with their language and text hash, for the review file.
    review_sides: dict = field(default_factory=dict)


def worst_of(severities: Iterable[str | None]) -> str | None:
    """The most severe of ``severities`` (``None`` entries ignored)."""
    present = [Severity(s) for s in severities if s]
    return max(present, key=lambda s: s.rank).value if present else None


def build_report(result: Result) -> Report:
    """What the page shows, as plain values: no markup is produced here."""
    fps = finding_fingerprints(result)
    findings = []
    for n, (f, fp) in enumerate(zip(result.findings, fps)):
        where = place(f.loc) if f.loc and f.loc.line else ""
        findings.append(ReportFinding(
            n=n, check=f.check, severity=f.severity.value, pair=f.pair, side=f.side,
            span=(int(f.span[0]), int(f.span[1])), excerpt=f.excerpt, message=f.message,
            suggestion=f.suggestion, fingerprint=fp,
            file=finding_file(f, result), where=where,
            fix=replacement(f.suggestion) if f.side == TGT else None))
    of_pair = by_pair(findings)
    pairs = tuple(_report_pair(p, of_pair.get(p.id, [])) for p in result.pairs)
    severities = Counter(f.severity for f in findings)
    checks = Counter(f.check for f in findings)
    check_order = list(result.tool.get("checks", [])) if isinstance(result.tool, dict) else []
    check_order += sorted(c for c in checks if c not in check_order)
    return Report(
        title=_title(result.sources),
        sources=tuple(result.sources),
        src_lang=result.src_lang,
        tgt_lang=result.tgt_lang,
        tool=dict(result.tool) if isinstance(result.tool, dict) else {},
        notices=tuple(result.notices),
        by_severity=tuple((s.value, severities.get(s.value, 0)) for s in _SEVERITIES),
        by_check=tuple((c, checks.get(c, 0)) for c in check_order),
        bars=score_bars(pairs),
        pairs=pairs,
        findings=tuple(findings),
        review_sides=_review_sides(result),
    )


def _review_sides(result: Result) -> dict:
    """``{"src": {file, lang, sha256}, "tgt": ...}`` as a review file records them; a side's
    hash is None when the run did not record it (a bilingual file, an older result)."""
    hashes = result.tool.get("source_sha256", {}) if isinstance(result.tool, dict) else {}
    out: dict = {}
    for side, lang in ((SRC, result.src_lang), (TGT, result.tgt_lang)):
        first = next((p.side(side)[0] for p in result.pairs if p.side(side)), None)
        if first is None or not lang:
            continue
        digest = hashes.get(first.loc.file) if isinstance(hashes, dict) else None
        out[side] = {"file": first.loc.file, "lang": lang,
                     "sha256": digest if isinstance(digest, str) else None}
    return out


#: Suggestions that name their replacement for the flagged span exactly, as checks write them
#: ("Write 'x'.", "Replace it with 'x'."), and the fixed ones of the whitespace check.
_REPLACEMENT = re.compile(r"(?:Write|Replace it with|Use) '([^']*)'\.?")
_FIXED_REPLACEMENTS = {"Replace it with one space.": " ", "Remove the whitespace.": ""}


def replacement(suggestion: str) -> str | None:
    """The text a suggestion puts in place of its finding's span, or None when it is advice
    rather than a concrete replacement (only such suggestions get an Apply button)."""
    if suggestion in _FIXED_REPLACEMENTS:
        return _FIXED_REPLACEMENTS[suggestion]
    m = _REPLACEMENT.fullmatch(suggestion.strip())
    return m.group(1) if m else None


def _report_pair(pair: Pair, findings: list[ReportFinding]) -> ReportPair:
    sides = {}
    for side in (SRC, TGT):
        text = pair.text(side)
        spans = [(f.n, f.severity, *f.span) for f in findings if f.side == side]
        breaks, pos = [], 0
        for sentence in pair.side(side)[:-1]:
            pos += len(sentence.text)
            breaks.append(pos)
            pos += 1
        sides[side] = highlight(text, spans, breaks)
    return ReportPair(pair.id, pair.bead, pair.score, sides[SRC], sides[TGT], tuple(findings),
                      _sentences(pair.src), _sentences(pair.tgt))


def _sentences(sentences: Sequence) -> tuple[tuple[int, int, int], ...]:
    return tuple((s.loc.start, s.loc.end, len(s.text)) for s in sentences)


def highlight(text: str, spans: Sequence[tuple[int, str, int, int]],
              breaks: Sequence[int] = ()) -> tuple[str | Mark, ...]:
    """Cut ``text`` into plain runs and nested :class:`Mark` trees, one per finding span.

    ``spans`` are ``(n, severity, start, end)``. Overlapping spans that cross are split so
    the result always nests; an empty span becomes an empty mark at its position. The
    one-character joins at ``breaks`` (offsets of the spaces between sentences) come out as
    :class:`SentenceBreak` runs.
    """
    length = len(text)
    spans = [(n, sev, max(0, min(s, length)), max(0, min(max(s, e), length)))
             for n, sev, s, e in spans]
    joins = {b for b in breaks if 0 <= b < length}
    points = sorted({0, length, *(s for _, _, s, _ in spans), *(e for _, _, _, e in spans),
                     *joins, *(b + 1 for b in joins)})
    info = {n: (sev, s, e) for n, sev, s, e in spans}
    empty_at: dict[int, list[int]] = {}
    for n, _, s, e in spans:
        if s == e:
            empty_at.setdefault(s, []).append(n)
    root: list = []
    stack: list[tuple[int, list]] = []
    opened: set[int] = set()

    def current() -> list:
        return stack[-1][1] if stack else root

    for i, p in enumerate(points):
        q = points[i + 1] if i + 1 < len(points) else None
        required = ({n for n, _, s, e in spans if s <= p and e >= q and s < e}
                    if q is not None and q > p else set())
        keep = 0
        while keep < len(stack) and stack[keep][0] in required:
            keep += 1
        del stack[keep:]
        for n in empty_at.get(p, ()):
            current().append(_Builder(n, info[n][0], n not in opened))
            opened.add(n)
        open_now = {n for n, _ in stack}
        # Outer marks first: the one that ends last, then the one that started first.
        for n in sorted(required - open_now, key=lambda k: (-info[k][2], info[k][1], k)):
            builder = _Builder(n, info[n][0], n not in opened)
            opened.add(n)
            current().append(builder)
            stack.append((n, builder.children))
        if q is not None and q > p:
            current().append(SentenceBreak(text[p:q]) if p in joins else text[p:q])
    return tuple(_freeze(item) for item in root)


class _Builder:
    """A mark under construction (mutable only inside :func:`highlight`)."""

    def __init__(self, n: int, severity: str, head: bool) -> None:
        self.n, self.severity, self.head = n, severity, head
        self.children: list = []


def _freeze(item: str | _Builder) -> str | Mark:
    if isinstance(item, str):  # plain text or a SentenceBreak
        return item
    return Mark(item.n, item.severity, item.head, tuple(_freeze(c) for c in item.children))


def score_bars(pairs: Sequence[ReportPair], max_bars: int = MAX_BARS) -> tuple[ScoreBar, ...]:
    """The pairs in at most ``max_bars`` bins along the document, each with its lowest score."""
    if not pairs:
        return ()
    size = -(-len(pairs) // max_bars)
    bars = []
    for k in range(0, len(pairs), size):
        chunk = pairs[k:k + size]
        scores = [p.score for p in chunk if p.score is not None]
        bars.append(ScoreBar(chunk[0].id, chunk[-1].id, min(scores) if scores else None,
                             worst_of(p.worst for p in chunk)))
    return tuple(bars)


def _title(sources: Sequence[str]) -> str:
    if not sources:
        return "aligner report"
    return report_stem(sources)


def report_stem(sources: Sequence[str]) -> str:
    """A file-name stem for a source: ``NAME`` of ``NAME.txt`` or ``NAME.ar.txt``."""
    name = Path(sources[0]).name if sources else "report"
    stem = re.sub(r"(\.[A-Za-z]{2,3}(-[A-Za-z0-9]+)?)?\.[^.]+$", "", name) or name
    return re.sub(r"[^\w.-]+", "-", stem).strip("-.") or "report"


# --------------------------------------------------------------------------- rendering

def _asset(name: str) -> str:
    folder = resources.files(_ASSET_PACKAGE).joinpath("html")
    return folder.joinpath(name).read_text(encoding="utf-8")


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def render_html(result: Result) -> str:
    """The complete page for one result."""
    return render_report(build_report(result))


def render_report(report: Report) -> str:
    """Fill the template with a :class:`Report`."""
    js = _asset("report.js")
    css = _asset("report.css")
    if "</script" in js.lower() or "</style" in css.lower():  # our own assets; keep them inert
        raise AssertionError("report assets must not close their own element")
    src_name = _lang_name(report.src_lang)
    tgt_name = _lang_name(report.tgt_lang) if report.tgt_lang else "Translation"
    return Template(_asset("report.html")).substitute(
        title=_e(report.title),
        css=css,
        js=js,
        data=embed_json(_page_data(report)),
        summary=_summary(report),
        src_head=f'<div role="columnheader" class="src" lang="en">{_e(src_name)} '
                 f'<span class="muted">source</span></div>',
        tgt_head=f'<div role="columnheader" class="tgt" lang="en">{_e(tgt_name)} '
                 f'<span class="muted">translation</span></div>',
        rows="".join(_pair_html(p, report) for p in report.pairs),
        pair_count=len(report.pairs),
        finding_count=len(report.findings),
    )


def embed_json(data: object) -> str:
    """JSON safe inside ``<script>``: no ``</script>``, ``<!--`` or ``-->`` can appear."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _page_data(report: Report) -> dict:
    findings = []
    for f in report.findings:
        item = {"n": f.n, "fp": f.fingerprint, "check": f.check, "sev": f.severity,
                "pair": f.pair, "excerpt": f.excerpt, "file": f.file}
        if f.fix is not None:
            item.update(fix=f.fix, span=list(f.span))
        findings.append(item)
    return {
        "key": "\n".join(report.sources) or report.title,
        "findings": findings,
        "tool": {"name": report.tool.get("name", "aligner"),
                 "version": report.tool.get("version", "")},
        "sides": report.review_sides,
        "sent": {str(p.id): [[list(s) for s in p.src_sentences],
                             [list(s) for s in p.tgt_sentences]] for p in report.pairs},
    }


def _lang_name(lang: str | None) -> str:
    if not lang:
        return ""
    name = _LANG_NAMES.get(primary(lang))
    return f"{name} ({lang})" if name else lang


def _dir(lang: str | None) -> str:
    return "rtl" if lang and primary(lang) in RTL_LANGS else "ltr"


def _summary(report: Report) -> str:
    tool = report.tool
    version = f"{tool.get('name', 'aligner')} {tool.get('version', '')}".strip()
    details = "".join(f"<dt>{_e(k)}</dt><dd>{_e(_flat(v))}</dd>" for k, v in tool.items())
    files = "".join(f'<li><code dir="auto">{_e(s)}</code></li>' for s in report.sources)
    sev_buttons = "".join(
        f'<button type="button" class="filter sev s-{s}" data-sev="{s}" aria-pressed="true">'
        f'<span class="n">{n}</span> {s}</button>' for s, n in report.by_severity)
    check_buttons = "".join(
        f'<button type="button" class="filter chk" data-check="{_e(c)}" aria-pressed="true">'
        f'<span class="n">{n}</span> {_e(c)}</button>' for c, n in report.by_check if n)
    notices = "".join(f"<li>{_e(n)}</li>" for n in report.notices)
    beads = Counter(p.bead for p in report.pairs)
    shape = ", ".join(f"{v}×{_e(k)}" for k, v in sorted(beads.items(), key=lambda kv: -kv[1]))
    langs = _e(_lang_name(report.src_lang))
    if report.tgt_lang:
        langs += " → " + _e(_lang_name(report.tgt_lang))
    return (
        f'<div class="facts"><p><strong>{len(report.pairs)}</strong> pairs ({shape}) · '
        f'{langs} · <span class="tool">{_e(version)}</span></p>'
        f'<ul class="files">{files}</ul>'
        f'<details class="tooldetails"><summary>Run settings</summary><dl>{details}</dl>'
        f'</details></div>'
        f'<div class="counts"><div class="group" role="group" aria-label="Filter by severity">'
        f'<span class="label">Severity</span>{sev_buttons}</div>'
        f'<div class="group" role="group" aria-label="Filter by check">'
        f'<span class="label">Check</span>{check_buttons or "<span class=muted>none</span>"}'
        f'</div></div>'
        + _score_svg(report.bars)
        + (f'<ul class="notices" role="note">{notices}</ul>' if notices else "")
    )


def _flat(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def _score_svg(bars: Sequence[ScoreBar]) -> str:
    """Alignment scores along the document: one bar per bin, linked to its first pair."""
    if not bars or all(b.score is None for b in bars):
        return '<p class="chart muted">No alignment scores (one-language source).</p>'
    width, height = 1000, 60
    step = width / len(bars)
    out = []
    for k, b in enumerate(bars):
        score = b.score if b.score is not None else 0.0
        h = max(1.5, round(score * (height - 4), 1))
        cls = f"bar s-{b.worst}" if b.worst else "bar"
        label = f"pair {b.first}" if b.first == b.last else f"pairs {b.first}–{b.last}"
        shown = "no score" if b.score is None else f"lowest score {b.score:.2f}"
        out.append(f'<a href="#p{b.first}"><rect class="{cls}" x="{k * step:.2f}" '
                   f'y="{height - h:.1f}" width="{max(step - 1, 0.6):.2f}" height="{h}">'
                   f'<title>{label}: {shown}{", " + b.worst if b.worst else ""}</title>'
                   f'</rect></a>')
    return (f'<figure class="chart"><figcaption>Alignment score along the document '
            f'(low bars are doubtful pairs; colour = worst finding)</figcaption>'
            f'<svg viewBox="0 0 {width} {height}" preserveAspectRatio="none" role="img" '
            f'aria-label="Alignment score per pair along the document">'
            f'<line class="mid" x1="0" x2="{width}" y1="{height / 2}" y2="{height / 2}"/>'
            + "".join(out) + "</svg></figure>")


def _pair_html(pair: ReportPair, report: Report) -> str:
    score = "—" if pair.score is None else f"{pair.score:.2f}"
    low = " low" if pair.score is not None and pair.score < 0.3 else ""
    odd = " odd" if "0" in pair.bead.split("-") else ""
    worst = f" w-{pair.worst}" if pair.worst else ""
    src_lang, tgt_lang = report.src_lang, report.tgt_lang or ""
    cells = (
        f'<div role="rowheader" class="meta"><a class="pid" href="#p{pair.id}">{pair.id}</a>'
        f'<span class="bead{odd}">{_e(pair.bead)}</span>'
        f'<span class="score{low}">{score}</span></div>'
        f'<div role="cell" class="src" dir="{_dir(src_lang)}" lang="{_e(src_lang)}">'
        f'{_runs(pair.src)}</div>'
        f'<div role="cell" class="tgt" dir="{_dir(tgt_lang)}" lang="{_e(tgt_lang)}">'
        f'{_runs(pair.tgt)}</div>')
    notes = ""
    if pair.findings:
        notes = ('<ul class="notes" aria-label="Findings">'
                 + "".join(_note_html(f) for f in pair.findings) + "</ul>")
    return (f'<div role="row" class="pair{worst}" id="p{pair.id}" data-p="{pair.id}">'
            f"{cells}{notes}</div>\n")


def _runs(items: Iterable[str | Mark]) -> str:
    out = []
    for item in items:
        if isinstance(item, SentenceBreak):
            out.append(f'<span class="sb">{_e(item)}</span>')
            continue
        if isinstance(item, str):
            out.append(_e(item))
            continue
        inner = _runs(item.children)
        empty = "" if item.children else " empty"
        if item.head:
            out.append(f'<mark class="f s-{item.severity}{empty}" id="f{item.n}" '
                       f'data-f="{item.n}" tabindex="0" aria-describedby="d{item.n}">'
                       f"{inner}</mark>")
        else:
            out.append(f'<mark class="f s-{item.severity} cont" data-f="{item.n}">{inner}</mark>')
    return "".join(out)


#: Quoted text in an escaped message: '…' (an apostrophe inside a word is not a quote), "…"
#: and “…”.
_QUOTED = re.compile(r"(?<!\w)(&#x27;)(.+?)(&#x27;)(?!\w)|(&quot;)(.+?)(&quot;)|(“)(.+?)(”)")


def message_html(message: str) -> str:
    """A message escaped, with each quoted passage isolated in ``<bdi>``: Arabic quoted inside
    an English message must not reorder the sentence around it."""
    def wrap(m: re.Match[str]) -> str:
        groups = [g for g in m.groups() if g is not None]
        return f"{groups[0]}<bdi>{groups[1]}</bdi>{groups[2]}"
    return _QUOTED.sub(wrap, _e(message))


def _note_html(f: ReportFinding) -> str:
    side = "source" if f.side == SRC else "translation"
    where = f'<span class="where">{_e(f.where)}</span>' if f.where else ""
    suggestion = f'<span class="sugg">{_e(f.suggestion)}</span>' if f.suggestion else ""
    if f.fix is not None:
        suggestion += ('<button class="fix" title="Put the suggestion into the translation">'
                       'Apply</button>')
    # Kept short: a long document has thousands of these (aria-pressed is set by the script).
    return (
        f'<li class="note s-{f.severity}" id="d{f.n}" data-f="{f.n}">'
        f'<a class="tag s-{f.severity}" href="#f{f.n}">{f.severity}</a> '
        f'<span class="chk">{_e(f.check)}</span> <span class="side">{side}</span> '
        f'<span class="msg">{message_html(f.message)}</span> {suggestion} {where}'
        f'<span class="review"><button class="rv" data-status="accepted">Accept</button>'
        f'<button class="rv" data-status="false-positive">False positive</button></span></li>')


# --------------------------------------------------------------------------- files

def write_html(path: str | Path, result: Result) -> None:
    """Write the report for ``result`` to ``path`` atomically."""
    atomic_write(path, render_html(result))


def write_html_dir(directory: str | Path, results: Sequence[Result]) -> list[Path]:
    """One report per result in ``directory`` (created), named after each source."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise AlignerError(f"cannot create directory ({exc.strerror})", str(directory)) from None
    written = html_dir_paths(directory, [r.sources for r in results])
    for path, result in zip(written, results):
        write_html(path, result)
    return written


def html_dir_paths(directory: str | Path, sources: Sequence[Sequence[str]]) -> list[Path]:
    """The report files :func:`write_html_dir` writes for results with these ``sources``, in
    order: known before the run, so that a report that would replace an input is refused."""
    written, used = [], set()
    for files in sources:
        stem = report_stem(files)
        name, k = stem, 2
        while name in used:
            name, k = f"{stem}-{k}", k + 1
        used.add(name)
        written.append(Path(directory) / f"{name}.html")
    return written
