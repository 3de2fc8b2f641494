"""The drawn network: a pyvis ``Network`` built from a networkx subgraph, with tooltips and positions.

Tooltips are plain text (vis-network shows a string title with ``innerText``), so
no label or sentence is ever parsed as HTML.

>>> import networkx as nx
>>> g = nx.Graph(); g.add_node("place/长治市", type="place", label="长治市", aliases=["长治"])
>>> net = build_network(g)
>>> net.nodes[0]["label"], net.nodes[0]["kgType"]
('长治市', 'place')
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from pyvis.edge import Edge
from pyvis.network import Network
from pyvis.node import Node

from kg.readwrite.graphml import TYPE_COLOURS
from kg.viz.layout import communities, positions

PHYSICS_MAX_NODES = 150  # above this, the precomputed layout is drawn as is
BIG_PAGE = 2000  # above this, tooltips carry one sentence instead of three
SENTENCE_CHARS = 120
COMMUNITY_COLOURS = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
    "#e377c2", "#7f7f7f", "#bcbd22", "#17becf", "#393b79", "#ad494a",
)  # fmt: skip
Link = Callable[[str], str | None]


@dataclass
class Sources:
    """Sentences and headlines of ``documents.jsonl``, for tooltips.

    >>> s = Sources.from_records([{"name": "a.txt", "articles": [
    ...     {"index": 0, "headline": "标题", "sentences": [{"index": 1, "text": "张三调研。"}]}]}])
    >>> s.sentence("a.txt", 0, 1), s.headline("a.txt", 0)
    ('张三调研。', '标题')
    """

    sentences: dict[tuple[str, int, int], str] = field(default_factory=dict)
    headlines: dict[tuple[str, int], str] = field(default_factory=dict)

    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any]]) -> Sources:
        found = cls()
        for record in records:
            name = record.get("name", "")
            for a_pos, article in enumerate(record.get("articles", ())):
                a_index = article.get("index", a_pos)
                found.headlines[(name, a_index)] = article.get("headline", "")
                for s_pos, sentence in enumerate(article.get("sentences", ())):
                    found.sentences[(name, a_index, sentence.get("index", s_pos))] = sentence.get("text", "")
        return found

    def sentence(self, document: str, article: int, sentence: int) -> str | None:
        return self.sentences.get((document, article, sentence))

    def headline(self, document: str, article: int) -> str:
        return self.headlines.get((document, article), "")


def clip(text: str, limit: int = SENTENCE_CHARS) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut.

    >>> clip("长治市委书记调研", 4)
    '长治市委…'
    """
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[:limit] + "…"


def listed(name: str, values: Iterable[Any] | None, limit: int = 8) -> list[str]:
    """A ``name: a; b; c`` tooltip line, or nothing for no values.

    >>> listed("aliases", ["长治", "长治市"]), listed("aliases", [])
    (['aliases: 长治; 长治市'], [])
    """
    items = [str(v) for v in (values or ()) if str(v)]
    if not items:
        return []
    more = f" (+{len(items) - limit})" if len(items) > limit else ""
    return [f"{name}: {'; '.join(items[:limit])}{more}"]


def _date_span(dates: list[str]) -> str:
    return "" if not dates else dates[0] if dates[0] == dates[-1] else f"{dates[0]} – {dates[-1]}"


def node_tooltip(node: str, data: dict[str, Any], sources: Sources | None, sentences: int = 3) -> str:
    """The hover text of an entity: name, type, titles, aliases, counts and source sentences.

    >>> print(node_tooltip("official/张三", {"type": "official", "label": "张三", "titles": ["市长"]}, None))
    张三 · official
    titles: 市长
    """
    kind = " · ".join(str(v) for v in (data.get("type"), data.get("level"), data.get("role")) if v)
    lines = [f"{data.get('label', node)} · {kind}" if kind else str(data.get("label", node))]
    lines += listed("titles", data.get("titles"))
    lines += listed("aliases", data.get("aliases"))
    dates = sorted(data.get("dates") or ())
    if data.get("count"):
        span = _date_span(dates)
        lines.append(
            f"{data['count']} mentions in {len(data.get('documents') or ())} documents {span}".rstrip()
        )
    seen = set()
    for mention in data.get("mentions") or ():
        key = (mention.get("document", ""), mention.get("article", 0), mention.get("sentence", 0))
        if key in seen or len(seen) >= sentences:
            continue
        seen.add(key)
        text = sources.sentence(*key) if sources else None
        lines.append(f"“{clip(text)}” ({key[0]})" if text else f"“{mention.get('text', '')}” ({key[0]})")
    return "\n".join(lines)


def edge_tooltip(
    graph: nx.Graph, u: str, v: str, data: dict[str, Any], sources: Sources | None, articles: int = 3
) -> str:
    """The hover text of a tie: both names, strength, stated relations and the shared articles.

    >>> g = nx.Graph(); g.add_edge("a", "b", weight=2, articles=1, evidence=[
    ...     {"document": "d.txt", "article": 0, "sentence": 3, "date": "2023-05-01"}])
    >>> print(edge_tooltip(g, "a", "b", g.edges["a", "b"], None))
    a — b
    2 shared sentences in 1 articles
    shared articles:
    • d.txt #0 2023-05-01
    """
    names = [str(graph.nodes[n].get("label", n)) for n in (u, v)]
    lines = [
        " — ".join(names),
        f"{data.get('weight', 1)} shared sentences in {data.get('articles', 1)} articles",
    ]
    lines += listed("relations", data.get("relations"))
    shown: dict[tuple[str, int], list[str]] = {}
    for item in data.get("evidence") or ():
        key = (item.get("document", ""), item.get("article", 0))
        if key not in shown and len(shown) >= articles:
            continue
        shown.setdefault(key, [str(item.get("date") or "")])
        text = sources.sentence(key[0], key[1], item.get("sentence", 0)) if sources else None
        if text and len(shown[key]) < 2:
            shown[key].append(f"  “{clip(text)}”")
    if shown:
        lines.append("shared articles:")
    for (document, article), (date, *said) in shown.items():
        headline = sources.headline(document, article) if sources else ""
        lines.append(" ".join(p for p in ("•", clip(headline, 40), f"{document} #{article}", date) if p))
        lines += said
    return "\n".join(lines)


def node_size(degree: int) -> float:
    """The vis ``value`` of a node: grows with the square root of its degree.

    >>> node_size(0), node_size(9)
    (1.0, 4.0)
    """
    return 1.0 + math.sqrt(degree)


def vis_options(count: int, edges: int) -> dict[str, Any]:
    """vis-network options computed with pyvis: physics only for small graphs, no curved edges when big."""
    net = Network()
    small = count <= PHYSICS_MAX_NODES
    net.toggle_physics(small)
    if small:
        net.barnes_hut(gravity=-3000, spring_length=120, damping=0.5)
        net.toggle_stabilization(True)
        net.options.physics.stabilization.iterations = 120
    net.options.edges.smooth.enabled = small and edges < 400
    net.options.edges.smooth.type = "continuous"
    net.toggle_drag_nodes(True)
    net.options.interaction.hideEdgesOnDrag = not small
    found = json.loads(net.options.to_json())
    found["edges"].update(
        color={"inherit": False, "color": "#9aa5b1", "opacity": 0.6}, scaling={"min": 1, "max": 8}
    )
    found["interaction"].update(hover=True, tooltipDelay=150, hideEdgesOnZoom=count > BIG_PAGE)
    found["layout"] = {"improvedLayout": False, "randomSeed": 7}
    found["nodes"] = {
        "shape": "dot",
        "borderWidth": 1,
        "scaling": {
            "min": 6,
            "max": 40,
            "label": {"enabled": True, "min": 12, "max": 28, "drawThreshold": 7},
        },
        "font": {"face": "Noto Sans CJK SC, Microsoft YaHei, PingFang SC, sans-serif"},
    }
    return found


def build_network(
    graph: nx.Graph,
    *,
    focus: Iterable[str] = (),
    sources: Sources | None = None,
    link: Link | None = None,
    parts: dict[str, int] | None = None,
) -> Network:
    """A pyvis ``Network`` of ``graph``: positions, colour by type, size by degree, community, tooltips.

    Nodes and edges are made with pyvis' ``Node`` and ``Edge`` (``Network.add_edge``
    scans all edges on each call); ``focus`` nodes are drawn bigger and outlined.
    """
    parts = communities(graph) if parts is None else parts
    placed = positions(graph, parts)
    focused = set(focus)
    sentences = 1 if graph.number_of_nodes() > BIG_PAGE else 3
    net = Network(height="100%", width="100%")
    for node, data in graph.nodes(data=True):
        kind = str(data.get("type", ""))
        x, y = placed[node]
        options = {
            "title": node_tooltip(node, data, sources, sentences),
            "value": node_size(graph.degree(node)) * (2 if node in focused else 1),
            "x": round(x, 1),
            "y": round(y, 1),
            "kgType": kind,
            "kgCommunity": parts.get(node, 0),
            "kgDates": sorted(set(data.get("dates") or ())),
            "kgUrl": link(node) if link else None,
            "color": TYPE_COLOURS.get(kind, "#999999"),
        }
        if node in focused:
            options.update(
                borderWidth=4, kgFocus=True, color={"background": options["color"], "border": "#111"}
            )
        pyvis_node = Node(node, "dot", label=str(data.get("label", node)), **options)
        net.nodes.append(pyvis_node.options)
        net.node_ids.append(node)
        net.node_map[node] = pyvis_node.options
    for u, v, data in graph.edges(data=True):
        weight = data.get("weight", 1)
        edge = Edge(
            u,
            v,
            title=edge_tooltip(graph, u, v, data, sources),
            value=weight,
            kgWeight=weight,
            kgDates=sorted(set(data.get("dates") or ())),
        )
        net.edges.append(edge.options)
    net.options = vis_options(graph.number_of_nodes(), graph.number_of_edges())
    return net


def community_colour(index: int) -> str:
    """The colour of community ``index`` (cycling through twelve).

    >>> community_colour(0), community_colour(12)
    ('#1f77b4', '#1f77b4')
    """
    return COMMUNITY_COLOURS[index % len(COMMUNITY_COLOURS)]
