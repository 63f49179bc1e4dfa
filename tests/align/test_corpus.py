"""Acceptance on the Al-Mayadeen piece: the alignment a translator would draw by hand."""

from aligner.model import SRC


def _lines(sentences):
    return sorted({s.loc.line for s in sentences})


def test_thirteen_pairs_paragraph_by_paragraph(corpus_result):
    pairs = corpus_result.pairs
    assert len(pairs) == 13
    # The Arabic headline (line 14) has no English: a 1-0 pair.
    assert _lines(pairs[0].src) == [14] and pairs[0].tgt == ()
    # Every other Arabic paragraph (lines 15-26) pairs with its English paragraph (lines 2-13).
    for k, pair in enumerate(pairs[1:], start=1):
        assert _lines(pair.src) == [14 + k]
        assert _lines(pair.tgt) == [1 + k]


def test_report_paragraph_pairs_with_two_english_sentences(corpus_result):
    (pair,) = [p for p in corpus_result.pairs if p.text(SRC).startswith("ولفت التقرير")]
    assert [t.text.split()[0:3] for t in pair.tgt] == [["The", "report", "pointed"],
                                                      ["Especially", "after", "a"]]


def test_no_pair_cuts_an_arabic_sentence_at_a_stray_full_stop(corpus_result):
    # Each Arabic paragraph is one sentence in this article (its translation has one sentence
    # per paragraph but for the 1-2 pair): no Arabic sentence may end at a stray stop.
    for pair in corpus_result.pairs:
        assert len(pair.src) == 1
    stray = ["العديد. من", "محل. الولايات", "ورئيس. هيئة", "في. “تسليح", "يوم. 20"]
    joined = {pair.text(SRC) for pair in corpus_result.pairs}
    for fragment in stray:
        assert any(fragment in text for text in joined), fragment


def test_every_sentence_once_in_order(corpus_result, corpus_path):
    text = corpus_path.read_text(encoding="utf-8")
    for side in ("src", "tgt"):
        sentences = [s for p in corpus_result.pairs for s in p.side(side)]
        starts = [s.loc.start for s in sentences]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        for s in sentences:
            assert text[s.loc.start:s.loc.end] == s.text
