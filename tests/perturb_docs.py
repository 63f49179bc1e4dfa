"""Perturbed parallel documents with gold beads, for measuring alignment quality.

Real parallel sentences (FLORES-200 devtest, TICO-19) are grouped into documents and damaged the
way real translations and real sources are:

* the translator merged two neighbouring English sentences ("A. B." → "A, b.") — gold 2-1;
* a sentence has no counterpart on one side (dropped in translation, or an untranslated
  headline) — gold 1-0 or 0-1;
* a stray full stop cuts an Arabic sentence after a word ("التقى العديد. من كبار") — the gold
  bead keeps both fragments, so the aligner must rejoin them.

Gold beads are **character spans** ``(src_start, src_end, tgt_start, tgt_end)`` into the document
texts, with ``(-1, -1)`` for an empty side, so scoring does not depend on how either side was
segmented: a predicted bead is the union span of its sentences' ``loc`` on each side.

Usage::

    docs = make_documents("flores", n_docs=4, seed=1)
    for ar_text, en_text, gold in docs: ...
    f1 = bead_f1(pair_spans(pairs), gold)
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
Span = tuple[int, int, int, int]
EMPTY = (-1, -1)


@dataclass(frozen=True)
class Rates:
    """How often each perturbation is applied, per sentence."""

    merge: float = 0.08        # English sentence merged into the previous one
    delete_src: float = 0.03   # Arabic sentence dropped (gold 0-1)
    delete_tgt: float = 0.03   # English sentence dropped (gold 1-0)
    split: float = 0.12        # stray ". " inserted mid-sentence on the Arabic side


def load_sentences(source: str) -> list[list[tuple[str, str]]]:
    """Groups of consecutive (arabic, english) pairs that belong to one upstream document."""
    if source == "flores":
        base = DATA / "flores200"
        ar = (base / "arb_Arab.devtest").read_text(encoding="utf-8").splitlines()
        en = (base / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
        with open(base / "metadata_devtest.tsv", encoding="utf-8", newline="") as fh:
            urls = [row["URL"] for row in csv.DictReader(fh, delimiter="\t")]
        return _group(zip(urls, ((a.strip(), e.strip()) for a, e in zip(ar, en))))
    if source == "tico":
        rows = []
        with open(DATA / "tico19" / "tico19.en-ar.tsv", encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                # The CMU list is isolated speech prompts, not running text.
                if "speech.cs.cmu.edu" in row["doc_url"]:
                    continue
                rows.append((row["doc_url"], (row["ar"].strip(), row["en"].strip())))
        return _group(rows)
    raise ValueError(f"unknown source {source!r} (flores or tico)")


def load_written(free: bool = False
                 ) -> tuple[list[tuple[str, str]], list[tuple[str, list[tuple[str, str]]]]]:
    """The pairs written for the project (``data/written/``, tune data): the everyday
    ``(arabic, english)`` pairs in file order, and each article's id with its pairs. With
    ``free``, the set written with a translator's freedoms (``everyday2.tsv``,
    ``articles3.tsv``) instead of the first."""
    base = DATA / "written"
    everyday = []
    for line in (base / ("everyday2.tsv" if free else "everyday.tsv")
                 ).read_text(encoding="utf-8").splitlines():
        en, ar = line.split("\t")
        everyday.append((ar.strip(), en.strip()))
    return everyday, _articles(base / ("articles3.tsv" if free else "articles.tsv"))


def load_written_names() -> list[tuple[str, list[tuple[str, str]]]]:
    """The second set of written articles (``data/written/articles2.tsv``, tune data): names
    rendered as Arabic writes them (exonyms, translated titles and institutions), each
    article's id with its ``(arabic, english)`` pairs. Kept apart from :func:`load_written`,
    which fits the boundary model."""
    return _articles(DATA / "written" / "articles2.tsv")


def _articles(path: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    articles: dict[str, list[tuple[str, str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, en, ar = line.split("\t")
        articles.setdefault(key, []).append((ar.strip(), en.strip()))
    return list(articles.items())


_EN_INNER_END = re.compile(r"[.!?][\"”’)]*\s+[\"“(]?[A-Z0-9]")
_AR_INNER_END = re.compile(r"[.!?؟][\"”»)]*\s")
_END = re.compile(r"[.!?؟…][\"”’»)]*$")


def single_sentence(ar: str, en: str) -> bool:
    """Both sides are one sentence ending with an end mark, so the gold 1-1 bead is the finest.

    Upstream lines sometimes hold two sentences ("X. Y.") or a heading with no end mark; with
    those the finest correct alignment is not known, so they are left out.
    """
    return bool(ar and en and _END.search(ar) and _END.search(en)
                and not _EN_INNER_END.search(en) and not _AR_INNER_END.search(ar))


def _group(rows: Iterable[tuple[str, tuple[str, str]]]) -> list[list[tuple[str, str]]]:
    groups: list[list[tuple[str, str]]] = []
    last = None
    for key, pair in rows:
        if not single_sentence(*pair):
            continue
        if key != last:
            groups.append([])
            last = key
        groups[-1].append(pair)
    return groups


def make_documents(source: str = "flores", n_docs: int = 4, seed: int = 0,
                   min_sents: int = 20, max_sents: int = 40, rates: Rates | None = None,
                   ) -> list[tuple[str, str, list[Span]]]:
    """``n_docs`` perturbed documents ``(ar_text, en_text, gold_beads)``.

    FLORES documents are a handful of sentences each, so consecutive upstream documents are
    concatenated until a document has ``min_sents``; long TICO-19 documents are chunked to at
    most ``max_sents``. Every paragraph is one line of 2–5 sentences on both sides.
    """
    rng = random.Random(seed)
    rates = rates or Rates()
    chunks = _chunks(load_sentences(source), min_sents, max_sents)
    rng.shuffle(chunks)
    return [_perturb(chunk, rng, rates) for chunk in chunks[:n_docs]]


def _chunks(groups: list[list[tuple[str, str]]], lo: int, hi: int) -> list[list]:
    out: list[list] = []
    current: list = []
    for group in groups:
        for k in range(0, len(group), hi):
            current.extend(group[k:k + hi])
            if len(current) >= lo:
                out.append(current[:hi])
                current = []
    return out


@dataclass
class _Unit:
    """One gold bead while the document is being built: its Arabic and English pieces."""

    ar: list[str]
    en: list[str]
    paragraph: int


def _perturb(pairs: Sequence[tuple[str, str]], rng: random.Random, rates: Rates):
    units: list[_Unit] = []
    paragraph, left = 0, rng.randint(2, 5)
    for ar, en in pairs:
        if left == 0:
            paragraph, left = paragraph + 1, rng.randint(2, 5)
        left -= 1
        units.append(_Unit([ar], [en], paragraph))
    out: list[_Unit] = []
    for unit in units:
        roll = rng.random()
        prev = out[-1] if out else None
        same_par = prev is not None and prev.paragraph == unit.paragraph
        if roll < rates.merge and same_par and prev.ar and prev.en:
            prev.ar.extend(unit.ar)
            prev.en[-1] = merge_english(prev.en[-1], unit.en[0], rng)
            continue
        roll -= rates.merge
        if roll < rates.delete_src and same_par:
            unit.ar = []
        elif roll - rates.delete_src < rates.delete_tgt and same_par:
            unit.en = []
        elif roll - rates.delete_src - rates.delete_tgt < rates.split:
            unit.ar = [stray_full_stop(unit.ar[0], rng)]
        out.append(unit)
    return _render(out)


def merge_english(first: str, second: str, rng: random.Random) -> str:
    """Two sentences as one: the first's end mark becomes ", " or "; ", the next lowercased."""
    head = re.sub(r"[.!?]+[\"”’)]*$", "", first.rstrip())
    if second[:1].isupper() and not second[1:2].isupper():
        second = second[0].lower() + second[1:]
    return head + rng.choice((", ", "; ")) + second


def stray_full_stop(sentence: str, rng: random.Random) -> str:
    """Insert ". " after a word in the middle of an Arabic sentence (a stray full stop)."""
    spaces = [m.start() for m in re.finditer(" ", sentence)]
    inner = spaces[2:-2]
    if not inner:
        return sentence
    at = rng.choice(inner)
    if not re.match(r"[\u0621-\u064A]", sentence[at - 1]):
        return sentence
    return sentence[:at] + "." + sentence[at:]


def _render(units: list[_Unit]) -> tuple[str, str, list[Span]]:
    ar_lines: list[str] = []
    en_lines: list[str] = []
    ar_pos = en_pos = 0
    gold: list[Span] = []
    last_par = None
    ar_line: list[str] = []
    en_line: list[str] = []

    def flush() -> None:
        nonlocal ar_pos, en_pos, ar_line, en_line
        if ar_line or en_line:
            ar_lines.append(" ".join(ar_line))
            en_lines.append(" ".join(en_line))
        ar_pos = sum(len(x) + 1 for x in ar_lines)
        en_pos = sum(len(x) + 1 for x in en_lines)
        ar_line, en_line = [], []

    for unit in units:
        if unit.paragraph != last_par:
            flush()
            last_par = unit.paragraph
        spans = []
        for pieces, line, side in ((unit.ar, ar_line, "ar"), (unit.en, en_line, "en")):
            if not pieces:
                spans.append(EMPTY)
                continue
            text = " ".join(pieces)
            base = ar_pos if side == "ar" else en_pos
            start = base + sum(len(x) + 1 for x in line)
            line.append(text)
            spans.append((start, start + len(text)))
        gold.append(spans[0] + spans[1])
    flush()
    return "\n".join(ar_lines) + "\n", "\n".join(en_lines) + "\n", gold


def pair_spans(pairs) -> list[Span]:
    """Union character span of each side of each pair (``(-1, -1)`` for an empty side)."""
    out = []
    for pair in pairs:
        spans = []
        for side in (pair.src, pair.tgt):
            spans.append((side[0].loc.start, side[-1].loc.end) if side else EMPTY)
        out.append(spans[0] + spans[1])
    return out


def bead_f1(predicted: Sequence[Span], gold: Sequence[Span]) -> float:
    """Strict bead F1: a predicted bead counts only if its spans equal a gold bead's exactly."""
    hits = len(set(predicted) & set(gold))
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def align_texts(ar_text: str, en_text: str, scorer):
    """Segment and align two document texts with ``scorer``; the pairs, as the pipeline makes."""
    from aligner.align import align_documents
    from aligner.model import Block
    from aligner.segment import segment

    src = segment(Block("ar.txt", "ar", ar_text, 0, len(ar_text)))
    tgt = segment(Block("en.txt", "en", en_text, 0, len(en_text)))
    return align_documents(src, tgt, scorer)
