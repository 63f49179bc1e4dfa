"""Reading a saved JSON result back (``align report``): a wrong shape is an input error."""

import copy
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import InputError
from aligner.export.json import read_results

SMALL = Path(__file__).resolve().parent.parent / "data" / "html" / "small.json"


def _finding(**changes):
    return {"check": "x", "severity": "error", "pair": 0, "side": "src", "span": [0, 1],
            "message": "m", **changes}


@pytest.mark.parametrize("change, reason", [
    (lambda d: d["findings"].append(_finding(pair=99)), "pair 99"),
    (lambda d: d["findings"].append(_finding(side="zz")), "side 'zz'"),
    (lambda d: d["findings"].append(_finding(span="ab")), "span"),
    (lambda d: d["findings"].append(_finding(span=[3, 1])), "span"),
    (lambda d: d["pairs"][0].update(src="one sentence"), "must be a list"),
    (lambda d: d["pairs"][0].update(tgt=[5]), "not a string"),
    (lambda d: d.update(findings={}), "findings must be a list"),
], ids=["pair-out-of-range", "bad-side", "span-not-ints", "span-reversed", "src-not-list",
        "text-not-string", "findings-not-list"])
def test_wrong_shapes_are_input_errors(tmp_path, change, reason):
    data = copy.deepcopy(json.loads(SMALL.read_text(encoding="utf-8")))
    change(data)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=reason) as exc:
        read_results(path)
    assert exc.value.file == str(path) and "not an aligner JSON result" in str(exc.value)


def test_report_of_a_wrong_shape_is_one_line_no_traceback(tmp_path):
    data = json.loads(SMALL.read_text(encoding="utf-8"))
    data["findings"].append(_finding(pair=len(data["pairs"])))
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    res = CliRunner().invoke(main, ["report", str(path), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 2 and res.output.count("\n") == 1, res.output
    assert "r.json" in res.output and not (tmp_path / "r.html").exists()


def test_saved_result_reads_back():
    (result,) = read_results(SMALL)
    assert result.pairs and result.findings


def test_report_of_several_results_to_one_file_names_the_option(tmp_path):
    one = json.loads(SMALL.read_text(encoding="utf-8"))
    path = tmp_path / "two.json"
    path.write_text(json.dumps({"schema": 1, "results": [one, one]}), encoding="utf-8")
    res = CliRunner().invoke(main, ["report", str(path), "-o", str(tmp_path / "r.html")])
    assert res.exit_code == 2 and "-o writes the report of one source" in res.output
