"""`kg build FILES... -o graphs/`: extract articles and build (or extend) the knowledge graph."""

from __future__ import annotations

import argparse
import sys

from kg.build import FORMATS, build_graph_dir


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "build",
        help="build or extend the knowledge graph directory",
        description="Extract article files (directories give their *.txt) and build the graph directory: "
        "RDF (Turtle, optionally N-Triples/JSON-LD), an Oxigraph store, graph.json, documents.jsonl. "
        "Building again adds new articles; files already in the graph change nothing.",
    )
    parser.add_argument("paths", nargs="+", metavar="FILES", help="article files or directories")
    parser.add_argument("-o", "--out", default="graphs", help="graph directory (default: graphs)")
    parser.add_argument(
        "--format",
        dest="formats",
        action="append",
        choices=FORMATS,
        default=[],
        help="RDF files to write besides Turtle (repeatable: nt, jsonld)",
    )
    parser.add_argument(
        "--window",
        default="sentence",
        help="co-occurrence window: sentence (default), article, or a number of sentences",
    )
    parser.add_argument("--min-weight", type=int, default=1, help="drop co-occurrences seen fewer times")
    parser.add_argument("--min-dice", type=float, default=0.0, help="drop co-occurrences with lower Dice")
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    summary = build_graph_dir(
        args.paths,
        args.out,
        formats=args.formats or ("ttl",),
        window=args.window,
        min_weight=args.min_weight,
        min_dice=args.min_dice,
        report=lambda line: print(f"kg build: {line}", file=sys.stderr),
    )
    if not args.quiet:
        print("\n".join(summary.lines()))
    return 0
