"""Perturbed bilingual documents with known gold beads, built from real parallel text.

TICO-19 and FLORES-200 are 1:1 by construction. A document here is a few paragraphs of several
sentences per line, in the same paragraphing on both sides, with the faults real sources have:
neighbouring English sentences merged, sentences missing on one side, and Arabic sentences cut by
a stray ". ". Gold beads are character spans of the document texts, so bead F1 does not depend
on how either side was segmented.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
Span = tuple[int, int] | None


@dataclass(frozen=True)
class PerturbedDoc:
    ar: str
    en: str
    gold: frozenset[tuple[Span, Span]]  # (ar span, en span) of every gold bead


def flores_documents() -> list[list[tuple[str, str]]]:
    """FLORES-200 devtest grouped into its source articles: lists of (ar, en)."""
    d = DATA / "flores200"
    ar = (d / "arb_Arab.devtest").read_text("utf-8").splitlines()
    en = (d / "eng_Latn.devtest").read_text("utf-8").splitlines()
    urls = [row.split("\t")[0] for row in
            (d / "metadata_devtest.tsv").read_text("utf-8").splitlines()[1:]]
    docs: list[list[tuple[str, str]]] = []
    last = None
    for url, a, e in zip(urls, ar, en):
        if url != last:
            docs.append([])
            last = url
        docs[-1].append((a, e))
    return docs


def tico_documents(chunk: int = 24) -> list[list[tuple[str, str]]]:
    """TICO-19 documents (the CMU speech list left out), cut into chunks of ``chunk`` pairs."""
    by_url: dict[str, list[tuple[str, str]]] = {}
    with (DATA / "tico19" / "tico19.en-ar.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if "cmu.edu" in row["doc_url"]:
                continue
            by_url.setdefault(row["doc_url"], []).append((row["ar"].strip(), row["en"].strip()))
    docs = []
    for pairs in by_url.values():
        docs.extend(pairs[k:k + chunk] for k in range(0, len(pairs), chunk))
    return [d for d in docs if len(d) >= 4]


def _stray_stop(ar: str, rng: random.Random) -> tuple[str, ...]:
    """Cut an Arabic sentence with a stray ". " after a mid-sentence word."""
    words = ar.split(" ")
    if len(words) < 8:
        return (ar,)
    k = rng.randint(3, len(words) - 4)
    return (" ".join(words[:k]) + ".", " ".join(words[k:]))


def _merge_en(a: str, b: str) -> str:
    a = a.rstrip()
    if a.endswith("."):
        a = a[:-1]
    return f"{a}, and {b[:1].lower()}{b[1:]}" if b[:2] != "I " else f"{a}, and {b}"


def perturb(pairs: list[tuple[str, str]], rng: random.Random, p_merge: float = 0.1,
            p_delete: float = 0.05, p_stray: float = 0.2, per_paragraph: int = 4) -> PerturbedDoc:
    """Lay out ``pairs`` as paragraphs and perturb them; return texts and gold span beads."""
    units: list[tuple[list[str], list[str]]] = []  # gold beads: (ar pieces, en pieces)
    k = 0
    while k < len(pairs):
        ar, en = pairs[k]
        roll = rng.random()
        if roll < p_merge and k + 1 < len(pairs):
            ar2, en2 = pairs[k + 1]
            units.append(([ar, ar2], [_merge_en(en, en2)]))
            k += 2
            continue
        if roll < p_merge + p_delete:
            units.append(([ar], []) if rng.random() < 0.5 else ([], [en]))
        elif roll < p_merge + p_delete + p_stray:
            units.append((list(_stray_stop(ar, rng)), [en]))
        else:
            units.append(([ar], [en]))
        k += 1
    ar_lines: list[list[str]] = []
    en_lines: list[list[str]] = []
    spans: list[tuple[list, list]] = []
    for n, (a_pieces, e_pieces) in enumerate(units):
        if n % per_paragraph == 0:
            ar_lines.append([])
            en_lines.append([])
        spans.append(([], []))
        for pieces, lines, slot in ((a_pieces, ar_lines, 0), (e_pieces, en_lines, 1)):
            for piece in pieces:
                lines[-1].append(piece)
                spans[-1][slot].append((len(lines) - 1, len(lines[-1]) - 1))
    ar_text, ar_pos = _layout(ar_lines)
    en_text, en_pos = _layout(en_lines)
    gold = set()
    for a_idx, e_idx in spans:
        gold.add((_span(ar_pos, a_idx), _span(en_pos, e_idx)))
    return PerturbedDoc(ar_text, en_text, frozenset(gold))


def _layout(lines: list[list[str]]) -> tuple[str, dict]:
    pos: dict[tuple[int, int], tuple[int, int]] = {}
    out = []
    offset = 0
    for li, pieces in enumerate(lines):
        parts = []
        for pi, piece in enumerate(pieces):
            if parts:
                offset += 1
            pos[(li, pi)] = (offset, offset + len(piece))
            parts.append(piece)
            offset += len(piece)
        out.append(" ".join(parts))
        offset += 1  # newline
    return "\n".join(out) + "\n", pos


def _span(pos: dict, idx: list) -> Span:
    if not idx:
        return None
    return pos[idx[0]][0], pos[idx[-1]][1]


def make_documents(source: str = "flores", n_docs: int = 10, seed: int = 0,
                   **kwargs) -> list[PerturbedDoc]:
    """``n_docs`` perturbed documents from ``source`` ("flores" joins 3 articles per document)."""
    rng = random.Random(seed)
    if source == "flores":
        articles = flores_documents()
        rng.shuffle(articles)
        bases = [[p for art in articles[k:k + 3] for p in art] for k in range(0, 3 * n_docs, 3)]
    else:
        docs = tico_documents()
        rng.shuffle(docs)
        bases = docs[:n_docs]
    return [perturb(b, rng, **kwargs) for b in bases]


def predicted_beads(pairs: Iterable, ar_is_src: bool = True) -> frozenset:
    """Span beads of an alignment (pairs from :func:`aligner.align.align_documents`)."""
    out = set()
    for p in pairs:
        a = (p.src[0].loc.start, p.src[-1].loc.end) if p.src else None
        e = (p.tgt[0].loc.start, p.tgt[-1].loc.end) if p.tgt else None
        out.add((a, e) if ar_is_src else (e, a))
    return frozenset(out)


def _inside(inner, outer) -> bool:
    if inner is None or outer is None:
        return inner is None and outer is None
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def coarsen(pred: frozenset, gold: frozenset) -> frozenset:
    """Merge predicted beads that together make up one gold bead.

    A gold bead is a whole line of the parallel data, and some lines hold two sentences:
    aligning those sentences one by one is finer than the gold, not wrong. Beads that cross a
    gold boundary stay as they are and count as errors.
    """
    groups: dict = {}
    out = set()
    for bead in pred:
        home = next((g for g in gold if g[0] and g[1] and bead[0] and bead[1]
                     and _inside(bead[0], g[0]) and _inside(bead[1], g[1])), None)
        if home is None:
            out.add(bead)
        else:
            groups.setdefault(home, []).append(bead)
    for home, beads in groups.items():
        merged = ((min(b[0][0] for b in beads), max(b[0][1] for b in beads)),
                  (min(b[1][0] for b in beads), max(b[1][1] for b in beads)))
        if merged == home:
            out.add(home)
        else:
            out.update(beads)
    return frozenset(out)


def f1(gold: frozenset, pred: frozenset) -> float:
    """Strict bead F1 (exact span match), after :func:`coarsen`."""
    pred = coarsen(pred, gold)
    hit = len(gold & pred)
    if not hit:
        return 0.0
    precision, recall = hit / len(pred), hit / len(gold)
    return 2 * precision * recall / (precision + recall)
