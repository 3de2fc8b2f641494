"""`kg serve`: the REST API, SPARQL endpoint and pages over a built directory, under waitress.

kg serve graphs/ --host 127.0.0.1 --port 5000
kg serve graphs/ --get /api/stats          # answer one request, print the body, exit
kg serve graphs/ --setting sparql_time_limit_ms 2000
"""

from __future__ import annotations

import argparse
import functools
import sys
import time
from pathlib import Path

from kg.errors import UserError


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "serve",
        help="serve the REST API, SPARQL endpoint and pages of a built graph",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "graph_dir", nargs="?", default="graphs", help="built graph directory (default: graphs)"
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=5000, help="port (default: 5000; 0 picks a free one)")
    parser.add_argument("--threads", type=int, default=8, help="waitress worker threads (default: 8)")
    parser.add_argument(
        "--get",
        metavar="PATH",
        help="answer one GET request for PATH (e.g. /api/stats), print the body, exit",
    )
    parser.add_argument(
        "--setting",
        nargs=2,
        action="append",
        default=[],
        metavar=("NAME", "VALUE"),
        help="override a limit, e.g. --setting sparql_time_limit_ms 2000 (see --help-settings)",
    )
    parser.add_argument("--help-settings", action="store_true", help="list the settings and their defaults")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from api import close_app, create_app
    from api.settings import SETTINGS

    if args.help_settings:
        for s in SETTINGS:
            print(f"{s.name:24} {s.default:>8}  {s.help}")
        return 0
    graph_dir = Path(args.graph_dir)
    if not (graph_dir / "graph.json").is_file():
        raise UserError(f"{graph_dir}: not a built graph directory (run `kg build FILES -o {graph_dir}`)")
    app = create_app({"GRAPH_DIR": str(graph_dir), "KG_SETTINGS": dict(args.setting)})
    try:
        if args.get:
            return _get(app, args.get)
        return _serve(app, args.host, args.port, args.threads)
    finally:
        close_app(app)


def _get(app, path: str) -> int:
    """Answer one request in-process: status 0 for 2xx/3xx, 1 otherwise."""
    response = app.test_client().get(path)
    sys.stdout.buffer.write(response.get_data())
    if not response.get_data().endswith(b"\n"):
        sys.stdout.buffer.write(b"\n")
    sys.stdout.flush()
    return 0 if response.status_code < 400 else 1


def create_server(app, host: str = "127.0.0.1", port: int = 0, threads: int = 8):
    """A waitress server for ``app`` that starts SPARQL queries early and sends small responses
    in one write.

    * A ``GET /sparql?query=…`` starts on a free SPARQL worker as soon as the server's loop has
      read it (:func:`api.sparql.start_early`), so the query runs while a thread takes the
      request; the application then only waits for the answer. Without a free worker, the
      request is answered as any other.
    * Waitress sends the status line and headers, then the body, in two writes on the socket:
      two packets, and the client wakes twice. Here a body chunk of at most
      ``ONE_SEND_BYTES`` goes out together with the headers.

    >>> from api import create_app
    >>> server = create_server(create_app({"GRAPH_DIR": "graphs"}))
    >>> server.channel_class.task_class.__name__, type(server.task_dispatcher).__name__
    ('OneSendTask', 'EarlyStartDispatcher')
    >>> server.task_dispatcher.shutdown(); server.close()
    True
    """
    import waitress

    dispatcher = _early_start_dispatcher_class()(app)
    dispatcher.set_thread_count(threads)
    server = waitress.create_server(app, host=host, port=port, threads=threads, _dispatcher=dispatcher)
    server.channel_class = _one_send_channel_class()
    return server


ONE_SEND_BYTES = 1 << 16
"""Largest first body chunk sent together with the response headers."""

EARLY_ATTRIBUTE = "kg_early_start"
"""The attribute of a waitress request holding its early-started SPARQL query."""


@functools.cache
def _early_start_dispatcher_class() -> type:
    """A waitress task dispatcher that starts the SPARQL query of a request before queueing it."""
    from waitress.task import ThreadedTaskDispatcher

    from api.sparql import start_early

    class EarlyStartDispatcher(ThreadedTaskDispatcher):
        def __init__(self, app) -> None:
            super().__init__()
            self.app = app

        def add_task(self, task) -> None:
            requests = getattr(task, "requests", None)
            if requests:
                request = requests[0]
                if (
                    request.command == "GET"
                    and request.path == "/sparql"
                    and request.query
                    and request.error is None
                    and getattr(request, EARLY_ATTRIBUTE, None) is None
                    and self.has_free_thread()
                ):
                    early = start_early(self.app, request.query, request.headers.get("ACCEPT"))
                    setattr(request, EARLY_ATTRIBUTE, early)
            super().add_task(task)

        def has_free_thread(self) -> bool:
            """Whether a thread would take a task now: only then is a query started early, so
            that no started query holds a worker while requests queued before it wait for one."""
            with self.lock:
                busy = self.active_count + self.stop_count + len(self.queue)
                return len(self.threads) > busy

    return EarlyStartDispatcher


_HEADER_NAMES: dict[str, str] = {}


def _header_name(name: str) -> str:
    """A header name as waitress writes it: each part capitalised (``x-kg-rows`` → ``X-Kg-Rows``).

    >>> _header_name("content-TYPE"), _header_name("X-KG-Rows")
    ('Content-Type', 'X-Kg-Rows')
    """
    known = _HEADER_NAMES.get(name)
    if known is None:
        known = "-".join([part.capitalize() for part in name.split("-")])
        if len(_HEADER_NAMES) < 1024:
            _HEADER_NAMES[name] = known
    return known


_last_date: tuple[int, str] = (-1, "")


def _http_date(when: float) -> str:
    """The HTTP date of a time, as waitress writes it (computed once a second)."""
    global _last_date
    second, text = _last_date
    if int(when) != second:
        from waitress.utilities import build_http_date

        text = build_http_date(int(when))
        _last_date = (int(when), text)
    return text


def _first(pair: tuple[str, str]) -> str:
    return pair[0]


@functools.cache
def _one_send_channel_class() -> type:
    """A waitress channel whose tasks hold back the headers until the first body chunk, pass a
    request's early-started query to the application and release it if left unclaimed."""
    from waitress.channel import HTTPChannel
    from waitress.task import WSGITask

    from api.sparql import EARLY_START_KEY

    class OneSendTask(WSGITask):
        def build_response_header(self) -> bytes:
            """Waitress's response head, built faster in the usual case (HTTP/1.1, a body of
            known length, no Connection, Date or Server header from the application)."""
            headers = [(_header_name(k), v) for k, v in self.response_headers]
            names = {k for k, _ in headers}
            if (
                self.version != "1.1"
                or not names.isdisjoint(("Connection", "Date", "Server", "Transfer-Encoding"))
                or self.request.headers.get("CONNECTION", "").lower() == "close"
                or not self.has_body
            ):
                return super().build_response_header()
            if "Content-Length" not in names:
                if self.content_length is None:
                    return super().build_response_header()
                headers.append(("Content-Length", str(self.content_length)))
            ident = self.channel.server.adj.ident
            if ident:
                headers.append(("Server", ident))
            headers.append(("Date", _http_date(self.start_time)))
            self.response_headers = headers
            lines = "".join([f"{name}: {value}\r\n" for name, value in sorted(headers, key=_first)])
            return f"HTTP/1.1 {self.status}\r\n{lines}\r\n".encode("latin-1")

        def get_environment(self) -> dict:
            environ = super().get_environment()
            early = getattr(self.request, EARLY_ATTRIBUTE, None)
            if early is not None:
                environ[EARLY_START_KEY] = early
            return environ

        def write(self, data: bytes) -> None:
            if self.wrote_header or len(data) > ONE_SEND_BYTES:
                super().write(data)
                return
            self.channel.holding = []  # the headers, then the chunk, go to the list
            try:
                super().write(data)
            finally:
                held, self.channel.holding = self.channel.holding, None
                self.channel.send_now(b"".join(held))

    class OneSendChannel(HTTPChannel):
        task_class = OneSendTask
        holding: list[bytes] | None = None

        def write_soon(self, data: bytes) -> int:
            if self.holding is None or not isinstance(data, bytes):
                return super().write_soon(data)
            self.holding.append(data)
            return len(data)

        def send_now(self, data: bytes) -> None:
            """Send from the task's thread when nothing waits to be sent before; what the socket
            does not take goes to the channel's buffers, as with ``write_soon``."""
            if data and self.connected and not self.total_outbufs_len:
                with self.outbuf_lock:
                    if self.connected and not self.total_outbufs_len:
                        try:
                            sent = self.send(data, do_close=False)
                        except OSError:
                            sent = 0  # write_soon meets the error again and handles it
                        if sent:
                            self.last_activity = time.time()
                            data = data[sent:]
            if data:
                self.write_soon(data)

        def service(self) -> None:
            request = self.requests[0]
            try:
                super().service()
            finally:
                early = getattr(request, EARLY_ATTRIBUTE, None)
                if early is not None:
                    early.release()

    return OneSendChannel


def _serve(app, host: str, port: int, threads: int) -> int:
    import signal

    from api.data import get_data
    from api.sparql import get_pool

    with app.app_context():
        data = get_data()
    get_pool(app)  # warm workers before the first query
    server = create_server(app, host, port, threads)
    stats = data.stats()
    print(
        f"kg serve: {stats['nodes']} entities, {stats['edges']} edges from {app.config['GRAPH_DIR']}\n"
        f"kg serve: listening on http://{host}:{server.effective_port}/"
        " (API docs: /api/docs, SPARQL: /sparql)",
        flush=True,
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        server.run()
    finally:
        server.close()
    return 0
