"""The drift benchmark on the tune split with the word table cross-fitted (figures, not a test).

    python benchmarks/drift_word_folds.py [drift.py options, e.g. --full --no-glossary]

The shipped word table (``aligner/data/word_table.tsv.gz``) is fitted to every tune pair, so on
the tune split it has seen each pair it judges, and the word rule of ``omission`` (and the
``mistranslation`` rule, measured and not shipped) look better there than on unseen text.
This script fits two tables, each on half of the tune pairs
(``scripts/fit_word_table.py --fold K/2``, by a hash of the Arabic), and judges every pair
with the table that never saw it; everything else is ``benchmarks/drift.py --split tune``.
The word rules' thresholds were chosen on its figures (docs/tuning.md).
"""

from __future__ import annotations

import functools
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for _path in (str(ROOT / "benchmarks"), str(ROOT)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

FOLDS = 2


def main(argv: list[str]) -> int:
    from aligner.similarity import words

    with tempfile.TemporaryDirectory() as tmp:
        tables = []
        for k in range(FOLDS):
            out = Path(tmp) / f"fold{k}.tsv.gz"
            subprocess.run([sys.executable, str(ROOT / "scripts" / "fit_word_table.py"),
                            "--fold", f"{k}/{FOLDS}", "--out", str(out)], check=True,
                           capture_output=True, cwd=ROOT)
            tables.append(words.read_table(out))

    @functools.lru_cache(maxsize=4096)
    def held_out(arabic: str, english: str) -> words.PairWords:
        # The fit script assigns a pair to fold crc32(Arabic) % FOLDS; the table fitted
        # without that fold judges it.
        fold = zlib.crc32(arabic.strip().encode("utf-8")) % FOLDS
        return words._pair_words(arabic, english, tables[fold])

    words._shipped_pair_words = held_out  # this process only: a measurement, not a setting
    # name-mismatch reads the table too (a translated title is not a person's name).
    from aligner.checks import name_mismatch

    name_mismatch.word_table = (  # type: ignore[assignment]
        lambda arabic: tables[zlib.crc32(arabic.strip().encode("utf-8")) % FOLDS])
    import drift

    return drift.main(["--split", "tune", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
