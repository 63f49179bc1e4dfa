"""The laser backend on a tiny generated model with LASER2's file layout (no torch needed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from aligner.errors import ConfigError
from aligner.similarity import bead_arrays, make_scorer
from aligner.similarity.laser import (
    REQUIRED,
    LstmEncoder,
    NumpyLaserEncoder,
    check_model_dir,
    read_checkpoint,
)

from .tiny_laser import make_tiny_laser

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory):
    folder = tmp_path_factory.mktemp("laser")
    return folder, make_tiny_laser(folder)


def test_checkpoint_round_trip(tiny):
    folder, state = tiny
    loaded = read_checkpoint(folder / "laser2.pt")
    assert loaded["params"] == state["params"]
    assert loaded["dictionary"] == state["dictionary"]
    for name, array in state["model"].items():
        np.testing.assert_array_equal(loaded["model"][name], array)


def _reference_lstm(state: dict, ids: list[int]) -> np.ndarray:
    """One sentence, one time step at a time, written from the LSTM equations."""
    p, w = state["params"], state["model"]
    x = [w["embed_tokens.weight"][i].astype(np.float64) for i in ids]
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    for layer in range(p["num_layers"]):
        outs = []
        for suffix in ("", "_reverse"):
            k = f"l{layer}{suffix}"
            h = np.zeros(p["hidden_size"])
            c = np.zeros(p["hidden_size"])
            seq = x[::-1] if suffix else x
            hs = []
            for xt in seq:
                z = (w[f"lstm.weight_ih_{k}"] @ xt + w[f"lstm.bias_ih_{k}"]
                     + w[f"lstm.weight_hh_{k}"] @ h + w[f"lstm.bias_hh_{k}"])
                i, f, g, o = np.split(z, 4)
                c = sig(f) * c + sig(i) * np.tanh(g)
                h = sig(o) * np.tanh(c)
                hs.append(h)
            outs.append(hs[::-1] if suffix else hs)
        x = [np.concatenate([a, b]) for a, b in zip(*outs)]
    return np.max(np.stack(x), axis=0)


def test_forward_matches_step_by_step_reference(tiny):
    folder, state = tiny
    enc = NumpyLaserEncoder(folder)
    texts = ["The minister met the delegation.", "قال الوزير إن الاتفاق يشمل الطاقة.", "oil"]
    batch = enc.encode(texts)
    for row, text in enumerate(texts):
        expected = _reference_lstm(state, enc.token_ids(text))
        np.testing.assert_allclose(batch[row], expected, rtol=1e-4, atol=1e-5)


def test_padding_does_not_change_a_sentence(tiny):
    _folder, state = tiny
    model = LstmEncoder(state["params"], state["model"])
    ids = [5, 9, 12, 2]
    alone = model.forward(np.array([ids]), np.array([4]))
    padded = model.forward(np.array([[*ids, 1, 1, 1], [7, 8, 9, 10, 11, 12, 2]]),
                           np.array([4, 7]))
    np.testing.assert_allclose(padded[0], alone[0], rtol=1e-6)


def test_tokens_end_with_eos_and_use_the_checkpoint_dictionary(tiny):
    folder, state = tiny
    enc = NumpyLaserEncoder(folder)
    ids = enc.token_ids("The minister")
    assert ids[-1] == 2 and len(ids) > 1
    assert all(0 <= i < state["params"]["num_embeddings"] for i in ids)


def test_scorer_scores_beads_with_the_tiny_model(tiny, tmp_path):
    from aligner.model import Block
    from aligner.segment import segment

    folder, _ = tiny
    scorer = make_scorer("laser", laser_model_dir=str(folder), cache_dir=str(tmp_path))
    ar = "التقى الوزير الوفد في بغداد يوم الاثنين. شملت المحادثات النفط والغاز.\n"
    en = "The minister met the delegation in Baghdad on Monday. Talks covered oil and gas.\n"
    src = segment(Block("a", "ar", ar, 0, len(ar))).sentences
    tgt = segment(Block("e", "en", en, 0, len(en))).sentences
    scorer.prepare(src, tgt)
    costs = scorer.costs(*bead_arrays([(0, 1, 0, 1), (0, 2, 0, 2), (1, 2, 1, 2)]))
    assert len(costs) == 3 and all(np.isfinite(costs))
    sims = scorer.similarities([(0, 1, 0, 1), (0, 1, 0, 0)])
    assert 0.0 <= sims[0] <= 1.0 and sims[1] == 0.0
    assert scorer.signature()["scorer"] == "laser"
    assert scorer.signature()["model"].startswith("laser2/")


def test_missing_files_name_folder_and_files(tmp_path):
    (tmp_path / "laser2.spm").write_text("x")
    with pytest.raises(ConfigError) as err:
        check_model_dir(str(tmp_path))
    message = str(err.value)
    assert str(tmp_path) in message and "laser2.pt" in message and "laser2.cvocab" in message
    assert "laser2.spm," not in message.split("download")[1].split("from")[0]
    assert "\n" not in message


def test_cli_without_files_exits_2_with_one_line(tmp_path):
    corpus = ROOT / "corpora" / "almayadeen-iraq-russia" / "almayadeen-iraq-russia.txt"
    missing = tmp_path / "nowhere"
    run = subprocess.run([sys.executable, "-m", "aligner", "check", str(corpus), "--scorer",
                          "laser", "--laser-model-dir", str(missing)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and str(missing) in lines[0]
    assert all(name in lines[0] for name in REQUIRED)
    assert "Traceback" not in run.stderr


class _RunsCode:
    """What a hostile checkpoint pickles: unpickling it would call exec."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return exec, (f"open({str(self.marker)!r}, 'w').write('ran')",)


def test_a_checkpoint_that_would_run_code_is_refused_unrun(tmp_path):
    import pickle
    import zipfile

    marker = tmp_path / "ran.txt"
    checkpoint = tmp_path / "laser2.pt"
    with zipfile.ZipFile(checkpoint, "w") as archive:
        archive.writestr("laser2/data.pkl", pickle.dumps({"params": _RunsCode(marker)}))
    with pytest.raises(ConfigError) as err:
        read_checkpoint(checkpoint)
    assert str(checkpoint) in str(err.value) and "\n" not in str(err.value)
    assert not marker.exists()
