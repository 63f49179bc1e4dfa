"""caption-leak: captions and photo credits left in body text."""

from __future__ import annotations

import pytest
from checkrun import found, original, run_text

CHECK = ("caption-leak",)


@pytest.mark.parametrize("text, leak", [
    ("The minister visited the port on Monday and met the workers. (AFP photo)\n",
     "(AFP photo)"),
    ("Photo: Reuters\nThe minister visited the port on Monday.\n", "Photo: Reuters"),
    ("He said the talks would continue. (Reuters) The next round starts in May.\n",
     "(Reuters)"),
    ("زار الوزير الميناء يوم الاثنين والتقى العمال. (أ ف ب)\n", "(أ ف ب)"),
    ("صورة: رويترز\nزار الوزير الميناء يوم الاثنين.\n", "صورة: رويترز"),
])
def test_caption_or_credit_in_body_text(tmp_path, text, leak):
    hits = found(run_text(tmp_path, text, CHECK), "caption-leak")
    assert [original(h) for h in hits] == [leak]


@pytest.mark.parametrize("text", [
    "BAGHDAD (Reuters) - Talks resumed on Tuesday after a week of delays.\n",
    "The Reuters news agency reported that the port reopened.\n",
    "The photo shows the minister at the port.\n",
    "قالت وكالة رويترز إن الميناء أعيد فتحه.\n",
])
def test_body_text_mentioning_agencies_is_not_flagged(tmp_path, text):
    assert found(run_text(tmp_path, text, CHECK), "caption-leak") == []


# Each case that must stay quiet has a twin that must fire: the signs are structural (a short
# line ending in a bracketed credit), so agencies the check has never heard of are found.
@pytest.mark.parametrize("passes, fails, leak", [
    ("Protesters gathered in Tahrir Square on Friday to demand new elections.\n",
     "Protesters gather in Tahrir Square (AP Photo - File)\n"
     "Protesters gathered in Tahrir Square on Friday to demand new elections.\n",
     "Protesters gather in Tahrir Square (AP Photo - File)"),
    ("Officials met at the World Health Organization (WHO)\n",
     "Officials met at the World Health Organization (Kyodo News)\n",
     "Officials met at the World Health Organization (Kyodo News)"),
    ("The bridge was finished in 1952 (the second one in the city)\n",
     "The bridge was finished in 1952 (Photo: Ministry of Transport)\n",
     "The bridge was finished in 1952 (Photo: Ministry of Transport)"),
])
def test_caption_lines_by_structure(tmp_path, passes, fails, leak):
    assert found(run_text(tmp_path, passes, CHECK), "caption-leak") == []
    hits = found(run_text(tmp_path, fails, CHECK), "caption-leak")
    assert [original(h) for h in hits] == [leak]
