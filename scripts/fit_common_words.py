"""Refit the common English words (``aligner/data/english_common_words.txt``) from the tune split.

Usage: ``python scripts/fit_common_words.py [--out PATH] [--min-count N]`` (deterministic).

A word that the tune split's English (TICO-19, UD Arabic-PUD and the pairs written for this
project, ``tests/data/written/``; ``docs/evaluation.md``) writes in lower case at least
``--min-count`` times is an ordinary word, so a capitalised run made of such words ("High
Court", "North Sea") is a title or a translated name rather than a person's name that Arabic
would write by sound. ``name-mismatch`` reads the list (``person_hits``).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
for extra in (str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests")):
    if extra not in sys.path:
        sys.path.append(extra)

from drift import split_groups  # noqa: E402

OUT = ROOT / "aligner" / "data" / "english_common_words.txt"
_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z]{2,}(?![\w\-])")


def common_words(min_count: int = 2) -> list[str]:
    """Words the tune split's English writes in lower case at least ``min_count`` times: the
    more English text, the fewer ordinary words ("Salt Mine", "Golden Pavilion") a title brings
    that the list does not know."""
    counts: Counter = Counter()
    for _name, groups in (*split_groups("tune"), *split_groups("tune-written")):
        for group in groups:
            for _ar, en in group:
                counts.update(_LOWER_WORD.findall(en))
    return sorted(w for w, n in counts.items() if n >= min_count)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--min-count", type=int, default=1)
    args = parser.parse_args(argv)
    words = common_words(args.min_count)
    header = ("# Common English words: written in lower case at least "
              f"{args.min_count} times in the tune split's English (TICO-19, UD Arabic-PUD,\n"
              "# tests/data/written).\n"
              "# Refit with scripts/fit_common_words.py; read by checks/name_mismatch.py.\n"
              "# Derived from UD Arabic-PUD (CC BY-SA 3.0), TICO-19 and tests/data/written\n"
              "# (CC0 1.0); this file is shared under CC BY-SA 3.0 accordingly.\n")
    args.out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
