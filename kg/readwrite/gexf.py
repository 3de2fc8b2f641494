"""GEXF 1.3 for Gephi: ``label``, typed attributes, colours and sizes, and time spells.

Each entity and each edge gets one spell per run of consecutive article dates, so
Gephi's timeline shows when it was in the news. List and dict values are written as
JSON text; ``parents`` is written as ``parent_places`` (GEXF reserves ``parents``).

>>> import io, networkx as nx
>>> g = nx.Graph(); g.add_node("place/长治市", label="长治市", type="place", dates=["2023-05-01"])
>>> buffer = io.BytesIO(); write_gexf(g, buffer); _ = buffer.seek(0)
>>> read_gexf(buffer).nodes["place/长治市"]["dates"]
['2023-05-01']
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable
from typing import Any
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape

import networkx as nx

from kg.readwrite._io import (
    EDGE_LIST_KEYS,
    NODE_LIST_KEYS,
    Target,
    binary_sink,
    flat_attrs,
    json_keys,
    read_bytes,
)
from kg.readwrite._io import unflat_attrs as _unflat
from kg.readwrite.graphml import TYPE_COLOURS

VERSION = "1.3"
XSI = b'"http://www.w3.org/2001/XMLSchema-instance"'
NS = "http://gexf.net/1.3"
JSON_MARK = "kg-json: "  # the meta description names the attributes written as JSON text
RENAMED = {"parents": "parent_places"}  # GEXF's own <parents> would swallow the attribute


def spells(dates: Iterable[str]) -> list[tuple[str, str]]:
    """Runs of consecutive ISO days as ``(start, end)`` spells, both ends included.

    >>> spells(["2023-05-02", "2023-05-01", "2023-05-09", "bad"])
    [('2023-05-01', '2023-05-02'), ('2023-05-09', '2023-05-09')]
    """
    days = sorted({day for day in map(_day, dates) if day is not None})
    runs: list[list[dt.date]] = []
    for day in days:
        if runs and (day - runs[-1][1]).days <= 1:
            runs[-1][1] = day
        else:
            runs.append([day, day])
    return [(start.isoformat(), end.isoformat()) for start, end in runs]


def _day(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _colour(kind: object) -> dict[str, int]:
    code = TYPE_COLOURS.get(str(kind), "#999999")
    return {"r": int(code[1:3], 16), "g": int(code[3:5], 16), "b": int(code[5:7], 16), "a": 1}


def gexf_graph(graph: nx.Graph) -> nx.Graph:
    """A copy of ``graph`` shaped for networkx's GEXF writer (flat values, spells, viz)."""
    out = nx.Graph()
    for node, data in graph.nodes(data=True):
        attrs = {RENAMED.get(k, k): v for k, v in flat_attrs(data).items()}
        attrs["label"] = str(data.get("label", node))
        attrs["viz"] = {"color": _colour(data.get("type")), "size": 4.0 + 2.0 * math.sqrt(graph.degree(node))}
        if found := spells(data.get("dates") or ()):
            attrs["spells"] = found
        out.add_node(node, **attrs)
    for u, v, data in graph.edges(data=True):
        attrs = flat_attrs(data)
        if found := spells(data.get("dates") or ()):
            attrs["spells"] = found
        out.add_edge(u, v, **attrs)
    return out


def write_gexf(graph: nx.Graph, target: Target) -> None:
    """Write ``graph`` as GEXF 1.3 (UTF-8) to a path or an open file."""
    buffer = io.BytesIO()
    nx.write_gexf(gexf_graph(graph), buffer, encoding="utf-8", version=VERSION)
    # networkx 3.6 misspells the XML Schema instance namespace; Gephi's validator wants the real one
    xml = buffer.getvalue().replace(b'"http://w3.org/2001/XMLSchema-instance"', XSI, 1)
    keys = escape(" ".join(RENAMED.get(k, k) for k in json_keys(graph)))
    xml = xml.replace(
        b"</creator>", f"</creator>\n    <description>{JSON_MARK}{keys}</description>".encode(), 1
    )
    with binary_sink(target) as stream:
        stream.write(xml)


def encoded_keys(xml: bytes) -> tuple[set[str], set[str]]:
    """Node and edge attributes holding JSON text: as the file's meta description lists them,
    else the list-valued attributes of docs/architecture.md.
    """
    description = ET.fromstring(xml).find(f"{{{NS}}}meta/{{{NS}}}description")
    text = description.text if description is not None and description.text else ""
    if not text.startswith(JSON_MARK):
        return set(NODE_LIST_KEYS), set(EDGE_LIST_KEYS)
    keys = {next((a for a, b in RENAMED.items() if b == k), k) for k in text[len(JSON_MARK) :].split()}
    return keys, keys


def _number(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def read_gexf(source: Target) -> nx.Graph:
    """Read a GEXF file written by :func:`write_gexf` back into the kg graph shape."""
    data = read_bytes(source)
    graph = nx.read_gexf(io.BytesIO(data), node_type=str, version=VERSION)
    node_keys, edge_keys = encoded_keys(data)
    kept = nx.Graph()
    for node, data in graph.nodes(data=True):
        attrs = {k: v for k, v in data.items() if k not in ("spells", "viz")}
        attrs = {next((a for a, b in RENAMED.items() if b == k), k): v for k, v in attrs.items()}
        kept.add_node(node, **_unflat(attrs, node_keys))
    for u, v, data in graph.edges(data=True):
        attrs = {k: val for k, val in data.items() if k not in ("spells", "id")}
        if "weight" in attrs:
            attrs["weight"] = _number(attrs["weight"])
        kept.add_edge(u, v, **_unflat(attrs, edge_keys))
    return kept
