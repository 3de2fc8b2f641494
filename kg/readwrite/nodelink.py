"""Node-link JSON (networkx's ``node_link_data`` with ``edges="edges"``, the shape of ``graph.json``).

>>> import io, networkx as nx
>>> g = nx.Graph(); g.add_edge("official/张三", "place/长治市", weight=2)
>>> buffer = io.StringIO(); write_nodelink(g, buffer); _ = buffer.seek(0)
>>> read_nodelink(buffer).edges["official/张三", "place/长治市"]["weight"]
2
"""

from __future__ import annotations

import json

import networkx as nx

from kg.readwrite._io import Target, read_text, text_sink


def write_nodelink(graph: nx.Graph, target: Target) -> None:
    """Write ``graph`` as node-link JSON (UTF-8, Chinese kept readable) to a path or an open file."""
    data = nx.node_link_data(graph, edges="edges")
    with text_sink(target) as stream:
        stream.write(json.dumps(data, ensure_ascii=False))


def read_nodelink(source: Target) -> nx.Graph:
    """Read node-link JSON (``edges`` or the older ``links`` key) into an undirected graph."""
    data = json.loads(read_text(source))
    key = "edges" if "edges" in data else "links"
    return nx.node_link_graph(data, edges=key)
