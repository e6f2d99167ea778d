// The editor's page of `translint serve` (docs/server.md, "The editor's page").
//
// The story is a <textarea>, which keeps the text exactly as typed; an overlay behind it,
// laid out the same way, draws the findings' underlines. Offsets are the server's UTF-16
// ones (`offset_utf16`), which is how JavaScript strings count. Every text the page shows
// goes in through text nodes or textContent, never innerHTML. Nothing is fetched but the
// server's own /v1 endpoints, relative to the page, so it works without a network.
// Over the 450 lines of a Python module: one script, as the page is served with no build
// step to join several; its sections (server, checking, drawing, caret, glossary, tabs,
// files, wiring) are marked below.
"use strict";

(() => {
  const SEVERITIES = ["error", "warning", "info"];
  const GROUP_NAMES = { error: "Errors", warning: "Warnings", info: "Info" };
  const CHECK_AFTER_TYPING_MS = 800;
  const SEARCH_AFTER_TYPING_MS = 250;
  const GLOSSARY_PAGE = 50;
  const FORMAT_OF_SUFFIX = {
    txt: "text", text: "text", md: "markdown", markdown: "markdown", mdown: "markdown",
    mkd: "markdown", html: "html", htm: "html", xlf: "xliff", xliff: "xliff", tmx: "tmx",
  };
  const STATUS_TROUBLE = {
    400: "The server refused the request",
    401: "The server asks for a token",
    413: "The story is too long for the server",
    422: "The server cannot check this",
    503: "The server is busy or not ready; try again in a few seconds",
    504: "The check took too long and was stopped",
  };

  const $ = (id) => document.getElementById(id);
  const story = $("story");
  const overlay = $("overlay");
  const tooltip = $("tooltip");
  const list = $("findings");

  const state = {
    text: "",        // the story as the findings' offsets read it
    findings: [],    // {finding, start, end}: the server's finding and its UTF-16 span
    entries: {},     // glossary entries by id, as the server sent them
    requests: 0,     // requests sent; the answer to an older one is dropped
    timer: 0,
    current: -1,     // the finding selected or at the caret
    hovered: null,   // the mark under the mouse
  };

  // An element with attributes and children (strings become text nodes).
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (name === "className") node.className = value;
      else node.setAttribute(name, value);
    }
    for (const child of children) {
      if (child === null || child === undefined || child === "") continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  }

  function setStatus(message) { $("status").textContent = message; }

  function showError(message, where = "error") {
    const box = $(where);
    box.textContent = message || "";
    box.hidden = !message;
  }

  // ---- talking to the server -------------------------------------------------------

  // Every request carries the token typed in, if any (kept in this page only, never stored).
  async function call(url, options) {
    const token = $("token").value.trim();
    const headers = { Accept: "application/json", ...(options.headers || {}) };
    if (token) headers.Authorization = `Bearer ${token}`;
    let response;
    try {
      response = await fetch(url, { ...options, headers });
    } catch (error) {
      throw new Error(`Cannot reach the translint server (${error.message}). Is it still running?`);
    }
    let data = null;
    try { data = await response.json(); } catch { data = null; }
    if (!response.ok) {
      if (response.status === 401) $("token-box").open = true;
      const trouble = STATUS_TROUBLE[response.status] || "The server answered with an error";
      const detail = data && data.error && data.error.message ? data.error.message : response.statusText;
      throw new Error(`${trouble} (${response.status}): ${detail}`);
    }
    if (data === null) throw new Error(`The server's answer to ${url} is not JSON.`);
    return data;
  }

  function postJSON(body) {
    return {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
    };
  }

  function checkRequest(text) {
    const body = { text, format: $("format").value };
    if ($("lang").value !== "auto") body.lang = $("lang").value;
    if ($("source-lang").value) body.source_lang = $("source-lang").value;
    return body;
  }

  // ---- checking --------------------------------------------------------------------

  async function check() {
    clearTimeout(state.timer);
    state.timer = 0;
    const text = story.value;
    const request = ++state.requests;
    if (!text.trim()) {
      show(text, { findings: [], entries: {} });
      setStatus("Paste or type a story, then check it.");
      return;
    }
    setStatus("Checking…");
    try {
      const data = await call("v1/check", postJSON(checkRequest(text)));
      if (request !== state.requests || story.value !== text) return;
      showError(null);
      show(text, data);
      const language = !data.language ? "not detected (too little text?)"
        : `${languageName(data.language)}, ${$("lang").value === "auto" ? "detected" : "as chosen"}`;
      setStatus(`${summary()} · language: ${language}`);
    } catch (error) {
      if (request !== state.requests) return;
      showError(error.message);
      setStatus("Not checked.");
    }
  }

  async function fixAll() {
    clearTimeout(state.timer);
    const text = story.value;
    const request = ++state.requests;
    setStatus("Fixing…");
    try {
      const data = await call("v1/fix", postJSON(checkRequest(text)));
      if (request !== state.requests) return;
      if (story.value !== text) {
        setStatus("The story changed while it was being fixed: nothing applied.");
        return;
      }
      showError(null);
      replaceRange(0, text.length, data.text);
      clearTimeout(state.timer);
      state.timer = 0;
      show(data.text, { findings: data.findings, entries: data.entries || state.entries });
      setStatus(`Applied ${data.applied} ${data.applied === 1 ? "fix" : "fixes"} · ${summary()} left`);
    } catch (error) {
      if (request !== state.requests) return;
      showError(error.message);
      setStatus("Not fixed.");
    }
  }

  function applyFix(index) {
    const { finding, start, end } = state.findings[index];
    if (story.value.slice(start, end) !== finding.text) {
      showError(`The text under this finding changed ("${finding.text}" is no longer there): check again.`);
      return;
    }
    replaceRange(start, end, finding.suggestion || "");
    check();
  }

  // Replace a span of the story as typing would, so that Ctrl+Z undoes it.
  function replaceRange(start, end, replacement) {
    story.focus();
    story.setSelectionRange(start, end);
    const expected = story.value.slice(0, start) + replacement + story.value.slice(end);
    const done = replacement === ""
      ? document.execCommand("delete")
      : document.execCommand("insertText", false, replacement);
    if (!done || story.value !== expected) {
      story.value = expected;
      story.setSelectionRange(start + replacement.length, start + replacement.length);
      onInput();
    }
  }

  function show(text, data) {
    state.text = text;
    state.entries = data.entries || {};
    state.findings = (data.findings || [])
      .map((finding) => ({ finding, start: finding.offset_utf16, end: finding.end_offset_utf16 }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    state.current = -1;
    render();
  }

  function summary() {
    const counts = SEVERITIES.map((severity) => [severity, bySeverity(severity).length]);
    const total = state.findings.length;
    const parts = counts.filter(([, n]) => n).map(([severity, n]) => `${n} ${severity}`);
    return `${total} ${total === 1 ? "finding" : "findings"}${parts.length ? ` (${parts.join(", ")})` : ""}`;
  }

  function bySeverity(severity) {
    return state.findings.map((item, index) => ({ item, index }))
      .filter(({ item }) => item.finding.severity === severity);
  }

  function languageName(code) {
    const option = code && $("lang").querySelector(`option[value="${CSS.escape(code)}"]`);
    return option ? option.textContent : (code || "unknown");
  }

  // The story was edited: findings before the edit stay, those after it move with the
  // text, those it touched go; the story is checked again when typing stops.
  function onInput() {
    const before = state.text;
    const after = story.value;
    let start = 0;
    const shortest = Math.min(before.length, after.length);
    while (start < shortest && before[start] === after[start]) start++;
    let endBefore = before.length;
    let endAfter = after.length;
    while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
      endBefore--;
      endAfter--;
    }
    const shift = after.length - before.length;
    state.findings = state.findings
      .filter(({ start: s, end: e }) => e <= start || s >= endBefore)
      .map((item) => (item.start >= endBefore
        ? { ...item, start: item.start + shift, end: item.end + shift } : item));
    state.text = after;
    state.current = -1;
    render();
    clearTimeout(state.timer);
    state.timer = setTimeout(check, CHECK_AFTER_TYPING_MS);
    setStatus("Edited: checking again when you stop typing…");
  }

  // ---- drawing ---------------------------------------------------------------------

  function render() {
    renderOverlay();
    renderList();
    $("fix-all").disabled = !state.findings.some(({ finding }) => finding.fixable);
    hideTooltip();
  }

  function renderOverlay() {
    const text = state.text;
    const cuts = new Set([0, text.length]);
    for (const { start, end } of state.findings) if (end > start) { cuts.add(start); cuts.add(end); }
    const points = [...cuts].sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const [from, to] = [points[i], points[i + 1]];
      const under = [];
      state.findings.forEach(({ start, end }, index) => {
        if (start <= from && end >= to && end > start) under.push(index);
      });
      const piece = text.slice(from, to);
      if (!under.length) { parts.push(document.createTextNode(piece)); continue; }
      const worst = SEVERITIES.find((severity) =>
        under.some((index) => state.findings[index].finding.severity === severity)) || "info";
      const mark = el("mark", { className: worst, "data-findings": under.join(" ") }, piece);
      if (under.includes(state.current)) mark.classList.add("current");
      parts.push(mark);
    }
    parts.push(document.createTextNode("\n "));  // a last empty line is as tall as the textarea's
    overlay.replaceChildren(...parts);
    syncOverlay();
  }

  function renderList() {
    const total = state.findings.length;
    $("findings-count").textContent = `(${total})`;
    const groups = [];
    for (const severity of SEVERITIES) {
      const members = bySeverity(severity);
      if (!members.length) continue;
      const heading = el("h3", { className: severity, id: `group-${severity}` },
        `${GROUP_NAMES[severity]} (${members.length})`);
      const items = members.map(({ item, index }) => findingItem(item.finding, index));
      groups.push(el("section", { className: "group", "data-severity": severity }, heading,
        el("ul", { role: "list", "aria-labelledby": `group-${severity}` }, ...items)));
    }
    if (!groups.length && state.text.trim() && !state.timer) groups.push(el("p", {}, "No findings."));
    list.replaceChildren(...groups);
  }

  function findingItem(finding, index) {
    const select = el("button", { type: "button", className: "finding-select",
      "data-index": String(index),
      "aria-label": `${finding.severity} ${finding.code}: ${finding.message}. Select it in the story.` },
    el("span", { className: "code" }, `${finding.code} ${finding.name}`),
    el("span", { className: "where" }, ` line ${finding.line}`), " ",
    el("q", {}, finding.text),
    el("span", { className: "finding-message" }, finding.message),
    !finding.fixable && finding.suggestion
      ? el("span", { className: "finding-message" }, `Suggested: ${finding.suggestion}`) : null);
    select.addEventListener("click", () => selectFinding(index, true));
    select.addEventListener("focus", () => highlight(index));
    const item = el("li", { className: `finding ${finding.severity}`, "data-index": String(index) },
      select, entryDetails(finding));
    if (finding.fixable) {
      const replacement = finding.suggestion || "";
      const label = replacement ? `Fix: ${replacement}` : "Fix: delete";
      const fix = el("button", { type: "button", className: "apply-fix",
        "aria-label": replacement ? `Replace "${finding.text}" with "${replacement}"` : `Delete "${finding.text}"` },
      label);
      fix.addEventListener("click", () => applyFix(index));
      item.append(el("div", { className: "finding-actions" }, fix));
    }
    if (index === state.current) item.classList.add("current");
    return item;
  }

  function entryDetails(finding) {
    const entry = finding.entry && state.entries[finding.entry];
    if (!entry) return null;
    const field = (name, value) => (value ? [el("dt", {}, name), el("dd", {}, String(value))] : []);
    return el("dl", { className: "entry", "aria-label": "Glossary entry" },
      ...field("Glossary:", entry.preferred), ...field("kind", entry.kind),
      ...field("source", entry.source), ...field("note", entry.note));
  }

  function marksOf(index) {
    return [...overlay.querySelectorAll("mark")]
      .filter((mark) => mark.dataset.findings.split(" ").includes(String(index)));
  }

  function highlight(index) {
    state.current = index;
    for (const mark of overlay.querySelectorAll("mark.current")) mark.classList.remove("current");
    for (const item of list.querySelectorAll("li.current")) item.classList.remove("current");
    if (index < 0) { $("caret-finding").textContent = ""; return; }
    for (const mark of marksOf(index)) mark.classList.add("current");
    const item = list.querySelector(`li[data-index="${index}"]`);
    if (item) item.classList.add("current");
  }

  // Select a finding's span in the story, scrolled into view.
  function selectFinding(index, focusStory) {
    const { start, end } = state.findings[index];
    highlight(index);
    if (focusStory) story.focus();
    story.setSelectionRange(start, end);
    const mark = marksOf(index)[0];
    if (mark) story.scrollTop = Math.max(0, mark.offsetTop - story.clientHeight / 3);
    syncOverlay();
    describeCaret();
  }

  function syncOverlay() {
    overlay.style.top = `${story.clientTop}px`;
    overlay.style.left = `${story.clientLeft}px`;
    overlay.style.width = `${story.clientWidth}px`;
    overlay.style.height = `${story.clientHeight}px`;
    overlay.scrollTop = story.scrollTop;
    overlay.scrollLeft = story.scrollLeft;
  }

  // ---- the message under the mouse and at the caret -----------------------------------

  function messagesOf(indexes) {
    return indexes.map((index) => {
      const { finding } = state.findings[index];
      return `${finding.severity} ${finding.code}: ${finding.message}`;
    }).join("\n");
  }

  function showTooltip(mark, indexes) {
    const box = mark.getClientRects()[0];
    const editor = $("editor").getBoundingClientRect();
    tooltip.textContent = messagesOf(indexes);
    tooltip.style.whiteSpace = "pre-line";
    tooltip.style.left = `${Math.max(0, box.left - editor.left)}px`;
    tooltip.style.top = `${box.bottom - editor.top + 6}px`;
    tooltip.hidden = false;
  }

  function hideTooltip() { tooltip.hidden = true; state.hovered = null; }

  function markAt(x, y) {
    for (const mark of overlay.querySelectorAll("mark")) {
      for (const box of mark.getClientRects()) {
        if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return mark;
      }
    }
    return null;
  }

  let pointer = null;
  function onPointerMove(event) {
    const waiting = pointer !== null;
    pointer = [event.clientX, event.clientY];
    if (waiting) return;
    requestAnimationFrame(() => {
      const mark = markAt(...pointer);
      pointer = null;
      if (mark === state.hovered) return;
      if (!mark) { hideTooltip(); return; }
      state.hovered = mark;
      showTooltip(mark, mark.dataset.findings.split(" ").map(Number));
    });
  }

  function findingsAtCaret() {
    const at = story.selectionStart;
    return state.findings.map((item, index) => ({ item, index }))
      .filter(({ item }) => item.end > item.start && item.start <= at && at <= item.end)
      .map(({ index }) => index);
  }

  // The caret is in a finding: say so, show its message beside it, mark it in the list.
  function describeCaret() {
    if (document.activeElement !== story) return;
    const here = findingsAtCaret();
    if (!here.length) {
      $("caret-finding").textContent = "";
      if (!state.hovered) tooltip.hidden = true;
      return;
    }
    highlight(here[0]);
    $("caret-finding").textContent = `At the caret: ${messagesOf(here)}`;
    const mark = marksOf(here[0])[0];
    if (mark) showTooltip(mark, here);
  }

  function nextFinding(backwards) {
    if (!state.findings.length) return;
    const at = story.selectionStart;
    const order = state.findings.map((item, index) => ({ item, index }));
    const found = backwards
      ? order.filter(({ item }) => item.start < at).pop() || order[order.length - 1]
      : order.find(({ item }) => item.start > at) || order[0];
    selectFinding(found.index, true);
  }

  // ---- the glossary view -----------------------------------------------------------

  let searches = 0;
  let searchTimer = 0;
  async function searchGlossary() {
    clearTimeout(searchTimer);
    const q = $("glossary-q").value.trim();
    const search = ++searches;
    const url = `v1/glossary?limit=${GLOSSARY_PAGE}${q ? `&q=${encodeURIComponent(q)}` : ""}`;
    $("glossary-status").textContent = "Searching…";
    try {
      const data = await call(url, {});
      if (search !== searches) return;
      showError(null, "glossary-error");
      $("glossary-results").replaceChildren(...data.entries.map(glossaryEntry));
      $("glossary-status").textContent = `${data.entries.length} of ${data.total} ${
        data.total === 1 ? "entry" : "entries"}${q ? ` matching “${q}”` : ""}`;
    } catch (error) {
      if (search !== searches) return;
      showError(error.message, "glossary-error");
      $("glossary-status").textContent = "";
    }
  }

  function glossaryEntry(entry) {
    const forms = Object.entries(entry.forms || {});
    const byLanguage = forms.some(([, form]) => (form.variants || []).length);
    const rows = forms.map(([lang, form]) => el("tr", {},
      el("th", { scope: "row" }, lang),
      el("td", {}, form.preferred || ""),
      el("td", {}, (form.accepted || []).join(", ")),
      byLanguage ? el("td", {}, (form.variants || []).join(", ")) : null));
    const heading = ["language", "preferred", "also accepted",
      ...(byLanguage ? ["disfavoured"] : [])].map((name) => el("th", { scope: "col" }, name));
    const table = rows.length
      ? el("table", {}, el("thead", {}, el("tr", {}, ...heading)), el("tbody", {}, ...rows)) : null;
    const field = (name, value) => (value ? el("p", { className: "entry" }, `${name}: ${value}`) : null);
    return el("li", { "data-entry": entry.id },
      el("span", { className: "preferred" }, entry.preferred || entry.id),
      el("span", { className: "kind" }, entry.kind || ""),
      el("span", { className: "glossary" }, entry.glossary ? `(${entry.glossary})` : ""),
      table, field("Disfavoured in any language", (entry.variants || []).join(", ")),
      field("Source", entry.source), field("Note", entry.note));
  }

  // ---- tabs ------------------------------------------------------------------------

  const tabs = [...document.querySelectorAll('[role="tab"]')];
  let glossaryLoaded = false;
  function selectTab(tab, focus) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) tab.focus();
    hideTooltip();
    if (tab.id === "tab-glossary" && !glossaryLoaded) { glossaryLoaded = true; searchGlossary(); }
  }

  function onTabKey(event) {
    const at = tabs.indexOf(event.target);
    const moves = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    selectTab(tabs[(moves[event.key] + tabs.length) % tabs.length], true);
  }

  // ---- opening a file --------------------------------------------------------------

  function openFile() {
    const file = $("file").files[0];
    if (!file) return;
    const suffix = file.name.includes(".") ? file.name.split(".").pop().toLowerCase() : "";
    if (FORMAT_OF_SUFFIX[suffix]) $("format").value = FORMAT_OF_SUFFIX[suffix];
    const reader = new FileReader();
    reader.onload = () => {
      story.value = String(reader.result);
      $("file").value = "";
      show(story.value, { findings: [], entries: {} });
      check();
    };
    reader.onerror = () => showError(`Cannot read ${file.name}: ${reader.error}`);
    reader.readAsText(file, "utf-8");
  }

  // ---- wiring ----------------------------------------------------------------------

  $("options").addEventListener("submit", (event) => { event.preventDefault(); check(); });
  for (const id of ["format", "lang", "source-lang"]) $(id).addEventListener("change", check);
  $("fix-all").addEventListener("click", fixAll);
  $("file").addEventListener("change", openFile);
  story.addEventListener("input", onInput);
  story.addEventListener("scroll", () => { syncOverlay(); hideTooltip(); });
  story.addEventListener("mousemove", onPointerMove);
  story.addEventListener("mouseleave", () => { if (!findingsAtCaret().length) hideTooltip(); });
  document.addEventListener("selectionchange", describeCaret);
  story.addEventListener("keydown", (event) => {
    if (event.key === "F8") { event.preventDefault(); nextFinding(event.shiftKey); }
  });
  document.addEventListener("keydown", (event) => {
    if ((event.ctrlKey || event.metaKey) && event.key === "Enter" && !$("view-check").hidden) {
      event.preventDefault();
      check();
    }
  });
  new ResizeObserver(syncOverlay).observe(story);
  for (const tab of tabs) {
    tab.addEventListener("click", () => selectTab(tab, false));
    tab.addEventListener("keydown", onTabKey);
  }
  $("glossary-form").addEventListener("submit", (event) => { event.preventDefault(); searchGlossary(); });
  $("glossary-q").addEventListener("input", () => {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(searchGlossary, SEARCH_AFTER_TYPING_MS);
  });
  syncOverlay();
})();
