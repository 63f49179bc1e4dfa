"""How the HTML report copes with a long document: 5,000 pairs in headless Chromium.

Builds a synthetic result (5,000 pairs, about 1.5 findings per pair, every severity, crossing
spans), renders it, opens it from disk and times what a reviser does: load, toggle a severity
filter, toggle a check filter, search, jump to the next finding. Prints the figures; it asserts
nothing (benchmarks are not tests).

    PYTHONPATH=. python benchmarks/html_report.py [--pairs 5000] [--keep report.html]

Needs the Debian packages ``chromium`` and ``chromium-driver`` (as the browser tests do).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aligner.export.html import render_html
from aligner.model import (
    SRC,
    TGT,
    Finding,
    Location,
    Pair,
    Result,
    Sentence,
    Severity,
)
from tests.export.chromium import console_errors, start_chromium

AR_WORDS = ("التقى السفير الروسي كبار المسؤولين العراقيين لمناقشة التعاون الأمني في بغداد "
            "وقال إن الزيارة ناجحة وإن البلدين يعملان على شراكة جديدة منذ يناير ٢٠٢٤").split()
EN_WORDS = ("the Russian ambassador met senior Iraqi officials to discuss security cooperation "
            "in Baghdad and said the visit was a success as both countries build a new "
            "partnership since January 2024").split()
CHECKS = ("numbers", "terms", "stray-period", "drift", "quotes", "untranslated")


def synthetic_result(n_pairs: int, seed: int = 7) -> Result:
    rng = random.Random(seed)
    pairs, findings = [], []
    line = 1
    for pid in range(n_pairs):
        src_text = " ".join(rng.choice(AR_WORDS) for _ in range(rng.randint(8, 30))) + "."
        tgt_text = " ".join(rng.choice(EN_WORDS) for _ in range(rng.randint(8, 30))) + "."
        loc = Location("synthetic.txt", 0, len(src_text), line, 1)
        pairs.append(Pair(pid, (Sentence(src_text, loc, "ar", pid, pid),),
                          (Sentence(tgt_text, loc, "en", pid, pid),), round(rng.random(), 3)))
        line += 1
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            side = rng.choice((SRC, TGT))
            text = src_text if side == SRC else tgt_text
            start = rng.randrange(0, len(text) - 5)
            end = min(len(text), start + rng.randint(1, 40))
            findings.append(Finding(
                rng.choice(CHECKS), rng.choice(list(Severity)), pid, side, (start, end),
                text[max(0, start - 10):end + 10], "A synthetic finding for the benchmark.",
                "Nothing to do.", Location("synthetic.txt", start, end, line, start + 1)))
    findings.sort(key=lambda f: (f.pair, f.side != SRC, f.span[0], f.check))
    return Result(tool={"name": "aligner", "version": "bench", "checks": list(CHECKS)},
                  sources=("synthetic.txt",), src_lang="ar", tgt_lang="en",
                  pairs=tuple(pairs), findings=tuple(findings))


TIME_CLICK = """
const [selector, done] = arguments;
const t0 = performance.now();
document.querySelector(selector).click();
requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
"""

TIME_SEARCH = """
const [query, done] = arguments;
const box = document.getElementById('search'), count = document.getElementById('count');
const before = count.textContent, t0 = performance.now();
box.value = query;
box.dispatchEvent(new Event('input'));
(function poll() {
  if (count.textContent !== before) {
    requestAnimationFrame(() => done(performance.now() - t0 - 150));  // minus the debounce
  } else { setTimeout(poll, 2); }
})();
"""

TIME_KEY = """
const done = arguments[0];
const t0 = performance.now();
document.dispatchEvent(new KeyboardEvent('keydown', {key: 'j', bubbles: true}));
requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=int, default=5000)
    parser.add_argument("--keep", help="also save the generated report here")
    args = parser.parse_args()

    t0 = time.perf_counter()
    result = synthetic_result(args.pairs)
    t1 = time.perf_counter()
    page = render_html(result)
    t2 = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="aligner-bench-"))
    path = tmp / "report.html"
    path.write_text(page, encoding="utf-8")
    if args.keep:
        shutil.copy(path, args.keep)
    print(f"pairs {len(result.pairs)}, findings {len(result.findings)}")
    print(f"build result  {t1 - t0:7.2f} s")
    print(f"render html   {t2 - t1:7.2f} s   ({len(page.encode()) / 1e6:.1f} MB)")

    driver, profile = start_chromium()
    try:
        driver.set_script_timeout(60)
        start = time.perf_counter()
        driver.get(path.as_uri())
        wall = time.perf_counter() - start
        nav = driver.execute_script(
            "const n = performance.getEntriesByType('navigation')[0];"
            "return [n.domContentLoadedEventEnd, n.loadEventEnd];")
        init = driver.execute_script("return window.alignerReport.initMs")
        print(f"load          {wall * 1000:7.0f} ms wall (DOMContentLoaded {nav[0]:.0f} ms, "
              f"load {nav[1]:.0f} ms, report script {init:.0f} ms)")
        for label, selector in (("filter error", 'button[data-sev="error"]'),
                                ("filter error", 'button[data-sev="error"]'),
                                ("filter check", 'button[data-check="numbers"]'),
                                ("only-findings", "#only-findings")):
            ms = driver.execute_async_script(TIME_CLICK, selector)
            print(f"{label:<13} {ms:7.0f} ms  -> {driver.find_element('id', 'count').text}")
        for query in ("بغداد", "partnership since", "zzz-no-match", ""):
            ms = driver.execute_async_script(TIME_SEARCH, query)
            print(f"search {query!r:<22} {ms:5.0f} ms  -> "
                  f"{driver.find_element('id', 'count').text}")
        keys = [driver.execute_async_script(TIME_KEY) for _ in range(20)]
        print(f"j (next)      {sum(keys) / len(keys):7.1f} ms mean of 20")
        errors = console_errors(driver)
        print(f"console errors: {len(errors)}")
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
