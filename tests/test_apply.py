"""review.json (aligner/review_file.py), ``align apply`` and ``align check --review``, without
a browser: the review files here are written the way the report writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from aligner.apply import apply_review
from aligner.cli import main
from aligner.errors import InputError
from aligner.review_file import read_review, text_sha256

EN = ("The minister met the ambassador on 3 May 2024. They discussed trade and energy.\n"
      "The talks lasted 2 hours. Both sides praised the 5 agreements.\n")
AR = ("التقى الوزير السفير في 3 مايو/أيار 2024. وناقشا التجارة والطاقة.\n"
      "استمرت المحادثات ساعتين 2. وأشاد الجانبان بالاتفاقيات الخمس 5.\n")
SOURCE = EN + AR


def _align(*args: str):
    return CliRunner().invoke(main, list(args))


def _sentences(text: str, sentences: list[str]) -> list[list[int]]:
    """``[start, end]`` of each sentence, found in order in ``text``."""
    out, pos = [], 0
    for s in sentences:
        start = text.index(s, pos)
        out.append([start, start + len(s)])
        pos = start + len(s)
    return out


EN_S = ["The minister met the ambassador on 3 May 2024.", "They discussed trade and energy.",
        "The talks lasted 2 hours.", "Both sides praised the 5 agreements."]
AR_S = ["التقى الوزير السفير في 3 مايو/أيار 2024.", "وناقشا التجارة والطاقة.",
        "استمرت المحادثات ساعتين 2.", "وأشاد الجانبان بالاتفاقيات الخمس 5."]


def review_data(file: str = "art.txt", text: str = SOURCE, merge_last: bool = True,
                **extra) -> dict:
    """A review of the combined file ``file``: four 1-1 pairs, the last two merged."""
    en, ar = _sentences(text, EN_S), _sentences(text, AR_S)
    pairs = [{"src": [ar[k]], "tgt": [en[k]], "repaired": False} for k in range(2)]
    if merge_last:
        pairs.append({"src": ar[2:], "tgt": en[2:], "repaired": True})
    else:
        pairs += [{"src": [ar[k]], "tgt": [en[k]], "repaired": False} for k in (2, 3)]
    digest = text_sha256(text)
    data = {"format": "aligner-review", "version": 1,
            "tool": {"name": "aligner", "version": "0"},
            "source": {"src": {"file": file, "lang": "ar", "sha256": digest},
                       "tgt": {"file": file, "lang": "en", "sha256": digest}},
            "pairs": pairs, "edits": [], "comments": [], "decisions": []}
    data.update(extra)
    return data


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("art.txt").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def _write(data: dict, name: str = "review.json") -> str:
    Path(name).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return name


def _edit(pair: int, old: str, new: str, text: str = SOURCE) -> dict:
    start = text.index(old)
    return {"pair": pair, "start": start, "end": start + len(old), "original": old, "text": new}


# ---------------------------------------------------------------- the schema reader

def test_reads_a_review(workdir):
    data = review_data(edits=[_edit(0, EN_S[0], "The minister received the ambassador.")],
                       comments=[{"pair": 2, "text": "one unit"}],
                       decisions=[{"fingerprint": "abcd", "check": "whitespace",
                                   "status": "accepted", "excerpt": "x", "file": "art.txt"}])
    review = read_review(_write(data))
    assert review.src.lang == "ar" and review.tgt.file == "art.txt"
    assert review.repairs == (2,)
    assert review.pairs[2].span("tgt") == (SOURCE.index(EN_S[2]),
                                          SOURCE.index(EN_S[3]) + len(EN_S[3]))
    assert review.edits[0].text == "The minister received the ambassador."
    assert review.comments[0].text == "one unit"
    assert review.decisions[0].status == "accepted"


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.update(format="other"), "not a review file"),
    (lambda d: d.update(version=2), "review version 2 is not supported"),
    (lambda d: d["source"].update(src="art.txt"), "source.src: expected an object"),
    (lambda d: d["source"]["src"].update(sha256="xyz"), "64 lowercase hexadecimal"),
    (lambda d: d["pairs"][0].update(src=[[5, 2]]), "in order and not overlap"),
    (lambda d: d["pairs"][0].update(src=[], tgt=[]), "a sentence on one side"),
    (lambda d: d["pairs"][0].update(repaired="yes"), "true or false"),
    (lambda d: d.update(edits=[{"pair": 9, "start": 0, "end": 1, "text": ""}]),
     "pair number from 0 to 2"),
    (lambda d: d.update(edits=[{"pair": 1, "start": 0, "end": 5, "text": "x"}]),
     "not inside the target side of pair 1"),
    (lambda d: d.update(comments=[{"pair": 0, "text": 5}]), "\"text\" must be a string"),
    (lambda d: d.update(decisions=[{"fingerprint": "a", "check": "c", "status": "maybe"}]),
     "unknown status 'maybe'"),
    (lambda d: d.update(pairs={}), "pairs: expected a list"),
])
def test_malformed_reviews_are_refused_naming_the_entry(workdir, mutate, message):
    data = review_data()
    mutate(data)
    with pytest.raises(InputError, match=message):
        read_review(_write(data))


def test_not_json_is_one_line_exit_2(workdir):
    Path("review.json").write_text("{\"format\": \"aligner-review\", ", encoding="utf-8")
    res = _align("apply", "review.json", "--tmx", "out.tmx")
    assert res.exit_code == 2
    assert "review.json: not a review file (JSONDecodeError)" in res.output
    assert not Path("out.tmx").exists()


# ---------------------------------------------------------------- apply

def test_apply_edits_and_pairing(workdir):
    data = review_data(edits=[_edit(0, EN_S[0], "The minister received the ambassador."),
                              _edit(2, EN_S[2] + " " + EN_S[3],
                                    "The talks lasted two hours;\nboth sides were pleased.")])
    applied = apply_review(read_review(_write(data)))
    text = applied.texts["art.txt"]
    assert text == SOURCE.replace(EN_S[0], "The minister received the ambassador.").replace(
        EN_S[2] + " " + EN_S[3], "The talks lasted two hours; both sides were pleased.")
    pairs = applied.result.pairs
    assert [p.bead for p in pairs] == ["1-1", "1-1", "2-1"]
    assert pairs[0].text("tgt") == "The minister received the ambassador."
    assert pairs[2].text("tgt") == "The talks lasted two hours; both sides were pleased."
    # The Arabic after the edited English moved; its offsets follow it into the new text.
    for pair in pairs:
        for s in pair.src:
            assert text[s.loc.start:s.loc.end] == s.original
    assert pairs[2].src[0].loc.line == 4  # the reviser's line break became a space


def test_a_deleted_translation_leaves_the_pair_one_sided(workdir):
    applied = apply_review(read_review(_write(review_data(edits=[_edit(1, EN_S[1], "")]))))
    assert [p.bead for p in applied.result.pairs] == ["1-1", "1-0", "2-2"]
    assert "2024. \nThe talks" in applied.texts["art.txt"]


def test_apply_cli_writes_tmx_and_corrected_file_not_over_the_input(workdir):
    _write(review_data(edits=[_edit(1, EN_S[1], "They talked about trade and energy.")]))
    res = _align("apply", "review.json", "-o", "art.txt")
    assert res.exit_code == 2 and "is an input of this run" in res.output
    res = _align("apply", "review.json", "-o", "fixed.txt", "--tmx", "fixed.tmx",
                 "--xliff", "fixed.xlf")
    assert res.exit_code == 0, res.output
    assert "applied 1 edit(s), 1 re-paired pair(s)" in res.output
    assert Path("art.txt").read_text(encoding="utf-8") == SOURCE
    assert "They talked about trade and energy." in Path("fixed.txt").read_text("utf-8")
    tmx = Path("fixed.tmx").read_text(encoding="utf-8")
    assert tmx.count("<tu ") == 3 and "They talked about trade and energy." in tmx
    assert "<seg>The talks lasted 2 hours. Both sides praised the 5 agreements.</seg>" in tmx
    assert "They talked about trade and energy." in Path("fixed.xlf").read_text("utf-8")


def test_apply_in_place_only_when_asked(workdir):
    _write(review_data(edits=[_edit(1, EN_S[1], "They talked.")]))
    res = _align("apply", "review.json", "--in-place")
    assert res.exit_code == 0, res.output
    assert "2024. They talked.\n" in Path("art.txt").read_text("utf-8")


def test_hash_mismatch_is_refused_in_one_line(workdir):
    _write(review_data())
    Path("art.txt").write_text(SOURCE.replace("trade", "commerce"), encoding="utf-8")
    res = _align("apply", "review.json", "--tmx", "out.tmx")
    assert res.exit_code == 2
    assert res.output.strip().count("\n") == 0
    assert "art.txt: does not match the review review.json" in res.output
    assert not Path("out.tmx").exists()
    res = _align("check", "art.txt", "--scorer", "lexical", "--review", "review.json")
    assert res.exit_code == 2 and "does not match the review" in res.output


def test_source_option_reads_the_file_elsewhere(workdir):
    _write(review_data(file="gone/art.txt"))
    res = _align("apply", "review.json", "--tmx", "out.tmx")
    assert res.exit_code == 2 and "gone/art.txt" in res.output
    res = _align("apply", "review.json", "--source", "art.txt", "--tmx", "out.tmx")
    assert res.exit_code == 0, res.output
    assert Path("out.tmx").read_text("utf-8").count("<tu ") == 3


def test_a_review_without_hash_cannot_be_applied(workdir):
    data = review_data()
    data["source"]["src"]["sha256"] = data["source"]["tgt"]["sha256"] = None
    _write(data)
    res = _align("apply", "review.json", "--tmx", "out.tmx")
    assert res.exit_code == 2 and "records no hash" in res.output


def test_parallel_files(workdir):
    Path("a.ar.txt").write_text(AR, encoding="utf-8")
    Path("a.en.txt").write_text(EN, encoding="utf-8")
    res = _align("check", "a.ar.txt", "a.en.txt", "--scorer", "lexical", "--json", "r.json")
    assert res.exit_code == 0, res.output
    hashes = json.loads(Path("r.json").read_text())["tool"]["source_sha256"]
    assert hashes == {"a.ar.txt": text_sha256(AR), "a.en.txt": text_sha256(EN)}
    ar, en = _sentences(AR, AR_S), _sentences(EN, EN_S)
    data = review_data()
    data["source"] = {"src": {"file": "a.ar.txt", "lang": "ar", "sha256": hashes["a.ar.txt"]},
                      "tgt": {"file": "a.en.txt", "lang": "en", "sha256": hashes["a.en.txt"]}}
    data["pairs"] = [{"src": ar[:2], "tgt": en[:2], "repaired": True},
                     {"src": [ar[2]], "tgt": [en[2]], "repaired": False},
                     {"src": [ar[3]], "tgt": [en[3]], "repaired": False}]
    data["edits"] = [_edit(1, EN_S[2], "The talks took 2 hours.", EN)]
    _write(data)
    res = _align("apply", "review.json", "-o", "fixed.en.txt", "--tmx", "out.tmx")
    assert res.exit_code == 0, res.output
    assert Path("fixed.en.txt").read_text("utf-8") == EN.replace(EN_S[2],
                                                                "The talks took 2 hours.")
    res = _align("check", "a.ar.txt", "a.en.txt", "--scorer", "lexical", "--review",
                 "review.json", "--json", "after.json")
    assert res.exit_code == 0, res.output
    assert [p["bead"] for p in json.loads(Path("after.json").read_text())["pairs"]] == [
        "2-2", "1-1", "1-1"]


# ---------------------------------------------------------------- align check --review

def test_check_keeps_the_repairing_and_only_with_the_review(workdir):
    assert _align("check", "art.txt", "--scorer", "lexical", "--json", "a.json").exit_code == 0
    assert [p["bead"] for p in json.loads(Path("a.json").read_text())["pairs"]] == ["1-1"] * 4
    _write(review_data())
    res = _align("check", "art.txt", "--scorer", "lexical", "--review", "review.json",
                 "--json", "b.json")
    assert res.exit_code == 0, res.output
    assert "align: warning" not in res.output
    pairs = json.loads(Path("b.json").read_text())["pairs"]
    assert [p["bead"] for p in pairs] == ["1-1", "1-1", "2-2"]
    assert pairs[2]["tgt"] == EN_S[2:]


def test_check_review_from_setup_cfg(workdir):
    _write(review_data())
    Path("setup.cfg").write_text("[align]\nreview = review.json\n", encoding="utf-8")
    res = _align("check", "art.txt", "--scorer", "lexical", "--json", "b.json")
    assert res.exit_code == 0, res.output
    assert [p["bead"] for p in json.loads(Path("b.json").read_text())["pairs"]] == [
        "1-1", "1-1", "2-2"]


def test_a_split_is_kept_and_a_review_of_another_source_is_ignored(workdir):
    en, ar = _sentences(SOURCE, EN_S), _sentences(SOURCE, AR_S)
    data = review_data(merge_last=False)
    # The reviser's split: 1-0 and 0-1 where the aligner paired ar[1] with en[1].
    data["pairs"][1:2] = [{"src": [ar[1]], "tgt": [], "repaired": True},
                          {"src": [], "tgt": [en[1]], "repaired": True}]
    _write(data)
    res = _align("check", "art.txt", "--scorer", "lexical", "--review", "review.json",
                 "--json", "b.json")
    assert res.exit_code in (0, 1), res.output
    beads = [p["bead"] for p in json.loads(Path("b.json").read_text())["pairs"]]
    assert beads == ["1-1", "1-0", "0-1", "1-1", "1-1"]
    Path("other.txt").write_text(SOURCE, encoding="utf-8")
    res = _align("check", "other.txt", "--scorer", "lexical", "--review", "review.json",
                 "--json", "c.json")
    assert [p["bead"] for p in json.loads(Path("c.json").read_text())["pairs"]] == ["1-1"] * 4
    assert "align: warning: review.json is a review of art.txt, not of a source of this run" \
        in res.output


def test_a_repairing_off_the_sentence_edges_is_refused(workdir):
    data = review_data()
    data["pairs"][2]["tgt"][0][0] += 4   # "talks lasted ...": not where a sentence starts
    _write(data)
    res = _align("check", "art.txt", "--scorer", "lexical", "--review", "review.json")
    assert res.exit_code == 2 and "no longer falls on sentence edges" in res.output


# ---------------------------------------------------------------- review import

def test_review_import_reads_the_decisions(workdir):
    _write(review_data(decisions=[
        {"fingerprint": "abcd", "check": "whitespace", "status": "false-positive",
         "excerpt": "x", "file": "art.txt"}]))
    res = _align("review", "import", "review.json", "--baseline", "base.json")
    assert res.exit_code == 0, res.output
    entries = json.loads(Path("base.json").read_text())["entries"]
    assert [(e["fingerprint"], e["status"]) for e in entries] == [("abcd", "false-positive")]
