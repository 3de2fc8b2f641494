"""Exports of the entity graph to other tools, one module per format.

Each module has a ``write_<format>(graph, target)`` taking a path or an open file
and, where reading back makes sense, a ``read_<format>(source)``. :data:`FORMATS`
names them for ``kg export`` and ``/api/export``.

>>> export_format("ttl").name, export_format("graphml").media_type
('turtle', 'application/graphml+xml')
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

import networkx as nx

from kg.errors import UserError
from kg.readwrite._io import Target
from kg.readwrite.cytoscape import read_cytoscape, write_cytoscape
from kg.readwrite.gexf import read_gexf, write_gexf
from kg.readwrite.graphml import read_graphml, write_graphml
from kg.readwrite.neo4j_csv import read_neo4j_csv, write_neo4j_csv
from kg.readwrite.nodelink import read_nodelink, write_nodelink
from kg.readwrite.rdf import read_rdf, write_rdf


@dataclass(frozen=True)
class ExportFormat:
    """A format ``kg export`` writes: its writer, reader, media type and file extension."""

    name: str
    write: Callable[[nx.Graph, Target], None]
    read: Callable[[Target], Any]
    media_type: str
    extension: str
    help: str


FORMATS: dict[str, ExportFormat] = {
    f.name: f
    for f in (
        ExportFormat(
            "graphml",
            write_graphml,
            read_graphml,
            "application/graphml+xml",
            ".graphml",
            "GraphML with yEd labels and typed attributes",
        ),
        ExportFormat(
            "gexf",
            write_gexf,
            read_gexf,
            "application/gexf+xml",
            ".gexf",
            "GEXF 1.3 with time spells for Gephi's timeline",
        ),
        ExportFormat(
            "nodelink", write_nodelink, read_nodelink, "application/json", ".json", "networkx node-link JSON"
        ),
        ExportFormat(
            "cytoscape", write_cytoscape, read_cytoscape, "application/json", ".cyjs", "Cytoscape.js JSON"
        ),
        ExportFormat(
            "neo4j",
            write_neo4j_csv,
            read_neo4j_csv,
            "application/zip",
            ".zip",
            "CSV nodes/relationships for neo4j-admin import (a zip, or a directory)",
        ),
        ExportFormat(
            "turtle",
            partial(write_rdf, rdf_format="turtle"),
            partial(read_rdf, rdf_format="turtle"),
            "text/turtle; charset=utf-8",
            ".ttl",
            "RDF Turtle",
        ),
        ExportFormat(
            "nt",
            partial(write_rdf, rdf_format="nt"),
            partial(read_rdf, rdf_format="nt"),
            "application/n-triples; charset=utf-8",
            ".nt",
            "RDF N-Triples",
        ),
        ExportFormat(
            "jsonld",
            partial(write_rdf, rdf_format="json-ld"),
            partial(read_rdf, rdf_format="json-ld"),
            "application/ld+json",
            ".jsonld",
            "RDF JSON-LD",
        ),
    )
}
ALIASES = {
    "ttl": "turtle",
    "n-triples": "nt",
    "ntriples": "nt",
    "json-ld": "jsonld",
    "node-link": "nodelink",
    "json": "nodelink",
    "cyjs": "cytoscape",
    "csv": "neo4j",
    "neo4j-csv": "neo4j",
}


def export_format(name: str) -> ExportFormat:
    """The format called ``name`` (or one of its aliases), else a :class:`UserError` listing them.

    >>> export_format("csv").extension
    '.zip'
    """
    key = ALIASES.get(name.lower(), name.lower())
    if key not in FORMATS:
        raise UserError(f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    return FORMATS[key]


__all__ = [
    "ALIASES",
    "FORMATS",
    "ExportFormat",
    "export_format",
    "read_cytoscape",
    "read_gexf",
    "read_graphml",
    "read_neo4j_csv",
    "read_nodelink",
    "read_rdf",
    "write_cytoscape",
    "write_gexf",
    "write_graphml",
    "write_neo4j_csv",
    "write_nodelink",
    "write_rdf",
]
