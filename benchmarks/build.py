"""Benchmark `kg build` on a synthetic corpus: speed, peak memory, triples, cost beyond extraction.

    python benchmarks/build.py                 # 10,000 articles
    python benchmarks/build.py --articles 2000 # a quick run

Targets: graph + RDF + store cost at most half the extraction time; peak memory under 2 GB.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import write_corpus  # noqa: E402

from kg.build import build_graph_dir  # noqa: E402


def peak_memory_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", help="build into this directory and keep it")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        started = time.perf_counter()
        pages = write_corpus(work / "corpus", args.articles, args.seed)
        print(f"corpus: {len(pages)} pages, {args.articles} articles ({time.perf_counter() - started:.1f} s)")
        out = Path(args.keep) if args.keep else work / "graphs"
        summary = build_graph_dir([work / "corpus"], out, progress=None)
        beyond = summary.seconds - summary.extraction_seconds
        print("\n".join(summary.lines()))
        print("phases (s): " + ", ".join(f"{k} {v:.2f}" for k, v in summary.phases.items()))
        print(f"articles/s: {summary.articles / summary.seconds:.1f}")
        print(
            f"extraction: {summary.extraction_seconds:.1f} s; graph + RDF + store + files: {beyond:.1f} s "
            f"= {beyond / summary.seconds:.0%} of the build, "
            f"{beyond / summary.extraction_seconds:.2f}× extraction (target ≤ 0.5×)"
        )
        print(f"peak memory: {peak_memory_mb():.0f} MB (target < 2048 MB)")
        print(f"triples: {summary.triples}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
