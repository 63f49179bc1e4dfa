"""Alignment speed and memory against document length, beside nltk's Gale-Church (figures, not a
test; issue 14).

    python benchmarks/align_speed.py            # everything: 2k, 10k, 100k, 5 MB, e5 on 100 docs
    python benchmarks/align_speed.py --quick    # 2k and 10k, Gale-Church, e5 on 10 documents

Long documents are perturbed FLORES-200 devtest documents (tests/perturb_docs.py: merges,
deletions, stray full stops) concatenated with different perturbation seeds until they reach the
size. Each size runs in its own process, so its peak RSS (``getrusage`` of that process) is its
own. Printed: segmenting and aligning time, peak RSS, strict bead F1, the growth exponent of the
alignment time, nltk ``gale_church.align_blocks`` on the 2k sentences' lengths, an unpunctuated
5 MB input through ``align check --scorer lexical``, and the default scorer (e5) end to end on
short documents with its encoder time and its search time apart.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from perturb_docs import bead_f1, make_documents, pair_spans  # noqa: E402

from aligner.align import align_documents, keep_freed_memory  # noqa: E402
from aligner.model import Block  # noqa: E402
from aligner.segment import segment  # noqa: E402
from aligner.similarity import make_scorer  # noqa: E402

PIECE = 500  # sentences of one perturbed FLORES document; long ones repeat them


def long_document(n: int) -> tuple[str, str, list]:
    """Arabic text, English text and gold beads of about ``n`` sentence pairs a side."""
    ar_parts, en_parts, gold = [], [], []
    ar_pos = en_pos = 0
    seed = 0
    count = 0
    while count < n:
        size = min(PIECE, n - count)
        (ar, en, beads), = make_documents("flores", 1, seed=seed, min_sents=size,
                                          max_sents=size)
        for s0, s1, t0, t1 in beads:
            gold.append((s0 + ar_pos if s0 >= 0 else -1, s1 + ar_pos if s0 >= 0 else -1,
                         t0 + en_pos if t0 >= 0 else -1, t1 + en_pos if t0 >= 0 else -1))
        ar_parts.append(ar)
        en_parts.append(en)
        ar_pos += len(ar)
        en_pos += len(en)
        count += size
        seed += 1
    return "".join(ar_parts), "".join(en_parts), gold


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_size(n: int, scorer: str) -> dict:
    """One size, in this process: segment, align, score (the child's job)."""
    ar_text, en_text, gold = long_document(n)
    t0 = time.perf_counter()
    ar = segment(Block("ar", "ar", ar_text, 0, len(ar_text)))
    en = segment(Block("en", "en", en_text, 0, len(en_text)))
    t1 = time.perf_counter()
    c1 = time.process_time()
    pairs = align_documents(ar, en, make_scorer(scorer))
    t2 = time.perf_counter()
    return {"n": n, "ar": len(ar.sentences), "en": len(en.sentences), "segment_s": t1 - t0,
            "align_s": t2 - t1, "align_cpu_s": time.process_time() - c1,
            "f1": bead_f1(pair_spans(pairs), gold), "rss_mb": peak_rss_mb()}


def gale_church(n: int) -> float:
    from nltk.translate import gale_church as gc

    ar_text, en_text, _ = long_document(n)
    ar = segment(Block("ar", "ar", ar_text, 0, len(ar_text)))
    en = segment(Block("en", "en", en_text, 0, len(en_text)))
    gc.MAX_ALIGN_BLOCKS = max(gc.MAX_ALIGN_BLOCKS, len(ar.sentences), len(en.sentences))
    t0, c0 = time.perf_counter(), time.process_time()
    gc.align_blocks([len(s.text) for s in ar.sentences], [len(s.text) for s in en.sentences])
    return time.perf_counter() - t0, time.process_time() - c0


def child(args: list[str], timeout: float) -> dict:
    """Run this script with ``args`` in a fresh process; its JSON line, or the failure."""
    try:
        out = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True,
                             timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    lines = [x for x in out.stdout.splitlines() if x.startswith("{")]
    return json.loads(lines[-1]) if lines else {"error": out.stderr.strip()[-300:]}


def unpunctuated(megabytes: float, timeout: float) -> dict:
    """One English and one Arabic line without punctuation, half the size each, through the
    CLI with the lexical scorer; time and peak RSS of that process."""
    half = int(megabytes * 1_000_000 / 2)
    en_words = "the minister met the delegation in the capital to discuss trade and oil".split()
    ar_words = "التقى الوزير الوفد في العاصمة لبحث التجارة والنفط مع المسؤولين".split()
    with tempfile.TemporaryDirectory() as tmp:
        en, ar = Path(tmp, "en.txt"), Path(tmp, "ar.txt")
        for path, words in ((en, en_words), (ar, ar_words)):
            reps = half // len(" ".join(words).encode("utf-8")) + 1
            path.write_text(" ".join(words * reps)[: half // 2 if path == ar else half] + "\n",
                            encoding="utf-8")
        size = (en.stat().st_size + ar.stat().st_size) / 1e6
        cmd = [sys.executable, "-c",
               "import resource, subprocess, sys, time; t = time.perf_counter(); "
               "rc = subprocess.run(sys.argv[1:], capture_output=True).returncode; "
               "print(rc, time.perf_counter() - t, "
               "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)",
               sys.executable, "-m", "aligner", "check", "--scorer", "lexical", "--no-cache",
               "-q", "--max-bytes", "100M", str(ar), str(en)]
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        try:
            out = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout,
                                 env=env, cwd=tmp, check=False)
        except subprocess.TimeoutExpired:
            return {"mb": size, "error": f"over {timeout:.0f} s"}
        rc, secs, rss = out.stdout.split()
        return {"mb": size, "rc": int(rc), "s": float(secs), "rss_mb": float(rss)}


def e5_documents(n_docs: int) -> dict:
    """The default scorer on ``n_docs`` short perturbed FLORES documents (fresh cache, so the
    encoder runs): encoder time (``prepare``), search time, and F1."""
    from aligner.align import dp

    docs = []
    seed = 0
    while len(docs) < n_docs:
        docs += make_documents("flores", n_docs - len(docs), seed=seed, min_sents=8,
                               max_sents=16)
        seed += 1
    encode = search = total = 0.0
    predicted, gold = [], []
    with tempfile.TemporaryDirectory() as cache:
        for k, (ar_text, en_text, beads) in enumerate(docs):
            t0 = time.perf_counter()
            ar = segment(Block("ar", "ar", ar_text, 0, len(ar_text)))
            en = segment(Block("en", "en", en_text, 0, len(en_text)))
            scorer = make_scorer("e5", cache_dir=cache)
            # Time the two parts of align_documents apart: prepare (encoding) and the search.
            t1 = time.perf_counter()
            scorer.prepare(ar.sentences, en.sentences)
            t2 = time.perf_counter()
            prepare, scorer.prepare = scorer.prepare, lambda *_: None
            pairs = align_documents(ar, en, scorer)
            scorer.prepare = prepare
            t3 = time.perf_counter()
            encode += t2 - t1
            search += t3 - t2
            total += t3 - t0
            predicted += [(k, *s) for s in pair_spans(pairs)]
            gold += [(k, *s) for s in beads]
    del dp
    return {"docs": len(docs), "sentences": sum(len(b) for *_, b in docs), "encode_s": encode,
            "search_s": search, "total_s": total, "f1": bead_f1(predicted, gold)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="2k and 10k sentences, e5 on 10 documents, no 5 MB input")
    parser.add_argument("--sizes", help="comma-separated sentence counts (default 2000,10000,"
                                        "100000; --quick: 2000,10000)")
    parser.add_argument("--e5-docs", type=int, help="documents for the e5 run (0: skip)")
    parser.add_argument("--scorer", default="lexical")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--gale-church", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        # As the ``align`` command does (docs/similarity.md).
        keep_freed_memory()
        print(json.dumps(run_size(args.child, args.scorer)))
        return
    if args.gale_church:
        wall, cpu = gale_church(args.gale_church)
        print(json.dumps({"s": wall, "cpu_s": cpu}))
        return
    sizes = [int(x) for x in (args.sizes or ("2000,10000" if args.quick
                                               else "2000,10000,100000")).split(",")]
    e5_docs = args.e5_docs if args.e5_docs is not None else (10 if args.quick else 100)
    load = os.getloadavg()[0]
    print(f"cores={os.cpu_count()} load average at start={load:.1f} scorer={args.scorer}")
    # Wall time is what a user waits; CPU time is the figure to compare on a shared machine.
    print(f"{'sentences':>9} {'ar':>7} {'en':>7} {'segment s':>9} {'align s':>8} "
          f"{'align CPU s':>11} {'peak RSS MB':>11} {'F1':>6}")
    rows = []
    for n in sizes:
        r = child(["--child", str(n), "--scorer", args.scorer], timeout=600)
        if "error" in r:
            print(f"{n:>9} failed: {r['error']}")
            continue
        rows.append(r)
        print(f"{n:>9} {r['ar']:>7} {r['en']:>7} {r['segment_s']:>9.2f} {r['align_s']:>8.2f} "
              f"{r['align_cpu_s']:>11.2f} {r['rss_mb']:>11.0f} {r['f1']:>6.3f}", flush=True)
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        for key, what in (("align_s", "wall"), ("align_cpu_s", "CPU")):
            exponent = math.log(b[key] / a[key]) / math.log(b["ar"] / a["ar"])
            print(f"growth exponent of align {what} time ({a['n']} → {b['n']}): {exponent:.2f}")
    if sizes and sizes[0] <= 4000:
        gc = child(["--gale-church", str(sizes[0])], timeout=600)
        if "error" in gc:
            print(f"nltk gale_church at {sizes[0]}: failed: {gc['error']}")
        else:
            ours = rows[0] if rows else {"align_s": float("nan"), "align_cpu_s": float("nan")}
            print(f"nltk gale_church.align_blocks at {sizes[0]}: {gc['s']:.2f} s, CPU "
                  f"{gc['cpu_s']:.2f} s (ours {ours['align_s']:.2f} s, CPU "
                  f"{ours['align_cpu_s']:.2f} s: {gc['cpu_s'] / ours['align_cpu_s']:.1f}× "
                  "faster in CPU time)")
    if not args.quick:
        r = unpunctuated(5.0, timeout=300)
        print(f"unpunctuated {r['mb']:.1f} MB (one English + one Arabic line), "
              + (f"align check --scorer lexical: {r['s']:.1f} s, peak RSS {r['rss_mb']:.0f} MB,"
                 f" exit {r['rc']}" if "error" not in r else r["error"]))
    if e5_docs:
        r = e5_documents(e5_docs)
        print(f"e5 end to end on {r['docs']} documents ({r['sentences']} gold beads): "
              f"{r['total_s']:.1f} s, encoder {r['encode_s']:.1f} s, search {r['search_s']:.1f} s,"
              f" F1 {r['f1']:.3f}")
    print(f"load average at end={os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
