"""``low-similarity`` end to end with the e5 backend: a swapped translation is caught, clean
translations are left alone."""

import sys
from pathlib import Path

import pytest

from aligner import Config, check

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from perturb_docs import load_sentences


@pytest.fixture(scope="module")
def flores():
    return [d for d in load_sentences("flores") if len(d) >= 3]


def _write(path: Path, pairs) -> Path:
    # One sentence per paragraph, English first, as in the corpus layout.
    text = "\n".join(e for _a, e in pairs) + "\n" + "\n".join(a for a, _e in pairs) + "\n"
    path.write_text(text, encoding="utf-8")
    return path


def _config(request) -> Config:
    return Config(scorer="e5", enabled=("low-similarity",),
                  cache_dir=request.getfixturevalue("e5_cache"))


def test_swapped_translation_is_flagged(flores, tmp_path, request):
    pairs = [p for doc in flores[:6] for p in doc][:16]
    # The English of pair 7 is replaced by a sentence from an unrelated article.
    unrelated = flores[40][0][1]
    swapped = [*pairs[:7], (pairs[7][0], unrelated), *pairs[8:]]
    result = check([str(_write(tmp_path / "swapped.txt", swapped))], _config(request))
    assert result.tool["scorer"] == "e5"
    flagged = {f.pair for f in result.findings if f.check == "low-similarity"}
    swapped_pair = next(p.id for p in result.pairs if p.tgt and p.tgt[0].text == unrelated)
    assert swapped_pair in flagged
    assert len(flagged) <= 1


def test_clean_translations_rarely_flagged(flores, tmp_path, request):
    total = flagged = 0
    for k in range(10):
        pairs = [p for doc in flores[10 + 3 * k:13 + 3 * k] for p in doc]
        result = check([str(_write(tmp_path / f"clean{k}.txt", pairs))], _config(request))
        total += len(result.pairs)
        flagged += sum(1 for f in result.findings if f.check == "low-similarity")
    assert total >= 100
    assert flagged / total <= 0.01
