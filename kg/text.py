"""Normalise a page dumped from PDF, keeping a map back to original offsets.

A page becomes a list of :class:`Block` (heading, subtitle, byline, author,
body) whose every character remembers where it came from.  Repairs:

* hard line wraps and page breaks inside a sentence are joined (``刘建`` / ``军``),
  but never across headings, bylines or author lines;
* characters separated by spaces (``绿 色 低 碳``) are closed up;
* ``（下转第二版）`` / ``(上接第一版)`` markers, ``##`` heading marks and stray ``□`` dropped;
* half-width punctuation mapped one-for-one to full width (offsets unchanged).

>>> page = "## 标题\\n\\n会议强调，要坚持稳中求进工作总基调。市委书记刘建\\n\\n军表示，要推动高质量发展。"
>>> [(b.role, b.text[-16:]) for b in normalize_page(page)]
[('heading', '标题'), ('body', '记刘建军表示，要推动高质量发展。')]
>>> body = normalize_page(page)[1]
>>> body.text[24], body.offsets[24], page[body.offsets[24]]
('军', 33, '军')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from kg.lexicon import Lexicon

CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_CHAR = re.compile(f"[{CJK}]")
TERMINAL = "。！？!?…；;"
CLOSERS = "”’」』）)》"
SOFT_END = "，,、：:（(“《—-·"

_MARKER = re.compile(r"[（(]\s*(?:[上下]转|[上下]接|转|接)第?\s*[一二三四五六七八九十\d]+\s*版\s*[）)]")
_SPACED = re.compile(f"(?:[{CJK}，。、；：！？“”][ \u3000]){{2,}}[{CJK}，。、；：！？“”]")
_LONE_SPACE = re.compile(f"(?<=[{CJK}、，；：]) (?=[{CJK}])")
_CREDIT_WORDS = re.compile(r"记者|通讯员|实习生|摄|编辑|作者")
_DIGIT_CJK_SPACE = re.compile(f"(?<=[0-9])[ \u3000]+(?=[{CJK}])|(?<=[{CJK}])[ \u3000]+(?=[0-9])")
_BYLINE = re.compile(
    r"^(?:□\s*)?(?:(?:本报|本刊)?(?:首席)?(?:记者|通讯员|实习生|见习记者|特约记者|摄影|撰稿|编辑)"
    r"[\s　]*[" + CJK + r"·]{2,5}[\s　、]*)+(?:摄影?|报道)?$"
)
_PHOTO_CREDIT = re.compile(
    r"(?:本报)?(?:记者|通讯员)?\s*[" + CJK + r"]{2,4}(?:\s+[" + CJK + r"]{2,4})*\s*摄$"
)
_SIGNATURE = re.compile(r"^[·•]\s*[" + CJK + r"]{2,4}\s*[·•]$")
_AUTHOR = re.compile(r"^[" + CJK + r"·]{2,5}$")
_AUTHOR_NOTE = re.compile(r"^[（(]\s*作者(?:系|为|是|单位)")
_LEAD = re.compile(
    r"^(?:本报讯|本报[" + CJK + r"]{0,6}(?:电|讯)|新华社[" + CJK + r"]{0,6}电|据[" + CJK + r"]{1,8}报道"
    r"|[" + CJK + r"·]{2,16}?\d{1,2}月\d{1,2}日(?:讯|电|消息)"  # 某某日报·某某客户端3月5日讯: a dateline
    r"|[" + CJK + r"·]{2,16}?(?:报|网|台|社)讯(?=\s*[（(]|\s*\d{1,2}月\d{1,2}日))"  # 某某时报讯（通讯员…）
)
_JUNK = re.compile(  # page furniture: scan codes, the editors' and reviewers' credits (责编：某某一审：某某)
    r"^(?:扫一扫\s*\S*|扫码\S*|责任编辑.*|责编[:：].*|[初一二三终]审[:：].*|编审[:：].*|审核[:：].*|版面设计.*|校对.*)$"
)

_HALF_TO_FULL = {",": "，", "(": "（", ")": "）", ";": "；", ":": "：", "!": "！", "?": "？"}
_TO_REWRITE = re.compile("[□■\ufeff" + re.escape("".join(_HALF_TO_FULL)) + "]")
_BOXES = re.compile("[□■\ufeff]")
_HALF_WIDTH = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")


@dataclass(frozen=True)
class Block:
    """A run of normalised text with a role and, per character, its original offset."""

    role: str  # heading | subtitle | byline | author | body
    text: str
    offsets: tuple[int, ...]
    line: int  # 1-based line of the original text where the block starts

    @property
    def start(self) -> int:
        return self.offsets[0] if self.offsets else 0

    @property
    def end(self) -> int:
        return self.offsets[-1] + 1 if self.offsets else 0

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets of the normalised span ``[start, end)``."""
        return self.offsets[start], self.offsets[end - 1] + 1


@dataclass
class _Line:
    number: int
    role: str
    text: str  # normalised
    offsets: list[int]  # the original offset of each character of ``text``
    had_marker: bool = False
    last: str = ""  # the last line of the original text joined into this one

    def join(self, other: _Line) -> None:
        """Continue this line with ``other`` (a hard line wrap repaired)."""
        self.offsets.extend(other.offsets)
        self.text += other.text
        self.had_marker = other.had_marker
        self.last = other.text


def _clean_chars(raw: str, base: int, keep_spaces: bool) -> tuple[str, list[int], bool]:
    """One line with markers, □ and spurious spaces removed, and the original offset of each character."""
    dropped: set[int] = set()
    had_marker = False
    for m in _MARKER.finditer(raw):
        had_marker = True
        dropped.update(range(m.start(), m.end()))
    if not keep_spaces and (" " in raw or "\u3000" in raw):  # only spaces are dropped here
        patterns = [_SPACED, _DIGIT_CJK_SPACE]
        if len(raw) > 30 and not _CREDIT_WORDS.search(raw):  # a stray space inside a body sentence (唐晓 峰)
            patterns.append(_LONE_SPACE)
        for pattern in patterns:
            for m in pattern.finditer(raw):
                dropped.update(i for i in range(m.start(), m.end()) if raw[i] in " \u3000")
    if not dropped and not _TO_REWRITE.search(raw):  # most lines: nothing to change
        text = raw.lstrip(" \u3000\t#")
        start = base + len(raw) - len(text)
        text = text.rstrip(" \u3000\t")
        return text, list(range(start, start + len(text))), had_marker
    dropped.update(m.start() for m in _BOXES.finditer(raw))
    mapped = _HALF_WIDTH.sub(  # one for one: offsets stay those of ``raw``
        lambda m: m.group() if _between_digits(raw, m.start()) else _HALF_TO_FULL[m.group()], raw
    )
    pieces: list[str] = []
    offsets: list[int] = []
    kept_from = 0
    for i in sorted(dropped):
        pieces.append(mapped[kept_from:i])
        offsets.extend(range(base + kept_from, base + i))
        kept_from = i + 1
    pieces.append(mapped[kept_from:])
    offsets.extend(range(base + kept_from, base + len(raw)))
    text = "".join(pieces).lstrip(" \u3000\t#")
    offsets = offsets[len(offsets) - len(text) :]
    text = text.rstrip(" \u3000\t")
    return text, offsets[: len(text)], had_marker


def _between_digits(raw: str, i: int) -> bool:
    return 0 < i < len(raw) - 1 and raw[i - 1].isdigit() and raw[i + 1].isdigit()


def _looks_like_a_name(text: str) -> bool:
    """An author line holds a person's name (张明), not a masthead (潍坊日报) or a section (要闻)."""
    lex = Lexicon.load()
    return (text[0] in lex.surnames or text[:2] in lex.compound_surnames) and not text.endswith(
        ("报", "刊", "网")
    )


def _line_role(stripped: str) -> str:
    if not stripped:
        return "blank"
    if stripped.startswith("#"):
        return "heading"
    if _JUNK.match(stripped) or _MARKER.fullmatch(stripped):
        return "drop"
    if _BYLINE.match(stripped) or _SIGNATURE.match(stripped):
        return "byline"
    compact = stripped.replace(" ", "")
    if _PHOTO_CREDIT.fullmatch(compact) and len(compact) <= 20:
        return "byline"
    if _AUTHOR.match(compact) and len(compact) <= 4 and _looks_like_a_name(compact):
        return "author"
    if _AUTHOR_NOTE.match(stripped):
        return "note"
    return "text"


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for number, raw in enumerate(text.split("\n"), start=1):
        role = _line_role(raw.strip())
        if role not in ("blank", "drop"):
            cleaned, offsets, marker = _clean_chars(raw, offset, keep_spaces=role == "byline")
            if cleaned:
                lines.append(_Line(number, role, cleaned, offsets, marker))
        elif role == "blank":
            lines.append(_Line(number, "blank", "", []))
        offset += len(raw) + 1
    return lines


def _wrap_width(lines: list[_Line]) -> int | None:
    """The column width of a narrow-column page, if the page has one."""
    lengths = Counter(
        len(line.text)
        for line in lines
        if line.role == "text" and len(line.text) >= 8 and line.text[-1] not in TERMINAL + CLOSERS
    )
    if not lengths:
        return None
    total = sum(lengths.values())
    width, _ = lengths.most_common(1)[0]
    near = sum(n for length, n in lengths.items() if abs(length - width) <= 2)
    return width if near >= 6 and near >= 0.3 * total else None


def _ends_sentence(text: str) -> bool:
    stripped = text.rstrip(CLOSERS)
    return bool(stripped) and (
        stripped[-1] in TERMINAL or (text[-1] in "”’」』" and stripped[-1] in TERMINAL)
    )


def _headline_like(text: str) -> bool:
    """A short line with spaced phrases, like a headline; a brief's lead (□ 某区消息 今年以来，…) is not one.

    >>> _headline_like("坚持创新驱动 推动高质量发展"), _headline_like("某区消息 今年以来,某公司")
    (True, False)
    """
    last_phrase = text.rsplit(maxsplit=1)[-1] if text.strip() else ""
    if _LEAD.match(text) or re.search(r"[，,；;]", last_phrase):
        return False
    return bool(re.search(f"[{CJK}”]\\s+[{CJK}“]", text)) and len(text) <= 40


_CREDIT_LABEL = re.compile(
    r"(?:来源|信息来源|稿件来源|编辑|责任编辑|责编|审核|审校|校对|总值班|值班编辑|监制|出品)\s*[:：]"
)


def _continues(prev: _Line, nxt: _Line, width: int | None) -> bool:
    """Whether ``nxt`` continues the sentence that ``prev`` leaves open."""
    if prev.role != "text" or nxt.role != "text" or prev.had_marker:
        return False
    text = prev.text
    if _ends_sentence(text) or text.endswith("——") or nxt.text.startswith("——"):
        return False
    if _LEAD.match(nxt.text):
        return False  # a long headline, then 某某晚报3月5日讯: the article's lead begins
    if _CREDIT_LABEL.match(nxt.text):
        return False  # 编辑：某某 / 来源：某某发布: the page's credits, each line its own
    if _headline_like(text):
        return False
    if _items_of_a_list(prev.last or text, nxt.text):
        return False
    if text[-1] in SOFT_END:
        return True
    if len(text) >= 30 or _LEAD.match(text) or any(ch in text for ch in "。！？，"):
        return True
    return bool(width and len(text) >= width - 3 and len(nxt.text) >= 2)


_ITEM_END = re.compile(r"(?:项目|工程|公司|集团|基地|产业园|中心|工厂)$")


def _items_of_a_list(line: str, nxt: str) -> bool:
    """Two lines that each name one thing, without a clause (a list of projects, one a line).

    >>> _items_of_a_list("某某汽车零部件有限公司隔音垫项目", "某某轴承制造有限公司精密轴承生产项目")
    True
    >>> _items_of_a_list("县长出席开工仪式，宣布某某项目", "正式开工。")
    False
    """
    return all(_ITEM_END.search(t) and not re.search("[，。；：,;:！？]", t) for t in (line, nxt))


def _text_role(text: str) -> str:
    if _LEAD.match(text):
        return "body"
    if text.startswith("——") or text.startswith("—"):
        return "subtitle"
    if len(text) <= 40 and not _ends_sentence(text) and "。" not in text:
        return "heading"
    return "body"


def normalize_page(text: str) -> list[Block]:
    """Blocks of a page, PDF damage repaired, offsets pointing into ``text``."""
    lines = _split_lines(text)
    width = _wrap_width(lines)
    blocks: list[Block] = []
    current: _Line | None = None
    for line in lines:
        if line.role == "blank":
            continue
        if current is not None and _continues(current, line, width):
            current.join(line)
            current.role = "text"
            continue
        if current is not None:
            blocks.append(_to_block(current))
        current = _Line(line.number, line.role, line.text, list(line.offsets), line.had_marker)
    if current is not None:
        blocks.append(_to_block(current))
    return blocks


def _to_block(line: _Line) -> Block:
    text = line.text
    role = line.role
    if role == "text":
        role = _text_role(text)
    elif role == "note":
        role = "body"
    elif role == "heading" and text.startswith("—"):
        role = "subtitle"
    return Block(role, text, tuple(line.offsets), line.number)
