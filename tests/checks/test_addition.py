"""addition: a translation far longer than the document's own length ratio."""

from __future__ import annotations

from gold import gold_context
from length_docs import SRC, TGT, last_pair_context

from aligner.checks.addition import find_addition


def test_normal_document_has_no_addition():
    assert list(find_addition(gold_context(SRC, TGT))) == []


def test_padded_translation_is_an_addition():
    tgt = list(TGT)
    tgt[2] = (TGT[2] + " Officials added that several soldiers were wounded in a long exchange "
              "of fire, and that reinforcements had been sent to the whole border area.")
    (hit,) = find_addition(gold_context(SRC, tgt))
    assert hit.pair == 2 and hit.side == "tgt"


def test_a_heading_in_capitals_is_not_counted_as_acronyms():
    from aligner.checks._support.lengths import letters

    heading = "DECREE OF THE MINISTER OF THE INTERIOR ON THE CURFEW."
    # Its words are not acronyms: one letter each, not three a capital.
    assert letters(heading) == sum(map(str.isalnum, heading))
    # So are the words of a formula opened in capitals, and only those.
    formula = "IT IS FURTHER ORDERED that the RNA tests go on."
    assert letters(formula) == sum(map(str.isalnum, formula)) + 3 * 3 - 3
    # Acronyms in an ordinary sentence still stand for words.
    assert letters("The RNA test was negative.") > sum(map(str.isalnum, "The RNA test was "
                                                                         "negative."))
    arabic = "قرار صادر عن وزير الداخلية بشأن حظر التجول في العاصمة."
    assert list(find_addition(last_pair_context(arabic, heading, 0.88, "lexical"))) == []


def test_corpus_has_no_addition(corpus_result):
    assert [f for f in corpus_result.findings if f.check == "addition"] == []


# An English clause with no counterpart (e5 token states, with the e5 scorer), in a pair that is
# long and scores low in its document: the omission tests' chase, the other way round.
POLICE_SRC = "وأكدت الشرطة أنها اعتقلت ثلاثة مشتبه بهم في عملية أمنية جنوب المدينة."
POLICE_ADDED = ("The police said they had arrested three suspects in a security operation south "
                "of the city, after a chase through the streets that lasted long hours.")
POLICE_CLAUSE = "after a chase through the streets that lasted long hours"


def _police(arabic: str, english: str, score: float, scorer: str = "e5"):
    return list(find_addition(last_pair_context(arabic, english, score, scorer)))


def test_clause_aligned_to_nothing_in_a_long_low_scoring_pair_is_an_addition():
    (hit,) = _police(POLICE_SRC, POLICE_ADDED, 0.72)
    assert hit.side == "tgt" and POLICE_ADDED[hit.span[0]:hit.span[1]] == POLICE_CLAUSE
    assert "no counterpart in the source" in hit.message


def test_clause_the_source_has_is_not_an_addition():
    arabic = POLICE_SRC.rstrip(".") + "، بعد مطاردة استمرت ساعات طويلة بالشوارع."
    assert _police(arabic, POLICE_ADDED, 0.72) == []


def test_clause_alignment_for_additions_runs_with_the_e5_scorer_only():
    assert _police(POLICE_SRC, POLICE_ADDED, 0.72, scorer="lexical") == []
