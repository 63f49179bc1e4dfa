"""Start real headless Chromium through chromedriver for the HTML report's browser tests.

CI installs the Debian packages ``chromium`` and ``chromium-driver``. Without them the browser
tests fail (they are acceptance tests, not optional ones) with a message naming the packages.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
DRIVER_CANDIDATES = ("/usr/bin/chromedriver",)
MISSING = ("headless Chromium is required for the HTML report tests: install the Debian "
           "packages `chromium` and `chromium-driver` (apt-get install -y chromium "
           "chromium-driver), or set CHROMIUM and CHROMEDRIVER to their paths")


def find_browser() -> tuple[str, str] | None:
    """Paths of the Chromium binary and of chromedriver, or ``None`` when either is missing."""
    def first(env: str, candidates: tuple[str, ...], name: str) -> str | None:
        paths = [os.environ[env]] if os.environ.get(env) else [*candidates, shutil.which(name)]
        return next((p for p in paths if p and Path(p).is_file()), None)

    browser = first("CHROMIUM", CHROMIUM_CANDIDATES, "chromium")
    driver = first("CHROMEDRIVER", DRIVER_CANDIDATES, "chromedriver")
    return (browser, driver) if browser and driver else None


def start_chromium(width: int = 1400, height: int = 1000, download_dir: Path | None = None):
    """A selenium driver for a fresh headless Chromium with console and network logging;
    files the page downloads go to ``download_dir`` without asking, when it is given.

    Returns ``(driver, profile_dir)``; the caller quits the driver and removes the directory.
    """
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = find_browser()
    if not found:
        raise RuntimeError(MISSING)
    browser, driver_path = found
    profile = tempfile.mkdtemp(prefix="aligner-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--disable-extensions", "--allow-file-access-from-files",
                f"--window-size={width},{height}", f"--user-data-dir={profile}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    if download_dir is not None:
        options.add_experimental_option("prefs", {
            "download.default_directory": str(download_dir),
            "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    if download_dir is not None:
        # Headless Chromium takes the folder from DevTools; the preference covers older builds.
        driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                               {"behavior": "allow", "downloadPath": str(download_dir)})
    return driver, profile


def network_requests(driver) -> list[str]:
    """URLs the page asked for since the last call (from the performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def console_errors(driver) -> list[str]:
    """Console messages at SEVERE level since the last call."""
    return [e["message"] for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
