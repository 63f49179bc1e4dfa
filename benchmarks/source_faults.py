"""Held-out evaluation of the source-fault checks: faults injected into clean parallel documents.

Data (``docs/evaluation.md``): the **tune** split is TICO-19 and UD Arabic-PUD (each Arabic
sentence with its English), the **test** split FLORES-200 devtest and Tatoeba. Sentences are
grouped into documents of 10-30 sentences (FLORES and TICO-19 by their document URL, UD-PUD by
its ``newdoc`` ids, consecutive short documents joined; Tatoeba's unrelated sentences in runs of
20), laid out as paragraphs of 2-5 sentences, English first, then Arabic (a combined file, as a
user would give it).

Damage (``stray-period``): with a fixed seed per split, a third of the Arabic sentences get ". "
after a word inside them, as ``tests/perturb_docs.py`` does it: at a space with at least three
words on either side, after an Arabic letter. The gold is the character offset of each inserted
stop. Every document is also checked undamaged.

Figures per split and check:

* ``injected``: stops inserted; ``found``: those covered by a finding (warning or error);
  recall = found / injected;
* precision: findings (warning or error) on an inserted stop / all findings in the damaged
  documents;
* ``clean_errors``: error findings in the undamaged documents, per 100 of their pairs.

A document the reader refuses (a Tatoeba line in the other script can make a combined file look
interleaved) is skipped and counted (``refused``).

The baseline row is what a user of the aligner has without the check: every full stop the
alignment ran through (``Sentence.joins``), reported as stray.

Usage: ``python benchmarks/source_faults.py [--full] [--split tune|test]``. The default (quick)
size runs in about a minute; ``--full`` uses every document. If ``benchmarks/faults_en.py``
(the English one-language checks) is importable, its rows are printed in the same table.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
# The repository root goes last, so an aligner already on PYTHONPATH (another checkout) wins.
for _extra in (str(ROOT), str(Path(__file__).resolve().parent), str(ROOT / "tests")):
    if _extra not in sys.path:
        sys.path.append(_extra)

SPLITS = ("tune", "test")
SEEDS = {"tune": 11, "test": 23}
RATE = 1 / 3                # share of Arabic sentences that get a stray stop
QUICK_DOCS = 30             # documents per source in the default (quick) run
DOC_MIN, DOC_MAX = 10, 30   # sentences per document
CHECK = "stray-period"
SHOWN = ("warning", "error")


@dataclass(frozen=True)
class Doc:
    """One document: its (arabic, english) sentence pairs, in order."""

    source: str
    pairs: tuple[tuple[str, str], ...]


# --- loading -------------------------------------------------------------------------------

def _flores() -> list[tuple[str, list[tuple[str, str]]]]:
    base = DATA / "flores200"
    ar = (base / "arb_Arab.devtest").read_text(encoding="utf-8").splitlines()
    en = (base / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    with open(base / "metadata_devtest.tsv", encoding="utf-8", newline="") as fh:
        urls = [row["URL"] for row in csv.DictReader(fh, delimiter="\t")]
    return _by_key(zip(urls, zip(ar, en)))


def _tatoeba() -> list[tuple[str, list[tuple[str, str]]]]:
    base = DATA / "tatoeba"
    ar = (base / "tatoeba.ara-eng.ara").read_text(encoding="utf-8").splitlines()
    en = (base / "tatoeba.ara-eng.eng").read_text(encoding="utf-8").splitlines()
    return _by_key((str(i // 20), pair) for i, pair in enumerate(zip(ar, en)))


def _tico() -> list[tuple[str, list[tuple[str, str]]]]:
    rows = []
    with open(DATA / "tico19" / "tico19.en-ar.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if "speech.cs.cmu.edu" in row["doc_url"]:
                continue  # isolated speech prompts, not running text
            rows.append((row["doc_url"], (row["ar"], row["en"])))
    return _by_key(rows)


def _written() -> list[tuple[str, list[tuple[str, str]]]]:
    """The pairs written for this project (tune data): everyday sentences in runs of 20, as
    Tatoeba's are read, and articles by their id."""
    from perturb_docs import load_written

    everyday, articles = load_written()
    rows = [(f"everyday-{i // 20}", pair) for i, pair in enumerate(everyday)]
    rows += [(key, pair) for key, group in articles for pair in group]
    return _by_key(rows)


def pud_sentences() -> Iterator[tuple[str, str, str, list[list[str]]]]:
    """UD Arabic-PUD: ``(doc_id, arabic, english, token rows)`` per sentence."""
    doc = text = text_en = ""
    rows: list[list[str]] = []
    path = DATA / "ud-arabic-pud" / "ar_pud-ud-test.conllu"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newdoc id"):
            doc = line.split("=", 1)[1].strip()
        elif line.startswith("# text_en"):
            text_en = line.split("=", 1)[1].strip()
        elif line.startswith("# text ="):
            text = line.split("=", 1)[1].strip()
        elif not line.strip():
            if rows:
                yield doc, text, text_en, rows
            rows = []
        elif not line.startswith("#"):
            rows.append(line.split("\t"))
    if rows:
        yield doc, text, text_en, rows


def _pud() -> list[tuple[str, list[tuple[str, str]]]]:
    return _by_key((doc, (ar, en)) for doc, ar, en, _rows in pud_sentences())


def _by_key(rows) -> list[tuple[str, list[tuple[str, str]]]]:
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    for key, (ar, en) in rows:
        ar, en = " ".join(ar.split()), " ".join(en.split())
        if not ar or not en:
            continue
        if not groups or groups[-1][0] != key:
            groups.append((key, []))
        groups[-1][1].append((ar, en))
    return groups


LOADERS = {"tico19": _tico, "ud-pud": _pud, "written": _written, "flores200": _flores,
           "tatoeba": _tatoeba}
SOURCES = {"tune": ("tico19", "ud-pud", "written"), "test": ("flores200", "tatoeba")}


def documents(split: str, quick: bool = True) -> list[Doc]:
    """The split's documents of ``DOC_MIN``-``DOC_MAX`` sentences, in file order."""
    out: list[Doc] = []
    for source in SOURCES[split]:
        docs: list[Doc] = []
        current: list[tuple[str, str]] = []
        for _key, group in LOADERS[source]():
            for k in range(0, len(group), DOC_MAX):
                current.extend(group[k:k + DOC_MAX])
                if len(current) >= DOC_MIN:
                    docs.append(Doc(source, tuple(current[:DOC_MAX])))
                    current = []
        if quick:
            # Spread over the file, so a quick run is not just its first topic.
            step = max(1, len(docs) // QUICK_DOCS)
            docs = docs[::step][:QUICK_DOCS]
        out.extend(docs)
    return out


# --- damage --------------------------------------------------------------------------------

_AR_LETTER = re.compile(r"[\u0621-\u064A]")


def insert_stop(sentence: str, rng: random.Random) -> tuple[str, int | None]:
    """``sentence`` with ". " after a word inside it, and the stop's offset (``None``: unchanged).

    As ``tests/perturb_docs.py``: a space with three words or more on either side, after an
    Arabic letter.
    """
    spaces = [m.start() for m in re.finditer(" ", sentence)][2:-2]
    if not spaces:
        return sentence, None
    at = rng.choice(spaces)
    if not _AR_LETTER.match(sentence[at - 1]):
        return sentence, None
    return sentence[:at] + "." + sentence[at:], at


def render(doc: Doc, rng: random.Random | None) -> tuple[str, list[int]]:
    """A combined file (English paragraphs, then Arabic ones) and the offsets of inserted stops.

    Paragraph lengths come from a generator seeded by the document itself, so the damaged and
    the clean version of a document have the same layout.
    """
    layout = random.Random(len(doc.pairs) * 7919 + len(doc.pairs[0][0]))
    paragraphs: list[list[int]] = []
    k = 0
    while k < len(doc.pairs):
        size = layout.randint(2, 5)
        paragraphs.append(list(range(k, min(k + size, len(doc.pairs)))))
        k += size
    english = "\n".join(" ".join(doc.pairs[i][1] for i in par) for par in paragraphs) + "\n"
    pos = len(english)
    lines, gold = [], []
    for par in paragraphs:
        parts = []
        for i in par:
            sentence, at = doc.pairs[i][0], None
            if rng is not None and rng.random() < RATE:
                sentence, at = insert_stop(sentence, rng)
            if at is not None:
                gold.append(pos + sum(len(p) + 1 for p in parts) + at)
            parts.append(sentence)
        line = " ".join(parts)
        lines.append(line)
        pos += len(line) + 1
    return english + "\n".join(lines) + "\n", gold


# --- running -------------------------------------------------------------------------------

def _row(check: str, split: str) -> dict:
    return {"check": check, "split": split, "injected": 0, "found": 0, "findings": 0,
            "true_findings": 0, "clean_pairs": 0, "clean_errors": 0}


def evaluate(split: str, quick: bool = True) -> list[dict]:
    """Rows for ``stray-period`` and its baseline on one split (keys as in ``faults_en``)."""
    from aligner import Config, InputError, check

    rng = random.Random(SEEDS[split])
    ours, base = _row(CHECK, split), _row("(baseline: every joined stop)", split)
    config = Config(enabled=(CHECK,))
    refused = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, doc in enumerate(documents(split, quick)):
            # Drawn before checking, so a refused document does not shift the damage of the rest.
            texts = [render(doc, rng), render(doc, None)]
            results = []
            for (text, _gold), name in zip(texts, ("d", "c")):
                path = Path(tmp) / f"doc{n}{name}.txt"
                path.write_text(text, encoding="utf-8")
                try:
                    results.append(check([str(path)], config))
                except InputError as exc:
                    # A Tatoeba line in the other script can make the combined file look
                    # interleaved; the reader refuses it, as it would a user's file.
                    print(f"[{split}: document {n} refused: {exc}]", file=sys.stderr)
                    refused += 1
                    break
            if len(results) < 2:
                continue
            for damaged, (text, gold), result in zip((True, False), texts, results):
                spans = [(f.loc.start, f.loc.end, f.severity.value) for f in result.findings
                         if f.check == CHECK and f.loc is not None]
                joined = [(m, m + 1, "error") for m in _joined_stops(result, text)]
                for row, found in ((ours, spans), (base, joined)):
                    if damaged:
                        _score_damaged(row, found, gold)
                    else:
                        row["clean_pairs"] += len(result.pairs)
                        row["clean_errors"] += sum(sev == "error" for _s, _e, sev in found)
    ours["refused"] = base["refused"] = refused
    return [ours, base]


def _score_damaged(row: dict, found: list[tuple[int, int, str]], gold: list[int]) -> None:
    shown = [(s, e) for s, e, sev in found if sev in SHOWN]
    row["injected"] += len(gold)
    row["found"] += sum(any(s <= g < e for s, e in shown) for g in gold)
    row["findings"] += len(shown)
    row["true_findings"] += sum(any(s <= g < e for g in gold) for s, e in shown)


def _joined_stops(result, text: str) -> list[int]:
    """File offsets of the full stops that the alignment ran through on the Arabic side."""
    out = []
    for pair in result.pairs:
        for sent in pair.src:
            for off, _conf, _reason in sent.joins:
                i = sent.loc.start + off - 1
                while i > sent.loc.start and text[i] in "\"”»’)]":
                    i -= 1
                if text[i] == ".":
                    out.append(i)
    return out


def _ratio(num: float, den: float) -> str:
    return f"{num / den:.3f}" if den else "-"


def table(rows: list[dict]) -> str:
    head = (f"{'check':<30} {'split':<5} {'injected':>8} {'found':>6} {'recall':>7} "
            f"{'findings':>8} {'precision':>9} {'clean pairs':>11} {'errors/100':>10}")
    lines = [head, "-" * len(head)]
    for r in rows:
        per100 = f"{100 * r['clean_errors'] / r['clean_pairs']:.2f}" if r["clean_pairs"] else "-"
        lines.append(f"{r['check']:<30} {r['split']:<5} {r['injected']:>8} {r['found']:>6} "
                     f"{_ratio(r['found'], r['injected']):>7} {r['findings']:>8} "
                     f"{_ratio(r['true_findings'], r['findings']):>9} {r['clean_pairs']:>11} "
                     f"{per100:>10}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--full", action="store_true", help="every document, not a sample")
    parser.add_argument("--split", choices=SPLITS, action="append",
                        help="split(s) to run (default: both)")
    args = parser.parse_args(argv)
    quick = not args.full
    try:
        import faults_en  # type: ignore[import-not-found]
    except ImportError:
        faults_en = None
    rows: list[dict] = []
    for split in args.split or SPLITS:
        started = time.perf_counter()
        rows.extend(evaluate(split, quick))
        if faults_en is not None:
            rows.extend(faults_en.evaluate(split, quick))
        print(f"[{split}: {time.perf_counter() - started:.0f} s]", file=sys.stderr)
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
