"""The HTML report's markup: gold file, exact spans, escaping, files written by the CLI.

Gold file: ``tests/data/html/small.gold.html``. After an intended change to the markup run
``UPDATE_GOLDEN=1 PYTHONPATH=. python -m pytest tests/export/test_html.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from aligner.cli import main
from aligner.export.html import Mark, build_report, embed_json, highlight, render_html
from aligner.export.json import read_results
from aligner.model import SRC, TGT, Finding, Location, Pair, Result, Sentence, Severity

DATA = Path(__file__).resolve().parent.parent / "data" / "html"
SMALL = DATA / "small.json"
GOLD = DATA / "small.gold.html"


@pytest.fixture(scope="module")
def small() -> Result:
    return read_results(SMALL)[0]


@pytest.fixture(scope="module")
def small_page(small) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(render_html(small))


def normalise_volatile(page: str) -> str:
    """Inline CSS/JS (package data, tested in the browser) and the tool version vary by design."""
    page = re.sub(r"<style>.*?</style>", "<style>/* report.css */</style>", page, flags=re.S)
    page = re.sub(r"<script>\n.*?</script>", "<script>/* report.js */</script>", page, flags=re.S)
    return re.sub(r'(aligner |"version":")\d+\.\d+[^"<\s]*', r"\g<1>X.Y.Z", page)


def test_matches_gold_file(small):
    page = normalise_volatile(render_html(small))
    if os.environ.get("UPDATE_GOLDEN"):
        GOLD.write_text(page, encoding="utf-8")
    assert GOLD.exists(), "no gold file: run with UPDATE_GOLDEN=1 once and review it"
    assert page == GOLD.read_text(encoding="utf-8"), (
        "report markup changed: if intended, run UPDATE_GOLDEN=1 PYTHONPATH=. python -m pytest "
        "tests/export/test_html.py and review the diff of tests/data/html/small.gold.html")


def test_every_pair_has_an_anchor_and_its_cells(small, small_page):
    for pair in small.pairs:
        row = small_page.get_element_by_id(f"p{pair.id}")
        src, tgt = row.find_class("src")[0], row.find_class("tgt")[0]
        assert (src.get("dir"), src.get("lang")) == ("rtl", "ar")
        assert (tgt.get("dir"), tgt.get("lang")) == ("ltr", "en")
        # Markup around findings must not add, drop or reorder a character.
        assert src.text_content() == pair.text(SRC)
        assert tgt.text_content() == pair.text(TGT)
        meta = row.find_class("meta")[0].text_content()
        assert pair.bead in meta and f"{pair.score:.2f}" in meta


def test_each_finding_is_highlighted_at_its_exact_span(small, small_page):
    pairs = {p.id: p for p in small.pairs}
    for n, f in enumerate(small.findings):
        marks = small_page.xpath(f'//mark[@data-f="{n}"]')
        # Nested marks repeat inner text; take each mark's own text outside inner marks of
        # the *same* finding only (there are none), so a plain join of direct text works.
        covered = "".join(m.text_content() for m in marks
                          if not any(a.get("data-f") == str(n) for a in m.iterancestors("mark")))
        text = pairs[f.pair].text(f.side)
        assert covered == text[f.span[0]:f.span[1]], f.message
        heads = [m for m in marks if m.get("id") == f"f{n}"]
        assert len(heads) == 1
        assert heads[0].get("tabindex") == "0"
        note = small_page.get_element_by_id(heads[0].get("aria-describedby"))
        assert f.message in note.text_content() and f.suggestion in note.text_content()
        assert f"s-{f.severity.value}" in heads[0].get("class")


def test_summary_counts_by_severity_and_check(small, small_page):
    def pressed(attr: str) -> dict[str, str]:
        return {b.get(attr): b.find_class("n")[0].text
                for b in small_page.xpath(f"//button[@{attr}]")}

    assert pressed("data-sev") == {"error": "2", "warning": "3", "info": "3"}
    assert pressed("data-check")["numbers"] == "2"
    assert pressed("data-check")["untranslated"] == "1"
    svg = small_page.xpath("//svg")[0]
    assert [a.get("href") for a in svg.iter("a")] == ["#p0", "#p1", "#p2", "#p3"]
    assert "tests/data/html/small.txt" in small_page.find_class("files")[0].text_content()
    assert "A test notice: <b>not bold</b>." in small_page.find_class("notices")[0].text_content()


def test_page_data_carries_baseline_fingerprints(small, small_page):
    from aligner.baseline import finding_fingerprints

    data = json.loads(small_page.get_element_by_id("report-data").text)
    assert [f["fp"] for f in data["findings"]] == finding_fingerprints(small)
    assert all(re.fullmatch(r"[0-9a-f]{16}", f["fp"]) for f in data["findings"])


def test_self_contained(small):
    page = lxml.html.fromstring(render_html(small))
    assert not page.xpath("//link | //img | //iframe | //script[@src] | //*[@src]")
    hrefs = [a.get("href") for a in page.iter("a")]
    assert all(h.startswith("#") for h in hrefs)


# --- highlight(): spans that overlap or cross still give well-nested marks -------------------

def _flatten(items) -> str:
    return "".join(i if isinstance(i, str) else _flatten(i.children) for i in items)


def _covered(items, n: int) -> str:
    out = []
    for item in items:
        if isinstance(item, Mark):
            out.append(_flatten(item.children) if item.n == n else _covered(item.children, n))
    return "".join(out)


def _heads(items) -> list[int]:
    out = []
    for item in items:
        if isinstance(item, Mark):
            out += ([item.n] if item.head else []) + _heads(item.children)
    return out


def test_highlight_crossing_spans():
    items = highlight("abcdefgh", [(0, "error", 1, 5), (1, "info", 3, 7)])
    assert _flatten(items) == "abcdefgh"
    assert _covered(items, 0) == "bcde" and _covered(items, 1) == "defg"
    assert sorted(_heads(items)) == [0, 1]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab ج.", min_size=0, max_size=12).flatmap(
    lambda t: st.tuples(st.just(t), st.lists(
        st.tuples(st.integers(0, len(t)), st.integers(0, len(t))), max_size=5))))
def test_highlight_properties(case):
    text, raw = case
    spans = [(n, "warning", min(a, b), max(a, b)) for n, (a, b) in enumerate(raw)]
    breaks = [k for k, ch in enumerate(text) if ch == " "][::2]
    items = highlight(text, spans, breaks)
    assert _flatten(items) == text
    for n, _, s, e in spans:
        assert _covered(items, n) == text[s:e]
    assert sorted(_heads(items)) == [n for n, *_ in spans]


# --- untrusted text --------------------------------------------------------------------------

PAYLOADS = ('<script>window.__xss = 1</script>', '"><img src=x onerror="window.__xss=2">',
            "</td></tr><b>bold</b>", "</script><script>window.__xss=3</script><!--")


def xss_result() -> Result:
    """A result whose every text field carries markup that must stay text."""
    loc = Location("x.txt", 0, 1, 1, 1)
    src = " ".join(["نص عربي", PAYLOADS[0], PAYLOADS[2]])
    tgt = " ".join(["English text", PAYLOADS[1], PAYLOADS[3]])
    pair = Pair(0, (Sentence(src, loc, "ar", 0, 0),), (Sentence(tgt, loc, "en", 0, 0),), 0.5)
    findings = (
        Finding(PAYLOADS[2], Severity.ERROR, 0, SRC, (8, 8 + len(PAYLOADS[0])), PAYLOADS[0],
                "Message " + PAYLOADS[1], "Suggestion " + PAYLOADS[3], loc),
        Finding("untranslated", Severity.WARNING, 0, TGT, (13, 13 + len(PAYLOADS[1])),
                PAYLOADS[3], PAYLOADS[0], PAYLOADS[1], replace(loc, file=PAYLOADS[1])),
    )
    return Result(tool={"name": "aligner", "version": PAYLOADS[1], "checks": [PAYLOADS[2]]},
                  sources=(f"{PAYLOADS[1]}.txt",), src_lang="ar", tgt_lang="en",
                  pairs=(pair,), findings=findings, notices=(PAYLOADS[0],))


def test_untrusted_text_is_escaped():
    page_text = render_html(xss_result())
    page = lxml.html.fromstring(page_text)
    assert len(page.xpath("//script")) == 2  # the JSON data and the report's own script
    assert not page.xpath("//img | //b | //*[@onerror]")
    assert page.xpath("//td") == []
    data = page.get_element_by_id("report-data").text
    assert "</" not in data and "<!--" not in data
    assert json.loads(data)["findings"][1]["excerpt"] == PAYLOADS[3]
    row = page.get_element_by_id("p0")
    assert PAYLOADS[0] in row.find_class("src")[0].text_content()
    assert PAYLOADS[3] in row.find_class("tgt")[0].text_content()


@pytest.mark.parametrize("value", ["</script><!--x-->", "a\u2028b", {"k": ["<", ">", "&"]}])
def test_embed_json_round_trips(value):
    text = embed_json(value)
    assert "<" not in text and ">" not in text
    assert json.loads(text) == value


def test_build_report_clamps_stale_spans(small):
    bad = replace(small.findings[2], span=(40, 999))
    report = build_report(replace(small, findings=(bad,)))
    assert _flatten(report.pairs[1].tgt) == small.pairs[1].text(TGT)


# --- command line ----------------------------------------------------------------------------

def test_check_writes_html(tmp_path, corpus_path):
    out = tmp_path / "r.html"
    res = CliRunner().invoke(main, ["check", str(corpus_path), "--html", str(out), "-q"])
    assert res.exit_code in (0, 1), res.output
    page = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert len(page.xpath('//*[@role="row"][@data-p]')) == 13
    assert page.get_element_by_id("p11").find_class("bead")[0].text == "1-2"


def test_check_html_dir_names_reports_after_sources(tmp_path, corpus_path):
    res = CliRunner().invoke(main, ["check", str(corpus_path.parent), "--html-dir",
                                    str(tmp_path / "out"), "-q"])
    assert res.exit_code in (0, 1), res.output
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["almayadeen-iraq-russia.html"]


def test_html_of_several_sources_is_a_usage_error(tmp_path, corpus_path):
    other = tmp_path / "copy.txt"
    other.write_text(corpus_path.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "r.html"
    res = CliRunner().invoke(main, ["check", str(corpus_path), str(other), "--html", str(out)])
    assert res.exit_code == 2
    assert "--html-dir" in res.output and "Traceback" not in res.output
    assert not out.exists()


def test_report_renders_saved_json(tmp_path):
    out = tmp_path / "s.html"
    res = CliRunner().invoke(main, ["report", str(SMALL), "-o", str(out)])
    assert res.exit_code == 0, res.output
    page = lxml.html.fromstring(out.read_text(encoding="utf-8"))
    assert len(page.xpath("//mark[@tabindex]")) == 8


def test_report_of_bad_json_is_one_line_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"pairs": ', encoding="utf-8")
    out = tmp_path / "s.html"
    res = CliRunner().invoke(main, ["report", str(bad), "-o", str(out)])
    assert res.exit_code == 2
    assert res.output.count("\n") == 1 and str(bad) in res.output
    assert list(tmp_path.iterdir()) == [bad]


def test_sentence_breaks_are_marked_without_changing_the_text(small, small_page):
    tgt = small_page.get_element_by_id("p2").find_class("tgt")[0]
    breaks = tgt.find_class("sb")
    assert [b.text for b in breaks] == [" "]  # the 1-2 pair: one join between two sentences
    assert tgt.text_content() == small.pairs[2].text("tgt")
    assert not small_page.get_element_by_id("p1").find_class("sb")


def test_report_html_dir_and_missing_output(tmp_path):
    res = CliRunner().invoke(main, ["report", str(SMALL), "--html-dir", str(tmp_path / "d")])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "d" / "small.html").is_file()
    res = CliRunner().invoke(main, ["report", str(SMALL)])
    assert res.exit_code == 2 and "-o FILE or --html-dir DIR" in res.output


def test_quoted_text_in_messages_is_isolated():
    from aligner.export.html import message_html

    assert message_html("A full stop at 'العديد. من' in the source's text.") == \
        "A full stop at &#x27;<bdi>العديد. من</bdi>&#x27; in the source&#x27;s text."
    # Escaped first, then wrapped: markup in the quoted text stays text.
    assert message_html('He wrote "<b>x</b>".') == \
        "He wrote &quot;<bdi>&lt;b&gt;x&lt;/b&gt;</bdi>&quot;."
    assert message_html("No quotes here.") == "No quotes here."


def test_checks_without_findings_have_no_filter_chip(small):
    tool = {**small.tool, "checks": ["numbers", "untranslated", "spelling", "brackets"]}
    page = lxml.html.fromstring(render_html(replace(small, tool=tool)))
    chips = {b.get("data-check") for b in page.xpath("//button[@data-check]")}
    assert "numbers" in chips and "untranslated" in chips
    assert "spelling" not in chips and "brackets" not in chips
