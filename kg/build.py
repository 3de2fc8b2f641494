"""Build (or extend) a graph directory from article files: ``kg build seeds/ -o graphs/``.

documents.jsonl in the built directory is the source of truth: a build
extracts only files it has not seen (by content hash), merges them with
the documents already there, and rebuilds the graph, the RDF files and the
Oxigraph store from the whole set into a temporary directory that then
replaces the old one atomically (see :mod:`kg.store`).  Rebuilding with
nothing new leaves the directory untouched.

>>> BuildSummary("graphs").changed
False
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import shutil
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, BinaryIO

import networkx as nx

from kg import __version__
from kg.errors import UserError
from kg.graph import build_graph, parse_window
from kg.model import ExtractedDocument
from kg.rdf import PREFIXES, write_ntriples
from kg.store import (
    DOCUMENTS,
    FORMAT_FILES,
    GRAPH_JSON,
    MANIFEST,
    STORE,
    TTL,
    GraphDir,
    document_from_record,
    document_record,
    staging,
)

FORMATS = tuple(FORMAT_FILES)
EXTRACT_BATCH = 16
"""Files handed to the extractor at a time (a failing batch is retried file by file)."""


@dataclass
class BuildSummary:
    """What a build did; ``lines()`` is what ``kg build`` prints.

    >>> BuildSummary("graphs", articles=2, triples=10).triples
    10
    """

    out_dir: str
    changed: bool = False
    documents: int = 0
    new: int = 0
    replaced: int = 0
    unchanged: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    articles: int = 0
    sentences: int = 0
    entities: dict[str, int] = field(default_factory=dict)
    edges: int = 0
    cooccurrences: int = 0
    relations: int = 0
    triples: int = 0
    seconds: float = 0.0
    extraction_seconds: float = 0.0
    phases: dict[str, float] = field(default_factory=dict)

    def lines(self) -> list[str]:
        """A short human summary.

        >>> BuildSummary("graphs").lines()[0]
        'graphs: nothing new; graph unchanged (0 documents)'
        """
        if not self.changed:
            return [f"{self.out_dir}: nothing new; graph unchanged ({self.documents} documents)"]
        by_type = ", ".join(f"{n} {t}" for t, n in sorted(self.entities.items(), key=lambda x: -x[1]))
        return [
            f"{self.out_dir}: {self.documents} documents ({self.new} new, {self.replaced} replaced, "
            f"{self.unchanged} unchanged, {len(self.skipped)} skipped), {self.articles} articles, "
            f"{self.sentences} sentences",
            f"entities: {sum(self.entities.values())} ({by_type or 'none'})",
            f"edges: {self.edges} ({self.cooccurrences} co-occurrence, {self.relations} typed)",
            f"triples: {self.triples}",
            f"time: {self.seconds:.1f} s (extraction {self.extraction_seconds:.1f} s)",
        ]

    def as_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "out_dir"}


# -- inputs ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """An input file that passed the checks, with the hash of its bytes."""

    path: Path
    sha256: str


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[Source], list[tuple[str, str]]]:
    """Readable text files under ``paths`` (directories give their ``*.txt``), and the rest with a reason.

    >>> collect_inputs(["no/such/file.txt"])[1]
    [('no/such/file.txt', 'no such file or directory')]
    """
    files: list[Path] = []
    problems: list[tuple[str, str]] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.glob("*.txt") if f.is_file())
            files += found
            if not found:
                problems.append((str(p), "no .txt files in this directory"))
        elif p.exists() and not p.is_file():
            problems.append((str(p), "not a regular file"))
        elif p.exists():
            files.append(p)
        else:
            problems.append((str(p), "no such file or directory"))
    sources, seen = [], set()
    for f in files:
        key = f.resolve()
        if key in seen:
            continue
        seen.add(key)
        source, reason = _check_file(f)
        if source:
            sources.append(source)
        else:
            problems.append((str(f), reason))
    return sources, problems


def _check_file(path: Path) -> tuple[Source | None, str]:
    try:
        data = path.read_bytes()
    except OSError as err:
        return None, f"cannot read ({err.strerror or err})"
    if not data.strip():
        return None, "empty file"
    if looks_binary(data):
        return None, "binary file, not text"
    return Source(path, hashlib.sha256(data).hexdigest()), ""


def looks_binary(data: bytes) -> bool:
    """Whether bytes are not text in any encoding kg reads (UTF-8/16, GB18030).

    >>> looks_binary("长治市委书记".encode()), looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00")
    (False, True)
    """
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in b"\t\n\r\f\x1b")
    if controls > len(head) // 20:
        return True
    for encoding in ("utf-8", "gb18030"):
        try:
            data.decode(encoding)
            return False
        except UnicodeDecodeError:
            continue
    return True


# -- extraction ------------------------------------------------------------------------------------------


@dataclass
class _Clock:
    seconds: float = 0.0


def extract_sources(
    sources: Sequence[Source], clock: _Clock
) -> Iterator[tuple[Source, ExtractedDocument | None, str]]:
    """Each source with its extracted document, or None and why not; one bad file spoils nothing else."""
    from kg.ingest import ReadError
    from kg.pipeline import extract_paths

    unreadable: dict[str, str] = {}

    def run(batch: Sequence[Source]) -> list[ExtractedDocument]:
        started = time.perf_counter()
        errors: list[ReadError] = []
        try:
            return list(extract_paths([s.path for s in batch], errors=errors, report=False))
        finally:
            clock.seconds += time.perf_counter() - started
            unreadable.update(
                {str(e.path): f"line {e.line}: {e.reason}" if e.line else e.reason for e in errors}
            )

    for i in range(0, len(sources), EXTRACT_BATCH):
        batch = sources[i : i + EXTRACT_BATCH]
        try:
            docs = run(batch)
        except Exception:  # retried one by one below, so the failing file can be named
            docs = []
        if len(docs) == len(batch):
            yield from ((s, d, "") for s, d in zip(batch, docs, strict=True))
            continue
        for source in batch:
            try:
                found = run([source])
            except Exception as err:
                yield source, None, f"could not extract ({type(err).__name__}: {err})"
                continue
            if not found:
                yield source, None, unreadable.get(str(source.path), "nothing extracted")
            for doc in found:
                yield source, doc, ""


# -- progress --------------------------------------------------------------------------------------------


class Progress:
    """A one-line progress bar on a terminal; silent otherwise.

    >>> Progress(10, enabled=False).update(3)
    """

    def __init__(self, total: int, enabled: bool | None = None, out: IO[str] | None = None) -> None:
        self.out = out or sys.stderr
        self.enabled = self.out.isatty() if enabled is None else enabled
        self.total, self.done, self.started = max(total, 1), 0, time.monotonic()

    def update(self, n: int = 1, what: str = "files") -> None:
        self.done += n
        if self.enabled:
            width = 30
            filled = width * min(self.done, self.total) // self.total
            rate = self.done / max(time.monotonic() - self.started, 1e-6)
            self.out.write(
                f"\r[{'#' * filled}{' ' * (width - filled)}] {self.done}/{self.total} {what} {rate:.1f}/s"
            )
            self.out.flush()

    def phase(self, text: str) -> None:
        if self.enabled:
            self.out.write(f"\r\033[K{text}…")
            self.out.flush()

    def close(self) -> None:
        if self.enabled:
            self.out.write("\r\033[K")
            self.out.flush()


# -- the build -------------------------------------------------------------------------------------------


def build_graph_dir(
    paths: Iterable[str | Path],
    out_dir: str | Path,
    formats: Iterable[str] = ("ttl",),
    window: str | int = "sentence",
    *,
    min_weight: int = 1,
    min_dice: float = 0.0,
    report: Callable[[str], None] | None = None,
    progress: bool | None = None,
) -> BuildSummary:
    """Extract ``paths`` and build (or extend) the graph directory ``out_dir``.

    Turtle is always written; ``formats`` may add ``"nt"`` and ``"jsonld"``.
    Unreadable inputs are passed to ``report`` as one line each and skipped;
    a UserError is raised only when nothing at all could be read.

    >>> build_graph_dir(["no/such.txt"], "/tmp/kg-doc-test")
    Traceback (most recent call last):
    kg.errors.UserError: nothing could be read: 1 input skipped
    """
    started = time.perf_counter()
    options = _options(formats, window, min_weight, min_dice)
    say = report or (lambda line: None)
    sources, skipped = collect_inputs(paths)
    for name, reason in skipped:
        say(f"skipped {name}: {reason}")
    if not sources:
        raise UserError(_nothing_read(skipped))
    target = GraphDir(out_dir)
    summary = BuildSummary(str(out_dir), skipped=list(skipped))
    try:
        return _build(sources, target, options, summary, say, bar_enabled=progress, started=started)
    except OSError as err:
        raise UserError(f"{out_dir}: cannot write the graph ({err.strerror or err})") from None


def _build(
    sources: list[Source],
    target: GraphDir,
    options: dict,
    summary: BuildSummary,
    say: Callable[[str], None],
    bar_enabled: bool | None,
    started: float,
) -> BuildSummary:
    with staging(target.path) as stage:
        old = target.manifest() if target.exists() else {}
        known = old.get("sources", {})
        fresh = [s for s in sources if s.sha256 not in known]
        summary.unchanged = len(sources) - len(fresh)
        bar = Progress(len(fresh), bar_enabled)
        clock = _Clock()
        new_docs = _new_documents(fresh, old, summary, clock, bar, say)
        summary.extraction_seconds = clock.seconds
        summary.phases["reading"] = round(time.perf_counter() - started - clock.seconds, 3)
        if not new_docs and summary.unchanged == 0:
            bar.close()
            raise UserError(_nothing_read(summary.skipped))
        if not new_docs and old and old.get("options") == options:
            bar.close()
            stage.discard = True
            summary.documents = len(old.get("documents", {}))
            summary.seconds = time.perf_counter() - started
            return summary
        docs = _write_build(stage.path, target, old, new_docs, options, summary, bar)
        summary.changed = True
        summary.seconds = time.perf_counter() - started
        _write_manifest(stage.path, old, docs, new_docs, options, summary)
        bar.close()
    return summary


def _nothing_read(skipped: list) -> str:
    return f"nothing could be read: {len(skipped)} input{'s' if len(skipped) != 1 else ''} skipped"


def _options(formats: Iterable[str], window: str | int, min_weight: int, min_dice: float) -> dict[str, Any]:
    formats = sorted({"ttl", *formats})
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise UserError(f"unknown RDF format {bad[0]!r} (choose from {', '.join(FORMATS)})")
    try:
        parse_window(window)
    except ValueError as err:
        raise UserError(str(err)) from None
    if min_weight < 1:
        raise UserError("--min-weight must be at least 1")
    return {"formats": formats, "window": str(window), "min_weight": min_weight, "min_dice": min_dice}


def _new_documents(
    fresh: list[Source], old: dict, summary: BuildSummary, clock: _Clock, bar: Progress, say: Callable
) -> list[tuple[Source, ExtractedDocument]]:
    """Documents to add: extracted, with a hash, with articles, not already in the graph."""
    have = set(old.get("documents", {}).values())
    names = set(old.get("documents", {}))
    out: dict[str, tuple[Source, ExtractedDocument]] = {}  # by document name; a later one wins
    for source, doc, reason in extract_sources(fresh, clock):
        bar.update()
        if doc is None or not doc.articles:
            reason = reason or "no articles found"
            say(f"skipped {source.path}: {reason}")
            summary.skipped.append((str(source.path), reason))
            continue
        if not doc.document.sha256:
            doc = replace(doc, document=replace(doc.document, sha256=source.sha256))
        for error in doc.errors:
            say(f"{source.path}: {error}")
        if doc.document.sha256 in have:
            summary.unchanged += 1
            continue
        have.add(doc.document.sha256)
        if doc.document.name in names:
            summary.replaced += 1
        else:
            summary.new += 1
        names.add(doc.document.name)
        out.pop(doc.document.name, None)
        out[doc.document.name] = (source, doc)
    return list(out.values())


def _write_build(
    tmp: Path,
    target: GraphDir,
    old: dict,
    new_docs: list[tuple[Source, ExtractedDocument]],
    options: dict,
    summary: BuildSummary,
    bar: Progress,
) -> list[ExtractedDocument]:
    clock = time.perf_counter()

    def done(phase: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        summary.phases[phase] = round(now - clock, 3)
        clock = now

    bar.phase("merging documents")
    docs, write_documents = _merge_documents(
        tmp / DOCUMENTS, target if old else None, [d for _, d in new_docs]
    )
    done("reading documents")
    bar.phase("building the graph")
    graph = build_graph(docs, options["window"], options["min_weight"], options["min_dice"])
    done("graph")
    bar.phase("writing RDF")
    part = tmp / "kg.nt.part"
    gc.collect()
    gc.freeze()  # the documents live to the end: spare the collector from scanning them again and again
    try:
        with ThreadPoolExecutor(1) as pool:  # the store loads outside the GIL while Python writes
            read_end, write_end = os.pipe()
            loading = pool.submit(fill_store, _pipe_source(read_end), tmp / STORE)
            lines = _write_triples(graph, docs, part, os.fdopen(write_end, "w", encoding="utf-8"))
            done("triples")
            serialize_rdf(part, tmp, options["formats"])
            done("rdf files")
            write_graph_json(graph, tmp / GRAPH_JSON)
            done("graph.json")
            write_documents()
            done("documents")
            summary.triples = loading.result()
            _close_quietly(read_end)
            done("store")
    finally:
        gc.unfreeze()
    if summary.triples != lines:  # repeated triples: let the store's set of triples be the files
        dump_rdf(tmp / STORE, tmp, options["formats"])
    part.unlink(missing_ok=True)
    _count(graph, docs, summary)
    return docs


def _merge_documents(
    path: Path, old: GraphDir | None, new: list[ExtractedDocument]
) -> tuple[list[ExtractedDocument], Callable[[], None]]:
    """All documents (old ones not replaced, then new ones), and a writer of documents.jsonl for them.

    The file is written later, while the store loads, so that its Python work overlaps the loading.
    """
    replaced = {d.document.name for d in new}
    docs: list[ExtractedDocument] = []
    kept: list[str] = []
    if old is not None:
        with old.documents_path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                doc = document_from_record(json.loads(line))
                if doc.document.name not in replaced:
                    kept.append(line if line.endswith("\n") else line + "\n")
                    docs.append(doc)
    docs.extend(new)

    def write() -> None:
        with path.open("w", encoding="utf-8") as out:
            out.writelines(kept)
            for doc in new:
                out.write(json.dumps(document_record(doc), ensure_ascii=False, default=str) + "\n")

    return docs, write


def write_rdf(graph: nx.Graph, docs: list[ExtractedDocument], out_dir: Path, formats: Iterable[str]) -> int:
    """Fill ``out_dir/store`` with the graph's triples and dump the RDF files; returns the triple count."""
    part = out_dir / "kg.nt.part"
    with part.open("w", encoding="utf-8") as fh:
        write_ntriples(graph, docs, fh)
    try:
        triples = fill_store(part, out_dir / STORE)
    finally:
        part.unlink(missing_ok=True)
    dump_rdf(out_dir / STORE, out_dir, formats)
    return triples


_RDF_FORMATS = {"ttl": "TURTLE", "nt": "N_TRIPLES", "jsonld": "JSON_LD"}


def _pipe_source(read_end: int) -> Path | BinaryIO:
    """The pipe's read end as a path where the system names descriptors (/dev/fd/N): Oxigraph then
    reads it without holding the GIL, so loading runs beside the Python that writes the triples."""
    path = Path(f"/dev/fd/{read_end}")
    return path if path.exists() else os.fdopen(read_end, "rb")


def _close_quietly(fd: int) -> None:
    with contextlib.suppress(OSError):  # already closed with its file object
        os.close(fd)


def fill_store(ntriples: Path | BinaryIO, store_dir: Path) -> int:
    """A new Oxigraph store at ``store_dir`` bulk-loaded from N-Triples (a file, or a stream it closes)."""
    from pyoxigraph import RdfFormat, Store

    store = Store(str(store_dir))
    try:
        if isinstance(ntriples, Path):
            # kg writes these triples itself (IRIs encoded, literals escaped): skip re-validating them
            store.bulk_load(path=str(ntriples), format=RdfFormat.N_TRIPLES, lenient=True)
        else:
            with ntriples:
                store.bulk_load(input=ntriples, format=RdfFormat.N_TRIPLES)
        return len(store)
    finally:
        del store
        gc.collect()  # closes the store so the directory can be renamed


def serialize_rdf(ntriples: Path, out_dir: Path, formats: Iterable[str]) -> None:
    """Write the RDF files straight from an N-Triples file (``kg.ttl`` always)."""
    import pyoxigraph

    for fmt in sorted({"ttl", *formats}):
        target = out_dir / FORMAT_FILES[fmt]
        if fmt == "nt":
            shutil.copyfile(ntriples, target)
            continue
        pyoxigraph.serialize(
            pyoxigraph.parse(path=str(ntriples), format=pyoxigraph.RdfFormat.N_TRIPLES, lenient=True),
            str(target),
            format=getattr(pyoxigraph.RdfFormat, _RDF_FORMATS[fmt]),
            prefixes=PREFIXES,
        )


def dump_rdf(store_dir: Path, out_dir: Path, formats: Iterable[str]) -> None:
    """Write the RDF files from a store (``kg.ttl`` always)."""
    import pyoxigraph

    store = pyoxigraph.Store(str(store_dir))
    try:
        for fmt in sorted({"ttl", *formats}):
            store.dump(
                str(out_dir / FORMAT_FILES[fmt]),
                format=getattr(pyoxigraph.RdfFormat, _RDF_FORMATS[fmt]),
                from_graph=pyoxigraph.DefaultGraph(),
                prefixes=PREFIXES if fmt != "nt" else None,
            )
    finally:
        del store
        gc.collect()


class _Both:
    """Writes to two text streams at once."""

    def __init__(self, a: IO[str], b: IO[str]) -> None:
        self.a, self.b = a, b

    def write(self, text: str) -> None:
        self.a.write(text)
        self.b.write(text)


def _write_triples(graph: nx.Graph, docs: list[ExtractedDocument], path: Path, stream: IO[str]) -> int:
    """N-Triples to a file and to a stream (closed at the end, or when its reader is gone)."""
    with path.open("w", encoding="utf-8") as fh:
        try:
            with stream:
                return write_ntriples(graph, docs, _Both(fh, stream))
        except BrokenPipeError:  # the store failed; its error is raised by the caller
            return -1


def write_graph_json(graph: nx.Graph, path: Path) -> None:
    """The networkx graph as node-link JSON (``edges="edges"``)."""
    with path.open("w", encoding="utf-8") as fh:
        fh.write(json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False, default=str))


def _count(graph: nx.Graph, docs: list[ExtractedDocument], summary: BuildSummary) -> None:
    summary.documents = len(docs)
    summary.articles = sum(len(d.articles) for d in docs)
    summary.sentences = sum(len(a.sentences) for d in docs for a in d.articles)
    summary.entities = dict(Counter(t for _, t in graph.nodes(data="type")))
    summary.edges = graph.number_of_edges()
    summary.cooccurrences = sum(1 for *_, w in graph.edges(data="weight") if w)
    summary.relations = sum(1 for *_, r in graph.edges(data="relations") if r)


def _write_manifest(
    tmp: Path, old: dict, docs: list[ExtractedDocument], new_docs: list, options: dict, summary: BuildSummary
) -> None:
    documents = {d.document.name: d.document.sha256 for d in docs}
    kept = set(documents.items())
    sources = {raw: name for raw, name in old.get("sources", {}).items() if name in documents}
    sources.update({s.sha256: d.document.name for s, d in new_docs})
    sources = {raw: name for raw, name in sources.items() if (name, documents[name]) in kept}
    now = datetime.now(UTC)
    manifest = {
        "kg_version": __version__,
        "build_id": f"{now:%Y%m%dT%H%M%S%fZ}",
        "built_at": now.isoformat(timespec="seconds"),
        "seconds": round(summary.seconds, 3),
        "options": options,
        "files": {
            "rdf": {fmt: FORMAT_FILES[fmt] for fmt in options["formats"]},
            "turtle": TTL,
            "store": STORE,
            "graph": GRAPH_JSON,
            "documents": DOCUMENTS,
        },
        "counts": {
            "documents": summary.documents,
            "articles": summary.articles,
            "sentences": summary.sentences,
            "entities": summary.entities,
            "nodes": sum(summary.entities.values()),
            "edges": summary.edges,
            "cooccurrences": summary.cooccurrences,
            "relations": summary.relations,
            "triples": summary.triples,
        },
        "documents": documents,
        "sources": sources,
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
