"""The HTML report in real headless Chromium (Debian packages ``chromium``, ``chromium-driver``).

These are acceptance tests: when Chromium is missing they fail with the packages to install.
A screenshot of the report is written to ``test-artifacts/html-report.png``.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from aligner.baseline import dumps_baseline, entry_for, finding_fingerprints
from aligner.export.html import write_html
from aligner.export.json import read_results

from .chromium import console_errors, network_requests, start_chromium
from .test_html import PAYLOADS, SMALL, xss_result

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


# A real browser: seconds per test (`pytest -m "not slow"` leaves them out locally).
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def browser():
    try:
        driver, profile = start_chromium()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def small():
    return read_results(SMALL)[0]


@pytest.fixture(scope="module")
def small_file(small, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("html") / "small.html"
    write_html(path, small)
    return path


def open_page(driver, path: Path, fragment: str = "") -> tuple[list[str], list[str]]:
    """Load ``path`` with empty storage; the page's own requests and its console errors."""
    driver.get("about:blank")
    network_requests(driver)  # drain what came before (the browser's start page, ...)
    console_errors(driver)
    url = path.resolve().as_uri()
    driver.get(url)
    driver.execute_script("window.localStorage.clear()")
    driver.get("about:blank")
    network_requests(driver)
    driver.get(url + fragment)
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and driver.execute_script(
            "return document.readyState") != "complete":
        time.sleep(0.05)
    time.sleep(0.2)  # anything the page might fetch late would show up here
    requests = [u for u in network_requests(driver) if not u.startswith("about:")]
    return requests, console_errors(driver)


def count_text(driver) -> str:
    return driver.find_element("id", "count").text


def press(driver, keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(keys).perform()


def test_loads_offline_without_console_errors(browser, small_file):
    requests, errors = open_page(browser, small_file)
    assert requests == [small_file.resolve().as_uri()]
    assert errors == []
    assert count_text(browser) == "8 findings in 4 of 4 pairs"


def test_arabic_cells_are_right_to_left_with_an_arabic_font(browser, small_file):
    open_page(browser, small_file)
    styles = browser.execute_script("""
        return Array.from(document.querySelectorAll('[data-p] .src, [data-p] .tgt')).map(
            c => [c.className, getComputedStyle(c).direction, getComputedStyle(c).fontFamily]);
    """)
    assert {d for cls, d, _ in styles if cls == "src"} == {"rtl"}
    assert {d for cls, d, _ in styles if cls == "tgt"} == {"ltr"}
    assert all("Naskh" in font for cls, _, font in styles if cls == "src")


def test_severity_filter_changes_visible_count(browser, small_file):
    open_page(browser, small_file)
    browser.find_element("css selector", 'button[data-sev="error"]').click()
    assert count_text(browser) == "6 findings in 4 of 4 pairs"
    head = browser.find_element("id", "f2")  # the error in pair 1
    assert "off" in head.get_attribute("class") and head.get_attribute("tabindex") == "-1"
    press(browser, "j")  # navigation skips the hidden error f0
    assert browser.switch_to.active_element.get_attribute("id") == "f1"
    browser.find_element("id", "only-findings").click()
    browser.find_element("css selector", 'button[data-check="untranslated"]').click()
    assert count_text(browser) == "6 findings in 3 of 4 pairs"
    assert not browser.find_element("id", "p0").is_displayed()
    browser.find_element("id", "only-findings").click()  # focus on a checkbox: keys still work
    press(browser, "j")  # from f1, over the hidden error f2
    assert browser.switch_to.active_element.get_attribute("id") == "f3"


def test_search_filters_pairs(browser, small_file):
    open_page(browser, small_file)
    box = browser.find_element("id", "search")
    box.send_keys("الإثنين")  # the text spells it with a bare alef: the search folds them
    time.sleep(0.4)  # the search is debounced
    assert count_text(browser) == "3 findings in 1 of 4 pairs"
    box.clear()
    box.send_keys("3")  # matches the Arabic-Indic ٣ of pair 1 only
    time.sleep(0.4)
    assert count_text(browser) == "3 findings in 1 of 4 pairs"
    box.clear()
    box.send_keys("BAGHDAD")
    time.sleep(0.4)
    assert count_text(browser) == "3 findings in 1 of 4 pairs"
    assert browser.find_element("id", "p1").is_displayed()


def test_j_and_k_move_focus_between_findings(browser, small_file):
    open_page(browser, small_file)
    active = lambda: browser.switch_to.active_element.get_attribute("id")  # noqa: E731
    press(browser, "j")
    assert active() == "f0"
    press(browser, "j")
    assert active() == "f1"
    tip = browser.find_element("id", "tip")
    assert tip.is_displayed() and "Number ٣ (3)" in tip.text
    press(browser, "jj")
    assert active() == "f3"
    press(browser, "k")
    assert active() == "f2"
    assert "Write 3." in tip.text  # suggestion shown on focus
    press(browser, "?")
    assert browser.find_element("id", "help").is_displayed()
    press(browser, "\ue00c")  # Escape
    assert not browser.find_element("id", "help").is_displayed()


def test_pair_anchor(browser, small_file):
    open_page(browser, small_file, "#p2")
    assert browser.execute_script("return document.querySelector(':target').id") == "p2"


def test_review_decisions_persist_and_download_as_baseline(browser, small_file, small):
    open_page(browser, small_file)
    browser.find_element("css selector", '#d0 button[data-status="accepted"]').click()
    browser.find_element("css selector", '#d4 button[data-status="false-positive"]').click()
    browser.refresh()  # decisions live in localStorage
    pressed = browser.find_element("css selector", '#d4 button[data-status="false-positive"]')
    assert pressed.get_attribute("aria-pressed") == "true"
    assert "rv-false-positive" in browser.find_element("id", "f4").get_attribute("class")
    assert browser.find_element("id", "review-count").text == "2 reviewed"
    downloaded = browser.execute_script("return window.alignerReport.baselineText()")
    fps = finding_fingerprints(small)
    expected = dumps_baseline([
        entry_for(small.findings[0], small, fps[0], "accepted"),
        entry_for(small.findings[4], small, fps[4], "false-positive")])
    assert downloaded == expected
    browser.find_element("id", "hide-reviewed").click()
    assert count_text(browser) == "6 findings in 4 of 4 pairs"


def test_screenshot_artifact(browser, small_file):
    open_page(browser, small_file)
    press(browser, "jjj")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "html-report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000


def test_untrusted_text_renders_as_text_and_never_runs(browser, tmp_path):
    path = tmp_path / "xss.html"
    write_html(path, xss_result())
    requests, errors = open_page(browser, path)
    assert requests == [path.resolve().as_uri()]  # an injected <img src=x> would fetch x
    assert errors == []
    assert browser.execute_script("return typeof window.__xss") == "undefined"
    row = browser.find_element("id", "p0")
    assert PAYLOADS[0] in row.find_element("css selector", ".src").text
    assert PAYLOADS[3] in row.find_element("css selector", ".tgt").text
    assert not browser.find_elements("css selector", "#pairs img, #pairs b, #pairs td")
    press(browser, "j")  # the tooltip is built from text too
    assert "Message " + PAYLOADS[1] in browser.find_element("id", "tip").text
    assert browser.execute_script("return typeof window.__xss") == "undefined"


def test_quoted_arabic_in_a_message_is_isolated_in_note_and_tooltip(browser, small_file):
    open_page(browser, small_file)
    bdi = browser.find_element("css selector", ".note .msg bdi")
    assert bdi.text == "مهم. للبلدين"
    n = bdi.find_element("xpath", "ancestor::li").get_attribute("data-f")
    browser.execute_script(f"document.getElementById('f{n}').focus()")
    tip = browser.find_element("id", "tip")
    assert tip.is_displayed()
    assert [b.text for b in tip.find_elements("css selector", "bdi")] == ["مهم. للبلدين"]
