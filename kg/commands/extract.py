"""`kg extract FILES... --format jsonl|table`: entities of each document."""

from __future__ import annotations

import argparse
import json
import sys

from kg.pipeline import extract_paths


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("extract", help="extract entities from articles")
    parser.add_argument("paths", nargs="+", metavar="FILES")
    parser.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    for doc in extract_paths(args.paths):
        row = {
            "document": doc.document.name,
            "entities": [
                {
                    "type": e.type,
                    "name": e.name,
                    "aliases": e.aliases,
                    "titles": [t.text for t in e.titles],
                    "mentions": [
                        {"article": m.article, "sentence": m.sentence, "start": m.start, "end": m.end}
                        for m in e.mentions
                    ],
                }
                for e in doc.entities
            ],
        }
        sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0
