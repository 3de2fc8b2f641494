"""Read article files: paths, directories and globs; UTF-8 or GB18030/GBK.

Bad input never raises: each unreadable file yields one :class:`ReadError`
naming the file and the reason, and the rest is read.

>>> from pathlib import Path
>>> decode_bytes("长治".encode("gb18030"))
('长治', 'gb18030')
"""

from __future__ import annotations

import glob
import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.model import Document

TEXT_SUFFIXES = (".txt", ".md", ".text")
MAX_BYTES = 20_000_000
MAX_LINE_CHARS = 200_000

_DATE_IN_NAME = re.compile(r"(20\d\d|19\d\d)[-_.年]?(\d\d)[-_.月]?(\d\d)")


@dataclass(frozen=True)
class ReadError:
    """One file that could not be read, and why.

    >>> str(ReadError("a.txt", "empty file"))
    'a.txt: empty file'
    """

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | ReadError]:
    """Files named by paths, directories (their text files, sorted) and globs.

    >>> list(expand_paths(["/no/such/file.txt"]))
    [ReadError(path='/no/such/file.txt', reason='no such file or directory', line=None)]
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not files:
                yield ReadError(str(raw), "directory holds no .txt or .md files")
            yield from files
        elif path.is_file():
            yield path
        elif any(ch in str(raw) for ch in "*?["):
            matches = sorted(Path(p) for p in glob.glob(str(raw), recursive=True) if Path(p).is_file())
            if not matches:
                yield ReadError(str(raw), "pattern matches no file")
            yield from matches
        else:
            yield ReadError(str(raw), "no such file or directory")


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), else GB18030 (a superset of GBK/GB2312).

    Raises ``UnicodeDecodeError`` when neither fits.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8"), "utf-8-sig"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None or best.encoding not in {"big5", "utf_16", "utf_16_le", "utf_16_be"}:
            raise
        return str(best), best.encoding


def date_from_name(name: str) -> str | None:
    """An ISO date found in a file name, if any.

    >>> date_from_name("changzhi_2025-10-26_p1.txt")
    '2025-10-26'
    """
    m = _DATE_IN_NAME.search(name)
    if not m:
        return None
    year, month, day = m.groups()
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31):
        return None
    return f"{year}-{month}-{day}"


def read_document(path: Path) -> Document | ReadError:
    """Read one file into a :class:`Document`, or say why it cannot be read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return ReadError(str(path), f"file is {size:,} bytes, more than the {MAX_BYTES:,} byte limit")
        data = path.read_bytes()
    except OSError as err:
        return ReadError(str(path), err.strerror or str(err))
    if not data.strip():
        return ReadError(str(path), "empty file")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ReadError(str(path), "binary file (NUL bytes), not text")
    try:
        text, encoding = decode_bytes(data)
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return ReadError(str(path), f"undecodable bytes at offset {err.start} (not UTF-8 or GB18030)", line)
    problem = _long_line(text)
    if problem:
        return ReadError(str(path), problem[1], problem[0])
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(
        name=path.name,
        text=text,
        path=str(path),
        encoding=encoding,
        date=date_from_name(path.name),
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )


def _long_line(text: str) -> tuple[int, str] | None:
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            return (
                number,
                f"{len(line):,} characters in one line (limit {MAX_LINE_CHARS:,}): not an article page",
            )
        start += len(line) + 1
    return None


def read_documents(paths: Iterable[str | Path]) -> Iterator[Document | ReadError]:
    """Documents (or errors) for every file the paths name, in order."""
    seen: set[Path] = set()
    for item in expand_paths(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        key = item.resolve()
        if key in seen:
            continue
        seen.add(key)
        yield read_document(item)
