"""Fixtures: a small hand-made graph directory, the app, its clients, and a real waitress server.

``graph_dir`` is written by hand to the contract of docs/architecture.md (graph.json,
documents.jsonl, manifest.json, an Oxigraph store) so API tests know every id and sentence.
``built_graph`` is the real ``kg build`` of tests/data/articles when the build is available.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
from flask import Flask

from api import close_app, create_app

DATA = Path(__file__).parent / "data"
BASE = "https://kg.example.org/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
KG = BASE + "ns#"

DOC1 = "changzhi-2023-05-01.txt"
DOC2 = "晋城日报/2023-06-02.txt"  # a name with '/' and Chinese
DOCUMENTS = [
    {
        "name": DOC1,
        "sha256": "a" * 64,
        "date": "2023-05-01",
        "articles": [
            {
                "index": 0,
                "headline": "张三调研智慧城市建设",
                "date": "2023-05-01",
                "sentences": [
                    "5月1日，市委书记张三到长治市调研智慧城市建设。",
                    "市长李四陪同。",
                    "张三强调，要推动高质量发展。",
                ],
            },
            {
                "index": 1,
                "headline": "李四主持召开会议",
                "date": "2023-05-01",
                "sentences": ["市长李四主持召开长治市委会议。", "记者 王五"],
            },
        ],
    },
    {
        "name": DOC2,
        "sha256": "b" * 64,
        "date": "2023-06-02",
        "articles": [
            {
                "index": 0,
                "headline": "山西省召开会议",
                "date": "2023-06-02",
                "sentences": ["山西省召开会议，张三、李四出席。", "长治市的张三作了发言。"],
            }
        ],
    },
]

# entity id → (type, aliases, titles, mentions as (document, article, sentence, surface))
ENTITIES: dict[str, tuple[str, list[str], list[str], list[tuple[str, int, int, str]]]] = {
    "official/张三": (
        "official",
        ["张三同志"],
        ["市委书记"],
        [(DOC1, 0, 0, "张三"), (DOC1, 0, 2, "张三"), (DOC2, 0, 0, "张三")],
    ),
    "official/张三#2": ("official", [], [], [(DOC2, 0, 1, "张三")]),
    "official/李四": (
        "official",
        [],
        ["市长"],
        [(DOC1, 0, 1, "李四"), (DOC1, 1, 0, "李四"), (DOC2, 0, 0, "李四")],
    ),
    "place/长治市": ("place", ["长治"], [], [(DOC1, 0, 0, "长治市"), (DOC2, 0, 1, "长治市")]),
    "place/山西省": ("place", ["山西"], [], [(DOC2, 0, 0, "山西省")]),
    "organization/长治市委": ("organization", [], [], [(DOC1, 1, 0, "长治市委")]),
    "project/智慧城市": ("project", [], [], [(DOC1, 0, 0, "智慧城市")]),
    "theme/高质量发展": ("theme", [], [], [(DOC1, 0, 2, "高质量发展")]),
    "person/王五": ("person", [], [], [(DOC1, 1, 1, "王五")]),
}

# (a, b) → (relations, evidence as (document, article, sentence))
EDGES: dict[tuple[str, str], tuple[list[str], list[tuple[str, int, int]]]] = {
    ("official/张三", "place/长治市"): ([], [(DOC1, 0, 0)]),
    ("official/张三", "project/智慧城市"): ([], [(DOC1, 0, 0)]),
    ("place/长治市", "project/智慧城市"): (["locatedIn"], [(DOC1, 0, 0)]),
    ("official/张三", "theme/高质量发展"): (["mentions"], [(DOC1, 0, 2)]),
    ("official/张三", "official/李四"): ([], [(DOC2, 0, 0), (DOC1, 0, 1)]),
    ("official/李四", "organization/长治市委"): ([], [(DOC1, 1, 0)]),
    ("official/李四", "place/山西省"): ([], [(DOC2, 0, 0)]),
    ("official/张三", "place/山西省"): ([], [(DOC2, 0, 0)]),
    ("place/长治市", "place/山西省"): (["within"], []),
    ("official/张三#2", "place/长治市"): ([], [(DOC2, 0, 1)]),
}


def _date_of(document: str) -> str:
    return next(d["date"] for d in DOCUMENTS if d["name"] == document)


def make_graph() -> nx.Graph:
    """The hand-made graph, with node and edge attributes as docs/architecture.md describes."""
    g = nx.Graph()
    for entity_id, (type_, aliases, titles, mentions) in ENTITIES.items():
        label = entity_id.split("/", 1)[1].split("#")[0]
        g.add_node(
            entity_id,
            type=type_,
            label=label,
            aliases=aliases,
            titles=titles,
            level="city" if type_ == "place" and label.endswith("市") else "",
            count=len(mentions),
            documents=sorted({m[0] for m in mentions}),
            dates=sorted({_date_of(m[0]) for m in mentions}),
            mentions=[
                {"document": d, "article": a, "sentence": s, "start": 0, "end": len(t), "text": t}
                for d, a, s, t in mentions
            ],
            iri=iri(entity_id),
        )
    for (a, b), (relations, evidence) in EDGES.items():
        dates = sorted({_date_of(d) for d, _, _ in evidence})
        g.add_edge(
            a,
            b,
            weight=len(evidence) or 1,
            articles=len({(d, art) for d, art, _ in evidence}) or 1,
            dice=0.5,
            pmi=1.0,
            relations=relations,
            evidence=[
                {"document": d, "article": art, "sentence": s, "date": _date_of(d)} for d, art, s in evidence
            ],
            dates=dates,
        )
    return g


def iri(entity_id: str) -> str:
    return BASE + "id/" + urllib.parse.quote(entity_id.replace("#", "~"), safe="/~")


def _literal(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def graph_ntriples(g: nx.Graph) -> str:
    """A small RDF view of the graph: types, labels, and co-occurrence nodes with weights."""
    lines = []
    for _, attrs in g.nodes(data=True):
        s = f"<{attrs['iri']}>"
        lines.append(f"{s} <{RDF_TYPE}> <{KG}{attrs['type'].capitalize()}> .")
        lines.append(f"{s} <{RDFS_LABEL}> {_literal(attrs['label'])}@zh .")
        lines.append(
            f'{s} <{KG}mentionCount> "{attrs["count"]}"^^<http://www.w3.org/2001/XMLSchema#integer> .'
        )
    for i, (a, b, attrs) in enumerate(g.edges(data=True)):
        c = f"<{BASE}id/link/{i}>"
        lines.append(f"{c} <{RDF_TYPE}> <{KG}Cooccurrence> .")
        lines.append(f"{c} <{KG}between> <{g.nodes[a]['iri']}> .")
        lines.append(f"{c} <{KG}between> <{g.nodes[b]['iri']}> .")
        lines.append(f'{c} <{KG}weight> "{attrs["weight"]}"^^<http://www.w3.org/2001/XMLSchema#integer> .')
    return "\n".join(lines) + "\n"


def write_graph_dir(out: Path, g: nx.Graph, documents: list[dict], ntriples: str) -> Path:
    """A built directory in the documented layout, from parts."""
    out.mkdir(parents=True, exist_ok=True)
    data = nx.node_link_data(g, edges="edges")
    (out / "graph.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with (out / "documents.jsonl").open("w", encoding="utf-8") as f:
        for doc in documents:
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    (out / "kg.nt").write_text(ntriples, encoding="utf-8")
    store = pyoxigraph.Store(str(out / "store"))
    store.bulk_load(path=str(out / "kg.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.flush()
    del store
    manifest = {
        "build_id": "fixture",
        "documents": {d["name"]: d["sha256"] for d in documents},
        "counts": {
            "nodes": g.number_of_nodes(),
            "edges": g.number_of_edges(),
            "triples": ntriples.count("\n"),
        },
        "kg_version": "test",
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return out


def _document_records() -> list[dict]:
    records = []
    for doc in DOCUMENTS:
        articles = [
            a
            | {
                "sentences": [
                    {"index": i, "start": 0, "end": len(t), "text": t} for i, t in enumerate(a["sentences"])
                ]
            }
            for a in doc["articles"]
        ]
        records.append(doc | {"articles": articles, "entities": []})
    return records


@pytest.fixture(scope="session")
def graph_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The hand-made built directory (session-wide, read-only)."""
    g = make_graph()
    return write_graph_dir(
        tmp_path_factory.mktemp("graphs") / "graphs", g, _document_records(), graph_ntriples(g)
    )


@pytest.fixture(scope="session")
def built_graph(tmp_path_factory: pytest.TempPathFactory, graph_dir: Path) -> Path:
    """The real build of tests/data/articles; the hand-made directory until the build exists."""
    try:
        from kg.build import build_graph_dir  # type: ignore[import-not-found]
    except ImportError:
        return graph_dir
    out = tmp_path_factory.mktemp("built") / "graphs"
    build_graph_dir([DATA / "articles"], out)
    return out


@pytest.fixture
def app(graph_dir: Path) -> Iterator[Flask]:
    app = create_app({"TESTING": True, "GRAPH_DIR": str(graph_dir), "KG_SETTINGS": {"sparql_workers": 1}})
    yield app
    close_app(app)


@pytest.fixture
def client(app: Flask):
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    return app.test_cli_runner()


def assert_offline(html: str) -> None:
    """No script, stylesheet or image of a page is loaded from another host."""
    assert not re.search(r"<(script|link|img|iframe)\b[^>]*\b(src|href)=[\"']?(https?:)?//", html, re.I)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    """A real waitress server on 127.0.0.1 serving an app."""

    url: str
    app: Flask

    def get(self, path: str, headers: dict[str, str] | None = None, timeout: float = 30):
        """GET a path (already percent-encoded or not); returns (status, headers, body bytes).

        The headers are case-insensitive (``email.message.Message``)."""
        return self.request(path, headers=headers, timeout=timeout)

    def request(
        self,
        path: str,
        data: bytes | None = None,
        headers: dict[str, str] | None = None,
        method: str | None = None,
        timeout: float = 30,
    ) -> tuple[int, Message, bytes]:
        url = self.url + urllib.parse.quote(path, safe="/?&=%#:+;,@!$'()*")
        req = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
        try:
            with urllib.request.urlopen(req, timeout=timeout) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:
            with err:
                return err.code, err.headers, err.read()

    def json(self, path: str, **kwargs) -> tuple[int, dict]:
        status, _, body = self.request(path, **kwargs)
        return status, json.loads(body)


LIVE_SETTINGS = {"sparql_time_limit_ms": 1500, "sparql_workers": 2, "sparql_max_rows": 50}


@pytest.fixture(scope="session")
def live_server(graph_dir: Path) -> Iterator[LiveServer]:
    """The app under the server of `kg serve` (waitress) on a free loopback port, in a thread, for
    the whole session."""
    from kg.commands.serve import create_server

    app = create_app({"GRAPH_DIR": str(graph_dir), "KG_SETTINGS": LIVE_SETTINGS})
    server = create_server(app, host="127.0.0.1", port=0, threads=8)
    thread = threading.Thread(target=server.run, name="waitress", daemon=True)
    thread.start()
    try:
        yield LiveServer(f"http://127.0.0.1:{server.effective_port}", app)
    finally:
        server.task_dispatcher.shutdown()
        server.close()
        thread.join(10)
        close_app(app)
