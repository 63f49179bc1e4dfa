"""A tiny LASER2 model with the real file layout (laser2.pt, laser2.spm, laser2.cvocab).

Random weights, a sentencepiece model trained on a few lines, and a checkpoint written in
PyTorch's zip format: with torch when it is installed (``torch.save``), else by hand through
the same pickle protocol, so the default test environment needs no torch.
"""

from __future__ import annotations

import io
import pickle
import sys
import types
import zipfile
from collections import OrderedDict
from pathlib import Path

import numpy as np

TRAIN_TEXT = """The minister met the delegation in Baghdad on Monday.
Russia and Iraq signed an agreement on energy and trade.
قال الوزير إن الاتفاق يشمل الطاقة والتجارة والاستثمار.
التقى الوزير الوفد في بغداد يوم الاثنين.
Talks covered oil, gas, wheat and the reconstruction of power stations.
شملت المحادثات النفط والغاز والقمح وإعادة بناء محطات الكهرباء.
"""


def make_tiny_laser(folder: Path, embed_dim: int = 6, hidden: int = 5, layers: int = 2,
                    seed: int = 0) -> dict:
    """Write the three files into ``folder``; returns the checkpoint as numpy arrays."""
    import sentencepiece

    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "train.txt"
    corpus.write_text(TRAIN_TEXT * 3, encoding="utf-8")
    sentencepiece.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(folder / "laser2"), vocab_size=80,
        character_coverage=1.0, model_type="unigram", minloglevel=2)
    (folder / "laser2.vocab").unlink()
    corpus.unlink()
    (folder / "laser2.model").rename(folder / "laser2.spm")
    spm = sentencepiece.SentencePieceProcessor(model_file=str(folder / "laser2.spm"))
    pieces = [spm.id_to_piece(i) for i in range(spm.get_piece_size())]
    pieces = [p for p in pieces if p not in ("<unk>", "<s>", "</s>")]
    (folder / "laser2.cvocab").write_text("".join(f"{p} 1\n" for p in pieces), encoding="utf-8")
    dictionary = {"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3}
    for p in pieces:
        dictionary.setdefault(p, len(dictionary))
    rng = np.random.default_rng(seed)
    weights: dict[str, np.ndarray] = OrderedDict()
    weights["embed_tokens.weight"] = rng.normal(0, 1, (len(dictionary), embed_dim))
    weights["embed_tokens.weight"][1] = 0.0  # padding row, as nn.Embedding(padding_idx=1)
    for layer in range(layers):
        size_in = embed_dim if layer == 0 else 2 * hidden
        for suffix in ("", "_reverse"):
            key = f"l{layer}{suffix}"
            weights[f"lstm.weight_ih_{key}"] = rng.normal(0, 0.5, (4 * hidden, size_in))
            weights[f"lstm.weight_hh_{key}"] = rng.normal(0, 0.5, (4 * hidden, hidden))
            weights[f"lstm.bias_ih_{key}"] = rng.normal(0, 0.2, 4 * hidden)
            weights[f"lstm.bias_hh_{key}"] = rng.normal(0, 0.2, 4 * hidden)
    weights = OrderedDict((k, v.astype(np.float32)) for k, v in weights.items())
    state = {"params": {"num_embeddings": len(dictionary), "padding_idx": 1,
                        "embed_dim": embed_dim, "hidden_size": hidden, "num_layers": layers,
                        "bidirectional": True, "left_pad": False, "padding_value": 0.0},
             "model": weights, "dictionary": dictionary}
    write_checkpoint(folder / "laser2.pt", state)
    return state


def write_checkpoint(path: Path, state: dict) -> None:
    """``state`` with numpy arrays, saved as PyTorch saves a checkpoint."""
    try:
        import torch
    except ImportError:
        torch = None
    if torch is not None:
        torch.save({**state, "model": OrderedDict((k, torch.from_numpy(v))
                                                  for k, v in state["model"].items())}, path)
        return
    _write_zip_checkpoint(path, state)


class _StorageRef:
    def __init__(self, key: str, numel: int) -> None:
        self.key, self.numel = key, numel


def _write_zip_checkpoint(path: Path, state: dict) -> None:
    # pickle writes a function or class by module and name; stand-ins registered under torch's
    # names for the duration of the dump make it write exactly what torch.save writes.
    fake_torch = types.ModuleType("torch")
    fake_utils = types.ModuleType("torch._utils")

    def _rebuild_tensor_v2(*args):  # never called: only its name is written
        raise NotImplementedError

    _rebuild_tensor_v2.__module__, _rebuild_tensor_v2.__qualname__ = "torch._utils", \
        "_rebuild_tensor_v2"
    float_storage = type("FloatStorage", (), {"__module__": "torch"})
    fake_utils._rebuild_tensor_v2 = _rebuild_tensor_v2
    fake_torch._utils = fake_utils
    fake_torch.FloatStorage = float_storage
    storages: dict[str, bytes] = {}

    class Tensor:
        def __init__(self, array: np.ndarray) -> None:
            self.array = np.ascontiguousarray(array, dtype=np.float32)

        def __reduce__(self):
            key = str(len(storages))
            storages[key] = self.array.tobytes()
            shape = self.array.shape
            stride = tuple(s // 4 for s in self.array.strides)
            return (_rebuild_tensor_v2, (_StorageRef(key, self.array.size), 0, shape, stride,
                                         False, OrderedDict()))

    class Pickler(pickle.Pickler):
        def persistent_id(self, obj):
            if isinstance(obj, _StorageRef):
                return ("storage", float_storage, obj.key, "cpu", obj.numel)
            return None

    payload = {**state, "model": OrderedDict((k, Tensor(v)) for k, v in state["model"].items())}
    buf = io.BytesIO()
    saved = {name: sys.modules.get(name) for name in ("torch", "torch._utils")}
    sys.modules["torch"], sys.modules["torch._utils"] = fake_torch, fake_utils
    try:
        Pickler(buf, protocol=2).dump(payload)
    finally:
        for name, module in saved.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("archive/data.pkl", buf.getvalue())
        archive.writestr("archive/byteorder", "little")
        for key, raw in storages.items():
            archive.writestr(f"archive/data/{key}", raw)
        archive.writestr("archive/version", "3\n")
