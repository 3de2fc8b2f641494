"""The SPARQL endpoint on the real server: protocol, formats, refusals, limits."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import threading
import time
import urllib.parse

import pytest
import rdflib
from conftest import LIVE_SETTINGS, assert_offline, graph_ntriples, make_graph, write_graph_dir
from rdflib.query import Result

import api.data
from api import close_app, create_app
from api.sparql import RefusedQuery, inspect_query

LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
SELECT = f"SELECT ?s ?label WHERE {{ ?s {LABEL} ?label }} ORDER BY ?s"
CONSTRUCT = f"CONSTRUCT {{ ?s {LABEL} ?o }} WHERE {{ ?s {LABEL} ?o }}"
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n0 ?o . ?p ?q ?r }"


def sparql(live_server, query: str, accept: str | None = None, **params: str):
    qs = urllib.parse.urlencode({"query": query} | params)
    return live_server.request("/sparql?" + qs, headers={"Accept": accept} if accept else {})


def test_select_json(live_server):
    status, headers, body = sparql(live_server, SELECT)
    assert status == 200 and headers["Content-Type"].startswith("application/sparql-results+json")
    data = json.loads(body)
    assert data["head"]["vars"] == ["s", "label"]
    labels = {b["label"]["value"] for b in data["results"]["bindings"]}
    assert "张三" in labels and data["results"]["bindings"][0]["label"]["xml:lang"] == "zh"
    assert headers["X-KG-Truncated"] == "false"


@pytest.mark.parametrize(
    ("accept", "fmt", "media_type"),
    [
        ("application/sparql-results+xml", None, "application/sparql-results+xml"),
        (None, "xml", "application/sparql-results+xml"),
        ("text/csv", None, "text/csv"),
        (None, "csv", "text/csv"),
        ("text/tab-separated-values", None, "text/tab-separated-values"),
        (None, "tsv", "text/tab-separated-values"),
        ("application/json", None, "application/sparql-results+json"),
        ("text/html,application/xhtml+xml,*/*;q=0.8", None, "application/sparql-results+json"),
    ],
)
def test_select_formats_parse(live_server, accept, fmt, media_type):
    params = {"format": fmt} if fmt else {}
    status, headers, body = sparql(live_server, SELECT, accept, **params)
    assert status == 200 and headers["Content-Type"].startswith(media_type)
    if media_type.endswith("xml"):
        rows = list(Result.parse(io.BytesIO(body), format="xml"))
        assert {str(r[1]) for r in rows} >= {"张三", "长治市"}
    elif media_type.endswith("json"):
        assert len(json.loads(body)["results"]["bindings"]) == 9
    else:
        dialect = {"delimiter": "\t", "quoting": csv.QUOTE_NONE} if "tab" in media_type else {}
        rows = list(csv.reader(io.StringIO(body.decode()), **dialect))
        assert len(rows) == 10
        assert rows[0] == (["?s", "?label"] if dialect else ["s", "label"])
        cells = {c for row in rows for c in row}
        assert ('"张三"@zh' if dialect else "张三") in cells


def test_ask_formats(live_server):
    for fmt in ("json", "xml", "csv", "tsv"):
        status, _, body = sparql(live_server, "ASK { ?s ?p ?o }", format=fmt)
        assert status == 200
        if fmt == "json":
            assert json.loads(body)["boolean"] is True
        elif fmt == "xml":
            assert Result.parse(io.BytesIO(body), format="xml").askAnswer is True
        else:
            assert body.decode().split()[-1] == "true"


@pytest.mark.parametrize(
    ("accept", "fmt", "rdflib_format"),
    [
        ("text/turtle", None, "turtle"),
        (None, "ttl", "turtle"),
        ("application/n-triples", None, "nt"),
        (None, "nt", "nt"),
        ("application/ld+json", None, "json-ld"),
        (None, "jsonld", "json-ld"),
        (None, "rdfxml", "xml"),
    ],
)
@pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"
)  # rdflib's JSON-LD parser
def test_construct_formats_parse(live_server, accept, fmt, rdflib_format):
    params = {"format": fmt} if fmt else {}
    status, _, body = sparql(live_server, CONSTRUCT, accept, **params)
    assert status == 200
    graph = rdflib.Graph().parse(data=body.decode(), format=rdflib_format)
    assert len(graph) == 9
    assert rdflib.Literal("张三", lang="zh") in set(graph.objects())


def test_describe_turtle(live_server):
    query = 'DESCRIBE ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> "长治市"@zh }'
    status, headers, body = sparql(live_server, query)
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    assert len(rdflib.Graph().parse(data=body.decode(), format="turtle")) >= 3


def test_a_querys_prefixes_name_the_turtle_of_its_graph(live_server):
    query = (
        "PREFIX lbl: <http://www.w3.org/2000/01/rdf-schema#>\n"
        'CONSTRUCT { ?s lbl:label ?o } WHERE { ?s lbl:label ?o FILTER(STR(?o) = "长治市") }'
    )
    status, _, body = sparql(live_server, query, format="ttl")
    assert status == 200 and b"@prefix lbl: <http://www.w3.org/2000/01/rdf-schema#>" in body
    assert b"lbl:label" in body


def test_a_default_graph_of_the_request_reaches_the_worker(live_server):
    status, _, body = sparql(live_server, "ASK { ?s ?p ?o }", **{"default-graph-uri": "http://none/"})
    assert status == 200 and json.loads(body)["boolean"] is False  # no triples in that graph


def test_post_form_and_sparql_query_body(live_server):
    form = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"}).encode()
    status, _, body = live_server.request(
        "/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = live_server.request(
        "/sparql?format=csv", data=SELECT.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert status == 200 and body.decode().startswith("s,label\r\n")
    status, _, body = live_server.request("/sparql", data=b"x", headers={"Content-Type": "text/plain"})
    assert status == 415 and json.loads(body)["status"] == 415


def test_row_limit_truncates(live_server):
    status, headers, body = sparql(live_server, "SELECT * WHERE { ?s ?p ?o }")
    assert status == 200 and headers["X-KG-Truncated"] == "true"
    data = json.loads(body)
    assert len(data["results"]["bindings"]) == LIVE_SETTINGS["sparql_max_rows"] and data["truncated"] is True
    status, headers, body = sparql(live_server, "CONSTRUCT WHERE { ?s ?p ?o }", format="nt")
    assert headers["X-KG-Truncated"] == "true" and body.count(b"\n") == LIVE_SETTINGS["sparql_max_rows"]


def test_query_limit_within_row_limit(live_server):
    """A SELECT with its own LIMIT (JSON written by Oxigraph) gives the bytes and rows of the others."""
    limited = f"{SELECT} LIMIT 3"
    status, headers, body = sparql(live_server, limited)
    assert status == 200 and headers["X-KG-Rows"] == "3" and headers["X-KG-Truncated"] == "false"
    _, _, posted = live_server.request(
        "/sparql",
        data=urllib.parse.urlencode({"query": limited}).encode(),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    _, _, everything = sparql(live_server, SELECT)
    rows = json.loads(everything)["results"]["bindings"][:3]
    assert body == posted and json.loads(body)["results"]["bindings"] == rows
    _, headers, body = sparql(live_server, "SELECT * WHERE { ?s ?p ?o } LIMIT 1000")
    assert headers["X-KG-Truncated"] == "true" and json.loads(body)["truncated"] is True
    _, headers, body = sparql(live_server, "SELECT * WHERE { ?s ?p 'nothing' } LIMIT 5")
    assert headers["X-KG-Rows"] == "0" and json.loads(body)["results"]["bindings"] == []


def test_inspect_finds_the_outer_limit():
    assert inspect_query("SELECT * { ?s ?p ?o } OFFSET 2 limit 7").limit == 7
    assert inspect_query("SELECT * { { SELECT * { ?s ?p ?o } LIMIT 3 } }").limit is None
    assert inspect_query("SELECT * { ?s ?p 'LIMIT 3' } # LIMIT 4").limit is None


@pytest.mark.parametrize(
    "query",
    [
        'INSERT DATA { <http://ex/a> <http://ex/b> "c" }',
        "PREFIX ex: <http://ex/> DELETE WHERE { ?s ?p ?o }",
        "CLEAR ALL",
        "LOAD <http://example.org/data.ttl>",
        "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "select * where { service silent <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { \\u0053ERVICE <http://example.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { # comment\n SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_and_service_refused(live_server, query):
    status, _, body = sparql(live_server, query)
    assert status == 403, body
    assert "not allowed" in json.loads(body)["message"]


def test_update_operations_refused(live_server):
    update = b'INSERT DATA { <http://ex/a> <http://ex/b> "c" }'
    status, _, _ = live_server.request(
        "/sparql", data=update, headers={"Content-Type": "application/sparql-update"}
    )
    assert status == 403
    form = urllib.parse.urlencode({"update": update.decode()}).encode()
    status, _, _ = live_server.request(
        "/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 403
    status, _, body = sparql(live_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "67"  # nothing was added


def test_inspect_allows_lookalikes():
    text = (
        'PREFIX ex: <http://ex/insert#> SELECT ?service WHERE { ?service ex:delete "SERVICE INSERT" } # DROP'
    )
    assert inspect_query(text).form == "SELECT"
    assert inspect_query("ASK { ?s ?p 'it''s' }").form == "ASK"
    with pytest.raises(RefusedQuery):
        inspect_query("ASK { ?s ?p ?o } ; INSERT DATA { <a:b> <a:c> <a:d> }")


def test_malformed_query_gets_parser_message(live_server):
    status, _, body = sparql(live_server, "SELECT * WHERE { ?s ?p }")
    data = json.loads(body)
    assert status == 400 and data["message"].startswith("malformed query: error at 1:")


def test_bad_format_parameters(live_server):
    status, _, body = sparql(live_server, SELECT, format="yaml")
    assert status == 400 and "unknown format" in json.loads(body)["message"]
    status, _, body = sparql(live_server, CONSTRUCT, format="csv")
    assert status == 406 and json.loads(body)["status"] == 406
    status, _, _ = sparql(live_server, SELECT, timeout="soon")
    assert status == 400


def test_runaway_query_is_stopped_while_others_are_answered(live_server):
    limit = LIVE_SETTINGS["sparql_time_limit_ms"] / 1000
    outcome: dict[str, object] = {}

    def runaway() -> None:
        started = time.monotonic()
        outcome["status"], _, outcome["body"] = sparql(live_server, RUNAWAY)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.3)
    started = time.monotonic()
    status, _, _ = live_server.get("/api/stats")
    assert status == 200
    status, _, body = sparql(live_server, "ASK { ?s ?p ?o }")
    assert status == 200 and json.loads(body)["boolean"] is True
    assert time.monotonic() - started < limit  # answered while the runaway query still runs
    thread.join(limit + 5)
    assert outcome["status"] == 503, outcome
    assert "time limit" in json.loads(outcome["body"])["message"]
    assert outcome["seconds"] < limit + 1
    deadline = time.monotonic() + 10  # the killed worker is replaced
    while time.monotonic() < deadline:
        if (
            sparql(live_server, "ASK { ?s ?p ?o }")[0] == 200
            and sparql(live_server, "ASK { ?s ?p ?o }")[0] == 200
        ):
            break
    else:
        pytest.fail("no worker answered after the runaway query")


def test_client_timeout_lower_than_server_limit(live_server):
    started = time.monotonic()
    status, _, body = sparql(live_server, RUNAWAY, timeout="300")
    assert status == 503 and json.loads(body)["time_limit_ms"] == 300
    assert time.monotonic() - started < 1.3


def test_query_page_works_offline(live_server):
    for path in ("/sparql", "/query", "/query?query=" + urllib.parse.quote("ASK { ?s ?p ?o }")):
        status, headers, body = live_server.get(path, headers={"Accept": "text/html"})
        page = body.decode()
        assert status == 200 and headers["Content-Type"].startswith("text/html")
        assert "<textarea" in page and "Cooccurrence" in page
        assert_offline(page)
    assert "ASK { ?s ?p ?o }" in page
    status, headers, body = live_server.get("/static/sparql.js")
    assert status == 200 and b"fetch(" in body and b"http" not in body


def test_get_and_post_give_the_same_answer(live_server):
    """GET goes by the fast path, a POSTed form through the Flask view: same body, same headers."""
    status, got_headers, got = sparql(live_server, SELECT, format="csv")
    form = urllib.parse.urlencode({"query": SELECT, "format": "csv"}).encode()
    status2, posted_headers, posted = live_server.request(
        "/sparql", data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == status2 == 200 and got == posted
    for name in ("Content-Type", "X-KG-Rows", "X-KG-Truncated", "Vary", "Access-Control-Allow-Origin"):
        assert got_headers[name] == posted_headers[name], name
    status, headers, body = sparql(live_server, "SELECT * WHERE { ?s ?p }", accept="text/csv")
    assert status == 400 and headers["Content-Type"] == "application/json"
    assert json.loads(body)["message"].startswith("malformed query")


def test_workers_answer_from_a_copy_in_memory(live_server):
    deadline = time.monotonic() + 20
    stores = set()
    while time.monotonic() < deadline:
        stores = {sparql(live_server, "ASK { ?s ?p ?o }")[1]["X-KG-Store"] for _ in range(4)}
        if stores == {"memory"}:
            break
        time.sleep(0.1)
    assert stores == {"memory"}
    status, _, body = sparql(live_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "67"


def test_store_stays_on_disk_when_asked(graph_dir):
    app = create_app(
        {"GRAPH_DIR": str(graph_dir), "KG_SETTINGS": {"sparql_workers": 1, "sparql_memory_triples": 0}}
    )
    try:
        client = app.test_client()
        for _ in range(5):
            response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
            assert response.status_code == 200 and response.headers["X-KG-Store"] == "disk"
            time.sleep(0.05)
    finally:
        close_app(app)


def test_sparql_moves_to_a_rebuilt_directory(tmp_path, monkeypatch):
    monkeypatch.setattr(api.data, "RELOAD_CHECK_SECONDS", 0.0)
    g = make_graph()
    out = write_graph_dir(tmp_path / "graphs", g, [], graph_ntriples(g))
    app = create_app({"GRAPH_DIR": str(out), "KG_SETTINGS": {"sparql_workers": 1}})
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    try:
        client = app.test_client()
        first = client.get("/sparql", query_string={"query": count}).get_json()
        g.remove_node("person/王五")
        rebuilt = write_graph_dir(tmp_path / "next", g, [], graph_ntriples(g))
        manifest_file = rebuilt / "manifest.json"
        manifest = json.loads(manifest_file.read_text(encoding="utf-8")) | {"build_id": "second"}
        manifest_file.write_text(json.dumps(manifest), encoding="utf-8")
        out.rename(tmp_path / "old")
        rebuilt.rename(out)
        second = client.get("/sparql", query_string={"query": count}).get_json()
    finally:
        close_app(app)
    n = [int(r["results"]["bindings"][0]["n"]["value"]) for r in (first, second)]
    assert n[1] == n[0] - 3  # the person's type, label and mention count


def test_an_error_in_the_fast_path_is_the_apps_json_error_and_the_query_runs_once(client, monkeypatch):
    import api.sparql
    from kg.errors import UserError

    calls = []

    def failing(app, request):
        calls.append(request.query)
        raise failing.error

    monkeypatch.setattr(api.sparql, "answer_query", failing)
    for error, status in ((RuntimeError("boom"), 500), (UserError("graphs/ has no graph"), 503)):
        calls.clear()
        failing.error = error
        response = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
        assert response.status_code == status and response.is_json
        assert "boom" not in response.get_json()["message"]
        assert calls == ["ASK { ?s ?p ?o }"]


def _free_workers(pool, timeout: float = 10.0) -> bool:
    """Whether every worker of a pool is idle within ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pool._idle.qsize() == pool.size:
            return True
        time.sleep(0.02)
    return False


def test_a_query_started_early_is_answered_as_usual(live_server):
    from api.sparql import _parse_query_string as parse
    from api.sparql import answer_query, finish_query, get_pool, start_early

    app = live_server.app
    pool = get_pool(app)
    query_string = urllib.parse.urlencode({"query": SELECT, "format": "csv"})
    early = start_early(app, query_string, None)
    assert early is not None and early.claim(parse(query_string, None))
    body, headers = finish_query(early.started)
    usual_body, usual_headers = answer_query(app, parse(query_string, None))
    assert body == usual_body and dict(headers)["Content-Type"] == dict(usual_headers)["Content-Type"]
    assert not early.claim(parse(query_string, None))  # claimed once
    assert _free_workers(pool)


def test_no_early_start_without_a_free_worker_or_a_recent_look_at_the_directory(live_server, monkeypatch):
    from api.sparql import QueryJob, get_pool, start_early

    app = live_server.app
    pool = get_pool(app)
    ask = urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
    update = urllib.parse.urlencode({"query": "INSERT DATA { <a:a> <a:b> <a:c> }"})
    assert start_early(app, update, None) is None  # refused: the usual path gives the error
    assert start_early(app, ask + "&timeout=soon", None) is None  # the usual path gives the error
    held = [pool.start(QueryJob("ASK { ?s ?p ?o }"), 5) for _ in range(pool.size)]
    try:
        assert start_early(app, ask, None) is None  # every worker busy: no waiting in the server loop
    finally:
        for started in held:
            pool.finish(started)
    monkeypatch.setattr(api.data, "RELOAD_CHECK_SECONDS", 0.0)
    assert start_early(app, ask, None) is None  # the directory is due for a look: the usual path
    monkeypatch.undo()
    get_pool(app)
    early = start_early(app, ask, None)
    assert early is not None
    early.release()  # an unclaimed start gives its worker back
    assert _free_workers(pool)


def test_queries_of_clients_gone_before_the_answer_give_their_workers_back(live_server):
    import socket

    from api.sparql import get_pool

    pool = get_pool(live_server.app)
    host, port = live_server.url.removeprefix("http://").split(":")
    path = "/sparql?" + urllib.parse.urlencode({"query": SELECT})
    for _ in range(2 * pool.size):
        with socket.create_connection((host, int(port))) as sock:
            sock.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
    assert _free_workers(pool)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(sparql(live_server, SELECT)[0])) for _ in range(4)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == [200] * 4


def test_the_server_starts_get_queries_before_a_thread_takes_them(live_server, monkeypatch):
    from api.sparql import EarlyStart

    claims: list[bool] = []
    claim = EarlyStart.claim

    def recording_claim(self, request):
        claims.append(claim(self, request))
        return claims[-1]

    monkeypatch.setattr(EarlyStart, "claim", recording_claim)
    sparql(live_server, "ASK { ?s ?p ?o }")  # the pool has looked at the directory just now
    claims.clear()
    status, _, body = sparql(live_server, SELECT, format="csv")
    assert status == 200 and body.startswith(b"s,label")
    assert claims == [True]


class RawConnection:
    """One connection to the live server: requests as written, responses read to their end."""

    def __init__(self, live_server) -> None:
        import socket

        host, port = live_server.url.removeprefix("http://").split(":")
        self.host = host
        self.sock = socket.create_connection((host, int(port)), timeout=30)
        self.data = b""

    def send(self, query: str, version: str = "1.1", connection: str | None = None, **params: str) -> None:
        path = "/sparql?" + urllib.parse.urlencode({"query": query} | params)
        lines = [f"GET {path} HTTP/{version}", f"Host: {self.host}"]
        lines += [f"Connection: {connection}"] if connection else []
        self.sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())

    def response(self) -> tuple[str, list[tuple[str, str]], bytes]:
        """The status line, the headers in order, the body (by its Content-Length)."""
        while b"\r\n\r\n" not in self.data:
            self._more()
        head, _, self.data = self.data.partition(b"\r\n\r\n")
        status, *lines = head.decode("latin-1").split("\r\n")
        headers = [tuple(line.split(": ", 1)) for line in lines]
        size = int(dict(headers)["Content-Length"])
        while len(self.data) < size:
            self._more()
        body, self.data = self.data[:size], self.data[size:]
        return status, headers, body

    def closed(self) -> bool:
        """Whether the server closes the connection (after what was read)."""
        return not self.data and self.sock.recv(1) == b""

    def _more(self) -> None:
        more = self.sock.recv(1 << 16)
        if not more:
            raise ConnectionError("the server closed the connection")
        self.data += more

    def close(self) -> None:
        self.sock.close()


@pytest.fixture
def answer_kinds(monkeypatch):
    """The kinds of the answers the pool hands to the server ("sent": the worker wrote the
    response to the client itself)."""
    from api.sparql import QueryPool

    kinds: list[str] = []
    finish = QueryPool.finish

    def recording_finish(self, started):
        answer = finish(self, started)
        if started.outcome is None:
            kinds.append(answer.kind)
        return answer

    monkeypatch.setattr(QueryPool, "finish", recording_finish)
    return kinds


def _settled(kinds: list[str], count: int) -> list[str]:
    """The recorded kinds once ``count`` are there (the server ends a request after the client
    may have read the response)."""
    deadline = time.monotonic() + 5
    while len(kinds) < count and time.monotonic() < deadline:
        time.sleep(0.01)
    return kinds


def _comparable(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(k, "…" if k in ("Date", "X-Kg-Time-Ms", "X-Kg-Query-Ms") else v) for k, v in headers]


def test_workers_answer_a_kept_alive_connection_themselves(live_server, answer_kinds, monkeypatch):
    import kg.commands.serve

    sparql(live_server, "ASK { ?s ?p ?o }")  # the pool has looked at the directory just now
    conn = RawConnection(live_server)
    try:
        for fmt in ("json", "csv", "xml", "json", "tsv"):
            answer_kinds.clear()
            conn.send(SELECT, format=fmt)
            status, headers, body = conn.response()
            assert status == "HTTP/1.1 200 OK" and dict(headers)["X-Kg-Rows"] == "9"
            assert _settled(answer_kinds, 1) == ["sent"], fmt
            if fmt == "csv":
                assert body.startswith(b"s,label\r\n")
                direct = headers
        answer_kinds.clear()
        conn.send(SELECT, format="csv")  # pipelined: the second starts once the first has ended
        conn.send("ASK { ?s ?p ?o }")
        first, second = (conn.response()[2] for _ in range(2))
        assert first.startswith(b"s,label\r\n") and json.loads(second)["boolean"] is True
        assert _settled(answer_kinds, 2) == ["sent", "sent"]
        # the same response, written by the server
        monkeypatch.setattr(kg.commands.serve, "_direct_client", lambda channel: None)
        answer_kinds.clear()
        conn.send(SELECT, format="csv")
        status, headers, body = conn.response()
        assert _settled(answer_kinds, 1) == ["solutions"]
        assert _comparable(headers) == _comparable(direct) and body.startswith(b"s,label\r\n")
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("version", "connection", "kept", "reply_connection"),
    [
        ("1.0", None, False, "close"),
        ("1.0", "keep-alive", True, "Keep-Alive"),
        ("1.1", "close", False, "close"),
    ],
)
def test_http_1_0_and_connection_close_are_honoured(
    live_server, answer_kinds, version, connection, kept, reply_connection
):
    sparql(live_server, "ASK { ?s ?p ?o }")
    conn = RawConnection(live_server)
    try:
        for _ in range(2 if kept else 1):
            answer_kinds.clear()
            conn.send("ASK { ?s ?p ?o }", version, connection)
            status, headers, body = conn.response()
            assert status == f"HTTP/{version} 200 OK" and json.loads(body)["boolean"] is True
            assert dict(headers)["Connection"] == reply_connection
            assert _settled(answer_kinds, 1) == ["boolean"]  # written by the server
        if not kept:
            assert conn.closed()
    finally:
        conn.close()


def test_a_runaway_query_on_a_kept_alive_connection_is_cut_off_in_time(live_server):
    limit = LIVE_SETTINGS["sparql_time_limit_ms"] / 1000
    sparql(live_server, "ASK { ?s ?p ?o }")
    conn = RawConnection(live_server)
    try:
        started = time.monotonic()
        conn.send(RUNAWAY)
        status, headers, body = conn.response()
        assert time.monotonic() - started < limit + 1
        assert status.startswith("HTTP/1.1 503 ") and "time limit" in json.loads(body)["message"]
        conn.send("ASK { ?s ?p ?o }")  # the same connection goes on
        status, _, body = conn.response()
        assert status == "HTTP/1.1 200 OK" and json.loads(body)["boolean"] is True
    finally:
        conn.close()


def test_a_worker_writes_what_the_socket_takes_and_reports_the_rest():
    import socket

    from api.sparql import QueryAnswer, _answer_directly

    server_end, client_end = socket.socketpair()
    server_end.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 4096)
    server_end.setblocking(False)
    try:
        body = b"x" * 200_000
        answer = QueryAnswer(200, body, "text/csv", "solutions", 3)
        report = _answer_directly(server_end.fileno(), answer, time.monotonic(), "waitress")
        assert report.kind == "sent" and report.rows == 3 and 0 < len(report.body) < len(body)
        client_end.setblocking(False)
        written = b""
        with contextlib.suppress(BlockingIOError):
            while chunk := client_end.recv(1 << 16):
                written += chunk
        head, _, start = (written + report.body).partition(b"\r\n\r\n")
        assert start == body and head.startswith(b"HTTP/1.1 200 OK\r\n") and b"Content-Length: 200000" in head
        client_end.close()
        report = _answer_directly(server_end.fileno(), answer, time.monotonic(), "waitress")
        assert report.kind == "lost"  # the client went away
    finally:
        server_end.close()
        client_end.close()


def test_whoever_takes_the_token_answers_the_client(graph_dir):
    from api.errors import QueryTimeout
    from api.sparql import QueryJob, QueryPool

    pool = QueryPool(graph_dir / "store", size=1)
    try:
        job = QueryJob("ASK { ?s ?p ?o }")
        runaway = QueryJob("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
        for direct in (False, True):
            started = pool.start(runaway, 5)  # still running when the server takes the token
            assert started is not None and started.worker.take_token()  # as the server at the deadline
            started.direct, started.deadline = direct, time.monotonic()
            began = time.monotonic()
            if direct:  # the worker may have been writing to the client: the connection is lost
                assert pool.finish(started).kind == "lost"
            else:
                with pytest.raises(QueryTimeout):
                    pool.finish(started)
            # the worker wrote nothing without the token; it had a second's grace, then was replaced
            assert 0.9 < time.monotonic() - began < 3
            assert pool.run(job, 30).body == b'{"head":{},"boolean":true}'
    finally:
        pool.close()
