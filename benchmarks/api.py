"""Bounded load on the query API over a synthetic graph of about one million triples.

Generates a built directory (networkx graph → kg.rdf N-Triples → Oxigraph store; graph.json;
documents.jsonl; manifest.json), starts ``kg serve`` on a free loopback port, sends a fixed
number of requests with a fixed concurrency (keep-alive connections) and prints requests/s and
p50/p95/p99 latencies for the neighbours endpoint and for a few SPARQL queries. The same
SPARQL queries then run on rdflib's in-memory Graph loaded with the same triples, and one at a
time over HTTP, each sent by Python's ``http.client`` and by a lean socket client in turn: the
first includes about a tenth of a millisecond of client-side Python per request, the second
what the endpoint itself takes (rdflib runs in-process, with no client at all).

    python benchmarks/api.py                      # generate into /tmp/kg-bench-graphs, run
    python benchmarks/api.py --nodes 2000 --quick # a small smoke run
    python benchmarks/api.py --on-disk            # workers query the on-disk store, not a copy in memory
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import write_graph_json  # noqa: E402
from kg.rdf import iri_for, write_ntriples  # noqa: E402

TYPES = ("official", "person", "place", "organization", "project", "theme")
CHARS = (
    "张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢"
)
PLACE_CHARS = "长治晋城太原大同阳泉朔州忻州吕梁晋中临汾运城安平宁远康乐兴华"
PREFIXES = "PREFIX kg: <https://kg.example.org/ns#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


# -- the synthetic graph directory -------------------------------------------------------------------------


def synthetic_graph(nodes: int, seed: int = 7) -> tuple[nx.Graph, list[dict]]:
    """A scale-free co-occurrence graph with contract attributes, and its documents."""
    rng = random.Random(seed)
    shape = nx.barabasi_albert_graph(nodes, 4, seed=seed)
    n_docs = max(nodes // 10, 10)
    docs = [f"bench/{i:05d}.txt" for i in range(n_docs)]
    dates = [f"2023-{m:02d}-{d:02d}" for m in range(1, 13) for d in (1, 11, 21)]
    ids: dict[int, str] = {}
    g = nx.Graph()
    for n in shape.nodes:
        type_ = TYPES[n % len(TYPES)]
        pool = PLACE_CHARS if type_ == "place" else CHARS
        label = "".join(rng.choice(pool) for _ in range(rng.randint(2, 4))) + f"{n}"
        ids[n] = f"{type_}/{label}"
        mentions = [
            {"document": rng.choice(docs), "article": 0, "sentence": rng.randrange(20), "start": 0, "end": 3}
            | {"text": label}
            for _ in range(3)
        ]
        g.add_node(
            ids[n],
            type=type_,
            label=label,
            aliases=[],
            titles=["市长"] if type_ == "official" else [],
            count=3,
            documents=sorted({m["document"] for m in mentions}),
            dates=[rng.choice(dates)],
            mentions=mentions,
            iri=iri_for(ids[n]),
        )
    for a, b in shape.edges:
        evidence = [
            {
                "document": rng.choice(docs),
                "article": 0,
                "sentence": rng.randrange(20),
                "date": rng.choice(dates),
            }
            for _ in range(2)
        ]
        g.add_edge(
            ids[a],
            ids[b],
            weight=min(int(rng.paretovariate(1.5)), 50),
            articles=1,
            dice=round(rng.random(), 4),
            pmi=round(rng.uniform(-2, 6), 4),
            relations=[],
            evidence=evidence,
            dates=sorted({e["date"] for e in evidence}),
        )
    g.graph["shas"] = {d: f"{i:064x}" for i, d in enumerate(docs)}
    documents = [
        {
            "name": d,
            "sha256": g.graph["shas"][d],
            "date": rng.choice(dates),
            "articles": [
                {
                    "index": 0,
                    "headline": f"第{i}篇",
                    "sentences": [{"index": s, "text": f"第{i}篇第{s}句。"} for s in range(20)],
                }
            ],
            "entities": [],
        }
        for i, d in enumerate(docs)
    ]
    return g, documents


def write_graph_dir(out: Path, nodes: int) -> int:
    """Write the synthetic built directory; returns its triple count."""
    import pyoxigraph

    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    graph, documents = synthetic_graph(nodes)
    with (out / "kg.nt").open("w", encoding="utf-8") as fh:
        triples = write_ntriples(graph, [], fh)
    store = pyoxigraph.Store(str(out / "store"))
    store.bulk_load(path=str(out / "kg.nt"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    store.optimize()
    del store
    write_graph_json(graph, out / "graph.json")
    with (out / "documents.jsonl").open("w", encoding="utf-8") as fh:
        for doc in documents:
            fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    manifest = {
        "build_id": f"bench-{nodes}",
        "kg_version": "bench",
        "counts": {"nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(), "triples": triples},
        "documents": {d["name"]: d["sha256"] for d in documents},
    }
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return triples


# -- load ------------------------------------------------------------------------------------------------


class Client:
    """Keep-alive HTTP connections, one per thread."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.local = threading.local()

    def get(self, path: str) -> tuple[int, float]:
        status, seconds, _ = self.fetch(path)
        return status, seconds

    def fetch(self, path: str) -> tuple[int, float, http.client.HTTPResponse | None]:
        """Status, seconds, and the response (for its headers)."""
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = self.local.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        started = time.perf_counter()
        try:
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
        except (http.client.HTTPException, OSError):
            self.local.conn = None
            conn.close()
            return 0, time.perf_counter() - started, None
        return response.status, time.perf_counter() - started, response


class RawClient:
    """A lean keep-alive HTTP/1.1 client over one socket: the request in one send, the response
    read until its Content-Length, headers split without ``http.client``'s parser. It costs the
    measurement a few microseconds per request where ``http.client`` costs about a tenth of a
    millisecond; both are reported."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.sock: socket.socket | None = None

    def fetch(self, path: str) -> tuple[int, float, dict[str, str]]:
        """Status, seconds, and the response headers (names in lower case)."""
        if self.sock is None:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=120)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{self.port}\r\n\r\n".encode("latin-1")
        started = time.perf_counter()
        self.sock.sendall(request)
        data = self.sock.recv(1 << 16)
        while b"\r\n\r\n" not in data:
            more = self.sock.recv(1 << 16)
            if not more:
                raise ConnectionError("the server closed the connection")
            data += more
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        missing = int(headers["content-length"]) - len(body)
        while missing > 0:
            more = self.sock.recv(max(missing, 1 << 16))
            if not more:
                raise ConnectionError("the server closed the connection")
            missing -= len(more)
        seconds = time.perf_counter() - started
        return int(lines[0].split()[1]), seconds, headers

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def load(client: Client, paths: list[str], concurrency: int) -> dict[str, float]:
    """Send every path once with ``concurrency`` threads; requests/s and latency percentiles (ms)."""
    started = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(client.get, paths))
    wall = time.perf_counter() - started
    latencies = [t * 1000 for _, t in results]
    return {
        "requests": len(paths),
        "errors": sum(1 for status, _ in results if status != 200),
        "rps": len(paths) / wall,
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "p99": percentile(latencies, 99),
    }


def sparql_queries(sample: list[str]) -> dict[str, Callable[[int], str]]:
    """Typical queries; each takes a request number to pick an entity from the sample."""
    return {
        "neighbours by weight": lambda i: (
            PREFIXES + f"SELECT ?other ?weight WHERE {{ ?c kg:between <{sample[i % len(sample)]}>, ?other ;"
            f" kg:weight ?weight . FILTER(?other != <{sample[i % len(sample)]}>) }}"
            " ORDER BY DESC(?weight) LIMIT 20"
        ),
        "2-hop reach": lambda i: (
            PREFIXES
            + f"SELECT (COUNT(DISTINCT ?z) AS ?n) WHERE {{ ?c1 kg:between <{sample[i % len(sample)]}>, ?y ."
            " ?c2 kg:between ?y, ?z . }"
        ),
        "label contains": lambda i: (
            PREFIXES + "SELECT ?s ?label WHERE { ?s rdfs:label ?label ."
            f' FILTER(CONTAINS(?label, "{CHARS[i % 40]}{i % 10}")) }} LIMIT 100'
        ),
        "count by type": lambda i: (
            "SELECT ?type (COUNT(?s) AS ?n) WHERE { ?s a ?type } GROUP BY ?type ORDER BY DESC(?n)"
        ),
        "top 20 by degree": lambda i: (
            PREFIXES + "SELECT ?e (COUNT(?c) AS ?degree) WHERE { ?c kg:between ?e }"
            " GROUP BY ?e ORDER BY DESC(?degree) LIMIT 20"
        ),
    }


def start_server(
    graph_dir: Path, threads: int, workers: int, memory_triples: int | None = None
) -> tuple[subprocess.Popen, int]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "kg",
        "serve",
        str(graph_dir),
        "--port",
        str(port),
        "--threads",
        str(threads),
    ]
    command += ["--setting", "sparql_workers", str(workers), "--setting", "sparql_time_limit_ms", "120000"]
    if memory_triples is not None:
        command += ["--setting", "sparql_memory_triples", str(memory_triples)]
    # waitress logs "Task queue depth" whenever all threads are busy, which a load test wants
    process = subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert process.stdout is not None
    for line in process.stdout:
        print("  " + line.rstrip(), flush=True)
        if "listening on" in line:
            return process, port
    raise SystemExit("kg serve did not start")


def wait_for_memory_copies(client: Client, workers: int, timeout: float = 300.0) -> str:
    """Wait until every SPARQL worker answers from its copy of the store in memory (or give up)."""
    started = time.perf_counter()
    path = "/sparql?" + urllib.parse.urlencode({"query": "ASK {}"})
    while time.perf_counter() - started < timeout:
        stores = [client.fetch(path)[2] for _ in range(3 * workers)]
        if all(r is not None and r.headers.get("X-KG-Store") == "memory" for r in stores):
            return f"from memory after {time.perf_counter() - started:.1f} s"
        time.sleep(0.5)
    return "from disk (no copy in memory)"


def row(name: str, r: dict[str, float]) -> str:
    return (
        f"{name:38} {r['requests']:>6.0f} {r['errors']:>4.0f} {r['rps']:>9.1f} "
        f"{r['p50']:>8.2f} {r['p95']:>8.2f} {r['p99']:>8.2f}"
    )


def load_rdflib(nt_path: Path) -> Any:
    """rdflib's in-memory Graph with the triples of the benchmark."""
    import rdflib

    started = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(str(nt_path), format="nt")
    print(f"  rdflib loaded {len(graph)} triples in {time.perf_counter() - started:.1f} s", flush=True)
    return graph


def one_at_a_time(
    graph: Any,
    client: Client,
    raw: RawClient,
    queries: dict[str, Callable[[int], str]],
    runs: int,
    budget: float,
) -> dict[str, list[tuple[float, float, float, float]]]:
    """Query i = 0, 1, … one at a time on rdflib's Graph (in-process), then the same inputs over
    HTTP, each sent with http.client and with the lean client in turn; query by query, so that
    both engines run under the same load of the machine: (rdflib ms, http.client ms, lean client
    ms, ms in the worker for the latter). Each query runs ``runs`` times, or fewer once rdflib has
    spent ``budget`` seconds on it (2 runs at least).
    """
    times: dict[str, list[tuple[float, float, float, float]]] = {}
    for name, make in queries.items():
        theirs: list[float] = []
        for i in range(runs):
            t = time.perf_counter()
            list(graph.query(make(i)))
            theirs.append((time.perf_counter() - t) * 1000)
            if i >= 1 and sum(theirs) > budget * 1000:
                break
        times[name] = []
        for i, rdflib_ms in enumerate(theirs):
            path = "/sparql?" + urllib.parse.urlencode({"query": make(i), "format": "json"})
            status, seconds, response = client.fetch(path)
            assert status == 200 and response is not None, (name, status)
            status, lean, headers = raw.fetch(path)
            assert status == 200, (name, status)
            times[name].append((rdflib_ms, seconds * 1000, lean * 1000, float(headers["x-kg-query-ms"])))
        print(f"  {name:22} {len(theirs):3} runs, rdflib p50 {statistics.median(theirs):9.1f} ms", flush=True)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--out", type=Path, default=Path("/tmp/kg-bench-graphs"), help="graph directory to use"
    )
    parser.add_argument("--nodes", type=int, default=20500, help="entities (about 49 triples each)")
    parser.add_argument("--regenerate", action="store_true", help="rebuild the directory even if present")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--neighbours", type=int, default=4000, help="neighbours requests")
    parser.add_argument("--sparql", type=int, default=200, help="requests per SPARQL query (heavy ones: 1/5)")
    parser.add_argument(
        "--runs", type=int, default=20, help="runs of each query, one at a time, on both engines"
    )
    parser.add_argument("--rdflib-budget", type=float, default=12.0, help="seconds per query on rdflib")
    parser.add_argument("--workers", type=int, default=2, help="SPARQL worker processes")
    parser.add_argument(
        "--on-disk", action="store_true", help="workers query the on-disk store (no copy in memory)"
    )
    parser.add_argument("--quick", action="store_true", help="small counts for a smoke run")
    args = parser.parse_args(argv)
    if args.quick:
        args.neighbours, args.sparql, args.runs, args.rdflib_budget = 400, 20, 4, 2.0

    manifest = args.out / "manifest.json"
    if (
        args.regenerate
        or not manifest.exists()
        or json.loads(manifest.read_text())["build_id"] != f"bench-{args.nodes}"
    ):
        started = time.perf_counter()
        triples = write_graph_dir(args.out, args.nodes)
        print(
            f"generated {triples} triples in {time.perf_counter() - started:.1f} s -> {args.out}", flush=True
        )
    counts = json.loads(manifest.read_text())["counts"]
    print(f"graph: {counts['nodes']} nodes, {counts['edges']} edges, {counts['triples']} triples", flush=True)

    graph_json = json.loads((args.out / "graph.json").read_text(encoding="utf-8"))
    rng = random.Random(1)
    ids = [n["id"] for n in rng.sample(graph_json["nodes"], 500)]
    del graph_json
    sample_iris = [iri_for(i) for i in ids[:50]]
    queries = sparql_queries(sample_iris)

    process, port = start_server(args.out, args.concurrency, args.workers, 0 if args.on_disk else None)
    results: dict[str, dict[str, float]] = {}
    try:
        client = Client(port)
        store = wait_for_memory_copies(client, args.workers, 0 if args.on_disk else 300)
        print(f"  SPARQL workers answer {store}", flush=True)
        neighbours = [
            f"/api/entities/{urllib.parse.quote(ids[i % len(ids)])}/neighbours?limit=20"
            for i in range(args.neighbours)
        ]
        load(client, neighbours[:200], args.concurrency)  # warm up
        results["neighbours (REST)"] = load(client, neighbours, args.concurrency)
        for name, make in queries.items():
            n = args.sparql // 5 if name in ("top 20 by degree", "count by type") else args.sparql
            paths = [
                "/sparql?" + urllib.parse.urlencode({"query": make(i), "format": "json"})
                for i in range(max(n, 8))
            ]
            results[f"sparql: {name}"] = load(client, paths, args.concurrency)
        print(f"\nHTTP on 127.0.0.1, concurrency {args.concurrency}, {args.workers} SPARQL workers ({store})")
        print(f"{'endpoint':38} {'reqs':>6} {'err':>4} {'req/s':>9}", end="")
        print(f" {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for name, r in results.items():
            print(row(name, r), flush=True)
        print("\nSPARQL one query at a time, in turn on rdflib's in-memory Graph and over HTTP:", flush=True)
        graph = load_rdflib(args.out / "kg.nt")
        raw = RawClient(port)
        sequential = one_at_a_time(graph, client, raw, queries, args.runs, args.rdflib_budget)
        raw.close()
    finally:
        process.terminate()
        process.wait(30)
        if process.stdout:
            process.stdout.close()

    print("\nSPARQL one query at a time, same inputs, p50 ms: rdflib in memory; the endpoint over HTTP")
    print("as the client sees it, with http.client (HTTP) and with a lean socket client (lean), and")
    print("inside its worker (evaluation + serialisation):")
    print(
        f"{'query':24} {'runs':>5} {'rdflib':>9} {'HTTP':>8} {'speed-up':>9} {'lean':>8} {'speed-up':>9}"
        f" {'worker':>8} {'speed-up':>9}"
    )
    for name, ours in sequential.items():
        a, total, lean, worker = (statistics.median(t[k] for t in ours) for k in range(4))
        speed = f"{a / total:>8.1f}x {lean:>8.2f} {a / lean:>8.1f}x {worker:>8.2f} {a / worker:>8.1f}x"
        print(f"{name:24} {len(ours):>5} {a:>9.1f} {total:>8.2f} {speed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
