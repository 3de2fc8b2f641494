"""One self-contained HTML page around a pyvis network: no request leaves it.

vis-network's script and stylesheet (shipped inside pyvis) are inlined; pyvis'
own template is not used (it links bootstrap from a CDN and inserts some titles
and the heading unescaped). The network data travels as JSON in a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped,
every text of the page goes through Jinja2's autoescaping, and a Content
Security Policy forbids any network request and any script without the page's nonce.

>>> html = render_page(PageSpec(title="<b>x</b>"), {"nodes": [], "edges": [], "options": {}})
>>> "&lt;b&gt;x&lt;/b&gt;" in html and "<b>x</b>" not in html
True
"""

from __future__ import annotations

import json
import re
import secrets
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
import pyvis

VIS_DIR = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
SOURCE_MAP = re.compile(r"^\s*//# sourceMappingURL=.*$", re.MULTILINE)
CSP = (
    "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'unsafe-inline'; "
    "img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'"
)


@dataclass(frozen=True)
class PageSpec:
    """What a page says around its network: title, subtitle, the focus entity's details, notes."""

    title: str
    subtitle: str = ""
    kind: str = "overview"
    details: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    links: tuple[tuple[str, str], ...] = field(default=())  # (text, href) shown under the title


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped in pyvis, without the source-map comment."""
    script = (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8")
    style = (VIS_DIR / "vis-network.css").read_text(encoding="utf-8")
    return SOURCE_MAP.sub("", script), SOURCE_MAP.sub("", style)


def embedded_json(value: Any) -> str:
    """JSON safe inside a ``<script>`` block: ``<``, ``>``, ``&`` and line separators escaped.

    >>> embedded_json({"label": "</script><script>alert(1)</script>"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028")):
        text = text.replace(raw, escaped)
    return text.replace("\u2029", "\\u2029")


ENVIRONMENT = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
TEMPLATE = ENVIRONMENT.from_string(
    """<!DOCTYPE html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ spec.title }} · kg</title>
<style>{{ vis_css }}</style>
<style>
html, body { margin: 0; height: 100%;
  font: 14px/1.45 "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; }
body { display: flex; color: #1d2733; }
#kg-side { width: 300px; flex: none; overflow-y: auto; padding: 12px 14px; box-sizing: border-box;
  border-right: 1px solid #d9dee3; background: #f7f9fa; }
#kg-network { flex: 1; height: 100%; min-width: 0; }
h1 { font-size: 18px; margin: 0 0 4px; word-break: break-all; }
h2 { font-size: 13px; margin: 14px 0 4px; text-transform: uppercase; color: #5b6b7b; }
.kg-sub, .kg-note, #kg-count { color: #5b6b7b; font-size: 12px; }
.kg-details { white-space: pre-wrap; word-break: break-all; font-size: 12px; margin: 6px 0; }
.kg-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }
label { display: block; cursor: pointer; }
input[type=range], input[type=date], input[type=search], select { width: 100%; box-sizing: border-box; }
.vis-tooltip { white-space: pre-wrap !important; max-width: 420px; font-size: 12px !important; }
a { color: #1f5fa8; }
</style>
</head>
<body data-kg-page="{{ spec.kind }}">
<aside id="kg-side">
<h1 id="kg-title">{{ spec.title }}</h1>
{% if spec.subtitle %}<div class="kg-sub">{{ spec.subtitle }}</div>{% endif %}
{% for text, href in spec.links %}<div><a href="{{ href }}">{{ text }}</a></div>{% endfor %}
{% if spec.details %}<div class="kg-details" id="kg-details">{{ spec.details | join("\n") }}</div>{% endif %}
<div id="kg-count"></div>
<h2>Types</h2>
{% for kind, count, colour in types %}
<label><input type="checkbox" checked data-kg-type="{{ kind }}">
<span class="kg-swatch" style="background: {{ colour }}"></span>{{ kind or "—" }} ({{ count }})</label>
{% endfor %}
<h2>Minimum weight: <span id="kg-weight-value">1</span></h2>
<input type="range" id="kg-weight" min="1" max="{{ max_weight }}" value="1" step="1">
<h2>Dates</h2>
<label>from <input type="date" id="kg-since" min="{{ first_date }}" max="{{ last_date }}"></label>
<label>to <input type="date" id="kg-until" min="{{ first_date }}" max="{{ last_date }}"></label>
<h2>Colour by</h2>
<select id="kg-colour"><option value="type">type</option><option value="community">community</option></select>
<h2>Find</h2>
<input type="search" id="kg-find" placeholder="name">
<h2>Notes</h2>
{% for note in spec.notes %}<div class="kg-note">{{ note }}</div>{% endfor %}
<div class="kg-note">Hover for details; click an entity to open its network.</div>
</aside>
<div id="kg-network"></div>
<script type="application/json" id="kg-data">{{ data_json | safe }}</script>
<script nonce="{{ nonce }}">{{ vis_js | safe }}</script>
<script nonce="{{ nonce }}">
(function () {
  "use strict";
  var payload = JSON.parse(document.getElementById("kg-data").textContent);
  var body = document.body;
  var state = { hidden: {}, minWeight: 1, since: "", until: "" };
  var typeColour = {};
  payload.nodes.forEach(function (n) { typeColour[n.id] = n.color; });
  function dated(dates) {
    if (!state.since && !state.until) { return true; }
    return (dates || []).some(function (d) {
      return (!state.since || d >= state.since)
        && (!state.until || d.slice(0, state.until.length) <= state.until);
    });
  }
  var nodes = new vis.DataSet(payload.nodes);
  var edges = new vis.DataSet(payload.edges);
  var nodeView = new vis.DataView(nodes, { filter: function (n) {
    return n.kgFocus || (!state.hidden[n.kgType] && dated(n.kgDates));
  } });
  var edgeView = new vis.DataView(edges, { filter: function (e) {
    return e.kgWeight >= state.minWeight && dated(e.kgDates);
  } });
  var network = new vis.Network(document.getElementById("kg-network"),
    { nodes: nodeView, edges: edgeView }, payload.options);
  function count() {
    document.getElementById("kg-count").textContent = nodeView.length + " of " + nodes.length
      + " entities, " + edgeView.length + " of " + edges.length + " ties";
  }
  function refresh() { nodeView.refresh(); edgeView.refresh(); count(); }
  network.once("afterDrawing", function () {
    body.setAttribute("data-kg-drawn", "1");
    body.setAttribute("data-kg-draw-ms", String(Math.round(performance.now())));
    body.setAttribute("data-kg-nodes", String(nodeView.length));
    body.setAttribute("data-kg-edges", String(edgeView.length));
  });
  network.redraw();  // the first drawing may have happened before the listener was attached
  network.on("click", function (params) {
    if (!params.nodes.length) { return; }
    var node = nodes.get(params.nodes[0]);
    if (node && node.kgUrl && !node.kgFocus) { window.location.href = node.kgUrl; }
  });
  document.querySelectorAll("input[data-kg-type]").forEach(function (box) {
    box.addEventListener("change", function () {
      state.hidden[box.getAttribute("data-kg-type")] = !box.checked;
      refresh();
    });
  });
  var weight = document.getElementById("kg-weight");
  weight.addEventListener("input", function () {
    state.minWeight = Number(weight.value);
    document.getElementById("kg-weight-value").textContent = weight.value;
    refresh();
  });
  ["since", "until"].forEach(function (name) {
    var input = document.getElementById("kg-" + name);
    input.addEventListener("change", function () { state[name] = input.value; refresh(); });
  });
  document.getElementById("kg-colour").addEventListener("change", function (event) {
    var byCommunity = event.target.value === "community";
    nodes.update(payload.nodes.map(function (n) {
      var fill = byCommunity ? payload.communityColours[n.kgCommunity % payload.communityColours.length]
        : typeColour[n.id];
      if (fill && typeof fill === "object") { fill = fill.background; }
      return { id: n.id, color: n.kgFocus ? { background: fill, border: "#111" } : fill };
    }));
  });
  document.getElementById("kg-find").addEventListener("change", function (event) {
    var wanted = event.target.value.trim();
    if (!wanted) { return; }
    var found = nodeView.get({ filter: function (n) { return String(n.label).indexOf(wanted) >= 0; } });
    if (found.length) {
      network.selectNodes([found[0].id]);
      network.focus(found[0].id, { scale: 1.2, animation: false });
    }
  });
  count();
  window.kgNetwork = network;
}());
</script>
</body>
</html>
"""
)


def type_counts(nodes: list[dict[str, Any]]) -> list[tuple[str, int, str]]:
    """(type, count, colour) of the drawn nodes, commonest first.

    >>> type_counts([{"kgType": "place", "color": "#29335C"}])
    [('place', 1, '#29335C')]
    """
    found: dict[str, list[Any]] = {}
    for node in nodes:
        colour = node.get("color")
        colour = colour.get("background") if isinstance(colour, dict) else colour
        entry = found.setdefault(node.get("kgType", ""), [0, colour])
        entry[0] += 1
    return sorted(((k, n, c) for k, (n, c) in found.items()), key=lambda t: (-t[1], t[0]))


def render_page(spec: PageSpec, payload: dict[str, Any]) -> str:
    """The HTML of a page: ``payload`` holds vis ``nodes``, ``edges`` and ``options``."""
    vis_js, vis_css = vis_assets()
    nonce = secrets.token_urlsafe(16)
    dates = sorted(d for item in payload["nodes"] + payload["edges"] for d in item.get("kgDates") or ())
    weights = [edge.get("kgWeight", 1) for edge in payload["edges"]]
    return TEMPLATE.render(
        spec=spec,
        csp=CSP.format(nonce=nonce),
        nonce=nonce,
        vis_js=vis_js,
        vis_css=jinja2.utils.markupsafe.Markup(vis_css),
        data_json=embedded_json(payload),
        types=type_counts(payload["nodes"]),
        max_weight=max(weights, default=1),
        first_date=dates[0][:10] if dates else "",
        last_date=dates[-1][:10] if dates else "",
    )
