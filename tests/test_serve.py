"""`kg serve`: --get without a server, and the real waitress server over the real build."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from conftest import free_port

from kg.cli import main

Q = urllib.parse.quote


def test_get_answers_one_request(built_graph, capsys):
    assert main(["serve", str(built_graph), "--get", "/api/stats"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["nodes"] > 0 and stats["edges"] > 0


def test_get_runs_a_sparql_query(built_graph, capsys):
    path = "/sparql?format=csv&query=" + Q("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert main(["serve", str(built_graph), "--get", path]) == 0
    lines = capsys.readouterr().out.split()
    assert lines[0] == "n" and int(lines[1]) > 100


def test_get_error_exit_status(built_graph, capsys):
    assert main(["serve", str(built_graph), "--get", "/api/entities/nobody/none"]) == 1
    assert json.loads(capsys.readouterr().out)["status"] == 404


def test_missing_directory_is_one_line(tmp_path, capsys):
    assert main(["serve", str(tmp_path / "none"), "--get", "/api/stats"]) == 2
    assert "kg build" in capsys.readouterr().err


def test_bad_setting_is_one_line(built_graph, capsys):
    assert main(["serve", str(built_graph), "--setting", "no_such_limit", "1", "--get", "/api"]) == 2
    assert "unknown setting" in capsys.readouterr().err


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _get(url: str) -> tuple[int, dict, object]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as err:
        with err:
            return err.code, dict(err.headers), json.loads(err.read())


@pytest.fixture(scope="module")
def served(built_graph):
    """`kg serve` as a subprocess on a free loopback port."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", str(built_graph), "--port", str(port)]
        + ["--setting", "sparql_time_limit_ms", "2000"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    for line in process.stdout:
        if "listening on" in line:
            break
    else:
        pytest.fail("kg serve did not start")
    yield process, f"http://127.0.0.1:{port}"
    if process.poll() is None:
        process.kill()
    process.wait()
    process.stdout.close()


def test_serve_runs_waitress_and_answers_every_endpoint(served):
    _, url = served
    status, headers, stats = _get(url + "/api/stats")
    assert status == 200 and headers["Server"] == "waitress"
    top, second = (e["id"] for e in stats["top_degree"][:2])
    status, _, entity = _get(f"{url}/api/entities/{Q(top)}")
    assert status == 200 and entity["id"] == top and entity["mentions"]["items"][0]["sentence_text"]
    status, _, near = _get(f"{url}/api/entities/{Q(top)}/neighbours?limit=3")
    assert status == 200 and len(near["items"]) == 3 and near["truncated"] is True
    status, _, found = _get(f"{url}/api/entities?q={Q(entity['label'])}")
    assert top in {e["id"] for e in found["items"]}
    status, _, paths = _get(f"{url}/api/paths?source={Q(top)}&target={Q(second)}")
    assert status == 200 and paths["paths"]
    neighbour = near["items"][0]["id"]
    status, _, shared = _get(f"{url}/api/shared?a={Q(top)}&b={Q(neighbour)}")
    assert status == 200 and shared["items"][0]["sentences"][0]["text"]
    status, _, docs = _get(url + "/api/documents")
    status, _, doc = _get(url + docs["items"][0]["url"])
    status, _, article = _get(url + doc["articles"][0]["url"])
    assert status == 200 and article["sentences"] and article["entities"]
    query = "PREFIX kg: <https://kg.example.org/ns#> SELECT (COUNT(*) AS ?n) WHERE { ?c a kg:Cooccurrence }"
    status, _, result = _get(f"{url}/sparql?query={Q(query)}")
    assert status == 200 and int(result["results"]["bindings"][0]["n"]["value"]) > 0


def test_examples_of_the_query_page_run_on_the_real_build(served):
    from api.sparql import EXAMPLES

    _, url = served
    for title, query in EXAMPLES:
        status, _, _ = _get(f"{url}/sparql?format=json&query={Q(query)}")
        assert status == 200, title


def _tiny_app(environ, start_response):
    """/small: 5 bytes; /large: 200 kB; /chunked: no Content-Length; /empty: no body."""
    body = {"/small": b"hello", "/large": b"x" * 200_000, "/chunked": b"chunk", "/empty": b""}
    data = body[environ["PATH_INFO"]]
    headers = [] if environ["PATH_INFO"] == "/chunked" else [("Content-Length", str(len(data)))]
    start_response("200 OK", headers)
    return iter([data]) if environ["PATH_INFO"] == "/chunked" else [data]


def _run_until_closed(server) -> None:
    """Run a waitress server's loop in a thread until the test closes its sockets."""
    with contextlib.suppress(OSError):  # the listening socket closed under the loop's select
        server.run()


def _stop(server, thread) -> None:
    """Let open channels finish, then close the server and wait for its loop to end."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(ch is not server for ch in list(server._map.values())):
        time.sleep(0.02)
    server.task_dispatcher.shutdown()
    server.close()
    thread.join(5)
    for channel in list(server._map.values()):
        channel.close()


def test_one_send_server_answers_small_responses_in_one_send(monkeypatch):
    import http.client
    import threading

    from kg.commands.serve import _one_send_channel_class, create_server

    channel_class = _one_send_channel_class()
    sends: list[bytes] = []
    original = channel_class.send

    def counting_send(self, data, **kwargs):
        sends.append(bytes(data))
        return original(self, data, **kwargs)

    monkeypatch.setattr(channel_class, "send", counting_send)
    server = create_server(_tiny_app)
    thread = threading.Thread(target=_run_until_closed, args=(server,), daemon=True)
    thread.start()
    try:
        conn = http.client.HTTPConnection("127.0.0.1", server.effective_port, timeout=10)
        expected = {"/small": b"hello", "/large": b"x" * 200_000, "/chunked": b"chunk", "/empty": b""}
        for path, body in expected.items():
            sends.clear()
            conn.request("GET", path)
            response = conn.getresponse()
            assert response.status == 200 and response.read() == body, path
            if path == "/small":
                assert len(sends) == 1 and sends[0].startswith(b"HTTP/1.1 200 OK") and sends[0].endswith(body)
        conn.request("HEAD", "/small")
        response = conn.getresponse()
        assert response.status == 200 and response.getheader("Content-Length") == "5" and not response.read()
        conn.close()
    finally:
        _stop(server, thread)


def test_sigterm_stops_server_and_workers(served):
    process, _ = served
    workers = _children(process.pid)
    assert len(workers) >= 2  # warm SPARQL workers
    process.send_signal(signal.SIGTERM)
    assert process.wait(10) == 0
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{pid}") for pid in workers):
        time.sleep(0.1)
    assert not [pid for pid in workers if os.path.exists(f"/proc/{pid}")]


@pytest.mark.parametrize("version", ["1.1", "1.0"])
@pytest.mark.parametrize("connection", [None, "close", "keep-alive"])
@pytest.mark.parametrize(
    "status, headers, content_length",
    [
        ("200 OK", [("Content-Type", "text/csv"), ("x-kg-rows", "3"), ("Content-Length", "5")], None),
        ("200 OK", [("Content-Type", "text/csv")], 5),
        ("200 OK", [("Content-Type", "text/csv")], None),
        ("404 Not Found", [("content-length", "2"), ("Date", "Mon, 01 Jan 2024 00:00:00 GMT")], None),
        ("200 OK", [("Server", "kg"), ("Content-Length", "1")], None),
        ("200 OK", [("Connection", "close"), ("Content-Length", "1")], None),
        ("204 No Content", [("Content-Length", "0")], None),
        ("304 Not Modified", [], None),
    ],
)
def test_response_head_is_the_one_waitress_writes(version, connection, status, headers, content_length):
    from types import SimpleNamespace

    from waitress.adjustments import Adjustments
    from waitress.task import WSGITask

    from kg.commands.serve import _one_send_channel_class

    def head(task_class):
        channel = SimpleNamespace(server=SimpleNamespace(adj=Adjustments()))
        request = SimpleNamespace(version=version, headers={"CONNECTION": connection} if connection else {})
        task = task_class(channel, request)
        task.start_time, task.status = 1_700_000_000.5, status
        task.response_headers, task.content_length = list(headers), content_length
        written = task.build_response_header()
        return written, task.close_on_finish, task.chunked_response, task.response_headers

    assert head(_one_send_channel_class().task_class) == head(WSGITask)
