"""Is there signal for wrong terms and cut clauses in contextual word alignment? (figures)

    python benchmarks/word_align_signal.py [--clean N] [--layers 4,6,8,10,12]

SimAlign-style alignment on the token states of the bundled e5-small
(:mod:`aligner.similarity.e5_tokens`): a word's vector is the mean of its pieces' states at layer
L; the cosine matrix between the English and the Arabic words of a pair is aligned by argmax in
both directions (``inter``: the pairs that are each other's best) and by itermax (``itermax``:
inter, then the remaining words' mutual best among the unaligned, twice).

Tune split only (``benchmarks/drift.py``'s ``build("tune", full=True)``): every pair with a
replaced noun phrase (``term``) or a cut clause (``clause``), and ``--clean`` clean pairs. Printed
per layer and method:

* clean pairs: the share of English content words left unaligned;
* term pairs: the share of the replaced phrase's content words left unaligned, and the share of
  phrases with *all* content words unaligned, beside the same for the noun phrases of clean
  pairs (drift.py's own noun-phrase finder, so both are the same kind of phrase);
* clause pairs: the Arabic words that the cut English words aligned to in the undamaged pair
  (the clause's Arabic counterpart) and the share of them left unaligned once the clause is cut,
  beside the share of Arabic content words left unaligned in clean pairs.

Word vectors are cached under ``.aligner-cache/word_align_signal`` (a rerun with the same texts
and layers encodes nothing).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "benchmarks"), str(ROOT)]

import drift  # noqa: E402

from aligner.similarity import words  # noqa: E402
from aligner.similarity.e5_tokens import E5Tokens  # noqa: E402

CACHE = ROOT / ".aligner-cache" / "word_align_signal"


@dataclass
class Pair:
    ar: str
    en: str
    kind: str | None
    original: str
    #: term: the replaced phrase's span in ``en``; clause: the cut words' span in ``original``
    gold: tuple[int, int] | None


def changed(a: str, b: str) -> tuple[int, int, int, int]:
    """Common prefix/suffix diff: ``a[i:ja]`` was replaced by ``b[i:jb]``."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    ja, jb = len(a), len(b)
    while ja > i and jb > i and a[ja - 1] == b[jb - 1]:
        ja -= 1
        jb -= 1
    return i, ja, i, jb


def pairs(n_clean: int, seed: int = 5) -> list[Pair]:
    out = []
    for doc in drift.build("tune", full=True):
        for k, (a0, a1, e0, e1) in enumerate(doc.spans):
            kind = doc.kinds[k]
            ar, en, orig = doc.ar_text[a0:a1], doc.en_text[e0:e1], doc.originals[k]
            gold = None
            if kind == "term":
                i, _ja, _i, jb = changed(orig, en)
                gold = (i, jb)
            elif kind == "clause":
                i, ja, _i, _jb = changed(orig, en)
                gold = (i, ja)
            if kind in (None, "term", "clause"):
                out.append(Pair(ar, en, kind, orig, gold))
    rng = random.Random(seed)
    clean = [p for p in out if p.kind is None]
    keep = set(map(id, rng.sample(clean, min(n_clean, len(clean)))))
    return [p for p in out if p.kind is not None or id(p) in keep]


def is_content_en(t: words.Token) -> bool:
    return (len(t.text) > 2 and not t.text.isdigit() and t.stem not in words.EN_CLOSED)


def is_content_ar(t: words.Token) -> bool:
    return (len(t.text) > 2 and not t.text.isdigit() and t.stem not in words.AR_CLOSED)


def word_vectors(model: E5Tokens, texts: list[str], toks: list[list[words.Token]],
                 layers: tuple[int, ...]) -> list[np.ndarray]:
    """Per text ``[layer, word, 384]`` L2-normalised, cached on disk by text and layers."""
    CACHE.mkdir(parents=True, exist_ok=True)
    key = hashlib.sha256(("\x00".join(texts) + repr(layers)).encode()).hexdigest()[:20]
    path = CACHE / f"{key}.npz"
    if path.exists():
        data = np.load(path)
        return [data[str(i)] for i in range(len(texts))]
    out = []
    t0 = time.time()
    for start in range(0, len(texts), 64):
        chunk = texts[start:start + 64]
        for st, tk in zip(model.encode(chunk, layers=layers), toks[start:start + 64],
                          strict=True):
            vec = np.zeros((len(layers), max(1, len(tk)), st.states.shape[-1]), np.float32)
            for w, t in enumerate(tk):
                pieces = [j for j, (a, b) in enumerate(st.spans) if a < t.end and b > t.start]
                if pieces:
                    vec[:, w] = st.states[:, pieces].mean(1)
            vec /= np.maximum(np.linalg.norm(vec, axis=-1, keepdims=True), 1e-9)
            out.append(vec.astype(np.float16))
        print(f"  encoded {start + len(chunk)}/{len(texts)} ({time.time() - t0:.0f} s)",
              file=sys.stderr)
    np.savez(path, **{str(i): v for i, v in enumerate(out)})
    return out


def align(sim: np.ndarray, method: str) -> np.ndarray:
    """Boolean ``[en, ar]`` alignment matrix."""
    fwd = sim.argmax(1)
    bwd = sim.argmax(0)
    a = np.zeros(sim.shape, bool)
    for i, j in enumerate(fwd):
        if bwd[j] == i:
            a[i, j] = True
    if method == "itermax":
        for _ in range(2):
            free_en = ~a.any(1)
            free_ar = ~a.any(0)
            if not free_en.any() or not free_ar.any():
                break
            sub = np.where(free_en[:, None] & free_ar[None, :], sim, -np.inf)
            f = sub.argmax(1)
            b = sub.argmax(0)
            for i in np.flatnonzero(free_en):
                j = f[i]
                if free_ar[j] and b[j] == i:
                    a[i, j] = True
    return a


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clean", type=int, default=600)
    parser.add_argument("--layers", default="4,6,8,10,12")
    args = parser.parse_args(argv)
    layers = tuple(int(x) for x in args.layers.split(","))
    ps = pairs(args.clean)
    print(f"pairs: {sum(p.kind is None for p in ps)} clean, "
          f"{sum(p.kind == 'term' for p in ps)} term, {sum(p.kind == 'clause' for p in ps)} clause")
    ar_toks = [words.ar_tokens(p.ar) for p in ps]
    en_toks = [words.en_tokens(p.en) for p in ps]
    orig_idx = [k for k, p in enumerate(ps) if p.kind == "clause"]
    orig_toks = [words.en_tokens(ps[k].original) for k in orig_idx]
    model = E5Tokens()
    ar_v = word_vectors(model, [p.ar for p in ps], ar_toks, layers)
    en_v = word_vectors(model, [p.en for p in ps], en_toks, layers)
    orig_v = dict(zip(orig_idx, word_vectors(model, [ps[k].original for k in orig_idx],
                                             orig_toks, layers), strict=True))
    orig_t = dict(zip(orig_idx, orig_toks, strict=True))
    for li, layer in enumerate(layers):
        for method in ("inter", "itermax"):
            clean_en = [0, 0]
            clean_ar = [0, 0]
            clean_np = [0, 0, 0]     # phrases, content words unaligned / total, phrases all out
            term = [0, 0, 0]
            clause = [0, 0]          # counterpart words unaligned after the cut / total
            for k, p in enumerate(ps):
                at, et = ar_toks[k], en_toks[k]
                if not at or not et:
                    continue
                sim = en_v[k][li, :len(et)].astype(np.float32) @ ar_v[k][li, :len(at)].astype(
                    np.float32).T
                a = align(sim, method)
                en_al = a.any(1)
                ar_al = a.any(0)
                if p.kind is None:
                    for w, t in enumerate(et):
                        if is_content_en(t):
                            clean_en[0] += not en_al[w]
                            clean_en[1] += 1
                    for w, t in enumerate(at):
                        if is_content_ar(t):
                            clean_ar[0] += not ar_al[w]
                            clean_ar[1] += 1
                    for s, e, _ph in drift.noun_phrases(p.en):
                        ws = [w for w, t in enumerate(et) if t.start >= s and t.end <= e
                              and is_content_en(t)]
                        if ws:
                            clean_np[0] += 1
                            clean_np[1] += sum(not en_al[w] for w in ws)
                            clean_np[2] += all(not en_al[w] for w in ws)
                elif p.kind == "term" and p.gold:
                    s, e = p.gold
                    ws = [w for w, t in enumerate(et) if t.end > s and t.start < e
                          and is_content_en(t)]
                    if ws:
                        term[0] += 1
                        term[1] += sum(not en_al[w] for w in ws)
                        term[2] += all(not en_al[w] for w in ws)
                elif p.kind == "clause" and p.gold:
                    ot = orig_t[k]
                    osim = orig_v[k][li, :len(ot)].astype(np.float32) @ ar_v[k][
                        li, :len(at)].astype(np.float32).T
                    oa = align(osim, method)
                    s, e = p.gold
                    cut = [w for w, t in enumerate(ot) if t.end > s and t.start < e]
                    counterpart = {j for w in cut for j in np.flatnonzero(oa[w])
                                   if is_content_ar(at[j])}
                    clause[0] += sum(not ar_al[j] for j in counterpart)
                    clause[1] += len(counterpart)
            clean_words_np = sum(
                1 for k, p in enumerate(ps) if p.kind is None
                for s, e, _ in drift.noun_phrases(p.en)
                for t in en_toks[k] if t.start >= s and t.end <= e and is_content_en(t))
            print(f"layer {layer:2d} {method:7s}: clean EN content unaligned "
                  f"{clean_en[0] / max(1, clean_en[1]):.2f}, clean AR content unaligned "
                  f"{clean_ar[0] / max(1, clean_ar[1]):.2f} | clean NP words unaligned "
                  f"{clean_np[1] / max(1, clean_words_np):.2f}, NPs all unaligned "
                  f"{clean_np[2] / max(1, clean_np[0]):.3f} (n={clean_np[0]}) | replaced NP "
                  f"all unaligned {term[2] / max(1, term[0]):.2f} (n={term[0]}) | clause "
                  f"counterpart unaligned after cut {clause[0] / max(1, clause[1]):.2f} "
                  f"(n={clause[1]})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
