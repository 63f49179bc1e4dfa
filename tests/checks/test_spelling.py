"""spelling: English typos, through pyspellchecker's word list, with a user word list."""

from __future__ import annotations

import pytest
from formal import covered, run_one

from aligner import Config, check
from aligner.checks import CheckOptions, spelling

CHECK = "spelling"
SRC = "قال الوزير إن الخطة جاهزة."

@pytest.mark.parametrize("tgt", [
    "The government approved the plan on Monday.",
    "Organisations recognised the behaviour of the honourable members.",  # British
    "The team is analysing the aetiology of the behavioural change.",     # British
    "The envoy attaches weight to ramping up the talks.",                 # inflections
    "Maurizio Massari, Italy's envoy, spoke first.",                      # a name first
    "He doesn't think the minister's plan works.",                        # contractions
    "Mosul and Tikrit reported 12 cases to the WHO.",                     # names, acronyms
    "The multi-organ damage was seen in pre-clinical tests.",            # compounds
    "Cytokines rose; the cytokines then fell.",                           # the text's own term
])
def test_passes(tgt):
    assert run_one(CHECK, [SRC], [tgt]) == []


@pytest.mark.parametrize("tgt, word, fix", [
    ("The goverment approved the plan on Monday.", "goverment", "government"),
    ("The eathquake struck the coast on Monday.", "eathquake", "earthquake"),
    ("The minister recieved the report on Monday.", "recieved", "received"),
    # A sentence's first word is read in lower case.
    ("Goverment officials approved the plan.", "Goverment", "government"),
])
def test_fails(tgt, word, fix):
    hits = run_one(CHECK, [SRC], [tgt])
    assert len(hits) == 1
    assert covered(hits[0], [SRC], [tgt]) == word
    assert f"'{fix}'" in hits[0].suggestion


def test_user_word_list(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# project words\ngoverment\n", encoding="utf-8")
    tgt = ["The goverment approved the plan on Monday."]
    assert run_one(CHECK, [SRC], tgt) != []
    assert run_one(CHECK, [SRC], tgt, options=CheckOptions(spelling_words=words)) == []


def test_arabic_side_is_not_spell_checked():
    assert run_one(CHECK, ["The goverment approved the plan."], ["وافقت الحكومة على الخطة."],
                   src_lang="en", tgt_lang="ar") != []
    assert run_one(CHECK, ["قال الوزير goverment."], ["The minister spoke."]) == []


def test_no_dictionary_is_a_notice(tmp_path, monkeypatch):
    monkeypatch.setattr(spelling, "dictionary", lambda: None)
    path = tmp_path / "doc.txt"
    path.write_text("The goverment approved the plan on Monday.\n", encoding="utf-8")
    result = check([str(path)], Config(enabled=("spelling",)))
    assert result.findings == ()
    assert spelling.NOTICE in result.notices
