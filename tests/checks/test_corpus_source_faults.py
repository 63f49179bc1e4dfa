"""Acceptance on the Al-Mayadeen piece: the faults of the source and its translation."""

from __future__ import annotations

from pathlib import Path

from aligner.model import Severity

# The twelve stray full stops of the Arabic, as "word before. word after".
STRAY = {"العديد. من", "محل. الولايات", "المسؤولين. السياسيين", "ورئيس. هيئة",
         "فبراير/شباط. وأمين", "في. “تسليح", "بالملاحظة. بشكل", "تسعى. إلى",
         "للمعدات. العسكرية", "يوم. 20", "للعراق. للضغط", "للعراق. من"}


def _file_text(finding) -> str:
    return Path(finding.loc.file).read_text(encoding="utf-8")


def _around(text: str, pos: int) -> str:
    """The word before the character at ``pos`` (with it) and the word after."""
    start = text.rfind(" ", 0, pos) + 1
    end = text.find(" ", text.find(" ", pos) + 1)
    return text[start:end if end != -1 else None]


def test_all_twelve_stray_full_stops_are_flagged_at_the_stop(corpus_result):
    hits = [f for f in corpus_result.findings if f.check == "stray-period"]
    assert len(hits) == 12
    seen = set()
    for f in hits:
        text = _file_text(f)
        assert f.side == "src" and f.loc.end - f.loc.start == 1
        assert text[f.loc.start] == "."
        seen.add(_around(text, f.loc.start))
    assert seen == STRAY
    assert all(f.severity in (Severity.ERROR, Severity.WARNING) for f in hits)


def test_no_real_sentence_end_is_flagged(corpus_result):
    """Every flagged stop is one of the twelve: the headline's ".." and the real sentence ends
    ("…العسكري هناك”." and the like) are not."""
    for f in corpus_result.findings:
        if f.check == "stray-period":
            assert _around(_file_text(f), f.loc.start) in STRAY


def test_untranslated_headline(corpus_result):
    hits = [f for f in corpus_result.findings if f.check == "untranslated"]
    assert any(f.pair == 0 and f.side == "src" and f.severity == Severity.ERROR
               and "مركز دراسات الحرب" in f.excerpt for f in hits)


def test_unclosed_quotes_on_both_sides(corpus_result):
    hits = [f for f in corpus_result.findings if f.check == "unbalanced-quotes"
            and f.severity != Severity.INFO]
    opened = {(f.side, _file_text(f)[f.loc.start:].split()[0]) for f in hits}
    assert ("src", "“جدير") in opened
    assert ("tgt", "“an") in opened
    assert len(hits) == 2


def test_fragment_and_missing_final_punct(corpus_result):
    fragments = [f for f in corpus_result.findings if f.check == "sentence-fragment"]
    assert [_file_text(f)[f.loc.start:f.loc.start + 16] for f in fragments] == \
        ["Especially after"]
    bare = [f for f in corpus_result.findings if f.check == "missing-final-punct"]
    assert len(bare) == 1
    assert _file_text(bare[0])[bare[0].loc.start:bare[0].loc.end] == "التقرير"
    assert bare[0].side == "src"


def test_no_false_name_inconsistency_or_caption(corpus_result):
    assert not [f for f in corpus_result.findings
                if f.check in ("name-inconsistency", "caption-leak")]
