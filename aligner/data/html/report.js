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
  var sides = data.sides || {};
  var textId = [sides.src, sides.tgt].map(function (x) { return x ? x.file + ":" + x.sha256 : ""; }).join("|");
  var store = loadReview();
  var review = store.decisions;
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
    else if (e.key === "e" || e.key === "c" || e.key === "m" || e.key === "s") {
      var rec = currentRec();
      if (rec) {
        act(rec, { e: "edit", c: "comment", m: "merge", s: "split" }[e.key]);
        e.preventDefault();
      }
    }
    else if (e.key === "a" || e.key === "f") {
      var i = currentIndex();
      if (i >= 0 && findings[i]) {
        decide(findings[i], e.key === "a" ? "accepted" : "false-positive");
        e.preventDefault();
      }
    }
  });

  // ------------------------------------------------------------------ review mode
  // Everything a reviser does is kept in one object in this browser's storage: decisions on
  // findings (by baseline fingerprint), target edits and comments (by the pair's sentence
  // offsets in the file), and re-pairings (a log of merges and splits replayed on load).
  // "Download review" writes all of it as review.json (docs/review.md).
  function loadReview() {
    var saved = null;
    try {
      saved = JSON.parse(window.localStorage.getItem(storageKey) || "null");
    } catch (err) {
      saved = null;  // storage disabled: the review lasts until the page is closed
    }
    var fresh = { version: 2, text: textId, decisions: {}, edits: {}, comments: {}, ops: [], unsaved: 0 };
    if (!saved || typeof saved !== "object") return fresh;
    if (saved.version !== 2) { fresh.decisions = saved; return fresh; }  // decisions only, as before
    if (saved.decisions && typeof saved.decisions === "object") fresh.decisions = saved.decisions;
    // Decisions follow findings by fingerprint across runs; edits, comments and re-pairings are
    // offsets into one text, so they are kept only while the source's text is the same.
    if (saved.text !== textId) return fresh;
    ["edits", "comments"].forEach(function (k) {
      if (saved[k] && typeof saved[k] === "object") fresh[k] = saved[k];
    });
    if (Array.isArray(saved.ops)) fresh.ops = saved.ops;
    fresh.unsaved = Number(saved.unsaved) || 0;
    return fresh;
  }
  function saveReview() {
    try { window.localStorage.setItem(storageKey, JSON.stringify(store)); } catch (err) { /* see loadReview */ }
  }
  function changed() { store.unsaved++; saveReview(); paintCount(); }
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
    var parts = [n + " reviewed"];
    var edits = Object.keys(store.edits).length, notes = Object.keys(store.comments).length;
    if (edits) parts.push(edits + (edits === 1 ? " edit" : " edits"));
    if (notes) parts.push(notes + (notes === 1 ? " comment" : " comments"));
    if (store.ops.length) parts.push(store.ops.length + " re-pairing" + (store.ops.length === 1 ? "" : "s"));
    doc.getElementById("review-count").textContent = parts.join(" · ");
    var unsaved = doc.getElementById("unsaved");
    unsaved.textContent = store.unsaved ? store.unsaved + " unsaved change" + (store.unsaved === 1 ? "" : "s") : "";
    unsaved.hidden = !store.unsaved;
  }
  function decide(f, status) {
    if (review[f.fp] === status) delete review[f.fp];
    else review[f.fp] = status;
    findings.forEach(function (g) { if (g.fp === f.fp) paint(g); });
    changed();
    if (state.hideReviewed) apply();
  }

  // ---- pairs as sentences (file offsets) -------------------------------------------------
  // The confirm / Cancel buttons and key hint that close an editing panel (edit, split).
  function panelButtons(box, okText, hintText) {
    var ok = doc.createElement("button");
    ok.type = "button";
    ok.className = "save";
    ok.textContent = okText;
    var cancel = doc.createElement("button");
    cancel.type = "button";
    cancel.textContent = "Cancel";
    var hint = doc.createElement("span");
    hint.className = "muted";
    hint.textContent = hintText;
    box.appendChild(ok); box.appendChild(cancel); box.appendChild(hint);
    return {ok: ok, cancel: cancel};
  }
  function sents(rec) {
    if (!rec.s) {
      var d = data.sent[rec.id] || [[], []];
      rec.s = cut(rec.el.querySelector(".src"), d[0]);
      rec.t = cut(rec.el.querySelector(".tgt"), d[1]);
    }
    return rec;
  }
  function cut(cell, spans) {
    // The cell shows the sentences joined by one space; the page data gives each one's length.
    var text = cell.textContent, pos = 0;
    return spans.map(function (x) {
      var piece = { a: x[0], b: x[1], text: text.slice(pos, pos + x[2]) };
      pos += x[2] + 1;
      return piece;
    });
  }
  function ranges(rec) {
    if (rec.s) return [rec.s.map(function (x) { return [x.a, x.b]; }), rec.t.map(function (x) { return [x.a, x.b]; })];
    var d = data.sent[rec.id] || [[], []];
    return [d[0].map(function (x) { return [x[0], x[1]]; }), d[1].map(function (x) { return [x[0], x[1]]; })];
  }
  function rowKey(rec) {
    var r = ranges(rec);
    function span(list) { return list.length ? list[0][0] + "-" + list[list.length - 1][1] : ""; }
    return "s" + span(r[0]) + "|t" + span(r[1]);
  }
  function tgtText(rec) {
    return sents(rec).t.map(function (x) { return x.text; }).join(" ");
  }
  function indexOf(rec) { return pairs.indexOf(rec); }

  // ---- rendering an edited or re-paired row ------------------------------------------------
  function plain(cell, list) {
    cell.textContent = "";
    list.forEach(function (x, k) {
      if (k) {
        var sb = doc.createElement("span");
        sb.className = "sb";
        sb.textContent = " ";
        cell.appendChild(sb);
      }
      cell.appendChild(doc.createTextNode(x.text));
    });
  }
  function words(s) { return s.match(/\s+|[^\s]+/g) || []; }
  // A word diff (longest common subsequence): a sentence is short, so the table is small.
  function diff(a, b) {
    var x = words(a), y = words(b), n = x.length, m = y.length, i, j;
    if (n * m > 250000) return [["-", a], ["+", b]];
    var L = [];
    for (i = 0; i <= n; i++) { L.push(new Array(m + 1).fill(0)); }
    for (i = n - 1; i >= 0; i--) for (j = m - 1; j >= 0; j--)
      L[i][j] = x[i] === y[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
    var out = [];
    function push(kind, w) {
      if (out.length && out[out.length - 1][0] === kind) out[out.length - 1][1] += w;
      else out.push([kind, w]);
    }
    for (i = 0, j = 0; i < n || j < m;) {
      if (i < n && j < m && x[i] === y[j]) { push("=", x[i]); i++; j++; }
      else if (i < n && (j === m || L[i + 1][j] >= L[i][j + 1])) { push("-", x[i]); i++; }
      else { push("+", y[j]); j++; }
    }
    return out;
  }
  function renderTgt(rec) {
    var cell = rec.el.querySelector(".tgt");
    var edit = store.edits[rowKey(rec)];
    if (!rec.tgtNodes) rec.tgtNodes = Array.prototype.slice.call(cell.childNodes);
    rec.el.classList.toggle("edited", !!edit);
    if (edit) {
      cell.textContent = "";
      diff(edit.original, edit.text).forEach(function (part) {
        var el = part[0] === "=" ? doc.createTextNode(part[1])
          : doc.createElement(part[0] === "+" ? "ins" : "del");
        if (part[0] !== "=") el.textContent = part[1];
        cell.appendChild(el);
      });
    } else if (rec.repaired) {
      plain(cell, rec.t);
    } else {
      cell.textContent = "";
      rec.tgtNodes.forEach(function (node) { cell.appendChild(node); });
    }
    rec.text = null;
  }
  function renderComment(rec) {
    var text = store.comments[rowKey(rec)];
    var box = rec.el.querySelector(".comment");
    if (!text) { if (box) box.remove(); return; }
    if (!box) {
      box = doc.createElement("div");
      box.className = "comment";
      var notes = rec.el.querySelector(".notes");
      rec.el.insertBefore(box, notes);
    }
    box.textContent = "";
    var label = doc.createElement("span");
    label.className = "muted";
    label.textContent = "Comment: ";
    box.appendChild(label);
    box.appendChild(doc.createTextNode(text));
  }

  // ---- an inline editor (a textarea with Save / Cancel) -------------------------------------
  function editor(holder, value, label, onSave, onClose) {
    var box = doc.createElement("div");
    box.className = "editor";
    var area = doc.createElement("textarea");
    area.value = value;
    area.setAttribute("aria-label", label);
    area.rows = Math.min(8, 2 + Math.ceil(value.length / 70));
    box.appendChild(area);
    var buttons = panelButtons(box, "Save", "Ctrl+Enter saves, Esc cancels");
    var save = buttons.ok, cancel = buttons.cancel;
    holder.appendChild(box);
    function close(ok) {
      box.remove();
      if (ok) onSave(area.value);
      onClose();
    }
    save.addEventListener("click", function () { close(true); });
    cancel.addEventListener("click", function () { close(false); });
    area.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); close(true); }
      else if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); close(false); }
    });
    area.focus();
    return area;
  }
  function backTo(rec) {
    var link = rec.el.querySelector(".pid");
    if (link) link.focus({ preventScroll: true });
  }

  function setEdit(rec, text) {
    var key = rowKey(rec), t = sents(rec).t;
    text = text.replace(/\s*[\r\n]+\s*/g, " ");  // a sentence never spans a line
    var original = tgtText(rec);
    if (text === original) delete store.edits[key];
    else store.edits[key] = { start: t[0].a, end: t[t.length - 1].b, original: original, text: text };
    renderTgt(rec);
    changed();
  }
  function startEdit(rec) {
    if (!sides.tgt || !sents(rec).t.length) return;
    var cell = rec.el.querySelector(".tgt");
    if (cell.querySelector("textarea")) { cell.querySelector("textarea").focus(); return; }
    var edit = store.edits[rowKey(rec)];
    var value = edit ? edit.text : tgtText(rec);
    if (!rec.tgtNodes) rec.tgtNodes = Array.prototype.slice.call(cell.childNodes);
    cell.textContent = "";
    editor(cell, value, "Translation of pair " + rec.id, function (text) { setEdit(rec, text); },
      function () { if (cell.querySelector(".editor") === null) { renderTgt(rec); backTo(rec); } });
  }
  function startComment(rec) {
    var key = rowKey(rec);
    var old = rec.el.querySelector(".comment");
    if (old) old.hidden = true;
    var holder = doc.createElement("div");
    holder.className = "comment-edit";
    rec.el.insertBefore(holder, rec.el.querySelector(".notes"));
    editor(holder, store.comments[key] || "", "Comment on pair " + rec.id, function (text) {
      text = text.trim();
      if (text) store.comments[key] = text;
      else delete store.comments[key];
      changed();
    }, function () { holder.remove(); if (old) old.hidden = false; renderComment(rec); backTo(rec); });
  }
  // Where an offset of the unedited text is in the edited one, by the word diff; null inside
  // a change (the suggestion's text is gone).
  function mapOffset(parts, o) {
    var po = 0, pn = 0;
    for (var k = 0; k < parts.length; k++) {
      var len = parts[k][1].length;
      if (parts[k][0] === "=") {
        if (o <= po + len) return pn + (o - po);
        po += len; pn += len;
      } else if (parts[k][0] === "-") {
        if (o < po + len) return null;
        po += len;
      } else {
        pn += len;
      }
    }
    return o === po ? pn : null;
  }
  function applyFix(f, btn) {
    var rec = pairById[f.pair];
    if (!rec || f.fix === undefined) return;
    var edit = store.edits[rowKey(rec)];
    var text = edit ? edit.text : tgtText(rec), a = f.span[0], b = f.span[1];
    if (edit) {
      var parts = diff(edit.original, edit.text);
      a = mapOffset(parts, a);
      b = mapOffset(parts, b);
    }
    if (rec.repaired || a === null || b === null || b - a !== f.span[1] - f.span[0]) {
      // The pair was re-paired, or the edit changed the flagged text: only a hand edit knows.
      btn.disabled = true;
      btn.title = "The flagged text was edited or re-paired: edit the translation by hand (e)";
      return;
    }
    setEdit(rec, text.slice(0, a) + f.fix + text.slice(b));
    btn.disabled = true;
    btn.textContent = "Applied";
  }

  // ---- re-pairing: merge with the next pair, split into sentences -----------------------------
  function blocked(rec) { return store.edits[rowKey(rec)] ? "Undo the edit of pair " + rec.id + " first" : ""; }
  function canMerge(rec) {
    var next = pairs[indexOf(rec) + 1];
    return next && !blocked(rec) && !blocked(next) ? next : null;
  }
  function canSplit(rec) {
    sents(rec);
    return !blocked(rec) && rec.s.length + rec.t.length > 1;
  }
  function moveComment(from, to) {
    var a = store.comments[from], b = store.comments[to];
    delete store.comments[from];
    if (a) store.comments[to] = b && b !== a ? b + "\n" + a : a;
  }
  function repaint(rec) {
    rec.repaired = true;
    rec.el.classList.add("repaired");
    plain(rec.el.querySelector(".src"), rec.s);
    rec.tgtNodes = null;
    renderTgt(rec);
    rec.el.querySelector(".bead").textContent = rec.s.length + "-" + rec.t.length;
    rec.el.querySelector(".score").textContent = "—";
    rec.text = null;
    findings.forEach(function (f) {
      if (pairById[f.pair] === rec) {
        f.parts = []; f.head = null;  // the highlights went with the old rows
      }
    });
    renderComment(rec);
  }
  function merge(rec, log) {
    var next = canMerge(rec);
    if (!next) return false;
    var keyA = rowKey(rec), keyB = rowKey(sents(next));
    sents(rec);
    if (log) store.ops.push({ op: "merge", key: keyA });
    rec.s = rec.s.concat(next.s);
    rec.t = rec.t.concat(next.t);
    moveComment(keyA, rowKey(rec));
    moveComment(keyB, rowKey(rec));
    var notes = next.el.querySelector(".notes");
    if (notes) {
      var mine = rec.el.querySelector(".notes");
      if (mine) { while (notes.firstChild) mine.appendChild(notes.firstChild); }
      else rec.el.appendChild(notes);
    }
    findings.forEach(function (f) { if (pairById[f.pair] === next) f.pair = rec.id; });
    next.el.remove();
    pairs.splice(indexOf(next), 1);
    delete pairById[next.id];
    repaint(rec);
    return true;
  }
  function newRow(like, id, s, t) {
    var el = doc.createElement("div");
    el.setAttribute("role", "row");
    el.className = "pair repaired";
    el.id = "p" + id;
    el.setAttribute("data-p", id);
    var meta = doc.createElement("div");
    meta.setAttribute("role", "rowheader");
    meta.className = "meta";
    var link = doc.createElement("a");
    link.className = "pid";
    link.href = "#p" + id;
    link.textContent = id;
    var bead = doc.createElement("span");
    bead.className = "bead";
    var score = doc.createElement("span");
    score.className = "score";
    meta.appendChild(link); meta.appendChild(bead); meta.appendChild(score);
    el.appendChild(meta);
    [".src", ".tgt"].forEach(function (sel) {
      var cell = like.querySelector(sel).cloneNode(false);
      el.appendChild(cell);
    });
    var rec = { id: id, el: el, count: 0, shown: true, text: null, s: s, t: t };
    return rec;
  }
  // Split after the first i source and j translation sentences (both pieces keep a sentence).
  function splitPoint(rec, at) {
    var i = Number(at && at[0]), j = Number(at && at[1]);
    if (!(i >= 0 && i <= rec.s.length && j >= 0 && j <= rec.t.length)) return null;
    if (i + j === 0 || i + j === rec.s.length + rec.t.length) return null;
    return [i, j];
  }
  function defaultPoint(rec) {
    sents(rec);
    var i = rec.s.length > 1 ? 1 : rec.s.length, j = rec.t.length > 1 ? 1 : rec.t.length;
    if (i === rec.s.length && j === rec.t.length) { i = Math.min(i, 1); j = 0; }
    return splitPoint(rec, [i, j]) || [rec.s.length ? 1 : 0, rec.s.length ? 0 : 1];
  }
  var splitCount = 0;
  function split(rec, at, log) {
    if (!canSplit(rec)) return false;
    at = splitPoint(rec, at);
    if (!at) return false;
    var key = rowKey(rec), s = rec.s, t = rec.t;
    if (log) store.ops.push({ op: "split", key: key, at: at });
    rec.s = s.slice(0, at[0]);
    rec.t = t.slice(0, at[1]);
    moveComment(key, rowKey(rec));
    repaint(rec);
    var piece = newRow(rec.el, rec.id + "." + (++splitCount), s.slice(at[0]), t.slice(at[1]));
    rec.el.parentNode.insertBefore(piece.el, rec.el.nextSibling);
    pairs.splice(indexOf(rec) + 1, 0, piece);
    pairById[piece.id] = piece;
    addActions(piece);
    repaint(piece);
    return true;
  }
  function startSplit(rec) {
    if (!canSplit(rec) || rec.el.querySelector(".split-edit")) return;
    var box = doc.createElement("div");
    box.className = "split-edit";
    var label = doc.createElement("span");
    label.textContent = "Split after ";
    box.appendChild(label);
    var point = defaultPoint(rec), selects = [];
    [["s", "source"], ["t", "translation"]].forEach(function (side, k) {
      var select = doc.createElement("select");
      select.setAttribute("aria-label", "Sentences of the " + side[1] + " in the first pair");
      var list = rec[side[0]];
      for (var n = 0; n <= list.length; n++) {
        var option = doc.createElement("option");
        option.value = String(n);
        option.textContent = n + " of " + list.length + " " + side[1] + " sentence" +
          (list.length === 1 ? "" : "s") + (n && n < list.length ? " (…" + list[n - 1].text.slice(-24) + ")" : "");
        select.appendChild(option);
      }
      select.value = String(point[k]);
      selects.push(select);
      box.appendChild(select);
    });
    var buttons = panelButtons(box, "Split", "Enter splits, Esc cancels");
    var ok = buttons.ok, cancel = buttons.cancel;
    rec.el.insertBefore(box, rec.el.querySelector(".notes"));
    function close(go) {
      var at = [Number(selects[0].value), Number(selects[1].value)];
      box.remove();
      if (go && split(rec, at, true)) { changed(); apply(); }
      backTo(rec);
    }
    ok.addEventListener("click", function () { close(true); });
    cancel.addEventListener("click", function () { close(false); });
    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); close(true); }
      else if (e.key === "Escape") { e.preventDefault(); e.stopPropagation(); close(false); }
    });
    selects[0].focus();
  }
  function repair(rec, op) {
    if (op === "split") { startSplit(rec); return; }
    if (!merge(rec, true)) return;
    changed();
    apply();
    backTo(rec);
  }
  function undoRepairs() {
    if (!store.ops.length) return;
    store.ops.pop();
    changed();
    window.location.reload();  // the rows are rebuilt from the page and the remaining log
  }

  // ---- the actions of a pair ------------------------------------------------------------------
  // Made for every row at load (one cloned template: cheap), so pointing at a row never moves
  // the layout; their enabled state is brought up to date when a row is pointed at or focused.
  var actionTemplate = doc.createElement("span");
  actionTemplate.className = "actions";
  // Small glyph buttons on one line under the pair number, so a row is no taller for them;
  // each has its name for screen readers and a tooltip with its key.
  [["edit", "✎", "Edit the translation", "e"], ["comment", "❝", "Comment on this pair", "c"],
    ["merge", "↧", "Merge with the next pair", "m"], ["split", "✂", "Split into two pairs", "s"]]
    .forEach(function (a) {
      var b = doc.createElement("button");
      b.type = "button";
      b.className = "act";
      b.setAttribute("data-act", a[0]);
      b.setAttribute("aria-label", a[2]);
      b.textContent = a[1];
      b.title = a[2] + " (" + a[3] + ")";
      actionTemplate.appendChild(b);
    });
  function addActions(rec) {
    var meta = rec.el.querySelector(".meta");
    if (!meta.querySelector(".actions")) meta.appendChild(actionTemplate.cloneNode(true));
  }
  function actions(rec) {
    addActions(rec);
    var box = rec.el.querySelector(".meta .actions");
    box.querySelector('[data-act="edit"]').disabled = !sides.tgt || !sents(rec).t.length;
    var m = box.querySelector('[data-act="merge"]');
    m.disabled = !canMerge(rec);
    m.title = blocked(rec) || "Merge with the next pair (m)";
    box.querySelector('[data-act="comment"]').title = store.comments[rowKey(rec)] ? "Edit the comment (c)" : "Comment on this pair (c)";
    var s = box.querySelector('[data-act="split"]');
    s.disabled = !canSplit(rec);
    s.title = blocked(rec) || "Split into two pairs (s)";
  }
  function recOf(target) {
    var row = target && target.closest ? target.closest(".pair[data-p]") : null;
    return row ? pairById[row.getAttribute("data-p")] : null;
  }
  function currentRec() {
    var rec = recOf(doc.activeElement);
    if (!rec && findings[cursor]) rec = pairById[findings[cursor].pair];
    return rec || null;
  }
  doc.getElementById("pairs").addEventListener("mouseover", function (e) {
    var rec = recOf(e.target);
    if (rec) actions(rec);
  });
  doc.getElementById("pairs").addEventListener("focusin", function (e) {
    var rec = recOf(e.target);
    if (rec) actions(rec);
  });
  doc.getElementById("pairs").addEventListener("click", function (e) {
    var btn = e.target.closest ? e.target.closest("button") : null;
    if (!btn) return;
    var li = btn.closest("[data-f]");
    if (btn.classList.contains("rv") && li) {
      decide(findings[Number(li.getAttribute("data-f"))], btn.getAttribute("data-status"));
    } else if (btn.classList.contains("fix") && li) {
      applyFix(findings[Number(li.getAttribute("data-f"))], btn);
    } else if (btn.classList.contains("act")) {
      act(recOf(btn), btn.getAttribute("data-act"));
    }
  });
  function act(rec, what) {
    if (!rec) return;
    if (what === "edit") startEdit(rec);
    else if (what === "comment") startComment(rec);
    else repair(rec, what);
  }

  // The same entries, order and layout as aligner.baseline.dumps_baseline.
  function decisionEntries() {
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
    return entries;
  }
  function baselineText() {
    return JSON.stringify({ version: 1, tool: "aligner", entries: decisionEntries() }, null, 2) + "\n";
  }
  // review.json, schema version 1 (docs/review.md).
  function reviewText() {
    var index = {}, out = [];
    pairs.forEach(function (rec, k) {
      var r = ranges(rec);
      index[rowKey(rec)] = k;
      out.push({ src: r[0], tgt: r[1], repaired: !!rec.repaired });
    });
    var edits = [], comments = [];
    Object.keys(store.edits).forEach(function (key) {
      var e = store.edits[key];
      if (key in index) edits.push({ pair: index[key], start: e.start, end: e.end, original: e.original, text: e.text });
    });
    Object.keys(store.comments).forEach(function (key) {
      if (key in index) comments.push({ pair: index[key], text: store.comments[key] });
    });
    edits.sort(function (a, b) { return a.start - b.start; });
    comments.sort(function (a, b) { return a.pair - b.pair; });
    return JSON.stringify({
      format: "aligner-review", version: 1, tool: data.tool,
      source: { src: sides.src || null, tgt: sides.tgt || null },
      pairs: out, edits: edits, comments: comments, decisions: decisionEntries()
    }, null, 2) + "\n";
  }
  function download(text, name) {
    var url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    var a = doc.createElement("a");
    a.href = url;
    a.download = name;
    doc.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  doc.getElementById("download").addEventListener("click", function () {
    download(baselineText(), "aligner-baseline.json");
  });
  doc.getElementById("download-review").addEventListener("click", function () {
    download(reviewText(), "review.json");
    store.unsaved = 0;
    saveReview();
    paintCount();
  });
  doc.getElementById("undo-repair").addEventListener("click", undoRepairs);
  doc.getElementById("clear-review").addEventListener("click", function () {
    var any = Object.keys(review).length || Object.keys(store.edits).length ||
      Object.keys(store.comments).length || store.ops.length;
    if (!any || !window.confirm("Forget all review decisions, edits, comments and re-pairings for this report?")) return;
    var reload = store.ops.length > 0;
    store = { version: 2, text: textId, decisions: {}, edits: {}, comments: {}, ops: [], unsaved: 0 };
    review = store.decisions;
    saveReview();
    if (reload) { window.location.reload(); return; }
    pairs.forEach(function (rec) { if (rec.tgtNodes) renderTgt(rec); renderComment(rec); });
    findings.forEach(paint);
    paintCount();
    apply();
  });

  pairs.forEach(addActions);
  // Replay what this browser kept: re-pairings first (they change the rows), then the rest.
  var replay = store.ops.slice();
  store.ops = [];
  replay.forEach(function (op) {
    var rec = null;
    for (var i = 0; i < pairs.length && !rec; i++) if (rowKey(pairs[i]) === op.key) rec = pairs[i];
    if (rec && (op.op === "merge" ? merge(rec, false) : split(rec, op.at, false))) store.ops.push(op);
  });
  if (Object.keys(store.edits).length || Object.keys(store.comments).length) {
    var byKey = {};
    pairs.forEach(function (rec) { byKey[rowKey(rec)] = rec; });
    Object.keys(store.edits).forEach(function (key) { if (byKey[key]) { sents(byKey[key]); renderTgt(byKey[key]); } });
    Object.keys(store.comments).forEach(function (key) { if (byKey[key]) renderComment(byKey[key]); });
  }
  findings.forEach(paint);
  paintCount();
  apply();
  // For scripts driving the page (tests, benchmarks): read-only helpers, no page state exposed.
  window.alignerReport = { baselineText: baselineText, reviewText: reviewText, apply: apply,
    decide: function (n, status) { decide(findings[n], status); },
    initMs: performance.now() - started };
}());
