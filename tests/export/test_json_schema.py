"""The JSON result against the documented contract: ``tests/data/json/result.schema.json`` was
written by hand from docs/json-schema.md, not generated from the exporter, so a change of shape
that the docs do not describe fails here."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from aligner import Config, check
from aligner.cli import main
from aligner.export.json import dumps

DATA = Path(__file__).resolve().parents[1] / "data"
SCHEMA = json.loads((DATA / "json" / "result.schema.json").read_text(encoding="utf-8"))
TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence"
 o-tmf="t" adminlang="en" srclang="ar" datatype="plaintext"/><body>
<tu><tuv xml:lang="ar"><seg>وصل الوزير إلى بغداد يوم 3 آذار.</seg></tuv>
<tuv xml:lang="en"><seg>The minister arrived in Baghdad on 3 April.</seg></tuv></tu>
<tu><tuv xml:lang="ar"><seg>وقال إن المحادثات ستستمر.</seg></tuv>
<tuv xml:lang="en"><seg>He said the talks would continue.</seg></tuv></tu>
</body></tmx>
"""


def _validate(document) -> None:
    cls = jsonschema.validators.validator_for(SCHEMA)
    cls.check_schema(SCHEMA)
    cls(SCHEMA).validate(document)


def test_a_bilingual_result_follows_the_documented_schema(corpus_result):
    data = json.loads(dumps([corpus_result]))
    _validate(data)
    assert data["pairs"] and data["findings"]  # the corpus has both: the schema saw them


def test_one_language_and_tmx_results_follow_it(tmp_path):
    path = tmp_path / "ar.txt"
    path.write_text("هذا نص عربي للتجربة. وهذه جملة ثانية.\n", encoding="utf-8")
    one = check([str(path)], Config(scorer="lexical"))
    _validate(json.loads(dumps([one])))
    assert json.loads(dumps([one]))["tgt_lang"] is None
    memory = tmp_path / "memory.tmx"
    memory.write_text(TMX, encoding="utf-8")
    data = json.loads(dumps([check([str(memory)])]))
    _validate(data)
    assert data["pairs"][0]["score"] is None and data["findings"]  # the month differs


def test_several_results_with_the_gate_follow_it(tmp_path, corpus_path):
    other = tmp_path / "ar.txt"
    other.write_text("هذا نص عربي للتجربة.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["check", str(corpus_path), str(other), "--scorer", "lexical",
                                    "--format", "json"])
    assert res.exit_code in (0, 1), res.output
    data = json.loads(res.output)
    _validate(data)
    assert len(data["results"]) == 2 and "gate" in data


@pytest.mark.parametrize("damage", [
    lambda d: d.update(schema=2),
    lambda d: d["pairs"][0].update(bead="one-one"),
    lambda d: d["findings"][0].update(severity="fatal"),
    lambda d: d["findings"][0].update(side="left"),
    lambda d: d["findings"][0]["loc"].update(line=0),
    lambda d: d.pop("src_lang"),
], ids=["schema", "bead", "severity", "side", "line", "src_lang"])
def test_schema_validation_is_not_vacuous(corpus_result, damage):
    data = json.loads(dumps([corpus_result]))
    damaged = copy.deepcopy(data)
    damage(damaged)
    with pytest.raises(jsonschema.ValidationError):
        _validate(damaged)
