"""unbalanced-quotes: quotations opened and never closed, per side and across sides."""

from __future__ import annotations

import pytest
from checkrun import bilingual, found, original, run_text

from aligner.checks.unbalanced_quotes import count_quotations, scan
from aligner.model import Severity

CHECK = ("unbalanced-quotes",)


def _hits(tmp_path, text):
    return found(run_text(tmp_path, text, CHECK), "unbalanced-quotes")


@pytest.mark.parametrize("text, mark", [
    ("The mayor promised “a new bridge before the winter and left the meeting early.\n", "“"),
    ("وقال المتحدث إن الحكومة «ستواصل دعم المزارعين في جميع المناطق.\n", "«"),
    ('The report called the plan "a serious mistake by the council and asked for changes.\n',
     '"'),
])
def test_quote_opened_and_never_closed(tmp_path, text, mark):
    hits = _hits(tmp_path, text)
    assert len(hits) == 1
    assert original(hits[0]) == mark
    assert hits[0].severity == Severity.WARNING
    assert "never closed" in hits[0].message


def test_quote_closed_but_never_opened(tmp_path):
    hits = _hits(tmp_path, "The plan is a serious mistake,” the mayor said on Monday.\n")
    assert len(hits) == 1 and original(hits[0]) == "”"
    assert "none was opened" in hits[0].message


# Each balanced text has a twin with one mark removed or changed, which must be flagged.
@pytest.mark.parametrize("text, twin", [
    ("The mayor promised “a new bridge” and left. He said “we will see.”\n",
     "The mayor promised “a new bridge” and left. He said “we will see.\n"),
    ("He called it «a mistake». Nobody answered.\n",
     "He called it «a mistake. Nobody answered.\n"),
    ('The report said "the plan failed". It asked "why?" twice.\n',
     'The report said "the plan failed". It asked "why? twice.\n'),
    # A quotation over two sentences of one paragraph.
    ("“The bridge will open in May. The road will follow,” the mayor said.\n",
     "“The bridge will open in May. The road will follow, the mayor said.\n"),
    # The convention for a quotation running over paragraphs.
    ("“The bridge will open in May.\n“The road will follow in June,” the mayor said.\n",
     "“The bridge will open in May.\nThe road will follow in June, the mayor said.\n"),
    # Single quotes are apostrophes and ʿayn here, not quotation marks.
    ("‘Ammār al-Ḥakīm met the Parliament’s speaker on Monday.\n",
     "“Ammār al-Ḥakīm met the Parliament’s speaker on Monday.\n"),
])
def test_balanced_quotes_are_not_flagged(tmp_path, text, twin):
    assert _hits(tmp_path, text) == []
    assert len(found(run_text(tmp_path, twin, CHECK, "twin.txt"), "unbalanced-quotes")) == 1


def test_dropped_quotation_between_sides_is_a_hint(tmp_path):
    result = run_text(tmp_path, bilingual(
        ["The minister said the government would never accept the new conditions of the "
         "lenders.", "Talks will resume next week."],
        ["وقال الوزير إن “الحكومة لن تقبل أبداً بالشروط الجديدة للمقرضين”.",
         "وستستأنف المحادثات الأسبوع المقبل."]), CHECK)
    hits = found(result, "unbalanced-quotes")
    assert len(hits) == 1
    assert hits[0].severity == Severity.INFO and hits[0].side == "tgt" and hits[0].pair == 0


def test_scan_and_count():
    opened, stray = scan(["He said “yes", "and left.”"])
    assert opened == [] and stray == []
    opened, stray = scan(["He said “yes and «no."])
    assert [m.kind for m in opened] == ["“", "«"]
    assert count_quotations("“one two three four five” and “short”") == 1
