"""Positions computed before a page is drawn, so the browser never runs a physics simulation.

Small graphs get a spring layout. Bigger ones are split into communities
(Louvain): each community gets its own small spring layout, scaled to a disc
whose area follows its size, and the discs are packed around the centre, the
biggest first. The cost grows with the sum of squared community sizes rather
than the square of the whole graph.

>>> import networkx as nx
>>> pos = positions(nx.path_graph(["a", "b", "c"]))
>>> sorted(pos), all(len(p) == 2 for p in pos.values())
(['a', 'b', 'c'], True)
"""

from __future__ import annotations

import math
from collections.abc import Hashable

import networkx as nx
import numpy as np

SPRING_MAX = 400  # a single spring layout up to this many nodes
MAX_GROUPS = 200  # communities beyond this many (the smallest) share one disc
SMALL_GROUP = 3  # communities smaller than this share one disc too
SEED = 7
GOLDEN_ANGLE = math.pi * (3 - math.sqrt(5))
Point = tuple[float, float]


def communities(graph: nx.Graph, seed: int = SEED) -> dict[Hashable, int]:
    """Community number of each node (Louvain on edge weights), 0 for the biggest community.

    >>> sorted(set(communities(nx.barbell_graph(5, 0)).values()))
    [0, 1]
    """
    if graph.number_of_edges() == 0:
        return {node: i for i, node in enumerate(graph)}
    found = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    found.sort(key=lambda c: (-len(c), min(map(str, c))))
    return {node: i for i, members in enumerate(found) for node in members}


def sunflower(count: int) -> np.ndarray:
    """``count`` points spread evenly over the unit disc (Vogel's spiral), the first at the centre.

    >>> sunflower(3).shape
    (3, 2)
    """
    i = np.arange(count, dtype=float)
    radius = np.sqrt(i / max(count - 1, 1))
    angle = i * GOLDEN_ANGLE
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def unit_disc(graph: nx.Graph, seed: int = SEED) -> dict[Hashable, np.ndarray]:
    """Positions of a small graph inside the unit disc: spring layout, or a spiral by degree if too big."""
    nodes = sorted(graph, key=lambda n: (-graph.degree(n), str(n)))
    if len(nodes) == 1:
        return {nodes[0]: np.zeros(2)}
    if len(nodes) > SPRING_MAX or graph.number_of_edges() == 0:
        return dict(zip(nodes, sunflower(len(nodes)), strict=True))
    iterations = 50 if len(nodes) <= 100 else 30
    pos = nx.spring_layout(graph, seed=seed, iterations=iterations, weight=None)
    coords = np.array([pos[n] for n in nodes])
    coords -= np.median(coords, axis=0)
    return dict(zip(nodes, even_out(coords), strict=True))


def even_out(coords: np.ndarray) -> np.ndarray:
    """Spread points evenly over the unit disc, keeping their directions and their order from the centre.

    A spring layout packs hubs and their neighbours into a dense core and throws small components far
    out; giving each point the radius its rank deserves fills the disc evenly instead.

    >>> r = np.linalg.norm(even_out(np.array([[0.1, 0.0], [0.2, 0.0], [50.0, 0.0]])), axis=1)
    >>> [round(float(x), 2) for x in r]
    [0.41, 0.71, 0.91]
    """
    radius = np.linalg.norm(coords, axis=1)
    order = np.argsort(radius, kind="stable")
    wanted = np.empty(len(coords))
    wanted[order] = np.sqrt((np.arange(len(coords)) + 0.5) / len(coords))
    safe = np.where(radius > 1e-12, radius, 1.0)
    directions = np.where(radius[:, None] > 1e-12, coords / safe[:, None], np.array([1.0, 0.0]))
    return directions * wanted[:, None]


def pack(radii: np.ndarray, rounds: int = 60, gap: float = 0.5) -> np.ndarray:
    """Centres for discs of the given radii (biggest first): start on a spiral, push overlaps apart.

    >>> centres = pack(np.array([2.0, 1.0, 1.0]))
    >>> bool(np.linalg.norm(centres[0] - centres[1]) >= 2.9)
    True
    """
    count = len(radii)
    spread = math.sqrt(float((radii**2).sum())) * 1.2
    centres = sunflower(count) * spread
    for _ in range(rounds):
        delta = centres[:, None, :] - centres[None, :, :]
        distance = np.sqrt((delta**2).sum(axis=2)) + np.eye(count)
        overlap = radii[:, None] + radii[None, :] + gap - distance
        np.fill_diagonal(overlap, 0.0)
        overlap = np.clip(overlap, 0.0, None)
        if not overlap.any():
            break
        push = (delta / distance[:, :, None]) * (overlap / 2)[:, :, None]
        centres += push.sum(axis=1)
    return centres


def positions(graph: nx.Graph, parts: dict[Hashable, int] | None = None, scale: float = 40.0) -> dict:
    """Canvas coordinates (pixels) of every node: about ``scale`` pixels between neighbours.

    ``parts`` (node → community) is computed when not given and the graph is big.
    """
    count = graph.number_of_nodes()
    if count == 0:
        return {}
    if count <= SPRING_MAX:
        return _scaled(unit_disc(graph), math.sqrt(count) * scale)
    parts = parts or communities(graph)
    ordered = groups(graph, parts)
    radii = np.array([math.sqrt(len(members)) for members in ordered])
    centres = pack(radii)
    placed: dict[Hashable, Point] = {}
    for members, radius, centre in zip(ordered, radii, centres, strict=True):
        for node, point in unit_disc(graph.subgraph(members)).items():
            placed[node] = (float(centre[0] + point[0] * radius), float(centre[1] + point[1] * radius))
    return {node: (x * scale, y * scale) for node, (x, y) in placed.items()}


def groups(graph: nx.Graph, parts: dict[Hashable, int]) -> list[list[Hashable]]:
    """Communities biggest first, the small and the surplus ones merged into a last shared group.

    >>> groups(nx.empty_graph(4), {0: 0, 1: 0, 2: 0, 3: 1})
    [[0, 1, 2], [3]]
    """
    found: dict[int, list[Hashable]] = {}
    for node in graph:
        found.setdefault(parts.get(node, -1), []).append(node)
    ordered = sorted(found.values(), key=len, reverse=True)
    big: list[list[Hashable]] = []
    rest: list[Hashable] = []
    for i, members in enumerate(ordered):
        if i < MAX_GROUPS and len(members) >= SMALL_GROUP:
            big.append(members)
        else:
            rest.extend(members)
    return big + ([rest] if rest else [])


def _scaled(disc: dict[Hashable, np.ndarray], radius: float) -> dict:
    return {node: (float(p[0] * radius), float(p[1] * radius)) for node, p in disc.items()}
