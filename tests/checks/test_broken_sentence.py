"""broken-sentence: an English full stop that cuts a clause, or one that was lost."""

from __future__ import annotations

import pytest
from checkrun import found, original, run_text

CHECK = ("broken-sentence",)


def _hits(tmp_path, text: str) -> list[str]:
    return [original(f) for f in found(run_text(tmp_path, text, CHECK), "broken-sentence")]


# Each case that must stay quiet has a twin below that must fire.
@pytest.mark.parametrize("passes, fails, flagged", [
    # A stop that cuts a clause: what follows goes on in lower case.
    ("The minister said that the talks would resume in May.\n",
     "The minister said. that the talks would resume in May.\n", "said. that"),
    ("Older patients have a higher chance of severe disease.\n",
     "Older patients have a. higher chance of severe disease.\n", "a. higher"),
    # A stop after a word no sentence ends with.
    ("The delegation met with the Minister of Health on Monday.\n",
     "The delegation met with the. Minister of Health on Monday.\n", "the."),
    # A lost stop: a sentence opener capitalised in mid-sentence.
    ("The talks ended on Friday. The officials said they would meet again.\n",
     "The talks ended on Friday The officials said they would meet again.\n", "Friday The"),
    ("Prices rose sharply in March. However, wages did not follow.\n",
     "Prices rose sharply in March However, wages did not follow.\n", "March However"),
    # A lost stop before a capitalised participle.
    ("The report was published last spring. Backed by three economists, it drew wide "
     "notice.\n",
     "The report was published last spring Backed by three economists, it drew wide notice.\n",
     "spring Backed"),
])
def test_broken_sentence_passes_and_fails(tmp_path, passes, fails, flagged):
    assert _hits(tmp_path, passes) == []
    assert _hits(tmp_path, fails) == [flagged]


@pytest.mark.parametrize("text", [
    # Abbreviations are not full stops.
    "Talks between U.S. officials and their partners resumed at 9 a.m. local time.\n",
    "He listed apples, pears, plums etc. and other fruit.\n",
    # Titles and names keep their capitals inside a sentence.
    "She spoke at the Center For Disease Control and then flew to The Hague.\n",
    "The study measured vitamin A, vitamin C and zinc in the samples.\n",
])
def test_abbreviations_titles_and_names_are_not_broken_sentences(tmp_path, text):
    assert _hits(tmp_path, text) == []


def test_a_lost_stop_before_a_word_the_document_writes_in_lower_case(tmp_path):
    text = ("Hand washing is the act of cleaning one's hands with soap and water. Wash your hand "
            "before eating and after using the toilet. Health workers scrub for longer\n"
            "They must wash with soap Hand washing with soap consistently is the best defence.\n")
    assert _hits(tmp_path, text) == ["soap Hand"]


def test_a_name_that_opens_sentences_after_a_verb_that_takes_it_is_no_lost_stop(tmp_path):
    # Tom opens more of the document's sentences than he appears inside: after a word a clause
    # ends on, a capitalised "Tom" opens the next sentence; after "think", "ask" or "didn't",
    # or before "a" or "for", he is a verb's subject or object inside the sentence.
    opening = "Tom is my best friend. Tom lives in Boston. Tom plays the piano. Tom is tall.\n"
    for taken in ("I think Tom is right.", "Please ask Tom to help you.",
                  "We met Tom at the station.", "Mary gave Tom a book for his birthday.",
                  "I have known Tom for ten years.", "Why didn't Tom come yesterday?"):
        document = opening + taken + "\nWe needed more money Tom just wanted to help.\n"
        assert _hits(tmp_path, document) == ["money Tom"]
