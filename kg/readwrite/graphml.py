"""GraphML for yEd and Gephi: typed ``<key>`` attributes, ``label`` for Gephi, yFiles labels for yEd.

GraphML has no list type: list and dict values are written as JSON text and the
graph-level key ``kg_json`` names the attributes to decode on reading.

>>> import io, networkx as nx
>>> g = nx.Graph(); g.add_node("place/长治市", type="place", label="长治市", aliases=["长治"])
>>> buffer = io.BytesIO(); write_graphml(g, buffer); _ = buffer.seek(0)
>>> read_graphml(buffer).nodes["place/长治市"]["aliases"]
['长治']
"""

from __future__ import annotations

import math
from typing import Any
from xml.etree import ElementTree as ET

import networkx as nx

from kg.readwrite._io import Target, binary_sink, flat_attrs, json_keys, read_bytes, unflat_attrs

NS = "http://graphml.graphdrawing.org/xmlns"
NS_Y = "http://www.yworks.com/xml/graphml"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd"
JSON_KEY = "kg_json"
YFILES_KEYS = ("x", "y", "shape_type")  # what networkx's reader derives from y: data
TYPE_COLOURS = {
    "official": "#E4572E",
    "person": "#F3A712",
    "place": "#29335C",
    "organization": "#669BBC",
    "project": "#4C956C",
    "theme": "#8E44AD",
}


def graphml_type(values: list[Any]) -> str:
    """The GraphML ``attr.type`` that holds every value.

    >>> graphml_type([1, 2]), graphml_type([1, 0.5]), graphml_type([True]), graphml_type(["a", 1])
    ('long', 'double', 'boolean', 'string')
    """
    kinds = {type(v) for v in values}
    if kinds == {bool}:
        return "boolean"
    if kinds == {int}:
        return "long"
    if kinds <= {int, float}:
        return "double"
    return "string"


def text_of(value: Any, kind: str) -> str:
    """The XML text of a value of GraphML type ``kind``."""
    if kind == "boolean":
        return "true" if value else "false"
    return str(value)


def _keys(items: list[dict[str, Any]], scope: str, root: ET.Element) -> dict[str, tuple[str, str]]:
    """Declare one ``<key>`` per attribute name of ``scope``; return name → (id, type)."""
    values: dict[str, list[Any]] = {}
    for data in items:
        for name, value in data.items():
            values.setdefault(name, []).append(value)
    declared = {}
    for i, (name, seen) in enumerate(sorted(values.items())):
        kind = graphml_type(seen)
        key_id = f"{scope[0]}{i}"
        ET.SubElement(root, "key", {"id": key_id, "for": scope, "attr.name": name, "attr.type": kind})
        declared[name] = (key_id, kind)
    return declared


def _data(parent: ET.Element, data: dict[str, Any], keys: dict[str, tuple[str, str]]) -> None:
    for name, value in data.items():
        key_id, kind = keys[name]
        ET.SubElement(parent, "data", {"key": key_id}).text = text_of(value, kind)


def _y_node(parent: ET.Element, data: dict[str, Any], position: tuple[float, float]) -> None:
    """yEd's own drawing of a node: a coloured ellipse with the label inside."""
    label = str(data.get("label", ""))
    shape = ET.SubElement(ET.SubElement(parent, "data", {"key": "ng"}), "y:ShapeNode")
    width = max(30.0, 14.0 * len(label) + 10)
    x, y = position
    geometry = {"height": "30.0", "width": f"{width:.1f}", "x": f"{x:.1f}", "y": f"{y:.1f}"}
    ET.SubElement(shape, "y:Geometry", geometry)
    ET.SubElement(shape, "y:Fill", {"color": TYPE_COLOURS.get(str(data.get("type")), "#999999")})
    ET.SubElement(shape, "y:NodeLabel", {"textColor": "#FFFFFF"}).text = label
    ET.SubElement(shape, "y:Shape", {"type": "ellipse"})


def _y_edge(parent: ET.Element, data: dict[str, Any]) -> None:
    line = ET.SubElement(ET.SubElement(parent, "data", {"key": "eg"}), "y:PolyLineEdge")
    width = 1.0 + math.log1p(float(data.get("weight", 1) or 1))
    ET.SubElement(line, "y:LineStyle", {"color": "#999999", "type": "line", "width": f"{width:.1f}"})


def grid_positions(graph: nx.Graph, spacing: float = 120.0) -> dict[Any, tuple[float, float]]:
    """Nodes on a square grid (yEd stacks nodes without a geometry), busiest first.

    >>> grid_positions(nx.path_graph(3))[1]
    (0.0, 0.0)
    """
    side = max(1, math.ceil(math.sqrt(graph.number_of_nodes())))
    ranked = sorted(graph, key=lambda n: (-graph.degree(n), str(n)))
    return {n: ((i % side) * spacing, (i // side) * spacing) for i, n in enumerate(ranked)}


def to_element(graph: nx.Graph, positions: dict[Any, tuple[float, float]] | None = None) -> ET.Element:
    """The GraphML document of ``graph`` as an ElementTree element."""
    positions = positions or grid_positions(graph)
    nodes = {n: flat_attrs(d) for n, d in graph.nodes(data=True)}
    edges = [(u, v, flat_attrs(d)) for u, v, d in graph.edges(data=True)]
    encoded = json_keys(graph)
    root = ET.Element(
        "graphml", {"xmlns": NS, "xmlns:y": NS_Y, "xmlns:xsi": NS_XSI, "xsi:schemaLocation": f"{NS} {SCHEMA}"}
    )
    ET.SubElement(root, "key", {"id": "g0", "for": "graph", "attr.name": JSON_KEY, "attr.type": "string"})
    node_keys = _keys(list(nodes.values()), "node", root)
    edge_keys = _keys([d for _, _, d in edges], "edge", root)
    ET.SubElement(root, "key", {"id": "ng", "for": "node", "yfiles.type": "nodegraphics"})
    ET.SubElement(root, "key", {"id": "eg", "for": "edge", "yfiles.type": "edgegraphics"})
    body = ET.SubElement(root, "graph", {"id": "kg", "edgedefault": "undirected"})
    ET.SubElement(body, "data", {"key": "g0"}).text = " ".join(encoded)
    for node, data in nodes.items():
        element = ET.SubElement(body, "node", {"id": str(node)})
        _data(element, data, node_keys)
        _y_node(element, data, positions.get(node, (0.0, 0.0)))
    for i, (u, v, data) in enumerate(edges):
        element = ET.SubElement(body, "edge", {"id": f"e{i}", "source": str(u), "target": str(v)})
        _data(element, data, edge_keys)
        _y_edge(element, data)
    return root


def write_graphml(
    graph: nx.Graph, target: Target, positions: dict[Any, tuple[float, float]] | None = None
) -> None:
    """Write ``graph`` as GraphML (UTF-8) to a path or an open file.

    ``positions`` (node → (x, y)) places the nodes in yEd; by default a grid.
    """
    tree = ET.ElementTree(to_element(graph, positions))
    ET.indent(tree, space=" ")
    with binary_sink(target) as stream:
        tree.write(stream, encoding="utf-8", xml_declaration=True)


def read_graphml(source: Target) -> nx.Graph:
    """Read a GraphML file written by :func:`write_graphml` back into the kg graph shape."""
    graph = nx.parse_graphml(read_bytes(source), node_type=str)
    encoded = set(str(graph.graph.pop(JSON_KEY, "") or "").split())
    kept = nx.Graph()
    for node, data in graph.nodes(data=True):
        clean = {k: v for k, v in data.items() if k not in YFILES_KEYS}
        kept.add_node(node, **unflat_attrs(clean, encoded))
    for u, v, data in graph.edges(data=True):
        kept.add_edge(u, v, **unflat_attrs({k: w for k, w in data.items() if k != "id"}, encoded))
    return kept
