"""The segmenter reads the analysis view and caps segment length, keeping every character of the
original in exactly one sentence, in order, with offsets that point at it (issue 11)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from aligner.model import Block
from aligner.segment import LENGTH_CAP, SegmentParams, segment
from aligner.view import analysis_view

_ALPHABET = [*"ab وق .؟،,\n", "\u200f", "\u200e", "\u200d", "\u200c", "\u061c", "\u2067", "\u2069",
             "\u00ad", "\ufeff", "\ufefb", "\ufe8d"]


def _check(text: str, lang: str, params: SegmentParams) -> None:
    doc = segment(Block("f.txt", lang, text, 0, len(text)), params=params)
    pos = 0
    for sent in doc.sentences:
        assert sent.loc.start >= pos  # in order, never overlapping
        assert text[sent.loc.start:sent.loc.end] == sent.original
        assert sent.text == analysis_view(sent.original)
        assert len(sent.text) <= params.max_chars
        gap = text[pos:sent.loc.start]
        assert not analysis_view(gap).strip()  # nothing visible falls between sentences
        pos = sent.loc.end
    assert not analysis_view(text[pos:]).strip()


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=120),
       st.sampled_from(["ar", "en"]))
# The cap's limit fell inside a folded lam-alef (one character, two in the view): the piece
# mapped back to the whole character, one past the cap.
@example(text="aaaaaaaaaaaa\ufefb\ufefb", lang="ar")
def test_every_character_is_in_one_sentence_in_order(text, lang):
    _check(text, lang, SegmentParams(max_chars=15))


def test_an_unpunctuated_line_is_cut_at_clause_marks_then_spaces_then_anywhere():
    params = SegmentParams(max_chars=50)
    clauses = "، ".join(["كلمة أخرى هنا"] * 20)
    words = " ".join(["word"] * 60)
    blob = "x" * 130
    for text, lang in ((clauses, "ar"), (words, "en"), (blob, "en")):
        doc = segment(Block("f.txt", lang, text, 0, len(text)), params=params)
        assert len(doc.sentences) >= len(text) // 50
        assert all(len(s.text) <= 50 for s in doc.sentences)
        assert all(s.break_reason == LENGTH_CAP for s in doc.sentences[:-1])
        _check(text, lang, params)
    doc = segment(Block("f.txt", "ar", clauses, 0, len(clauses)), params=params)
    assert all(s.text.endswith("،") for s in doc.sentences[:-1])


def test_a_mark_between_a_stop_and_the_space_does_not_hide_the_break():
    text = "ذهب الوزير إلى بغداد.\u200f وقال إن الزيارة مهمة."
    doc = segment(Block("f.txt", "ar", text, 0, len(text)))
    assert [s.original for s in doc.sentences] == ["ذهب الوزير إلى بغداد.\u200f",
                                                   "وقال إن الزيارة مهمة."]


def test_the_aligner_never_joins_a_length_cap_cut_back():
    from aligner.align.rejoin import rejoin

    text = " ".join(["word"] * 60)
    doc = segment(Block("f.txt", "en", text, 0, len(text)), params=SegmentParams(max_chars=50))
    other = segment(Block("g.txt", "en", "One sentence.", 0, 13)).sentences
    assert len(rejoin(doc, doc.sentences, other)) == len(doc.sentences) > 1
