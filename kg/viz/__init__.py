"""Exploration pages of the entity graph: overview, ego network, paths, theme.

Each page is one self-contained HTML file (vis-network inlined, no network
request): the subgraph is chosen with :mod:`kg.subgraph`, laid out in Python
(:mod:`kg.viz.layout`), turned into a pyvis network (:mod:`kg.viz.network`) and
rendered by :mod:`kg.viz.page`. Filters by type, weight and date run in the page.

>>> import networkx as nx
>>> g = nx.Graph(); g.add_edge("official/张三", "place/长治市", weight=2)
>>> "official/张三" in ego_page(g, "place/长治市")
True
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

import networkx as nx

from kg import subgraph
from kg.viz.layout import communities
from kg.viz.network import COMMUNITY_COLOURS, PHYSICS_MAX_NODES, Link, Sources, build_network, node_tooltip
from kg.viz.page import PageSpec, render_page

DEFAULT_TOP = 200
EGO_LIMIT = 300
THEME_LIMIT = 150
DEFAULT_EGO_PAGES = 50
INDEX = "index.html"

__all__ = [
    "Sources",
    "ego_page",
    "entity_filename",
    "overview_page",
    "path_page",
    "render",
    "theme_page",
    "write_page",
    "write_pages",
]


def render(
    view: nx.Graph,
    spec: PageSpec,
    focus: Iterable[str] = (),
    sources: Sources | None = None,
    link: Link | None = None,
    parts: dict[str, int] | None = None,
) -> str:
    """The HTML page showing ``view`` (already chosen and filtered) with ``spec``'s texts."""
    net = build_network(view, focus=focus, sources=sources, link=link, parts=parts)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    payload = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options) if isinstance(options, str) else options,
        "communityColours": list(COMMUNITY_COLOURS),
    }
    notes = list(spec.notes)
    if view.number_of_nodes() > PHYSICS_MAX_NODES:
        notes.append("Layout precomputed by community; physics off.")
    return render_page(PageSpec(**{**spec.__dict__, "notes": tuple(notes)}), payload)


def _label(graph: nx.Graph, entity: str) -> str:
    return str(graph.nodes[entity].get("label", entity))


def _home(home: str | None) -> tuple[tuple[str, str], ...]:
    return (("← overview", home),) if home else ()


def overview_page(
    graph: nx.Graph,
    top: int = DEFAULT_TOP,
    by: str = "degree",
    sources: Sources | None = None,
    link: Link | None = None,
) -> str:
    """The ``top`` entities by degree (or summed weight), coloured by type, sized by degree.

    >>> "<!DOCTYPE html>" in overview_page(nx.path_graph(["a", "b"]))
    True
    """
    view = subgraph.top(graph, top, by)
    parts = communities(view)
    spec = PageSpec(
        title="Overview",
        subtitle=f"top {len(view):,} of {graph.number_of_nodes():,} entities by {by} · "
        f"{len(set(parts.values()))} communities",
        kind="overview",
    )
    return render(view, spec, sources=sources, link=link, parts=parts)


def ego_page(
    graph: nx.Graph,
    entity: str,
    hops: int = 1,
    limit: int = EGO_LIMIT,
    sources: Sources | None = None,
    link: Link | None = None,
    home: str | None = None,
) -> str:
    """An entity and its neighbours 1 or 2 hops away (the ``limit`` most strongly tied)."""
    view = subgraph.ego(graph, entity, hops, limit=limit)
    reached = len(subgraph.ego(graph, entity, hops)) if len(view) >= limit else len(view)
    notes = (f"Showing the {limit} most strongly tied of {reached} entities.",) if reached > len(view) else ()
    spec = PageSpec(
        title=_label(graph, entity),
        subtitle=f"{graph.nodes[entity].get('type', '')} · {hops}-hop network · {len(view) - 1} neighbours",
        kind="entity",
        details=tuple(node_tooltip(entity, graph.nodes[entity], sources, sentences=5).split("\n")[1:]),
        notes=notes,
        links=_home(home),
    )
    return render(view, spec, focus=[entity], sources=sources, link=link)


def path_page(
    graph: nx.Graph,
    source: str,
    target: str,
    sources: Sources | None = None,
    link: Link | None = None,
    home: str | None = None,
) -> str:
    """The shortest chains of co-occurrence linking two entities."""
    view = subgraph.paths(graph, source, target)
    hops = nx.shortest_path_length(view, source, target)
    spec = PageSpec(
        title=f"{_label(graph, source)} → {_label(graph, target)}",
        subtitle=f"shortest paths: {hops} steps through {len(view) - 2} entities",
        kind="path",
        links=_home(home),
    )
    return render(view, spec, focus=[source, target], sources=sources, link=link)


def theme_page(
    graph: nx.Graph,
    entity: str,
    limit: int = THEME_LIMIT,
    sources: Sources | None = None,
    link: Link | None = None,
    home: str | None = None,
) -> str:
    """A theme with the officials, places and projects around it."""
    view = subgraph.theme(graph, entity, limit=limit)
    spec = PageSpec(
        title=_label(graph, entity),
        subtitle=f"theme · {len(view) - 1} officials, places and projects",
        kind="theme",
        details=tuple(node_tooltip(entity, graph.nodes[entity], sources, sentences=5).split("\n")[1:]),
        links=_home(home),
    )
    return render(view, spec, focus=[entity], sources=sources, link=link)


def entity_filename(entity: str) -> str:
    """The file name of an entity's static ego page: readable, unique, safe in a URL path.

    >>> entity_filename("official/张三#2")
    'official-张三-2-dbe584ea.html'
    """
    readable = re.sub(r"[^\w]+", "-", entity).strip("-")[:60]
    digest = hashlib.sha1(entity.encode("utf-8")).hexdigest()[:8]
    return f"{readable}-{digest}.html"


def write_page(html: str, path: Path) -> Path:
    """Write one page as UTF-8 (never the platform's default encoding)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


def write_pages(
    graph: nx.Graph,
    out: str | Path,
    top: int = DEFAULT_TOP,
    ego_pages: int = DEFAULT_EGO_PAGES,
    hops: int = 1,
    by: str = "degree",
    sources: Sources | None = None,
    entities: Iterable[str] = (),
) -> list[Path]:
    """Write ``index.html`` (the overview) and one ego page for each of the ``ego_pages`` top entities
    (or for ``entities`` when given) into ``out``; pages link to each other by file name.
    """
    out = Path(out)
    chosen = list(entities) or list(subgraph.top(graph, min(ego_pages, top), by))
    for entity in chosen:
        subgraph.require(graph, entity)
    pages = {entity: entity_filename(entity) for entity in chosen}

    def link(entity: str) -> str | None:
        return quote(pages[entity]) if entity in pages else None

    written = [write_page(overview_page(graph, top, by, sources, link), out / INDEX)]
    for entity in chosen:
        html = ego_page(graph, entity, hops, sources=sources, link=link, home=INDEX)
        written.append(write_page(html, out / pages[entity]))
    return written
