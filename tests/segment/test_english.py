from aligner.model import Block
from aligner.segment import english, segment


def _texts(paragraph):
    return [paragraph[c.start:c.end] for c in english.split(paragraph)]


def test_titles_and_initialisms_do_not_split():
    text = ("Dr. Ammar Fadel Hamzah met U.S. officials in Washington. "
            "Mr. Smith said the U.N. would respond.")
    assert _texts(text) == ["Dr. Ammar Fadel Hamzah met U.S. officials in Washington.",
                            "Mr. Smith said the U.N. would respond."]


def test_questions_and_quotes():
    text = "Why now? “Because it matters,” she said. It did."
    assert _texts(text) == ["Why now?", "“Because it matters,” she said.", "It did."]


def test_abbreviations_are_shipped_not_downloaded():
    abbrevs = english.load_abbreviations()
    assert {"dr", "u.s", "mr", "jan"} <= set(abbrevs)


def test_offsets_lines_and_columns_refer_to_the_original():
    text = "header\nFirst one. Second one.\n  Third.\n"
    doc = segment(Block("f.txt", "en", text, 7, len(text)))
    for s in doc.sentences:
        assert text[s.loc.start:s.loc.end] == s.text
        line = text.split("\n")[s.loc.line - 1]
        assert line[s.loc.col - 1:].startswith(s.text)
    assert [(s.loc.line, s.loc.col) for s in doc.sentences] == [(2, 1), (2, 12), (3, 3)]
    assert [s.paragraph for s in doc.sentences] == [0, 0, 1]
    assert doc.sentences[-1].break_conf == 1.0


def test_break_confidence_comes_from_the_params():
    # A break before a capital is Punkt's; one before lower case or a digit probably continues
    # the sentence (a stray full stop), so the aligner may absorb it cheaply.
    text = "The talks ended. They resume in May. and the army left. 20 people died."
    cuts = english.split(text)
    assert [c.conf for c in cuts] == [english.PARAMS.punkt, english.PARAMS.continues,
                                      english.PARAMS.continues, 1.0]
    params = english.EnglishSegmentParams(punkt=0.9, continues=0.2)
    assert [c.conf for c in english.split(text, params)][:3] == [0.9, 0.2, 0.2]
