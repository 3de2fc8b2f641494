"""The built graph directory, loaded once per app and shared by every request.

``get_data()`` returns the :class:`GraphData` of the current app: the networkx
graph, the sentences of ``documents.jsonl`` indexed by (document, article,
sentence), an index of articles to the entities they mention, and the manifest.

>>> GraphData.empty().stats()["nodes"]
0
"""

from __future__ import annotations

import json
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
from flask import current_app

from kg.errors import UserError

SentenceKey = tuple[str, int, int]  # (document, article, sentence)

_lock = threading.Lock()


class GraphDirError(UserError):
    """The graph directory is missing or unreadable."""


@dataclass
class GraphData:
    """Everything the REST endpoints read, held in memory."""

    graph: nx.Graph
    documents: dict[str, dict[str, Any]] = field(default_factory=dict)
    manifest: dict[str, Any] = field(default_factory=dict)
    store_path: Path | None = None
    sentences: dict[SentenceKey, str] = field(default_factory=dict)
    article_entities: dict[tuple[str, int], list[str]] = field(default_factory=dict)
    _stats: dict[str, Any] | None = None

    @classmethod
    def empty(cls) -> GraphData:
        return cls(nx.Graph())

    @classmethod
    def load(cls, path: str | Path) -> GraphData:
        """Read a built directory (``graph.json``, ``documents.jsonl``, ``manifest.json``, ``store/``)."""
        path = Path(path)
        if not (path / "graph.json").is_file():
            raise GraphDirError(f"{path}: not a built graph directory (no graph.json); run `kg build` first")
        graph, documents, manifest, store_path = _read_graph_dir(path)
        data = cls(graph, {d["name"]: d for d in documents}, manifest, store_path)
        data._index()
        return data

    def _index(self) -> None:
        for name, doc in self.documents.items():
            for a_pos, article in enumerate(doc.get("articles", [])):
                a_index = article.get("index", a_pos)
                for s_pos, sentence in enumerate(article.get("sentences", [])):
                    self.sentences[(name, a_index, sentence.get("index", s_pos))] = sentence.get("text", "")
        by_article: dict[tuple[str, int], set[str]] = defaultdict(set)
        for node, attrs in self.graph.nodes(data=True):
            for m in attrs.get("mentions", []):
                by_article[(m.get("document", ""), m.get("article", 0))].add(node)
        self.article_entities = {k: sorted(v) for k, v in by_article.items()}

    def sentence(self, document: str, article: int, sentence: int) -> str | None:
        """The normalised text of one sentence, or None when documents.jsonl lacks it."""
        return self.sentences.get((document, article, sentence))

    def article(self, document: str, index: int) -> dict[str, Any] | None:
        """One article of a document as stored in documents.jsonl."""
        doc = self.documents.get(document)
        if doc is None:
            return None
        for pos, article in enumerate(doc.get("articles", [])):
            if article.get("index", pos) == index:
                return article
        return None

    def stats(self) -> dict[str, Any]:
        """Counts of the graph, computed once."""
        if self._stats is None:
            g = self.graph
            types = Counter(attrs.get("type", "") for _, attrs in g.nodes(data=True))
            relations = Counter(r for _, _, a in g.edges(data=True) for r in a.get("relations", []))
            self._stats = {
                "nodes": g.number_of_nodes(),
                "edges": g.number_of_edges(),
                "types": dict(types.most_common()),
                "relations": dict(relations.most_common()),
                "documents": len(self.documents),
                "articles": sum(len(d.get("articles", [])) for d in self.documents.values()),
                "sentences": len(self.sentences),
                "components": nx.number_connected_components(g) if len(g) else 0,
                "density": nx.density(g) if len(g) > 1 else 0.0,
            }
        return self._stats


def _read_graph_dir(path: Path) -> tuple[nx.Graph, list[dict], dict, Path | None]:
    """Read through ``kg.store.GraphDir`` when present, else the files of the documented layout."""
    try:
        from kg.store import GraphDir  # type: ignore[attr-defined]
    except ImportError:
        GraphDir = None  # noqa: N806
    try:
        if GraphDir is not None:
            gd = GraphDir(path)
            return gd.graph(), list(gd.documents()), gd.manifest(), Path(gd.store_path)
        graph = nx.node_link_graph(
            json.loads((path / "graph.json").read_text(encoding="utf-8")), edges="edges"
        )
        manifest_file = path / "manifest.json"
        manifest = json.loads(manifest_file.read_text(encoding="utf-8")) if manifest_file.exists() else {}
        return graph, list(_read_jsonl(path / "documents.jsonl")), manifest, path / "store"
    except (OSError, ValueError, KeyError) as err:
        raise GraphDirError(f"{path}: cannot read the graph directory: {err}") from err


def _read_jsonl(path: Path) -> Iterator[dict]:
    if not path.exists():
        return
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)


RELOAD_CHECK_SECONDS = 1.0
"""How often a request may look whether ``kg build`` replaced the graph directory."""


def get_data() -> GraphData:
    """The loaded graph directory of the current app (read on first use, then shared).

    When ``kg build`` replaces the directory (a new ``build_id`` in its manifest), the next
    request loads the new build; SPARQL moves to workers on the new store.
    A test may hand the app a ready ``GraphData`` as ``app.config["KG_DATA"]``.
    """
    app = current_app
    data = app.extensions.get("kg.data")
    if data is None:
        with _lock:
            data = app.extensions.get("kg.data")
            if data is None:
                data = app.config.get("KG_DATA") or GraphData.load(app.config["GRAPH_DIR"])
                app.extensions["kg.data"] = data
                app.extensions["kg.data_checked"] = time.monotonic()
        return data
    if (
        app.config.get("KG_DATA")
        or time.monotonic() - app.extensions.get("kg.data_checked", 0) < RELOAD_CHECK_SECONDS
    ):
        return data
    with _lock:
        app.extensions["kg.data_checked"] = time.monotonic()
        current = app.extensions["kg.data"]
        build_id = _build_id(app.config["GRAPH_DIR"])
        if build_id and build_id != current.manifest.get("build_id"):
            current = GraphData.load(app.config["GRAPH_DIR"])
            app.extensions["kg.data"] = current
            _retire_sparql_pool(app)
    return current


def _build_id(graph_dir: str | Path) -> str | None:
    try:
        return json.loads((Path(graph_dir) / "manifest.json").read_text(encoding="utf-8")).get("build_id")
    except (OSError, ValueError):
        return None


def _retire_sparql_pool(app: Any, grace_seconds: float = 30.0) -> None:
    """New queries go to new workers; the old ones finish what they run, then stop."""
    pool = app.extensions.pop("kg.sparql_pool", None)
    if pool is not None:
        timer = threading.Timer(grace_seconds, pool.close)
        timer.daemon = True
        timer.start()
