"""Page size and time to a drawn network in headless Chromium for 500, 2,000 and 10,000 entities.

    python benchmarks/viz.py [--sizes 500 2000 10000] [--keep DIR]

For each size it builds a synthetic entity graph with the documented attributes
(power-law degrees, communities, Chinese labels, dates, mentions, evidence),
renders the overview page of all of it, and opens the page in headless Chromium
with networking off. It prints:

- ``build``: seconds to choose, lay out and render the page in Python;
- ``size``: the page in MB (vis-network itself is ~0.7 MB of it);
- ``chromium``: wall seconds from starting Chromium to the dumped DOM, the network drawn;
- ``startup``: the same for an empty page (Chromium's own cost, to subtract);
- ``first draw``: ``performance.now()`` in the page at vis' first ``afterDrawing``.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg import viz
from kg.viz.browser import chromium, visit

TYPES = ("official", "person", "place", "organization", "project", "theme")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀霞平刚"


def random_date(rng: random.Random) -> str:
    return f"2023-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def synthetic_graph(count: int, seed: int = 11) -> nx.Graph:
    """A graph shaped like a built one: typed entities, weighted ties, dates, mentions and evidence."""
    rng = random.Random(seed)
    shape = nx.powerlaw_cluster_graph(count, 2, 0.3, seed=seed)
    graph = nx.Graph()
    ids = {}
    for n in shape:
        kind = rng.choices(TYPES, weights=(4, 2, 3, 2, 2, 1))[0]
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if n % 2 else "") + str(n)
        ids[n] = f"{kind}/{name}"
        dates = sorted({random_date(rng) for _ in range(rng.randint(1, 4))})
        document = f"d{n % 97}.txt"
        graph.add_node(
            ids[n], type=kind, label=name, aliases=[name[:2]], count=len(dates) * 2, documents=[document],
            titles=["市委书记"] if kind == "official" else [], dates=dates,
            mentions=[{"document": document, "article": 0, "sentence": 1, "start": 0, "end": 2}],
        )  # fmt: skip
    for u, v in shape.edges:
        date = random_date(rng)
        weight = rng.choice((1, 1, 1, 2, 2, 3, 5, 8))
        graph.add_edge(
            ids[u], ids[v], weight=weight, articles=1, dice=0.1, pmi=1.0, relations=[], dates=[date],
            evidence=[{"document": f"d{u % 97}.txt", "article": 0, "sentence": 1, "date": date}],
        )  # fmt: skip
    return graph


def measure(count: int, out: Path) -> dict[str, float]:
    graph = synthetic_graph(count)
    began = time.perf_counter()
    html = viz.overview_page(graph, top=count)
    built = time.perf_counter() - began
    page = viz.write_page(html, out / f"overview-{count}.html")
    seen = visit(page, budget_ms=60_000, timeout=300)
    if not seen.drawn:
        raise SystemExit(f"{count}: the network was not drawn")
    return {
        "nodes": count,
        "edges": graph.number_of_edges(),
        "build": built,
        "size": page.stat().st_size / 1e6,
        "chromium": seen.seconds,
        "first_draw": int(seen.body["data-kg-draw-ms"]) / 1000,
        "requests": len(seen.requests),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2_000, 10_000])
    parser.add_argument("--keep", type=Path, help="write the pages here instead of a temporary directory")
    args = parser.parse_args(argv)
    if chromium() is None:
        print("chromium is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        blank = viz.write_page("<!DOCTYPE html><title>blank</title>", out / "blank.html")
        startup = min(visit(blank, budget_ms=100).seconds for _ in range(2))
        print(f"chromium startup on an empty page: {startup:.2f} s")
        columns = ("nodes", "edges", "build s", "size MB", "chromium s", "first draw s")
        print(" ".join(f"{c:>{w}}" for c, w in zip(columns, (7, 7, 8, 8, 11, 13), strict=True)), "requests")
        for count in args.sizes:
            m = measure(count, out)
            print(
                f"{m['nodes']:>7} {m['edges']:>7} {m['build']:>8.2f} {m['size']:>8.2f} "
                f"{m['chromium']:>11.2f} {m['first_draw']:>13.2f} {m['requests']:>8}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
