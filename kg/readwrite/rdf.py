"""RDF of a (filtered) entity graph: Turtle, N-Triples or JSON-LD, through ``kg.rdf``.

>>> RDF_FORMATS["ttl"]
'turtle'
"""

from __future__ import annotations

import warnings

import networkx as nx
import rdflib

from kg.errors import UserError
from kg.readwrite._io import Target, binary_sink, read_bytes

RDF_FORMATS = {"turtle": "turtle", "ttl": "turtle", "nt": "nt", "json-ld": "json-ld", "jsonld": "json-ld"}


def to_rdf(graph: nx.Graph) -> rdflib.Graph:
    """The RDF of ``graph`` as built by ``kg.rdf.graph_to_rdf``."""
    try:
        from kg.rdf import graph_to_rdf
    except ImportError as err:
        raise UserError("RDF export needs kg.rdf, which this installation lacks") from err
    return graph_to_rdf(graph)


def write_rdf(graph: nx.Graph, target: Target, rdf_format: str = "turtle") -> None:
    """Write the RDF of ``graph`` (UTF-8) in ``rdf_format`` (turtle, nt, json-ld) to a path or open file."""
    data = to_rdf(graph).serialize(format=RDF_FORMATS[rdf_format], encoding="utf-8")
    with binary_sink(target) as stream:
        stream.write(data)


def read_rdf(source: Target, rdf_format: str = "turtle") -> rdflib.Graph:
    """Parse what :func:`write_rdf` wrote into an rdflib graph."""
    parsed = rdflib.Graph()
    with warnings.catch_warnings():
        # rdflib's JSON-LD parser goes through its own deprecated ConjunctiveGraph
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
        parsed.parse(data=read_bytes(source).decode("utf-8"), format=RDF_FORMATS[rdf_format])
    return parsed
