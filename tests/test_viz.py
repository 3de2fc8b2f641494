"""Graph views, layout and exploration pages (kg.subgraph, kg.viz, `kg viz`, /viz/...).

The fixture graph follows docs/architecture.md, with Chinese labels and a hostile label.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from urllib.parse import unquote

import networkx as nx
import pytest

from api import create_app
from kg import subgraph, viz
from kg.cli import main
from kg.errors import UserError
from kg.viz.layout import communities, positions
from kg.viz.network import PHYSICS_MAX_NODES, Sources, build_network

HOSTILE = "official/<script>alert(1)</script>"
HOSTILE_LABEL = "<script>alert(1)</script>"
PWN = "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\"> href"
PWN_ALIAS = '</script><script>document.body.setAttribute("data-pwned","2")</script>'


def mention(document: str, article: int, sentence: int, text: str) -> dict:
    return {
        "document": document,
        "article": article,
        "sentence": sentence,
        "start": 0,
        "end": 2,
        "text": text,
    }


def evidence(document: str, article: int, sentence: int, date: str) -> dict:
    return {"document": document, "article": article, "sentence": sentence, "date": date}


def kg_graph() -> nx.Graph:
    """A small graph with every documented attribute."""
    g = nx.Graph(shas={"a.txt": "a" * 64, "b.txt": "b" * 64})
    g.add_node(
        "official/张三", type="official", label="张三", aliases=["张书记"], titles=["市委书记", "市长"],
        level="city", count=5, documents=["a.txt", "b.txt"], dates=["2023-05-01", "2023-06-02"],
        mentions=[mention("a.txt", 0, 0, "张三"), mention("b.txt", 0, 1, "张书记")],
        iri="https://kg.example.org/id/official/张三",
    )  # fmt: skip
    g.add_node("official/李四", type="official", label="李四", titles=["副市长"], level="city",
               count=2, documents=["b.txt"], dates=["2023-06-02"],
               mentions=[mention("b.txt", 0, 1, "李四")])  # fmt: skip
    g.add_node("person/王五", type="person", label="王五", role="记者", count=1, documents=["a.txt"],
               dates=["2023-05-01"], mentions=[mention("a.txt", 0, 2, "王五")])  # fmt: skip
    g.add_node("place/长治市", type="place", label="长治市", aliases=["长治"], level="city",
               parents=["place/山西省"], count=4, documents=["a.txt", "b.txt"],
               dates=["2023-05-01", "2023-06-02"], mentions=[mention("a.txt", 0, 0, "长治市")])  # fmt: skip
    g.add_node("place/山西省", type="place", label="山西省", level="provincial", count=1,
               documents=["a.txt"], dates=["2023-05-01"],
               mentions=[mention("a.txt", 0, 0, "山西省")])  # fmt: skip
    g.add_node("organization/长治市委", type="organization", label="长治市委", count=1,
               documents=["a.txt"], dates=["2023-05-01"],
               mentions=[mention("a.txt", 0, 0, "市委")])  # fmt: skip
    g.add_node("project/太行一号旅游公路", type="project", label="太行一号旅游公路", count=2,
               documents=["b.txt"], dates=["2023-06-02"],
               mentions=[mention("b.txt", 0, 1, "太行一号")])  # fmt: skip
    g.add_node("theme/乡村振兴", type="theme", label="乡村振兴", count=3, documents=["a.txt", "b.txt"],
               dates=["2023-05-01", "2023-06-02"], mentions=[mention("a.txt", 0, 0, "乡村振兴")])  # fmt: skip
    g.add_node(HOSTILE, type="official", label=HOSTILE_LABEL, titles=[PWN], aliases=[PWN_ALIAS],
               count=1, documents=["b.txt"], dates=["2023-06-02"],
               mentions=[mention("b.txt", 0, 2, HOSTILE_LABEL)])  # fmt: skip
    g.add_node(
        "place/无日期村", type="place", label="无日期村", level="village", count=1, documents=[], dates=[]
    )
    ties = [
        ("official/张三", "place/长治市", 4, ["holdsPost", "postIn"],
         [evidence("a.txt", 0, 0, "2023-05-01")]),
        ("official/张三", "theme/乡村振兴", 3, [], [evidence("a.txt", 0, 0, "2023-05-01"),
                                                  evidence("b.txt", 0, 1, "2023-06-02")]),
        ("official/张三", "official/李四", 2, [], [evidence("b.txt", 0, 1, "2023-06-02")]),
        ("official/李四", "project/太行一号旅游公路", 2, [], [evidence("b.txt", 0, 1, "2023-06-02")]),
        ("theme/乡村振兴", "project/太行一号旅游公路", 1, [], [evidence("b.txt", 0, 1, "2023-06-02")]),
        ("theme/乡村振兴", "place/长治市", 2, [], [evidence("a.txt", 0, 0, "2023-05-01")]),
        ("place/长治市", "place/山西省", 1, ["within"], [evidence("a.txt", 0, 0, "2023-05-01")]),
        ("organization/长治市委", "official/张三", 1, [], [evidence("a.txt", 0, 0, "2023-05-01")]),
        ("person/王五", "place/长治市", 1, [], [evidence("a.txt", 0, 2, "2023-05-01")]),
        (HOSTILE, "official/李四", 1, [], [evidence("b.txt", 0, 2, "2023-06-02")]),
        ("place/无日期村", "place/长治市", 1, ["within"], []),
    ]  # fmt: skip
    for u, v, weight, relations, seen in ties:
        dates = sorted({e["date"] for e in seen})
        g.add_edge(u, v, weight=weight, articles=len(seen) or 1, dice=round(1 / (1 + weight), 3),
                   pmi=0.5 * weight, relations=relations, evidence=seen, dates=dates,
                   order=[1, 2] if weight == 2 else [])  # fmt: skip
    return g


DOCUMENTS = [
    {"name": "a.txt", "sha256": "a" * 64, "date": "2023-05-01", "articles": [{
        "index": 0, "start": 0, "end": 90, "headline": "长治市召开乡村振兴推进会", "date": "2023-05-01",
        "sentences": [
            {"index": 0, "start": 0, "end": 30, "text": "山西省长治市委书记张三主持召开乡村振兴推进会。"},
            {"index": 1, "start": 30, "end": 60, "text": "会议听取了各县区工作汇报。"},
            {"index": 2, "start": 60, "end": 90, "text": "（记者王五）"},
        ]}], "entities": []},
    {"name": "b.txt", "sha256": "b" * 64, "date": "2023-06-02", "articles": [{
        "index": 0, "start": 0, "end": 80, "headline": "太行一号旅游公路建设提速", "date": "2023-06-02",
        "sentences": [
            {"index": 0, "start": 0, "end": 20, "text": "本报讯。"},
            {"index": 1, "start": 20, "end": 60, "text": "市长张书记与副市长李四调研太行一号旅游公路。"},
            {"index": 2, "start": 60, "end": 80, "text": f"{HOSTILE_LABEL}一同调研。"},
        ]}], "entities": []},
]  # fmt: skip


def write_graph_dir(path: Path, graph: nx.Graph | None = None) -> Path:
    """A built directory with the documented files (graph.json, documents.jsonl, manifest.json)."""
    path.mkdir(parents=True, exist_ok=True)
    graph = kg_graph() if graph is None else graph
    data = nx.node_link_data(graph, edges="edges")
    (path / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lines = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCUMENTS)
    (path / "documents.jsonl").write_text(lines, encoding="utf-8")
    manifest = {"build_id": "test", "documents": {d["name"]: d["sha256"] for d in DOCUMENTS}}
    (path / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return path


def payload(html: str) -> dict:
    """The network data embedded in a page."""
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert found, "no embedded data"
    return json.loads(found.group(1))


def external_links(html: str) -> list[str]:
    return re.findall(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//[^"'\s>]+""", html, re.I)


@pytest.fixture
def graph() -> nx.Graph:
    return kg_graph()


@pytest.fixture
def sources() -> Sources:
    return Sources.from_records(DOCUMENTS)


@pytest.fixture
def graph_dir(tmp_path: Path) -> Path:
    return write_graph_dir(tmp_path / "graphs")


@pytest.fixture
def client(graph_dir: Path):
    return create_app({"TESTING": True, "GRAPH_DIR": str(graph_dir)}).test_client()


# -- kg.subgraph -----------------------------------------------------------------------------------------


def test_by_type_keeps_edges_among_kept(graph):
    view = subgraph.by_type(graph, ["official", "project"])
    assert set(view) == {"official/张三", "official/李四", "project/太行一号旅游公路", HOSTILE}
    assert view.has_edge("official/李四", "project/太行一号旅游公路")
    assert view.nodes["official/张三"]["titles"] == ["市委书记", "市长"]


def test_min_weight_drops_weak_ties_only(graph):
    view = subgraph.min_weight(graph, 3)
    assert set(view) == set(graph)
    assert sorted(tuple(sorted(e)) for e in view.edges) == [("official/张三", "place/长治市"),
                                                            ("official/张三", "theme/乡村振兴")]  # fmt: skip


def test_date_range_keeps_what_was_seen_then(graph):
    view = subgraph.date_range(graph, since="2023-06-01")
    assert "person/王五" not in view and "place/无日期村" not in view
    assert view.has_edge("official/张三", "official/李四")
    assert not view.has_edge("official/张三", "place/长治市")  # only seen in May
    assert set(subgraph.date_range(graph, until="2023-05")) >= {"person/王五", "official/张三"}


def test_ego_one_and_two_hops(graph):
    one = subgraph.ego(graph, "project/太行一号旅游公路", hops=1)
    assert set(one) == {"project/太行一号旅游公路", "official/李四", "theme/乡村振兴"}
    two = subgraph.ego(graph, "project/太行一号旅游公路", hops=2)
    assert {"official/张三", HOSTILE, "place/长治市"} <= set(two)
    assert set(subgraph.ego(graph, "official/张三", 1, limit=3)) == {
        "official/张三",
        "place/长治市",
        "theme/乡村振兴",
    }


def test_ego_rejects_bad_hops_and_unknown_entity(graph):
    with pytest.raises(UserError, match="hops"):
        subgraph.ego(graph, "official/张三", hops=3)
    with pytest.raises(subgraph.UnknownEntity, match="official/无名"):
        subgraph.ego(graph, "official/无名")


def test_top_by_degree_and_weight(graph):
    assert set(subgraph.top(graph, 2)) == {"official/张三", "place/长治市"}
    assert "official/张三" in subgraph.top(graph, 1, by="weight")
    with pytest.raises(UserError):
        subgraph.top(graph, 1, by="colour")


def test_paths_and_no_path(graph):
    view = subgraph.paths(graph, "person/王五", "project/太行一号旅游公路")
    assert set(view) == {"person/王五", "place/长治市", "theme/乡村振兴", "project/太行一号旅游公路"}
    graph.add_node("place/孤岛", type="place", label="孤岛")
    with pytest.raises(subgraph.NoPath):
        subgraph.paths(graph, "person/王五", "place/孤岛")


def test_theme_gathers_officials_places_projects(graph):
    view = subgraph.theme(graph, "theme/乡村振兴")
    assert set(view) == {"theme/乡村振兴", "official/张三", "place/长治市", "project/太行一号旅游公路"}


def test_filter_applies_in_order(graph):
    view = subgraph.GraphFilter(types=("official", "place"), min_weight=2, ego="official/张三").apply(graph)
    assert set(view) == {"official/张三", "official/李四", "place/长治市"}
    with pytest.raises(subgraph.UnknownEntity):
        subgraph.GraphFilter(ego="theme/无").apply(graph)
    with pytest.raises(UserError, match="filtered out"):
        subgraph.GraphFilter(types=("place",), ego="official/张三").apply(graph)


# -- layout and network ----------------------------------------------------------------------------------


def test_layout_places_every_node_apart():
    big = nx.relaxed_caveman_graph(40, 20, 0.05, seed=3)
    big.add_nodes_from(range(10_000, 10_300))  # isolated entities
    placed = positions(big)
    assert set(placed) == set(big)
    points = list(placed.values())
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    assert len({(round(x), round(y)) for x, y in points}) > 0.95 * len(points)
    parts = communities(big)
    assert len(set(parts.values())) >= 20


def test_network_colours_sizes_tooltips(graph, sources):
    net = build_network(graph, focus=["official/张三"], sources=sources, link=lambda n: f"/viz/entity/{n}")
    nodes = {n["id"]: n for n in net.nodes}
    zhang = nodes["official/张三"]
    assert zhang["kgFocus"] and zhang["value"] > nodes["person/王五"]["value"]
    assert "titles: 市委书记; 市长" in zhang["title"] and "aliases: 张书记" in zhang["title"]
    assert "山西省长治市委书记张三主持召开乡村振兴推进会。" in zhang["title"]
    assert nodes["place/长治市"]["color"] != nodes["theme/乡村振兴"]["color"]
    edge = next(e for e in net.edges if {e["from"], e["to"]} == {"official/张三", "theme/乡村振兴"})
    assert "长治市召开乡村振兴推进会" in edge["title"] and "太行一号旅游公路建设提速" in edge["title"]
    assert edge["kgWeight"] == 3 and edge["kgDates"] == ["2023-05-01", "2023-06-02"]


def test_physics_only_for_small_networks():
    small = build_network(nx.path_graph(10)).options
    big = build_network(nx.path_graph(PHYSICS_MAX_NODES + 1)).options
    assert small["physics"]["enabled"] is True
    assert big["physics"]["enabled"] is False and big["edges"]["smooth"]["enabled"] is False
    assert big["layout"]["improvedLayout"] is False


# -- pages ------------------------------------------------------------------------------------------------


def test_page_is_self_contained(graph, sources):
    html = viz.overview_page(graph, sources=sources)
    assert external_links(html) == []
    assert "<link" not in html and "sourceMappingURL" not in html
    assert not any(cdn in html for cdn in ("bootstrap.min", "jsdelivr", "cdnjs", "unpkg"))
    assert "vis-network" in html and "DataView" in html  # vis inlined
    assert '<meta charset="utf-8">' in html and "default-src 'none'" in html.replace("&#39;", "'")
    data = payload(html)
    assert {n["id"] for n in data["nodes"]} == set(graph)
    assert len(data["edges"]) == graph.number_of_edges()


def test_page_escapes_hostile_labels(graph, sources):
    html = viz.ego_page(graph, HOSTILE, sources=sources)
    assert HOSTILE_LABEL not in html and "<img" not in html and PWN_ALIAS not in html
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt; · kg</title>" in html
    assert html.count("</script>") == 3  # the data block and two scripts of the page, nothing injected
    node = next(n for n in payload(html)["nodes"] if n["id"] == HOSTILE)
    assert node["label"] == HOSTILE_LABEL and PWN in node["title"]


def test_ego_page_details_and_notes(graph, sources):
    html = viz.ego_page(graph, "official/张三", sources=sources, limit=3)
    assert "titles: 市委书记; 市长" in html and "山西省长治市委书记张三主持召开乡村振兴推进会" in html
    assert "Showing the 3 most strongly tied of 5 entities." in html
    assert len(payload(html)["nodes"]) == 3


def test_path_and_theme_pages(graph):
    html = viz.path_page(graph, "person/王五", "project/太行一号旅游公路")
    assert "王五 → 太行一号旅游公路" in html and len(payload(html)["nodes"]) == 4
    assert len(payload(viz.theme_page(graph, "theme/乡村振兴"))["nodes"]) == 4


def test_write_pages_links_overview_to_ego_pages(graph, sources, tmp_path):
    written = viz.write_pages(graph, tmp_path, top=6, ego_pages=3, sources=sources)
    assert written[0].name == "index.html" and len(written) == 4
    links = [n["kgUrl"] for n in payload(written[0].read_text(encoding="utf-8"))["nodes"] if n["kgUrl"]]
    assert len(links) == 3
    for link in links:  # percent-encoded file names of pages written next to the overview
        assert (tmp_path / unquote(link)).is_file()


# -- kg viz -----------------------------------------------------------------------------------------------


def test_kg_viz_writes_overview_and_ego_pages(graph_dir, tmp_path, capsys):
    out = tmp_path / "pages"
    assert main(["viz", str(graph_dir), "-o", str(out), "--egos", "2", "--top", "5"]) == 0
    names = {p.name for p in out.iterdir()}
    assert "index.html" in names and len(names) == 3
    assert "3 pages" in capsys.readouterr().err


def test_kg_viz_single_entity_path_theme(graph_dir, tmp_path, capsys):
    out = tmp_path / "one"
    args = ["viz", str(graph_dir), "-o", str(out), "--entity", "official/张三", "--hops", "2",
            "--path", "person/王五", "official/李四", "--theme", "theme/乡村振兴"]  # fmt: skip
    assert main(args) == 0
    assert len(list(out.iterdir())) == 3
    assert main(["viz", str(graph_dir), "-o", str(out), "--entity", "official/无名"]) == 2
    assert "unknown entity: official/无名" in capsys.readouterr().err


# -- /viz/... ---------------------------------------------------------------------------------------------


def test_viz_routes_serve_pages(client):
    overview = client.get("/viz/overview?top=5")
    assert overview.status_code == 200 and overview.content_type == "text/html; charset=utf-8"
    nodes = payload(overview.get_data(as_text=True))["nodes"]
    assert len(nodes) == 5
    for node in nodes:  # every click target answers
        assert client.get(node["kgUrl"]).status_code == 200, node["kgUrl"]
    assert client.get("/viz/").status_code == 302


def test_viz_entity_path_theme(client):
    hostile = client.get("/viz/entity/" + HOSTILE.replace("<", "%3C").replace(">", "%3E") + "?hops=2")
    assert hostile.status_code == 200 and HOSTILE_LABEL not in hostile.get_data(as_text=True)
    page = client.get("/viz/path", query_string={"source": "person/王五", "target": "official/李四"})
    assert page.status_code == 200
    assert client.get("/viz/theme/theme/乡村振兴").status_code == 200


def test_viz_errors_are_json(client):
    missing = client.get("/viz/entity/official/无名")
    assert missing.status_code == 404 and "official/无名" in missing.get_json()["message"]
    assert client.get("/viz/entity/official/张三?hops=3").status_code == 400
    assert client.get("/viz/path?source=official/张三").status_code == 400
    assert client.get("/viz/overview?top=x").status_code == 400
