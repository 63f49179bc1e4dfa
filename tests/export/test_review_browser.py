"""Fixes in the report, end to end in real headless Chromium (issue 15, part 5).

A reviser opens the report of a small bilingual source, edits a translation, applies a
suggestion, merges two pairs, comments and marks a finding, then downloads review.json;
``align apply`` turns it into the corrected TMX and translation, and ``align check --review``
keeps the re-pairing.
"""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from aligner.cli import main

from .chromium import console_errors, start_chromium

pytestmark = pytest.mark.slow

# English first, Arabic after: one combined file. The second English pair of lines carries
# markup (the text is untrusted) and the first two double spaces (whitespace findings whose
# suggestion is a concrete replacement).
SOURCE = (
    "The minister met the ambassador on 3 May 2024. They discussed  trade and  energy.\n"
    "The talks lasted 2 hours. Both sides praised the 5 <b>agreements</b>.\n"
    "التقى الوزير السفير في 3 مايو/أيار 2024. وناقشا التجارة والطاقة.\n"
    "استمرت المحادثات ساعتين 2. وأشاد الجانبان بالاتفاقيات الخمس 5.\n"
)
EDITED = "The minister received the ambassador on 3 May 2024."


def _align(*args: str):
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def browser(tmp_path):
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    try:
        driver, profile = start_chromium(download_dir=downloads)
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield driver, downloads
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _wait(predicate, what: str, seconds: float = 10):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def _press(driver, *keys) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def _save(driver) -> None:
    """Ctrl+Enter in the open editor."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    ActionChains(driver).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(
        Keys.CONTROL).perform()


def _focus_pair(driver, pid: str) -> None:
    driver.find_element("css selector", f'#p{pid} a.pid').send_keys("")  # focus, no scroll jump
    driver.execute_script(f"document.querySelector('#p{pid} a.pid').focus()")


def _tmx_pairs(path: Path) -> list[tuple[str, str]]:
    tree = etree.parse(str(path))
    out = []
    for tu in tree.iter("tu"):
        segs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang"): tuv.findtext("seg")
                for tuv in tu.iter("tuv")}
        out.append((segs.get("ar"), segs.get("en")))
    return out


def test_edit_repair_comment_decide_download_apply_recheck(browser, tmp_path, monkeypatch):
    driver, downloads = browser
    monkeypatch.chdir(tmp_path)
    Path("art.txt").write_text(SOURCE, encoding="utf-8")
    res = _align("check", "art.txt", "--scorer", "lexical", "--html", "art.html",
                 "--json", "before.json")
    assert res.exit_code == 0, res.output
    before = json.loads(Path("before.json").read_text())
    assert [p["bead"] for p in before["pairs"]] == ["1-1"] * 4
    ws = [f for f in before["findings"] if f["check"] == "whitespace"]
    assert [f["pair"] for f in ws] == [1, 1]

    driver.get(Path("art.html").resolve().as_uri())
    driver.execute_script("window.localStorage.clear()")
    driver.get(Path("art.html").resolve().as_uri())

    # Markup in the source is text on the page, never elements.
    assert driver.find_elements("css selector", "#pairs b") == []

    # 1. Edit pair 0's translation from the keyboard.
    _focus_pair(driver, "0")
    _press(driver, "e")
    area = driver.switch_to.active_element
    assert area.tag_name == "textarea"
    assert area.get_attribute("value") == "The minister met the ambassador on 3 May 2024."
    area.clear()
    area.send_keys(EDITED)
    _save(driver)
    row0 = driver.find_element("id", "p0")
    assert "edited" in row0.get_attribute("class")
    assert [e.text for e in row0.find_elements("css selector", ".tgt ins")] == ["received"]
    assert [e.text for e in row0.find_elements("css selector", ".tgt del")] == ["met"]

    # 2. Apply both whitespace suggestions (one space for two) in pair 1: the second one
    # lands in the text the first one already changed.
    numbers = [before["findings"].index(f) for f in ws]
    for n in numbers:
        driver.find_element("css selector", f"#d{n} button.fix").click()
    assert [e.get_attribute("textContent") for e in driver.find_elements(
        "css selector", "#p1 .tgt ins")] == [" ", " "]
    assert driver.find_element("css selector", f"#d{numbers[0]} button.fix").get_attribute(
        "disabled")

    # 3. Mark the first one accepted.
    n = numbers[0]
    driver.find_element("css selector", f'#d{n} button.rv[data-status="accepted"]').click()

    # 4. Merge pairs 2 and 3 (the reviser says the two sentences are one unit).
    _focus_pair(driver, "2")
    _press(driver, "m")
    assert driver.find_elements("id", "p3") == []
    row2 = driver.find_element("id", "p2")
    assert "repaired" in row2.get_attribute("class")
    assert row2.find_element("css selector", ".bead").text.startswith("2-2")
    assert "<b>agreements</b>" in row2.find_element("css selector", ".tgt").text
    assert driver.find_elements("css selector", "#pairs b") == []

    # 5. Comment on pair 0, with markup that must stay text.
    _focus_pair(driver, "0")
    _press(driver, "c")
    area = driver.switch_to.active_element
    assert area.tag_name == "textarea"
    area.send_keys("Check the verb <img src=x onerror=alert(1)>")
    _save(driver)
    comment = driver.find_element("css selector", "#p0 .comment")
    assert "Check the verb <img" in comment.text
    assert driver.find_elements("css selector", "#pairs img") == []

    unsaved = driver.find_element("id", "unsaved")
    assert unsaved.text == "6 unsaved changes"

    # The review survives a reload (it lives in this browser's storage).
    driver.refresh()
    assert driver.find_elements("id", "p3") == []
    assert "edited" in driver.find_element("id", "p0").get_attribute("class")
    assert driver.find_element("id", "unsaved").text == "6 unsaved changes"

    # 6. Download review.json.
    driver.find_element("id", "download-review").click()
    target = downloads / "review.json"
    _wait(lambda: target.exists() and target.stat().st_size > 0, "review.json")
    assert not driver.find_element("id", "unsaved").is_displayed()
    assert console_errors(driver) == []
    review = json.loads(target.read_text(encoding="utf-8"))
    assert review["format"] == "aligner-review" and review["version"] == 1
    assert [p["repaired"] for p in review["pairs"]] == [False, False, True]
    assert review["comments"] == [{"pair": 0,
                                   "text": "Check the verb <img src=x onerror=alert(1)>"}]
    assert [(d["check"], d["status"]) for d in review["decisions"]] == [
        ("whitespace", "accepted")]

    # 7. align apply: the corrected translation and TMX.
    shutil.copy(target, "review.json")
    res = _align("apply", "review.json", "-o", "corrected.txt", "--tmx", "fixed.tmx")
    assert res.exit_code == 0, res.output
    corrected = Path("corrected.txt").read_text(encoding="utf-8")
    assert corrected == SOURCE.replace("The minister met", "The minister received").replace(
        "discussed  trade and  energy", "discussed trade and energy")
    assert _tmx_pairs(Path("fixed.tmx")) == [
        ("التقى الوزير السفير في 3 مايو/أيار 2024.", EDITED),
        ("وناقشا التجارة والطاقة.", "They discussed trade and energy."),
        ("استمرت المحادثات ساعتين 2. وأشاد الجانبان بالاتفاقيات الخمس 5.",
         "The talks lasted 2 hours. Both sides praised the 5 <b>agreements</b>."),
    ]
    assert Path("art.txt").read_text(encoding="utf-8") == SOURCE  # the input is untouched

    # 8. The next align check keeps the re-pairing.
    res = _align("check", "art.txt", "--scorer", "lexical", "--review", "review.json",
                 "--json", "after.json")
    assert res.exit_code == 0, res.output
    after = json.loads(Path("after.json").read_text())
    assert [p["bead"] for p in after["pairs"]] == ["1-1", "1-1", "2-2"]

    # 9. The decisions become baseline entries.
    res = _align("review", "import", "review.json", "--baseline", "base.json")
    assert res.exit_code == 0, res.output
    entries = json.loads(Path("base.json").read_text())["entries"]
    assert [(e["check"], e["status"]) for e in entries] == [("whitespace", "accepted")]


def test_split_a_pair_and_undo(browser, tmp_path, monkeypatch):
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select

    driver, _ = browser
    monkeypatch.chdir(tmp_path)
    Path("art.txt").write_text(SOURCE, encoding="utf-8")
    res = _align("check", "art.txt", "--scorer", "lexical", "--html", "art.html")
    assert res.exit_code == 0, res.output
    url = Path("art.html").resolve().as_uri()
    driver.get(url)
    driver.execute_script("window.localStorage.clear()")
    driver.get(url)
    _focus_pair(driver, "2")
    _press(driver, "m")
    assert driver.find_element("css selector", "#p2 .bead").text.startswith("2-2")
    # Split the merged pair back: the panel offers one sentence of each side by default.
    _focus_pair(driver, "2")
    _press(driver, "s")
    assert driver.switch_to.active_element.tag_name == "select"
    _press(driver, Keys.ENTER)
    assert driver.find_element("css selector", "#p2 .bead").text.startswith("1-1")
    assert driver.find_element("css selector", '[id="p2.1"] .bead').text.startswith("1-1")
    # Pair 0 was wrongly paired, says the reviser: its source and its translation apart.
    _focus_pair(driver, "0")
    _press(driver, "s")
    Select(driver.find_elements("css selector", "#p0 .split-edit select")[1]).select_by_value("0")
    driver.find_element("css selector", "#p0 .split-edit button.save").click()
    assert driver.find_element("css selector", "#p0 .bead").text.startswith("1-0")
    assert driver.find_element("css selector", '[id="p0.2"] .bead').text.startswith("0-1")
    review = json.loads(driver.execute_script("return window.alignerReport.reviewText()"))
    assert [(len(p["src"]), len(p["tgt"]), p["repaired"]) for p in review["pairs"]] == [
        (1, 0, True), (0, 1, True), (1, 1, False), (1, 1, True), (1, 1, True)]
    # Undo takes back the last re-pairing only (the page reloads and replays the rest).
    driver.find_element("id", "undo-repair").click()
    _wait(lambda: driver.execute_script("return document.readyState") == "complete", "reload")
    _wait(lambda: driver.find_elements("css selector", "#p0 .bead"), "the page")
    assert driver.find_element("css selector", "#p0 .bead").text.startswith("1-1")
    assert driver.find_element("css selector", '[id="p2.1"] .bead').text.startswith("1-1")
    assert console_errors(driver) == []
    # The same report of a changed text: the re-pairings (offsets into the old text) are not
    # replayed on it.
    Path("art.txt").write_text(SOURCE.replace("trade", "commerce"), encoding="utf-8")
    assert _align("check", "art.txt", "--scorer", "lexical", "--html", "art.html").exit_code == 0
    driver.get(url)
    assert driver.find_element("css selector", "#p2 .bead").text == "1-1"
    assert driver.find_elements("css selector", '[id="p2.1"]') == []


def test_hostile_text_stays_text_through_edits_and_comments(browser, tmp_path):
    from aligner.export.html import write_html

    from .test_html import PAYLOADS, xss_result

    driver, _ = browser
    path = tmp_path / "xss.html"
    write_html(path, xss_result())
    driver.get(path.resolve().as_uri())
    driver.execute_script("window.localStorage.clear()")
    driver.get(path.resolve().as_uri())
    _focus_pair(driver, "0")
    _press(driver, "e")
    area = driver.switch_to.active_element
    assert PAYLOADS[1] in area.get_attribute("value")
    area.send_keys(" " + PAYLOADS[0] + PAYLOADS[1])
    _save(driver)
    _focus_pair(driver, "0")
    _press(driver, "c")
    driver.switch_to.active_element.send_keys(PAYLOADS[3])
    _save(driver)
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    assert driver.find_elements("css selector", "#pairs img, #pairs b, #pairs script") == []
    assert PAYLOADS[0] + PAYLOADS[1] in driver.find_element("css selector", "#p0 .tgt ins").text
    review = json.loads(driver.execute_script("return window.alignerReport.reviewText()"))
    assert review["edits"][0]["text"].endswith(PAYLOADS[0] + PAYLOADS[1])
    assert review["comments"] == [{"pair": 0, "text": PAYLOADS[3]}]
    driver.refresh()  # replayed from storage: still text
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    assert driver.find_elements("css selector", "#pairs img, #pairs b, #pairs script") == []
