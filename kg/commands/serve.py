"""`kg serve`: the REST API, SPARQL endpoint and pages over a built directory, under waitress.

kg serve graphs/ --host 127.0.0.1 --port 5000
kg serve graphs/ --get /api/stats          # answer one request, print the body, exit
kg serve graphs/ --setting sparql_time_limit_ms 2000
"""

from __future__ import annotations

import argparse
import functools
import logging
import sys
import threading
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
      read it (:func:`api.sparql.start_early`), and the loop watches the worker's answer pipe
      instead of queueing the request: no thread waits while the query runs. Over HTTP/1.1 kept
      open, with nothing else to send first, the job carries the client's socket and the worker
      writes a small answer's response (the head this server would write) to the client itself;
      the loop then only ends the request. Any other answer, an error, or the deadline queues
      the request for a thread, which answers it from the answer as before (the worker is
      killed at the deadline). Without a free worker or thread, the request is answered as any
      other.
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
    if hasattr(server, "_map"):  # one listening socket: the loop also waits for early answers
        dispatcher.map = server._map
        server.run = functools.partial(_run_loop, server, dispatcher)
    return server


def _run_loop(server, dispatcher) -> None:
    """Waitress's server loop (``BaseWSGIServer.run``), woken at the deadline of the earliest
    early-started query it waits for."""
    from waitress import wasyncore

    adj = server.adj
    poll = wasyncore.poll2 if adj.asyncore_use_poll else wasyncore.poll
    dispatcher.loop_thread = threading.get_ident()
    try:
        while server._map:
            poll(dispatcher.loop_timeout(adj.asyncore_loop_timeout), server._map)
            dispatcher.expire()
    except (SystemExit, KeyboardInterrupt):
        server.task_dispatcher.shutdown()
    finally:
        dispatcher.loop_thread = None


ONE_SEND_BYTES = 1 << 16
"""Largest first body chunk sent together with the response headers."""

EARLY_ATTRIBUTE = "kg_early_start"
"""The attribute of a waitress request holding its early-started SPARQL query."""


@functools.cache
def _early_start_dispatcher_class() -> type:
    """A waitress task dispatcher that starts the SPARQL query of a request before queueing it,
    and, in the server's loop, queues it only once the answer is there."""
    from waitress.task import ThreadedTaskDispatcher

    from api.sparql import start_early

    class EarlyStartDispatcher(ThreadedTaskDispatcher):
        map: dict | None = None  # the server loop's map, where answer pipes are watched
        loop_thread: int | None = None  # the thread running the server loop

        def __init__(self, app) -> None:
            super().__init__()
            self.app = app
            self.watches: set[_AnswerWatch] = set()

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
                    early = start_early(
                        self.app, request.query, request.headers.get("ACCEPT"), _direct_client(task)
                    )
                    setattr(request, EARLY_ATTRIBUTE, early)
                    if (
                        early is not None
                        and self.map is not None
                        and self.loop_thread == threading.get_ident()
                    ):
                        self.watch(_AnswerWatch(self, task, early))
                        return
            super().add_task(task)

        def has_free_thread(self) -> bool:
            """Whether a thread would take a task now: only then is a query started early, so
            that no started query holds a worker while requests queued before it wait for one."""
            with self.lock:
                busy = self.active_count + self.stop_count + len(self.queue)
                return len(self.threads) > busy

        def watch(self, watch: _AnswerWatch) -> None:
            assert self.map is not None
            self.map[watch.fd] = watch
            self.watches.add(watch)

        def unwatch(self, watch: _AnswerWatch) -> bool:
            """Stop watching (once): whether it was watched."""
            if watch not in self.watches:
                return False
            self.watches.discard(watch)
            if self.map is not None and self.map.get(watch.fd) is watch:
                del self.map[watch.fd]
            return True

        def loop_timeout(self, timeout: float) -> float:
            """The server loop's wait: at most until the earliest deadline watched."""
            if not self.watches:
                return timeout
            earliest = min(w.early.started.deadline for w in self.watches)
            return max(0.0, min(timeout, earliest - time.monotonic()))

        def expire(self) -> None:
            """Queue the requests whose query reached its deadline: their thread stops it."""
            if self.watches:
                now = time.monotonic()
                for watch in [w for w in self.watches if w.early.started.deadline <= now]:
                    self.unwatch(watch)
                    super().add_task(watch.channel)

        def answered(self, watch: _AnswerWatch) -> None:
            """The answer pipe of a watched query is readable: a response the worker sent itself
            ends the request here; anything else goes to a thread, with the answer if whole."""
            if not self.unwatch(watch):
                return
            channel, early = watch.channel, watch.early
            try:
                answer = early.wait() if early.started.worker.answer_arrived() else None
                if answer is not None and answer.kind == "sent" and not answer.body and channel.connected:
                    early.claimed = True
                    _end_request(channel)
                    return
            except Exception:  # the thread answers the request as usual
                logging.getLogger(__name__).exception("while reading an early SPARQL answer")
            super().add_task(channel)

    return EarlyStartDispatcher


class _AnswerWatch:
    """An entry of the server loop's map: the answer pipe of a worker running the early-started
    query of a channel's first request (readable once the worker answers or dies)."""

    accepting = False

    def __init__(self, dispatcher, channel, early) -> None:
        self.dispatcher, self.channel, self.early = dispatcher, channel, early
        self.fd = early.started.worker.answers

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return False

    def handle_read_event(self) -> None:
        self.dispatcher.answered(self)

    handle_close = handle_read_event  # the worker died (poll's POLLHUP)

    def handle_expt_event(self) -> None:
        """A pipe has no exceptional conditions."""

    def handle_error(self) -> None:
        """An error before the answer was looked at: the request goes to a thread, which
        answers it as usual."""
        logging.getLogger(__name__).exception("while watching an early SPARQL answer")
        if self.dispatcher.unwatch(self):
            super(type(self.dispatcher), self.dispatcher).add_task(self.channel)

    def close(self) -> None:
        self.dispatcher.unwatch(self)


def _end_request(channel) -> None:
    """End a channel's first request, whose response was written by a worker, as waitress's
    ``HTTPChannel.service`` does after a task that keeps the connection open."""
    request = channel.requests[0]
    request.close()
    with channel.requests_lock:
        channel.requests.pop(0)
        if channel.connected and channel.requests:
            channel.server.add_task(channel)
        elif (
            channel.connected
            and channel.request is not None
            and channel.request.expect_continue
            and channel.request.headers_finished
            and not channel.sent_continue
        ):
            channel.send_continue()
    channel.last_activity = time.time()


def _direct_client(channel) -> tuple[int, str] | None:
    """The client's socket and the server's ident, for the worker to write the response of the
    channel's first request itself; None unless that response would be written with
    :func:`response_head` (HTTP/1.1, the connection kept open) and nothing else waits to be sent
    on the channel before it."""
    request = channel.requests[0]
    if (
        request.version != "1.1"
        or request.headers.get("CONNECTION", "").lower() == "close"
        or not channel.connected
        or channel.total_outbufs_len
    ):
        return None
    return channel.socket.fileno(), channel.server.adj.ident


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


def server_headers(headers: list[tuple[str, str]], ident: str, when: float) -> list[tuple[str, str]]:
    """An application's headers as waitress writes them (names capitalised), with the Server
    and Date headers it adds: for a response whose headers name neither, nor Connection or
    Transfer-Encoding."""
    out = [(_header_name(k), v) for k, v in headers]
    if ident:
        out.append(("Server", ident))
    out.append(("Date", _http_date(when)))
    return out


def response_head(status: str, headers: list[tuple[str, str]]) -> bytes:
    r"""The HTTP/1.1 status line and headers (sorted by name, stably), as waitress writes them.

    >>> response_head("200 OK", server_headers([("x-kg-rows", "1")], "waitress", 0))
    b'HTTP/1.1 200 OK\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nServer: waitress\r\nX-Kg-Rows: 1\r\n\r\n'
    """
    lines = "".join([f"{name}: {value}\r\n" for name, value in sorted(headers, key=_first)])
    return f"HTTP/1.1 {status}\r\n{lines}\r\n".encode("latin-1")


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
            headers = self.response_headers
            names = {_header_name(k) for k, _ in headers}
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
                headers = [*headers, ("Content-Length", str(self.content_length))]
            self.response_headers = server_headers(headers, self.channel.server.adj.ident, self.start_time)
            return response_head(self.status, self.response_headers)

        def execute(self) -> None:
            early = getattr(self.request, EARLY_ATTRIBUTE, None)
            if early is not None and early.started.direct:
                # the worker may write the response itself: nothing is written before its answer
                answer = early.wait()
                if answer is not None and answer.kind in ("sent", "lost"):
                    early.claimed = True
                    self.wrote_header = True  # by the worker
                    if answer.kind == "lost":
                        self.close_on_finish = True
                    elif answer.body:  # what the client's socket did not take at once
                        self.channel.write_soon(answer.body)
                    return
            super().execute()

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
