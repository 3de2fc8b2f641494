"""Blueprint `sparql`: a read-only SPARQL 1.1 Protocol endpoint over the Oxigraph store.

* ``GET /sparql?query=…``, ``POST /sparql`` (form ``query=…`` or ``application/sparql-query``).
* SELECT/ASK answer SPARQL JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE answer Turtle, N-Triples,
  JSON-LD or RDF/XML, chosen by ``format=`` or the ``Accept`` header.
* Updates and ``SERVICE`` are refused after tokenising the query (strings, IRIs and comments
  are skipped, ``\\u`` escapes decoded), so ``?service`` or ``"INSERT"`` stay allowed.
* Queries run in a pool of warm worker processes that open the store with
  ``Store.read_only``; a query still running at its deadline has its worker killed (a thread
  cannot stop an Oxigraph query) and a fresh worker takes its place.
* ``GET /sparql`` without a query, and ``GET /query``, show the query page.

>>> inspect_query("SELECT * WHERE { ?service ?p 'INSERT' }").form
'SELECT'
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import io
import json
import logging
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from flask import Blueprint, Flask, Response, current_app, render_template, request

from api.data import get_data
from api.errors import ApiError, QueryTimeout
from api.settings import setting

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


@dataclass(frozen=True)
class QueryInfo:
    """What the endpoint needs to know about a query before running it."""

    form: str | None
    prefixes: dict[str, str] = field(default_factory=dict)


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
    return QueryInfo(form, prefixes)


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
    prefixes: dict[str, str] = field(default_factory=dict)
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
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
        body = json.dumps({"head": {}, "boolean": bool(result)}, separators=(",", ":")).encode()
    elif fmt == "xml":
        body = result.serialize(format=ox.QueryResultsFormat.XML)
    else:
        body = b"_askResult\r\n" + (b"true" if result else b"false") + b"\r\n"
    return QueryAnswer(200, body, SOLUTION_TYPES[fmt], "boolean", 1)


def _solutions_answer(result: Any, job: QueryJob) -> QueryAnswer:
    fmt = job.solutions_format
    if fmt is None:
        return _wrong_format("solutions")
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
# The pool of worker processes


def worker_main(argv: list[str]) -> None:
    """A worker process: ``STORE_PATH JOB_FD ANSWER_FD``; open the store read-only once, then
    answer jobs until the parent closes the pipe (or dies)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    import pyoxigraph

    store_path, job_fd, answer_fd = argv[0], int(argv[1]), int(argv[2])
    jobs, answers = Connection(job_fd, writable=False), Connection(answer_fd, readable=False)
    try:
        store = pyoxigraph.Store.read_only(store_path)
    except Exception as err:
        answers.send(QueryAnswer(500, message=f"cannot open the store {store_path}: {err}"))
        return
    answers.send(QueryAnswer(200, kind="ready"))
    while True:
        try:
            job = jobs.recv()
        except (EOFError, OSError):
            return
        started = time.perf_counter()
        answer = execute(store, job)
        answers.send(dataclasses.replace(answer, query_ms=(time.perf_counter() - started) * 1000))


@dataclass(eq=False)
class _Worker:
    """A worker process and the two ends of its pipes."""

    process: subprocess.Popen
    jobs: Connection
    answers: Connection

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        self.jobs.close()
        self.answers.close()


def _start_worker(store_path: str, timeout: float) -> _Worker:
    """Start a worker in a fresh interpreter (no fork of this threaded process) and wait until ready."""
    job_r, job_w = os.pipe()
    answer_r, answer_w = os.pipe()
    package_root = str(Path(__file__).resolve().parent.parent)
    env = os.environ | {
        "PYTHONPATH": os.pathsep.join(filter(None, [package_root, os.environ.get("PYTHONPATH")]))
    }
    code = "import sys; from api.sparql import worker_main; worker_main(sys.argv[1:])"
    try:
        process = subprocess.Popen(
            [sys.executable, "-c", code, store_path, str(job_r), str(answer_w)],
            pass_fds=(job_r, answer_w),
            stdin=subprocess.DEVNULL,
            env=env,
        )
    finally:
        os.close(job_r)
        os.close(answer_w)
    worker = _Worker(process, Connection(job_w, readable=False), Connection(answer_r, writable=False))
    try:
        hello = worker.answers.recv() if worker.answers.poll(timeout) else None
    except (EOFError, OSError):
        hello = None
    if hello is None or hello.kind != "ready":
        worker.stop()
        raise ApiError(hello.message if hello else "a SPARQL worker did not start", 503)
    return worker


class QueryPool:
    """Warm worker processes; one query at a time each; killed and replaced at the deadline.

    >>> QueryPool.__name__
    'QueryPool'
    """

    START_TIMEOUT = 60.0

    def __init__(self, store_path: str | Path, size: int = 2) -> None:
        if not Path(store_path).is_dir():
            raise ApiError(f"no SPARQL store at {store_path}; rebuild the graph directory", 503)
        self.store_path = str(store_path)
        self.size = size
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._workers: set[_Worker] = set()
        self._lock = threading.Lock()
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
            worker = _start_worker(self.store_path, self.START_TIMEOUT)
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

    def run(self, job: QueryJob, timeout: float) -> QueryAnswer:
        """Answer a job within ``timeout`` seconds (waiting for a free worker included)."""
        deadline = time.monotonic() + timeout
        limit_ms = round(timeout * 1000)
        try:
            worker = self._idle.get(timeout=max(timeout, 0))
        except queue.Empty:
            raise QueryTimeout(
                f"no SPARQL worker became free within the time limit of {limit_ms} ms", time_limit_ms=limit_ms
            ) from None
        try:
            worker.jobs.send(job)
            if worker.answers.poll(max(deadline - time.monotonic(), 0)):
                answer = worker.answers.recv()
                self._idle.put(worker)
                return answer
        except (EOFError, OSError):
            self._replace(worker)
            raise ApiError("the SPARQL worker died while answering (out of memory?)", 500) from None
        self._replace(worker)
        raise QueryTimeout(
            f"query exceeded the time limit of {limit_ms} ms and was stopped", time_limit_ms=limit_ms
        )

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
    """The worker pool of an app, started on first use."""
    app = app or current_app._get_current_object()  # type: ignore[attr-defined]
    pool = app.extensions.get("kg.sparql_pool")
    if pool is None:
        with _pool_lock:
            pool = app.extensions.get("kg.sparql_pool")
            if pool is None:
                with app.app_context():
                    data = get_data()
                    size = setting("sparql_workers")
                if data.store_path is None:
                    raise ApiError("this graph directory has no SPARQL store", 503)
                pool = QueryPool(data.store_path, size)
                app.extensions["kg.sparql_pool"] = pool
    return pool


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


def _read_query() -> tuple[str | None, str | None]:
    """The query text and format= of a protocol request; refuses update operations."""
    values = request.values
    if "update" in values:
        raise RefusedQuery("updates are not allowed: this endpoint is read-only")
    if request.method == "POST":
        mimetype = request.mimetype
        if mimetype == "application/sparql-update":
            raise RefusedQuery("updates are not allowed: this endpoint is read-only")
        if mimetype == "application/sparql-query":
            return request.get_data(as_text=True), request.args.get("format")
        if mimetype not in ("application/x-www-form-urlencoded", "multipart/form-data"):
            raise ApiError("send the query as application/sparql-query or as the form field 'query'", 415)
        if not values.get("query"):
            raise ApiError("missing parameter 'query'")
    return values.get("query"), values.get("format")


def _time_limit() -> float:
    """The server's time limit in seconds, lowered by ``timeout=`` (ms) if the client asks."""
    limit_ms = setting("sparql_time_limit_ms")
    asked = request.values.get("timeout")
    if asked:
        try:
            limit_ms = min(limit_ms, max(int(asked), 1))
        except ValueError:
            raise ApiError(f"timeout must be a number of milliseconds, not {asked!r}") from None
    return limit_ms / 1000


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
    """The SPARQL 1.1 Protocol query operation."""
    query, format_name = _read_query()
    if not query:
        return _render_page("")
    info = inspect_query(query)
    accept = request.accept_mimetypes if "Accept" in request.headers else None
    solutions_format, graph_format = negotiate(format_name, accept)
    job = QueryJob(
        query,
        solutions_format,
        graph_format,
        setting("sparql_max_rows"),
        info.prefixes,
        tuple(request.values.getlist("default-graph-uri")),
        tuple(request.values.getlist("named-graph-uri")),
    )
    started = time.perf_counter()
    answer = get_pool().run(job, _time_limit())
    if answer.status != 200:
        raise ApiError(answer.message, answer.status)
    response = Response(answer.body, mimetype=answer.media_type)
    if answer.media_type.startswith("text/"):
        response.headers["Content-Type"] = f"{answer.media_type}; charset=utf-8"
    response.headers["X-KG-Rows"] = str(answer.rows)
    response.headers["X-KG-Truncated"] = "true" if answer.truncated else "false"
    response.headers["X-KG-Time-Ms"] = f"{(time.perf_counter() - started) * 1000:.2f}"
    response.headers["X-KG-Query-Ms"] = f"{answer.query_ms:.2f}"
    response.headers["Vary"] = "Accept"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response
