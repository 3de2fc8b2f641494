"""`kg extract FILES... --format jsonl|table`: the entities of each document."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from kg.ingest import ReadError
from kg.model import Entity, ExtractedDocument
from kg.pipeline import extract_paths


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("extract", help="extract officials, places, organisations, projects and themes")
    parser.add_argument("paths", nargs="+", metavar="FILES", help="files, directories or glob patterns")
    parser.add_argument("--format", choices=["jsonl", "table"], default="jsonl")
    parser.set_defaults(func=run)


def entity_json(entity: Entity) -> dict:
    """The JSON form of an entity in `kg extract` output (the stable contract plus extras).

    >>> entity_json(Entity("place/长治市", "place", "长治市", aliases=["长治"]))["aliases"]
    ['长治']
    """
    row: dict = {
        "type": entity.type,
        "name": entity.name,
        "aliases": entity.aliases,
        "titles": [t.text for t in entity.titles],
        "mentions": [
            {"article": m.article, "sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text}
            for m in entity.mentions
        ],
        "id": entity.id,
    }
    if entity.level:
        row["level"] = entity.level
    if entity.role:
        row["role"] = entity.role
    if entity.titles:
        row["title_details"] = [
            {"text": t.text, "post": t.post, "org": t.org, "level": t.level} for t in entity.titles
        ]
    if entity.parents:
        row["parents"] = entity.parents
    if entity.attrs:
        row["attrs"] = entity.attrs
    return row


def document_json(doc: ExtractedDocument) -> dict:
    return {
        "document": doc.document.name,
        "articles": len(doc.articles),
        "entities": [entity_json(e) for e in doc.entities],
    }


def write_table(doc: ExtractedDocument, out: TextIO) -> None:
    out.write(f"== {doc.document.name}: {len(doc.articles)} articles, {len(doc.entities)} entities\n")
    for e in sorted(doc.entities, key=lambda e: (e.type, -len(e.mentions))):
        extra = "、".join(t.text for t in e.titles) or e.role or "/".join(p["name"] for p in e.parents)
        out.write(f"{e.type:<13}{e.name:<16}\t{len(e.mentions):>3}×\t{extra}\n")


def run(args: argparse.Namespace) -> int:
    errors: list[ReadError] = []
    count = 0
    for doc in extract_paths(args.paths, errors=errors):
        count += 1
        if args.format == "table":
            write_table(doc, sys.stdout)
        else:
            sys.stdout.write(json.dumps(document_json(doc), ensure_ascii=False) + "\n")
        sys.stdout.flush()
    if count == 0:
        print("kg extract: error: no document could be read", file=sys.stderr)
        return 1
    return 0
