from aligner.model import LineIndex, Location, Pair, Sentence


def _sent(text, start, line=1, col=None):
    return Sentence(text, Location("f", start, start + len(text), line, col or start + 1), "en",
                    0, 0)


def test_line_index():
    idx = LineIndex.of("ab\ncd\n\nef")
    assert idx.line_col(0) == (1, 1)
    assert idx.line_col(4) == (2, 2)
    assert idx.line_col(7) == (4, 1)


def test_pair_locate_maps_joined_spans_to_the_file():
    text = "One two. Three four."
    s1, s2 = _sent("One two.", 0), _sent("Three four.", 9)
    pair = Pair(0, (), (s1, s2))
    joined = pair.text("tgt")
    assert joined == "One two. Three four."
    span = (joined.index("four"), joined.index("four") + 4)
    loc = pair.locate("tgt", span)
    assert text[loc.start:loc.end] == "four" and loc.col == loc.start + 1
    assert pair.bead == "0-2"
