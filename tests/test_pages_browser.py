"""Pages in headless Chromium with networking off: the network draws, nothing is fetched, nothing injected.

Chromium comes from Debian's ``chromium`` package (``make deps-test`` installs it).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from test_viz import DOCUMENTS, HOSTILE, HOSTILE_LABEL, external_links, kg_graph

from kg import viz
from kg.viz.browser import chromium, visit
from kg.viz.network import Sources

pytestmark = pytest.mark.skipif(
    chromium() is None, reason="chromium is not installed (apt-get install chromium, or make deps-test)"
)


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("pages")
    graph = kg_graph()
    sources = Sources.from_records(DOCUMENTS)
    written = viz.write_pages(
        graph, out, top=20, ego_pages=0, sources=sources, entities=["official/张三", HOSTILE]
    )
    return {"overview": written[0], "ego": written[1], "hostile": written[2]}


def test_overview_and_ego_pages_draw_offline(pages):
    for name in ("overview", "ego"):
        html = pages[name].read_text(encoding="utf-8")
        assert external_links(html) == []
        seen = visit(pages[name], budget_ms=5_000, attempts=6)
        assert seen.drawn, f"{name}: no afterDrawing in {seen.dom[-400:]}"
        assert seen.requests == [], f"{name} requested {seen.requests}"
        expected = len(kg_graph()) if name == "overview" else 5  # 张三 and his four neighbours
        assert int(seen.body["data-kg-nodes"]) == expected
        assert "<canvas" in seen.dom


def test_hostile_label_shows_as_text(pages):
    seen = visit(pages["hostile"], budget_ms=5_000, attempts=6)
    assert seen.drawn
    assert "data-pwned" not in seen.body  # neither the label, the title nor the alias ran
    assert 'document.body.setAttribute("data-pwned","2")' in seen.dom.replace("&quot;", '"')  # shown as text
    escaped = HOSTILE_LABEL.replace("<", "&lt;").replace(">", "&gt;")
    assert f'<h1 id="kg-title">{escaped}</h1>' in seen.dom


def test_the_request_detector_sees_requests(tmp_path):
    control = tmp_path / "control.html"
    control.write_text('<img src="https://cdn.example.com/x.png">', encoding="utf-8")
    assert visit(control, budget_ms=1_000).requests == ["https://cdn.example.com/x.png"]


def test_two_thousand_nodes_draw_quickly(tmp_path):
    graph = nx.relabel_nodes(nx.powerlaw_cluster_graph(2_000, 2, 0.2, seed=5), lambda n: f"place/地点{n}")
    for node in graph:
        graph.nodes[node].update(type="place", label=node.split("/")[1])
    page = viz.write_page(viz.overview_page(graph, top=2_000), tmp_path / "big.html")
    seen = visit(page, budget_ms=20_000, attempts=3)
    assert seen.drawn and seen.body["data-kg-nodes"] == "2000"
    assert seen.seconds < 15
