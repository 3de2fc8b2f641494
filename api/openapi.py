"""The OpenAPI 3.1 description of the REST API and the SPARQL endpoint.

Served at ``/api/openapi.json`` and rendered as ``/api/docs``.

>>> spec = openapi_spec()
>>> sorted(spec["paths"])[:2]
['/api/documents', '/api/documents/{name}']
"""

from __future__ import annotations

from typing import Any

from kg import __version__


def _param(name: str, where: str, description: str, type_: str = "string", **extra: Any) -> dict[str, Any]:
    return {
        "name": name,
        "in": where,
        "required": where == "path",
        "description": description,
        "schema": {"type": type_} | extra,
    }


def _required(name: str, description: str) -> dict[str, Any]:
    return _param(name, "query", description) | {"required": True}


LIMIT = _param("limit", "query", "Items per page (default and maximum are server settings).", "integer")
OFFSET = _param("offset", "query", "Items to skip.", "integer")
ENTITY_ID = _param(
    "entity_id",
    "path",
    "Entity id `<type>/<name>`, e.g. `official/张三`; keep the `/`, percent-encode the rest (`#` as `%23`).",
)
_ERROR_BODY = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
ERRORS = {
    "400": {"description": "Bad parameter", "content": _ERROR_BODY},
    "404": {"description": "Unknown id", "content": _ERROR_BODY},
}


def _get(summary: str, description: str, params: list[dict[str, Any]], example: str) -> dict[str, Any]:
    return {
        "get": {
            "summary": summary,
            "description": description,
            "parameters": params,
            "responses": {
                "200": {
                    "description": "JSON",
                    "content": {"application/json": {"schema": {"type": "object"}}},
                },
                **ERRORS,
            },
            "x-example": example,
        }
    }


def _paths() -> dict[str, Any]:
    return {
        "/api/stats": _get(
            "Graph statistics",
            "Counts of nodes, edges, types, relations, documents, articles and sentences; the biggest hubs; "
            "the build manifest.",
            [],
            "/api/stats",
        ),
        "/api/entities": _get(
            "Search entities",
            "Entities whose name or alias contains `q` (exact matches first, then by mention count). "
            "Lists answer `items`, `total`, `truncated` and the `next` page URL.",
            [
                _param("q", "query", "Part of a name or alias (case-insensitive)."),
                _param("type", "query", "official, person, place, organization, project or theme."),
                LIMIT,
                OFFSET,
            ],
            "/api/entities?q=长治&type=place",
        ),
        "/api/entities/{entity_id}": _get(
            "One entity",
            "Attributes, titles, aliases, and mentions with the text of their sentences "
            "(paginated by `limit`/`offset`; `truncated` when more mentions exist).",
            [ENTITY_ID, LIMIT, OFFSET],
            "/api/entities/place/长治市",
        ),
        "/api/entities/{entity_id}/neighbours": _get(
            "Neighbours of an entity",
            "Co-occurring entities, strongest edge first, with the edge's weight, articles, dice, pmi, "
            "relations and dates.",
            [
                ENTITY_ID,
                _param("type", "query", "Only neighbours of this type."),
                _param("min_weight", "query", "Only edges with at least this weight.", "number"),
                _param(
                    "since", "query", "Only edges with a shared article on or after this date.", format="date"
                ),
                _param(
                    "until",
                    "query",
                    "Only edges with a shared article on or before this date.",
                    format="date",
                ),
                LIMIT,
                OFFSET,
            ],
            "/api/entities/place/长治市/neighbours?min_weight=2&limit=10",
        ),
        "/api/paths": _get(
            "Shortest paths between two entities",
            "All shortest paths (up to `limit`) with the evidence sentences of every edge.",
            [
                _required("source", "Entity id where paths start."),
                _required("target", "Entity id where paths end."),
                _param("max_length", "query", "Longest path searched, in edges.", "integer"),
                _param("limit", "query", "Most paths returned.", "integer"),
            ],
            "/api/paths?source=official/张三&target=place/长治市",
        ),
        "/api/shared": _get(
            "What two entities share",
            "The articles where both appear, and in each the sentences naming both.",
            [_required("a", "First entity id."), _required("b", "Second entity id."), LIMIT, OFFSET],
            "/api/shared?a=official/张三&b=place/长治市",
        ),
        "/api/documents": _get("Documents", "The documents of the graph.", [LIMIT, OFFSET], "/api/documents"),
        "/api/documents/{name}": _get(
            "One document",
            "A document and its articles.",
            [_param("name", "path", "Document name.")],
            "/api/documents/2023-05-01.txt",
        ),
        "/api/documents/{name}/articles/{index}": _get(
            "One article with its entities",
            "Headline, sentences (with the entities each names) and the entities with their mentions.",
            [_param("name", "path", "Document name."), _param("index", "path", "Article index.", "integer")],
            "/api/documents/2023-05-01.txt/articles/0",
        ),
        "/sparql": _sparql_path(),
    }


def _sparql_path() -> dict[str, Any]:
    results = {
        t: {}
        for t in (
            "application/sparql-results+json",
            "application/sparql-results+xml",
            "text/csv",
            "text/tab-separated-values",
            "text/turtle",
            "application/n-triples",
            "application/ld+json",
        )
    }
    responses = {
        "200": {"description": "Results (SELECT/ASK) or a graph (CONSTRUCT/DESCRIBE)", "content": results},
        "400": ERRORS["400"],
        "403": {"description": "Update or SERVICE refused (read-only endpoint)"},
        "406": {"description": "Format does not apply to this kind of result"},
        "503": {"description": "Time limit exceeded; the query was stopped"},
    }
    params = [
        _param("query", "query", "A SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE)."),
        _param("format", "query", "json, xml, csv, tsv, turtle, ntriples, jsonld, rdfxml (else `Accept`)."),
        _param("timeout", "query", "A time limit in ms lower than the server's.", "integer"),
    ]
    description = (
        "SPARQL 1.1 Protocol, read-only. Results as SPARQL JSON/XML/CSV/TSV or Turtle/N-Triples/JSON-LD, "
        "chosen by `format=` or `Accept`. Each query has a time limit (its worker process is killed at "
        "the deadline) and a row limit (header `X-KG-Truncated: true`). Without a query, GET shows the "
        "query page."
    )
    return {
        "get": {
            "summary": "SPARQL query",
            "description": description,
            "parameters": params,
            "responses": responses,
            "x-example": "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D",
        },
        "post": {
            "summary": "SPARQL query (POST)",
            "description": "Send the query as `application/sparql-query` or as the form field `query`.",
            "requestBody": {
                "content": {
                    "application/sparql-query": {"schema": {"type": "string"}},
                    "application/x-www-form-urlencoded": {
                        "schema": {"type": "object", "properties": {"query": {"type": "string"}}}
                    },
                }
            },
            "responses": responses,
        },
    }


def openapi_spec() -> dict[str, Any]:
    """The OpenAPI document as a dict."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "kg query API",
            "version": __version__,
            "description": "Officials, places, organisations, projects and themes of local news, "
            "and the sentences that link them. Errors are JSON: `{error, message, status}`.",
        },
        "paths": _paths(),
        "components": {
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {
                        "error": {"type": "string"},
                        "message": {"type": "string"},
                        "status": {"type": "integer"},
                    },
                }
            }
        },
    }
