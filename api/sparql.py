"""Blueprint `sparql`: a read-only SPARQL 1.1 Protocol endpoint over the Oxigraph store.

* ``GET /sparql?query=…``, ``POST /sparql`` (form ``query=…`` or ``application/sparql-query``).
* SELECT/ASK answer SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE answer Turtle, N-Triples,
  JSON-LD or RDF/XML, chosen by ``format=`` or the ``Accept`` header.
* Updates and ``SERVICE`` are refused after tokenising the query (strings, IRIs and comments
  are skipped, ``\\u`` escapes decoded), so ``?service`` or ``"INSERT"`` stay allowed.
* Queries run in a pool of warm worker processes that open the store with
  ``Store.read_only``; a query still running at its deadline has its worker killed (a thread
  cannot stop an Oxigraph query) and a fresh worker takes its place. Each worker copies a store
  of at most ``sparql_memory_triples`` into memory in the background (header ``X-KG-Store``
  says which one answered). Jobs (over a Unix socket) and answers (over a pipe) cross as
  length-prefixed raw bytes (fixed binary headers; JSON only for a job's prefixes and graphs,
  when it has any). SPARQL JSON of a query whose own LIMIT is within the row limit is written
  by Oxigraph. A token in a third pipe, taken by the worker when its answer is ready or by the
  server at the deadline, decides who answers the client.
* ``GET /sparql?query=…`` is answered by :class:`QueryFastPath` before Flask's dispatch, with
  the same checks, formats and errors as the Flask view, which answers every other request.
  Under ``kg serve`` its query starts on a free worker as soon as the server has read the
  request (:func:`start_early`); a job may come with the client's socket, on which the worker
  writes a small answer's whole response itself (:func:`worker_main`).
* ``GET /sparql`` without a query, and ``GET /query``, show the query page.

>>> inspect_query("SELECT * WHERE { ?service ?p 'INSERT' }").form
'SELECT'
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import logging
import math
import os
import queue
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from flask import Blueprint, Flask, Response, current_app, render_template, request
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header
from werkzeug.utils import get_content_type

import api.data
from api.data import get_data
from api.errors import ApiError, QueryTimeout, as_api_error, error_response
from api.settings import setting
from kg.errors import UserError

bp = Blueprint("sparql", __name__)
logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Inspecting the query text

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<var>[?$]\w+)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<pname>[\w.\-]*:(?:[\w.\-:%]|\\.)*)
  | (?P<number>\d+)
  | (?P<word>[A-Za-z_]\w*)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
UPDATE_KEYWORDS = frozenset(
    ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH")
)
QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
_DEPTH = {"{": 1, "}": -1}


@dataclass(frozen=True)
class QueryInfo:
    """What the endpoint needs to know about a query before running it."""

    form: str | None
    prefixes: dict[str, str] = field(default_factory=dict)
    limit: int | None = None  # the LIMIT of the outermost query, if any


class RefusedQuery(ApiError):
    """An update or a SERVICE call sent to the read-only endpoint (403)."""

    def __init__(self, message: str) -> None:
        super().__init__(message, 403)


def _unescape(text: str) -> str:
    def char(m: re.Match[str]) -> str:
        try:
            return chr(int(m.group(1) or m.group(2), 16))
        except ValueError:
            return m.group(0)

    return _ESCAPE.sub(char, text)


def inspect_query(text: str) -> QueryInfo:
    """Tokenise a query; refuse updates and SERVICE; return its form and prefixes.

    >>> inspect_query('PREFIX ex: <http://ex/> ASK { ex:service ?p "SERVICE" }').prefixes
    {'ex': 'http://ex/'}
    >>> inspect_query("select * { service <http://x/> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    api.sparql.RefusedQuery: SERVICE is not allowed: this endpoint does not call other endpoints
    """
    tokens = [(m.lastgroup, m.group()) for m in _TOKEN.finditer(_unescape(text))]
    tokens = [(kind, value) for kind, value in tokens if kind not in ("ws", "comment")]
    words = [value.upper() for kind, value in tokens if kind == "word"]
    if "SERVICE" in words:
        raise RefusedQuery("SERVICE is not allowed: this endpoint does not call other endpoints")
    updates = UPDATE_KEYWORDS.intersection(words)
    if updates:
        raise RefusedQuery(f"updates are not allowed: this endpoint is read-only ({min(updates)})")
    form = next((w for w in words if w in QUERY_FORMS), None)
    prefixes = {}
    for i, (kind, value) in enumerate(tokens[:-2]):
        if (
            kind == "word"
            and value.upper() == "PREFIX"
            and (tokens[i + 1][0], tokens[i + 2][0])
            == (
                "pname",
                "iri",
            )
        ):
            prefixes[tokens[i + 1][1].rstrip(":")] = tokens[i + 2][1][1:-1]
    return QueryInfo(form, prefixes, _outer_limit(tokens))


def _outer_limit(tokens: list[tuple[str | None, str]]) -> int | None:
    """The number after a ``LIMIT`` outside every group (a subquery's LIMIT is inside braces).

    >>> _outer_limit([("word", "LIMIT"), ("number", "20")])
    20
    """
    depth, limit = 0, None
    for i, (kind, value) in enumerate(tokens):
        if kind == "other":
            depth += _DEPTH.get(value, 0)
        elif depth == 0 and kind == "word" and value.upper() == "LIMIT" and i + 1 < len(tokens):
            following = tokens[i + 1]
            limit = int(following[1]) if following[0] == "number" else None
    return limit


# ---------------------------------------------------------------------------
# Formats and content negotiation

SOLUTION_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
# format= value → (format for SELECT/ASK, format for CONSTRUCT/DESCRIBE)
FORMAT_NAMES: dict[str, tuple[str | None, str | None]] = {
    "json": ("json", "jsonld"),
    "srj": ("json", None),
    "xml": ("xml", "rdfxml"),
    "srx": ("xml", None),
    "csv": ("csv", None),
    "tsv": ("tsv", None),
    "turtle": (None, "turtle"),
    "ttl": (None, "turtle"),
    "ntriples": (None, "ntriples"),
    "n-triples": (None, "ntriples"),
    "nt": (None, "ntriples"),
    "jsonld": (None, "jsonld"),
    "json-ld": (None, "jsonld"),
    "rdfxml": (None, "rdfxml"),
    "rdf": (None, "rdfxml"),
}
FORMAT_NAMES.update({t: (n, None) for n, t in SOLUTION_TYPES.items()})
FORMAT_NAMES.update({t: (None, n) for n, t in GRAPH_TYPES.items()})
FORMAT_NAMES["application/json"] = ("json", "jsonld")

_ACCEPT_SOLUTIONS = [(t, n) for n, t in SOLUTION_TYPES.items()] + [
    ("application/json", "json"),
    ("application/xml", "xml"),
    ("text/xml", "xml"),
]
_ACCEPT_GRAPHS = [(t, n) for n, t in GRAPH_TYPES.items()] + [
    ("application/x-turtle", "turtle"),
    ("text/plain", "ntriples"),
    ("application/json", "jsonld"),
    ("application/xml", "rdfxml"),
    ("text/xml", "rdfxml"),
]


def negotiate(format_name: str | None, accept: Any) -> tuple[str | None, str | None]:
    """The formats for solution and for graph results, from ``format=`` or else ``Accept``.

    >>> negotiate("ttl", None)
    (None, 'turtle')
    """
    if format_name:
        try:
            return FORMAT_NAMES[format_name.strip().lower()]
        except KeyError:
            known = ", ".join(n for n in FORMAT_NAMES if "/" not in n)
            raise ApiError(f"unknown format {format_name!r}; use one of {known}") from None
    if accept is None:
        return "json", "turtle"
    solutions = accept.best_match([t for t, _ in _ACCEPT_SOLUTIONS])
    graphs = accept.best_match([t for t, _ in _ACCEPT_GRAPHS])
    return (
        dict(_ACCEPT_SOLUTIONS).get(solutions, "json") if solutions else "json",
        dict(_ACCEPT_GRAPHS).get(graphs, "turtle") if graphs else "turtle",
    )


# ---------------------------------------------------------------------------
# Running one query (inside a worker process)


@dataclass(frozen=True)
class QueryJob:
    """A query as sent to a worker."""

    query: str
    solutions_format: str | None = "json"
    graph_format: str | None = "turtle"
    max_rows: int = 10000
    prefixes: dict[str, str] = field(default_factory=dict)  # for Turtle and RDF/XML of graph results
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    limit: int | None = None  # the query's own outer LIMIT (see :func:`inspect_query`)


@dataclass
class QueryAnswer:
    """A worker's answer: a body ready to send, or an error with its status."""

    status: int
    body: bytes = b""
    media_type: str = "application/json"
    kind: str = ""
    rows: int = 0
    truncated: bool = False
    message: str = ""
    query_ms: float = 0.0  # time spent in the worker: evaluation and serialisation
    memory: bool = False  # answered from the worker's copy of the store in memory


def execute(store: Any, job: QueryJob) -> QueryAnswer:
    """Run a query on a pyoxigraph store and serialise at most ``max_rows`` results.

    >>> import pyoxigraph
    >>> execute(pyoxigraph.Store(), QueryJob("ASK { ?s ?p ?o }")).body
    b'{"head":{},"boolean":false}'
    """
    import pyoxigraph as ox

    kwargs: dict[str, Any] = {}
    if job.default_graphs:
        kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
    if job.named_graphs:
        kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
    try:
        result = store.query(job.query, **kwargs)
        if isinstance(result, ox.QueryBoolean):
            return _boolean_answer(result, job)
        if isinstance(result, ox.QuerySolutions):
            return _solutions_answer(result, job)
        return _graph_answer(result, job)
    except SyntaxError as err:
        return QueryAnswer(400, message=f"malformed query: {err}")
    except ValueError as err:
        return QueryAnswer(400, message=f"bad query: {err}")
    except Exception as err:  # evaluation errors of the engine
        return QueryAnswer(500, message=f"query failed: {type(err).__name__}: {err}")


def _wrong_format(kind: str) -> QueryAnswer:
    allowed = ", ".join(SOLUTION_TYPES if kind in ("solutions", "boolean") else GRAPH_TYPES)
    return QueryAnswer(406, message=f"this format does not apply to {kind} results; use one of {allowed}")


def _boolean_answer(result: Any, job: QueryJob) -> QueryAnswer:
    import pyoxigraph as ox

    fmt = job.solutions_format
    if fmt is None:
        return _wrong_format("boolean")
    if fmt == "json":
        body = b'{"head":{},"boolean":true}' if result else b'{"head":{},"boolean":false}'
    elif fmt == "xml":
        body = result.serialize(format=ox.QueryResultsFormat.XML)
    else:
        body = b"_askResult\r\n" + (b"true" if result else b"false") + b"\r\n"
    return QueryAnswer(200, body, SOLUTION_TYPES[fmt], "boolean", 1)


def _solutions_answer(result: Any, job: QueryJob) -> QueryAnswer:
    fmt = job.solutions_format
    if fmt is None:
        return _wrong_format("solutions")
    if fmt == "json" and job.limit is not None and job.limit <= job.max_rows:
        return _native_json_answer(result, job.max_rows)
    names = [v.value for v in result.variables]
    rows = []
    truncated = False
    for solution in result:
        if len(rows) == job.max_rows:
            truncated = True
            break
        rows.append(tuple(solution))
    body = _SOLUTION_WRITERS[fmt](names, rows, truncated)
    return QueryAnswer(200, body, SOLUTION_TYPES[fmt], "solutions", len(rows), truncated)


def _native_json_answer(result: Any, max_rows: int) -> QueryAnswer:
    """SPARQL JSON written by Oxigraph (the same bytes as :func:`_write_json`, faster).

    For a query whose own LIMIT is within the row limit, so that nothing needs cutting; the
    rows are counted from the written document (and still cut should there be too many).
    """
    import pyoxigraph as ox

    body = result.serialize(format=ox.QueryResultsFormat.JSON)
    doc = json.loads(body)
    rows = len(doc["results"]["bindings"])
    truncated = rows > max_rows
    if truncated:
        doc["results"]["bindings"] = doc["results"]["bindings"][:max_rows]
        doc["truncated"], rows = True, max_rows
        body = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()
    return QueryAnswer(200, body, SOLUTION_TYPES["json"], "solutions", rows, truncated)


def _graph_answer(result: Any, job: QueryJob) -> QueryAnswer:
    import pyoxigraph as ox

    fmt = job.graph_format
    if fmt is None:
        return _wrong_format("graph")
    triples = []
    truncated = False
    for triple in result:
        if len(triples) == job.max_rows:
            truncated = True
            break
        triples.append(triple)
    rdf_format = {
        "turtle": ox.RdfFormat.TURTLE,
        "ntriples": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
        "rdfxml": ox.RdfFormat.RDF_XML,
    }[fmt]
    prefixes = (default_prefixes() | job.prefixes) if fmt in ("turtle", "rdfxml") else None
    body = ox.serialize(triples, format=rdf_format, prefixes=prefixes or None)
    if fmt == "jsonld" and not triples:
        body = b"[]"
    return QueryAnswer(200, body, GRAPH_TYPES[fmt], "graph", len(triples), truncated)


@functools.cache
def default_prefixes() -> dict[str, str]:
    """The prefixes of the kg vocabulary, for readable Turtle (a query's own PREFIXes win)."""
    try:
        from kg.rdf import PREFIXES
    except ImportError:
        return {}
    return dict(PREFIXES)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _json_term(term: Any) -> dict[str, Any]:
    kind = type(term).__name__
    if kind == "NamedNode":
        return {"type": "uri", "value": term.value}
    if kind == "BlankNode":
        return {"type": "bnode", "value": term.value}
    if kind == "Literal":
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    return {
        "type": "triple",
        "value": {
            "subject": _json_term(term.subject),
            "predicate": _json_term(term.predicate),
            "object": _json_term(term.object),
        },
    }


def _write_json(names: list[str], rows: list[tuple], truncated: bool) -> bytes:
    bindings = [
        {name: _json_term(term) for name, term in zip(names, row, strict=True) if term is not None}
        for row in rows
    ]
    doc: dict[str, Any] = {"head": {"vars": names}, "results": {"bindings": bindings}}
    if truncated:
        doc["truncated"] = True
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def _xml_term(term: Any) -> str:
    kind = type(term).__name__
    if kind == "NamedNode":
        return f"<uri>{escape(term.value)}</uri>"
    if kind == "BlankNode":
        return f"<bnode>{escape(term.value)}</bnode>"
    if kind == "Literal":
        if term.language:
            return f"<literal xml:lang={quoteattr(term.language)}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    return (
        f"<triple><subject>{_xml_term(term.subject)}</subject><predicate>{_xml_term(term.predicate)}"
        f"</predicate><object>{_xml_term(term.object)}</object></triple>"
    )


def _write_xml(names: list[str], rows: list[tuple], truncated: bool) -> bytes:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">']
    out.append("<head>" + "".join(f"<variable name={quoteattr(n)}/>" for n in names) + "</head>")
    out.append("<results>")
    for row in rows:
        out.append("<result>")
        for name, term in zip(names, row, strict=True):
            if term is not None:
                out.append(f"<binding name={quoteattr(name)}>{_xml_term(term)}</binding>")
        out.append("</result>")
    out.append("</results></sparql>\n")
    return "".join(out).encode()


def _csv_value(term: Any) -> str:
    if term is None:
        return ""
    kind = type(term).__name__
    if kind == "BlankNode":
        return f"_:{term.value}"
    if kind in ("NamedNode", "Literal"):
        return term.value
    return str(term)


def _write_csv(names: list[str], rows: list[tuple], truncated: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(names)
    writer.writerows([_csv_value(t) for t in row] for row in rows)
    return buffer.getvalue().encode()


def _write_tsv(names: list[str], rows: list[tuple], truncated: bool) -> bytes:
    lines = ["\t".join(f"?{n}" for n in names)]
    lines.extend("\t".join("" if t is None else str(t) for t in row) for row in rows)
    return ("\n".join(lines) + "\n").encode()


_SOLUTION_WRITERS = {"json": _write_json, "xml": _write_xml, "csv": _write_csv, "tsv": _write_tsv}


# ---------------------------------------------------------------------------
# The pipes between the server and its workers: length-prefixed frames of raw bytes

_FRAME = struct.Struct("<I")
_FIRST_READ = 1 << 16  # bytes asked by the first read of a frame
# an answer's header: status, kind, media type, rows, truncated, from the memory copy, ms in the worker
_ANSWER = struct.Struct("<HBB I ??d")
# "sent": the worker wrote the response to the client itself (the body: what the socket did not
# take); "lost": the client's socket failed while the worker wrote to it
_KINDS = ("", "ready", "boolean", "solutions", "graph", "sent", "lost")
_MEDIA_TYPES = ("application/json", *SOLUTION_TYPES.values(), *GRAPH_TYPES.values())


def write_frame(fd: int, *parts: bytes) -> None:
    """Write one frame (its length, then its parts) to a pipe without joining the parts.

    >>> r, w = os.pipe()
    >>> write_frame(w, b"ab", b"c")
    >>> read_frame(r)
    b'abc'
    >>> os.close(r); os.close(w)
    """
    chunks = [_FRAME.pack(sum(map(len, parts))), *parts]
    while chunks:
        written = os.writev(fd, chunks)
        while chunks and written >= len(chunks[0]):
            written -= len(chunks.pop(0))
        if chunks and written:
            chunks[0] = chunks[0][written:]


def read_frame(fd: int, start: bytes = b"") -> bytes:
    """Read one frame written by :func:`write_frame` (``start``: its first bytes, already read);
    EOFError when the other end is closed.

    A small frame takes one ``read``: the pipes carry one frame at a time (a job, then its
    answer), so reading ahead cannot take bytes of the next frame; more bytes than the frame
    announces mean a broken pipe protocol (OSError).
    """
    data = start or os.read(fd, _FIRST_READ)
    if len(data) < _FRAME.size:
        data += _read_exactly(fd, _FRAME.size - len(data)) if data else b""
        if len(data) < _FRAME.size:
            raise EOFError("the pipe was closed")
    (size,) = _FRAME.unpack_from(data)
    body = data[_FRAME.size :]
    if len(body) > size:
        raise OSError("a pipe carried more than one frame")
    if len(body) < size:
        body += _read_exactly(fd, size - len(body))
    return body


def _read_exactly(fd: int, size: int) -> bytes:
    data = os.read(fd, size) if size else b""
    if len(data) == size:
        return data
    chunks = [data]
    missing = size - len(data)
    while data and missing:
        data = os.read(fd, min(missing, 1 << 20))
        chunks.append(data)
        missing -= len(data)
    if missing:
        raise EOFError("the pipe was closed in the middle of a frame")
    return b"".join(chunks)


# a job's header: solutions and graph format (255: none), row limit, the query's own LIMIT (-1:
# none), length of the options (JSON of prefixes and graphs, only when there are any); then the
# options, then the query text
_JOB = struct.Struct("<BBQqI")
_FORMATS = (*SOLUTION_TYPES, *GRAPH_TYPES)
_NO_FORMAT = 255
_MAX_NUMBER = (1 << 63) - 1  # a larger LIMIT or row limit is as good as no limit


def encode_job(job: QueryJob) -> bytes:
    """A job as the bytes a worker reads: a fixed header, the options if any, the query text.

    >>> job = QueryJob("ASK {}", "csv", None, 5, {"ex": "http://ex/"}, ("http://g/",), (), 10**30)
    >>> back = decode_job(encode_job(job))
    >>> back.limit == _MAX_NUMBER, back.prefixes, back.default_graphs, back.graph_format
    (True, {'ex': 'http://ex/'}, ('http://g/',), None)
    """
    options = b""
    if job.prefixes or job.default_graphs or job.named_graphs:
        fields = [job.prefixes, job.default_graphs, job.named_graphs]
        options = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode()
    header = _JOB.pack(
        _NO_FORMAT if job.solutions_format is None else _FORMATS.index(job.solutions_format),
        _NO_FORMAT if job.graph_format is None else _FORMATS.index(job.graph_format),
        min(job.max_rows, _MAX_NUMBER),
        -1 if job.limit is None else min(job.limit, _MAX_NUMBER),
        len(options),
    )
    return header + options + job.query.encode()


def decode_job(data: bytes) -> QueryJob:
    """The job of :func:`encode_job`."""
    solutions, graph, max_rows, limit, size = _JOB.unpack_from(data)
    start = _JOB.size
    prefixes: dict[str, str] = {}
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    if size:
        prefixes, default_list, named_list = json.loads(data[start : start + size])
        default_graphs, named_graphs = tuple(default_list), tuple(named_list)
    return QueryJob(
        data[start + size :].decode(),
        None if solutions == _NO_FORMAT else _FORMATS[solutions],
        None if graph == _NO_FORMAT else _FORMATS[graph],
        max_rows,
        prefixes,
        default_graphs,
        named_graphs,
        None if limit < 0 else limit,
    )


def encode_answer(answer: QueryAnswer) -> tuple[bytes, bytes]:
    """An answer as a fixed header and its body (the error message for errors).

    >>> decode_answer(b"".join(encode_answer(QueryAnswer(400, message="bad"))))
    QueryAnswer(status=400, body=b'', media_type='application/json', kind='', rows=0, truncated=False, \
message='bad', query_ms=0.0, memory=False)
    """
    header = _ANSWER.pack(
        answer.status,
        _KINDS.index(answer.kind),
        _MEDIA_TYPES.index(answer.media_type),
        answer.rows,
        answer.truncated,
        answer.memory,
        answer.query_ms,
    )
    return header, answer.body if answer.status == 200 else answer.message.encode()


def decode_answer(data: bytes) -> QueryAnswer:
    """The answer of :func:`encode_answer`."""
    status, kind, media, rows, truncated, memory, query_ms = _ANSWER.unpack_from(data)
    body = data[_ANSWER.size :]
    if status != 200:
        return QueryAnswer(status, message=body.decode(), query_ms=query_ms, memory=memory)
    return QueryAnswer(status, body, _MEDIA_TYPES[media], _KINDS[kind], rows, truncated, "", query_ms, memory)


# ---------------------------------------------------------------------------
# The pool of worker processes


class _StoreCopy:
    """The store a worker answers from: the on-disk store, then its copy in memory once loaded."""

    def __init__(self, store: Any) -> None:
        self.store = store
        self.memory = False

    def load_into_memory(self, max_triples: int) -> None:
        """Copy the store into memory when it has at most ``max_triples`` (run in a thread).

        The dump and the bulk load run outside the GIL, so the worker keeps answering from disk.
        """
        import pyoxigraph as ox

        disk = self.store
        try:
            if max_triples <= 0 or len(disk) > max_triples:
                return
            memory = ox.Store()
            read_end, write_end = os.pipe()
            dumper = threading.Thread(target=_dump_nquads, args=(disk, write_end), daemon=True)
            dumper.start()
            with open(read_end, "rb", buffering=1 << 20) as source:
                memory.bulk_load(source, format=ox.RdfFormat.N_QUADS)
            dumper.join()
        except Exception:  # the worker answers from disk
            logger.exception("cannot copy the SPARQL store into memory")
            return
        self.store, self.memory = memory, True


def _dump_nquads(store: Any, fd: int) -> None:
    import pyoxigraph as ox

    with open(fd, "wb", buffering=1 << 20) as sink:
        store.dump(sink, format=ox.RdfFormat.N_QUADS)


DIRECT_BYTES = 1 << 16
"""Largest body a worker writes to the client itself (with the head, in one write)."""

# a job's delivery header: time.monotonic() when the pool took the job (for X-KG-Time-Ms), length
# of the server's ident (the Server header); then the ident. A job that comes with the client's
# socket is answered on it (:func:`_answer_directly`).
_DELIVERY = struct.Struct("<dH")


def encode_delivery(began: float, ident: str) -> bytes:
    """The delivery header of a job (see :func:`decode_delivery`)."""
    name = ident.encode("latin-1")
    return _DELIVERY.pack(began, len(name)) + name


def decode_delivery(data: bytes) -> tuple[float, str, int]:
    """The time the job was taken, the server's ident, and where the job's own bytes start.

    >>> decode_delivery(encode_delivery(1.5, "waitress") + b"job")
    (1.5, 'waitress', 18)
    """
    began, size = _DELIVERY.unpack_from(data)
    end = _DELIVERY.size + size
    return began, data[_DELIVERY.size : end].decode("latin-1"), end


def read_job(sock: socket.socket) -> tuple[bytes, int]:
    """A job frame from the job socket and the client socket sent with it (-1 without one);
    EOFError when the server closed the socket."""
    data, fds, _, _ = socket.recv_fds(sock, _FIRST_READ, 1)
    fd = fds[0] if fds else -1
    for extra in fds[1:]:
        os.close(extra)
    if len(data) < _FRAME.size:
        more = _read_socket(sock, _FRAME.size - len(data)) if data else b""
        data += more
        if len(data) < _FRAME.size:
            if fd >= 0:
                os.close(fd)
            raise EOFError("the job socket was closed")
    (size,) = _FRAME.unpack_from(data)
    body = data[_FRAME.size :]
    if len(body) < size:
        body += _read_socket(sock, size - len(body))
    elif len(body) > size:
        raise OSError("the job socket carried more than one frame")
    return body, fd


def _read_socket(sock: socket.socket, size: int) -> bytes:
    chunks = []
    while size:
        data = sock.recv(min(size, 1 << 20))
        if not data:
            raise EOFError("the job socket was closed in the middle of a frame")
        chunks.append(data)
        size -= len(data)
    return b"".join(chunks)


def _take_token(fd: int) -> bool:
    """Take the job's token from the token pipe (non-blocking): whoever takes it, the worker when
    its answer is ready or the server at the deadline, owns the response."""
    try:
        return os.read(fd, 1) == b"t"
    except BlockingIOError:
        return False


def _answer_directly(fd: int, answer: QueryAnswer, began: float, ident: str) -> QueryAnswer:
    """Write a small answer's whole response to the client's socket (non-blocking, one write): the
    report for the server says what the socket did not take, or that the connection failed."""
    from kg.commands.serve import response_head, server_headers

    body = answer.body
    headers = answer_headers(answer, (time.monotonic() - began) * 1000)
    headers.append(("Content-Length", str(len(body))))
    head = response_head("200 OK", server_headers(headers, ident, time.time()))
    try:
        sent = os.writev(fd, (head, body))
    except BlockingIOError:
        sent = 0
    except OSError:
        sent = -1
    report = QueryAnswer(200, kind="sent" if sent >= 0 else "lost", rows=answer.rows)
    report.truncated, report.query_ms, report.memory = answer.truncated, answer.query_ms, answer.memory
    if 0 <= sent < len(head) + len(body):
        report.body = (head + body)[sent:]
    return report


def worker_main(argv: list[str]) -> None:
    """A worker process: ``STORE_PATH JOB_FD ANSWER_FD MEMORY_TRIPLES TOKEN_FD``; open the store
    read-only, copy it into memory in the background when small enough, answer jobs until the
    parent closes the job socket (or dies).

    Each job has a token in the token pipe (put there before the job, while the worker is
    idle). The worker takes it once its answer is ready; without it (the server took it at the
    deadline) it writes nothing and waits to be killed. A job sent with the client's socket
    (non-blocking, as waitress keeps it) and whose answer is a 200 of at most ``DIRECT_BYTES``
    is answered on that socket, and the server gets a report ("sent") instead of the answer.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import pyoxigraph

    store_path, job_fd, answer_fd = argv[0], int(argv[1]), int(argv[2])
    memory_triples = int(argv[3]) if len(argv) > 3 else 0
    token_fd = int(argv[4])
    jobs = socket.socket(fileno=job_fd)
    try:
        copy = _StoreCopy(pyoxigraph.Store.read_only(store_path))
    except Exception as err:
        write_frame(answer_fd, *encode_answer(QueryAnswer(500, message=f"cannot open the store: {err}")))
        return
    import kg.commands.serve  # noqa: F401  (the response head of direct answers)

    write_frame(answer_fd, *encode_answer(QueryAnswer(200, kind="ready")))
    threading.Thread(target=copy.load_into_memory, args=(memory_triples,), daemon=True).start()
    while True:
        try:
            frame, client = read_job(jobs)
        except (EOFError, OSError):
            return
        try:
            began, ident, start = decode_delivery(frame)
            job = decode_job(frame[start:])
            started = time.perf_counter()
            store, memory = copy.store, copy.memory
            answer = execute(store, job)
            answer.query_ms, answer.memory = (time.perf_counter() - started) * 1000, memory
            if not _take_token(token_fd):
                continue  # past the deadline: the server answers, and kills this worker
            if client >= 0 and answer.status == 200 and len(answer.body) <= DIRECT_BYTES:
                answer = _answer_directly(client, answer, began, ident)
            write_frame(answer_fd, *encode_answer(answer))
        finally:
            if client >= 0:
                os.close(client)


@dataclass(eq=False)
class _Worker:
    """A worker process, the server's end of its job socket, its answer pipe and its token pipe."""

    process: subprocess.Popen
    jobs: socket.socket
    answers: int
    token_read: int
    token_write: int
    poller: Any = None
    read_ahead: bytes = b""  # the first bytes of an answer, read by answer_arrived

    def __post_init__(self) -> None:
        self.poller = select.poll()
        self.poller.register(self.answers, select.POLLIN)

    def wait(self, timeout: float) -> bool:
        """Whether an answer (or the end of the pipe) arrives within ``timeout`` seconds."""
        return bool(self.poller.poll(max(round(timeout * 1000), 0)))

    def send(self, job: QueryJob, began: float, client: tuple[int, str] | None = None) -> None:
        """Send a job (the answer is read by :meth:`receive`; its token is in the pipe already);
        with ``client`` (the client's socket and the server's ident) the worker may answer on
        that socket."""
        delivery = encode_delivery(began, client[1] if client else "")
        job_bytes = encode_job(job)
        frame = b"".join((_FRAME.pack(len(delivery) + len(job_bytes)), delivery, job_bytes))
        if client is None:
            self.jobs.sendall(frame)
            return
        sent = socket.send_fds(self.jobs, [frame], [client[0]])
        if sent < len(frame):
            self.jobs.sendall(frame[sent:])

    def receive(self, timeout: float) -> QueryAnswer | None:
        """The answer to the job sent, or None when ``timeout`` seconds pass first."""
        start, self.read_ahead = self.read_ahead, b""
        if not start and not self.wait(timeout):
            return None
        return decode_answer(read_frame(self.answers, start))

    def answer_arrived(self) -> bool:
        """For a server loop told that the answer pipe is readable: read what it holds, without
        waiting, and say whether that is a whole answer (:meth:`receive` then returns it at once)."""
        if not self.wait(0):
            return False
        data = os.read(self.answers, _FIRST_READ)
        self.read_ahead += data
        if not data or len(self.read_ahead) < _FRAME.size:
            return False
        return len(self.read_ahead) - _FRAME.size >= _FRAME.unpack_from(self.read_ahead)[0]

    def give_token(self) -> None:
        """Put the token of the next job in the pipe (an idle worker holds one, unread)."""
        os.write(self.token_write, b"t")

    def take_token(self) -> bool:
        """Take the job's token before the worker does: it then writes nothing for this job."""
        return _take_token(self.token_read)

    def stop(self) -> None:
        """Kill the process and close its pipes (once: a closed descriptor number may be reused)."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        fds, self.answers, self.token_read, self.token_write = (
            (self.answers, self.token_read, self.token_write),
            -1,
            -1,
            -1,
        )
        self.jobs.close()
        for fd in fds:
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)


@dataclass(eq=False)
class StartedQuery:
    """A job a worker is running: the pool answers it with :meth:`QueryPool.finish`."""

    pool: QueryPool
    worker: _Worker
    deadline: float  # time.monotonic() at which the worker is killed
    limit_ms: int
    began: float  # time.monotonic() when the job was given to the pool
    direct: bool = False  # sent with the client's socket: the worker may answer on it
    outcome: QueryAnswer | ApiError | None = None  # what finish gave, once awaited (EarlyStart.wait)


_spawn_lock = threading.Lock()


def _start_worker(store_path: str, timeout: float, memory_triples: int = 0) -> _Worker:
    """Start a worker in a fresh interpreter (no fork of this threaded process) and wait until ready."""
    server_end, worker_end = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    job_r = worker_end.detach()
    answer_r, answer_w = os.pipe()
    token_r, token_w = os.pipe()
    os.set_blocking(token_r, False)  # both ends of it take the token without waiting
    package_root = str(Path(__file__).resolve().parent.parent)
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    }
    code = "import sys; from api.sparql import worker_main; worker_main(sys.argv[1:])"
    try:
        with _spawn_lock:  # one Popen at a time: no child inherits another one's pipe ends
            process = subprocess.Popen(
                [sys.executable, "-c", code, store_path, str(job_r), str(answer_w), str(memory_triples)]
                + [str(token_r)],
                pass_fds=(job_r, answer_w, token_r),
                stdin=subprocess.DEVNULL,
                env=env,
            )
    finally:
        os.close(job_r)
        os.close(answer_w)
    worker = _Worker(process, server_end, answer_r, token_r, token_w)
    try:
        hello = decode_answer(read_frame(answer_r)) if worker.wait(timeout) else None
    except (EOFError, OSError):
        hello = None
    if hello is None or hello.kind != "ready":
        worker.stop()
        raise ApiError(hello.message if hello else "a SPARQL worker did not start", 503)
    worker.give_token()
    return worker


class QueryPool:
    """Warm worker processes; one query at a time each; killed and replaced at the deadline.

    ``memory_triples``: workers copy a store of at most this many triples into memory.

    >>> QueryPool.__name__
    'QueryPool'
    """

    START_TIMEOUT = 60.0

    def __init__(self, store_path: str | Path, size: int = 2, memory_triples: int = 0) -> None:
        if not Path(store_path).is_dir():
            raise ApiError(f"no SPARQL store at {store_path}; rebuild the graph directory", 503)
        self.store_path = str(store_path)
        self.size = size
        self.memory_triples = memory_triples
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
        self._waiting = 0  # requests waiting for a free worker
        self._closed = False
        starters = [threading.Thread(target=self._add_worker) for _ in range(size)]
        for t in starters:
            t.start()
        for t in starters:
            t.join()
        if self._idle.empty():
            raise ApiError("no SPARQL worker could start; see the server log", 503)

    def _add_worker(self) -> None:
        """Start one worker and make it available (run in a thread)."""
        try:
            worker = _start_worker(self.store_path, self.START_TIMEOUT, self.memory_triples)
        except ApiError:
            logger.exception("cannot start a SPARQL worker")
            return
        with self._lock:
            if self._closed:
                worker.stop()
                return
            self._workers.add(worker)
        self._idle.put(worker)

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker now; start its successor in the background."""
        with self._lock:
            self._workers.discard(worker)
        worker.stop()
        if not self._closed:
            threading.Thread(target=self._add_worker, daemon=True, name="kg-sparql-renew").start()

    def start(
        self, job: QueryJob, timeout: float, wait: bool = True, client: tuple[int, str] | None = None
    ) -> StartedQuery | None:
        """Send a job to a free worker, waiting for one within ``timeout`` seconds.

        With ``wait=False`` there is no waiting: None when no worker is free now or when a
        request already waits for one (it keeps its turn). With ``client`` (the client's socket
        and the server's ident) the worker may write the response itself (see :func:`worker_main`).
        """
        began = time.monotonic()
        deadline = time.monotonic() + timeout
        limit_ms = round(timeout * 1000)
        if not wait:
            if self._waiting:
                return None
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return None
        else:
            with self._lock:
                self._waiting += 1
            try:
                worker = self._idle.get(timeout=max(timeout, 0))
            except queue.Empty:
                raise QueryTimeout(
                    f"no SPARQL worker became free within the time limit of {limit_ms} ms",
                    time_limit_ms=limit_ms,
                ) from None
            finally:
                with self._lock:
                    self._waiting -= 1
        try:
            worker.send(job, began, client)
        except OSError:
            self._replace(worker)
            raise ApiError("the SPARQL worker died while answering (out of memory?)", 500) from None
        return StartedQuery(self, worker, deadline, limit_ms, began, client is not None)

    GRACE_SECONDS = 1.0
    """How long past the deadline the answer of a worker that took its token may take to come."""

    def finish(self, started: StartedQuery) -> QueryAnswer:
        """The answer to a started job, or its error once its deadline passes (the worker is
        then killed and replaced).

        At the deadline the pool takes the job's token, so that the worker writes nothing more;
        a worker that took it first has its answer ready, which is awaited a little longer. An
        answer of kind "sent" means the worker wrote the response itself; "lost" that the
        client's connection cannot carry a response any more (the worker failed while it may
        have been writing to it).
        """
        outcome = started.outcome
        if isinstance(outcome, ApiError):
            raise outcome
        if outcome is not None:
            return outcome
        worker = started.worker
        try:
            answer = worker.receive(started.deadline - time.monotonic())
            if answer is None and not worker.take_token():
                answer = worker.receive(self.GRACE_SECONDS)  # ready at the deadline: on its way
                if answer is None:
                    self._replace(worker)
                    return self._failed(started, QueryTimeout, True)
        except (EOFError, OSError):
            had_token = not worker.take_token()
            self._replace(worker)
            return self._failed(started, ApiError, had_token)
        if answer is None:
            self._replace(worker)
            return self._failed(started, QueryTimeout, False)
        worker.give_token()  # the worker took this job's token
        self._idle.put(worker)
        return answer

    @staticmethod
    def _failed(started: StartedQuery, error: type[ApiError], worker_had_token: bool) -> QueryAnswer:
        """The error of a job its worker did not answer; "lost" when the worker may have been
        writing the response to the client itself."""
        if started.direct and worker_had_token:
            return QueryAnswer(200, kind="lost")
        if error is QueryTimeout:
            raise QueryTimeout(
                f"query exceeded the time limit of {started.limit_ms} ms and was stopped",
                time_limit_ms=started.limit_ms,
            )
        raise ApiError("the SPARQL worker died while answering (out of memory?)", 500)

    def run(self, job: QueryJob, timeout: float) -> QueryAnswer:
        """Answer a job within ``timeout`` seconds (waiting for a free worker included)."""
        started = self.start(job, timeout)
        assert started is not None
        return self.finish(started)

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._workers)
            self._workers.clear()
        for worker in workers:
            worker.stop()


_pool_lock = threading.Lock()


def get_pool(app: Flask | None = None) -> QueryPool:
    """The worker pool of an app, started on first use (and again after a rebuild).

    The graph directory is looked at (``get_data``, which notices a rebuild and retires the old
    pool) at most once per ``api.data.RELOAD_CHECK_SECONDS``; in between the pool is returned
    at once.
    """
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    pool = _checked_pool(app)
    if pool is not None:
        return pool
    extensions = app.extensions
    now = time.monotonic()
    with app.app_context():
        data = get_data()  # notices a rebuilt graph directory, which retires the old pool
    extensions["kg.sparql_pool_checked"] = now
    pool = app.extensions.get("kg.sparql_pool")
    if pool is None:
        with _pool_lock:
            pool = app.extensions.get("kg.sparql_pool")
            if pool is None:
                if data.store_path is None:
                    raise ApiError("this graph directory has no SPARQL store", 503)
                values = app.config["KG_SETTINGS"]
                pool = QueryPool(data.store_path, values["sparql_workers"], values["sparql_memory_triples"])
                app.extensions["kg.sparql_pool"] = pool
    return pool


def _checked_pool(app: Flask) -> QueryPool | None:
    """The pool of an app if the graph directory was looked at within the reload interval."""
    extensions = app.extensions
    pool = extensions.get("kg.sparql_pool")
    checked = extensions.get("kg.sparql_pool_checked", -math.inf)
    if pool is not None and time.monotonic() - checked < api.data.RELOAD_CHECK_SECONDS:
        return pool
    return None


def close_pool(app: Flask) -> None:
    """Stop the workers of an app (at shutdown, and after tests)."""
    pool = app.extensions.pop("kg.sparql_pool", None)
    if pool is not None:
        pool.close()


# ---------------------------------------------------------------------------
# Routes

_PROLOGUE = "PREFIX kg: <https://kg.example.org/ns#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
EXAMPLES: list[tuple[str, str]] = [
    (
        "Entities by type",
        "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)",
    ),
    (
        "Strongest co-occurrences",
        _PROLOGUE + "SELECT ?a ?b ?weight WHERE {\n"
        "  ?c a kg:Cooccurrence ; kg:between ?x, ?y ; kg:weight ?weight .\n"
        "  FILTER(STR(?x) < STR(?y))\n"
        "  ?x rdfs:label ?a . ?y rdfs:label ?b .\n"
        "} ORDER BY DESC(?weight) LIMIT 20",
    ),
    (
        "Neighbours of one entity",
        _PROLOGUE + "SELECT ?other ?label ?weight WHERE {\n"
        '  ?e rdfs:label "长治市"@zh .\n'
        "  ?c kg:between ?e, ?other ; kg:weight ?weight .\n"
        "  FILTER(?other != ?e)\n"
        "  ?other rdfs:label ?label .\n"
        "} ORDER BY DESC(?weight) LIMIT 50",
    ),
    (
        "Most connected entities",
        _PROLOGUE + "SELECT ?label (COUNT(?c) AS ?degree) WHERE {\n"
        "  ?c a kg:Cooccurrence ; kg:between ?e .\n"
        "  ?e rdfs:label ?label .\n"
        "} GROUP BY ?e ?label ORDER BY DESC(?degree) LIMIT 20",
    ),
    (
        "Labels containing 长治",
        _PROLOGUE + "SELECT ?s ?label WHERE {\n"
        "  ?s rdfs:label ?label .\n"
        '  FILTER(CONTAINS(STR(?label), "长治"))\n'
        "} LIMIT 50",
    ),
    ("Count triples", "SELECT (COUNT(*) AS ?triples) WHERE { ?s ?p ?o }"),
    ("A sample as Turtle (CONSTRUCT)", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 30"),
    ("Any data? (ASK)", "ASK { ?s ?p ?o }"),
]


@dataclass(frozen=True)
class ProtocolRequest:
    """The parameters of one query operation of the SPARQL protocol, as the client sent them."""

    query: str
    format_name: str | None = None
    accept: str | None = None  # the Accept header
    timeout_ms: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@functools.lru_cache(maxsize=1024)
def _checked_query(text: str) -> QueryInfo:
    """:func:`inspect_query`, remembered for repeated query texts (refusals are not remembered)."""
    return inspect_query(text)


@functools.lru_cache(maxsize=256)
def _formats_for_accept(header: str | None) -> tuple[str | None, str | None]:
    return negotiate(None, None if header is None else parse_accept_header(header, MIMEAccept))


@functools.lru_cache(maxsize=32)
def _content_type(media_type: str) -> str:
    return get_content_type(media_type, "utf-8")


def time_limit(limit_ms: int, asked: str | None) -> float:
    """The server's time limit in seconds, lowered by ``timeout=`` (ms) if the client asks.

    >>> time_limit(5000, "300"), time_limit(5000, None), time_limit(200, "900")
    (0.3, 5.0, 0.2)
    """
    if asked:
        try:
            limit_ms = min(limit_ms, max(int(asked), 1))
        except ValueError:
            raise ApiError(f"timeout must be a number of milliseconds, not {asked!r}") from None
    return limit_ms / 1000


def prepare_job(app: Flask, req: ProtocolRequest) -> tuple[QueryJob, float]:
    """The checked job of a protocol request and its time limit in seconds (refusals and bad
    parameters raise :class:`ApiError`)."""
    values = app.config["KG_SETTINGS"]
    info = _checked_query(req.query)
    if req.format_name:
        solutions_format, graph_format = negotiate(req.format_name, None)
    else:
        solutions_format, graph_format = _formats_for_accept(req.accept)
    job = QueryJob(
        req.query,
        solutions_format,
        graph_format,
        values["sparql_max_rows"],
        {} if info.form in ("SELECT", "ASK") else info.prefixes,  # only graph results use them
        req.default_graphs,
        req.named_graphs,
        info.limit,
    )
    return job, time_limit(values["sparql_time_limit_ms"], req.timeout_ms)


def answer_query(app: Flask, req: ProtocolRequest) -> tuple[bytes, list[tuple[str, str]]]:
    """Run one protocol request on the app's workers: the body and headers of the response."""
    job, limit = prepare_job(app, req)
    started = get_pool(app).start(job, limit)
    assert started is not None
    return finish_query(started)


def finish_query(started: StartedQuery) -> tuple[bytes, list[tuple[str, str]]]:
    """Wait for a started query: the body and headers of the response (errors raise)."""
    answer = started.pool.finish(started)
    if answer.status != 200:
        raise ApiError(answer.message, answer.status)
    if answer.kind in ("sent", "lost"):
        raise RuntimeError("the worker answered the client itself; the server sends nothing more")
    return answer.body, answer_headers(answer, (time.monotonic() - started.began) * 1000)


def answer_headers(answer: QueryAnswer, elapsed_ms: float) -> list[tuple[str, str]]:
    """The headers of a 200 response with an answer, ``elapsed_ms`` after the pool took the job
    (in the server, or in the worker that answers the client itself)."""
    return [
        ("Content-Type", _content_type(answer.media_type)),
        ("X-KG-Rows", str(answer.rows)),
        ("X-KG-Truncated", "true" if answer.truncated else "false"),
        ("X-KG-Time-Ms", f"{elapsed_ms:.2f}"),
        ("X-KG-Query-Ms", f"{answer.query_ms:.2f}"),
        ("X-KG-Store", "memory" if answer.memory else "disk"),
        ("Vary", "Accept"),
        ("Access-Control-Allow-Origin", "*"),
    ]


EARLY_START_KEY = "kg.sparql.early_start"
"""The WSGI environ key of an :class:`EarlyStart` (set by ``kg serve``'s server)."""


@dataclass(eq=False)
class EarlyStart:
    """A GET query started on a worker as soon as the server had read the request.

    The fast path claims it when the request it handles is this one; one left unclaimed
    (the client went away, or the application answered something else) is released: its
    answer is awaited and dropped, so that its worker goes back to the pool.
    """

    request: ProtocolRequest
    started: StartedQuery
    claimed: bool = False

    def claim(self, request: ProtocolRequest) -> bool:
        """Whether this start answers ``request`` (only once)."""
        if self.claimed or request != self.request:
            return False
        self.claimed = True
        return True

    def wait(self) -> QueryAnswer | None:
        """Wait for the query's answer and keep it (or its error) for :func:`finish_query`; the
        answer, None for an error. For a query started with the client's socket, the server
        looks at the answer before it writes anything: of kind "sent", the worker has written
        the response itself."""
        started = self.started
        try:
            answer = started.pool.finish(started)
        except ApiError as err:
            started.outcome = err
            return None
        started.outcome = answer
        return answer

    def release(self) -> None:
        """Wait for an unclaimed query and give its worker back (errors are dropped)."""
        if self.claimed:
            return
        self.claimed = True
        with contextlib.suppress(ApiError):
            self.started.pool.finish(self.started)


def start_early(
    app: Flask, query_string: str, accept: str | None, client: tuple[int, str] | None = None
) -> EarlyStart | None:
    """Start the query of ``GET /sparql?QUERY_STRING`` at once, without waiting.

    For the server's own loop, before a thread takes the request: nothing here waits (no
    free worker, a request already waiting for one, or a graph directory due for a look at
    its ``build_id`` all give None) and nothing raises (a request this cannot start is
    answered as usual, errors included). With ``client`` (the client's socket and the server's
    ident) the worker writes a small answer's response to the client itself.

    >>> start_early(Flask(__name__), "query=ASK+%7B%7D", None) is None  # no pool yet
    True
    """
    try:
        pool = _checked_pool(app)
        request = _parse_query_string(query_string, accept)
        if pool is None or request is None:
            return None
        job, limit = prepare_job(app, request)
        started = pool.start(job, limit, wait=False, client=client)
    except Exception:
        return None
    return None if started is None else EarlyStart(request, started)


def _read_query() -> ProtocolRequest | None:
    """The query operation of a Flask request (None without a query); refuses update operations."""
    values = request.values
    if "update" in values:
        raise RefusedQuery("updates are not allowed: this endpoint is read-only")
    query = values.get("query")
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == "application/sparql-update":
            raise RefusedQuery("updates are not allowed: this endpoint is read-only")
        if mimetype == "application/sparql-query":
            query = request.get_data(as_text=True)
        elif mimetype not in ("application/x-www-form-urlencoded", "multipart/form-data"):
            raise ApiError("send the query as application/sparql-query or as the form field 'query'", 415)
        elif not query:
            raise ApiError("missing parameter 'query'")
    if not query:
        return None
    return ProtocolRequest(
        query,
        values.get("format"),
        request.headers.get("Accept"),
        values.get("timeout"),
        tuple(values.getlist("default-graph-uri")),
        tuple(values.getlist("named-graph-uri")),
    )


@bp.route("/query")
def query_page() -> str:
    """The query page: an editor, example queries, results as a table (``?query=`` fills the editor)."""
    return _render_page(request.args.get("query", ""))


def _render_page(query: str) -> str:
    return render_template(
        "sparql.html",
        examples=EXAMPLES,
        query=query,
        time_limit_ms=setting("sparql_time_limit_ms"),
        max_rows=setting("sparql_max_rows"),
    )


@bp.route("/sparql", methods=["GET", "POST"])
def endpoint() -> Response | str:
    """The SPARQL 1.1 Protocol query operation (GET with a query usually goes by :class:`QueryFastPath`)."""
    protocol_request = _read_query()
    if protocol_request is None:
        return _render_page("")
    body, headers = answer_query(current_app._get_current_object(), protocol_request)  # type: ignore[attr-defined]
    return Response(body, headers=headers)


WsgiApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


class QueryFastPath:
    """WSGI middleware: ``GET /sparql?query=…`` answered without Flask's request dispatch.

    The query goes through :func:`answer_query` as from the Flask view; an error becomes the JSON
    error the app's handlers give (:func:`api.errors.as_api_error`), so a query never runs twice.
    Every other request, a GET without a query (the page) or with ``update=``, goes to the Flask
    application.
    """

    def __init__(self, app: Flask, wsgi_app: WsgiApp) -> None:
        self.app = app
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") != "/sparql" or environ.get("REQUEST_METHOD") != "GET":
            return self.wsgi_app(environ, start_response)
        protocol_request = _parse_query_string(environ.get("QUERY_STRING", ""), environ.get("HTTP_ACCEPT"))
        if protocol_request is None:
            return self.wsgi_app(environ, start_response)
        early = environ.get(EARLY_START_KEY)
        try:
            if early is not None and early.claim(protocol_request):
                body, headers = finish_query(early.started)
            else:
                body, headers = answer_query(self.app, protocol_request)
        except Exception as err:  # answered as the app's error handlers would, without running it again
            if not isinstance(err, ApiError | UserError):
                self.app.logger.exception("unexpected error")
            with self.app.app_context():
                return error_response(as_api_error(err))(environ, start_response)
        headers.append(("Content-Length", str(len(body))))
        start_response("200 OK", headers)
        return [body]


@functools.lru_cache(maxsize=512)
def _parse_query_string(query_string: str, accept: str | None) -> ProtocolRequest | None:
    """The query operation of a GET query string; None without a query or with ``update=``.

    >>> _parse_query_string("query=ASK+%7B%7D&format=csv", None).format_name
    'csv'
    """
    params = urllib.parse.parse_qs(query_string, keep_blank_values=True)
    query = params.get("query", ("",))[0]
    if not query or "update" in params:
        return None
    return ProtocolRequest(
        query,
        params.get("format", (None,))[0],
        accept,
        params.get("timeout", (None,))[0],
        tuple(params.get("default-graph-uri", ())),
        tuple(params.get("named-graph-uri", ())),
    )


@bp.record_once
def _install_fast_path(state: Any) -> None:
    state.app.wsgi_app = QueryFastPath(state.app, state.app.wsgi_app)
