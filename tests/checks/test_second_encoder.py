"""The second encoder (aligner/similarity/use.py) and the rules that ask it: low-similarity's
absolute floor and omission's clause deletion. These run the real encoder (the test extra
installs it): no stand-in would show whether it tells a translation from an unrelated
sentence."""

from __future__ import annotations

import numpy as np
import pytest
from gold import gold_context
from length_docs import SRC, TGT, USUAL

from aligner.checks import CheckOptions, name_mismatch
from aligner.checks._support import clauses
from aligner.checks._support.clauses import PARAMS as CLAUSES
from aligner.checks.addition import find_addition
from aligner.checks.low_similarity import PARAMS as SIMILARITY
from aligner.checks.low_similarity import find as find_low_similarity
from aligner.checks.name_mismatch import find as find_name_mismatch
from aligner.checks.omission import PARAMS as OMISSION
from aligner.checks.omission import find_omission
from aligner.similarity import use

E5 = CheckOptions(scorer="e5")
LEXICAL = CheckOptions(scorer="lexical")
UNRELATED = "Tom likes to play football with his friends on Sundays in the park near home."


def test_translations_score_above_the_floor_and_unrelated_sentences_below_it():
    translated = use.cosines(list(zip(SRC, TGT, strict=True)))
    shifted = use.cosines(list(zip(SRC, TGT[5:] + TGT[:5], strict=True)))
    assert min(translated) > SIMILARITY.second_absolute > max(shifted)
    assert use.encode([]).shape == (0, 512)


def test_an_unrelated_translation_is_reported_by_the_second_encoder():
    tgt = list(TGT)
    tgt[3] = UNRELATED
    # The first encoder's scores are all alike: only the second encoder can see it.
    (hit,) = find_low_similarity(gold_context(SRC, tgt, options=E5, scores=USUAL))
    assert hit.pair == 3 and hit.side == "src" and "second encoder" in hit.message
    assert list(find_low_similarity(gold_context(SRC, TGT, options=E5, scores=USUAL))) == []


NAMED_AR = ["ويُحتفل بعيد ميلاد القديس يوحنا المعمدان في 24 يونيو من كل عام.",
            "وتضم المدينة متحف فان غوخ الذي افتتح عام 1973."]
NAMED_EN = ["The Nativity of Saint John the Baptist is celebrated on 24 June every year.",
            "The city is home to the Van Gogh Museum, which opened in 1973."]


@pytest.fixture
def no_ordinary_words(monkeypatch: pytest.MonkeyPatch) -> None:
    """The person rule without its list of ordinary English words, which already keeps a run
    with "Saint" or "Museum" from being a person's name: here the second encoder alone must
    spare such runs."""
    monkeypatch.setattr(name_mismatch, "common_words", frozenset)


def test_a_name_the_arabic_renders_by_translation_is_not_a_mismatch(no_ordinary_words: None):
    # متحف is the museum: no Arabic word sounds like "Museum", and without the second encoder
    # "Van Gogh Museum" is reported ("Saint John" is not: John read as the German Johann
    # sounds like يوحنا).
    lexical = find_name_mismatch(gold_context(NAMED_AR, NAMED_EN, options=LEXICAL))
    assert [h.pair for h in lexical] == [1]
    assert list(find_name_mismatch(gold_context(NAMED_AR, NAMED_EN, options=E5))) == []


def test_a_swapped_name_is_still_a_mismatch_when_its_head_is_translated(
        no_ordinary_words: None):
    # "Rembrandt Museum" matches متحف فان غوخ through "Museum" alone, and "Rembrandt" matches
    # no Arabic word; a country the table knows is never spared this way.
    ar = [NAMED_AR[1], "وقال وزير الخارجية الإيطالي إن بلاده ستستضيف المؤتمر."]
    swapped = ["The city is home to the Rembrandt Museum, which opened in 1973.",
               "Spain's foreign minister said his country would host the conference."]
    hits = list(find_name_mismatch(gold_context(ar, swapped, options=E5)))
    assert [(h.pair, swapped[h.pair][h.span[0]:h.span[1]]) for h in hits] == [
        (0, "Rembrandt Museum"), (1, "Spain's")]


def test_the_second_encoder_is_not_asked_without_an_embedding_scorer_or_the_package(
        monkeypatch: pytest.MonkeyPatch):
    tgt = list(TGT)
    tgt[3] = UNRELATED
    assert list(find_low_similarity(gold_context(SRC, tgt, options=LEXICAL, scores=USUAL))) == []
    monkeypatch.setattr(use, "available", lambda: False)
    assert list(find_low_similarity(gold_context(SRC, tgt, options=E5, scores=USUAL))) == []


def test_a_language_the_second_encoder_does_not_know_is_left_to_the_first():
    tgt = list(TGT)
    tgt[3] = UNRELATED
    # Persian is written in Arabic letters, but the encoder was not trained on it.
    ctx = gold_context(SRC, tgt, src_lang="fa", options=E5, scores=USUAL)
    assert list(find_low_similarity(ctx)) == []


@pytest.mark.parametrize("pair, added", [
    (9, ", adding that two of them were later released"),
    (5, ", and called on donors to increase their support"),
])
def test_a_source_clause_without_counterpart_is_found_by_deletion(pair: int, added: str):
    # An English source with a clause its Arabic translation leaves out: the rules that read
    # Arabic words do not apply, the length rule does not fire (the clause is short).
    src = list(TGT)
    src[pair] = TGT[pair][:-1] + added + "."
    (hit,) = find_omission(gold_context(src, SRC, src_lang="en", tgt_lang="ar", options=E5,
                                        scores=USUAL))
    assert hit.pair == pair and hit.side == "src"
    assert src[pair][hit.span[0]:hit.span[1]] == added.lstrip(", ")
    assert "second encoder" in hit.message
    assert list(find_omission(gold_context(src, SRC, src_lang="en", tgt_lang="ar",
                                           options=LEXICAL, scores=USUAL))) == []


@pytest.mark.parametrize("pair, english, adjunct", [
    (8, "The deputy accused the ministry of failing to follow the file of the missing.",
     "منذ سنوات طويلة"),
    (2, "The army announced that it had foiled an infiltration attempt across the northern "
        "border.", "خلال ساعات الليل الماضية"),
])
def test_an_adjunct_left_out_inside_a_clause_is_found_by_deletion(pair: int, english: str,
                                                                   adjunct: str):
    # No punctuation and no clause opener before the adjunct: the clause is the whole
    # sentence, too long to delete, so only the rest of the clause from its opener is tried.
    assert clauses.arabic_clauses(SRC[pair]) == [(0, len(SRC[pair]) - 1)]
    tgt = list(TGT)
    tgt[pair] = english
    (hit,) = find_omission(gold_context(SRC, tgt, options=E5, scores=USUAL))
    assert hit.pair == pair and hit.side == "src" and "second encoder" in hit.message
    assert SRC[pair][hit.span[0]:hit.span[1]] == adjunct


def test_adjunct_openers_are_read_bare_or_with_a_pronoun_suffix():
    text = "ساعدته صديقته كثيرا لأنها تعرفه منذ الطفولة"
    tried = [text[a:b] for a, b in clauses.deletion_candidates(text, arabic=True)]
    assert tried == [text, "لأنها تعرفه منذ الطفولة", "منذ الطفولة"]
    # An opener that begins its clause opens no shorter stretch of it.
    fronted = "قبل الحرب كانت المدينة هادئة"
    assert clauses.deletion_candidates(fronted, arabic=True) == [(0, len(fronted))]


def test_deleting_a_rendered_clause_lowers_the_score():
    arabic = SRC[2][:-1] + "، مؤكدا مقتل اثنين من المتسللين."
    ((first, kept), (second, lost)) = use.deletion_gains([(arabic, TGT[2])],
                                                         clauses.arabic_clauses)[0]
    assert arabic[first[0]:first[1]] == SRC[2][:-1]
    assert arabic[second[0]:second[1]] == "مؤكدا مقتل اثنين من المتسللين"
    assert kept < 0 < OMISSION.deletion_gain < lost


def test_a_faithful_document_gets_no_deletion_finding():
    assert list(find_omission(gold_context(SRC, TGT, options=E5, scores=USUAL))) == []
    assert list(find_omission(gold_context(TGT, SRC, src_lang="en", tgt_lang="ar",
                                           options=E5, scores=USUAL))) == []


def test_a_clause_said_twice_is_not_a_candidate():
    text = "The severe acute respiratory syndrome (severe acute respiratory syndrome) spread."
    inner = text.index("(") + 1, text.index(")")
    assert clauses.repeated(text, inner, CLAUSES.repeated_share)
    # Either copy is said elsewhere; a clause of new words is not.
    assert clauses.repeated(text, (0, inner[0] - 2), CLAUSES.repeated_share)
    other = "The severe acute respiratory syndrome spread, and hospitals filled up."
    assert not clauses.repeated(other, (other.index("and"), len(other) - 1),
                                CLAUSES.repeated_share)
    figures = "بلغت النسبة 95% (النسبة 95%) في المدينة"
    assert clauses.repeated(figures, (figures.index("(") + 1, figures.index(")")), 0.5)


def test_a_text_set_in_capitals_is_read_in_sentence_case():
    arabic = "بموجب هذا الإعلان قد أمرنا بما يلي."
    shouted, cased = use.cosines([(arabic, "IT IS HEREBY ORDERED THAT."),
                                  (arabic, "It is hereby ordered that.")])
    assert shouted == pytest.approx(cased, abs=1e-5)
    # An acronym among lower-case words is left as it is.
    who, lowered = use.encode(["The WHO said so.", "The who said so."])
    assert float(who @ lowered) < 0.99


def test_a_translation_clause_without_counterpart_is_an_addition_by_deletion():
    added = "saying that two of the infiltrators were killed"
    tgt = list(TGT)
    tgt[2] = TGT[2][:-1] + ", " + added + "."
    (hit,) = find_addition(gold_context(SRC, tgt, options=E5, scores=USUAL))
    assert hit.pair == 2 and hit.side == "tgt"
    assert tgt[2][hit.span[0]:hit.span[1]] == added and "second encoder" in hit.message
    assert list(find_addition(gold_context(SRC, tgt, options=LEXICAL, scores=USUAL))) == []
    assert list(find_addition(gold_context(SRC, TGT, options=E5, scores=USUAL))) == []


def test_arabic_candidates_include_runs_of_two_adjacent_clauses():
    # Arabic opens a clause at every و: one English clause often renders two.
    arabic = "أعلن الجيش أنه أحبط محاولة تسلل، وأكد مقتل اثنين من المتسللين واعتقال ثلاثة آخرين."
    found = clauses.arabic_clauses(arabic)
    assert len(found) == 3
    candidates = clauses.deletion_candidates(arabic, arabic=True)
    assert set(found) < set(candidates)
    assert (found[1][0], found[2][1]) in candidates
    english = "The army said it foiled an attempt, and two infiltrators died in the clash."
    single = clauses.english_clauses(english)
    assert len(single) == 2 and clauses.deletion_candidates(english, arabic=False) == single


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the encoder's model is asked to encode during a test."""
    model = use._encoder().model
    texts_seen: list[str] = []
    encode = model.encode

    def counting(texts):
        texts_seen.extend(texts)
        return encode(texts)

    monkeypatch.setattr(model, "encode", counting)
    return texts_seen


def test_a_sentence_is_encoded_once_per_process(seen: list[str]):
    # low-similarity, omission and addition read the same pairs: the encoder sees each once.
    fresh = ["A sentence this test alone encodes.", "Une phrase que seul ce test encode."]
    first = use.encode(fresh)
    second = use.encode([fresh[1], fresh[0], fresh[1]])
    assert seen == fresh
    assert np.array_equal(second, first[[1, 0, 1]])


def test_pieces_encoded_without_remembering_leave_the_memo_as_it_was(seen: list[str]):
    pieces = ["a piece this test alone encodes", "قطعة لا يرمزها إلا هذا الاختبار"]
    first = use.encode(pieces, remember=False)
    second = use.encode(pieces, remember=False)
    # Not kept: encoded again, with the same vectors.
    assert seen == pieces + pieces
    assert np.array_equal(first, second)
    assert not any(piece in use._encoder()._memo for piece in pieces)


def test_a_phrase_matches_the_arabic_words_it_translates_better_than_a_foreign_phrase():
    arabic = "وقال الوزير إن المحادثات ستتناول التعاون الاقتصادي بين البلدين".split()
    phrases = use.encode(["economic cooperation", "chocolate cake recipe"])
    found = use.best_matches(phrases, arabic)
    assert found.shape == (2,)
    assert found[0] > found[1] + 0.2
    # Its best run is the one it translates: taking that run away lowers its match.
    without = [w for w in arabic if w not in {"التعاون", "الاقتصادي"}]
    assert use.best_matches(phrases[:1], without)[0] < found[0] - 0.1
    assert use.best_matches(use.encode([]), arabic).shape == (0,)
    assert np.array_equal(use.best_matches(phrases[:1], []), [0.0])


def test_deletion_variants_are_not_kept_in_the_memo():
    text = "The minister arrived in Cairo, and the talks began at noon."
    other = "وصل الوزير إلى القاهرة وبدأت المحادثات ظهرا."
    (gains,) = use.deletion_gains([(text, other)], lambda t: [(29, 59)])
    assert [span for span, _gain in gains] == [(29, 59)]
    memo = use._encoder()._memo
    assert text in memo and other in memo
    assert text[:29] + text[59:] not in memo
