"""Paths or open files, text or binary: the one place exports open what they write or read."""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, Any

Target = str | os.PathLike | IO[Any]

# Node and edge attributes of docs/architecture.md whose values are lists or dicts.
NODE_LIST_KEYS = ("aliases", "titles", "parents", "documents", "dates", "mentions")
EDGE_LIST_KEYS = ("relations", "evidence", "dates", "order")


def is_path(target: object) -> bool:
    """True for a filesystem path, False for an open file.

    >>> is_path("kg.graphml"), is_path(io.BytesIO())
    (True, False)
    """
    return isinstance(target, str | os.PathLike)


@contextmanager
def binary_sink(target: Target) -> Iterator[IO[bytes]]:
    """A binary stream writing to ``target`` (a path, a binary file or a text file)."""
    if is_path(target):
        with open(target, "wb") as stream:
            yield stream
    elif isinstance(target, io.TextIOBase):
        buffer = io.BytesIO()
        yield buffer
        target.write(buffer.getvalue().decode("utf-8"))
    else:
        yield target  # type: ignore[misc]


@contextmanager
def text_sink(target: Target) -> Iterator[IO[str]]:
    """A UTF-8 text stream writing to ``target`` (a path, a binary file or a text file)."""
    if is_path(target):
        with open(target, "w", encoding="utf-8", newline="") as stream:
            yield stream
    elif isinstance(target, io.TextIOBase):
        yield target  # type: ignore[misc]
    else:
        wrapper = io.TextIOWrapper(target, encoding="utf-8", newline="")  # type: ignore[arg-type]
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()


def read_bytes(source: Target) -> bytes:
    """All of ``source`` as bytes.

    >>> read_bytes(io.StringIO("长治"))
    b'\\xe9\\x95\\xbf\\xe6\\xb2\\xbb'
    """
    if is_path(source):
        with open(source, "rb") as stream:
            return stream.read()
    data = source.read()  # type: ignore[union-attr]
    return data.encode("utf-8") if isinstance(data, str) else data


def read_text(source: Target) -> str:
    """All of ``source`` as text (UTF-8)."""
    return read_bytes(source).decode("utf-8")


def flat(value: object) -> object:
    """A value GraphML/GEXF accept: lists and dicts become JSON text, scalars stay.

    >>> flat(["长治", "长治市"]), flat(3)
    ('["长治", "长治市"]', 3)
    """
    if isinstance(value, list | tuple | dict | set):
        return json.dumps(list(value) if isinstance(value, set | tuple) else value, ensure_ascii=False)
    return value


def flat_attrs(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` without ``None`` values, with lists and dicts as JSON text.

    >>> flat_attrs({"aliases": ["长治"], "level": None, "count": 2})
    {'aliases': '["长治"]', 'count': 2}
    """
    return {k: flat(v) for k, v in data.items() if v is not None}


def json_keys(graph: Any) -> list[str]:
    """The attribute names (of nodes or edges) holding lists or dicts, which :func:`flat` encodes.

    >>> import networkx as nx
    >>> g = nx.Graph(); g.add_node("a", aliases=["x"], label="a"); g.add_edge("a", "b", evidence=[])
    >>> json_keys(g)
    ['aliases', 'evidence']
    """
    attrs = [d for _, d in graph.nodes(data=True)] + [d for _, _, d in graph.edges(data=True)]
    return sorted({k for d in attrs for k, v in d.items() if isinstance(v, list | tuple | dict | set)})


def unflat_attrs(data: dict[str, Any], keys: tuple[str, ...] | set[str]) -> dict[str, Any]:
    """Decode the JSON text of ``keys`` in ``data`` back into lists and dicts.

    >>> unflat_attrs({"aliases": '["长治"]', "label": "[x]"}, ("aliases",))
    {'aliases': ['长治'], 'label': '[x]'}
    """
    out = dict(data)
    for key in keys:
        if isinstance(out.get(key), str):
            out[key] = json.loads(out[key]) if out[key] else []
    return out
