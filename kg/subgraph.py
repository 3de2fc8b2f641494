"""Views of the entity graph: the part of it a page shows or an export writes.

Every function takes the networkx graph of ``docs/architecture.md`` and returns a
new subgraph view (copied, so callers may change it) without touching the input.

>>> g = nx.Graph()
>>> g.add_node("official/张三", type="official", label="张三", dates=["2023-05-01"])
>>> g.add_node("place/长治市", type="place", label="长治市", dates=[])
>>> g.add_edge("official/张三", "place/长治市", weight=3, dates=["2023-05-01"])
>>> sorted(by_type(g, ["place"]))
['place/长治市']
>>> GraphFilter(min_weight=4).apply(g).number_of_edges()
0
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from kg.errors import UserError

MAX_HOPS = 2
MAX_PATHS = 30
THEME_TYPES = ("official", "place", "project")


class UnknownEntity(UserError):
    """An entity id that is not in the graph.

    >>> str(UnknownEntity("official/无名"))
    'unknown entity: official/无名'
    """

    def __init__(self, entity: str) -> None:
        super().__init__(f"unknown entity: {entity}")
        self.entity = entity


class NoPath(UserError):
    """Two entities of the graph that no chain of co-occurrences links."""


def require(graph: nx.Graph, entity: str) -> str:
    """Return ``entity`` if the graph has it, else raise :class:`UnknownEntity`.

    >>> require(nx.Graph([("a", "b")]), "a")
    'a'
    """
    if entity not in graph:
        raise UnknownEntity(entity)
    return entity


def by_type(graph: nx.Graph, types: Iterable[str]) -> nx.Graph:
    """The entities of the given types and the edges among them.

    >>> g = nx.Graph(); g.add_node("place/x", type="place"); g.add_node("theme/y", type="theme")
    >>> list(by_type(g, {"theme"}))
    ['theme/y']
    """
    wanted = set(types)
    return graph.subgraph(n for n, t in graph.nodes(data="type") if t in wanted).copy()


def min_weight(graph: nx.Graph, weight: int) -> nx.Graph:
    """All entities, and only the edges whose ``weight`` is at least ``weight``.

    >>> g = nx.Graph(); g.add_edge("a", "b", weight=1); g.add_edge("b", "c", weight=5)
    >>> list(min_weight(g, 2).edges)
    [('b', 'c')]
    """
    kept = graph.copy()
    kept.remove_edges_from([(u, v) for u, v, w in graph.edges(data="weight", default=1) if w < weight])
    return kept


def in_range(dates: Iterable[str], since: str | None, until: str | None) -> bool:
    """True when one of the ISO ``dates`` falls in ``[since, until]`` (open ends allowed).

    >>> in_range(["2023-01-05"], "2023-01-01", None), in_range([], None, "2024-01-01")
    (True, False)
    """
    return any((since is None or d >= since) and (until is None or d[: len(until)] <= until) for d in dates)


def date_range(graph: nx.Graph, since: str | None = None, until: str | None = None) -> nx.Graph:
    """Entities and edges seen in an article dated within ``[since, until]``.

    Undated entities and edges fall outside every range.

    >>> g = nx.Graph(); g.add_node("a", dates=["2022-03-01"]); g.add_node("b", dates=["2023-03-01"])
    >>> list(date_range(g, since="2023-01-01"))
    ['b']
    """
    if since is None and until is None:
        return graph.copy()
    nodes = [n for n, d in graph.nodes(data="dates") if in_range(d or (), since, until)]
    kept = graph.subgraph(nodes).copy()
    kept.remove_edges_from(
        [(u, v) for u, v, d in kept.edges(data="dates") if not in_range(d or (), since, until)]
    )
    return kept


def ego(graph: nx.Graph, entity: str, hops: int = 1, limit: int | None = None) -> nx.Graph:
    """The entity, its neighbours up to ``hops`` (1 or 2) away, and the edges among them.

    With ``limit``, keep the entity and the ``limit - 1`` others most strongly tied to it:
    nearer first, then by the weight of the tie that reached them.

    >>> g = nx.path_graph(["a", "b", "c", "d"])
    >>> sorted(ego(g, "b", hops=1)), sorted(ego(g, "a", hops=2))
    (['a', 'b', 'c'], ['a', 'b', 'c'])
    """
    require(graph, entity)
    if not 1 <= hops <= MAX_HOPS:
        raise UserError(f"hops must be 1 or 2, not {hops}")
    ranked = _ranked_neighbourhood(graph, entity, hops)
    if limit is not None:
        ranked = ranked[: max(limit, 1)]
    return graph.subgraph(ranked).copy()


def _ranked_neighbourhood(graph: nx.Graph, entity: str, hops: int) -> list[str]:
    """Breadth-first from ``entity``, each ring sorted by the strongest tie into it."""
    order, seen, ring = [entity], {entity}, [entity]
    for _ in range(hops):
        strength: dict[str, int] = {}
        for node in ring:
            for other, data in graph[node].items():
                if other not in seen:
                    strength[other] = max(strength.get(other, 0), data.get("weight", 1))
        ring = sorted(strength, key=lambda n: (-strength[n], n))
        order += ring
        seen.update(ring)
    return order


def strength(graph: nx.Graph, by: str = "degree") -> dict[str, float]:
    """Each entity's degree (``by="degree"``) or summed edge weight (``by="weight"``).

    >>> g = nx.Graph(); g.add_edge("a", "b", weight=4); g.add_edge("a", "c", weight=1)
    >>> strength(g)["a"], strength(g, by="weight")["a"]
    (2, 5)
    """
    if by not in ("degree", "weight"):
        raise UserError(f"rank by degree or weight, not {by!r}")
    return dict(graph.degree(weight="weight" if by == "weight" else None))


def top(graph: nx.Graph, n: int, by: str = "degree") -> nx.Graph:
    """The ``n`` entities with the highest degree (or weight) and the edges among them.

    >>> sorted(top(nx.star_graph(4), 2))
    [0, 1]
    """
    score = strength(graph, by)
    best = sorted(graph, key=lambda node: (-score[node], str(node)))[: max(n, 0)]
    return graph.subgraph(best).copy()


def paths(graph: nx.Graph, source: str, target: str, limit: int = MAX_PATHS) -> nx.Graph:
    """The shortest chains of co-occurrence between two entities (at most ``limit`` of them).

    >>> g = nx.Graph([("a", "b"), ("b", "d"), ("a", "c"), ("c", "d"), ("d", "e")])
    >>> sorted(paths(g, "a", "d"))
    ['a', 'b', 'c', 'd']
    """
    require(graph, source)
    require(graph, target)
    try:
        found = list(itertools.islice(nx.all_shortest_paths(graph, source, target), limit))
    except nx.NetworkXNoPath:
        raise NoPath(f"no path between {source} and {target}") from None
    kept = nx.Graph()
    for chain in found:
        nx.add_path(kept, chain)
    view = graph.subgraph(kept.nodes).copy()
    view.remove_edges_from([e for e in graph.subgraph(kept.nodes).edges if not kept.has_edge(*e)])
    return view


def theme(graph: nx.Graph, entity: str, limit: int = 150, types: Iterable[str] = THEME_TYPES) -> nx.Graph:
    """A theme and the officials, places and projects around it (strongest ties first).

    >>> g = nx.Graph(); g.add_node("theme/乡村振兴", type="theme")
    >>> g.add_node("project/x", type="project"); g.add_node("person/y", type="person")
    >>> g.add_edge("theme/乡村振兴", "project/x", weight=2); g.add_edge("theme/乡村振兴", "person/y")
    >>> sorted(theme(g, "theme/乡村振兴"))
    ['project/x', 'theme/乡村振兴']
    """
    require(graph, entity)
    wanted = set(types)
    around = [n for n in graph[entity] if graph.nodes[n].get("type") in wanted]
    around.sort(key=lambda n: (-graph[entity][n].get("weight", 1), n))
    return graph.subgraph([entity, *around[: max(limit - 1, 0)]]).copy()


@dataclass(frozen=True)
class GraphFilter:
    """The filters shared by ``kg export``, ``kg viz`` and ``/api/export``, applied in a fixed order:
    date range, type, minimum weight, ego network, top N.

    >>> GraphFilter(types=("place",), top=10).apply(nx.Graph()).number_of_nodes()
    0
    """

    types: tuple[str, ...] = ()
    min_weight: int | None = None
    since: str | None = None
    until: str | None = None
    ego: str | None = None
    hops: int = 1
    top: int | None = None
    by: str = "degree"

    def apply(self, graph: nx.Graph) -> nx.Graph:
        if self.ego is not None:
            require(graph, self.ego)
        view = date_range(graph, self.since, self.until)
        if self.types:
            view = by_type(view, self.types)
        if self.min_weight is not None:
            view = min_weight(view, self.min_weight)
        if self.ego is not None:
            if self.ego not in view:
                raise UserError(f"{self.ego} is filtered out by the other filters")
            view = ego(view, self.ego, self.hops)
        if self.top is not None:
            view = top(view, self.top, self.by)
        return view
