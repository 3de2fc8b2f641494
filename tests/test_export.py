"""Exports (kg.readwrite, `kg export`, /api/export): every format read back and compared with the graph."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.namespace import RDFS
from test_viz import HOSTILE, HOSTILE_LABEL, kg_graph, write_graph_dir

from api import create_app
from kg.cli import main
from kg.rdf import KG, iri_for
from kg.readwrite import (
    FORMATS,
    export_format,
    read_cytoscape,
    read_gexf,
    read_graphml,
    read_neo4j_csv,
    read_nodelink,
    write_cytoscape,
    write_gexf,
    write_graphml,
    write_neo4j_csv,
    write_nodelink,
)
from kg.readwrite.neo4j_csv import EDGE_COLUMNS, NODE_COLUMNS
from kg.subgraph import GraphFilter


@pytest.fixture
def graph() -> nx.Graph:
    return kg_graph()


@pytest.fixture
def graph_dir(tmp_path: Path) -> Path:
    return write_graph_dir(tmp_path / "graphs")


@pytest.fixture
def client(graph_dir: Path):
    return create_app({"TESTING": True, "GRAPH_DIR": str(graph_dir)}).test_client()


def edge_key(u: str, v: str) -> tuple[str, str]:
    return (u, v) if u <= v else (v, u)


def assert_same_graph(graph: nx.Graph, back: nx.Graph) -> None:
    """Same nodes, edges and attributes (values and types)."""
    assert set(back) == set(graph)
    for node, data in graph.nodes(data=True):
        assert back.nodes[node] == data, node
    assert {edge_key(u, v): d for u, v, d in back.edges(data=True)} == {
        edge_key(u, v): d for u, v, d in graph.edges(data=True)
    }


@pytest.mark.parametrize(
    ("write", "read"),
    [
        (write_graphml, read_graphml),
        (write_gexf, read_gexf),
        (write_nodelink, read_nodelink),
        (write_cytoscape, read_cytoscape),
    ],
)
def test_round_trip_keeps_everything(graph, tmp_path, write, read):
    path = tmp_path / "out"
    write(graph, path)
    assert_same_graph(graph, read(path))
    for buffer in (io.BytesIO(), io.StringIO()):  # an open file, binary or text
        write(graph, buffer)
        buffer.seek(0)
        assert_same_graph(graph, read(buffer))


def test_graphml_for_yed_and_gephi(graph, tmp_path):
    path = tmp_path / "kg.graphml"
    write_graphml(graph, path)
    plain = nx.read_graphml(path)  # what any GraphML reader sees
    assert plain.nodes["official/张三"]["label"] == "张三"  # Gephi's label
    assert plain.nodes["official/张三"]["count"] == 5  # typed attribute
    assert isinstance(plain.edges["official/张三", "place/长治市"]["dice"], float)
    xml = path.read_text(encoding="utf-8")
    assert 'yfiles.type="nodegraphics"' in xml and "<y:NodeLabel" in xml
    assert (
        f'<y:NodeLabel textColor="#FFFFFF">{HOSTILE_LABEL.replace("<", "&lt;").replace(">", "&gt;")}' in xml
    )
    assert 'attr.name="count" attr.type="long"' in xml


def test_gexf_is_1_3_with_time_spells(graph, tmp_path):
    path = tmp_path / "kg.gexf"
    write_gexf(graph, path)
    xml = path.read_text(encoding="utf-8")
    assert 'xmlns="http://gexf.net/1.3"' in xml and 'version="1.3"' in xml and 'timeformat="date"' in xml
    plain = nx.read_gexf(path, version="1.3")
    assert plain.nodes["official/张三"]["label"] == "张三"
    assert plain.nodes["official/张三"]["spells"] == [
        ("2023-05-01", "2023-05-01"),
        ("2023-06-02", "2023-06-02"),
    ]
    assert plain.edges["official/张三", "place/长治市"]["spells"] == [("2023-05-01", "2023-05-01")]
    assert "spells" not in plain.nodes["place/无日期村"]  # undated: always present


def test_cytoscape_elements_are_readable_by_networkx(graph, tmp_path):
    path = tmp_path / "kg.cyjs"
    write_cytoscape(graph, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    node = next(n["data"] for n in data["elements"]["nodes"] if n["data"]["id"] == "official/张三")
    assert node["name"] == "张三" and node["titles"] == ["市委书记", "市长"]
    assert set(nx.cytoscape_graph(data)) == set(graph)


def test_neo4j_csv_headers_and_round_trip(graph, tmp_path):
    archive = tmp_path / "kg.zip"
    write_neo4j_csv(graph, archive)
    with zipfile.ZipFile(archive) as z:
        nodes = list(csv.reader(io.StringIO(z.read("nodes.csv").decode("utf-8"))))
        edges = list(csv.reader(io.StringIO(z.read("relationships.csv").decode("utf-8"))))
    assert nodes[0][:5] == [":ID", ":LABEL", "name", "type", "aliases:string[]"]
    assert "count:int" in nodes[0]
    assert edges[0][:4] == [":START_ID", ":END_ID", ":TYPE", "weight:int"]
    zhang = next(row for row in nodes if row[0] == "official/张三")
    assert (
        zhang[1] == "Entity;Official"
        and zhang[2] == "张三"
        and zhang[nodes[0].index("titles:string[]")] == "市委书记;市长"
    )
    folder = tmp_path / "csv"
    write_neo4j_csv(graph, folder)
    for back in (read_neo4j_csv(archive), read_neo4j_csv(folder)):
        assert set(back) == set(graph)
        for node, data in graph.nodes(data=True):
            kept = {
                k: v for k, v in data.items() if k in {n for n, _ in NODE_COLUMNS} | {"label"} and v != []
            }
            assert back.nodes[node] == kept, node
        for u, v, data in graph.edges(data=True):
            kept = {k: w for k, w in data.items() if k in {n for n, _ in EDGE_COLUMNS} and w != []}
            assert back.edges[u, v] == kept


@pytest.mark.parametrize("name", ["turtle", "nt", "jsonld"])
def test_rdf_of_the_filtered_graph(graph, tmp_path, name):
    view = GraphFilter(ego="official/李四").apply(graph)
    path = tmp_path / f"kg{FORMATS[name].extension}"
    FORMATS[name].write(view, path)
    parsed = FORMATS[name].read(path)
    assert isinstance(parsed, rdflib.Graph)
    labelled = {str(s) for s in parsed.subjects(RDFS.label, None)}
    assert {iri_for(n) for n in view} <= labelled
    assert iri_for("official/张三") in labelled and iri_for("place/长治市") not in labelled  # filtered out
    for node, data in view.nodes(data=True):
        assert rdflib.Literal(data["label"], lang="zh") in set(
            parsed.objects(rdflib.URIRef(iri_for(node)), RDFS.label)
        )
    weights = {
        frozenset(str(o) for o in parsed.objects(c, KG.between)): int(parsed.value(c, KG.weight))
        for c in parsed.subjects(rdflib.RDF.type, KG.Cooccurrence)
    }
    assert weights == {frozenset({iri_for(u), iri_for(v)}): d["weight"] for u, v, d in view.edges(data=True)}


def test_unknown_format_is_a_user_error():
    with pytest.raises(Exception, match="unknown export format 'dot'"):
        export_format("dot")
    assert export_format("TTL").name == "turtle" and export_format("csv").name == "neo4j"


# -- kg export --------------------------------------------------------------------------------------------


def test_kg_export_filtered_graphml(graph_dir, tmp_path, capsys):
    out = tmp_path / "ego.graphml"
    args = ["export", str(graph_dir), "--format", "graphml", "-o", str(out), "--ego", "official/李四",
            "--type", "official,project"]  # fmt: skip
    assert main(args) == 0
    back = read_graphml(out)
    assert set(back) == {"official/李四", "official/张三", "project/太行一号旅游公路", HOSTILE}
    assert back.nodes["official/李四"] == kg_graph().nodes["official/李四"]
    assert "4 entities, 3 ties" in capsys.readouterr().err


def test_kg_export_dates_weight_and_formats(graph_dir, tmp_path):
    out = tmp_path / "june.gexf"
    assert main(["export", str(graph_dir), "-f", "gexf", "-o", str(out), "--since", "2023-06-01",
                 "--min-weight", "2"]) == 0  # fmt: skip
    back = read_gexf(out)
    assert "person/王五" not in back and all(d["weight"] >= 2 for _, _, d in back.edges(data=True))
    for name in FORMATS:
        target = tmp_path / f"all{FORMATS[name].extension}"
        assert main(["export", str(graph_dir), "-f", name, "-o", str(target), "--top", "4"]) == 0
        assert target.stat().st_size > 0


def test_kg_export_errors(graph_dir, tmp_path, capsys):
    assert main(["export", str(graph_dir), "-f", "dot", "-o", str(tmp_path / "x")]) == 2
    assert "unknown export format 'dot'" in capsys.readouterr().err
    assert main(["export", str(graph_dir), "-f", "graphml", "--ego", "official/无名"]) == 2
    assert "unknown entity: official/无名" in capsys.readouterr().err


# -- /api/export ------------------------------------------------------------------------------------------


def test_api_export_downloads_filtered_view(client):
    response = client.get("/api/export?format=gexf&type=official&type=project&min_weight=2")
    assert response.status_code == 200
    assert response.content_type == "application/gexf+xml"
    assert response.headers["Content-Disposition"] == 'attachment; filename="kg.gexf"'
    back = read_gexf(io.BytesIO(response.data))
    assert set(back) == {"official/张三", "official/李四", "project/太行一号旅游公路", HOSTILE}
    assert back.number_of_edges() == 2


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_api_export_every_format(client, name):
    response = client.get("/api/export", query_string={"format": name, "ego": "theme/乡村振兴", "hops": 1})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.content_type == FORMATS[name].media_type
    back = FORMATS[name].read(io.BytesIO(response.data))
    if isinstance(back, nx.Graph):
        assert set(back) == set(GraphFilter(ego="theme/乡村振兴").apply(kg_graph()))


def test_api_export_errors(client):
    unknown = client.get("/api/export?format=dot")
    assert unknown.status_code == 400 and "unknown export format" in unknown.get_json()["message"]
    missing = client.get("/api/export?format=graphml&ego=official/无名")
    assert missing.status_code == 404 and "official/无名" in missing.get_json()["message"]
    assert client.get("/api/export?format=graphml&ego=official/张三&hops=3").status_code == 400
    assert client.get("/api/export?format=graphml&min_weight=x").status_code == 400
