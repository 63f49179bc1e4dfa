"""Refit the Arabic boundary model (``aligner/data/ar_boundary.tsv``) from the tune split.

Usage: ``python scripts/fit_boundary_model.py [--out PATH]`` (deterministic; numpy only).

Data: the tune split only (``docs/evaluation.md``): TICO-19, UD Arabic-PUD and the sentences
written for the project (``tests/data/written/``: everyday sentences, in documents of 20, and
name-dense articles), which teach the model that everyday text has two-word sentences.

* The lexicon: per word, UD Arabic-PUD counts of its last and first syntactic token's class
  (part of speech, construct state, whether the token's head lies to its right or left), and how
  often the word occurs, ends and opens a sentence in the tune split's sentences.
* Examples: every ". " that ends a sentence inside a tune document is a negative (a real end);
  ". " inserted after a word inside a tune sentence (two random places per sentence, at least
  two words on either side) is a positive (a stray stop).
* Features of an example are computed with a lexicon built from the *other* half of the
  documents (two folds), so the weights learn how far a word's counts can be trusted on text
  that did not produce them; the shipped lexicon is built from all of them.
* Fit: L2-regularised logistic regression by Newton's method, classes weighted to balance.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
for extra in (str(ROOT), str(ROOT / "benchmarks")):
    if extra not in sys.path:
        sys.path.append(extra)

from source_faults import LOADERS, pud_sentences  # noqa: E402

from aligner.segment import boundary  # noqa: E402
from aligner.text import normalize_arabic  # noqa: E402

SEED = 5
L2 = 1.0
POSITIVES_PER_SENTENCE = 2
MIN_OCC = 4  # words rarer than this (and seen once at most in UD-PUD) are not shipped
OUT = ROOT / "aligner" / "data" / boundary.DATA_FILE
HEADER = """\
# Arabic sentence-boundary model for aligner (aligner/segment/boundary.py).
# Written by scripts/fit_boundary_model.py; do not edit by hand, refit.
# Derived from UD Arabic-PUD (CC BY-SA 3.0, UniversalDependencies/UD_Arabic-PUD), TICO-19
# (CC0 1.0) and the pairs written for aligner (tests/data/written, CC0 1.0); this file is
# shared under CC BY-SA 3.0 accordingly.
# Rows: bias VALUE; weight, rate, mean NAME VALUE; word WORD COUNTS... (columns below).
# columns: {columns}
"""
_CLOSERS = "\"”»’)]"


def tune_documents() -> list[tuple[str, list[str]]]:
    """``(key, arabic sentences)`` per tune document."""
    docs = []
    for source in ("tico19", "ud-pud", "written"):
        for key, group in LOADERS[source]():
            docs.append((f"{source}:{key}", [ar for ar, _en in group]))
    return docs


def _ud_words(rows: list[list[str]], text: str) -> list[tuple[str, list[list[str]]]]:
    """Surface words of a UD sentence with their syntactic tokens (punctuation left out)."""
    groups: list[list[list[str]]] = [[]]
    for row in rows:
        if "-" in row[0] or "." in row[0]:
            continue
        groups[-1].append(row)
        if "SpaceAfter=No" not in row[9]:
            groups.append([])
    groups = [[r for r in g if r[3] != "PUNCT"] for g in groups]
    surface = [w.strip(boundary._EDGE) for w in text.split()]
    groups_kept = [g for g in groups if g]
    surface = [w for w in surface if w]
    if len(surface) == len(groups_kept):
        return list(zip(surface, groups_kept))
    return [("".join(r[1] for r in g), g) for g in groups_kept]


def _construct(tok: list[str]) -> bool:
    """A noun in the construct state: UD-PUD marks it definite (by its genitive) though it has
    no article (``Definite=Cons`` where a treebank has it)."""
    feats = tok[5]
    return "Definite=Cons" in feats or (
        tok[3] in ("NOUN", "ADJ", "NUM") and "Definite=Def" in feats
        and not normalize_arabic(tok[1]).startswith(("ال", "لل")))


def ud_counts(doc_keys: set[str]) -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for doc, text, _en, rows in pud_sentences():
        if f"ud-pud:{doc}" not in doc_keys:
            continue
        for word, toks in _ud_words(rows, text):
            c = counts.setdefault(normalize_arabic(word), Counter())
            c["ud_n"] += 1
            last, first = toks[-1], toks[0]
            upos_l, upos_f = last[3], first[3]
            c["last_adp"] += upos_l == "ADP"
            c["last_conj"] += upos_l in ("CCONJ", "SCONJ")
            c["last_part"] += upos_l == "PART"
            c["last_det"] += upos_l == "DET"
            c["last_pron"] += upos_l == "PRON"
            c["last_cons"] += _construct(last)
            c["last_headright"] += int(last[6]) > int(last[0])
            c["first_adj"] += upos_f == "ADJ"
            c["first_verb"] += upos_f in ("VERB", "AUX")
            c["first_conj"] += upos_f in ("CCONJ", "SCONJ")
            c["first_adp"] += upos_f == "ADP"
            c["first_gen"] += "Case=Gen" in first[5]
            c["first_headleft"] += 0 < int(first[6]) < int(first[0])
    return counts


def corpus_counts(docs: list[tuple[str, list[str]]], counts: dict[str, Counter]) -> None:
    for _key, sentences in docs:
        for sentence in sentences:
            words = [w for w in (boundary._strip(w) for w in sentence.split()) if w]
            for k, w in enumerate(words):
                c = counts.setdefault(normalize_arabic(w), Counter())
                c["occ"] += 1
                c["ends"] += k == len(words) - 1
                c["opens"] += k == 0


def make_model(docs, weights=None, bias=0.0) -> boundary.BoundaryModel:
    counts = ud_counts({k for k, _s in docs})
    corpus_counts(docs, counts)
    cols = boundary.COLUMNS
    ud_total = sum(c["ud_n"] for c in counts.values()) or 1
    occ_total = sum(c["occ"] for c in counts.values()) or 1
    rates = {name: sum(c[name] for c in counts.values()) / ud_total for name in cols[1:14]}
    rates["ends"] = sum(c["ends"] for c in counts.values()) / occ_total
    rates["opens"] = sum(c["opens"] for c in counts.values()) / occ_total
    lexicon = {w: tuple(int(c[name]) for name in cols) for w, c in counts.items()
               if _shipped(w, c)}
    return boundary.BoundaryModel(weights or {}, bias, lexicon, rates)


def _shipped(word: str, counts: Counter) -> bool:
    # Rare words say little (their shrunk rates are close to the global ones); leaving them out
    # of the fold lexicons too keeps the fitted weights true to the shipped file.
    if not word or any(ch.isspace() for ch in word):
        return False
    return counts["ud_n"] >= 2 or counts["occ"] >= MIN_OCC


def examples(docs, model, rng: random.Random) -> list[tuple[dict, int]]:
    out = []
    for _key, sentences in docs:
        text = " ".join(sentences)
        for m in re.finditer(r"\.([\"”»’)\]]*)(?=\s)", text):
            mark = m.start()
            if mark > 0 and text[mark - 1] == ".":
                continue
            before = text[:mark].split()
            if before and len(before[-1]) == 1:
                continue  # a one-letter abbreviation: the segmenter never asks the model
            ctx = boundary.context(text, mark, m.end())
            out.append((boundary.features(ctx, model), 0))
        offsets = []
        pos = 0
        for s in sentences:
            offsets.append(pos)
            pos += len(s) + 1
        for s, start in zip(sentences, offsets):
            spaces = [m.start() for m in re.finditer(" ", s)][1:-1]
            spaces = [a for a in spaces if boundary._LETTER.match(s[a - 1])]
            for at in rng.sample(spaces, min(POSITIVES_PER_SENTENCE, len(spaces))):
                damaged = text[:start + at] + "." + text[start + at:]
                mark = start + at
                ctx = boundary.context(damaged, mark, mark + 1)
                out.append((boundary.features(ctx, model), 1))
    return out


def fit(samples: list[tuple[dict, int]], l2: float = L2) -> tuple[dict, float]:
    names = sorted({k for f, _y in samples for k in f})
    x = np.array([[f.get(n, 0.0) for n in names] + [1.0] for f, _y in samples])
    y = np.array([label for _f, label in samples], dtype=float)
    pos = y.sum()
    w_sample = np.where(y == 1, len(y) / (2 * pos), len(y) / (2 * (len(y) - pos)))
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0  # the intercept is not shrunk
    for _ in range(50):
        p = 1 / (1 + np.exp(-np.clip(x @ beta, -30, 30)))
        grad = x.T @ (w_sample * (p - y)) + penalty * beta
        hess = (x * (w_sample * p * (1 - p))[:, None]).T @ x + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return {n: float(b) for n, b in zip(names, beta[:-1])}, float(beta[-1])


def evaluate(samples, weights, bias) -> str:
    probe = boundary.BoundaryModel(weights, bias, {}, {})
    pos = [probe.probability(f) for f, y in samples if y == 1]
    neg = [probe.probability(f) for f, y in samples if y == 0]
    out = []
    for t in (0.5, 0.8, 0.9):
        out.append(f"t={t}: recall {sum(p > t for p in pos) / len(pos):.3f}, "
                   f"false {sum(p > t for p in neg) / len(neg):.3f}")
    return "; ".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default=str(OUT))
    args = parser.parse_args(argv)
    docs = tune_documents()
    rng = random.Random(SEED)
    folds = (docs[0::2], docs[1::2])
    samples: list[tuple[dict, int]] = []
    per_fold = []
    for k in (0, 1):
        lexicon_model = make_model(folds[1 - k])
        fold_samples = examples(folds[k], lexicon_model, rng)
        per_fold.append(fold_samples)
        samples.extend(fold_samples)
    # Cross-fold check: weights from one fold's examples, scored on the other's.
    for k in (0, 1):
        w, b = fit(per_fold[k])
        print(f"fold {k} -> {1 - k}: {evaluate(per_fold[1 - k], w, b)}", file=sys.stderr)
    weights, bias = fit(samples)
    print(f"all (in-sample): {evaluate(samples, weights, bias)}", file=sys.stderr)
    full = make_model(docs)
    negatives = [f for f, y in samples if y == 0]
    means = {n: sum(f.get(n, 0.0) for f in negatives) / len(negatives) for n in weights}
    write(Path(args.out), weights, bias, means, full)
    n_pos = sum(y for _f, y in samples)
    print(f"{len(samples)} examples ({n_pos} stray), {len(full.lexicon)} words -> {args.out}",
          file=sys.stderr)
    return 0


def write(path: Path, weights: dict, bias: float, means: dict,
          model: boundary.BoundaryModel) -> None:
    lines = [HEADER.format(columns=" ".join(boundary.COLUMNS)).rstrip("\n")]
    lines.append(f"bias\t{bias:.6f}")
    lines += [f"weight\t{n}\t{v:.6f}" for n, v in sorted(weights.items())]
    lines += [f"rate\t{n}\t{v:.6f}" for n, v in sorted(model.rates.items())]
    lines += [f"mean\t{n}\t{v:.6f}" for n, v in sorted(means.items())]
    for word, counts in sorted(model.lexicon.items()):
        lines.append("word\t" + word + "\t" + "\t".join(str(c) for c in counts))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
