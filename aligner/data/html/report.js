/* aligner HTML report: filters, search, keyboard navigation and review mode.
 * The rows are rendered in the HTML; this script only toggles classes on them, so filtering
 * a 5,000-pair report is a loop over plain arrays, never a re-render. Text from the page is
 * only ever read with textContent and written with textContent: no markup is built from it. */
(function () {
  "use strict";
  var started = performance.now();
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var findings = data.findings;
  var storageKey = "aligner-review:" + data.key;
  var doc = document;

  var pairs = [];          // {id, el, count, shown, text}
  var pairById = {};
  Array.prototype.forEach.call(doc.querySelectorAll("#pairs > .pair[data-p]"), function (el) {
    var rec = { id: el.getAttribute("data-p"), el: el, count: 0, shown: true, text: null };
    pairs.push(rec);
    pairById[rec.id] = rec;
  });
  var parts = {};          // finding n -> [mark elements]; the head has id "f<n>"
  Array.prototype.forEach.call(doc.querySelectorAll("mark.f"), function (el) {
    var n = el.getAttribute("data-f");
    (parts[n] = parts[n] || []).push(el);
  });
  findings.forEach(function (f) {
    f.parts = parts[f.n] || [];
    f.head = doc.getElementById("f" + f.n);
    f.note = doc.getElementById("d" + f.n);
    f.vis = true;
  });

  var state = { sev: {}, check: {}, onlyFindings: false, hideReviewed: false, query: "" };
  var review = loadReview();
  var cursor = -1;

  // ------------------------------------------------------------------ filtering
  function findingVisible(f) {
    return state.sev[f.sev] !== false && state.check[f.check] !== false &&
      !(state.hideReviewed && review[f.fp]);
  }

  function pairText(rec) {
    if (rec.text === null) {
      var cells = rec.el.querySelectorAll(".src, .tgt");
      rec.text = norm(cells[0].textContent + "\n" + cells[1].textContent);
    }
    return rec.text;
  }

  function apply() {
    var i, f, rec;
    for (i = 0; i < pairs.length; i++) pairs[i].count = 0;
    for (i = 0; i < findings.length; i++) {
      f = findings[i];
      var vis = findingVisible(f);
      if (vis !== f.vis) {
        f.vis = vis;
        f.parts.forEach(function (el) { el.classList.toggle("off", !vis); });
        if (f.head) f.head.tabIndex = vis ? 0 : -1;
        if (f.note) f.note.classList.toggle("hidden", !vis);
      }
      rec = pairById[f.pair];
      if (vis && rec) rec.count++;
    }
    var shownPairs = 0, shownFindings = 0;
    for (i = 0; i < pairs.length; i++) {
      rec = pairs[i];
      var show = (!state.onlyFindings || rec.count > 0) &&
        (!state.query || pairText(rec).indexOf(state.query) !== -1);
      if (show !== rec.shown) {
        rec.shown = show;
        rec.el.classList.toggle("hidden", !show);
      }
      if (show) { shownPairs++; shownFindings += rec.count; }
    }
    doc.getElementById("count").textContent = shownFindings + " finding" +
      (shownFindings === 1 ? "" : "s") + " in " + shownPairs + " of " + pairs.length + " pairs";
    doc.getElementById("empty").hidden = shownPairs > 0;
  }

  // Search ignores case, Arabic short vowels and tatweel, letter variants and digit shapes.
  var DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
  function norm(s) {
    return s.normalize("NFC").toLowerCase()
      .replace(/[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g, "")
      .replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ة/g, "ه")
      .replace(/[٠-٩۰-۹]/g, function (d) { return String(DIGITS.indexOf(d) % 10); })
      .replace(/\s+/g, " ");
  }

  doc.querySelectorAll("button.filter").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var on = btn.getAttribute("aria-pressed") !== "true";
      btn.setAttribute("aria-pressed", String(on));
      if (btn.hasAttribute("data-sev")) state.sev[btn.getAttribute("data-sev")] = on;
      else state.check[btn.getAttribute("data-check")] = on;
      apply();
    });
  });
  doc.getElementById("only-findings").addEventListener("change", function (e) {
    state.onlyFindings = e.target.checked; apply();
  });
  doc.getElementById("hide-reviewed").addEventListener("change", function (e) {
    state.hideReviewed = e.target.checked; apply();
  });
  var search = doc.getElementById("search"), timer = null;
  search.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      state.query = norm(search.value.trim());
      apply();
    }, 150);
  });

  // ------------------------------------------------------------------ tooltip
  var tip = doc.getElementById("tip");
  function showTip(mark) {
    var f = findings[Number(mark.getAttribute("data-f"))];
    if (!f || !f.note || !f.vis) return;
    tip.textContent = "";
    var sev = doc.createElement("span");
    sev.className = "t-sev s-" + f.sev;
    sev.textContent = f.sev + " · " + f.check;
    tip.appendChild(sev);
    var msg = f.note.querySelector(".msg");
    // The message's own nodes, so that quoted Arabic keeps its <bdi> isolation.
    if (msg) msg.childNodes.forEach(function (n) { tip.appendChild(n.cloneNode(true)); });
    var sugg = f.note.querySelector(".sugg");
    if (sugg) {
      var s = doc.createElement("span");
      s.className = "t-sugg";
      s.textContent = sugg.textContent;
      tip.appendChild(s);
    }
    if (review[f.fp]) {
      var r = doc.createElement("span");
      r.className = "t-sugg";
      r.textContent = "Reviewed: " + review[f.fp];
      tip.appendChild(r);
    }
    tip.hidden = false;
    var box = mark.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(Math.max(8, box.left + window.scrollX),
      window.scrollX + doc.documentElement.clientWidth - width - 8);
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }
  function hideTip() { tip.hidden = true; }
  function markOf(target) { return target && target.closest ? target.closest("mark.f") : null; }
  doc.addEventListener("mouseover", function (e) { var m = markOf(e.target); if (m) showTip(m); });
  doc.addEventListener("mouseout", function (e) { if (markOf(e.target)) hideTip(); });
  doc.addEventListener("focusin", function (e) {
    var m = markOf(e.target);
    if (m) { showTip(m); cursor = Number(m.getAttribute("data-f")); highlightCurrent(); }
    else hideTip();
  });

  // ------------------------------------------------------------------ navigation
  function navigable(f) {
    var rec = pairById[f.pair];
    return f.vis && f.head && (!rec || rec.shown);
  }
  function currentIndex() {
    var el = doc.activeElement;
    var holder = el && el.closest ? el.closest("[data-f]") : null;
    return holder ? Number(holder.getAttribute("data-f")) : cursor;
  }
  function move(step) {
    var i = currentIndex();
    if (i < 0 && step < 0) i = findings.length;
    for (i += step; i >= 0 && i < findings.length; i += step) {
      if (navigable(findings[i])) { focusFinding(i); return; }
    }
  }
  var currentEls = [];
  function highlightCurrent() {
    currentEls.forEach(function (el) { el.classList.remove("current"); });
    var f = findings[cursor];
    currentEls = f ? f.parts.concat(f.note ? [f.note] : []) : [];
    currentEls.forEach(function (el) { el.classList.add("current"); });
  }
  function focusFinding(i) {
    cursor = i;
    var head = findings[i].head;
    head.focus({ preventScroll: true });
    head.scrollIntoView({ block: "center" });
    showTip(head);
    highlightCurrent();
  }

  var help = doc.getElementById("help"), helpReturn = null;
  function toggleHelp(open) {
    if (open === undefined) open = help.hidden;
    if (open) {
      helpReturn = doc.activeElement;
      help.hidden = false;
      help.querySelector(".help-box").focus();
    } else if (!help.hidden) {
      help.hidden = true;
      if (helpReturn && helpReturn.focus) helpReturn.focus();
    }
  }
  doc.getElementById("help-button").addEventListener("click", function () { toggleHelp(true); });
  doc.getElementById("help-close").addEventListener("click", function () { toggleHelp(false); });
  help.addEventListener("click", function (e) { if (e.target === help) toggleHelp(false); });

  doc.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target, tag = t && t.tagName;
    var typing = (tag === "INPUT" && !/^(checkbox|radio|button)$/.test(t.type)) ||
      tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable);
    if (typing) {
      if (e.key === "Escape") t.blur();
      return;
    }
    if (e.key === "Escape") { toggleHelp(false); hideTip(); return; }
    if (e.key === "?") { toggleHelp(); e.preventDefault(); return; }
    if (!help.hidden) return;
    if (e.key === "j") { move(1); e.preventDefault(); }
    else if (e.key === "k") { move(-1); e.preventDefault(); }
    else if (e.key === "/") { search.focus(); e.preventDefault(); }
    else if (e.key === "a" || e.key === "f") {
      var i = currentIndex();
      if (i >= 0 && findings[i]) {
        decide(findings[i], e.key === "a" ? "accepted" : "false-positive");
        e.preventDefault();
      }
    }
  });

  // ------------------------------------------------------------------ review mode
  function loadReview() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(storageKey) || "{}");
      return saved && typeof saved === "object" ? saved : {};
    } catch (err) {
      return {};  // storage disabled: decisions last until the page is closed
    }
  }
  function saveReview() {
    try { window.localStorage.setItem(storageKey, JSON.stringify(review)); } catch (err) { /* see loadReview */ }
  }
  function paint(f) {
    var status = review[f.fp] || "";
    var els = f.parts.concat(f.note ? [f.note] : []);
    els.forEach(function (el) {
      el.classList.toggle("rv-accepted", status === "accepted");
      el.classList.toggle("rv-false-positive", status === "false-positive");
    });
    if (f.note) {
      f.note.querySelectorAll("button.rv").forEach(function (b) {
        b.type = "button";
        b.setAttribute("aria-pressed", String(b.getAttribute("data-status") === status));
      });
    }
  }
  function paintCount() {
    var n = 0;
    findings.forEach(function (f) { if (review[f.fp]) n++; });
    doc.getElementById("review-count").textContent = n + " reviewed";
  }
  function decide(f, status) {
    if (review[f.fp] === status) delete review[f.fp];
    else review[f.fp] = status;
    saveReview();
    findings.forEach(function (g) { if (g.fp === f.fp) paint(g); });
    paintCount();
    if (state.hideReviewed) apply();
  }
  doc.getElementById("pairs").addEventListener("click", function (e) {
    var btn = e.target.closest ? e.target.closest("button.rv") : null;
    if (!btn) return;
    var li = btn.closest("[data-f]");
    decide(findings[Number(li.getAttribute("data-f"))], btn.getAttribute("data-status"));
  });

  // The same entries, order and layout as aligner.baseline.dumps_baseline.
  function baselineText() {
    var seen = {}, entries = [];
    findings.forEach(function (f) {
      var status = review[f.fp];
      var key = f.file + "\u0000" + f.fp;
      if (!status || seen[key]) return;
      seen[key] = true;
      entries.push({ fingerprint: f.fp, check: f.check, status: status, excerpt: f.excerpt, file: f.file });
    });
    function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
    entries.sort(function (a, b) { return cmp(a.file, b.file) || cmp(a.fingerprint, b.fingerprint); });
    return JSON.stringify({ version: 1, tool: "aligner", entries: entries }, null, 2) + "\n";
  }
  doc.getElementById("download").addEventListener("click", function () {
    var url = URL.createObjectURL(new Blob([baselineText()], { type: "application/json" }));
    var a = doc.createElement("a");
    a.href = url;
    a.download = "aligner-baseline.json";
    doc.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  });
  doc.getElementById("clear-review").addEventListener("click", function () {
    if (!Object.keys(review).length || !window.confirm("Forget all review decisions for this report?")) return;
    review = {};
    saveReview();
    findings.forEach(paint);
    paintCount();
    apply();
  });

  findings.forEach(paint);
  paintCount();
  apply();
  // For scripts driving the page (tests, benchmarks): read-only helpers, no page state exposed.
  window.alignerReport = { baselineText: baselineText, apply: apply, decide: function (n, status) { decide(findings[n], status); },
    initMs: performance.now() - started };
}());
