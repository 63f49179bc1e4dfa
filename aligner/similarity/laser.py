"""The ``laser`` scorer: LASER2 sentence embeddings (Artetxe & Schwenk 2019) on top of the lexical
scorer, from model files the user provides (``--laser-model-dir DIR``).

``laser_encoders.LaserEncoderPipeline`` is used when it imports. Where it cannot (its fairseq
dependency does not import on Python 3.11), the same files are read directly: ``laser2.spm``
(sentencepiece), and ``laser2.pt``, whose encoder is LASER's ``LaserLstmEncoder``: token embedding,
a multi-layer bidirectional LSTM, and max-pooling of the top layer's outputs over time. That
forward pass is implemented here in numpy, so torch is not needed at run time; torch is used to
read ``laser2.pt`` when it is installed, else the checkpoint is read from PyTorch's zip format by
:func:`read_checkpoint` (PyTorch's older, pre-1.6 format needs torch).
"""

from __future__ import annotations

import hashlib
import importlib
import pickle
import re
import zipfile
from collections import OrderedDict
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from .embedding import EmbeddingParams, EmbeddingScorer, unit_rows

REQUIRED = ("laser2.pt", "laser2.spm", "laser2.cvocab")
# LASER's cosines are less compressed than e5's: true pairs ~0.8, random ~0.3-0.5, so the margin
# spreads wider (Artetxe & Schwenk threshold mined pairs at ~1.04-1.06). Not tuned on LASER
# itself: no LASER2 weights could be obtained here.
PARAMS = EmbeddingParams(centre=1.0, scale=0.08)
DOWNLOAD = ("https://dl.fbaipublicfiles.com/nllb/laser/ (or `python -m "
            "laser_encoders.download_models --laser laser2 --model-dir DIR`)")
# Special symbols of LASER's fairseq dictionary, fixed by LASER's embed.py.
BOS, PAD, EOS, UNK = 0, 1, 2, 3


def check_model_dir(model_dir: str | None) -> Path:
    """The model folder, or a one-line error naming what is missing and where to get it."""
    if not model_dir:
        raise ConfigError("--scorer laser needs --laser-model-dir DIR holding "
                          f"{', '.join(REQUIRED)}; download from {DOWNLOAD}")
    folder = Path(model_dir)
    missing = [name for name in REQUIRED if not (folder / name).is_file()]
    if missing:
        where = "folder does not exist" if not folder.is_dir() else "missing " + ", ".join(missing)
        raise ConfigError(f"LASER model {where}; download {', '.join(missing)} from {DOWNLOAD}",
                          str(folder))
    return folder


# -- reading laser2.pt ------------------------------------------------------------------------

_DTYPES = {"FloatStorage": np.float32, "HalfStorage": np.float16, "DoubleStorage": np.float64,
           "LongStorage": np.int64, "IntStorage": np.int32, "BFloat16Storage": None}


class _Storage:
    def __init__(self, name: str) -> None:
        self.dtype = _DTYPES.get(name)
        if self.dtype is None:
            raise ValueError(f"tensor storage {name} is not supported")


def _rebuild_tensor(storage, offset, size, stride, *_rest):
    if not size:
        return storage[offset:offset + 1].reshape(())
    item = storage.itemsize
    return np.lib.stride_tricks.as_strided(
        storage[offset:], shape=tuple(size), strides=tuple(s * item for s in stride)).copy()


class _CheckpointUnpickler(pickle.Unpickler):
    """Unpickles a PyTorch zip checkpoint into numpy arrays; refuses every other global."""

    def __init__(self, fh, archive: zipfile.ZipFile, prefix: str) -> None:
        super().__init__(fh)
        self.archive, self.prefix = archive, prefix

    def find_class(self, module: str, name: str):
        if module == "torch._utils" and name == "_rebuild_tensor_v2":
            return _rebuild_tensor
        if module == "torch._utils" and name == "_rebuild_parameter":
            return lambda data, *_: data
        if module == "torch" and name in _DTYPES:
            return lambda: name
        if module == "collections" and name == "OrderedDict":
            return OrderedDict
        raise pickle.UnpicklingError(f"laser2.pt refers to {module}.{name}, which is not a "
                                     "tensor: not loaded")

    def persistent_load(self, pid):
        kind, storage_type, key, _location, _numel = pid
        if kind != "storage":
            raise pickle.UnpicklingError(f"unknown persistent id {kind!r}")
        name = storage_type if isinstance(storage_type, str) else storage_type()
        dtype = _Storage(name).dtype
        raw = self.archive.read(f"{self.prefix}/data/{key}")
        return np.frombuffer(raw, dtype=dtype)


def read_checkpoint(path: Path) -> dict:
    """``laser2.pt`` as plain Python: ``params``, ``model`` (name → numpy array), ``dictionary``.

    A checkpoint is untrusted input, and unpickling can run code: PyTorch's zip format is read
    by this module's own unpickler, which accepts only tensors, dicts and plain values, whether
    or not torch is installed. Only the legacy (pre-1.6) format needs torch, which then loads it
    with ``weights_only=True`` (the same restriction).
    """
    if not zipfile.is_zipfile(path):
        return _read_legacy(path)
    with zipfile.ZipFile(path) as archive:
        pkl = next((n for n in archive.namelist() if n.endswith("/data.pkl")), None)
        if pkl is None:
            raise ConfigError("not a PyTorch checkpoint (no data.pkl)", str(path))
        with archive.open(pkl) as fh:
            try:
                return _CheckpointUnpickler(fh, archive, pkl.rsplit("/", 1)[0]).load()
            except (pickle.UnpicklingError, ValueError, KeyError, EOFError) as exc:
                raise ConfigError(f"cannot read checkpoint ({exc})", str(path)) from None


def _read_legacy(path: Path) -> dict:
    try:
        # Through importlib, so the module's type is the same whether torch is installed or not.
        torch: Any = importlib.import_module("torch")
    except ImportError:
        raise ConfigError("laser2.pt is in PyTorch's legacy (pre-1.6) format, which needs torch "
                          "to read: pip install torch (CPU is enough)", str(path)) from None
    try:
        state = torch.load(str(path), map_location="cpu", weights_only=True)
        return {**state, "model": {k: v.detach().float().numpy() for k, v in
                                   state["model"].items()}}
    except (pickle.UnpicklingError, RuntimeError, KeyError, TypeError, AttributeError) as exc:
        raise ConfigError(f"cannot read checkpoint ({exc})", str(path)) from None


# -- the BiLSTM encoder -----------------------------------------------------------------------

def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def _lstm_direction(x: np.ndarray, mask: np.ndarray, w_ih, w_hh, b_ih, b_hh,
                    reverse: bool) -> np.ndarray:
    """One direction of one LSTM layer over a padded batch ``x`` (T, B, C); gates as PyTorch's
    nn.LSTM orders them (input, forget, cell, output). Padded steps keep a zero state, so the
    reverse direction starts at each sentence's own last token, as a packed sequence does."""
    steps, batch, _ = x.shape
    hidden = w_hh.shape[1]
    pre = x @ w_ih.T + (b_ih + b_hh)
    h = np.zeros((batch, hidden), dtype=np.float32)
    c = np.zeros((batch, hidden), dtype=np.float32)
    out = np.zeros((steps, batch, hidden), dtype=np.float32)
    order = range(steps - 1, -1, -1) if reverse else range(steps)
    for t in order:
        gates = pre[t] + h @ w_hh.T
        i, f, g, o = np.split(gates, 4, axis=1)
        c_new = _sigmoid(f) * c + _sigmoid(i) * np.tanh(g)
        h_new = _sigmoid(o) * np.tanh(c_new)
        valid = mask[t][:, None]
        c = np.where(valid, c_new, c)
        h = np.where(valid, h_new, h)
        out[t] = np.where(valid, h_new, 0.0)
    return out


class LstmEncoder:
    """LASER's ``LaserLstmEncoder`` forward pass in numpy, from a checkpoint's weights."""

    def __init__(self, params: dict, weights: dict) -> None:
        self.num_layers = int(params.get("num_layers", 1))
        self.bidirectional = bool(params.get("bidirectional", False))
        self.padding_idx = int(params.get("padding_idx", PAD))
        self.embed = np.asarray(weights["embed_tokens.weight"], dtype=np.float32)
        self.w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items()}

    def forward(self, tokens: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Sentence embeddings (B, 2H) of right-padded token ids (B, T)."""
        steps = tokens.shape[1]
        mask = (np.arange(steps)[:, None] < lengths[None, :])          # (T, B)
        x = self.embed[tokens].transpose(1, 0, 2)                         # (T, B, C)
        for layer in range(self.num_layers):
            outs = []
            for suffix, reverse in (("", False), ("_reverse", True))[:1 + self.bidirectional]:
                key = f"l{layer}{suffix}"
                outs.append(_lstm_direction(
                    x, mask, self.w[f"lstm.weight_ih_{key}"], self.w[f"lstm.weight_hh_{key}"],
                    self.w[f"lstm.bias_ih_{key}"], self.w[f"lstm.bias_hh_{key}"], reverse))
            x = np.concatenate(outs, axis=2)
        x = np.where(mask[:, :, None], x, -np.inf)
        return x.max(axis=0)


_SPACES = re.compile(r"\s+")


class NumpyLaserEncoder:
    """``laser2.spm`` pieces → ``laser2.pt`` dictionary ids (+ end of sentence) → BiLSTM."""

    def __init__(self, folder: Path) -> None:
        try:
            import sentencepiece
        except ImportError:
            raise ConfigError("the laser scorer needs sentencepiece: pip install "
                              "'aligner[laser]'") from None
        state = read_checkpoint(folder / "laser2.pt")
        if "params" not in state:
            raise ConfigError("not a LASER2 (BiLSTM) checkpoint: no 'params'",
                              str(folder / "laser2.pt"))
        self.encoder = LstmEncoder(state["params"], state["model"])
        self.dictionary = dict(state.get("dictionary") or _read_cvocab(folder / "laser2.cvocab"))
        self.spm = sentencepiece.SentencePieceProcessor(model_file=str(folder / "laser2.spm"))

    def token_ids(self, text: str) -> list[int]:
        # LASER's tokenizer: printable characters, lower case, sentencepiece pieces.
        text = "".join(c if c.isprintable() else " " for c in text)
        text = _SPACES.sub(" ", text).strip().lower()
        pieces = self.spm.encode(text, out_type=str)
        return [self.dictionary.get(p, UNK) for p in pieces] + [EOS]

    def encode(self, texts: list[str]) -> np.ndarray:
        ids = [self.token_ids(t) for t in texts]
        out = np.zeros((len(texts), 0), dtype=np.float32)
        rows = []
        # Batches of similar length waste little time on padding.
        order = sorted(range(len(ids)), key=lambda k: len(ids[k]))
        for start in range(0, len(order), 32):
            chunk = order[start:start + 32]
            width = max(len(ids[k]) for k in chunk)
            tokens = np.full((len(chunk), width), self.encoder.padding_idx, dtype=np.int64)
            for row, k in enumerate(chunk):
                tokens[row, :len(ids[k])] = ids[k]
            lengths = np.array([len(ids[k]) for k in chunk])
            rows.append((chunk, self.encoder.forward(tokens, lengths)))
        if rows:
            out = np.zeros((len(texts), rows[0][1].shape[1]), dtype=np.float32)
            for chunk, vecs in rows:
                out[chunk] = vecs
        return out


def _read_cvocab(path: Path) -> dict[str, int]:
    """A fairseq dictionary file ("piece count" per line); ids start after the 4 specials."""
    out = {"<s>": BOS, "<pad>": PAD, "</s>": EOS, "<unk>": UNK}
    for line in path.read_text(encoding="utf-8").splitlines():
        piece = line.rsplit(" ", 1)[0]
        if piece and piece not in out:
            out[piece] = len(out)
    return out


class LaserEncoder:
    """L2-normalised LASER2 embeddings: laser_encoders when it works, else the numpy path."""

    def __init__(self, folder: Path) -> None:
        self.model_id = model_id(folder)
        self._pipeline = None
        try:
            from laser_encoders import LaserEncoderPipeline

            self._pipeline = LaserEncoderPipeline(laser="laser2", model_dir=str(folder))
        except Exception:
            self._numpy = NumpyLaserEncoder(folder)

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._pipeline is not None:
            vecs = np.asarray(self._pipeline.encode_sentences(texts), dtype=np.float32)
        else:
            vecs = self._numpy.encode(texts)
        return unit_rows(vecs)


def model_id(folder: Path) -> str:
    """Names the model by a hash of its files' heads and sizes, so a changed file re-encodes."""
    digest = hashlib.sha256()
    for name in REQUIRED:
        path = folder / name
        digest.update(f"{name}:{path.stat().st_size}:".encode())
        with open(path, "rb") as fh:
            digest.update(fh.read(1 << 20))
    return f"laser2/{digest.hexdigest()[:16]}"


class LaserScorer(EmbeddingScorer):
    """Lexical evidence plus margin-scored LASER2 similarity."""

    name = "laser"

    def __init__(self, laser_model_dir: str | None = None, cache_dir: str | None = None,
                 refine: bool = False) -> None:
        folder = check_model_dir(laser_model_dir)
        super().__init__(lambda: LaserEncoder(folder), model_id(folder), cache_dir=cache_dir,
                         params=PARAMS, refine=refine)
