"""The numpy LASER forward pass against PyTorch's own nn.LSTM (run by ``tox -e laser``).

Outside the default suite: it needs torch, which the toolkit never needs at run time.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from similarity.tiny_laser import make_tiny_laser

from aligner.similarity.laser import NumpyLaserEncoder


def _torch_encoder(state: dict) -> torch.nn.Module:
    p = state["params"]
    embed = torch.nn.Embedding(p["num_embeddings"], p["embed_dim"], padding_idx=p["padding_idx"])
    lstm = torch.nn.LSTM(p["embed_dim"], p["hidden_size"], p["num_layers"],
                         bidirectional=p["bidirectional"])
    weights = {k: torch.from_numpy(v) for k, v in state["model"].items()}
    embed.load_state_dict({"weight": weights["embed_tokens.weight"]})
    lstm.load_state_dict({k[len("lstm."):]: v for k, v in weights.items()
                          if k.startswith("lstm.")})
    return embed, lstm


def test_numpy_forward_equals_torch_lstm_with_packing(tmp_path):
    state = make_tiny_laser(tmp_path)
    # torch.save wrote laser2.pt here; the loader reads it back through torch.load.
    enc = NumpyLaserEncoder(tmp_path)
    texts = ["The minister met the delegation in Baghdad on Monday.",
             "قال الوزير إن الاتفاق يشمل الطاقة والتجارة.", "oil", "Talks covered gas."]
    ours = enc.encode(texts)
    embed, lstm = _torch_encoder(state)
    ids = [enc.token_ids(t) for t in texts]
    order = sorted(range(len(ids)), key=lambda k: -len(ids[k]))
    width = len(ids[order[0]])
    tokens = torch.full((len(ids), width), 1, dtype=torch.long)
    for row, k in enumerate(order):
        tokens[row, :len(ids[k])] = torch.tensor(ids[k])
    lengths = [len(ids[k]) for k in order]
    with torch.no_grad():
        x = embed(tokens).transpose(0, 1)
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths)
        out, _ = lstm(packed)
        out, _ = torch.nn.utils.rnn.pad_packed_sequence(out)
        mask = tokens.eq(1).t().unsqueeze(-1)
        out = out.masked_fill(mask, float("-inf"))
        ref = out.max(dim=0)[0].numpy()
    ref = ref[np.argsort(order)]
    ref = ref / np.linalg.norm(ref, axis=1, keepdims=True)
    np.testing.assert_allclose(ours / np.linalg.norm(ours, axis=1, keepdims=True), ref,
                               rtol=1e-4, atol=1e-5)
