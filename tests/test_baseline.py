"""Baselines: fingerprints survive edits elsewhere; files round-trip; bad files are one line."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from aligner.baseline import (
    BASELINE_VERSION,
    BaselineEntry,
    dumps_baseline,
    entry_for,
    finding_fingerprints,
    fingerprint,
    read_baseline,
    write_baseline,
)
from aligner.errors import InputError
from aligner.model import SRC, TGT, Finding, Location, Pair, Result, Sentence, Severity

LOC = Location("a.txt", 0, 0, 1, 1)


def pair(tgt: str, pid: int = 3, src: str = "قال الوزير إن ٣ مسؤولين حضروا") -> Pair:
    return Pair(pid, (Sentence(src, LOC, "ar", 0, 0),), (Sentence(tgt, LOC, "en", 0, 0),), 0.7)


def finding_at(p: Pair, needle: str, check: str = "numbers", side: str = TGT) -> Finding:
    text = p.text(side)
    start = text.index(needle)
    return Finding(check, Severity.ERROR, p.id, side, (start, start + len(needle)), needle,
                   "m", "s", replace(LOC, line=p.id + 7))


TEXT = "The minister said that 5 officials attended the meeting in Baghdad."


def test_fingerprint_ignores_pair_id_line_and_spacing():
    base = pair(TEXT)
    fp = fingerprint(finding_at(base, "5"), base)
    moved = pair(TEXT, pid=40)
    assert fingerprint(finding_at(moved, "5"), moved) == fp
    spaced = pair(TEXT.replace(" said that ", "  said\n that "))
    assert fingerprint(finding_at(spaced, "5"), spaced) == fp
    far_edit = pair("Yesterday, in a long statement, " + TEXT)
    assert fingerprint(finding_at(far_edit, "5"), far_edit) == fp


def test_fingerprint_normalises_digits_and_nfc():
    src = pair(TEXT)
    a = fingerprint(finding_at(src, "٣", side=SRC), src)
    latin_digit = pair(TEXT, src="قال الوزير إن 3 مسؤولين حضروا")
    assert fingerprint(finding_at(latin_digit, "3", side=SRC), latin_digit) == a
    composed, decomposed = pair("café 5 x"), pair("cafe\u0301 5 x")
    assert (fingerprint(finding_at(composed, "5"), composed)
            == fingerprint(finding_at(decomposed, "5"), decomposed))


def test_fingerprint_tells_findings_apart():
    p = pair(TEXT)
    fp = fingerprint(finding_at(p, "5"), p)
    assert fingerprint(finding_at(p, "5", check="terms"), p) != fp
    changed_context = pair(TEXT.replace("said that", "denied that"))
    assert fingerprint(finding_at(changed_context, "5"), changed_context) != fp
    other_number = pair(TEXT.replace("5", "6"))
    assert fingerprint(finding_at(other_number, "6"), other_number) != fp
    assert len(fp) == 16 and int(fp, 16) >= 0


def test_write_read_round_trip(tmp_path):
    p = pair(TEXT)
    result = Result(tool={}, sources=("a.txt",), src_lang="ar", tgt_lang="en", pairs=(p,),
                    findings=(finding_at(p, "5"), finding_at(p, "Baghdad", check="terms")))
    entries = [entry_for(f, result, fp, "false-positive")
               for f, fp in zip(result.findings, finding_fingerprints(result))]
    path = tmp_path / "baseline.json"
    write_baseline(path, entries + entries)  # duplicates collapse
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == BASELINE_VERSION and data["tool"] == "aligner"
    fps = [e["fingerprint"] for e in data["entries"]]
    assert len(fps) == 2 and fps == sorted(fps)  # one file: ordered by fingerprint
    assert set(data["entries"][0]) == {"fingerprint", "check", "status", "excerpt", "file"}
    back = read_baseline(path)
    assert sorted(back, key=lambda e: e.fingerprint) == sorted(entries,
                                                               key=lambda e: e.fingerprint)
    assert all(e.status == "false-positive" and e.file == "a.txt" for e in back)


def test_dumps_is_stable_text():
    e = BaselineEntry("00ff", "terms", "accepted", "«نص»", "f.txt")
    assert dumps_baseline([e]) == (
        '{\n  "version": 1,\n  "tool": "aligner",\n  "entries": [\n    {\n'
        '      "fingerprint": "00ff",\n      "check": "terms",\n      "status": "accepted",\n'
        '      "excerpt": "«نص»",\n      "file": "f.txt"\n    }\n  ]\n}\n')


@pytest.mark.parametrize("content, problem", [
    ("{", "not a baseline file"),
    ('{"version": 2, "entries": []}', "version 1"),
    ('{"version": 1}', "entries"),
    ('{"version": 1, "entries": [{"check": "x"}]}', "entry 0"),
    ('{"version": 1, "entries": [{"fingerprint": "a", "check": "x", "status": "maybe"}]}',
     "unknown status"),
])
def test_bad_baseline_is_an_input_error(tmp_path, content, problem):
    path = tmp_path / "b.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_baseline(path)
    assert problem in str(info.value) and str(path) in str(info.value)


def test_missing_baseline(tmp_path):
    with pytest.raises(InputError, match="no such baseline file"):
        read_baseline(tmp_path / "nope.json")
