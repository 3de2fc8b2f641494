"""`kg export GRAPH_DIR --format F -o FILE`: the graph, or the filtered part of it, for other tools.

Filters (``--type``, ``--min-weight``, ``--since``/``--until``, ``--ego``/``--hops``,
``--top``) export the view you are looking at rather than the whole graph.
"""

from __future__ import annotations

import argparse
import sys

import networkx as nx

from kg.errors import UserError
from kg.readwrite import FORMATS, export_format
from kg.subgraph import GraphFilter


def add_filter_options(parser: argparse.ArgumentParser) -> None:
    """The graph filters shared by ``kg export`` and ``kg viz``."""
    parser.add_argument(
        "--type",
        action="append",
        default=[],
        metavar="TYPE",
        help="keep entities of this type (repeat or comma-separate)",
    )
    parser.add_argument("--min-weight", type=int, help="keep ties seen in at least this many sentences")
    parser.add_argument(
        "--since", metavar="DATE", help="keep what appears in articles dated on or after DATE"
    )
    parser.add_argument(
        "--until", metavar="DATE", help="keep what appears in articles dated on or before DATE"
    )


def graph_filter(args: argparse.Namespace, **extra: object) -> GraphFilter:
    """The :class:`GraphFilter` the command-line options describe."""
    types = tuple(t.strip() for value in args.type for t in value.split(",") if t.strip())
    return GraphFilter(types=types, min_weight=args.min_weight, since=args.since, until=args.until, **extra)


def load_graph(path: str) -> nx.Graph:
    """The networkx graph of a built directory."""
    from kg.store import GraphDir

    return GraphDir(path).graph()


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "export",
        help="export the graph (or a filtered view) for other tools",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("graph_dir", metavar="GRAPH_DIR", help="a directory written by `kg build`")
    parser.add_argument(
        "--format",
        "-f",
        required=True,
        metavar="FORMAT",
        help="one of: " + ", ".join(f"{f.name} ({f.help})" for f in FORMATS.values()),
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="where to write (default: stdout); for neo4j a .zip or a directory",
    )
    add_filter_options(parser)
    parser.add_argument("--ego", metavar="ENTITY", help="only the network of this entity id")
    parser.add_argument("--hops", type=int, default=1, choices=(1, 2), help="ego network radius (default 1)")
    parser.add_argument("--top", type=int, metavar="N", help="only the N entities with the highest degree")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    chosen = export_format(args.format)
    view = graph_filter(args, ego=args.ego, hops=args.hops, top=args.top).apply(load_graph(args.graph_dir))
    target = args.output or sys.stdout.buffer
    try:
        chosen.write(view, target)
    except OSError as err:
        raise UserError(f"{args.output}: cannot write: {err.strerror or err}") from err
    where = args.output or "stdout"
    print(
        f"{view.number_of_nodes()} entities, {view.number_of_edges()} ties → {where} ({chosen.name})",
        file=sys.stderr,
    )
    return 0
