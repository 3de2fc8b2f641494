"""The built directory (``graphs/``): reading it, and replacing it atomically.

Layout (docs/architecture.md): ``kg.ttl`` (+ ``kg.nt``, ``kg.jsonld``),
``store/`` (Oxigraph), ``graph.json`` (networkx node-link),
``documents.jsonl`` (the source of truth: extracted documents) and
``manifest.json``.

Writers never touch a live directory: :func:`staging` hands out a sibling
temporary directory ``.<name>.tmp-<pid>`` under an exclusive lock
(``.<name>.lock``); when the build succeeds the temporary directory and the
live one are exchanged in one atomic ``renameat2(RENAME_EXCHANGE)`` (two
renames where that call is missing), and the previous build is kept as
``.<name>.prev`` for readers that still hold it open.  A build killed at
any moment leaves the live directory as it was; the next build removes the
stale temporary directory.

>>> GraphDir("graphs").ttl_path.name
'kg.ttl'
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import json
import os
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx

from kg.errors import UserError
from kg.model import Article, Document, Entity, ExtractedDocument, Mention, Sentence, Title

try:  # POSIX only; elsewhere builds are not protected against each other
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]

TTL, NT, JSONLD = "kg.ttl", "kg.nt", "kg.jsonld"
FORMAT_FILES = {"ttl": TTL, "nt": NT, "jsonld": JSONLD}
STORE, GRAPH_JSON, DOCUMENTS, MANIFEST = "store", "graph.json", "documents.jsonl", "manifest.json"


class GraphDir:
    """A built graph directory, read-only.

    >>> gd = GraphDir("graphs")
    >>> gd.store_path.name, gd.documents_path.name
    ('store', 'documents.jsonl')
    """

    def __init__(self, path: str | os.PathLike[str] = "graphs") -> None:
        self.path = Path(path)
        self._graph: nx.Graph | None = None
        self._graph_build: str | None = None

    def __repr__(self) -> str:
        return f"GraphDir({str(self.path)!r})"

    @property
    def ttl_path(self) -> Path:
        return self.path / TTL

    @property
    def store_path(self) -> Path:
        return self.path / STORE

    @property
    def graph_path(self) -> Path:
        return self.path / GRAPH_JSON

    @property
    def documents_path(self) -> Path:
        return self.path / DOCUMENTS

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST

    def rdf_path(self, fmt: str = "ttl") -> Path:
        """The RDF file of one format (``ttl``, ``nt``, ``jsonld``); it exists if that format was built."""
        return self.path / FORMAT_FILES[fmt]

    def exists(self) -> bool:
        """Whether a complete build is there (its manifest is written last)."""
        recover(self.path)
        return self.manifest_path.is_file()

    def manifest(self) -> dict[str, Any]:
        """The build summary: documents (name → sha256), counts, options, build id and time."""
        if not self.exists():
            raise UserError(f"{self.path}: no built graph here (run `kg build FILES -o {self.path}`)")
        return json.loads(self.manifest_path.read_text(encoding="utf-8"))

    def graph(self) -> nx.Graph:
        """The networkx graph, loaded once per build (reloaded after a rebuild)."""
        build = self.manifest()["build_id"]
        if self._graph is None or self._graph_build != build:
            with self.graph_path.open(encoding="utf-8") as fh:
                self._graph = nx.node_link_graph(json.load(fh), edges="edges")
            self._graph_build = build
        return self._graph

    def documents(self) -> Iterator[dict[str, Any]]:
        """The extracted documents as records (the documents.jsonl schema in docs/architecture.md)."""
        self.manifest()
        with self.documents_path.open(encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

    def extracted_documents(self) -> Iterator[ExtractedDocument]:
        """The extracted documents as model objects."""
        return (document_from_record(r) for r in self.documents())

    def open_store(self, read_only: bool = True):  # -> pyoxigraph.Store
        """The Oxigraph store; read-only by default so many readers can share it."""
        import pyoxigraph

        self.manifest()
        path = str(self.store_path)
        return pyoxigraph.Store.read_only(path) if read_only else pyoxigraph.Store(path)

    def query(self, sparql: str):  # -> pyoxigraph QuerySolutions | QueryBoolean | QueryTriples
        """Run a SPARQL 1.1 query on the store with the kg prefixes predeclared.

        A malformed query raises a UserError naming the problem in one line.
        """
        from kg.rdf import PREFIXES

        store = self.open_store()
        try:
            return store.query(sparql, prefixes=PREFIXES)
        except SyntaxError as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else "syntax error"
            first = first if len(first) <= 160 else first[:159] + "…"
            raise UserError(f"malformed query: {first}") from None
        except OSError as err:
            raise UserError(f"query failed: {err}") from None


# -- documents.jsonl -------------------------------------------------------------------------------------


def document_record(doc: ExtractedDocument) -> dict[str, Any]:
    """One documents.jsonl line for an extracted document (empty fields of mentions left out).

    >>> document_record(ExtractedDocument(Document("a.txt", "x", sha256="ab")))["sha256"]
    'ab'
    """
    d = doc.document
    return {
        "name": d.name,
        "path": d.path,
        "sha256": d.sha256,
        "date": d.date,
        "encoding": d.encoding,
        "errors": list(doc.errors),
        "articles": [_article_record(a) for a in doc.articles],
        "entities": [_entity_record(e) for e in doc.entities],
    }


def document_from_record(rec: dict[str, Any]) -> ExtractedDocument:
    """The extracted document back from its documents.jsonl record.

    >>> doc = ExtractedDocument(Document("a.txt", "", sha256="ab"), [Article(0, 0, 3)])
    >>> document_from_record(document_record(doc)) == doc
    True
    """
    document = Document(
        rec["name"],
        "",
        path=rec.get("path", ""),
        encoding=rec.get("encoding", "utf-8"),
        date=rec.get("date"),
        sha256=rec.get("sha256", ""),
    )
    articles = [_article_from(a) for a in rec.get("articles", ())]
    entities = [_entity_from(e) for e in rec.get("entities", ())]
    mentions = sorted((m for e in entities for m in e.mentions), key=lambda m: (m.start, m.end))
    return ExtractedDocument(document, articles, mentions, entities, list(rec.get("errors", ())))


def read_documents(path: str | os.PathLike[str]) -> Iterator[ExtractedDocument]:
    """The extracted documents of a documents.jsonl file."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield document_from_record(json.loads(line))


def write_documents(records: Iterable[dict[str, Any]], out: IO[str]) -> int:
    """Write records as JSON lines; returns how many."""
    n = 0
    for rec in records:
        out.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def _article_record(a: Article) -> dict[str, Any]:
    return {
        "index": a.index,
        "start": a.start,
        "end": a.end,
        "headline": a.headline,
        "subtitle": a.subtitle,
        "byline": a.byline,
        "date": a.date,
        "sentences": [
            {"index": s.index, "start": s.start, "end": s.end, "text": s.text} for s in a.sentences
        ],
    }


def _article_from(r: dict[str, Any]) -> Article:
    sentences = tuple(Sentence(s["index"], s["start"], s["end"], s["text"]) for s in r.get("sentences", ()))
    return Article(
        r["index"],
        r["start"],
        r["end"],
        r.get("headline", ""),
        r.get("subtitle", ""),
        r.get("byline", ""),
        r.get("date"),
        sentences,
    )


def _title_record(t: Title) -> dict[str, str]:
    return {
        k: v
        for k, v in (
            ("text", t.text),
            ("post", t.post),
            ("org", t.org),
            ("place", t.place),
            ("level", t.level),
        )
        if v or k == "text"
    }


def _entity_record(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "aliases": list(e.aliases),
        "titles": [_title_record(t) for t in e.titles],
        "level": e.level,
        "role": e.role,
        "attrs": dict(e.attrs),
        "parents": [dict(p) for p in e.parents],
        "mentions": [_mention_record(m) for m in e.mentions],
    }


def _entity_from(r: dict[str, Any]) -> Entity:
    mentions = [_mention_from(m, r["type"], r["id"]) for m in r.get("mentions", ())]
    return Entity(
        r["id"],
        r["type"],
        r["name"],
        list(r.get("aliases", ())),
        [Title(**t) for t in r.get("titles", ())],
        mentions,
        r.get("level", ""),
        r.get("role", ""),
        dict(r.get("attrs", {})),
        [dict(p) for p in r.get("parents", ())],
    )


def _mention_record(m: Mention) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "article": m.article,
        "sentence": m.sentence,
    }
    if m.titles:
        rec["titles"] = [_title_record(t) for t in m.titles]
    if m.rank is not None:
        rec["rank"] = m.rank
    if m.role:
        rec["role"] = m.role
    if m.attrs:
        rec["attrs"] = [list(kv) for kv in m.attrs]
    return rec


def _mention_from(r: dict[str, Any], type_: str, entity: str) -> Mention:
    return Mention(
        r.get("type", type_),
        r["text"],
        r["start"],
        r["end"],
        r.get("article", 0),
        r.get("sentence", 0),
        tuple(Title(**t) for t in r.get("titles", ())),
        r.get("rank"),
        r.get("role", ""),
        tuple((str(k), str(v)) for k, v in r.get("attrs", ())),
        entity,
    )


# -- atomic replacement --------------------------------------------------------------------------------


def _sibling(target: Path, suffix: str) -> Path:
    return target.parent / f".{target.name}.{suffix}"


def recover(target: Path) -> None:
    """Put back the previous build if a swap was cut between its two renames (fallback path only)."""
    prev = _sibling(target, "prev")
    if not target.exists() and (prev / MANIFEST).is_file():
        with contextlib.suppress(OSError):
            os.rename(prev, target)


class Stage:
    """The temporary directory of a build; set ``discard`` to drop it instead of swapping it in."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.discard = False


@contextlib.contextmanager
def staging(target: str | os.PathLike[str]) -> Iterator[Stage]:
    """A fresh temporary directory next to ``target``, swapped in if the block succeeds.

    Holds an exclusive lock for the whole build; a second build of the same
    directory is refused with a UserError.  Without a normal exit from the
    block (an exception, a kill) the live directory is untouched.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     with staging(Path(d) / "graphs") as stage:
    ...         _ = (stage.path / "manifest.json").write_text("{}")
    ...     (Path(d) / "graphs" / "manifest.json").is_file()
    True
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists() and not target.is_dir():
        raise UserError(f"{target}: exists and is not a directory")
    if target.is_dir() and not (target / MANIFEST).is_file() and any(_visible(target)):
        raise UserError(f"{target}: not a graph directory and not empty; choose another output directory")
    with _lock(target):
        recover(target)
        for stale in target.parent.glob(f".{target.name}.tmp-*"):
            shutil.rmtree(stale, ignore_errors=True)
        stage = Stage(_sibling(target, f"tmp-{os.getpid()}"))
        stage.path.mkdir()
        try:
            yield stage
        except BaseException:
            shutil.rmtree(stage.path, ignore_errors=True)
            raise
        if stage.discard:
            shutil.rmtree(stage.path, ignore_errors=True)
        else:
            _keep_hidden_files(target, stage.path)
            swap_in(stage.path, target)


def _visible(directory: Path) -> Iterator[Path]:
    """Entries that are not hidden (a ``.gitkeep`` does not make a directory a non-graph)."""
    return (p for p in directory.iterdir() if not p.name.startswith("."))


def _keep_hidden_files(old: Path, new: Path) -> None:
    """Carry hidden top-level files (``.gitkeep``) over to the new build."""
    if old.is_dir():
        for path in old.iterdir():
            if path.name.startswith(".") and path.is_file() and not (new / path.name).exists():
                shutil.copy2(path, new / path.name)


def swap_in(new: Path, target: Path) -> None:
    """Make ``new`` the live ``target`` atomically; the old one becomes ``.<name>.prev``."""
    prev = _sibling(target, "prev")
    if not target.exists():
        os.rename(new, target)
        return
    if _exchange(new, target):
        shutil.rmtree(prev, ignore_errors=True)
        os.rename(new, prev)
        return
    shutil.rmtree(prev, ignore_errors=True)
    os.rename(target, prev)
    os.rename(new, target)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux ``renameat2``); False where unsupported."""
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    rc = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if rc == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


@contextlib.contextmanager
def _lock(target: Path) -> Iterator[None]:
    path = _sibling(target, "lock")
    with open(path, "a+") as fh:
        if fcntl is not None:
            try:
                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise UserError(
                    f"{target}: another build is writing it; try again when it has finished"
                ) from None
        yield
