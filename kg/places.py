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
from functools import cache, lru_cache

import ahocorasick

from kg.gazetteer import Gazetteer
from kg.lexicon import (
    Lexicon,
    Suffix,
    WideAutomaton,
    boundary_words,
    data_rows,
    data_words,
    last_boundary_end,
)
from kg.model import Mention
from kg.words import tagged_words, word_freq, word_tags

CJK = re.compile(r"[\u3400-\u9fff]")
_STOP_WORDS = boundary_words("place")
_ZONE_KINDS = {"zone", "park", "scenic", "region"}
_SHORT_GENERIC = {"城区", "郊区", "新区", "矿区", "市区", "开发区", "高新区", "中国", "国家", "南部", "北部"}


def _common_word(surface: str) -> bool:
    """A short name that is mostly an ordinary word (和平, 解放, 振兴): not a place on its own. A
    proper noun of the dictionary is one only when it is common (共和, 新华; not 和林格尔, 丰顺).

    >>> _common_word("和平"), _common_word("丰顺")
    (True, False)
    """
    tag = word_tags().get(surface)
    if tag == "nz":
        return word_freq().get(surface, 0) >= 200
    return tag is not None and tag.startswith(("v", "a", "b", "d", "c", "p", "u", "r", "m", "q", "i", "l"))


def city_or_province(surface: str) -> bool:
    """Short names of cities and provinces (大同, 吉林) are places even where they are also words."""
    return any(d.level in ("provincial", "city") for d in Gazetteer.load().lookup(surface))


def names_a_province(surface: str) -> bool:
    """吉林 names a province (and a city), 晋中 a city only.

    >>> names_a_province("吉林"), names_a_province("晋中")
    (True, False)
    """
    return any(d.level == "provincial" for d in Gazetteer.load().lookup(surface))


FUNCTION_CHARACTERS = "于如和与及在对向为是将把被从至自"  # words that may begin a place name
_GOING_TO = set("从到赴至经往")


def _conjunction_start(text: str, start: int) -> bool:
    """和县 in 城乡和县域: a name starting with a function word right after other words, unless
    they end in a word of going (从和林格尔出发: no conjunction follows 从).

    >>> _conjunction_start("城乡和县域", 2), _conjunction_start("从和林格尔出发", 1)
    (True, False)
    """
    before = text[start - 1 : start]
    return text[start] in "和与及在对向为是将把被从" and bool(CJK.match(before)) and before not in _GOING_TO


@cache
def _gazetteer_automaton() -> WideAutomaton:
    automaton = WideAutomaton()
    lex = Lexicon.load()
    for surface, is_short in Gazetteer.load().names():
        if len(surface) < 2 or surface in _SHORT_GENERIC or lex.is_generic("place", surface):
            continue
        if surface not in automaton or not is_short:
            automaton.add_word(surface, (surface, is_short))
    for region in data_words("regions.txt"):
        for surface in (region, region + "地区") if not region.endswith("地区") else (region,):
            if surface not in automaton:  # 珠三角, 珠三角地区
                automaton.add_word(surface, (surface, False))
    for surface in world_places():
        if surface not in automaton and not lex.is_generic("place", surface):
            automaton.add_word(surface, (surface, False))
    automaton.make_automaton()
    return automaton


@cache
def world_places() -> dict[str, tuple[str, str, str]]:
    """Continents, countries (also by full name) and major foreign cities: surface → (kind, name, country).

    >>> world_places()["大韩民国"]
    ('country', '韩国', '韩国')
    """
    out: dict[str, tuple[str, str, str]] = {}
    for row in data_rows("world.tsv"):
        name, kind, country, _continent, alias = (row + [""] * 5)[:5]
        out[name] = (kind, name, country)
        if alias:
            out[alias] = (kind, name, country)
    return out


@cache
def _suffix_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for suffix in Lexicon.load().place_suffixes:
        automaton.add_word(suffix.suffix, suffix.suffix)
    automaton.make_automaton()
    return automaton


_NON_NAME_TAGS = ("v", "d", "p", "c", "u", "r", "ad", "vn", "t", "i")


def _trim_by_tags(name: str) -> str:
    """Drop words before the real name: verbs, adverbs, prepositions, pronouns (查看小区 → '')."""
    words = tagged_words(name)
    keep = len(words)
    for k in range(len(words) - 1, -1, -1):
        word, tag = words[k]
        rare_character = (
            len(word) == 1
            and not tag.startswith("v")
            and word not in _FUNCTION_CHARS
            and word_freq().get(word, 0) < 5000
        )
        if tag.startswith(_NON_NAME_TAGS) and tag not in ("ns", "nr", "nz") and not rare_character:
            break  # 依 of 阿依玛克村 is part of a transliterated name
        keep = k
    trimmed = "".join(w for w, _ in words[keep:])
    if len(trimmed) == 1 and len(name) == 2 and name[0] in _FUNCTION_CHARS:
        return name  # 以礼街道, 和平片区: a two-character name that begins like a preposition
    return trimmed


def _rare_pair(text: str, start: int, known: list[Mention]) -> bool:
    """Two characters at ``start`` that make no common word, after punctuation or a preposition
    (、眉斜路, 沿远门河): a name, though a tagger reads them as a verb or an adverb.

    >>> _rare_pair("、眉斜路改建工程", 1, []), _rare_pair("并就村内问题", 0, [])
    (True, False)
    """
    pair = text[start : start + 2]
    if len(pair) < 2 or word_freq().get(pair, 0) >= 50 or set(pair) & _NOT_IN_A_RARE_PAIR:
        return False
    if any(word_tags().get(c, "").startswith(("c", "d", "p", "f", "r", "u")) for c in pair):
        return False
    before = text[start - 1 : start]
    return (
        not before
        or (not CJK.match(before) and before not in _OPENING_QUOTES)
        or before in _BEFORE_A_NAME
        or any(k.end == start for k in known)
    )


_SUFFIX_CHARS = "省市县区镇乡村街路巷"
_BODY_AFTER = re.compile(r"地委|地区|行署|[省市州盟县区旗]委(?!员)")
_BEFORE_A_NAME = set("在从向沿经由到往至赴于和与及、")
_OPENING_QUOTES = set("“‘\"'「『《")
_NUMERALS = set("一二三四五六七八九十")
_FUNCTION_CHARS = set("在从向对把被将以为于和与及的了是有让使等个条座处一该本这那每各全到往至赴经由")
_NOT_IN_A_RARE_PAIR = _FUNCTION_CHARS | set(_SUFFIX_CHARS)
_INNER_ADMIN = re.compile(r"^.*?(?:街道|苏木|嘎查|[省市县区旗镇乡村])(?=.)")


def _suffix_info(surface: str) -> Suffix:
    return _suffix_table()[surface]


@cache
def _suffix_table() -> dict[str, Suffix]:
    return {s.suffix: s for s in Lexicon.load().place_suffixes}


def _inside_longer_word(text: str, start: int, end: int, freq: dict[str, int], right: bool = True) -> bool:
    """Whether a dictionary word crosses the edges of ``text[start:end]`` (长治 in 长治久安)."""
    for length in (4, 3):
        word = text[start : start + length]
        if len(word) == length and length > end - start and _frequent(word, freq) and not _is_placey(word):
            return True
    for back in (1, 2):
        for length in range(back + 1, max(back + end - start, 4) + 1):  # 清水 in 山清水秀
            word = text[start - back : start - back + length]
            if start - back >= 0 and len(word) == length and _frequent(word, freq) and not _is_placey(word):
                return True
    for inside in range(start + 1, end if right else start + 1):  # 市中 in 市中级…: a word runs past the end
        for length in (2, 3):
            word = text[inside : inside + length]
            if (
                inside + length > end
                and len(word) == length
                and _frequent(word, freq)
                and not _is_placey(word)
                and not (  # 上海 + 参加, not 海参: a city before a word more frequent than the one across
                    city_or_province(text[start:end]) and freq.get(text[end : end + 2], 0) > freq.get(word, 0)
                )
            ):
                return True
    return False


def _suffix_starts_a_word(text: str, end: int, freq: dict[str, int]) -> bool:
    """Whether the division suffix ending at ``end`` begins a common word that runs on (县域, 县级).

    >>> freq = word_freq()
    >>> _suffix_starts_a_word("建设新县域", 4, freq), _suffix_starts_a_word("在新县调研", 3, freq)
    (True, False)
    """
    word = text[end - 1 : end + 1]
    return len(word) == 2 and word[0] in "县区市" and _frequent(word, freq) and not _is_placey(word)


def _words_at_both_edges(text: str, start: int, end: int, freq: dict[str, int]) -> bool:
    """Whether a common word crosses a three-character name's start and another ends it (沿海 + 城市).

    >>> freq = word_freq()
    >>> _words_at_both_edges("开放沿海城市", 3, 6, freq), _words_at_both_edges("到海城市调研", 1, 4, freq)
    (True, False)
    """
    before = text[start - 1 : start + 1]
    return (
        start > 0
        and _frequent(before, freq)
        and not _is_placey(before)
        and _frequent(text[end - 2 : end], freq)
    )


def _frequent(word: str, freq: dict[str, int]) -> bool:
    """A common word, or an idiom however rare (重于泰山, 长治久安)."""
    count = freq.get(word, 0)
    if len(word) >= 4:
        return count >= 20 or (count > 0 and word_tags().get(word) in ("i", "l"))
    return count >= 30


def _is_placey(word: str) -> bool:
    """Words that may contain a place name without hiding it: places and other proper nouns (遵义会议)."""
    if word[-1] in "省市县区镇乡村州旗盟" or Gazetteer.load().lookup(word):
        return True
    if word.endswith(_REACHES) and (word[:-2] in _regions() or Gazetteer.load().lookup(word[:-2])):
        return True  # 长江上游, 黄河流域: a part of a river or a place, named by it
    return word_tags().get(word, "") in ("ns", "nt", "nz")


_REACHES = ("上游", "中游", "下游", "流域", "沿岸", "两岸", "沿线")


@cache
def _regions() -> frozenset[str]:
    return frozenset(data_words("regions.txt"))


@lru_cache(maxsize=4096)
def gazetteer_places(text: str) -> tuple[Mention, ...]:
    """Administrative divisions named in ``text`` (leftmost-longest, not inside longer words).

    Cached per text: several recognisers ask for the same sentence.
    """
    freq = word_freq()
    hits: list[tuple[int, int, bool]] = []
    for end_index, (surface, is_short) in _gazetteer_automaton().iter(text):
        start = end_index - len(surface) + 1
        hits.append((start, end_index + 1, is_short))
    hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
    generic_spans = _generic_spans(text) if hits else []
    out: list[Mention] = []
    last_end = -1
    for start, end, is_short in hits:
        if start < last_end:
            continue
        if is_short and _yields_to_a_province_or_city(text, hits, start, end):
            continue  # 美丽河 of 美丽河北: 河北 is the place
        if _conjunction_start(text, start) or any(a <= start and end <= b for a, b in generic_spans):
            continue
        if text[start] in FUNCTION_CHARACTERS and any(a == start + 1 and b >= end for a, b, _ in hits):
            continue  # 于都 of 设于都匀, 如东 of 如东阳: the word 于/如 and the place after it
        if text[end : end + 1] == "族":  # 朝鲜族, 蒙古族: a people, not a place
            continue
        if text[start:end] in _directional_regions() and not _REGION_AFTER.match(text, end):
            continue  # 浙北粮仓, 胶东国际机场: a part of a province inside a name
        if not is_short and _township_in_a_phrase(text, start, end, last_end):
            continue
        if end - start == 2 and text[start] in "代副" and text[end : end + 1] == "长":
            continue  # 代县 of 代县长: an acting county head
        if is_short and text[start] in "省市县区州" and start > 0 and CJK.match(text[start - 1]):
            continue  # 市中 of 县级市中位列, 城市中: a short name that begins with a level is read alone
        if is_short and _common_word(text[start:end]) and not city_or_province(text[start:end]):
            continue
        strong = is_short and end - start >= 3 and city_or_province(text[start:end])  # 对内蒙古: 内蒙古
        strong = strong or (is_short and _BODY_AFTER.match(text, end) is not None)  # 和田地委: 和田
        if (
            (is_short or end - start <= 2)
            and not strong
            and _inside_longer_word(
                text, start, end, freq, right=is_short and not _PLACE_AFTER.match(text, end)
            )
        ):
            continue
        if not is_short and end - start == 2 and _suffix_starts_a_word(text, end, freq):
            continue  # 新县 of 新县域: the county suffix begins a word (县域)
        if not is_short and end - start == 3 and _words_at_both_edges(text, start, end, freq):
            continue  # 海城市 of 沿海城市: a word across its start and another that ends it
        attrs = (("source", "gazetteer"), ("short", "1")) if is_short else (("source", "gazetteer"),)
        if is_short and _named_as_a_place(text, start, end):
            attrs += (("anchored", "1"),)
        out.append(Mention("place", text[start:end], start, end, attrs=attrs))
        last_end = end
    return tuple(out)


_PLACE_BEFORE = re.compile(r"(?:到|在|赴|来|为|落户|扎根|助力|服务|维护)$")
_PLACE_AFTER = re.compile(r"(?:经济|发展|形象|人民|大地|投资|全域|城乡|[。，,；;！])")


def _named_as_a_place(text: str, start: int, end: int) -> bool:
    """Whether a short name stands where a place is named: after a word of going or settling (到杜集,
    落户某某) and before the words a place is spoken of with (某某经济, 某某形象) or a stop.

    >>> _named_as_a_place("企业到秀屿投资兴业", 3, 5), _named_as_a_place("强农惠农富农", 2, 4)
    (True, False)
    """
    return bool(_PLACE_BEFORE.search(text, max(0, start - 2), start)) and bool(_PLACE_AFTER.match(text, end))


_REGION_AFTER = re.compile(
    r"(?![\u3400-\u9fff])|地区|振兴|发展|一带|各地|和|与|及|等|的|地|片区|革命老区|山区"
)


@cache
def _directional_regions() -> frozenset[str]:
    """Parts of a province named by its abbreviation and a direction (皖北, 湘南), read from regions.txt."""
    abbreviations = set(data_words("province_abbreviations.txt"))
    return frozenset(
        r for r in data_words("regions.txt") if len(r) == 2 and r[0] in abbreviations and r[1] in "东西南北中"
    )


def _township_in_a_phrase(text: str, start: int, end: int, previous_end: int) -> bool:
    """A township's full name that is part of a phrase: 兴镇 of 文旅兴镇, 发展乡 of 发展乡村旅游.

    Its suffix starts an ordinary word (乡村), or a one-character name follows a character
    that is neither a function word nor the end of a division named just before.

    >>> _township_in_a_phrase("坚持文旅兴镇", 4, 6, -1), _township_in_a_phrase("沛县兴镇", 2, 4, 2)
    (True, False)
    """
    if text[end - 1] not in "镇乡" or not all(
        d.level == "township" for d in Gazetteer.load().lookup(text[start:end])
    ):
        return False
    if Lexicon.load().is_generic("place", text[end - 1 : end + 1]):
        return True
    before = text[start - 1 : start]
    if before and before not in _FUNCTION_CHARS and word_freq().get(before + text[start], 0) >= 1000:
        return True  # 高城乡 of 提高城乡: its first character ends a common word
    return (
        end - start == 2
        and bool(before)
        and bool(CJK.match(before))
        and before not in _FUNCTION_CHARS
        and previous_end != start
    )


def _yields_to_a_province_or_city(text: str, hits: list[tuple[int, int, bool]], start: int, end: int) -> bool:
    """Whether a township's short name overlaps a province or city named right after it (美丽河 /
    河北); a county's does not (泰山 / 山西 of 泰山西麓)."""
    if any(d.level != "township" for d in Gazetteer.load().lookup(text[start:end])):
        return False
    return any(start < s < end < e and city_or_province(text[s:e]) for s, e, _ in hits)


@cache
def _generic_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for word in Lexicon.load().generic.get("place", ()):
        if len(word) >= 3:
            automaton.add_word(word, len(word))
    automaton.make_automaton()
    return automaton


def _generic_spans(text: str) -> list[tuple[int, int]]:
    """Spans of generic words (金山银山, 绿水青山) that hide place names inside them."""
    return [(end - length + 1, end + 1) for end, length in _generic_automaton().iter(text)]


def _name_start(text: str, suffix_start: int, info: Suffix, floor: int) -> int:
    """Leftmost start of the name before a suffix, stopping at punctuation, earlier mentions, stop words."""
    j = suffix_start
    limit = max(floor, suffix_start - info.max_name - 4)
    while j > limit and (CJK.match(text[j - 1]) or (info.kind == "road" and text[j - 1].isalnum())):
        j -= 1
    name = text[j:suffix_start]

    def begins_name(prefix: str, k: int, word: str) -> bool:  # 以礼街道 keeps 以
        return len(word) == 1 and len(prefix) - k - 1 < max(info.min_name, 1)

    return j + last_boundary_end(name, _STOP_WORDS, begins_name)


def suffix_places(text: str, known: list[Mention]) -> list[Mention]:
    """Places found by their suffix (…村, …街道, …路, …湿地公园), given the gazetteer hits.

    Each suffix is read in named steps: whether it can end a name here at all, where the name may
    begin, the name after its town or village, the words trimmed before it, a short name it extends,
    and the reasons to reject what is left.
    """
    suffixes = _longest_suffixes(text)
    if not suffixes:
        return []
    lex = Lexicon.load()
    generic_spans = _generic_spans(text)
    out: list[Mention] = []
    rejected_ends: set[int] = set()
    for end_index, suffix in sorted(suffixes.items()):
        info = _suffix_info(suffix)
        suffix_start = end_index + 1 - len(suffix)
        if _suffix_blocked(text, suffix_start, end_index, suffix, known, generic_spans, lex):
            continue
        start = _name_start(text, suffix_start, info, _place_name_floor(known, suffix_start, info))
        start, inner = _after_its_division(text, start, suffix_start, info)
        after_division = _hamlet_after_village(inner) or any(
            k.end == start and not k.attr("short") for k in known
        )
        named_alone = info.kind in ("road", "village") and _named_by_a_word(
            text, start, suffix_start, end_index + 1, known
        )
        river = _river_of_a_township(text, suffix_start - 1, end_index + 1, suffix)
        if river:
            start = suffix_start - 1
        elif not (after_division and info.kind in ("village", "community")) and not named_alone:
            start = _trimmed_start(text, start, suffix_start, info, known)
        start = _after_a_level_of_this_place(text, _after_a_date(text, start, suffix_start), suffix_start)
        name = text[start:suffix_start]
        if name.endswith("等") and info.kind in ("village", "community", "township", "town", "street"):
            continue  # 毛庄村、青墩村等村: the villages listed, none named 青墩村等
        extended_start = _extended_over_short_name(text, start, suffix_start, info, known, out)
        if extended_start is None and not (
            info.min_name <= len(name) <= info.max_name + 2 * _listed_after_a_place(text, start, known)
            or _one_character_village(text, start, suffix_start, info, [*known, *out])
        ):
            continue
        tail = text[suffix_start - 1 : end_index + 1]
        if extended_start is not None and tail[0] not in _DIVISION_OR_LAND and lex.is_generic("place", tail):
            continue  # 海南 + 侨乡: an epithet of the place, no place of its own (桐乡 + 镇 is a town)
        start = start if extended_start is None else extended_start
        name = text[start:suffix_start]
        surface = text[start : end_index + 1]
        in_a_list = (
            info.kind in ("village", "community")
            and (after_division or _in_a_village_list(text, start, info, out))
        ) or (
            info.kind in ("street", "town", "township") and _listed_before_a_place(text, end_index + 1, known)
        )
        village_of_a_village = (
            suffix == "村"
            and len(name) == 2
            and name[1] == "村"
            and (
                after_division
                or text[start - 1 : start] in ("、", "，", ",", "赴", "到", "在", "和", "与", "及")
            )
        )  # 中村村, 、章村村
        town_after_county = after_division and info.kind in ("town", "township") and len(name) == 2
        if extended_start is None and _rejected(
            name,
            surface,
            suffix,
            lex,
            not (in_a_list or named_alone or river),
            village_of_a_village,
            town_after_county,
        ):
            if _a_kind_of_place(name, surface, lex):
                rejected_ends.add(end_index + 1)
            continue
        if text[start - 1 : start] == "、" and start - 1 in rejected_ends:
            rejected_ends.add(end_index + 1)
            continue  # 贫困村、空壳村: listed with a kind of village, it is a kind too
        if _no_place_name(text, start, end_index + 1, name, info):
            continue
        if _water_or_zone_misread(text, start, end_index + 1, name, info):
            continue
        if _a_known_place_and_a_word(text, start, end_index + 1, known, lex):
            continue
        if _divisions_in_a_row(start, end_index + 1, known):
            continue  # 河北唐山, 江西九江: a province and its city, each a place, no mountain or river
        out.append(Mention("place", surface, start, end_index + 1, attrs=(("source", info.kind),)))
    return out


_DIVISION_OR_LAND = set("省市州盟县区旗镇乡村街山湖河江")


_RIVER_PARTS = (*_REACHES, "岸边", "河畔", "江畔", "畔", "水系", "干流", "支流", "河道", "河段", "湿地")


def _river_of_a_township(text: str, start: int, end: int, suffix: str) -> bool:
    """Whether a river of one character (弥河, whose character alone reads as a verb) is named here: a
    township of the gazetteer bears its name (弥河镇), and a part of a river follows (流域, 两岸).

    >>> _river_of_a_township("察看弥河流域治理", 2, 4, "河"), _river_of_a_township("跨河两岸", 0, 2, "河")
    (True, False)
    """
    if suffix not in ("河", "江") or end - start != 2 or not text.startswith(_RIVER_PARTS, end):
        return False
    gazetteer = Gazetteer.load()
    return any(d.level == "township" for k in ("镇", "乡") for d in gazetteer.lookup(text[start:end] + k))


def _after_a_level_of_this_place(text: str, start: int, suffix_start: int) -> int:
    """A name read by its suffix begins after the level of the place the text is about (我市 +
    抚仙湖: no 市抚仙湖).

    >>> _after_a_level_of_this_place("对我市抚仙湖保护", 2, 5), _after_a_level_of_this_place("到市中湖", 1, 3)
    (3, 1)
    """
    if (
        start < suffix_start - 1
        and text[start] in "省市州盟县区旗镇乡"
        and text[start - 1 : start] in ("我", "本", "该", "全")
    ):
        return start + 1
    return start


def _after_a_date(text: str, start: int, suffix_start: int) -> int:
    """A name read by its suffix begins after a date or a count written before it (7月 + 廉江: no
    月廉江; 5个 + 河渠: no 个河).

    >>> _after_a_date("今年7月廉江招商", 3, 5), _after_a_date("还有5个河渠", 3, 4)
    (4, 4)
    """
    if 0 < start < suffix_start and text[start] in "年月日号个条座处项" and text[start - 1].isdigit():
        return start + 1
    return start


def divisions_filling(start: int, end: int, known: list[Mention]) -> list[str]:
    """The divisions found by the gazetteer that fill ``start:end`` one after another, or none when
    they leave a gap.

    >>> hebei, tangshan = Mention("place", "河北", 0, 2), Mention("place", "唐山", 2, 4)
    >>> divisions_filling(0, 4, [hebei, tangshan]), divisions_filling(0, 4, [tangshan])
    (['河北', '唐山'], [])
    """
    at, pieces = start, []
    for k in sorted(known, key=lambda m: m.start):
        if k.start == at and k.end <= end:
            at, pieces = k.end, [*pieces, k.text]
    return pieces if at == end else []


def _divisions_in_a_row(start: int, end: int, known: list[Mention]) -> bool:
    """Whether two or more provinces or cities fill ``start:end`` (河北唐山; no 合肥新城)."""
    pieces = divisions_filling(start, end, known)
    return len(pieces) >= 2 and all(city_or_province(p) for p in pieces)


def _a_known_place_and_a_word(text: str, start: int, end: int, known: list[Mention], lex: Lexicon) -> bool:
    """Whether a name read by its suffix is a place already found with a function word before it
    (至 + 青岛 of 威海至青岛) or an ordinary word after it (顺义 + 城乡 of 顺义城乡建设).

    >>> from kg.places import gazetteer_places
    >>> text = "融入顺义城乡建设"
    >>> _a_known_place_and_a_word(text, 2, 6, list(gazetteer_places(text)), Lexicon.load())
    True
    """
    for k in known:
        before = text[start : k.start]
        if k.end == end and start < k.start and all(c in FUNCTION_CHARACTERS for c in before):
            return True
        if k.end == end and len(before) >= 2 and _a_word_not_a_place(before):
            return True  # 弘扬 + 黄河, 集团 + 黄河: a word before a place already found
        rest = text[k.end : end]
        in_general = len(rest) == 2 and rest[0] in "城乡镇村街县市区" and lex.is_generic("place", rest)
        landscape = len(rest) == 2 and rest[-1] in "山村" and lex.is_generic("place", rest)
        if k.start == start and (in_general or landscape):
            return True  # 城乡, 镇村: divisions in general; 大山, 山村: land in general, after a place found
    return False


def _a_word_not_a_place(word: str) -> bool:
    """A common dictionary word that names no place (弘扬, 集团; not 小金, 南岸).

    >>> _a_word_not_a_place("弘扬"), _a_word_not_a_place("南岸")
    (True, False)
    """
    return (
        word_freq().get(word, 0) >= 100
        and not word_tags().get(word, "").startswith(("ns", "f", "s"))
        and not Gazetteer.load().lookup(word)
    )


def _longest_suffixes(text: str) -> dict[int, str]:
    """The longest place suffix ending at each character (高新区, not 新区 of 壮大高新区)."""
    longest: dict[int, str] = {}
    for end_index, suffix in _suffix_automaton().iter(text):
        if len(suffix) > len(longest.get(end_index, "")):
            longest[end_index] = suffix
    return longest


def _suffix_blocked(
    text: str,
    suffix_start: int,
    end_index: int,
    suffix: str,
    known: list[Mention],
    generic_spans: list[tuple[int, int]],
    lex: Lexicon,
) -> bool:
    """Whether a suffix can end no name here: inside an ordinary phrase, beginning an ordinary word,
    or cutting across a division already found."""
    if any(a <= suffix_start and end_index < b and b - a > len(suffix) for a, b in generic_spans):
        return True  # 金山 of 金山银山: the suffix belongs to an ordinary phrase
    word = text[end_index : end_index + 2]
    if (
        len(word) == 2
        and word[0] != word[1]
        and lex.is_generic("place", word)
        and not text.startswith("流域", end_index + 1)  # 某河流域: the river's basin, not 河流
    ):
        return True  # 乡 of 乡村, 河 of 河道: the suffix's last character begins an ordinary word
    if _word_across_the_suffix(text, suffix_start, end_index + 1):
        return True  # 乡 of 父老乡亲: an ordinary word begins before the suffix and runs past it
    if suffix in ("河", "湖", "江") and text[end_index + 1 : end_index + 2] == "长":
        return True  # 总河长, 湖长: a river chief's post, no river
    if (
        len(suffix) == 1
        and suffix_start > 0
        and lex.is_generic("place", text[suffix_start - 1 : end_index + 1])
        and word_freq().get(text[suffix_start - 1 : end_index + 2], 0) >= 3
    ):
        return True  # 镇 of 城镇群, 城镇化: the suffix ends an ordinary word that goes on
    return any(
        (k.start <= suffix_start < k.end < end_index + 1 or k.start < end_index + 1 < k.end)
        and not (k.attr("short") and k.start < suffix_start and k.end <= end_index + 1)  # 安新 of 雄安新区
        for k in known
    )


def _word_across_the_suffix(text: str, suffix_start: int, suffix_end: int) -> bool:
    """Whether a common word or idiom of three or four characters starts before a suffix and ends
    after it, so the suffix is inside the word (父老乡亲, 美丽乡村), or an idiom starts with a suffix
    of one character (山清水秀).

    >>> _word_across_the_suffix("让父老乡亲受益", 3, 4), _word_across_the_suffix("到白鹿乡调研", 3, 4)
    (True, False)
    """
    if suffix_end >= len(text) or not CJK.match(text[suffix_end]):
        return False
    freq = word_freq()
    idiom = text[suffix_start : suffix_start + 4]
    words = [idiom] if suffix_end - suffix_start == 1 and len(idiom) == 4 else []  # 山 of 山清水秀
    words += [text[k : k + n] for n in (4, 3) for k in range(max(0, suffix_end + 1 - n), suffix_start)]
    return any(
        word in freq and len(word) >= 3 and _frequent(word, freq) and not _is_placey(word) for word in words
    )


def _place_name_floor(known: list[Mention], suffix_start: int, info: Suffix) -> int:
    """Where a name may begin at the earliest: after the last division found before its suffix; a
    park, scenic area or landmark may hold a place's short name (隋唐洛阳城国家遗址公园), and a park or
    scenic area also a river, lake or mountain it is named after (汾河公园, 黄河湿地公园; a bridge over
    the river is not: 黄河 + 大桥)."""
    if info.kind in ("park", "scenic", "landmark", "region"):
        return max(
            [
                k.end
                for k in known
                if k.end <= suffix_start
                and not k.attr("short")
                and (info.kind == "landmark" or Gazetteer.load().lookup(k.text))  # 黄河 + 大桥: the river
            ],
            default=0,
        )
    return max([k.end for k in known if k.end <= suffix_start], default=0)


_GRASSROOTS_KINDS = ("village", "community", "town", "township", "street", "estate")


def _after_its_division(
    text: str, start: int, suffix_start: int, info: Suffix
) -> tuple[int, re.Match[str] | None]:
    """A grassroots place named after the division it lies in starts after it (高唐 of 乐县高唐镇,
    钟屏 of 以礼街道钟屏社区, 李 of 桐乡镇李村); returns the start and the division read over."""
    if info.kind not in _GRASSROOTS_KINDS:
        return start, None
    name = text[start:suffix_start]
    inner = _INNER_ADMIN.match(name)
    if inner is None:
        return start, None
    rest = len(name) - inner.end()
    after_town = inner.group(0).endswith(("镇", "乡", "街道"))
    joined = name[inner.end() : inner.end() + 1] in ("及", "和", "与")
    if joined and rest - 1 >= info.min_name:  # 某某镇及红山村: the town and a village
        return start + inner.end() + 1, inner
    if rest >= info.min_name or (rest == 1 and after_town and info.kind == "village"):
        return start + inner.end(), inner
    return start, inner


def _hamlet_after_village(inner: re.Match[str] | None) -> bool:
    """木吉村横桐屯: a hamlet or village written after its village, town or street."""
    return (
        inner is not None and inner.end() >= 3 and inner.group(0).endswith(("村", "镇", "乡", "街道", "嘎查"))
    )


def _trimmed_start(text: str, start: int, suffix_start: int, info: Suffix, known: list[Mention]) -> int:
    """The start once words before the real name are dropped (查看小区 → nothing), keeping two
    characters that make no word as the name of a zone (雄安 of 抓住雄安新区) or of any place after
    punctuation (、眉斜路)."""
    name = text[start:suffix_start]
    if not name or name[0].isdigit():
        return start
    trimmed = _trim_by_tags(name)
    if not trimmed and (_two_characters_name_zone(name, info) or _rare_pair(text, suffix_start - 2, known)):
        trimmed = name[-2:]
    if len(name) - len(trimmed) == 1 and text[start - 1 : start] == "、":
        trimmed = name  # 、建福村, 、勾兰瑶村: right after a list's mark a word of doing begins no clause
    if _listed_after_a_place(text, start, known):
        trimmed = name  # 某某苏木、满都宝力格镇: listed after a place, the whole item is a name
    if len(trimmed) <= 1 and len(name) == 2 and _a_pair_of_no_word(text, start):
        trimmed = name  # 兴东社区, 稼先公园: two characters that make no word are a name, whatever their tags
    return suffix_start - len(trimmed)


def _listed_after_a_place(text: str, start: int, known: list[Mention]) -> bool:
    """Whether ``start`` follows a 、 that follows a place (萨麦苏木、满都宝力格镇).

    >>> _listed_after_a_place("萨麦苏木、满都宝力格镇", 5, [Mention("place", "萨麦苏木", 0, 4)])
    True
    """
    return text[start - 1 : start] == "、" and any(k.end == start - 1 for k in known)


def _listed_before_a_place(text: str, end: int, known: list[Mention]) -> bool:
    """Whether a 、 and then a place follow ``end`` (到浩然街道、伙牌镇: 浩然街道 is listed with a town).

    >>> _listed_before_a_place("到浩然街道、伙牌镇", 5, [Mention("place", "伙牌镇", 6, 9)])
    True
    """
    return text[end : end + 1] == "、" and any(k.start == end + 1 for k in known)


def _a_pair_of_no_word(text: str, start: int) -> bool:
    """Two characters at ``start`` that make no word, neither with the character before them nor
    with the suffix after them (解 of 了解漓江, 治 of 整治同小区, 跑 of 少跑路).

    >>> _a_pair_of_no_word("来到稼先公园", 2), _a_pair_of_no_word("了解漓江", 1)
    (True, False)
    """
    pair, freq = text[start : start + 2], word_freq()
    if pair in freq or pair[0] in _FUNCTION_CHARS or (pair[1:] in _FUNCTION_CHARS and pair[1:] != "一"):
        return False  # 横一村, 联一村: a village numbered 一 after its first character
    if pair[1] != "一" and freq.get(text[start + 1 : start + 3], 0) >= 50:
        return False
    if text[start + 2 : start + 3] == "路" and word_tags().get(text[start + 1], "").startswith("v"):
        return False  # 少跑路, 多修路: a verb of going or building before 路
    return start == 0 or freq.get(text[start - 1 : start + 1], 0) < 50


def _two_characters_name_zone(name: str, info: Suffix) -> bool:
    """雄安 of 抓住雄安新区: after a verb, two characters that make no word name a zone."""
    last_two = name[-2:]
    return (
        info.kind == "zone"
        and len(last_two) == 2
        and word_freq().get(last_two, 0) == 0
        and not set(last_two) & _FUNCTION_CHARS
        and _after_a_verb(name[:-2])
    )


def _extended_over_short_name(
    text: str, start: int, suffix_start: int, info: Suffix, known: list[Mention], found: list[Mention] = ()
) -> int | None:
    """Where a name starts when it reads back over a short name right before it (雄安 + 新区,
    the county short name of a zone, a one-character name after a short name, a county's short
    name after a township or a village listed before, ``found`` by their suffixes), else ``None``."""
    adjacent = next((k for k in known if k.end == start), None)
    name = text[start:suffix_start]
    if adjacent is None or not (
        (info.kind == "zone" and not name.startswith(("经济", "高新", "综改")) and adjacent.attr("short"))
        or (info.kind == "zone" and not name)
        or ((len(name) < info.min_name or len(name) == 1) and adjacent.attr("short"))
        or (
            info.kind == "village"
            and adjacent.attr("short")
            and _right_after_a_township(text, adjacent, [*known, *found])
            and text[suffix_start - 1 : suffix_start + len(info.suffix)]
            not in word_freq()  # 某镇永寿片乡村振兴
        )
    ):
        return None
    start = adjacent.start
    while info.kind == "zone" and (outer := next((k for k in known if k.end == start), None)):
        if not outer.attr("short"):
            break
        start = outer.start
    if info.kind == "village" and _position_word_begins_name(text, start):
        start -= 1  # 和后岱山村: 后 + a county's short name + 村 is the village's name
    town = next(
        (k for k in known if k.type == "place" and k.text.endswith(("镇", "乡")) and 1 <= start - k.end <= 2),
        None,
    )
    between = text[town.end : start] if town is not None else ""
    if (
        info.kind == "village"
        and town is not None
        and all(CJK.match(c) for c in between)
        and between[0] not in "及和与"  # 某镇及红山村: the town, and then the village
    ):
        start = town.end  # 黑家堡镇泥河口村: the village's name runs back to its town (河口 is a town too)
    return start


def _right_after_a_township(text: str, place: Mention, known: list[Mention]) -> bool:
    """Whether a township ends where ``place`` begins, or a village is listed right before it: a
    county's short name there begins a village's name (某某镇 + 乌兰 + 道崩嘎查, 某某嘎查、乌兰道崩嘎查),
    for no county lies inside a township or among its villages."""
    return any(
        (k.end == place.start and k.text.endswith(("镇", "乡", "苏木")))
        or (k.end == place.start - 1 and k.text.endswith(("村", "嘎查")) and text[k.end] == "、")
        for k in known
    )


def _position_word_begins_name(text: str, start: int) -> bool:
    """Whether the character of position before a short name at ``start`` begins a village's name:
    it stands right after a conjunction or a mark, so it says where nothing else is.

    >>> _position_word_begins_name("走访金山村和后岱山村", 7), _position_word_begins_name("村后岱山村", 2)
    (True, False)
    """
    return (
        start >= 2
        and text[start - 1] in "前后上下东西南北中"
        and (text[start - 2] in "和与及、" or not CJK.match(text[start - 2]))
    )


def _in_a_village_list(text: str, start: int, info: Suffix, out: list[Mention]) -> bool:
    """西城镇联建村、团结村: a village named with ordinary words right after another of its kind."""
    return any(o.end == start - 1 and text[o.end] == "、" and o.attr("source") == info.kind for o in out)


def _no_place_name(text: str, start: int, end: int, name: str, info: Suffix) -> bool:
    """A river or mountain of one character that is an ordinary word (星河), a numbered formula
    (三河一山), a road read from the ends of one of its sections (某某至某某段三级公路), or a numbered
    road without a name before its number (团一路 of 考察团一路参观; 中山一路 and 七一路 are roads)."""
    if len(name) == 1 and info.kind in ("water", "mountain") and _ordinary_word(text, start, end):
        return True
    if re.fullmatch(r"[一二三四五六七八九十][\u3400-\u9fff][一二三四五六七八九十]", name):
        return True  # 三河一山: a numbered formula
    if info.kind == "road" and ("段" in name or "至" in name):
        return True  # 某某至某某段三级公路: a section of a road, read from its ends
    if text[end : end + 2] == "同志":
        return True  # 补选甲、刘德镇同志为…: a person, named like a town
    if re.sub(r"^(?:各|全|[东西南北中]部)", "", name) in _PLACE_KINDS:
        return True  # 各苏木镇, 东部苏木镇: the townships of two kinds, or of a part of a county
    if info.kind == "village" and re.match(r"[、和与](?:镇|乡|组|社区)", text[end : end + 2]):
        return True  # 听取村、镇干部汇报: the levels of cadres, no village
    if info.kind == "road" and re.match(r"[\u3400-\u9fff]?村(?!民|级|里|党|两委)", text[end : end + 3]):
        return True  # 东巷 + 口村: a road's suffix inside a village's name
    if info.kind == "road" and name[-1] in "水电气" and text[end : end + 1] in ("气", "网", "讯", "暖"):
        return True  # 水电路气网: the utilities listed, no road
    if info.kind == "road" and text[end - 2 : end] == "一路" and _ROAD_IDIOM.match(text, end):
        return True  # 创业一路顺心, 办事一路绿灯: all the way, no road
    return info.kind == "road" and len(name) <= 2 and name[-1:] in _NUMERALS and name[0] not in _NUMERALS


_PLACE_KINDS = frozenset({"苏木", "乡", "镇", "街道", "社区", "村", "嘎查"})
_ROAD_IDIOM = re.compile(r"顺心|顺风|顺畅|顺利|绿灯|长虹|畅通|高歌|相伴|护航|狂奔|领跑")


def _water_or_zone_misread(text: str, start: int, end: int, name: str, info: Suffix) -> bool:
    """A water's suffix that begins a village's name (七湾 + 村), a water named across a word
    (结合 + 湖区 of 结合湖), a zone named by a verb or adverb (深化 + 开发区).

    >>> w, misread = _suffix_info("湾"), _water_or_zone_misread
    >>> misread("在七湾村开会", 0, 3, "在七", w), misread("到三亚湾游览", 1, 4, "三亚", w)
    (True, False)
    """
    freq = word_freq()
    if info.kind == "water":
        before = text[start - 1 : start + 1]
        return (
            text[end : end + 1] in ("村", "镇", "乡")
            or text.startswith(("片区", "社区", "街道"), end)
            or (start > 0 and freq.get(before, 0) >= 100 and not _is_placey(before))
        )
    if info.kind == "zone":
        tag = word_tags().get(name, "")
        if freq.get(name, 0) >= 10000 and not tag.startswith(("ns", "nr", "nz")):
            return True  # 循环 + 经济示范区: a word as common as 经济 is a kind, cut from the zone's name
        return freq.get(name, 0) >= 500 and tag.startswith(("v", "d", "j", "a"))  # 深化, 推进: no name
    return False


def _one_character_village(
    text: str, start: int, suffix_start: int, info: Suffix, known: list[Mention]
) -> bool:
    """焦村 of 斑鸠店镇焦村, 蒋村 of 天凝镇（蒋村）: a village of one character, named right after its town.

    >>> town = [Mention("place", "天凝镇", 0, 3)]
    >>> _one_character_village("天凝镇蒋村", 3, 4, _suffix_info("村"), town)
    True
    """
    name = text[start:suffix_start]
    if info.kind != "village" or len(name) != 1 or name in _FUNCTION_CHARS or not CJK.match(name):
        return False
    surface = name + text[suffix_start : suffix_start + len(info.suffix)]
    if Lexicon.load().is_generic("place", surface) or (
        word_freq().get(surface, 0) >= 30 and not word_tags().get(surface, "").startswith("ns")
    ):
        return False  # 驻村, 山村: a word
    town = start - 1 if text[start - 1 : start] in ("（", "(") else start
    return any(k.end == town and k.text.endswith(("镇", "乡", "街道")) for k in known)


def _named_by_a_word(text: str, start: int, suffix_start: int, suffix_end: int, known: list[Mention]) -> bool:
    """A road or village named by a verb or adjective (解放路, 团结村) standing on its own: after
    punctuation, a preposition or a division, not in quotes, its suffix not starting a word (村支书).

    >>> _named_by_a_word("在解放路", 1, 3, 4, []), _named_by_a_word("挑起村支书重担", 0, 2, 3, [])
    (True, False)
    """
    name = text[start:suffix_start]
    if len(name) != 2 or not word_tags().get(name, "").startswith(("v", "a")):
        return False
    if name in boundary_words("title"):
        return False  # 叮嘱 + 村党支部书记: a verb whose object is the village's cadre
    freq = word_freq()
    if any(
        _frequent(text[suffix_start : suffix_end + k], freq) for k in (1, 2) if suffix_end + k <= len(text)
    ):
        return False
    before = text[start - 1 : start]
    if before in _OPENING_QUOTES:
        return False  # “赶考路”: a figure of speech
    return (
        not before or not CJK.match(before) or before in _BEFORE_A_NAME or any(k.end == start for k in known)
    )


def _ordinary_word(text: str, start: int, end: int) -> bool:
    """A two-character river or mountain that is an ordinary word (星河, 沿江) or inside one (重于泰山).

    >>> _ordinary_word("沿江建成生态缓冲带", 0, 2), _ordinary_word("沿着漓江", 2, 4)
    (True, False)
    """
    tag = word_tags().get(text[start:end])
    if tag is not None and not tag.startswith(("ns", "nr")):
        return True
    return _inside_longer_word(text, start, end, word_freq(), right=False)


def _after_a_verb(prefix: str) -> bool:
    """Whether ``prefix`` is empty or ends with a verb or function word (抓住 of 抓住雄安新区).

    >>> _after_a_verb("抓住"), _after_a_verb("转型"), _after_a_verb("")
    (True, False, True)
    """
    words = tagged_words(prefix) if prefix else ()
    return not words or words[-1][1].startswith(("v", "p", "c", "d")) and not words[-1][1].startswith("vn")


def _proper_name_before_a_kind(name: str, suffix: str, lex: Lexicon) -> bool:
    """陈店新村: a name the dictionary does not hold before a kind of village (新村), which names one
    village (移民新村, 美丽新村 name kinds).

    >>> lex = Lexicon.load()
    >>> _proper_name_before_a_kind("陈店新", "村", lex), _proper_name_before_a_kind("移民新", "村", lex)
    (True, False)
    """
    head = name[:-1]
    return (
        suffix == "村"
        and len(head) == 2
        and lex.is_generic("place", name[-1] + suffix)
        and head not in word_freq()
        and head[0] not in FUNCTION_CHARACTERS
        and not any(lex.is_generic("place", head[-k:] + name[-1] + suffix) for k in (1, 2))
    )


def _water_named_after_a_place(name: str, suffix: str, lex: Lexicon) -> bool:
    """龙江河: a river named after a division (龙江, of 龙江县 or 龙江镇), where only the division's
    last character and the suffix make an ordinary word (江河).

    >>> lex = Lexicon.load()
    >>> _water_named_after_a_place("龙江", "河", lex), _water_named_after_a_place("母亲", "河", lex)
    (True, False)
    """
    return (
        suffix in ("河", "江", "湖")
        and len(name) >= 2
        and not any(lex.is_generic("place", name[-k:] + suffix) for k in (2, 3))
        and any(Gazetteer.load().lookup(name + level) for level in ("", "县", "市", "区", "镇", "乡"))
    )


def _named_like_a_hill_village(name: str, suffix: str, lex: Lexicon, listed: bool = False) -> bool:
    """茅山村, 马新村: a village whose two-character name ends like a kind of village (山村, 新村) but is
    no ordinary word itself (大山村 is a village in the mountains).

    >>> lex = Lexicon.load()
    >>> _named_like_a_hill_village("茅山", "村", lex), _named_like_a_hill_village("大山", "村", lex)
    (True, False)
    >>> _named_like_a_hill_village("朱家山", "村", lex), _named_like_a_hill_village("偏远山", "村", lex)
    (True, False)
    """
    if (
        suffix == "村"
        and len(name) == 3
        and name[1] == "家"
        and name[2] in "山新渔"
        and name[0] in lex.surnames
    ):
        return True  # 朱家山村: a family's hill, the commonest shape of a village's name
    return (
        suffix == "村"
        and len(name) == 2
        and name[1] in "山新渔"
        and name[0] not in "大小深高青"  # 小山村: a small village in the hills
        and not _a_kind_of_place(name, name + suffix, lex)
        and (listed or word_freq().get(name, 0) < 300)  # 梅坑村、香山村: among villages, a village
    )


def _a_kind_of_place(name: str, surface: str, lex: Lexicon) -> bool:
    """Whether a candidate names a kind of place (贫困村, 示范村, 美丽乡村), not one place.

    >>> _a_kind_of_place("贫困", "贫困村", Lexicon.load()), _a_kind_of_place("章村", "章村村", Lexicon.load())
    (True, False)
    """
    modifiers = lex.generic.get("modifier", frozenset())
    return (
        lex.is_generic("place", surface)
        or lex.is_generic("place", name)
        or lex.starts_with_modifier(name)
        or name[:1] in modifiers
    )


_COUNTED_UNITS = re.compile(  # 百县千镇: counts; 十五分钟社区生活圈: a distance in time or space
    r"[一二三四五六七八九十百千万][县镇村乡户]|^[\d一二三四五六七八九十百千]+(?:分钟|小时|公里|千米|米)"
)


def _rejected(
    name: str,
    surface: str,
    suffix: str,
    lex: Lexicon,
    by_tags: bool = True,
    village_of_a_village: bool = False,
    town_after_county: bool = False,
) -> bool:
    if name.startswith(("一", "族", "级")) or name.endswith("第一") or _COUNTED_UNITS.match(name):
        return True  # 一江一河, 一村一品, 百县千镇: counts; 侗族传统村: a people; 某某第一村: an honour
    if suffix in ("村", "社区") and name[0] in "村乡镇" and len(name) >= 3:
        return True  # 村示范村 of 美丽乡村示范村: the name begins inside the word before it
    if lex.is_generic("place", surface) or (lex.is_generic("place", name) and not village_of_a_village):
        return True  # 新村 is a kind of village, 新村村 one village of that name
    if not name:
        return True
    if suffix == "屯" and set(name) & _FUNCTION_CHARS:  # 与奎屯: 奎屯 is a city, not a hamlet 与奎
        return True
    if (
        suffix in ("村", "镇", "乡", "社区", "街道", "街")
        and name[-1] in "省市县区镇乡村级"
        and not village_of_a_village
    ):
        return True
    tag = word_tags().get(name, "")
    if (
        by_tags
        and len(name) <= 2
        and (tag.startswith(("a", "v", "d")) or (tag == "j" and word_freq().get(name, 0) >= 1000))
    ):
        return True  # 深化 (tagged as an abbreviation) + 村党支部: a verb, no village
    if suffix == "路" and word_tags().get(name[-1] + suffix, "").startswith("v"):
        return True  # 少跑路, 多修路: a verb of going or building, not a road
    if len(name) == 2 and word_tags().get(name) in ("f", "t") and word_freq().get(name, 0) >= 1000:
        return True  # 以前村 of 以前村里: a word of time or position
    if any(lex.is_generic("place", name[-k:] + suffix) for k in (1, 2, 3)) and not (
        village_of_a_village
        or town_after_county  # 巴州区化城镇: a town right after its county, though 城镇 is a word
        or _named_like_a_hill_village(name, suffix, lex, listed=not by_tags)
        or _proper_name_before_a_kind(name, suffix, lex)
        or _water_named_after_a_place(name, suffix, lex)
    ):
        return True
    if _a_kind_of_place(name, surface, lex) and not village_of_a_village:
        return True
    return bool(re.search(r"[的了是着过们]", name))


_TOWNSHIP_LIST = re.compile(
    r"((?:[\u3400-\u9fff]{2,4}、)+[\u3400-\u9fff]{2,4})等(?:[\d一二三四五六七八九十]+个)?(?:乡镇|镇|乡|街道)(?!村)"
)


def listed_townships(text: str) -> list[Mention]:
    """Townships named by their short names in a list of them (到蒙村、陶邓等乡镇): each a township
    of the gazetteer once its suffix is put back.

    >>> [m.text for m in listed_townships("书记率队到西仵、东阳关等乡镇调研")]
    ['西仵', '东阳关']
    """
    out = []
    for m in _TOWNSHIP_LIST.finditer(text):
        position = m.start(1)
        for k, item in enumerate(m.group(1).split("、")):
            lengths = range(len(item), 1, -1) if k == 0 else (len(item),)
            short, full = next(
                ((item[-n:], f) for n in lengths if (f := _township_stem(item[-n:]))), ("", "")
            )
            if full:
                start = position + len(item) - len(short)
                attrs = (("source", "gazetteer"), ("short", "1"), ("full", full))
                out.append(Mention("place", short, start, start + len(short), attrs=attrs))
            position += len(item) + 1
    return out


_VILLAGE_LIST = re.compile(
    r"((?:[\u3400-\u9fff]{2,3}、)+[\u3400-\u9fff]{2,3})等(?:[\d一二三四五六七八九十]+个)?(?:行政)?村"
    r"(?![民级庄集干党委组居])"
)


def listed_villages(text: str) -> list[Mention]:
    """Villages named by their short names in a list of them (万源楼、宝溪、道仁等村): each a village.

    >>> [m.text for m in listed_villages("先后走访宝溪、朱罗、道仁等村，看望村民代表")]
    ['宝溪', '朱罗', '道仁']
    >>> listed_villages("交通、水利等村级设施"), listed_villages("防汛、教育等7个村民小组")
    ([], [])
    """
    out = []
    for m in _VILLAGE_LIST.finditer(text):
        items = _first_item_trimmed(text, m.start(1), m.group(1).split("、"))
        if any(_frequent(item, word_freq()) for item in items):
            continue  # 交通、水利等村: kinds of work, no villages
        out += _listed_places(m.end(1), items, "village", "村")
    for m in _SHARED_SUFFIX_LIST.finditer(text):
        items = m.group(1).split("、")
        suffix, last = m.group(2), text[m.end(1) + 1 : m.start(2)]
        if "等" in last or any(i.endswith(suffix) for i in items):
            continue  # 宝溪、道仁等村: read above; 茅山村、河垓村: each named in full
        if all(_frequent(item, word_freq()) for item in (*items, last)):
            continue  # 交通、水利、文化村: kinds of work, no villages
        out += _listed_places(m.end(1), items, "village" if suffix == "村" else "community", suffix)
    return out


# 先后到民主、东正、北山社区: places visited that share the suffix of the last one (read with its suffix)
_SHARED_SUFFIX_LIST = re.compile(
    r"(?:到|走访|深入|来到|前往|赴|走进|调研|慰问|看望)"
    r"((?:[\u3400-\u9fff]{2,3}、)*[\u3400-\u9fff]{2,3})、(?=[\u3400-\u9fff]{2,3}?(村|社区)(?![民级庄集干党委组居]))"
)


def _first_item_trimmed(text: str, start: int, items: list[str]) -> list[str]:
    """The items of a list, the first without the words before it (到宝溪 → 宝溪, 某镇宝溪 → 宝溪)."""
    head = text[max(0, start - 4) : start + len(items[0])]
    after_township = re.search(r"(?:镇|乡|街道)([\u3400-\u9fff]{2,3})$", head)
    first = after_township.group(1) if after_township else _trim_by_tags(items[0]) or items[0]
    return [first, *items[1:]]


def _listed_places(end: int, items: list[str], source: str, suffix: str) -> list[Mention]:
    """Mentions of the items of a list that ends at ``end``, each named in full with ``suffix``."""
    out, position = [], end - len("、".join(items))
    for item in items:
        attrs = (("source", source), ("full", item if item.endswith(suffix) else item + suffix))
        out.append(Mention("place", item, position, position + len(item), attrs=attrs))
        position += len(item) + 1
    return out


_DATELINE = re.compile(
    r"(?:日报|晚报|本报|新华社|中新社|通讯社)([\u3400-\u9fff]{2,3})(?=\d{1,2}月\d{1,2}日电)"
)


def dateline_townships(text: str) -> list[Mention]:
    """The town a report is filed from, named short in its dateline (某某日报文城7月21日电): a
    township of the gazetteer once its suffix is put back.

    >>> [m.text for m in dateline_townships("海南日报潭门3月2日电（记者 王某）")]
    ['潭门']
    """
    out = []
    for m in _DATELINE.finditer(text):
        full = _township_stem(m.group(1))
        if full:
            attrs = (("source", "gazetteer"), ("short", "1"), ("full", full))
            out.append(Mention("place", m.group(1), m.start(1), m.end(1), attrs=attrs))
    return out


def _township_stem(stem: str) -> str:
    """The full name of a township this short name may stand for (蒙村 → 蒙村镇), or ''."""
    for suffix in ("镇", "乡", "街道"):
        if any(d.level == "township" for d in Gazetteer.load().lookup(stem + suffix)):
            return stem + suffix
    return ""


_BARE_ZONE = re.compile(r"(?:高新区|经开区)(?!管委会|党工委|[\u3400-\u9fff]{0,3}(?:书记|主任))")
_BEFORE_A_ZONE = re.compile(r"(?:赴|到|在|至|来到|走进|前往|深入|、)$")


def bare_zones(text: str, known: list[Mention]) -> list[Mention]:
    """The city's own zone named by its bare abbreviation where a place is meant (赴经开区调研,
    昌邑区、高新区、磐石市), not a zone's body (高新区管委会) or a zone named in full (某某高新区).

    >>> [m.text for m in bare_zones("市长赴经开区调研，高新区管委会汇报。", [])]
    ['经开区']
    """
    out = []
    for m in _BARE_ZONE.finditer(text):
        if _BEFORE_A_ZONE.search(text, max(0, m.start() - 2), m.start()) and not any(
            k.start < m.start() < k.end or k.end == m.start() for k in known
        ):
            out.append(Mention("place", m.group(0), m.start(), m.end(), attrs=(("source", "zone"),)))
    return out


@cache
def _free_trade_zone() -> re.Pattern[str]:
    provinces = sorted(
        {
            n
            for d in Gazetteer.load().by_code.values()
            if d.level == "provincial"
            for n in (d.name, d.short)
            if len(n) >= 2
        },
        key=len,
        reverse=True,
    )
    return re.compile(
        rf"(?:中国\s*[（(]\s*)?(?:{'|'.join(provinces)})(?:\s*[）)])?\s*"
        r"(?:自由贸易试验区|自贸试验区|自由贸易港|自贸区|自贸港)"
        r"(?:[\u3400-\u9fff]{2,6}?片区)?"
    )


def free_trade_zones(text: str) -> list[Mention]:
    """A pilot free trade zone named by its province, with the area of it a city holds:
    中国（辽宁）自由贸易试验区营口片区, 河南自贸试验区郑州片区.

    >>> [m.text for m in free_trade_zones("中国（辽宁）自由贸易试验区营口片区和湖北自贸试验区武汉片区签约")]
    ['中国（辽宁）自由贸易试验区营口片区', '湖北自贸试验区武汉片区']
    """
    return [
        Mention("place", m.group(0), m.start(), m.end(), attrs=(("source", "zone"),))
        for m in _free_trade_zone().finditer(text)
    ]


_ROAD_CODE = re.compile(
    r"(?:国道|省道|县道)?(?<![A-Za-z0-9])[GSX]\d{3}(?:线(?!路))?(?![A-Za-z0-9])"
    r"(?:[\u3400-\u9fff]{2,6}?(?:[一二]级公路|高速公路|公路|高速)(?!公路))?"  # S228某某一级公路
    r"|(?<![\dA-Za-z])\d{1,3}号路(?!口)"  # a park's numbered road
)


def coded_roads(text: str) -> list[Mention]:
    """National, provincial and county roads written by their code (G352, S218线).

    >>> [m.text for m in coded_roads("走进G352涪洋段项目现场，省道S218线改造，5G基站和G20峰会")]
    ['G352', '省道S218线']
    >>> [m.text for m in coded_roads("S228安枞一级公路是重要组成部分，G4京港澳高速，园区2号路西段，3号路口")]
    ['S228安枞一级公路', '2号路']
    """
    if "G" not in text and "S" not in text and "X" not in text and "号路" not in text:
        return []
    return [
        Mention("place", m.group(0), m.start(), m.end(), attrs=(("source", "road"),))
        for m in _ROAD_CODE.finditer(text)
    ]


_STATIONED_IN_A_VILLAGE = re.compile(r"(?<=驻)([\u3400-\u9fff]{1,3}村)(?=第一书记)")


def villages_of_first_secretaries(text: str) -> list[Mention]:
    """The village a first secretary is stationed in (驻某某村第一书记), a village even when its name
    is an ordinary word (新村, 马路村).

    >>> [m.text for m in villages_of_first_secretaries("陈某（驻新村第一书记）、唐某（驻马路村第一书记）")]
    ['新村', '马路村']
    """
    return [
        Mention("place", m.group(1), m.start(1), m.end(1), attrs=(("source", "village"),))
        for m in _STATIONED_IN_A_VILLAGE.finditer(text)
    ]


_RIVER_SECTION = re.compile(
    r"((?:(?![江河溪])[\u3400-\u9fff]){1,5}[江河溪])([（(][\u3400-\u9fff]{1,8}[）)])?([\u3400-\u9fff]{2,3}段)"
    r"((?:、[\u3400-\u9fff]{2,3}段)*)"
)
_NO_SECTION_NAME = re.compile(
    r"^(?:上游|中游|下游|上段|下段|城区|重点|部分|全线|沿线|主河|干流|支流|流域|河道|跨界|交界)"
)


def river_sections(text: str, known: list[Mention]) -> list[Mention]:
    """Named sections of a river toured by its chiefs (某江某某段, and 某某段 listed after it): places.
    The river must be a place already read; after its other name in brackets the section is named
    alone.

    >>> text = "先后到龙川江曲石段、大盈江（南底河）腾越段、和顺段巡查"
    >>> rivers = [Mention("place", "龙川江", 3, 6), Mention("place", "大盈江", 10, 13)]
    >>> [m.text for m in river_sections(text, rivers)]
    ['龙川江曲石段', '腾越段', '和顺段']
    >>> river_sections("推进长江干流段保护", [Mention("place", "长江", 2, 4)])
    []
    """
    out: list[Mention] = []
    for m in _RIVER_SECTION.finditer(text):
        if _NO_SECTION_NAME.match(m.group(3)) or word_freq().get(text[m.end(1) - 1 : m.end(1) + 1], 0) >= 100:
            continue  # 河道下游段: a kind of stretch, no named section
        river = next((k for k in known if k.end == m.end(1) and k.start >= m.start(1)), None)
        if river is None:
            continue  # 推进 + 长江 read as one name: the river must be a place already read
        start = m.start(3) if m.group(2) else river.start
        out.append(Mention("place", text[start : m.end(3)], start, m.end(3), attrs=(("source", "water"),)))
        position = m.end(3)
        for item in m.group(4).split("、")[1:]:
            position += 1
            if not _NO_SECTION_NAME.match(item):
                out.append(
                    Mention("place", item, position, position + len(item), attrs=(("source", "water"),))
                )
            position += len(item)
    return out


def find_places(text: str) -> list[Mention]:
    """All place mentions in a sentence, longest first where they overlap."""
    gazetteer = list(gazetteer_places(text))
    candidates = gazetteer + suffix_places(text, gazetteer) + listed_townships(text) + coded_roads(text)
    if "日电" in text:
        candidates += dateline_townships(text)
    if "第一书记" in text:
        candidates += villages_of_first_secretaries(text)
    if "、" in text and ("村" in text or "社区" in text):
        candidates += listed_villages(text)
    if "段" in text:
        candidates += river_sections(text, candidates)
    candidates += bare_zones(text, candidates)
    if "贸" in text:
        candidates += free_trade_zones(text)
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start, not m.attr("full")))  # a listed name in full
    chosen: list[Mention] = []
    for m in candidates:
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)
