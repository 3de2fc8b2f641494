"""Split a normalised page into articles (headline, subtitle, byline, body) and sentences.

A new article starts at a heading that follows body text.  Headings and
subtitles are sentences of their article too (names in them count).

>>> from kg.text import normalize_page
>>> page = "## 市政协召开座谈会\\n\\n本报讯（记者张明）会议强调，要抓落实。李华指出，要见实效。"
>>> [a.headline for a, _ in split_articles(normalize_page(page))]
['市政协召开座谈会']
>>> [s.text for s in split_articles(normalize_page(page))[0][0].sentences]
['市政协召开座谈会', '本报讯（记者张明）会议强调，要抓落实。', '李华指出，要见实效。']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.model import Article, Sentence
from kg.text import Block

_SENTENCE_END = re.compile(r"[。！？!?；;…]+[”’」』）)]*")
_SECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|第[一二三四五六七八九十]+)"
)
_DATE = re.compile(r"(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日")


@dataclass(frozen=True)
class SentenceSpan:
    """A sentence with the original offset of each of its characters (for recognisers)."""

    article: int
    index: int
    text: str
    offsets: tuple[int, ...]
    role: str  # role of the block it came from

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the sentence-relative span ``[start, end)``."""
        return self.offsets[start], self.offsets[end - 1] + 1


def split_sentences(block: Block) -> list[tuple[str, tuple[int, ...]]]:
    """Sentences of one block as (text, offsets).

    >>> b = Block("body", "甲说。乙说！", (0, 1, 2, 3, 4, 5), 1)
    >>> [t for t, _ in split_sentences(b)]
    ['甲说。', '乙说！']
    """
    out = []
    start = 0
    for m in _SENTENCE_END.finditer(block.text):
        if m.end() > start:
            out.append((block.text[start : m.end()], block.offsets[start : m.end()]))
        start = m.end()
    if start < len(block.text) and block.text[start:].strip():
        out.append((block.text[start:], block.offsets[start:]))
    return out


def _article_date(text: str, year: str | None) -> str | None:
    m = _DATE.search(text[:80])
    if not m:
        return None
    y = m.group(1) or year
    if not y:
        return None
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{y}-{month:02d}-{day:02d}"


def split_articles(
    blocks: list[Block], page_date: str | None = None
) -> list[tuple[Article, list[SentenceSpan]]]:
    """Articles of a page, each with its sentence spans."""
    groups: list[list[Block]] = []
    for block in blocks:
        starts_new = (
            block.role in ("heading", "subtitle")
            and not _SECTION.match(block.text)
            and (not groups or any(b.role == "body" for b in groups[-1]))
        )
        if starts_new or not groups:
            groups.append([])
        groups[-1].append(block)
    year = page_date[:4] if page_date else None
    return [_make_article(i, group, year, page_date) for i, group in enumerate(groups)]


def _make_article(
    index: int, group: list[Block], year: str | None, page_date: str | None
) -> tuple[Article, list[SentenceSpan]]:
    headings = [b.text for b in group if b.role == "heading"]
    subtitles = [b.text for b in group if b.role == "subtitle"]
    bylines = [b.text for b in group if b.role in ("byline", "author")]
    spans: list[SentenceSpan] = []
    for block in group:
        for text, offsets in split_sentences(block):
            spans.append(SentenceSpan(index, len(spans), text, offsets, block.role))
    body = next((b.text for b in group if b.role == "body"), "")
    article = Article(
        index=index,
        start=group[0].start,
        end=max(b.end for b in group),
        headline=max(headings, key=len) if headings else "",
        subtitle=" ".join(subtitles),
        byline=" ".join(bylines),
        date=_article_date(body, year) or page_date,
        sentences=tuple(Sentence(s.index, s.offsets[0], s.offsets[-1] + 1, s.text) for s in spans),
    )
    return article, spans
