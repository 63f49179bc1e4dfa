"""``align score``: how close a translation is to a reference, with sacrebleu's metrics.

Corpus-level and per-sentence BLEU, chrF and TER of line-aligned files, with sacrebleu's
signature so that a score can be reproduced (Post, 2018).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .errors import ConfigError, InputError
from .export.atomic import atomic_write
from .inputs import DEFAULT_MAX_BYTES
from .sources.encoding import read_text

METRICS = ("bleu", "chrf", "ter")


@dataclass(frozen=True)
class MetricScore:
    """One metric: the corpus score, one score per line, and sacrebleu's signature."""

    name: str
    corpus: float
    sentences: tuple[float, ...]
    signature: str
    higher_is_better: bool = True


@dataclass(frozen=True)
class ScoreReport:
    """The scores of one translation file against its reference."""

    hyp: str
    ref: str
    lines: int
    metrics: tuple[MetricScore, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict:
        return {"hyp": self.hyp, "ref": self.ref, "lines": self.lines,
                "metrics": {m.name: {"corpus": round(m.corpus, 4), "signature": m.signature,
                                     "higher_is_better": m.higher_is_better,
                                     "sentences": [round(s, 4) for s in m.sentences]}
                            for m in self.metrics}}


def parse_metrics(value: str | None) -> tuple[str, ...]:
    """``"bleu,chrf"`` → ``("bleu", "chrf")``; unknown names are a usage error."""
    names = tuple(v.strip().lower() for v in (value or ",".join(METRICS)).split(",") if v.strip())
    unknown = [n for n in names if n not in METRICS]
    if unknown or not names:
        raise ConfigError(f"unknown metric {', '.join(unknown) or '(none)'} "
                          f"(expected some of {', '.join(METRICS)})")
    return tuple(dict.fromkeys(names))


def _lines(path: str, encoding: str | None, max_bytes: int) -> list[str]:
    text = read_text(path, encoding, max_bytes)
    lines = text.splitlines()
    while lines and not lines[-1].strip():
        lines.pop()
    return [line.strip() for line in lines]


def score_files(hyp: str, ref: str, metrics: tuple[str, ...] = METRICS,
                encoding: str | None = None,
                max_bytes: int = DEFAULT_MAX_BYTES) -> ScoreReport:
    """Score the translation ``hyp`` against the reference ``ref``, line by line."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps, refs = _lines(hyp, encoding, max_bytes), _lines(ref, encoding, max_bytes)
    if len(hyps) != len(refs):
        raise InputError(f"has {len(hyps)} lines but the reference {ref} has {len(refs)}; "
                         "the files must be line-aligned", hyp)
    if not hyps:
        raise InputError("no lines to score", hyp)
    out = []
    for name in metrics:
        corpus_metric, sentence_metric = {
            "bleu": (BLEU(), BLEU(effective_order=True)),
            "chrf": (CHRF(), CHRF()),
            "ter": (TER(), TER()),
        }[name]
        corpus = corpus_metric.corpus_score(hyps, [refs]).score
        sentences = tuple(sentence_metric.sentence_score(h, [r]).score
                          for h, r in zip(hyps, refs))
        out.append(MetricScore(name, corpus, sentences, str(corpus_metric.get_signature()),
                               higher_is_better=name != "ter"))
    return ScoreReport(hyp, ref, len(hyps), tuple(out))


def write_score_json(path: str, report: ScoreReport) -> None:
    """Write the report as JSON to ``path`` atomically."""
    atomic_write(path, json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
