"""CSV for ``neo4j-admin database import``: ``nodes.csv`` and ``relationships.csv``.

Headers follow neo4j-admin's format: ``:ID``, ``:LABEL``, ``name``, typed
properties such as ``count:int`` and ``aliases:string[]`` (array items split on
``;``), then ``:START_ID``, ``:END_ID``, ``:TYPE``, ``weight:int`` … Every entity
carries the labels ``Entity`` and its type (``Entity;Official``); every edge is one
``CO_OCCURS_WITH`` relationship. Mentions and evidence (nested records) are left out.

A path ending in ``.zip`` or an open binary file receives a zip of the two files;
any other path is a directory to write them into::

    neo4j-admin database import full --array-delimiter=";" \\
        --nodes=nodes.csv --relationships=relationships.csv

>>> import networkx as nx
>>> g = nx.Graph(); g.add_node("place/长治市", type="place", label="长治市", aliases=["长治"])
>>> node_rows(g)[0][:3]
['place/长治市', 'Entity;Place', '长治市']
"""

from __future__ import annotations

import csv
import io
import os
import zipfile
from pathlib import Path
from typing import Any

import networkx as nx

from kg.readwrite._io import Target, is_path

DELIMITER = ";"
RELATIONSHIP = "CO_OCCURS_WITH"
NODES_FILE = "nodes.csv"
RELATIONSHIPS_FILE = "relationships.csv"
NODE_COLUMNS = (
    ("type", "string"),
    ("aliases", "string[]"),
    ("titles", "string[]"),
    ("level", "string"),
    ("role", "string"),
    ("parents", "string[]"),
    ("count", "int"),
    ("documents", "string[]"),
    ("dates", "string[]"),
    ("iri", "string"),
)
EDGE_COLUMNS = (
    ("weight", "int"),
    ("articles", "int"),
    ("dice", "float"),
    ("pmi", "float"),
    ("relations", "string[]"),
    ("dates", "string[]"),
    ("order", "int[]"),
)


def header(name: str, kind: str) -> str:
    """neo4j-admin's ``name:type`` column header (plain ``name`` for strings).

    >>> header("aliases", "string[]"), header("level", "string")
    ('aliases:string[]', 'level')
    """
    return name if kind == "string" else f"{name}:{kind}"


def cell(value: Any, kind: str) -> str:
    """One CSV field; array items lose the delimiter (``;`` → ``；``) so they stay whole.

    >>> cell(["长治", "a;b"], "string[]"), cell(None, "int"), cell(2, "int")
    ('长治;a；b', '', '2')
    """
    if value is None:
        return ""
    if kind.endswith("[]"):
        return DELIMITER.join(str(item).replace(DELIMITER, "；") for item in value)
    return str(value)


def parse_cell(text: str, kind: str) -> Any:
    """The value of a field of type ``kind``; ``None`` for an empty one.

    >>> parse_cell("长治;长治市", "string[]"), parse_cell("3", "int"), parse_cell("", "float")
    (['长治', '长治市'], 3, None)
    """
    if text == "":
        return [] if kind.endswith("[]") else None
    base = kind.removesuffix("[]")
    convert = {"int": int, "long": int, "float": float, "double": float}.get(base, str)
    if kind.endswith("[]"):
        return [convert(item) for item in text.split(DELIMITER)]
    return convert(text)


def neo4j_label(kind: str) -> str:
    """The Neo4j labels of an entity of type ``kind``.

    >>> neo4j_label("official")
    'Entity;Official'
    """
    return f"Entity{DELIMITER}{kind.capitalize()}" if kind else "Entity"


def node_rows(graph: nx.Graph) -> list[list[str]]:
    return [
        [str(node), neo4j_label(str(data.get("type", ""))), str(data.get("label", node))]
        + [cell(data.get(name), kind) for name, kind in NODE_COLUMNS]
        for node, data in graph.nodes(data=True)
    ]


def edge_rows(graph: nx.Graph) -> list[list[str]]:
    return [
        [str(u), str(v), RELATIONSHIP] + [cell(data.get(name), kind) for name, kind in EDGE_COLUMNS]
        for u, v, data in graph.edges(data=True)
    ]


def tables(graph: nx.Graph) -> dict[str, str]:
    """The two CSV files as text: file name → content."""
    out = {}
    for name, head, rows in (
        (NODES_FILE, [":ID", ":LABEL", "name"] + [header(*c) for c in NODE_COLUMNS], node_rows(graph)),
        (
            RELATIONSHIPS_FILE,
            [":START_ID", ":END_ID", ":TYPE"] + [header(*c) for c in EDGE_COLUMNS],
            edge_rows(graph),
        ),
    ):
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(head)
        writer.writerows(rows)
        out[name] = buffer.getvalue()
    return out


def is_zip(target: Target) -> bool:
    return not is_path(target) or os.fspath(target).lower().endswith(".zip")  # type: ignore[arg-type]


def write_neo4j_csv(graph: nx.Graph, target: Target) -> None:
    """Write ``nodes.csv`` and ``relationships.csv`` (UTF-8) into a directory or a zip."""
    files = tables(graph)
    if is_zip(target):
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:  # type: ignore[arg-type]
            for name, text in files.items():
                archive.writestr(name, text.encode("utf-8"))
        return
    folder = Path(target)  # type: ignore[arg-type]
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")


def _typed_columns(head: list[str]) -> list[tuple[str, str]]:
    return [(h.split(":", 1)[0], h.split(":", 1)[1] if ":" in h else "string") for h in head]


def read_tables(nodes_csv: str, relationships_csv: str) -> nx.Graph:
    """The graph described by the text of the two CSV files."""
    graph = nx.Graph()
    rows = csv.reader(io.StringIO(nodes_csv))
    columns = _typed_columns(next(rows))
    for row in rows:
        node, _labels, label, *rest = row  # the type is its own column, so :LABEL is not needed back
        data = {name: parse_cell(text, kind) for (name, kind), text in zip(columns[3:], rest, strict=True)}
        graph.add_node(node, label=label, **{k: v for k, v in data.items() if v not in (None, [])})
    rows = csv.reader(io.StringIO(relationships_csv))
    columns = _typed_columns(next(rows))
    for row in rows:
        start, end, _kind, *rest = row
        data = {name: parse_cell(text, kind) for (name, kind), text in zip(columns[3:], rest, strict=True)}
        graph.add_edge(start, end, **{k: v for k, v in data.items() if v not in (None, [])})
    return graph


def read_neo4j_csv(source: Target) -> nx.Graph:
    """Read what :func:`write_neo4j_csv` wrote (a directory or a zip) back into a graph.

    Empty lists and missing values are not restored (CSV cannot tell them apart).
    """
    if is_zip(source):
        with zipfile.ZipFile(source) as archive:  # type: ignore[arg-type]
            texts = [archive.read(name).decode("utf-8") for name in (NODES_FILE, RELATIONSHIPS_FILE)]
    else:
        folder = Path(source)  # type: ignore[arg-type]
        texts = [(folder / name).read_text(encoding="utf-8") for name in (NODES_FILE, RELATIONSHIPS_FILE)]
    return read_tables(*texts)
