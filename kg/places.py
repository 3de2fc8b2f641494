"""Places: the national gazetteer of administrative divisions plus suffix rules.

The gazetteer (``kg/data/divisions.tsv``) finds provinces, cities, counties
and townships by full or short name; suffix rules find what it does not hold:
villages, communities, streets, roads, zones, parks, lakes, rivers and
scenic areas.  A short name inside a longer dictionary word (长治 in 长治久安)
is not a place.

>>> [m.text for m in find_places("在309国道黎城县西仵镇段，守护长治久安。")]
['309国道', '黎城县', '西仵镇']
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick
import jieba
import jieba.posseg

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, Suffix
from kg.model import Mention

CJK = re.compile(r"[\u3400-\u9fff]")
_STOP_WORDS = (
    "在", "以", "对", "到", "向", "于", "从", "自", "由", "为", "和", "与", "及", "是", "有", "将", "把", "让", "使", "等",
    "的", "了", "个", "条", "座", "处", "建设", "推进", "加快", "实施", "开展", "打造", "推动", "位于", "地处", "来到",
    "走进", "深入", "前往", "抵达", "途经", "沿着", "经过", "包括", "以及", "完成", "启动", "开工", "新建", "改造",
    "提升", "依托", "围绕", "立足", "发展", "形成", "成为", "属于", "进入", "来自", "回到", "驻", "全", "各", "该",
    "本", "我", "其", "这", "那", "每", "沿", "至", "往", "去", "来", "赴", "航拍下的", "航拍", "如今", "目前", "近年来",
    "今年", "同时", "此外", "其中", "新增", "拆除", "整治", "治理", "规划", "保护", "修复", "创建", "申报", "考察",
    "调研", "察看", "走访", "看望", "慰问", "参观", "聚焦", "重点", "加强", "持续", "全面", "积极", "大力", "着力",
)
_ZONE_KINDS = {"zone", "park", "scenic", "region"}
_SHORT_GENERIC = {"城区", "郊区", "新区", "矿区", "市区", "开发区", "高新区", "中国", "国家", "南部", "北部"}


@cache
def _tokenizer_freq() -> dict[str, int]:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ


@cache
def _word_tags() -> dict[str, str]:
    """jieba's part-of-speech tags of dictionary words (ns = place name)."""
    return jieba.posseg.POSTokenizer(jieba.Tokenizer()).word_tag_tab


def _common_word(surface: str) -> bool:
    """A short name that is mostly an ordinary word (和平, 解放, 振兴): not a place on its own."""
    tag = _word_tags().get(surface)
    return tag is not None and tag != "ns"


@cache
def _gazetteer_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for surface, is_short in Gazetteer.load().names():
        if len(surface) < 2 or surface in _SHORT_GENERIC:
            continue
        if surface not in automaton or not is_short:
            automaton.add_word(surface, (surface, is_short))
    automaton.make_automaton()
    return automaton


@cache
def _suffix_regex() -> re.Pattern[str]:
    suffixes = [s.suffix for s in Lexicon.load().place_suffixes]
    return re.compile("|".join(map(re.escape, suffixes)))


def _suffix_info(surface: str) -> Suffix:
    return next(s for s in Lexicon.load().place_suffixes if s.suffix == surface)


def _inside_longer_word(text: str, start: int, end: int, freq: dict[str, int]) -> bool:
    """Whether a dictionary word crosses the edges of ``text[start:end]`` (长治 in 长治久安)."""
    for length in (4, 3):
        word = text[start : start + length]
        if len(word) == length and length > end - start and freq.get(word) and not _is_placey(word):
            return True
    for back in (1, 2):
        for length in range(back + 1, back + end - start):
            word = text[start - back : start - back + length]
            if start - back >= 0 and len(word) == length and freq.get(word) and not _is_placey(word):
                return True
    return False


def _is_placey(word: str) -> bool:
    return word[-1] in "省市县区镇乡村州旗盟" or bool(Gazetteer.load().lookup(word))


def gazetteer_places(text: str) -> list[Mention]:
    """Administrative divisions named in ``text`` (leftmost-longest, not inside longer words)."""
    freq = _tokenizer_freq()
    hits: list[tuple[int, int, bool]] = []
    for end_index, (surface, is_short) in _gazetteer_automaton().iter(text):
        start = end_index - len(surface) + 1
        hits.append((start, end_index + 1, is_short))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    out: list[Mention] = []
    last_end = -1
    for start, end, is_short in hits:
        if start < last_end:
            continue
        if is_short and (_common_word(text[start:end]) or _inside_longer_word(text, start, end, freq)):
            continue
        out.append(Mention("place", text[start:end], start, end, attrs=(("source", "gazetteer"),)))
        last_end = end
    return out


def _name_start(text: str, suffix_start: int, info: Suffix, floor: int) -> int:
    """Leftmost start of the name before a suffix, stopping at punctuation, earlier mentions, stop words."""
    j = suffix_start
    limit = max(floor, suffix_start - info.max_name - 4)
    while j > limit and (CJK.match(text[j - 1]) or (info.kind == "road" and text[j - 1].isalnum())):
        j -= 1
    name = text[j:suffix_start]
    cut = 0
    for word in _STOP_WORDS:
        k = name.rfind(word)
        if k >= 0:
            cut = max(cut, k + len(word))
    return j + cut


def suffix_places(text: str, known: list[Mention]) -> list[Mention]:
    """Places found by their suffix (…村, …街道, …路, …湿地公园), given the gazetteer hits."""
    lex = Lexicon.load()
    ends = [m.end for m in known]
    out: list[Mention] = []
    for m in _suffix_regex().finditer(text):
        info = _suffix_info(m.group(0))
        floor = max([e for e in ends if e <= m.start()], default=0)
        start = _name_start(text, m.start(), info, floor)
        name = text[start : m.start()]
        adjacent = next((k for k in known if k.end == start), None)
        if adjacent is not None and (info.kind in _ZONE_KINDS or len(name) < info.min_name):
            start, name = adjacent.start, text[adjacent.start : m.start()]
        elif not info.min_name <= len(name) <= info.max_name:
            continue
        surface = text[start : m.end()]
        if _rejected(name, surface, lex) and adjacent is None:
            continue
        out.append(Mention("place", surface, start, m.end(), attrs=(("source", info.kind),)))
        ends.append(m.end())
    return out


def _rejected(name: str, surface: str, lex: Lexicon) -> bool:
    if lex.is_generic("place", surface) or lex.is_generic("place", name):
        return True
    modifiers = lex.generic.get("modifier", frozenset())
    if any(name.startswith(w) for w in modifiers if len(w) >= 2) or name[:1] in {w for w in modifiers if len(w) == 1}:
        return True
    return bool(re.search(r"[的了是和与着过个们]", name))


def find_places(text: str) -> list[Mention]:
    """All place mentions in a sentence, longest first where they overlap."""
    gazetteer = gazetteer_places(text)
    candidates = gazetteer + suffix_places(text, gazetteer)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start))
    chosen: list[Mention] = []
    for m in candidates:
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
