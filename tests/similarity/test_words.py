"""Word-level translation evidence: the fitted table, stems, runs of untranslated words."""

from __future__ import annotations

import gzip
import subprocess
import sys
from pathlib import Path

from aligner.similarity import words

ROOT = Path(__file__).resolve().parents[2]


def test_stems_fold_clitics_and_inflection():
    assert words.ar_stem("والقوات") == words.ar_stem("القوات") == words.ar_stem("قوات")
    assert words.ar_stem("حكومتهم") == words.ar_stem("حكومة")
    assert words.en_stem("Forces") == words.en_stem("force")
    assert words.en_stem("government's") == words.en_stem("government")


def test_tokens_keep_their_offsets():
    text = "قال الوزير، وأكد الجيش."
    for token in words.ar_tokens(text):
        assert text[token.start:token.end] == token.text
    english = "The minister's forces said so."
    assert [english[t.start:t.end] for t in words.en_tokens(english)][:2] == ["The",
                                                                          "minister's"]


def test_table_translates_common_words_and_not_unrelated_ones():
    table = words.load()
    assert table.translates(words.ar_stem("الحكومة"), words.en_stem("government")) > 0.3
    assert table.translates(words.ar_stem("الفيروس"), words.en_stem("virus")) > 0.3
    assert table.translates(words.ar_stem("الحكومة"), words.en_stem("virus")) == 0.0
    assert table.known_en(words.en_stem("health"))
    assert not table.known_en(words.en_stem("quasiperiodicity"))


def test_faithful_pair_is_translated_word_for_word():
    found = words.pair_words("أعلنت الحكومة إغلاق المدارس بسبب انتشار الفيروس.",
                             "The government announced the closure of schools because of "
                             "the spread of the virus.")
    assert False not in found.en_state
    assert sum(s is True for s in found.en_state) >= 4


def test_replaced_phrase_is_an_untranslated_run():
    found = words.pair_words("وأعلن الجيش أنه أحبط محاولة تسلل عبر الحدود الشمالية خلال "
                             "ساعات الليل الماضية.",
                             "The army announced that it had foiled the spread of infectious "
                             "disease during the past night.")
    (run,) = [r for r in words.untranslated_runs(found.en_state) if len(r) >= 2]
    assert [found.english[k].text for k in run] == ["spread", "infectious", "disease"]
    assert max(len(r) for r in words.untranslated_runs(found.ar_state)) >= 3


def test_runs_allow_a_gap_without_evidence():
    states = [True, False, None, False, None, None, False, True]
    assert words.untranslated_runs(states, gap=1) == [[1, 3], [6]]
    assert words.untranslated_runs(states, gap=2) == [[1, 3, 6]]
    assert words.untranslated_runs([None, True, None]) == []


def test_refit_reproduces_the_shipped_table(tmp_path):
    # The whole fit (three Model 1 fits in both directions, ~4,000 pairs): about 15 s.
    out = tmp_path / "table.tsv.gz"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "fit_word_table.py"),
                    "--out", str(out)], check=True, capture_output=True, cwd=ROOT)
    with gzip.open(out, "rt", encoding="utf-8") as new, \
            gzip.open(words.DATA, "rt", encoding="utf-8") as shipped:
        assert new.read() == shipped.read()
