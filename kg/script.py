"""Pages printed in traditional characters: read as simplified text, named as printed.

Every rule and lexicon of kg is written in simplified characters. A page printed in traditional
characters (a Hong Kong or Macao paper's report on a mainland city) is read through a
character-for-character simplified copy, so offsets do not move, and the names found are given
back in the page's own characters (``kg/data/traditional.tsv``, from OpenCC).

>>> page = "韶關市曲江區委書記陳磊出席簽約儀式。"
>>> simplified(page)
'韶关市曲江区委书记陈磊出席签约仪式。'
>>> PrintedScript(page, simplified(page))("曲江区委书记")
'曲江區委書記'
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace
from functools import cache

from kg.lexicon import data_rows
from kg.model import Article, Entity, ExtractedDocument, Mention, Sentence, Title

_MIN_SHARE = 0.05  # of a page's CJK characters that must be traditional-only for it to be read so
_MIN_COUNT = 3


@cache
def _table() -> dict[int, str]:
    return {ord(traditional): simple for traditional, simple in data_rows("traditional.tsv")}


def is_traditional(text: str) -> bool:
    """Whether a page is printed in traditional characters: enough of its characters have another
    usual simplified form (a simplified page has next to none: 乾隆, 於 in a name).

    >>> is_traditional("市委書記主持會議，聽取彙報"), is_traditional("乾隆年间的市委书记主持会议")
    (True, False)
    """
    return _simplified_if_traditional(text) is not None


def simplified(text: str) -> str:
    """The page character for character in simplified form when it is printed in traditional
    characters, else the page itself. Same length: offsets into one are offsets into the other.

    >>> simplified("組織部長鄭曉華") == "组织部长郑晓华", simplified("乾隆年间") == "乾隆年间"
    (True, True)
    """
    converted = _simplified_if_traditional(text)
    return text if converted is None else converted


_CJK = re.compile("[\u3400-\u9fff]")


def _simplified_if_traditional(text: str) -> str | None:
    converted = text.translate(_table())
    if converted == text:
        return None  # most pages: not one character to convert
    marked = sum(1 for a, b in zip(text, converted, strict=True) if a != b)
    enough = marked >= _MIN_COUNT and marked >= _MIN_SHARE * max(len(_CJK.findall(text)), 1)
    return converted if enough else None


class PrintedScript:
    """Gives a simplified string back in the characters a page printed: as the page prints it where
    the page holds it whole (皇后村 on a page that mostly prints 後), else each character as the page
    most often printed it. A string holding a character the page never printed in either form that
    has a traditional form stays simplified, so no string mixes the two scripts.

    >>> script = PrintedScript("廣東發展後勁足，皇后村", "广东发展后劲足，皇后村")
    >>> script("广东"), script("广州"), script("广阳"), script("皇后村"), script("后劲")
    ('廣東', '廣州', '广阳', '皇后村', '後勁')
    """

    def __init__(self, printed: str, simple: str) -> None:
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        for p, s in zip(printed, simple, strict=True):
            seen[s][p] += 1
        self._page, self._simple = printed, simple
        self._as_printed = {s: counts.most_common(1)[0][0] for s, counts in seen.items()}
        self._has_traditional_form = set(_table().values())

    def __call__(self, text: str) -> str:
        at = self._simple.find(text) if text else -1
        if at >= 0:
            return self._page[at : at + len(text)]
        if any(c in self._has_traditional_form and c not in self._as_printed for c in text):
            return text
        return "".join(self._as_printed.get(c, c) for c in text)


def in_printed_script(extracted: ExtractedDocument, script: PrintedScript) -> ExtractedDocument:
    """The names, titles, headlines and sentences of a document read through a simplified copy,
    given back in the page's characters."""
    return replace(
        extracted,
        articles=[_article(a, script) for a in extracted.articles],
        mentions=[_mention(m, script) for m in extracted.mentions],
        entities=[_entity(e, script) for e in extracted.entities],
    )


def _title(title: Title, script: PrintedScript) -> Title:
    return replace(
        title,
        text=script(title.text),
        post=script(title.post),
        org=script(title.org),
        place=script(title.place),
    )


def _mention(m: Mention, script: PrintedScript) -> Mention:
    return replace(
        m, text=script(m.text), titles=tuple(_title(t, script) for t in m.titles), role=script(m.role)
    )


def _entity(e: Entity, script: PrintedScript) -> Entity:
    return replace(
        e,
        name=script(e.name),
        aliases=_unique(script(a) for a in e.aliases),
        titles=[_title(t, script) for t in e.titles],
        mentions=[_mention(m, script) for m in e.mentions],
        role=script(e.role),
    )


def _article(a: Article, script: PrintedScript) -> Article:
    return replace(
        a,
        headline=script(a.headline),
        subtitle=script(a.subtitle),
        byline=script(a.byline),
        sentences=tuple(_sentence(s, script) for s in a.sentences),
    )


def _sentence(s: Sentence, script: PrintedScript) -> Sentence:
    return replace(s, text=script(s.text))


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))
