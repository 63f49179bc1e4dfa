"""Refit the word translation table (``aligner/data/word_table.tsv.gz``) from the tune split.

Usage: ``python scripts/fit_word_table.py [--out PATH] [--iterations N] [--fold K/N]``
(deterministic: the same data gives the same file, byte for byte).

IBM Model 1 (with a NULL word), fitted by EM in NumPy in both directions, p(en|ar) and
p(ar|en), over every sentence pair of the tune split (``docs/evaluation.md``): TICO-19
(``tests/data/tico19``, CC0) and UD Arabic-PUD (``tests/data/ud-arabic-pud``, CC BY-SA 3.0;
the table is a derived work of it and carries that licence, see
``aligner/data/word_table.LICENSE``). Words are the light stems of
:mod:`aligner.similarity.words`. Kept: stem pairs whose stems were both seen twice or more and
whose larger probability is at least ``KEEP``; the stem counts of stems seen twice or more.

``--fold K/N`` leaves out the pairs whose Arabic hashes to fold K of N (for measuring a table
on pairs it never saw; the shipped table uses every pair).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import sys
import zlib
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from aligner.similarity.words import DATA, ar_tokens, en_tokens  # noqa: E402

TUNE = ROOT / "tests" / "data"
KEEP = 0.02
COVER = 0.05
MIN_STEM = 2
NULL = "<null>"


def tune_pairs() -> list[tuple[str, str]]:
    """Every (Arabic, English) sentence pair of the tune split, in file order."""
    out = []
    with open(TUNE / "tico19" / "tico19.en-ar.tsv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            out.append((row["ar"].strip(), row["en"].strip()))
    ar_text = None
    path = TUNE / "ud-arabic-pud" / "ar_pud-ud-test.conllu"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            ar_text = line[len("# text = "):].strip()
        elif line.startswith("# text_en = ") and ar_text:
            out.append((ar_text, line[len("# text_en = "):].strip()))
            ar_text = None
    return [(a, e) for a, e in out if a and e]


def fold_of(arabic: str, folds: int) -> int:
    return zlib.crc32(arabic.encode("utf-8")) % folds


def model1(sources: list[list[int]], targets: list[list[int]], n_src: int,
           iterations: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """IBM Model 1 p(target|source), source id 0 being NULL. Returns the distinct
    (source, target) pairs that co-occur and their probabilities."""
    src_idx, tgt_idx, groups = [], [], []
    g = 0
    for src, tgt in zip(sources, targets):
        s = np.array([0, *src], dtype=np.int64)
        for t in tgt:
            src_idx.append(s)
            tgt_idx.append(np.full(len(s), t, dtype=np.int64))
            groups.append(np.full(len(s), g, dtype=np.int64))
            g += 1
    s_all = np.concatenate(src_idx)
    t_all = np.concatenate(tgt_idx)
    grp = np.concatenate(groups)
    n_tgt = int(t_all.max()) + 1
    keys, inverse = np.unique(s_all * n_tgt + t_all, return_inverse=True)
    pair_src = keys // n_tgt
    prob = np.ones(len(keys))
    for _ in range(iterations):
        w = prob[inverse]
        post = w / np.bincount(grp, weights=w, minlength=g)[grp]
        count = np.bincount(inverse, weights=post, minlength=len(keys))
        total = np.bincount(pair_src, weights=count, minlength=n_src)
        prob = count / total[pair_src]
    return pair_src, keys % n_tgt, prob


Stems = list[list[str]]


def stem_table(ar_sents: Stems, en_sents: Stems, iterations: int,
               ) -> dict[tuple[str, str], tuple[float, float]]:
    """Model 1 both ways: (Arabic stem, English stem) → (p(en|ar), p(ar|en))."""
    ar_vocab = [NULL, *sorted({s for sent in ar_sents for s in sent})]
    en_vocab = [NULL, *sorted({s for sent in en_sents for s in sent})]
    ar_id = {s: k for k, s in enumerate(ar_vocab)}
    en_id = {s: k for k, s in enumerate(en_vocab)}
    ar_ids = [[ar_id[s] for s in sent] for sent in ar_sents]
    en_ids = [[en_id[s] for s in sent] for sent in en_sents]
    a1, e1, p_e_a = model1(ar_ids, en_ids, len(ar_vocab), iterations)
    e2, a2, p_a_e = model1(en_ids, ar_ids, len(en_vocab), iterations)
    table: dict[tuple[int, int], list[float]] = {}
    for a, e, p in zip(a1.tolist(), e1.tolist(), p_e_a.tolist()):
        table.setdefault((a, e), [0.0, 0.0])[0] = p
    for e, a, p in zip(e2.tolist(), a2.tolist(), p_a_e.tolist()):
        table.setdefault((a, e), [0.0, 0.0])[1] = p
    return {(ar_vocab[a], en_vocab[e]): (pe, pa) for (a, e), (pe, pa) in table.items()
            if a and e}


def covered_counts(ar_sents: Stems, en_sents: Stems, iterations: int,
                   ) -> tuple[Counter, Counter]:
    """Per stem, how many of its occurrences have a translation in their own pair (a score of
    at least ``COVER`` either way) by a table fitted on the *other* half of the data (in-sample,
    Model 1 links every word to something). Words that translators leave out or render
    freely ("during", "so") score low: their absence from a pair proves little."""
    ar_cov: Counter = Counter()
    en_cov: Counter = Counter()
    half = [k % 2 for k in range(len(ar_sents))]
    for fold in (0, 1):
        train = [k for k, h in enumerate(half) if h != fold]
        table = stem_table([ar_sents[k] for k in train], [en_sents[k] for k in train],
                           iterations)
        for k, h in enumerate(half):
            if h != fold:
                continue
            a_sent, e_sent = ar_sents[k], en_sents[k]
            for a in a_sent:
                ar_cov[a] += any(max(table.get((a, e), (0.0, 0.0))) >= COVER for e in e_sent)
            for e in e_sent:
                en_cov[e] += any(max(table.get((a, e), (0.0, 0.0))) >= COVER for a in a_sent)
    return ar_cov, en_cov


def fit(pairs: list[tuple[str, str]], iterations: int = 10) -> str:
    """The table file's text for these pairs."""
    ar_sents = [[t.stem for t in ar_tokens(a)] for a, _e in pairs]
    en_sents = [[t.stem for t in en_tokens(e)] for _a, e in pairs]
    ar_count = Counter(s for sent in ar_sents for s in sent)
    en_count = Counter(s for sent in en_sents for s in sent)
    table = stem_table(ar_sents, en_sents, iterations)
    ar_cov, en_cov = covered_counts(ar_sents, en_sents, iterations)
    lines = [f"c\tar\t{s}\t{n}\t{ar_cov[s] / n:.3f}"
             for s, n in sorted(ar_count.items()) if n >= MIN_STEM]
    lines += [f"c\ten\t{s}\t{n}\t{en_cov[s] / n:.3f}"
              for s, n in sorted(en_count.items()) if n >= MIN_STEM]
    rows = [f"t\t{a}\t{e}\t{pe:.4f}\t{pa:.4f}" for (a, e), (pe, pa) in table.items()
            if max(pe, pa) >= KEEP and ar_count[a] >= MIN_STEM and en_count[e] >= MIN_STEM]
    return "\n".join(lines + sorted(rows)) + "\n"


def write(text: str, out: Path) -> None:
    # mtime 0 and no file name in the header: the same table gives the same bytes.
    with open(out, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                                               mtime=0, compresslevel=9) as fh:
        fh.write(text.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DATA)
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--fold", default=None, help="K/N: leave out fold K of N")
    args = parser.parse_args(argv)
    pairs = tune_pairs()
    if args.fold:
        k, n = (int(x) for x in args.fold.split("/"))
        pairs = [p for p in pairs if fold_of(p[0], n) != k]
    write(fit(pairs, args.iterations), args.out)
    print(f"{args.out}: {len(pairs)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
