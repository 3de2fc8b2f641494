"""Cytoscape.js JSON: ``{"elements": {"nodes": [{"data": …}], "edges": [{"data": …}]}}``.

Node ``data`` holds ``id`` and ``value`` (the entity id), ``name`` (its label, what Cytoscape shows)
and every attribute; edge ``data`` holds ``id``, ``source``, ``target`` and the
attributes. The top-level ``data``/``directed``/``multigraph`` keys let networkx's
``cytoscape_graph`` read the file too.

>>> import io, networkx as nx
>>> g = nx.Graph(); g.add_edge("place/长治市", "theme/x", weight=1)
>>> buffer = io.StringIO(); write_cytoscape(g, buffer); _ = buffer.seek(0)
>>> sorted(read_cytoscape(buffer))
['place/长治市', 'theme/x']
"""

from __future__ import annotations

import json
from typing import Any

import networkx as nx

from kg.readwrite._io import Target, read_text, text_sink

RESERVED = ("id", "name", "value", "source", "target")


def cytoscape_elements(
    graph: nx.Graph, positions: dict[Any, tuple[float, float]] | None = None
) -> dict[str, Any]:
    """The Cytoscape.js JSON document of ``graph`` (with ``position`` when ``positions`` are given)."""
    nodes = []
    for node, data in graph.nodes(data=True):
        shown = str(data.get("label", node))
        element: dict[str, Any] = {"data": {**data, "id": str(node), "value": str(node), "name": shown}}
        if positions and node in positions:
            x, y = positions[node]
            element["position"] = {"x": float(x), "y": float(y)}
        nodes.append(element)
    edges = [
        {"data": {**data, "id": f"e{i}", "source": str(u), "target": str(v)}}
        for i, (u, v, data) in enumerate(graph.edges(data=True))
    ]
    return {"data": {}, "directed": False, "multigraph": False, "elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(
    graph: nx.Graph, target: Target, positions: dict[Any, tuple[float, float]] | None = None
) -> None:
    """Write ``graph`` as Cytoscape.js JSON (UTF-8) to a path or an open file."""
    with text_sink(target) as stream:
        stream.write(json.dumps(cytoscape_elements(graph, positions), ensure_ascii=False))


def read_cytoscape(source: Target) -> nx.Graph:
    """Read Cytoscape.js JSON back into the kg graph shape (attributes without Cytoscape's own keys)."""
    elements = json.loads(read_text(source))["elements"]
    graph = nx.Graph()
    for element in elements.get("nodes", []):
        data = element["data"]
        graph.add_node(data["id"], **{k: v for k, v in data.items() if k not in RESERVED})
    for element in elements.get("edges", []):
        data = element["data"]
        graph.add_edge(data["source"], data["target"], **{k: v for k, v in data.items() if k not in RESERVED})
    return graph
