"""Blueprint `rest`: JSON endpoints under ``/api`` answered from the in-memory graph.

Entity ids contain '/' and Chinese (``official/张三``): routes take ``<path:entity_id>`` and
clients percent-encode (``/api/entities/official/%E5%BC%A0%E4%B8%89``; ``#`` as ``%23``).
Lists take ``limit`` and ``offset`` and say ``truncated: true`` when more items exist than
were returned, with the URL of the ``next`` page.

>>> _entity_brief.__name__
'_entity_brief'
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from itertools import islice
from typing import Any

import networkx as nx
from flask import Blueprint, jsonify, render_template, request, url_for

from api.data import GraphData, get_data
from api.errors import ApiError, NotFound
from api.openapi import openapi_spec
from api.params import int_arg
from api.settings import setting

bp = Blueprint("rest", __name__, url_prefix="/api")

EDGE_FIELDS = ("weight", "articles", "dice", "pmi", "relations", "dates", "order")

# ---------------------------------------------------------------------------
# Parameters


def float_arg(name: str, default: float) -> float:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        return float(raw)
    except ValueError:
        raise ApiError(f"{name} must be a number, not {raw!r}") from None


def date_arg(name: str) -> str | None:
    """An ISO date (YYYY-MM-DD) parameter, or None."""
    raw = request.args.get(name)
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ApiError(f"{name} must be a date as YYYY-MM-DD, not {raw!r}") from None


def required_arg(name: str) -> str:
    value = request.args.get(name, "").strip()
    if not value:
        raise ApiError(f"missing parameter {name!r}")
    return value


def page_args() -> tuple[int, int]:
    """``limit`` and ``offset`` within the app's page limits."""
    limit = int_arg("limit", setting("default_page_size"), 1, setting("max_page_size"))
    return limit, int_arg("offset", 0)


def page_info(total: int, limit: int, offset: int) -> dict[str, Any]:
    """``total``, ``limit``, ``offset``, ``truncated`` and the URL of the ``next`` page of a list."""
    more = offset + limit < total
    next_url = None
    if more:
        args = request.args.to_dict() | {"limit": limit, "offset": offset + limit}
        next_url = url_for(request.endpoint or "", **(request.view_args or {}), **args)
    return {"total": total, "limit": limit, "offset": offset, "truncated": more, "next": next_url}


# ---------------------------------------------------------------------------
# Shapes of the answers


def node_or_404(data: GraphData, entity_id: str) -> dict[str, Any]:
    try:
        return data.graph.nodes[entity_id]
    except KeyError:
        raise NotFound(f"no entity {entity_id!r}", id=entity_id) from None


def _entity_brief(entity_id: str, attrs: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": entity_id,
        "type": attrs.get("type", ""),
        "label": attrs.get("label", entity_id),
        "count": attrs.get("count", 0),
        "url": url_for("rest.entity", entity_id=entity_id),
    }


def _evidence(data: GraphData, items: Iterable[dict[str, Any]], cap: int) -> list[dict[str, Any]]:
    out = []
    for ev in islice(items, cap):
        text = data.sentence(ev.get("document", ""), ev.get("article", 0), ev.get("sentence", 0))
        out.append(ev | {"text": text})
    return out


def _edge(data: GraphData, a: str, b: str, attrs: dict[str, Any]) -> dict[str, Any]:
    fields = {k: attrs[k] for k in EDGE_FIELDS if k in attrs}
    evidence = attrs.get("evidence", [])
    cap = setting("max_evidence")
    return (
        {"source": a, "target": b}
        | fields
        | {
            "evidence": _evidence(data, evidence, cap),
            "evidence_truncated": len(evidence) > cap,
        }
    )


# ---------------------------------------------------------------------------
# Routes


@bp.route("")
@bp.route("/")
def index():
    """Where everything is."""
    return jsonify(
        name="kg",
        openapi=url_for("rest.openapi"),
        docs=url_for("rest.docs"),
        sparql=url_for("sparql.endpoint"),
        stats=url_for("rest.stats"),
        entities=url_for("rest.entities"),
        documents=url_for("rest.documents"),
    )


@bp.route("/stats")
def stats():
    """Counts of the graph, the biggest hubs and the build manifest."""
    data = get_data()
    g = data.graph
    hubs = sorted(g.degree, key=lambda nd: (-nd[1], nd[0]))[:10]
    manifest = data.manifest
    return jsonify(
        data.stats()
        | {
            "top_degree": [_entity_brief(n, g.nodes[n]) | {"degree": d} for n, d in hubs],
            "build": {k: v for k, v in manifest.items() if k != "documents"},
        }
    )


@bp.route("/entities")
def entities():
    """Search entities by name or alias (``q``, case-insensitive substring) and ``type``."""
    data = get_data()
    q = request.args.get("q", "").strip().casefold()
    type_ = request.args.get("type", "").strip()
    limit, offset = page_args()
    scored = []
    for node, attrs in data.graph.nodes(data=True):
        if type_ and attrs.get("type") != type_:
            continue
        rank = _match_rank(q, attrs.get("label", node), attrs.get("aliases", [])) if q else 0
        if rank is not None:
            scored.append((rank, -attrs.get("count", 0), node))
    scored.sort()
    briefs = [_entity_brief(n, data.graph.nodes[n]) for _, _, n in scored[offset : offset + limit]]
    return jsonify(
        {"items": briefs} | page_info(len(scored), limit, offset) | {"q": q, "type": type_ or None}
    )


def _match_rank(q: str, label: str, aliases: list[str]) -> int | None:
    """0 exact name, 1 exact alias, 2 name prefix, 3 alias prefix, 4 substring, None no match.

    >>> _match_rank("长治", "长治市", ["长治"])
    1
    """
    names = [label.casefold()] + [a.casefold() for a in aliases]
    if names[0] == q:
        return 0
    if q in names[1:]:
        return 1
    if names[0].startswith(q):
        return 2
    if any(n.startswith(q) for n in names[1:]):
        return 3
    if any(q in n for n in names):
        return 4
    return None


@bp.route("/entities/<path:entity_id>")
def entity(entity_id: str):
    """One entity: attributes, titles, aliases, and mentions with their sentences."""
    data = get_data()
    attrs = node_or_404(data, entity_id)
    limit = int_arg("limit", setting("max_mentions"), 1, setting("max_page_size"))
    offset = int_arg("offset", 0)
    mentions = sorted(
        attrs.get("mentions", []),
        key=lambda m: (m.get("document", ""), m.get("article", 0), m.get("sentence", 0), m.get("start", 0)),
    )
    shown = [
        m | {"sentence_text": data.sentence(m.get("document", ""), m.get("article", 0), m.get("sentence", 0))}
        for m in mentions[offset : offset + limit]
    ]
    body = {k: v for k, v in attrs.items() if k != "mentions"}
    body = {"id": entity_id, "type": "", "label": entity_id, "aliases": [], "titles": []} | body
    mention_page = {"items": shown} | page_info(len(mentions), limit, offset)
    return jsonify(
        body
        | {
            "degree": data.graph.degree(entity_id),
            "mentions": mention_page,
            "truncated": mention_page["truncated"],
            "links": {
                "neighbours": url_for("rest.neighbours", entity_id=entity_id),
                "self": url_for("rest.entity", entity_id=entity_id),
            },
        }
    )


@bp.route("/entities/<path:entity_id>/neighbours")
def neighbours(entity_id: str):
    """Neighbours of an entity, strongest first; filters ``type``, ``min_weight``, ``since``, ``until``."""
    data = get_data()
    g = data.graph
    if entity_id not in g and f"{entity_id}/neighbours" in g:
        return entity(f"{entity_id}/neighbours")
    node_or_404(data, entity_id)
    type_ = request.args.get("type", "").strip()
    min_weight = float_arg("min_weight", 0)
    since, until = date_arg("since"), date_arg("until")
    limit, offset = page_args()
    found = []
    for other, attrs in g[entity_id].items():
        if attrs.get("weight", 0) < min_weight:
            continue
        if type_ and g.nodes[other].get("type") != type_:
            continue
        if (since or until) and not _within(attrs.get("dates", []), since, until):
            continue
        found.append((-attrs.get("weight", 0), other, attrs))
    found.sort(key=lambda t: (t[0], t[1]))
    items = [
        _entity_brief(other, g.nodes[other]) | {k: attrs[k] for k in EDGE_FIELDS if k in attrs}
        for _, other, attrs in found[offset : offset + limit]
    ]
    brief = _entity_brief(entity_id, g.nodes[entity_id])
    return jsonify({"entity": brief, "items": items} | page_info(len(found), limit, offset))


def _within(dates: list[str], since: str | None, until: str | None) -> bool:
    """Whether any ISO date falls in [since, until].

    >>> _within(["2023-05-01"], "2023-01-01", None)
    True
    """
    return any((not since or d >= since) and (not until or d[:10] <= until) for d in dates)


@bp.route("/paths")
def paths():
    """Shortest paths between ``source`` and ``target``, with the evidence of each edge."""
    data = get_data()
    g = data.graph
    source, target = required_arg("source"), required_arg("target")
    node_or_404(data, source)
    node_or_404(data, target)
    max_length = int_arg("max_length", setting("max_path_length"), 1, setting("max_path_length"))
    limit = int_arg("limit", setting("max_paths"), 1, setting("max_paths"))
    body: dict[str, Any] = {"source": source, "target": target, "max_length": max_length}
    try:
        length = len(nx.bidirectional_shortest_path(g, source, target)) - 1
    except nx.NetworkXNoPath:
        return jsonify(body | {"length": None, "paths": [], "truncated": False})
    if length > max_length:
        return jsonify(body | {"length": length, "paths": [], "truncated": True})
    found = list(islice(nx.all_shortest_paths(g, source, target), limit + 1))
    shown = [
        {
            "nodes": [_entity_brief(n, g.nodes[n]) for n in path],
            "edges": [_edge(data, a, b, g.edges[a, b]) for a, b in zip(path, path[1:], strict=False)],
        }
        for path in found[:limit]
    ]
    return jsonify(body | {"length": length, "paths": shown, "truncated": len(found) > limit})


@bp.route("/shared")
def shared():
    """The articles where entities ``a`` and ``b`` both appear, and in each the sentences naming both.

    Articles where they share a sentence come first.
    """
    data = get_data()
    a, b = required_arg("a"), required_arg("b")
    attrs_a, attrs_b = node_or_404(data, a), node_or_404(data, b)
    limit, offset = page_args()
    by_a, by_b = _sentences_by_article(attrs_a), _sentences_by_article(attrs_b)
    both = {key: sorted(by_a[key] & by_b[key]) for key in set(by_a) & set(by_b)}
    keys = sorted(both, key=lambda k: (-len(both[k]), k))  # articles with shared sentences first
    articles = []
    for document, article in keys[offset : offset + limit]:
        stored = data.article(document, article) or {}
        sentences = both[document, article]
        articles.append(
            {
                "document": document,
                "article": article,
                "headline": stored.get("headline", ""),
                "date": stored.get("date") or data.documents.get(document, {}).get("date"),
                "url": url_for("rest.article", name=document, index=article),
                "sentences": [
                    {"sentence": s, "text": data.sentence(document, article, s)} for s in sentences
                ],
            }
        )
    edge = data.graph.edges[a, b] if data.graph.has_edge(a, b) else None
    return jsonify(
        {
            "a": _entity_brief(a, attrs_a),
            "b": _entity_brief(b, attrs_b),
            "edge": {k: edge[k] for k in EDGE_FIELDS if k in edge} if edge else None,
            "items": articles,
        }
        | page_info(len(keys), limit, offset)
    )


def _sentences_by_article(attrs: dict[str, Any]) -> dict[tuple[str, int], set[int]]:
    out: dict[tuple[str, int], set[int]] = defaultdict(set)
    for m in attrs.get("mentions", []):
        out[m.get("document", ""), m.get("article", 0)].add(m.get("sentence", 0))
    return out


@bp.route("/documents")
def documents():
    """The documents of the graph, by name."""
    data = get_data()
    limit, offset = page_args()
    names = sorted(data.documents)
    items = [_document_brief(data.documents[n]) for n in names[offset : offset + limit]]
    return jsonify({"items": items} | page_info(len(names), limit, offset))


def _document_brief(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": doc.get("name", ""),
        "date": doc.get("date"),
        "sha256": doc.get("sha256", ""),
        "articles": len(doc.get("articles", [])),
        "url": url_for("rest.document", name=doc.get("name", "")),
    }


@bp.route("/documents/<path:name>")
def document(name: str):
    """One document with the list of its articles."""
    data = get_data()
    doc = data.documents.get(name)
    if doc is None:
        raise NotFound(f"no document {name!r}", name=name)
    articles = []
    for pos, art in enumerate(doc.get("articles", [])):
        index = art.get("index", pos)
        articles.append(
            {
                "index": index,
                "headline": art.get("headline", ""),
                "date": art.get("date") or doc.get("date"),
                "sentences": len(art.get("sentences", [])),
                "entities": len(data.article_entities.get((name, index), [])),
                "url": url_for("rest.article", name=name, index=index),
            }
        )
    return jsonify(_document_brief(doc) | {"articles": articles})


@bp.route("/documents/<path:name>/articles/<int:index>")
def article(name: str, index: int):
    """One article: its sentences and the entities it mentions (with their mentions in it)."""
    data = get_data()
    if name not in data.documents:
        raise NotFound(f"no document {name!r}", name=name)
    stored = data.article(name, index)
    if stored is None:
        raise NotFound(f"document {name!r} has no article {index}", name=name, index=index)
    g = data.graph
    by_sentence: dict[int, list[str]] = defaultdict(list)
    found = []
    for entity_id in data.article_entities.get((name, index), []):
        attrs = g.nodes[entity_id]
        mentions = [
            {k: m.get(k) for k in ("sentence", "start", "end", "text")}
            for m in attrs.get("mentions", [])
            if m.get("document") == name and m.get("article", 0) == index
        ]
        for m in mentions:
            by_sentence[m["sentence"]].append(entity_id)
        found.append(_entity_brief(entity_id, attrs) | {"mentions": mentions})
    found.sort(key=lambda e: (-len(e["mentions"]), e["id"]))
    sentences = [
        {
            "index": s.get("index", pos),
            "text": s.get("text", ""),
            "start": s.get("start"),
            "end": s.get("end"),
        }
        | {"entities": sorted(set(by_sentence.get(s.get("index", pos), [])))}
        for pos, s in enumerate(stored.get("sentences", []))
    ]
    fields = {k: stored.get(k) for k in ("headline", "subtitle", "byline", "start", "end")}
    return jsonify(
        {"document": name, "index": index, "date": stored.get("date") or data.documents[name].get("date")}
        | fields
        | {"sentences": sentences, "entities": found}
    )


@bp.route("/openapi.json")
def openapi():
    """The OpenAPI 3 description of this API."""
    return jsonify(openapi_spec())


@bp.route("/docs")
def docs():
    """A readable page rendered from the OpenAPI description (no scripts from elsewhere)."""
    return render_template("docs.html", spec=openapi_spec())
