"""Extraction pipeline: files → ExtractedDocument (provisional implementation)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import jieba.posseg

from kg.model import Article, Document, Entity, ExtractedDocument, Mention, Sentence

_TAGS = {"nr": "person", "ns": "place", "nt": "organization"}


def extract_text(text: str, name: str = "<text>") -> ExtractedDocument:
    """Run the pipeline on one text."""
    doc = Document(name, text, sha256=hashlib.sha256(text.encode()).hexdigest())
    sentences = []
    mentions = []
    start = 0
    for i, part in enumerate(text.split("。")):
        end = start + len(part) + 1
        sentences.append(Sentence(i, start, min(end, len(text)), part))
        pos = start
        for w in jieba.posseg.cut(part):
            t = _TAGS.get(w.flag)
            if t and len(w.word) > 1:
                mentions.append(Mention(t, w.word, pos, pos + len(w.word), 0, i))
            pos += len(w.word)
        start = end
    art = Article(0, 0, len(text), sentences=tuple(sentences))
    ents: dict[tuple[str, str], Entity] = {}
    for m in mentions:
        e = ents.setdefault((m.type, m.text), Entity(f"{m.type}/{m.text}", m.type, m.text))
        e.mentions.append(m)
    return ExtractedDocument(doc, [art], mentions, list(ents.values()))


def extract_paths(paths: Iterable[str | Path]) -> Iterator[ExtractedDocument]:
    for p in paths:
        p = Path(p)
        files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
        for f in files:
            yield extract_text(f.read_text(encoding="utf-8"), f.name)
