"""`kg query 'SPARQL'`: run a SPARQL 1.1 query on a built graph; table, JSON, CSV or TSV."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path
from typing import IO

from kg.errors import UserError
from kg.rdf import PREFIXES
from kg.store import GraphDir

FORMATS = ("table", "json", "csv", "tsv")
CELL_WIDTH = 60
"""Widest table cell, in terminal columns; longer values are cut with …."""


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "query",
        help="run a SPARQL query on the built graph",
        description="Run a SPARQL 1.1 query on the graph's Oxigraph store. The prefixes "
        + ", ".join(f"{p}:" for p in PREFIXES)
        + " are predeclared. Examples to copy: docs/queries/*.rq.",
    )
    parser.add_argument("query", nargs="?", help="the query text (or use --file)")
    parser.add_argument("-f", "--file", help="read the query from this file (.rq)")
    parser.add_argument("-g", "--graph", default="graphs", help="graph directory (default: graphs)")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if bool(args.query) == bool(args.file):
        raise UserError("give the query either as an argument or with --file (one of them)")
    text = args.query
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8")
        except OSError as err:
            raise UserError(f"{args.file}: {err.strerror or err}") from None
    results = GraphDir(args.graph).query(text)
    write_results(results, args.format, sys.stdout)
    return 0


def write_results(results, fmt: str, out: IO[str]) -> None:
    """Print SELECT rows, an ASK answer or CONSTRUCT triples in one of ``FORMATS``."""
    from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat

    if isinstance(results, QueryBoolean):
        out.write(("true" if bool(results) else "false") + "\n")
    elif isinstance(results, QuerySolutions) and fmt == "table":
        names = [v.value for v in results.variables]
        rows = [[_short(row[name]) for name in names] for row in results]
        out.write(table(names, rows))
    elif isinstance(results, QuerySolutions):
        kind = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV}
        out.write(results.serialize(format=kind[fmt]).decode("utf-8"))
        if fmt == "json":
            out.write("\n")
    elif fmt == "table":
        out.write(
            table(
                ["subject", "predicate", "object"],
                [[_short(t.subject), _short(t.predicate), _short(t.object)] for t in results],
            )
        )
    else:
        out.write(results.serialize(format=RdfFormat.N_TRIPLES).decode("utf-8"))


def _short(term) -> str:
    """A term as the table shows it: prefixed IRIs, bare literal values."""
    if term is None:
        return ""
    value = term.value
    if type(term).__name__ == "NamedNode":
        matches = [(len(ns), prefix) for prefix, ns in PREFIXES.items() if value.startswith(ns)]
        if matches:
            size, prefix = max(matches)
            return f"{prefix}:{value[size:]}"
        return f"<{value}>"
    return value


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cut(text: str, width: int = CELL_WIDTH) -> str:
    text = " ".join(text.split())
    if _width(text) <= width:
        return text
    out, used = [], 0
    for c in text:
        used += _width(c)
        if used > width - 1:
            break
        out.append(c)
    return "".join(out) + "…"


def table(names: list[str], rows: list[list[str]]) -> str:
    """Rows as an aligned text table (CJK characters count as two columns).

    >>> print(table(["name", "n"], [["张三", "2"]]), end="")
    name | n
    -----+--
    张三 | 2
    (1 row)
    """
    cells = [[_cut(c) for c in row] for row in rows]
    widths = [max([_width(n)] + [_width(r[i]) for r in cells]) for i, n in enumerate(names)]

    def line(values: list[str]) -> str:
        return " | ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(names), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
