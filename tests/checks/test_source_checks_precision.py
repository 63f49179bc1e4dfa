"""The source-fault checks stay quiet on clean professional translations (FLORES-200).

None of these checks reads embeddings, so the documents are aligned with the ``lexical`` scorer:
the e5 encoder would cost seconds here and test nothing these checks do."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from aligner import Config, Severity, check

CHECKS = ("stray-period", "sentence-fragment", "missing-final-punct", "unbalanced-quotes",
          "name-inconsistency", "caption-leak")
DOCS = 120  # of the devtest's documents, in file order


def _documents():
    base = Path(__file__).resolve().parents[1] / "data" / "flores200"
    en = (base / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    ar = (base / "arb_Arab.devtest").read_text(encoding="utf-8").splitlines()
    urls = [ln.split("\t")[0] for ln in
            (base / "metadata_devtest.tsv").read_text(encoding="utf-8").splitlines()[1:] if ln]
    docs: OrderedDict[str, list[int]] = OrderedDict()
    for i, url in enumerate(urls):
        docs.setdefault(url, []).append(i)
    for lines in list(docs.values())[:DOCS]:
        yield [en[i] for i in lines], [ar[i] for i in lines]


def test_no_errors_and_few_warnings_on_flores(tmp_path):
    pairs = errors = warnings = 0
    for k, (english, arabic) in enumerate(_documents()):
        path = tmp_path / f"doc{k}.txt"
        path.write_text("\n".join(english) + "\n" + "\n".join(arabic) + "\n", encoding="utf-8")
        result = check([str(path)], Config(enabled=CHECKS, scorer="lexical"))
        pairs += len(result.pairs)
        errors += sum(f.severity == Severity.ERROR for f in result.findings)
        warnings += sum(f.severity == Severity.WARNING for f in result.findings)
    assert pairs > 300
    assert errors * 100 <= pairs  # at most 1 error per 100 pairs
    assert warnings * 100 <= 5 * pairs
