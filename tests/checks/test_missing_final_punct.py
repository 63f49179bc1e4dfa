"""missing-final-punct: body paragraphs that end without punctuation."""

from __future__ import annotations

from checkrun import bilingual, found, original, run_text

from aligner.model import Severity

CHECK = ("missing-final-punct",)

ENGLISH = [
    "Floods Hit the Northern Provinces",
    "3 March 2021",
    "Heavy rain flooded several villages in the north on Tuesday. Roads were closed.",
    "Rescue teams reached the flooded area by evening and evacuated hundreds of families",
    "The authorities said the water level was falling.",
]


def test_body_paragraph_without_full_stop(tmp_path):
    result = run_text(tmp_path, "\n".join(ENGLISH) + "\n", CHECK)
    hits = found(result, "missing-final-punct")
    assert len(hits) == 1
    assert original(hits[0]) == "families"
    assert hits[0].severity == Severity.WARNING
    assert hits[0].suggestion.endswith("hundreds of families.'.")


def test_titles_dates_lists_and_finished_paragraphs_are_not_flagged(tmp_path):
    lines = [ENGLISH[0], ENGLISH[1], ENGLISH[2], "- water and blankets", ENGLISH[4],
             "“We will rebuild the bridge before winter,” the governor said.",
             "Read more: www.example.org/floods"]
    result = run_text(tmp_path, "\n".join(lines) + "\n", CHECK)
    assert found(result, "missing-final-punct") == []


def test_arabic_paragraph_with_translation_ending_in_a_stop(tmp_path):
    result = run_text(tmp_path, bilingual(
        ["Heavy rain flooded several villages in the north on Tuesday.",
         "Rescue teams reached the area by evening and evacuated hundreds of families."],
        ["أغرقت أمطار غزيرة عدة قرى في الشمال يوم الثلاثاء.",
         "ووصلت فرق الإنقاذ إلى المنطقة مساء وأجلت مئات العائلات كما أفاد الدفاع المدني"]),
        CHECK)
    hits = found(result, "missing-final-punct")
    assert len(hits) == 1 and hits[0].side == "src"
    assert original(hits[0]) == "المدني"
    assert "The translation ends with '.'" in hits[0].message


def test_a_text_that_never_uses_full_stops_gets_only_hints(tmp_path):
    lines = ["how long have you had these symptoms and where does it hurt most",
             "do you have any allergies to medicine or food that we should know about",
             "please tell me if the pain gets worse during the night or after meals"]
    result = run_text(tmp_path, "\n".join(lines) + "\n", CHECK)
    hits = found(result, "missing-final-punct")
    assert len(hits) == 3 and {h.severity for h in hits} == {Severity.INFO}


def test_quiet_on_captions_headlines_bylines_and_datelines_but_not_on_the_body(tmp_path):
    header = ["Floods Hit the Northern Provinces", "By Sarah Collins", "CAIRO, March 3"]
    body = ["Heavy rain flooded several villages in the north on Tuesday. Roads were closed.",
            "Rescuers wade through a flooded street in the north (Xinhua)",
            "Rescue teams reached the area by evening. They evacuated hundreds of families."]
    passes = "\n".join(header + body) + "\n"
    assert found(run_text(tmp_path, passes, CHECK), "missing-final-punct") == []
    fails = passes.replace("hundreds of families.", "hundreds of families")
    hits = found(run_text(tmp_path, fails, CHECK), "missing-final-punct")
    assert [original(h) for h in hits] == ["families"]
