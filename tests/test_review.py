"""Hand-over: --xlsx/--csv rows, a reviser's statuses imported back as baseline entries."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from aligner.cli import main
from aligner.errors import InputError
from aligner.review import COLUMNS, normalise_status, read_decisions

DATA = Path(__file__).resolve().parent / "data" / "bilingual"


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    shutil.copy(DATA / "cat-codes.xlf", tmp_path / "doc.xlf")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str):
    return CliRunner().invoke(main, ["check", "doc.xlf", "--scorer", "lexical", "--checks",
                                     "tags,number-mismatch", "-q", *args])


def test_xlsx_rows_one_per_finding(workdir):
    res = _check("--xlsx", "out.xlsx", "--json", "out.json")
    assert res.exit_code == 1, res.output
    findings = json.loads(Path("out.json").read_text())["findings"]
    sheet = openpyxl.load_workbook("out.xlsx").active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + len(findings)
    row = dict(zip(COLUMNS, rows[1 + [f["check"] for f in findings].index("tags")]))
    assert (row["file"], row["line"], row["check"], row["severity"]) == (
        "doc.xlf", 12, "tags", "error")
    assert row["target"] == "The minister visited the city <g3>yesterday</g3>."
    assert row["status"] is None and row["comment"] is None


def test_edited_xlsx_imports_as_baseline_and_next_check_passes(workdir):
    assert _check("--xlsx", "out.xlsx").exit_code == 1
    book = openpyxl.load_workbook("out.xlsx")
    sheet = book.active
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        if row[header.index("check")].value == "tags":
            row[header.index("status")].value = "False positive"
            row[header.index("comment")].value = "the footnote is dropped on purpose"
    book.save("reviewed.xlsx")
    res = CliRunner().invoke(main, ["review", "import", "reviewed.xlsx", "--baseline",
                                    "base.json"])
    assert res.exit_code == 0, res.output
    entries = json.loads(Path("base.json").read_text())["entries"]
    assert [(e["check"], e["status"], e["file"]) for e in entries] == [
        ("tags", "false-positive", "doc.xlf")]
    res = _check("--baseline", "base.json")
    assert res.exit_code == 0, res.output  # the only error is now accepted
    assert "1 accepted finding(s) not counted" in res.output


def test_csv_round_trip_and_formula_guard(workdir):
    assert _check("--csv", "out.csv").exit_code == 1
    raw = Path("out.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0] == list(COLUMNS)
    status = COLUMNS.index("status")
    for row in rows[1:]:
        row[status] = "accepted"
    with open("reviewed.csv", "w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    assert len(read_decisions("reviewed.csv")) == len(rows) - 1
    res = CliRunner().invoke(main, ["review", "import", "reviewed.csv", "--baseline", "b.json"])
    assert res.exit_code == 0, res.output
    assert _check("--baseline", "b.json").exit_code == 0


def test_formula_like_text_is_stored_as_text(tmp_path):
    from aligner.export.csv import to_csv
    from aligner.export.xlsx import to_xlsx
    from aligner.model import Finding, Location, Pair, Result, Sentence, Severity

    def sent(text, lang):
        return Sentence(text, Location("a.txt", 0, len(text), 1, 1), lang, 0, 0)
    pair = Pair(0, (sent("=1+1 مرحبا", "ar"),), (sent("=HYPERLINK(\"x\")", "en"),))
    finding = Finding("tags", Severity.ERROR, 0, "tgt", (0, 3), "=HY", "m", "s")
    result = Result({}, ("a.txt",), "ar", "en", (pair,), (finding,))
    path = tmp_path / "f.xlsx"
    path.write_bytes(to_xlsx([result]))
    cell = openpyxl.load_workbook(path).active.cell(row=2, column=COLUMNS.index("target") + 1)
    assert cell.data_type == "s" and cell.value == "=HYPERLINK(\"x\")"
    row = list(csv.reader(io.StringIO(to_csv([result]).lstrip("\ufeff"))))[1]
    assert row[COLUMNS.index("source")] == "'=1+1 مرحبا"


@pytest.mark.parametrize("word, status", [
    ("accepted", "accepted"), ("Accepted ", "accepted"), ("False positive", "false-positive"),
    ("false_positive", "false-positive"), ("FP", "false-positive"), ("", None),
    ("fixed", None), ("todo", None)])
def test_status_words(word, status):
    assert normalise_status(word) == status


def test_unknown_status_names_the_row(workdir):
    assert _check("--csv", "out.csv").exit_code == 1
    text = Path("out.csv").read_text(encoding="utf-8-sig").splitlines()
    head, first = text[0], text[1].split(",")
    first[COLUMNS.index("status")] = "maybe"
    Path("r.csv").write_text(head + "\n" + ",".join(first) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="row 2: unknown status 'maybe'"):
        read_decisions("r.csv")
    res = CliRunner().invoke(main, ["review", "import", "r.csv", "--baseline", "b.json"])
    assert res.exit_code == 2 and not Path("b.json").exists()


def test_review_json_and_merge_keeps_other_entries(workdir):
    Path("base.json").write_text(json.dumps({"version": 1, "tool": "aligner", "entries": [
        {"fingerprint": "aaaa", "check": "omission", "status": "accepted", "excerpt": "x",
         "file": "other.txt"}]}), encoding="utf-8")
    # A review.json as the HTML report downloads it (docs/review.md); only decisions matter here.
    Path("review.json").write_text(json.dumps({
        "format": "aligner-review", "version": 1,
        "source": {"src": {"file": "doc.xlf", "lang": "ar", "sha256": None}, "tgt": None},
        "pairs": [{"src": [[0, 5]], "tgt": []}],
        "decisions": [{"fingerprint": "bbbb", "check": "tags", "status": "false-positive",
                       "file": "doc.xlf"}]}), encoding="utf-8")
    res = CliRunner().invoke(main, ["review", "import", "review.json", "--baseline",
                                    "base.json"])
    assert res.exit_code == 0, res.output
    entries = json.loads(Path("base.json").read_text())["entries"]
    assert sorted((e["fingerprint"], e["status"]) for e in entries) == [
        ("aaaa", "accepted"), ("bbbb", "false-positive")]


def test_a_json_of_another_shape_is_refused(workdir):
    Path("review.json").write_text(json.dumps({"decisions": [
        {"fingerprint": "bbbb", "check": "tags", "status": "false-positive"}]}),
        encoding="utf-8")
    res = CliRunner().invoke(main, ["review", "import", "review.json", "--baseline",
                                    "base.json"])
    assert res.exit_code == 2 and "not a review file" in res.output
    assert not Path("base.json").exists()


def test_a_table_without_fingerprints_is_refused(workdir):
    Path("t.csv").write_text("file,check,status\ndoc.xlf,tags,accepted\n", encoding="utf-8")
    with pytest.raises(InputError, match="no fingerprint column"):
        read_decisions("t.csv")
