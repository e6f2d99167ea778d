// The glossary view's form to add an entry (docs/server.md, "The editor's page"): it posts
// to POST /v1/glossary/entries with the token the editor types, which stays in this page's
// memory (the field's value: never stored, gone with the tab); without one it uses the
// check view's token field. A separate script from page.js, which it shares nothing with but
// the page: after an entry is added it searches the glossary for it by submitting the
// search form. Text goes in through textContent only.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const TROUBLE = {
    401: "The server asks for its token: type it in the token field",
    403: "The server refuses this",
    409: "An entry with this id exists already",
    413: "The entry is too long for the server",
    422: "The entry is not valid",
    503: "The glossary is busy (another editor is writing it); try again",
  };
  const FIELDS = ["id", "preferred", "lang", "kind", "note", "source"];

  function show(message, isError) {
    $("entry-error").textContent = isError ? message : "";
    $("entry-error").hidden = !isError;
    $("entry-status").textContent = isError ? "" : message;
  }

  function entryRequest() {
    const body = {};
    for (const name of FIELDS) {
      const value = $(`entry-${name}`).value.trim();
      if (value) body[name] = value;
    }
    const variants = $("entry-variants").value.split(",").map((each) => each.trim())
      .filter((each) => each);
    if (variants.length) body.variants = variants;
    return body;
  }

  async function addEntry(event) {
    event.preventDefault();
    const body = entryRequest();
    const token = $("entry-token").value.trim() || $("token").value.trim();
    const headers = { Accept: "application/json", "Content-Type": "application/json" };
    if (token) headers.Authorization = `Bearer ${token}`;
    $("entry-add").disabled = true;
    show(`Adding ${body.id || "the entry"}…`, false);
    try {
      let response;
      try {
        response = await fetch("v1/glossary/entries",
          { method: "POST", headers, body: JSON.stringify(body) });
      } catch (error) {
        show(`Cannot reach the translint server (${error.message}). Is it still running?`, true);
        return;
      }
      let data = null;
      try { data = await response.json(); } catch { data = null; }
      if (!response.ok) {
        const trouble = TROUBLE[response.status] || "The server answered with an error";
        const detail = data && data.error ? data.error.message : response.statusText;
        show(`${trouble} (${response.status}): ${detail}`, true);
        if (response.status === 401 || response.status === 403) $("entry-token").focus();
        return;
      }
      const name = data.entry.preferred || data.entry.id;
      show(`Added ${name} (${data.entry.id}) to ${data.glossary}; ${
        data.served ? "checks use it now." : "checks use it once the server reloads it."}`, false);
      for (const id of ["entry-id", "entry-preferred", "entry-variants", "entry-note",
        "entry-source"]) $(id).value = "";
      $("glossary-q").value = data.entry.id;
      $("glossary-form").requestSubmit();
    } finally {
      $("entry-add").disabled = false;
    }
  }

  $("entry-form").addEventListener("submit", addEntry);
})();
