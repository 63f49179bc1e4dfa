"""One-language sources: alignment skipped, one-language checks only, same JSON schema."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from aligner.checks import REGISTRY
from aligner.cli import main

MONOLINGUAL = {"name-inconsistency", "sentence-fragment", "missing-final-punct",
               "unbalanced-quotes", "caption-leak"}

ENGLISH = """Storm Closes the Northern Ports
4 April
The envoy Petrashenko arrived in the port city on Monday. Because the roads were closed by snow.
Officials said Petrashenko would meet the governor and promised “a quick reopening of the port.
Petrashanko left on Tuesday evening after the talks (AFP photo)
"""

ARABIC = """عاصفة تغلق الموانئ الشمالية
4 نيسان
وصل المبعوث بتراشينكو إلى المدينة يوم الاثنين. والتقى بتراشينكو المحافظ ووعد «بإعادة فتح \
الميناء قريباً.
وقال مسؤول إن المحادثات جرت. في أجواء إيجابية وإن الميناء سيفتح الأسبوع المقبل كما أفاد المصدر
غادر بتراشنكو يوم الثلاثاء. (أ ف ب)
"""


@pytest.mark.parametrize("text, lang, expected", [
    (ENGLISH, "en", {"sentence-fragment", "unbalanced-quotes", "name-inconsistency",
                     "caption-leak"}),
    (ARABIC, "ar", {"unbalanced-quotes", "name-inconsistency", "caption-leak",
                    "missing-final-punct"}),
])
def test_one_language_source(tmp_path, text, lang, expected):
    src = tmp_path / "only.txt"
    src.write_text(text, encoding="utf-8")
    out = tmp_path / "out.json"
    result = CliRunner().invoke(main, ["check", str(src), "--json", str(out)])
    assert result.exit_code in (0, 1), result.output
    assert "alignment skipped" in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["src_lang"] == lang and data["tgt_lang"] is None
    assert "alignment skipped" in " ".join(data["notices"])
    assert data["pairs"] and all(p["tgt"] == [] and p["bead"] == "1-0" for p in data["pairs"])
    # Every sentence is there once, in order.
    body = "".join("".join(p["src"]) for p in data["pairs"])
    assert body.replace(" ", "") == "".join(text.split())
    checks = {f["check"] for f in data["findings"]}
    assert expected <= checks
    # Checks that need a translation do not run (the Arabic has a stray stop and no translation).
    assert checks <= MONOLINGUAL
    for f in data["findings"]:
        assert f["side"] == "src" and set(f) >= {"check", "severity", "span", "loc", "message",
                                                 "suggestion"}


def test_monolingual_flags_match_the_registry():
    assert {c for c, spec in REGISTRY.items() if not spec.bilingual} >= MONOLINGUAL
    assert REGISTRY["stray-period"].bilingual and REGISTRY["untranslated"].bilingual
