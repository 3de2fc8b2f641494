// The SPARQL query page: runs the query with fetch and draws SELECT results as a table.
(function () {
  "use strict";
  const form = document.getElementById("form");
  const query = document.getElementById("query");
  const format = document.getElementById("format");
  const status = document.getElementById("status");
  const results = document.getElementById("results");
  const examples = JSON.parse(document.getElementById("example-data").textContent);

  document.getElementById("examples").addEventListener("change", function (e) {
    if (e.target.value !== "") query.value = examples[Number(e.target.value)];
  });

  function termText(term) {
    if (!term) return "";
    if (term.type === "literal" && term["xml:lang"]) return term.value + " @" + term["xml:lang"];
    if (term.type === "bnode") return "_:" + term.value;
    return term.value;
  }

  function cell(term) {
    const td = document.createElement("td");
    if (term && term.type === "uri") {
      const a = document.createElement("a");
      a.href = term.value;
      a.textContent = term.value;
      td.appendChild(a);
    } else {
      td.textContent = termText(term);
    }
    return td;
  }

  function drawTable(data) {
    results.replaceChildren();
    if ("boolean" in data) {
      const p = document.createElement("p");
      p.textContent = "ASK → " + data.boolean;
      results.appendChild(p);
      return;
    }
    const table = document.createElement("table");
    const head = table.insertRow();
    for (const v of data.head.vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    for (const row of data.results.bindings) {
      const tr = table.insertRow();
      for (const v of data.head.vars) tr.appendChild(cell(row[v]));
    }
    results.appendChild(table);
  }

  function drawText(text) {
    const pre = document.createElement("pre");
    pre.textContent = text;
    results.replaceChildren(pre);
  }

  form.addEventListener("submit", async function (e) {
    e.preventDefault();
    status.className = "";
    status.textContent = "running…";
    const params = new URLSearchParams();
    if (format.value) params.set("format", format.value);
    const started = performance.now();
    try {
      const qs = params.toString();
      const response = await fetch(form.action + (qs ? "?" + qs : ""), {
        method: "POST",
        headers: {"Content-Type": "application/sparql-query",
                  "Accept": "application/sparql-results+json, text/turtle;q=0.9"},
        body: query.value,
      });
      const ms = Math.round(performance.now() - started);
      const type = response.headers.get("Content-Type") || "";
      const text = await response.text();
      if (!response.ok) {
        let message = text;
        try { message = JSON.parse(text).message; } catch (err) { /* not JSON */ }
        status.className = "error";
        status.textContent = response.status + ": " + message;
        results.replaceChildren();
        return;
      }
      const rows = response.headers.get("X-KG-Rows");
      const cut = response.headers.get("X-KG-Truncated") === "true" ? " (truncated)" : "";
      status.textContent = rows + " results in " + ms + " ms" + cut;
      if (!format.value && type.startsWith("application/sparql-results+json")) drawTable(JSON.parse(text));
      else drawText(text);
    } catch (err) {
      status.className = "error";
      status.textContent = String(err);
    }
  });
})();
