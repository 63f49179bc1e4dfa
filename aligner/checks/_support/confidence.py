"""How sure a meaning check is of one finding: a small logistic model per check over the
evidence the check itself has (which rule fired, on which side, how alike the pair still is),
fitted on the tune split by ``scripts/fit_confidence.py`` and shipped as
``aligner/data/confidence.json``.

A finding whose probability of being real falls under its model's cut is reported at ``info``:
still in every report, but not counted by the gate (``fail_on``) or as a warning. The cut is
chosen by the fit script so that the matching damage of the drift benchmark loses next to no
recall on the tune split (``docs/tuning.md``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ...model import Severity

MODELS = "confidence.json"


@dataclass(frozen=True)
class ConfidenceModel:
    """Weights of a logistic model over named features, and the cut under which a finding is
    only a hint. A feature the model does not name is ignored; one it names and the finding
    lacks counts as 0."""

    weights: tuple[tuple[str, float], ...]
    bias: float
    cut: float

    def probability(self, features: Mapping[str, float]) -> float:
        z = self.bias + sum(w * float(features.get(name, 0.0)) for name, w in self.weights)
        return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))

    def severity(self, features: Mapping[str, float]) -> Severity | None:
        """``info`` for a finding under the cut, else ``None`` (the check's own severity)."""
        return Severity.INFO if self.probability(features) < self.cut else None


def parse_models(data: Mapping) -> dict[str, ConfidenceModel]:
    """Models by check id from the JSON the fit script writes."""
    return {check: ConfidenceModel(tuple((str(k), float(v)) for k, v in m["weights"].items()),
                                   float(m["bias"]), float(m["cut"]))
            for check, m in data.get("models", {}).items()}


@lru_cache(maxsize=4)
def shipped(filename: str = MODELS) -> dict[str, ConfidenceModel]:
    """The models of one JSON file in ``aligner/data``, by check id."""
    text = resources.files("aligner.data").joinpath(filename).read_text(encoding="utf-8")
    return parse_models(json.loads(text))


def model(check: str) -> ConfidenceModel | None:
    """The shipped model of a check, or ``None`` when it has none (every finding keeps the
    check's severity)."""
    return shipped().get(check)


def graded(check: str, features: Mapping[str, float]) -> Severity | None:
    """The severity a finding with these features gets from the check's shipped model:
    ``info`` under the cut, else ``None`` (keep the check's own)."""
    fitted = model(check)
    return fitted.severity(features) if fitted is not None else None


__all__ = ["ConfidenceModel", "graded", "model", "parse_models", "shipped"]
