"""`kg viz GRAPH_DIR -o PAGES/`: self-contained HTML pages to explore the graph offline.

By default writes ``index.html`` (the overview of the top entities) and one ego
page per top entity. ``--entity ID`` writes only that entity's page (repeatable),
``--path A B`` the paths between two entities, ``--theme ID`` a theme's page.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from kg import viz
from kg.commands.export import add_filter_options, graph_filter, load_graph
from kg.viz import Sources


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "viz",
        help="write exploration pages (HTML, works offline)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("graph_dir", metavar="GRAPH_DIR", help="a directory written by `kg build`")
    parser.add_argument(
        "-o",
        "--output",
        metavar="DIR",
        help="where to write pages (default ./pages; not inside GRAPH_DIR, which a rebuild replaces)",
    )
    parser.add_argument(
        "--top", type=int, default=viz.DEFAULT_TOP, help="entities on the overview (default 200)"
    )
    parser.add_argument("--by", choices=("degree", "weight"), default="degree", help="rank entities by")
    parser.add_argument(
        "--egos",
        type=int,
        default=viz.DEFAULT_EGO_PAGES,
        metavar="N",
        help="ego pages for the N top entities (default 50)",
    )
    parser.add_argument("--hops", type=int, default=1, choices=(1, 2), help="ego network radius (default 1)")
    parser.add_argument(
        "--entity",
        action="append",
        default=[],
        metavar="ID",
        help="write only this entity's ego page (repeatable)",
    )
    parser.add_argument("--path", nargs=2, metavar=("SOURCE", "TARGET"), help="write the paths between two")
    parser.add_argument("--theme", metavar="ID", help="write a theme's page")
    add_filter_options(parser)
    parser.set_defaults(func=run)


def load_sources(path: str) -> Sources:
    """Sentences and headlines of the built directory, for tooltips."""
    from kg.store import GraphDir

    return Sources.from_records(GraphDir(path).documents())


def _name(prefix: str, *ids: str) -> str:
    return f"{prefix}-{hashlib.sha1('|'.join(ids).encode('utf-8')).hexdigest()[:10]}.html"


def run(args: argparse.Namespace) -> int:
    graph = graph_filter(args).apply(load_graph(args.graph_dir))
    sources = load_sources(args.graph_dir)
    out = Path(args.output or "pages")
    written: list[Path] = []
    if args.path:
        html = viz.path_page(graph, *args.path, sources=sources)
        written.append(viz.write_page(html, out / _name("path", *args.path)))
    if args.theme:
        html = viz.theme_page(graph, args.theme, sources=sources)
        written.append(viz.write_page(html, out / _name("theme", args.theme)))
    if args.entity:
        for entity in args.entity:
            html = viz.ego_page(graph, entity, args.hops, sources=sources)
            written.append(viz.write_page(html, out / viz.entity_filename(entity)))
    if not written:
        written = viz.write_pages(graph, out, args.top, args.egos, args.hops, args.by, sources)
    for path in written:
        print(path)
    print(f"{len(written)} pages in {out}", file=sys.stderr)
    return 0
