"""Organisations, projects and policy themes, found by suffix rules and vocabularies.

>>> [m.text for m in find_organizations("山西透云生物科技有限公司与市发改委签署协议。")]
['山西透云生物科技有限公司', '市发改委']
>>> [m.text for m in find_projects("积极推进“暖新纾困”行动，建成城市生命线安全工程。")]
['暖新纾困行动', '城市生命线安全工程']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from kg.gazetteer import LEVEL_DEPTH, Gazetteer, without_divisions
from kg.lexicon import (
    Lexicon,
    Suffix,
    alternation,
    boundary_words,
    data_rows,
    data_sections,
    data_words,
    guarded,
    last_boundary_end,
)
from kg.model import Mention
from kg.places import FUNCTION_CHARACTERS as _FUNCTION_CHARACTERS
from kg.places import city_or_province, divisions_filling, gazetteer_places
from kg.themes import ThemeVocabulary
from kg.words import ends_a_noun_or_attribute, tagged_words, word_freq, word_tags

CJK = re.compile(r"[\u3400-\u9fff]")
_ORG_BOUNDARY = boundary_words("organization")
_GOV_HEAD = re.compile(r"^(?:自治区|[省市州盟县区旗镇乡]|中共|中央|国家|国务院|全国)")
_STANDALONE_ORGS = re.compile(
    r"(?:(?:自治区|省|市|州|县|区|旗|盟)(?:委|政府|人大常委会|人大|政协|纪委|监委)|(?:自治区|州)党委)(?:办公室|办)?"
)
_ZONE_BODY = re.compile(r"(?:开发区|高新区|经开区|新区|园区)(?:党工委|管委会)")  # the zone's own body
_PROJECT_BOUNDARY = boundary_words("project")
_PERIOD = re.compile(r"[“\"]?(十[一二三四五六七八九]五)[”\"]?")
CENTRAL_COMMITTEE = r"(?:中国共产党|中共)第([一二三四五六七八九十]{1,3}|二十)届中央委员会"
"""The Party's Central Committee by its full name; the group is the term (十九, 二十)."""
PLENUM_OF = r"第([一二三四五六七八九十]{1,3})次全体会议"
"""A plenary session by its full name, after the body that holds it; the group is its number."""
_MEETING = re.compile(
    r"(?:中共|中国共产党)[\u3400-\u9fff]{2,10}?[省市州盟县区旗]第[一二三四五六七八九十]{1,3}届[一二三四五六七八九十]{1,3}中全会"
    r"|(?<![第一二三四五六七八九十])(?:党的|中共)?(?:[一二三四五六七八九十]{1,3}|二十)"  # 二中、三中全会 too
    r"(?:届(?:[一二三四五六七八九十]{1,3}中、)*[一二三四五六七八九十]{1,3}中全会|届历次全会|大)"
    r"|(?:中共|中国共产党)[\u3400-\u9fff]{2,10}?[省市州盟县区旗]第[一二三四五六七八九十]{1,3}次代表大会"
    r"|(?<![\u3400-\u9fff])[省市州县区旗]第[一二三四五六七八九十]{1,3}次党代会"
    r"|(?:[省市州县区旗]委)[一二三四五六七八九十]{1,3}届[一二三四五六七八九十]{1,3}次全会"
    rf"|{CENTRAL_COMMITTEE}{PLENUM_OF}"
    r"|全国两会|[省市县]“?两会”?"
)


@cache
def _org_regex() -> re.Pattern[str]:
    return alternation(Lexicon.load().org_suffixes)


@cache
def _known_orgs() -> re.Pattern[str]:
    return alternation(data_words("national_bodies.txt"))


def _left_edge(
    text: str,
    end: int,
    boundary: tuple[str, ...],
    limit: int,
    floor: int = 0,
    excluded: Callable[[str, int, str], bool] | None = None,
    any_inset: bool = False,
) -> int:
    """Start of a name ending at ``end``: after punctuation, an earlier mention or a boundary word;
    with ``any_inset`` every short bracketed inset inside the name is part of it (光电(增材制造)产业基地)."""
    j = end
    while j > max(floor, end - limit):
        if (
            CJK.match(text[j - 1])
            or text[j - 1].isalnum()
            or (text[j - 1] in ".+" and text[j - 2 : j - 1].isdigit())  # 4.5万吨, 4+4科创工程
            or (any_inset and j < end and text[j - 1] in _NAME_DOTS and CJK.match(text[j - 2 : j - 1] or " "))
        ):  # 书香某某•某某项目: a dot joins the two parts of one name
            j -= 1
        elif (inset := _BRACKETED_INSET.search(text, max(floor, j - 8), j)) and (
            _name_inset(inset, j, floor)
            or (
                any_inset
                and inset.end() == j
                and inset.start() > floor
                and len(inset.group(0)) >= 4  # 开(竣)工: one character is an alternative, not an inset
                and (j == end or not _PHASE_INSET.search(inset.group(0)))  # 某某(二期)项目 keeps its phase
            )
        ):
            j = inset.start()  # 长三角(广德)康养基地, 某某(集团)有限公司: an inset is part of the name
        else:
            break
    return j + last_boundary_end(text[j:end], boundary, excluded or _word_in_name)


def _name_inset(inset: re.Match[str], j: int, floor: int) -> bool:
    """A bracketed place or company word that sits inside a name: (广德), (集团), (中国)."""
    word = inset.group(0)[1:-1]
    return (
        inset.end() == j
        and inset.start() > floor
        and (
            word in ("集团", "控股", "中国", "股份")
            or any(d.level != "township" for d in Gazetteer.load().lookup(word))
        )
    )


_NAME_DOTS = "•·‧・—"  # 某某•某某项目, 某某—某某项目: one name in two parts
_PHASE_INSET = re.compile(r"期[）)]$")  # (二期) is a phase, written after the name it belongs to
_BRACKETED_INSET = re.compile(r"(?<=[\u3400-\u9fff])[（(][\u3400-\u9fff]{1,6}[）)]")


def _word_in_name(prefix: str, k: int, word: str) -> bool:
    """``和`` in 住房和城乡建设局, ``的`` in 党的, ``将`` in 将乐县: parts of names, not boundaries."""
    if word == "和" and 0 < k < len(prefix) - 1:
        return True
    if word == "的" and k > 0 and prefix[k - 1] == "党":
        return True
    if len(word) == 1 and ends_a_noun_or_attribute(prefix, k):
        return True  # 由 of 某某自由贸易试验区: the last character of a word
    if len(word) == 1:  # a one-character word that begins a place name (将乐县, 同江市, 都匀市)
        hits = gazetteer_places(prefix[k:])
        if hits and hits[0].start == 0:
            return True
        if word in "的与和及或同跟在对是了把被向从等":
            return _begins_a_noun(prefix, k)
        before = gazetteer_places(prefix[:k])  # 安徽鼎为光电: a firm's name after its province
        return k + 1 < len(prefix) and any(
            1 <= k - h.end <= 2 and not re.search("[省市县区州旗镇乡村]", prefix[h.end : k]) for h in before
        )
    return False


def _begins_a_noun(prefix: str, k: int) -> bool:
    """A one-character function word that with the character after it makes a noun or an attribute
    inside a name (在线 of 某某在线财产保险, 同心 of 同心社区).

    >>> _begins_a_noun("众安在线财产保险股份有限", 2), _begins_a_noun("会议在市政府", 2)
    (True, False)
    """
    return word_tags().get(prefix[k : k + 2], "")[:1] in ("b", "n") and k + 2 < len(prefix)


def _word_in_org_name(prefix: str, k: int, word: str) -> bool:
    """``和`` joins the words of one body's name (住房和城乡建设局), not two bodies (织袜厂和制衣厂),
    nor a place, a meeting or leaders and a body (某村和某市博物馆, 常务会议和常委会, 领导和某公司).

    >>> _word_in_org_name("住房和城乡建设", 2, "和"), _word_in_org_name("大京村和福鼎市白茶博物", 3, "和")
    (True, False)
    """
    if word == "代表" and prefix[:k].endswith(("人大", "党", "职工", "妇女", "青年")):
        return True  # 人大代表联络站: the deputies' body; 某某代表 + 州人民政府: speaking for it
    if word == "暨" and prefix.endswith("工作") and not Lexicon.load().org_suffix_at_end(prefix[:k]):
        return True  # 市招商引资暨开放型经济工作领导小组: two tasks of one body
    if word == "和" and (
        Lexicon.load().org_suffix_at_end(prefix[:k])
        or prefix[:k].endswith(("村", "镇", "乡", "会议", "领导", "活动", "现场"))
        or (
            prefix[k + 1 : k + 2] in ("省", "市", "县", "区", "州", "旗", "镇", "乡", "村")
            and not _a_word_begins(prefix, k + 1)
        )
        or any(Gazetteer.load().lookup(prefix[k + 1 : k + 1 + n]) for n in (2, 3, 4))
    ):
        return False
    return _word_in_name(prefix, k, word)


def _a_word_begins(text: str, i: int) -> bool:
    """Whether a common word that names no place begins at ``i`` (区域 of 政策研究和区域发展局).

    >>> _a_word_begins("政策研究和区域发展", 5), _a_word_begins("某村和市博物馆", 3)
    (True, False)
    """
    word = text[i : i + 2]
    if not set(word) - set("省市州县区旗镇乡村"):
        return False  # 乡镇, 县区: the levels of places, as a place begins a body's name
    return word_freq().get(word, 0) >= 1000 and not word_tags().get(word, "").startswith("ns")


def _word_in_project_name(prefix: str, k: int, word: str) -> bool:
    """建设 right before the suffix ends the name's noun phrase (乡村建设 + 行动, 一体化建设 + 项目),
    and after a noun it is part of one (县城建设提质升级行动); a one-character boundary that begins
    a noun is that noun's (有 of 有机农畜产品); 和 joins two names (遗址保护和某某示范点) unless a
    policy term or a department spans it (生态保护和高质量发展示范区, 住房和城乡建设局)."""
    inside = _inside_a_term(prefix, k, word)  # 全面 of 全面振兴新突破三年行动: inside one policy term
    if word == "和" or inside:
        return inside
    at_end = k >= 2 and k + len(word) == len(prefix)
    if _PHASE.fullmatch(word) and k >= 2 and (at_end or prefix[k + len(word) :] in ("）", ")")):
        return True  # 法麦克斯三期项目, 雅化锂业(二期)项目: the phase of the named works
    after_noun = k >= 2 and _noun_before(prefix, k)
    if word in ("建设", "发展") and (at_end or after_noun):
        return True
    tag = word_tags().get(word)
    if after_noun and len(word) == 2 and (tag == "j" or (tag == "vn" and not at_end)):
        return word not in _VISITS  # 药物制剂研发生产制造中心, 新型显示器研发 + 项目: the thing's activity
    noun = prefix[k : k + 2]
    if len(word) == 1 and len(noun) == 2 and word_tags().get(noun, "").startswith("n"):
        return word_freq().get(noun, 0) >= 200
    return _word_in_name(prefix, k, word)


def _noun_before(prefix: str, k: int) -> bool:
    """Whether the word ending at ``k`` is a noun (显示器 of 新型显示器研发, 乡村 of 乡村建设).

    >>> _noun_before("新型显示器研发", 5), _noun_before("全力推进研发", 4)
    (True, False)
    """
    if word_tags().get(prefix[k - 2 : k], "").startswith("n"):
        return True
    words = tagged_words(prefix[:k])
    return bool(words) and len(words[-1][0]) >= 2 and words[-1][1].startswith("n")


@cache
def _joined_terms() -> tuple[str, ...]:
    """Policy terms and names that hold a word a name otherwise stops at (统筹发展和安全, 住房和城乡建设,
    全面振兴 of ``joined_terms.txt``)."""
    labels = {label for label, _ in ThemeVocabulary.load().labels() if "和" in label}
    return tuple(labels | set(data_words("joined_terms.txt")))


def _inside_a_term(prefix: str, k: int, word: str) -> bool:
    """Whether ``word`` at ``k`` is inside one of the joined terms.

    >>> _inside_a_term("实施全面振兴新突破三年", 2, "全面"), _inside_a_term("全面推进某某", 0, "全面")
    (True, False)
    """
    return any(
        word in term and k >= (at := term.index(word)) and prefix[k - at : k - at + len(term)] == term
        for term in _joined_terms()
    )


_VISITS = frozenset({"调研", "考察", "视察", "观摩", "督导", "检查", "督查", "调度", "走访", "察看", "查看"})
_COUNTED = re.compile(r"^(?:部分|多个|若干|全部)|\d+[个名家所座]|^[一二三四五六七八九十两几多]+[个名家所座]")
_CENTRAL_COMMITTEE = re.compile(CENTRAL_COMMITTEE)
_DEMOCRATIC_PARTY = re.compile(  # the eight democratic parties, alone or by a committee of theirs
    r"(?:中国国民党革命委员会|中国民主同盟|中国民主建国会|中国民主促进会|中国农工民主党|中国致公党|九三学社"
    r"|台湾民主自治同盟|(?:民革|民盟|民建|民进|农工党|致公党|台盟)(?=中央|[\u3400-\u9fff]{0,6}?[省市州盟县区旗]委))"
    r"(?:中央|[\u3400-\u9fff]{0,6}?[省市州盟县区旗](?:委员会|委会|委))?"
)
_PARTY_NAME_GOES_ON = re.compile(
    r"第|党[委组]|[\u3400-\u9fff]{1,8}?[省市州盟县区旗]第|[\u3400-\u9fff]{0,8}?(?:委员会|代表大会)"
)


def find_organizations(text: str, known: list[Mention] = ()) -> list[Mention]:
    """Organisations named in a sentence: party and government bodies, companies, schools …

    ``known`` are the sentence's people and projects: an organisation's name never reaches back over them.
    """
    lex = Lexicon.load()
    found: list[Mention] = []
    for m in _known_orgs().finditer(text):
        if m.group(0) == "中国共产党" and _PARTY_NAME_GOES_ON.match(text, m.end()):
            continue  # 中国共产党某县第N届委员会, 《中国共产党党委(党组)…规则》: a longer name
        if text[m.end() - 1 : m.end() + 1] in ("社区", "社会"):
            continue  # 新华社区: a community named like the agency
        found.append(Mention("organization", m.group(0), m.start(), m.end(), attrs=(("kind", "national"),)))
    for m in _CENTRAL_COMMITTEE.finditer(text):
        found.append(Mention("organization", m.group(0), m.start(), m.end(), attrs=(("kind", "national"),)))
    found += democratic_parties(text)
    found += congresses_by_term(text)
    if "届委员会" in text:
        found += party_committees_by_term(text)
    if "人民代表大会" in text:
        found += standing_committees_by_term(text)
    for m in _org_regex().finditer(text):
        suffix = m.group(0)
        if _suffix_is_part_of_word(text, m.start(), m.end(), suffix, lex):
            continue
        floor = max([k.end for k in known if k.end <= m.start()], default=0)
        start = _left_edge(text, m.start(), _ORG_BOUNDARY, 22, floor, _word_in_org_name)
        start = _past_a_figure_before_a_place(text, start, m.start())
        if suffix == "代表团" and text[start : m.start()].endswith(("组织", "组成", "派出", "选派")):
            continue  # 某市政府组织代表团来访: the body that sent a delegation, named before the verb
        if re.match(r"[该本我][省市州盟县区旗镇乡]", text[start : m.start()]) and suffix != "代表团":
            start += 1  # 该区人民法院, 我市发改委: the body of the place just named (我市代表团: unnamed)
        if lex.org_suffixes[suffix] not in STATE_KINDS:
            start = m.start() - len(_strip_leading_words(text[start : m.start()], _NOT_AN_ORG_HEAD))
        if lex.org_suffixes[suffix] == "enterprise":
            start = _after_its_locality(text, _after_a_zone(text, start, m.start()), m.start())
        state_body = _grassroots_body(_trim_to_state_body(text[start : m.end()]))
        trimmed = _from_a_place_after_verbs(_after_a_year(state_body))
        start = m.end() - len(trimmed)
        surface = text[start : m.end()]
        name = text[start : m.start()]
        dated = (  # 某区2023年…领导小组办公室: named by its task
            trimmed != state_body
            and len(name) >= 4
            and not tagged_words(name)[0][1].startswith(_NOT_AN_ORG_HEAD)
        )
        if not dated and not _acceptable_org(name, surface, suffix, lex):
            continue
        found.append(
            Mention("organization", surface, start, m.end(), attrs=(("kind", lex.org_suffixes[suffix]),))
        )
    found = _without_cuts_into_parties(found)
    found += media_sources(text)
    found += _short_company_names(text, found, known)
    found += _investors(text, found, known)
    found += _listed_companies(text, found, known, lex)
    found = _with_group_subsidiaries(_drop_party_groups(_longest(_split_nested(found, lex))))
    found = [_without_term(m) for m in found]
    found = [_firm_of_a_works(text, m) for m in found if not _deputies_of(text, m)]
    return sorted(found + _listed_departments(text, found, lex), key=lambda m: m.start)


_FIRM_THEN_FACILITY = re.compile(
    r"^(.{2,30}?(?:有限责任公司|股份有限公司|有限公司|集团))(?=[\u3400-\u9fff]{2})"
)
_WORKS_AFTER = re.compile(r"(?:建设|新建|扩建|改扩建)?(?:项目|工程)")


def _firm_of_a_works(text: str, m: Mention) -> Mention:
    """A firm's facility named as the works being built (某某有限公司智慧物流中心 + 建设项目) is a
    project; the body is the firm.

    >>> t = "某某供应链管理有限公司智慧物流中心建设项目"
    >>> _firm_of_a_works(t, Mention("organization", t[:17], 0, 17)).text
    '某某供应链管理有限公司'
    """
    firm = _FIRM_THEN_FACILITY.match(m.text)
    if firm is None or not _WORKS_AFTER.match(text, m.end) or _BRANCH.search(m.text):
        return m
    return replace(m, text=firm.group(1), end=m.start + firm.end(1), attrs=(("kind", "enterprise"),))


_BY_TERM = re.compile(
    r"(?:中国人民政治协商会议|政协)(?:第[一二三四五六七八九十]+届)?([\u3400-\u9fff]{2,10}?)"
    r"(?:第[一二三四五六七八九十]+届)?委员会(?!委员)(常务委员会)?"
)


def congresses_by_term(text: str) -> list[Mention]:
    """A CPPCC committee named with its place and term, as printed (政协某某市第十届委员会,
    中国人民政治协商会议某县第十届委员会): 政协某某市委员会, with the printed names among its names.

    >>> [m.text for m in congresses_by_term("中国人民政治协商会议大庆市第十届委员会第五次会议开幕")]
    ['政协大庆市第十届委员会']
    >>> congresses_by_term("政协十一届委员会常委会议"), congresses_by_term("政协委员和政协各专门委员会")
    ([], [])
    >>> [(m.text, m.attr("printed")) for m in congresses_by_term("政协第十三届贵州省委员会常务委员会开会")]
    [('贵州省政协常委会', '政协第十三届贵州省委员会常务委员会')]
    """
    out = []
    for m in _BY_TERM.finditer(text):
        place = m.group(1)
        if not divisions_filling(0, len(place), list(gazetteer_places(place))):
            continue  # 政协各专门委员会, 政协十一届委员会: no place named
        if m.group(2):  # 政协某某省委员会 + 常务委员会: its standing committee
            name = place + "政协常委会"
        else:
            name = "政协" + m.group(0).removeprefix("中国人民政治协商会议").removeprefix("政协")
        printed = (("printed", m.group(0)),) if name != m.group(0) else ()
        out.append(Mention("organization", name, m.start(), m.end(), attrs=(("kind", "cppcc"), *printed)))
    return out


_PARTY_BY_TERM = re.compile(r"(?:中国共产党|中共)([\u3400-\u9fff]{2,10}?)第[一二三四五六七八九十]+届委员会")


def party_committees_by_term(text: str) -> list[Mention]:
    """A party committee named with its place and term, as printed (中国共产党某县第十二届委员会).

    >>> [m.text for m in party_committees_by_term("召开中国共产党澧县第十二届委员会第四次全体会议")]
    ['中国共产党澧县第十二届委员会']
    >>> party_committees_by_term("中国共产党第二十届中央委员会")
    []
    """
    return [
        Mention("organization", m.group(0), m.start(), m.end(), attrs=(("kind", "party"),))
        for m in _PARTY_BY_TERM.finditer(text)
        if divisions_filling(0, len(m.group(1)), list(gazetteer_places(m.group(1))))
    ]


_STANDING_BY_TERM = re.compile(
    r"([\u3400-\u9fff]{2,10}?[省市州盟县区旗])(第[一二三四五六七八九十]+届)?人民代表大会(常务委员会)?"
)


def standing_committees_by_term(text: str) -> list[Mention]:
    """A congress's standing committee by its formal name (某某市第九届人民代表大会常务委员会):
    某某市人大常委会, with the printed name among its names; a congress named by its term
    (陕西省第十四届人民代表大会): 陕西省人大, likewise.

    >>> [m.text for m in standing_committees_by_term("洪湖市第九届人民代表大会常务委员会于2月20日召开会议")]
    ['洪湖市人大常委会']
    >>> [m.text for m in standing_committees_by_term("出席陕西省第十四届人民代表大会第四次会议")]
    ['陕西省人大']
    >>> [standing_committees_by_term(t) for t in ("全国人民代表大会常务委员会", "召开人民代表大会")]
    [[], []]
    """
    out = []
    for m in _STANDING_BY_TERM.finditer(text):
        place, term, standing = m.groups()
        hits = list(gazetteer_places(place))
        begin = next((k.start for k in hits if divisions_filling(k.start, len(place), hits)), None)
        if begin is None or not (term or standing):
            continue  # no place named before it, or a congress named by neither term nor committee
        place, start = place[begin:], m.start() + begin  # 出席 + 陕西省第十四届人民代表大会
        attrs = (("kind", "congress"), ("printed", text[start : m.end()]))
        name = place + ("人大常委会" if standing else "人大")
        out.append(Mention("organization", name, start, m.end(), attrs=attrs))
    return out


def democratic_parties(text: str) -> list[Mention]:
    """The democratic parties and their committees (民盟市委, 九三学社区委会, 民建江苏省委), whose short
    names are no words a suffix could find.

    >>> [m.text for m in democratic_parties("民盟市委、九三学社区委会和民进中央负责人，支持农民建房")]
    ['民盟市委', '九三学社区委会', '民进中央']
    """
    return [
        Mention("organization", m.group(0), m.start(), m.end(), attrs=(("kind", "party"), ("party", "1")))
        for m in _DEMOCRATIC_PARTY.finditer(text)
    ]


def _without_cuts_into_parties(found: list[Mention]) -> list[Mention]:
    """Drop names that begin inside a democratic party's committee and run past it (区委会和某某)."""
    parties = [m for m in found if ("party", "1") in m.attrs]
    if not parties:
        return found
    return [
        m
        for m in found
        if ("party", "1") in m.attrs or not any(p.start < m.start < p.end < m.end for p in parties)
    ]


_ZONE_WORD = re.compile(
    r"(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|经济区|高新区|经开区|工业园区|产业园区|园区|新区)"
)


def _after_a_zone(text: str, start: int, suffix_start: int) -> int:
    """Where a company's name begins when a zone it sits in is written before it: after a zone
    named only by its kind (经济开发区 + 某某有限公司), or before the province or city a registered
    name begins with (某某经济区 + 辽宁某某有限公司).

    >>> text = "对经济开发区江西瑞丰新材有限公司进行调研"
    >>> text[_after_a_zone(text, 1, 14) :]
    '江西瑞丰新材有限公司进行调研'
    """
    zone = _ZONE_WORD.search(text, start, suffix_start)
    if zone is None or suffix_start - zone.end() < 2:
        return start
    rest = text[zone.end() : suffix_start]
    generic = zone.start() == start
    gazetteer = Gazetteer.load()
    registered = any(d.level == "provincial" for k in (2, 3) for d in gazetteer.lookup(rest[:k])[:1])
    return zone.end() if generic or registered else start


def _after_its_locality(text: str, start: int, suffix_start: int) -> int:
    """Where a company's registered name begins when the district or town it sits in is written
    before it: at the province or city the name begins with (路北区 + 唐山国轩电池有限公司).

    >>> text = "路北区唐山国轩电池有限公司"
    >>> text[_after_its_locality(text, 0, 9) :]
    '唐山国轩电池有限公司'
    """
    chain = list(gazetteer_places(text[start:suffix_start]))
    if not chain or chain[0].start != 0:
        return start
    first = _highest_depth(chain[0].text)
    for before, place in zip(chain, chain[1:], strict=False):
        if place.start != before.end:
            break
        if _highest_depth(place.text) < first and city_or_province(place.text):
            return start + place.start
    return start


def _highest_depth(surface: str) -> int:
    """The depth of the highest division a surface names (1 for a province, 4 for a township)."""
    return min((LEVEL_DEPTH.get(d.level, 5) for d in Gazetteer.load().lookup(surface)), default=5)


_BRAND_TAGS = ("nr", "nz", "ns", "nt", "j")  # a brand is a name or no dictionary word at all


@cache
def _company_words() -> dict[str, set[str]]:
    return data_sections("company_trades.txt")


_FIRM_LIST_MARKS = "、，,。；;和及与等"  # what ends a firm's short name in a list or a visit
_FIRM_ACTS = ("公司", "签约", "签署", "合作", "投资", "落户", "入驻", *_VISITS)  # or the word after it


@cache
def _short_company_regex() -> re.Pattern[str]:
    trades = "|".join(sorted(_company_words()["trade"], key=len, reverse=True))
    return re.compile(
        rf"((?:(?<=[、，,和及与到在入进赴])|^)[\u3400-\u9fff]{{2}}|(?<=集团)[\u3400-\u9fff]{{2,5}}?)(?:{trades})"
        rf"(?=[{_FIRM_LIST_MARKS}]|$|{'|'.join(_FIRM_ACTS)}"
        rf"|[\u3400-\u9fff]{{0,16}}?(?:项目|产业园|基地|工厂))"
    )


def _short_company_names(text: str, found: list[Mention], known: list[Mention]) -> list[Mention]:
    """Companies named short by a brand and their trade in a list or a visit (来到甲锂业、乙股份),
    or at the head of their project (甲药业生产基地项目).

    >>> [m.text for m in _short_company_names("先后来到恒通锂业、华盛股份等企业调研。", [], [])]
    ['恒通锂业', '华盛股份']
    >>> [m.text for m in _short_company_names("签约，恒瑞光学精密镜头项目、这些股份项目", [], [])]
    ['恒瑞光学']
    >>> [m.text for m in _short_company_names("在某某集团白音呼布矿业调研", [], [])]  # a group's company
    ['白音呼布矿业']
    """
    out = []
    for m in _short_company_regex().finditer(text):
        brand = m.group(1)
        tag = word_tags().get(brand, "")
        if (
            word_freq().get(brand, 0) >= 300
            or (tag and not tag.startswith(_BRAND_TAGS))
            or brand in _company_words()["not_a_brand"]
            or brand[0] in _FUNCTION_CHARACTERS
        ):
            continue  # 发展生物, 这些电子, 家居建材: no brand but a word
        if _heads_a_works(text, m.end()) and Gazetteer.load().lookup(brand):
            continue  # 某市生物医药产业园: the place's industry, no company
        if any(k.start < m.end() and m.start() < k.end for k in [*found, *known]):
            continue
        out.append(Mention("organization", m.group(0), m.start(), m.end(), attrs=(("kind", "enterprise"),)))
    return out


_INVESTED_BY = re.compile(r"由([\u3400-\u9fffA-Za-z、]{2,40}?)(?:共同)?投资(?:建设|兴建|新建)?")
_INVESTOR_JOINS = re.compile(r"(联合|、|和|与|及)")


def _investors(text: str, found: list[Mention], known: list[Mention]) -> list[Mention]:
    """The companies a project is invested by, however short their names (由甲联合乙、丙投资建设):
    each named item, not a common phrase (由政府投资, 由社会资本投资).

    >>> [m.text for m in _investors("项目由湖北航特联合长江材料、柳州五菱投资建设", [], [])]
    ['湖北航特', '长江材料', '柳州五菱']
    >>> _investors("该项目由政府投资建设，由村集体和社会资本投资", [], [])
    []
    """
    out = []
    taken = [*found, *known]
    for m in _INVESTED_BY.finditer(text):
        position = m.start(1)
        for item in _INVESTOR_JOINS.split(m.group(1)):  # the items and the words that join them
            start, end, position = position, position + len(item), position + len(item)
            if _INVESTOR_JOINS.fullmatch(item) or not _names_an_investor(item):
                continue
            if any(k.start < end and start < k.end for k in taken):
                continue  # 由某某有限公司投资建设: read already by its suffix
            out.append(Mention("organization", item, start, end, attrs=(("kind", "enterprise"),)))
    return out


def _names_an_investor(item: str) -> bool:
    """Whether an item named as investor is a name (长江材料, 中核资源), not common words (社会资本)."""
    return len(item) >= 4 and not set(item) & set("的了是在等各该") and not _ordinary_words(item, False)


_MEDIA_AFTER_SOURCE = re.compile(
    r"(?:^|(?<=[\s|｜\d）)。】（(]))(?:信息|新闻|稿件|文章)?来源[:：]?\s*"
    r"(?:([\u3400-\u9fff]{2,10}?(?:日报|晚报|早报|报))·)?"  # 湖南日报·新湖南客户端: the paper and its app
    r"([\u3400-\u9fff][\u3400-\u9fffA-Za-z]{1,15}?)(?=\s|[|｜,，;；。(（)）]|\d|作者|编辑|发布时间|时间(?=[:：])|日前|近日|昨日|今日|微信公众号|公众号|$)"
)
_MEDIUM_BEFORE_A_SOURCE = r"[\u3400-\u9fff]{2,12}?(?:网|台|站|报|客户端)"
_MEDIUM_THEN_SOURCE = re.compile(rf"^({_MEDIUM_BEFORE_A_SOURCE})\s+据")
_MEDIA_BEFORE_REPORT = re.compile(
    r"(?:^|(?<=作者[:：])|^" + _MEDIUM_BEFORE_A_SOURCE + r"\s+(?=据))据?"  # 红网某某站 据某某日报讯
    r"(?:([\u3400-\u9fff]{2,15}?)[-·—])?([\u3400-\u9fff]{2,15}?)(?:\d{1,2}月\d{1,2}日)?"
    r"(?:讯(?=\s*[（(]|\s|$|\d{1,2}月\d{1,2}日)|(?<=[网台])消息(?=\s*[（(])|报道[:：])"
    r"|^([\u3400-\u9fff]{1,10}?(?:网|社|台))(?:[\u3400-\u9fff]{2,6}?)?\d{1,2}月\d{1,2}日电"
    r"|^【([\u3400-\u9fff]{2,12}?(?:网|报|台|客户端|融媒|新闻))】"
)
_MEDIA_OF_REPORTER = re.compile(  # （湘江早报全媒体记者 某某）: the reporter's paper in the credit
    r"(?:[（(]|文\s*/\s*)([\u3400-\u9fff]{2,10}?(?:日报|晚报|早报|商报|报|网|台))(?:全媒体|融媒体|新媒体)?记者"
)
_MEDIA_AFTER_TIME = re.compile(  # 2021-07-23 09:58 某某融媒, 来源: 2021-10-09 08:27 某某报社
    r"\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:来源[:：]\s*)?([\u3400-\u9fff]{2,15})\s*$"
)


def _before_a_bureau_place(text: str, start: int, end: int) -> int:
    """Where a site's name ends before the place of its bureau (某某报道网 + 宜宾 + 讯): the place is
    where the report was filed, not part of the name.

    >>> t = "四川民生报道网宜宾讯"; t[: _before_a_bureau_place(t, 0, 9)]
    '四川民生报道网'
    """
    for k in range(max(start + 3, end - 4), end - 1):
        place = text[k:end]
        if text[k - 1] in "网报台" and divisions_filling(0, len(place), list(gazetteer_places(place))):
            return k
    return end


def media_sources(text: str) -> list[Mention]:
    """The paper, site or app a report comes from: after 来源 (来源：某某网), or before its 讯 or 报道
    at a report's start (某某网8月27日讯（通讯员…）, 云上某某报道：).

    >>> [m.text for m in media_sources("来源: 洛阳网 2025.10.28 20:18")]
    ['洛阳网']
    >>> [m.text for m in media_sources("红网岳阳县分站11月28日讯(分站记者 张阳)")]
    ['红网岳阳县分站']
    >>> [m.text for t in ("中新网绍兴2月24日电（董某）", "【泉州经济网】9月9日") for m in media_sources(t)]
    ['中新网', '泉州经济网']
    >>> [m.text for m in media_sources("（记者 王某）来源:中国九江网。来源:湖南日报·新湖南客户端时间:9月3日")]
    ['中国九江网', '湖南日报', '新湖南客户端']
    >>> [media_sources(t) for t in ("本报讯（记者 王某）", "资金来源：财政拨款", "来看报道：")]
    [[], [], []]
    >>> media_sources("来源:网络整理 作者:佚名"), media_sources("记者邬某某报道:8月31日")
    ([], [])
    >>> [m.text for m in media_sources("红网常德站 据常德日报讯(记者 王某)昨日下午")]
    ['常德日报', '红网常德站']
    """
    out: list[Mention] = []
    if not any(w in text for w in ("来源", "讯", "报道", ":", "日电", "【", "融媒", "记者")):
        return out
    spans = [(m.start(1), m.end(1)) for m in _MEDIA_AFTER_TIME.finditer(text)]
    for m in _MEDIA_AFTER_SOURCE.finditer(text):
        spans += [(m.start(k), m.end(k)) for k in (1, 2) if m.group(k)]
    for m in _MEDIA_BEFORE_REPORT.finditer(text):  # 湖南日报·新湖南客户端12月23日讯: each
        spans += [(m.start(k), m.end(k)) for k in (1, 2, 3, 4) if m.group(k)]
    spans += [(m.start(1), m.end(1)) for m in _MEDIA_OF_REPORTER.finditer(text)]
    spans += [(m.start(1), m.end(1)) for m in _MEDIUM_THEN_SOURCE.finditer(text)]
    for start, end in [part for span in spans for part in _paper_then_app(text, *span)]:
        end = _before_a_bureau_place(text, start, end)
        name = text[start:end]
        if name.startswith(("本报", "本刊", "本台", "本网", "本站", "网络", "记者", "通讯员")) or name in (
            "记者",
            "通讯员",
            "管理员",
            "编辑",
        ):
            continue
        after_paper = any(o.end == start for o in out)  # 长沙晚报 + 掌上长沙: the paper's app
        if not after_paper and tagged_words(name)[0][1][:1] in ("v", "d", "p", "r", "c", "u"):
            continue  # 来看报道：, 详见: a call to read on, no source
        out.append(Mention("organization", name, start, end, attrs=(("kind", "media"),)))
    for m in re.finditer("融媒(?!体)", text):
        if span := _media_brand(text, m.start()):  # 自贡融媒: the place's first word may read as 自
            out.append(Mention("organization", text[span[0] : span[1]], *span, attrs=(("kind", "media"),)))
    return out


def _media_brand(text: str, brand_at: int) -> tuple[int, int] | None:
    """A county or city media centre's brand, its place before 融媒 (拉萨融媒讯, 某某融媒记者), or
    two characters that open the clause.

    >>> s = "拉萨融媒讯 会议召开。审议事项钢城融媒记者"
    >>> [s[a:b] for a, b in (_media_brand(s, 2), _media_brand(s, 17))]
    ['拉萨融媒', '钢城融媒']
    """
    head = text[max(0, brand_at - 8) : brand_at]
    places = [p for p in gazetteer_places(head) if p.end == len(head)]
    if places:
        return brand_at - len(places[0].text), brand_at + 2
    start = brand_at - 2
    opens = start == 0 or (start > 0 and not CJK.match(text[start - 1]))
    return (start, brand_at + 2) if opens and all(CJK.match(c) for c in head[-2:]) else None


_PAPER_THEN_MORE = re.compile(
    r"[\u3400-\u9fff]{2,8}?(?:日报|晚报|早报|商报)社?"
    r"(?!社|传媒|集团|报业|全媒体|融媒|新闻|网|海外版|电子版|数字报|客户端|公众号|微信|微博)(?=[\u3400-\u9fff]{2})"
)


def _paper_then_app(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A paper's name run into its app's in a dateline (长沙晚报掌上长沙2月22日讯): the two sources.

    >>> text = "长沙晚报掌上长沙"
    >>> [text[a:b] for a, b in _paper_then_app(text, 0, 8)]
    ['长沙晚报', '掌上长沙']
    >>> text = "潍坊日报社潍坊融媒"
    >>> [text[a:b] for a, b in _paper_then_app(text, 0, 9)]
    ['潍坊日报社', '潍坊融媒']
    """
    paper = _PAPER_THEN_MORE.match(text, start, end)
    return [(start, end)] if paper is None else [(start, paper.end()), (paper.end(), end)]


_PARTY_DEPARTMENT = re.compile(r"(?:组织部|宣传部|统战部|社会工作部|政法委|政研室|编办)$")


def departments_of_titles(text: str, officials: list[Mention], orgs: list[Mention]) -> list[Mention]:
    """The party department a title names with its committee read from the title before it
    (市委常委、组织部长某某: 市委组织部), as a mention of the department word with the full name.

    >>> from kg.people import find_officials
    >>> text = "县委常委、宣传部部长童某主持会议"
    >>> [(m.text, dict(m.attrs)["full"]) for m in departments_of_titles(text, find_officials(text), [])]
    [('宣传部', '县委宣传部')]
    """
    out: list[Mention] = []
    for official in officials:
        for title in official.titles:
            department = _PARTY_DEPARTMENT.search(title.org)
            if not department or title.org in text:
                continue
            start = text.rfind(department.group(0), 0, official.start)
            end = start + len(department.group(0))
            if start < 0 or any(k.start < end and start < k.end for k in [*orgs, *out]):
                continue
            attrs = (("kind", "party"), ("full", title.org))
            out.append(Mention("organization", department.group(0), start, end, attrs=attrs))
    return out


def _heads_a_works(text: str, end: int) -> bool:
    """Whether a short company name ending at ``end`` is read only as the head of a works after it."""
    return not (end == len(text) or text[end] in _FIRM_LIST_MARKS or text.startswith(_FIRM_ACTS, end))


_COMPANY_LIST_END = re.compile(
    r"等(?:[\d一二三四五六七八九十]+家)?(?:重点|骨干|规上|民营|工业)?(?:企业|公司)"
)
_LIST_MARKS = re.compile(r"(、|以及|和|及|与)")


def _listed_companies(text: str, found: list[Mention], known: list[Mention], lex: Lexicon) -> list[Mention]:
    """The items of a list that ends with ``等企业`` (走访甲机械、乙环保以及丙门窗等企业): each is a
    company named short, unless it is already a mention or a common word.

    >>> text = "区长走访远航机械、青禾环保以及金盾门窗等企业。"
    >>> [m.text for m in _listed_companies(text, [], [], Lexicon.load())]
    ['远航机械', '青禾环保', '金盾门窗']
    """
    out: list[Mention] = []
    if "企业" not in text and "公司" not in text:
        return out
    for end in _COMPANY_LIST_END.finditer(text):
        clause = max(text.rfind(c, 0, end.start()) for c in _CLAUSE_END) + 1
        lead = list(_LIST_LEAD.finditer(text, clause, end.start()))
        begin = lead[-1].end() if lead else clause
        spans, position = [], begin
        for k, part in enumerate(_LIST_MARKS.split(text[begin : end.start()])):
            if k % 2 == 0 and part:  # the marks are the odd parts
                spans.append((position, position + len(part)))
            position += len(part)
        if len(spans) < 2:
            continue
        for start, stop in spans:
            item = text[start:stop]
            overlaps = any(k.start < stop and start < k.end for k in [*found, *known, *out])
            named = 3 <= len(item) <= 10 and CJK.fullmatch(item[0]) and not _names_no_firm(item, lex)
            if named and not overlaps:
                out.append(Mention("organization", item, start, stop, attrs=(("kind", "enterprise"),)))
    return out


def _names_no_firm(item: str, lex: Lexicon) -> bool:
    """Whether a list item is made of common words only (骨干企业, 中小企业) or names a sector by its
    trade (冷链物流, 家居建材): no name among them."""
    words = _company_words()
    trade = next((t for t in words["trade"] if item.endswith(t) and len(item) > len(t)), None)
    if trade is not None and item[: -len(trade)] in words["not_a_brand"] | words["trade"]:
        return True
    return lex.is_generic("organization", item) or all(
        word_freq().get(w, 0) >= 2000 and not t.startswith(("nr", "ns", "nz", "nt"))
        for w, t in tagged_words(item)
    )


def _with_group_subsidiaries(found: list[Mention]) -> list[Mention]:
    """A group's company named right after the group is one body (某钢集团某地板业公司); a mine
    or works after it is not.

    >>> ms = find_organizations("走访了华冶集团临江钢管公司。")
    >>> [m.text for m in ms]
    ['华冶集团临江钢管公司']
    """
    out: list[Mention] = []
    for m in sorted(found, key=lambda m: m.start):
        last = out[-1] if out else None
        if last is not None and last.end == m.start and _branch_of(last, m):
            out[-1] = Mention("organization", last.text + m.text, last.start, m.end, attrs=last.attrs)
            continue
        if (
            last is not None
            and last.end == m.start
            and last.text.endswith("集团")
            and m.attr("kind") == "enterprise"
            and (m.text.endswith("公司") or _TRADE_END.search(m.text))  # 某集团某煤矿: two names
        ):
            out[-1] = Mention("organization", last.text + m.text, last.start, m.end, attrs=m.attrs)
            continue
        out.append(m)
    return out


_TRADE_END = re.compile(rf"(?:{'|'.join(_company_words()['trade'])})$")
_BRANCH = re.compile(r"(?:分行|支行|分公司|分院|分校|分中心|研究院|创新中心|研究中心|营业部)$")
_BRANCHING_BODY = re.compile(r"(?:银行|公司|集团|大学|学院|研究院|科学院)$")


def _branch_of(body: Mention, after: Mention) -> bool:
    """A place's branch written right after its bank, firm or university (某某银行股份有限公司 +
    丽水分行, 北京理工大学 + 重庆创新中心): one body.

    >>> bank = Mention("organization", "杭州银行股份有限公司", 0, 10)
    >>> _branch_of(bank, Mention("organization", "丽水分行", 10, 14))
    True
    >>> _branch_of(bank, Mention("organization", "市政府", 10, 13))
    False
    """
    if not (_BRANCHING_BODY.search(body.text) and _BRANCH.search(after.text)):
        return False
    gazetteer = Gazetteer.load()  # 丽水 + 分行: looked up, for 水分 is a word
    return any(gazetteer.lookup(after.text[:k]) for k in (2, 3, 4))


_LIST_ITEM_ORG = re.compile(
    r"(?:[\u3400-\u9fff]|[（(][\u3400-\u9fff]{1,4}[）)]){2,12}(?=[、，,；;和及]|等|$)"
)


def _listed_departments(text: str, found: list[Mention], lex: Lexicon) -> list[Mention]:
    """``市发改委、住建局、审计局``: departments listed after a body, written without its place.

    >>> [m.text for m in find_organizations("市发改委、住建局、审计局负责同志参加")]
    ['市发改委', '住建局', '审计局']
    """
    out: list[Mention] = []
    heads = [h for h in found if h.attr("kind") in STATE_KINDS and h.text.startswith(tuple("省市州盟县区旗"))]
    for m in _bare_department_heads().finditer(text):  # 及发改委、工信局: a list begun by a bare short name
        if text[m.end() : m.end() + 1] == "、" and not any(f.start <= m.start() < f.end for f in found):
            head = Mention("organization", m.group(0), m.start(), m.end(), attrs=(("kind", "government"),))
            out.append(head)
            heads.append(head)
    for head in heads:
        i = head.end
        while i < len(text) and text[i] == "、":
            item = _list_item_org(text, i + 1, lex)
            if item is None:
                break
            start, end, suffix = item
            if not any(f.start <= start < f.end for f in [*found, *out]):
                kind = lex.org_suffixes[suffix]
                out.append(Mention("organization", text[start:end], start, end, attrs=(("kind", kind),)))
            i = end
    return out


@cache
def _bare_department_heads() -> re.Pattern[str]:
    """The standard short names of departments (发改委, 工信局, 自然资源局; from
    ``kg/data/org_abbreviations.tsv``), written bare, where no longer name runs into them."""
    shorts = alternation(
        r[1] for r in data_rows("org_abbreviations.tsv") if len(r[1]) >= 3 and r[1][-1] in "委局办"
    )
    return re.compile(rf"(?:(?<![\u3400-\u9fff、])|(?<=[及和与]))(?:{shorts.pattern})")


def _list_item_org(text: str, i: int, lex: Lexicon) -> tuple[int, int, str] | None:
    """The department named at ``i`` in a list: the whole item, or for the last item its shortest head
    that ends like a body (审计局 of 审计局负责同志参加)."""
    m = _LIST_ITEM_ORG.match(text, i)
    if (
        m
        and (suffix := lex.org_suffix_at_end(m.group(0)))
        and (len(m.group(0)) > len(suffix) or len(suffix) >= 2)
    ):
        return m.start(), m.end(), suffix  # 住建(规划)局; 组织部, a department named by its suffix alone
    chunk = re.match(r"[\u3400-\u9fff]{2,12}", text[i:])
    for end in range(3, len(chunk.group(0)) + 1) if chunk else ():
        suffix = lex.org_suffix_at_end(text[i : i + end])
        if (
            suffix
            and end > len(suffix)
            and not _suffix_is_part_of_word(text, i + end - len(suffix), i + end, suffix, lex)
        ):
            return i, i + end, suffix
    return None


def _split_nested(found: list[Mention], lex: Lexicon) -> list[Mention]:
    """A body named with its parent (潞安化工集团常村煤矿, 市城市管理局某中队) is two names: the parent,
    and the unit when it can stand alone (常村煤矿); a unit that cannot (某中队) is left out."""
    out = list(found)
    for whole in found:
        parent = max(
            (p for p in found if p.start == whole.start and p.end < whole.end),
            key=lambda p: p.end,
            default=None,
        )
        if parent is None or _PARTY_UNIT.search(whole.text):
            continue
        rest = whole.text[len(parent.text) :]
        suffix = next((s for s in _org_suffixes_longest_first() if rest.endswith(s)), "")
        if parent.attr("kind") in ("school", "hospital") and lex.org_suffixes.get(suffix) in (
            "school",
            "hospital",
        ):
            continue  # 某大学马克思主义学院, 某大学附属医院: one name
        if suffix and _acceptable_org(rest[: -len(suffix)], rest, suffix, lex):
            out.remove(whole)
            out.append(Mention("organization", rest, parent.end, whole.end, attrs=whole.attrs))
        elif suffix in _SUB_UNITS or re.search(r"[\d楼层]", rest):
            out.remove(whole)
        # otherwise a department of its parent (市委组织部): one name
    return out


@cache
def _org_suffixes_longest_first() -> tuple[str, ...]:
    return tuple(sorted(Lexicon.load().org_suffixes, key=len, reverse=True))


_SUB_UNITS = {"中队", "大队", "支队", "科", "股", "室", "厅", "组", "站", "服务站"}


_PARTY_UNIT = re.compile(r"(?:党组|党委|党工委|党办|党总支|党支部|机关党委)$")


_GRASSROOTS = re.compile(
    r"(?:[^县区市镇乡]{1,8}(?:镇|乡|街道|苏木|村|社区|嘎查)(?:党工委|党委|党支部|党总支|村委会|居委会|党群服务中心))$"
)


_YEAR_IN_NAME = re.compile(r"^.*?(?:19|20)\d\d年度?")


def _after_a_year(surface: str) -> str:
    """A body named after a year is named by what follows it: 某区2023年大气污染治理攻坚领导小组办公室 →
    大气污染治理攻坚领导小组办公室 (the year and place say which one, the rest what it is)."""
    return _YEAR_IN_NAME.sub("", surface)


def _grassroots_body(surface: str) -> str:
    """A town, village or community body is named from its own place: 三台县芦溪镇党委 → 芦溪镇党委."""
    m = _GRASSROOTS.search(surface)
    if not m:
        return surface
    body = m.group(0)
    street = body.find("街道")  # 张湾街道龙家台村村委会 → 龙家台村村委会
    if street >= 0 and _GRASSROOTS.fullmatch(body[street + 2 :]):
        return body[street + 2 :]
    return body


def _suffix_is_part_of_word(text: str, start: int, end: int, suffix: str, lex: Lexicon) -> bool:
    """部长, 常委, 部门, 科技, 全局, 2处: the suffix characters belong to another word."""
    following = text[end : end + 1]
    if following in ("长", "员") or lex.post_at_end(text[max(0, start - 2) : end]) in ("常委", "委员"):
        return True
    if (suffix, text[end : end + 2]) in (("政协", "委员"), ("人大", "代表")):
        return True  # 政协委员, 人大代表: members, not the body
    freq, tags = word_freq(), word_tags()
    if len(suffix) > 1:  # 作协 in 合作协议, 中心 in 市中心
        after, before = text[end - 1 : end + 1], text[max(0, start - 1) : end]
        if suffix == "中心" and start > 0 and text[start - 1] in "省市县区镇":  # 市中心: a town's centre
            return True
        compounds = lex.generic.get("organization_compound", frozenset())
        if any(text[start : start + n] in compounds for n in range(len(suffix) + 2, len(suffix) + 6)):
            return True  # 市委中心工作, 副中心城市: the suffix begins a longer word
        if lex.is_generic("organization_tail", before):
            return True  # 招商会: an investment fair ends like a chamber of commerce
        return (
            len(suffix) <= 3  # 人大常委会审议: a long suffix ends its name whatever word follows
            and len(after) == 2
            and freq.get(after, 0) >= 100
            and tags.get(after, "") not in ("nt", "ns", "nz", "j")
        )
    if start > 0 and text[start - 1].isdigit():
        return True
    after, before = suffix + following, text[max(0, start - 1) : end]
    if following and freq.get(after, 0) >= 100 and tags.get(after, "") not in ("nt", "ns", "nz", "j"):
        return True
    if freq.get(before, 0) >= 50 and tags.get(before, "")[:1] in ("v", "s", "d", "b", "f"):
        return True  # 举办, 地处, 东北部: a verb, place or position word ending in the suffix's character
    if lex.is_generic("organization_tail", before):  # 全局, 格局, 干部 (but 民政局, 财政局 are bodies)
        return word_freq().get(text[max(0, start - 2) : start], 0) < 1000  # 安全 + 局: a word, then the body
    return False


STATE_KINDS = {"party", "government", "congress", "cppcc", "judicial", "police", "military"}
"""Kinds of party and state bodies, whose names begin with their place (市发改委, 遵义军分区)."""


def _trim_to_state_body(surface: str) -> str:
    """Cut words before a state body that are no place: 严格落实市委 → 市委."""
    standalone = _STANDALONE_ORGS.search(surface)
    if not standalone or standalone.start() == 0:
        return surface
    head = surface[: standalone.start() + 1]
    for i in range(len(head) - 1):
        if _names_a_division(head, i):
            located = _after_a_short_province(head, i)  # 山西 + 吉县县委, not 山 + 西吉县县委
            # 肇庆市 + 高要区委: the county named after its city
            i = located if located != i else _start_of_places_before(head, i)
            return surface[i - 2 :] if surface[:i].endswith("中共") else surface[i:]  # 中共某某市委
    return surface[standalone.start() :]


def _names_a_division(head: str, i: int) -> bool:
    """Whether ``head[i:]`` names a division, with or without its body's first character."""
    return bool(Gazetteer.load().lookup(head[i:]) or Gazetteer.load().lookup(head[i:-1]))


def _after_a_short_province(head: str, i: int) -> int:
    """Where a division begins that follows a province or city named short and overlapping the
    division found at ``i`` (山西 + 吉县 in 山西吉县县委 rather than 西吉县): the short name locates
    the body and is not part of its name.

    >>> _after_a_short_province("山西吉县县", 1), _after_a_short_province("西吉县县", 0)
    (2, 0)
    """
    for j in range(i + 1, len(head) - 1):
        before = [m for m in gazetteer_places(head[:j]) if m.end == j and m.start <= i]
        if _names_a_division(head, j) and any(city_or_province(m.text) for m in before):
            return j
    return i


def _start_of_places_before(text: str, i: int) -> int:
    """Where the divisions written right before ``i`` begin (``i`` when none are).

    >>> _start_of_places_before("肇庆市高要区", 3), _start_of_places_before("落实高要区", 2)
    (0, 2)
    """
    hits = [m for m in gazetteer_places(text[:i]) if not m.attr("short") or city_or_province(m.text)]
    return next(
        (k.start for k in sorted(hits, key=lambda m: m.start) if divisions_filling(k.start, i, hits)), i
    )


def _from_a_place_after_verbs(surface: str) -> str:
    """A body's name begins at its place when only verbs stand before it (欢迎出席某省农业农村厅).

    >>> _from_a_place_after_verbs("欢迎出席四川省农业农村厅"), _from_a_place_after_verbs("发展和改革委员会")
    ('四川省农业农村厅', '发展和改革委员会')
    """
    hits = gazetteer_places(surface)
    if not hits or hits[0].start == 0 or (hits[0].attr("short") and not city_or_province(hits[0].text)):
        return surface
    if surface[hits[0].start - 1] in "（(":
        return surface  # 合源锂创（淮安）新能源科技: the place a firm's registered name holds in brackets
    head = tagged_words(surface[: hits[0].start])
    if all(tag.startswith(("v", "d", "p", "c", "u", "r")) and not tag.startswith("vn") for _, tag in head):
        return surface[hits[0].start :]
    if any(tag in ("v", "l") for _, tag in head):  # 实地走访 + 上海某某机械股份有限公司: a clause before it
        return surface[hits[0].start :]
    if head and head[-1][0] in _FIRMS_IN_GENERAL:  # 投资企业 + 江苏某某股份有限公司: what kind of party it is
        return surface[hits[0].start :]
    return surface


_FIRMS_IN_GENERAL = {"企业", "客商", "商家", "厂商", "投资方", "签约方"}


def _past_a_figure_before_a_place(text: str, start: int, suffix_start: int) -> int:
    """Where a body's name starts when a figure runs into it (浏览量:31790 + 湖南日报, 08:22 +
    吉林市融媒体中心): at the place after the figure.

    >>> text = "浏览量:31790湖南日报"
    >>> text[_past_a_figure_before_a_place(text, 4, 11) :]
    '湖南日报'
    """
    figure = re.match(r"\d+", text[start:suffix_start])
    if figure is None:
        return start
    rest = start + figure.end()
    return rest if _starts_with_place(text[rest:suffix_start]) else start


_NATION_THEN_PLACE = re.compile(r"中国\s*[（(]")  # 中国（辽宁）自由贸易试验区: the nation, then the province


def _starts_with_place(surface: str) -> bool:
    if (nation := _NATION_THEN_PLACE.match(surface)) is not None:
        surface = surface[nation.end() :]
    if _GOV_HEAD.match(surface):
        return True
    hits = gazetteer_places(surface)
    if hits and hits[0].start == 0:
        return True
    gazetteer = Gazetteer.load()  # 遵义军分区: a city's short name, though 义军 reads as a word
    return any(d.level == "city" for n in (2, 3) for d in gazetteer.lookup(surface[:n]))


def _acceptable_org(name: str, surface: str, suffix: str, lex: Lexicon) -> bool:
    if lex.is_generic("organization", surface) or lex.is_generic("organization", name):
        return False
    if _STANDALONE_ORGS.fullmatch(surface) or _ZONE_BODY.fullmatch(surface):
        return True
    if re.fullmatch(r"[省市州盟县区旗]委(?:政协|人大|政府)", surface):
        return False  # 市委政协工作会议: the committee's conference on the CPPCC, no body of that name
    if not name or re.search(r"[了着过们吗呢吧各]|精神", name):  # 会议精神和县委常委会, 各市政府: no body
        return False
    if _COUNTED.search(name):  # 46个村卫生室, 部分镇人大: a count of bodies, no body
        return False
    if _generic_body_after_a_verb(surface, lex):  # 确保本次乡镇党委, 他希望村委: no named body
        return False
    if name.endswith("党政") and suffix == "代表团" and not _starts_with_place(surface):
        return False  # 我市党政代表团: the paper's own delegation, unnamed (曲靖市党政代表团 is named)
    modifiers = lex.generic.get("modifier", frozenset())
    if suffix == "厂":  # 九鼎钢结构厂: a works with a name of its own (a 工厂 is a project)
        factory_project = surface.endswith("工厂") and not surface.endswith("加工厂")
        return (
            len(name) >= 3
            and not factory_project
            and not lex.starts_with_modifier(name)
            and name[:1] not in modifiers
        )
    if lex.org_suffixes[suffix] in STATE_KINDS or len(suffix) == 1:
        return len(name) >= 1 and (
            _starts_with_place(surface) or bool(re.search("[村镇乡]|社区|街道|小区", name))
        )
    long_enough = len(name) >= 2 or (len(name) == 1 and name in "省市州县区旗镇乡")  # 市人民医院
    return long_enough and not lex.starts_with_modifier(name)


_GRASSROOTS_TAIL = re.compile(r"(?:党委|党支部|两委|村委|村委会|居委会|人大|政府|卫生院)$")


def _generic_body_after_a_verb(surface: str, lex: Lexicon) -> bool:
    """A generic body (乡镇党委, 村两委) read with the verb or pronoun before it (确保本次乡镇党委).

    >>> _generic_body_after_a_verb("确保本次乡镇党委", Lexicon.load())
    True
    >>> _generic_body_after_a_verb("县发展和改革委员会", Lexicon.load())
    False
    >>> _generic_body_after_a_verb("出山镇党委", Lexicon.load())
    False
    """
    for k in range(2, len(surface) - 1):
        tail, head = surface[k:], surface[:k]
        if len(tail) >= 2 and _GRASSROOTS_TAIL.search(tail) and lex.is_generic("organization", tail):
            if any(Gazetteer.load().lookup(surface[:n]) for n in (k + 1, k + 2)):
                return False  # 出山镇党委: a township named by a verb
            words = tagged_words(head)
            word, tag = words[-1] if words else ("", "")
            tagged_short = tag == "j" and word_freq().get(word, 0) >= 1000  # 深化, tagged as a short form
            return bool(words) and ((tag[:1] in ("v", "r", "p", "d") and tag != "vn") or tagged_short)
    return False


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Leftmost-longest, non-overlapping mentions, in text order."""
    chosen: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


_TERM = re.compile(
    r"^(.*?[省市州县区旗盟])第?[一二三四五六七八九十]{1,3}届(人大常委会|人大|政协|人民政府|政府|委员会)$"
)


def _deputies_of(text: str, m: Mention) -> bool:
    """A congress named before its deputies (县人大代表): the deputies are meant, not the body.

    >>> text = "全体县人大代表票决，市人大常委会审议"
    >>> _deputies_of(text, Mention("organization", "县人大", 2, 5))
    True
    >>> _deputies_of(text, Mention("organization", "市人大常委会", 10, 16))
    False
    """
    return m.text.endswith("人大") and text.startswith("代表", m.end)


def _without_term(m: Mention) -> Mention:
    """A body named with its term (市五届人大, 县十届政协) is the body, with the printed name among its
    names.

    >>> m = _without_term(Mention("organization", "市五届人大常委会", 0, 8))
    >>> m.text, m.attrs
    ('市人大常委会', (('printed', '市五届人大常委会'),))
    """
    sitting = _SITTING.sub("", m.text)  # 市政协第52次党组 (会议): the body's party group, at its 52nd sitting
    if sitting != m.text:
        return replace(m, text=sitting, attrs=(*m.attrs, ("printed", m.text)))
    term = _TERM.match(m.text)
    if term is None or (term.group(2) == "委员会" and "政协" not in m.text):
        return m
    return replace(m, text=term.group(1) + term.group(2), attrs=(*m.attrs, ("printed", m.text)))


_SITTING = re.compile(r"第[\d一二三四五六七八九十百]+次(?=党组$|党委$|常委会$)")


def _drop_party_groups(mentions: list[Mention]) -> list[Mention]:
    """市发改委党组 is the party group of 市发改委, 某某集团党委 the party committee of 某某集团: keep
    the body itself as the organisation, with the party group's name as printed among its names."""
    lex = Lexicon.load()
    out = []
    for m in mentions:
        base = re.sub(r"(?:党组|党委|党办)$", "", m.text)
        if (
            base != m.text
            and len(base) >= 3
            and re.search(r"(?:[委局厅办部院会联协]|集团|公司|大学|学校)$", base)
        ):
            suffix = lex.org_suffix_at_end(base)
            kind = (
                lex.org_suffixes[suffix] if suffix else (m.attr("kind") or "")
            )  # 某某集团党委: the firm's kind
            attrs = (*((k, v) for k, v in m.attrs if k != "kind"), ("kind", kind), ("printed", m.text))
            out.append(Mention("organization", base, m.start, m.start + len(base), attrs=attrs))
        else:
            out.append(m)
    return out


@cache
def _project_suffix_table() -> dict[str, Suffix]:
    return {s.suffix: s for s in Lexicon.load().project_suffixes}


@cache
def _project_regex() -> re.Pattern[str]:
    return alternation(s.suffix for s in Lexicon.load().project_suffixes)


_INVESTMENT = re.compile(
    r"(?:总投资|计划投资|投资|投入)(?:约|超|达|近|超过|逾)?\s*([\d.]+\s*(?:亿|万|千万)?元)"
)


def investment_near(text: str, start: int, end: int) -> str | None:
    """The investment stated next to a project in its sentence (``投资3.7亿元建成…工厂`` → 3.7亿元).

    >>> s = "投资3.7亿元建成首座莱茵衣藻规模化生产工厂"
    >>> investment_near(s, 9, len(s))
    '3.7亿元'
    """
    best: tuple[int, str] | None = None
    for m in _INVESTMENT.finditer(text):
        distance = start - m.end() if m.end() <= start else m.start() - end if m.start() >= end else 0
        if distance <= 12 and (best is None or distance < best[0]):
            best = (distance, m.group(1).replace(" ", ""))
    return best[1] if best else None


def find_projects(text: str, known: list[Mention] = ()) -> list[Mention]:
    """Named projects, plants, parks, bases and campaigns (``“暖新纾困”行动`` → 暖新纾困行动).

    ``known`` are the sentence's other mentions: a project name may begin with an organisation or a
    place (某某有限公司智能装备产业园), and never reaches back over a person.
    """
    lex = Lexicon.load()
    info = _project_suffix_table()
    found: list[Mention] = []
    freq = word_freq()
    last_suffix_end = 0  # no name reaches back over another suffix, even one that named nothing
    for m in _project_regex().finditer(text):
        suffix = info[m.group(0)]
        if _last_character_begins_a_word(text, m, info):
            continue  # 新政 of 新政策, 示范带 of 示范带动: no suffix, and no end for the next name
        previous_end, last_suffix_end = last_suffix_end, m.end()
        longer = (text[m.start() : m.end() + k] for k in (1, 2) if m.end() + k <= len(text))
        built = len(m.group(0))
        if any(freq.get(w, 0) >= 20 and not _BUILD_AFTER.fullmatch(w[built:]) for w in longer):
            continue  # 工程师, 项目部: the suffix begins a longer word (工程建设 is the works being built)
        if m.group(0) == "计划" and _verb_follows(text, m.end()):
            continue  # 某县计划实施: the verb 计划, no programme
        if m.group(0).endswith("行动") and text[m.end() : m.end() + 1] in ("上", "不"):
            continue  # 思想上行动上, 行动不便: the common word, no campaign
        if _joined_as_phase_or_work(text, found, m):
            continue
        coordinated = suffix.suffix in _WORKS
        over = previous_end if previous_end < m.start() else 0  # 工程项目: one suffix after another
        floor = max(_name_floor([*known, *found], m.start()), over)
        start, name = _project_name(text, m.start(), suffix.max_name, floor, known, coordinated)
        if not suffix.min_name <= len(name) <= suffix.max_name + 24 or _begins_inside_a_word(text, start):
            continue
        surface = name + m.group(0)
        joins_descriptors = only_descriptors(name)
        joins = joins_descriptors or (suffix.suffix in _WORKS and not _JOIN_BREAK.search(name))
        facility = next((f for f in found if f.end == start and joins), None)
        if facility is not None and not joins_descriptors and _reads_as_a_clause(name):
            facility = None  # 某某项目 + 监理方负责人分别就项目推进: a clause joins no works to it
        if facility is None and suffix.suffix in _WORKS:  # 某某工程 + 西部水厂建设项目: the words cut
            facility = next(
                (
                    f
                    for f in found
                    if f.end == over and f.text.endswith("工程") and _cut_words_only(text, over, start)
                ),
                None,
            )
            if facility is not None:
                start, name = over, text[over : m.start()]
                surface = name + m.group(0)
        whole: tuple[tuple[str, str], ...] = ()
        if facility is not None and not joins_descriptors and facility.attr("kind") == "park":
            whole = (("inner", text[facility.start : m.end()]),)
            facility = None  # 某某产业园区 + 3000万袋香菇加工项目: a project of its own, inside the park
        if facility is not None:  # 某某产业园 + 基础设施工程, 某某综合体 + 生猪屠宰项目: the park's works
            found.remove(facility)
            attrs = (*facility.attrs, ("inner", facility.text))
            if not joins_descriptors:  # 某某综合体 + 生猪屠宰项目: the works is named too
                attrs = (*attrs, ("inner", surface))
            found.append(Mention("project", facility.text + surface, facility.start, m.end(), attrs=attrs))
            continue
        company = any(
            k.start == start and k.attr("kind") in ("enterprise", "school", "hospital") for k in known
        )
        placed = any(k.start == start and k.type == "place" for k in known)
        if _names_no_project(name, surface, m.group(0), lex, company, placed) or _LIST_OF_PROJECTS.match(
            text, m.end()
        ):
            continue  # 重点项目清单: a list of projects, not one
        project = _joined_with_coordinate(text, found, start, m.end(), surface, suffix)
        project = _with_inner_names(text, project, known, start, name, m.start())
        found.append(replace(project, attrs=(*project.attrs, *whole)))
    found += _listed_projects(text, found, known)
    found = _with_supporting_works(text, [p for p in map(_without_stage, found) if p is not None])
    return [_with_investment(text, _with_phase_tail(text, _as_base_county(text, p))) for p in _longest(found)]


def _with_supporting_works(text: str, found: list[Mention]) -> list[Mention]:
    """A works and the works that serve it, joined by 及配套 (某某生产线及配套物流仓储项目), are one project,
    named by the first too.

    >>> t = "某某新能源汽车箱体生产线及配套物流仓储项目开工"
    >>> [(m.text, m.attr("inner")) for m in _with_supporting_works(t, [Mention("project", t[:12], 0, 12)])]
    [('某某新能源汽车箱体生产线及配套物流仓储项目', '某某新能源汽车箱体生产线')]
    """
    out = []
    for m in found:
        tail = _SUPPORTING_WORKS.match(text, m.end)
        if tail is not None and not any(f.start < tail.end() and f.end > m.end for f in found):
            attrs = (*m.attrs, ("inner", m.text))
            m = Mention("project", text[m.start : tail.end()], m.start, tail.end(), attrs=attrs)
        out.append(m)
    return out


_SUPPORTING_WORKS = re.compile(r"及配套[\u3400-\u9fff]{1,10}?(?:项目|工程)")


def _last_character_begins_a_word(text: str, m: re.Match[str], suffixes: dict[str, Suffix]) -> bool:
    """Whether a suffix's last character begins a word with what follows (研究新政策, 各项目标任务),
    other than a word of position (风光带上) or a longer suffix (科技园区).

    >>> s = "确保完成各项目标任务"
    >>> _last_character_begins_a_word(s, _project_regex().search(s), _project_suffix_table())
    True
    """
    suffix = m.group(0)
    if text[m.end() - 1 : m.end() + 1] not in word_freq():
        return False  # no dictionary word begins so (its prefixes are all in the dictionary)
    position = 0
    for word, _ in tagged_words(text[m.start() : m.end() + 2]):
        if position == len(suffix) - 1 and len(word) >= 2:
            longer = suffix[:-1] + word
            return word[1] not in "上里中内外旁边" and not any(k.startswith(longer) for k in suffixes)
        position += len(word)
    return False


def _begins_inside_a_word(text: str, start: int) -> bool:
    """Whether a name read back from its suffix begins inside a word (效 of 有效化解项目用地难题).

    >>> _begins_inside_a_word("要有效化解项目用地难题", 2), _begins_inside_a_word("建设城西停车场项目", 2)
    (True, False)
    """
    if start == 0 or not CJK.match(text[start - 1]):
        return False
    freq = word_freq()  # a word across ``start`` has a prefix there that the dictionary holds
    if not any(text[a : start + 1] in freq for a in range(max(0, start - 3), start)):
        return False
    window = max(0, start - 6)
    position = window
    for word, _ in tagged_words(text[window : start + 6]):
        if position >= start:
            return position != start
        position += len(word)
    return False


def _reads_as_a_clause(name: str, joining: bool = True) -> bool:
    """Whether words read before a suffix make a clause, not a works' name: an adverb, preposition,
    particle or pronoun among them (监理方负责人分别就 + 项目推进), or, for joining it to a name before
    it, a conjunction.

    >>> _reads_as_a_clause("监理方负责人分别就"), _reads_as_a_clause("基础设施")
    (True, False)
    """
    tags = ("d", "p", "c", "u", "r") if joining else ("d", "p", "u", "r")
    return any(  # one character of such a tag may be a brand's (大正, 艾瑞顺), unless it governs (就)
        tag.startswith(tags) and (len(word) >= 2 or word in "就把被将让对向")
        for word, tag in tagged_words(name)
    )


def _verb_follows(text: str, end: int) -> bool:
    """Whether a verb begins right after ``end`` (计划 + 实施5000万元以上项目).

    >>> _verb_follows("全县计划实施项目", 4), _verb_follows("全县计划，", 4)
    (True, False)
    """
    words = tagged_words(text[end : end + 4])
    return bool(words) and words[0][1] == "v" and len(words[0][0]) >= 2


_STAGE_TAIL = re.compile(r"(?:集中开复工|集中开工|集中签约|开复工|新开工|竣工|在建|续建|招商引资|招商)项目$")
_EVENT_END = re.compile(r"(?:周|节|会|展|赛|论坛)$")
_SEASON_HEAD = re.compile(r"^(?:(?:19|20)\d\d年度?)?(?:第?[一二三四1-4]季度|[上下]半年|[春夏秋冬]季)?")


def _without_stage(project: Mention) -> Mention | None:
    """A project named with the stage its works are at (某某零部件竣工项目) is the thing at that
    stage (某某零部件); a place or an event at that stage (黄南州集中开复工项目, 某某文化周招商项目)
    names no project.

    >>> _without_stage(Mention("project", "恒昌新能源汽车零部件竣工项目", 0, 14)).text
    '恒昌新能源汽车零部件'
    >>> _without_stage(Mention("project", "海北州集中开复工项目", 0, 10)) is None
    True
    >>> _without_stage(Mention("project", "2024年第二季度海北州招商引资项目", 0, 19)) is None
    True
    """
    stage = _STAGE_TAIL.search(project.text)
    if stage is None:
        return project
    bare = project.text[: stage.start()]
    rest = without_divisions(_SEASON_HEAD.sub("", bare), keep=0)
    if len(bare) < 3 or len(rest) < 2 or _EVENT_END.search(bare) or only_descriptors(rest):
        return None
    return replace(project, text=bare, end=project.start + len(bare))


_LIST_OF_PROJECTS = re.compile(r"(?:[（(][^）)]{1,4}[）)])?(?:清单|名单|储备库|库|台账)")
_HONOUR_WORDS = re.compile("示范|国家|全国|省级|文明|卫生|森林|旅游|美丽|先进|标准化")
_PLACE_END = re.compile("[村镇乡县区]$")
_PROJECT_LIST_END = re.compile(
    r"等(?:[\d一二三四五六七八九十百千两]+(?:个|批|大|项)|一批)?[\u3400-\u9fff]{0,6}?(?:项目|基础设施)"
    r"|(?<=[\u3400-\u9fff])(?:新开工|开工|竣工|签约|投产|在建|续建)项目(?=现场|工地)"  # 甲、乙开工项目现场
    r"|(?<=[\u3400-\u9fff])[\d一二三四五六七八九十]+个(?:重点|重大|建设|在建)*项目"  # 甲、乙9个建设项目
)
_LIST_LEAD = re.compile(
    r"(?:观摩|察看|查看|考察|调研|视察|参观|走访|来到|走进|深入|前往|先后到|实地到|到|谋划|争取|推动|实施|"
    r"包括|涵盖|引进|签约|开工|建成|投产|加快|推进|抓好|建设好|实施好|推进好|谋划好|举行|举办|召开|启动|随着|确保|为|对|就|把|将|在)"
    r"(?:了|的)?"
)
_CLAUSE_END = "，,。；;：:！？!?"
_LEADING_TIME = re.compile(
    r"^(?:\d{4}年)?(?:[一二三四]季度|上半年|下半年|年内|年底|\d{1,2}月(?:\d{1,2}日)?)?"
)


def _listed_projects(text: str, found: list[Mention], known: list[Mention]) -> list[Mention]:
    """The items of a list that ends with ``等…项目`` (鲁班精装小镇、双岭路西延等项目): each is a project,
    unless it is a place, a body or a person, or names only a kind of thing.  A project read inside an
    item by its suffix gives way to the whole item (远门河水库工程, not 河水库工程).

    >>> s = "先后观摩了城西公共停车场、远山仓储用房建设等13个重点项目。"
    >>> [m.text for m in _listed_projects(s, [], [])]
    ['城西公共停车场', '远山仓储用房建设']
    """
    lex = Lexicon.load()
    out: list[Mention] = []
    if "项目" not in text and "基础设施" not in text:
        return out  # every list end names its projects or their infrastructure
    for end in _PROJECT_LIST_END.finditer(text):
        clause = max(text.rfind(c, 0, end.start()) for c in _CLAUSE_END) + 1
        items = text[clause : end.start()].split("、")
        lead = list(_LIST_LEAD.finditer(items[0]))
        skip = lead[-1].end() if lead else 0
        placed = _each_named_by_its_place([items[0][skip:], *items[1:]])
        if len(items) < 2 and not (placed and end.group(0).startswith("等")):
            continue  # 沙县酱腌菜生产加工等农业产业项目: one item, named by its county
        if ("产业" in end.group(0) or "类" in end.group(0)) and not placed:
            continue  # 新一代信息技术、生物医药等产业项目, 生态旅游、生态农业等七大类项目: kinds, no names
        staged = not end.group(0).startswith("等")  # 甲、乙开工项目现场: a firm listed is its works
        first = _strip_leading_verbs(_LEADING_TIME.sub("", items[0][skip:]))
        if first != items[0][skip:] and not _reads_as_a_clause(first, joining=False):
            skip = len(items[0]) - len(first)  # 2025年一季度实现 + 某某改扩建: the date and the verb
        position = clause + skip
        items[0] = items[0][skip:]
        pieces = []
        for item in items:
            pieces += _joined_pieces(item, position, found)
            position += len(item) + 1
        for start, item in pieces:
            stop = start + len(item)
            if not _balanced(item):
                continue
            joined = text[stop : stop + 1] in ("和", "以")  # 凤阳正泰和汉韦胶膜: no 泰和 across the join
            others = [o for o in [*found, *known] if not (joined and o.start < stop < o.end)]
            inside = [f for f in found if start <= f.start and f.end <= stop]
            if inside and all(_item_extends(f, start, stop, text) for f in inside):
                for f in inside:
                    found.remove(f)
                attrs = (("kind", "listed"), *(("inner", f.text) for f in inside))
                out.append(Mention("project", item, start, stop, attrs=attrs))
            elif not inside and (works := _firms_works(item, start, others, lex)):
                out.append(
                    Mention("project", item, start, stop, attrs=(("kind", "listed"), ("inner", works)))
                )
            elif not inside and _listed_item_is_project(item, start, stop, others, lex, staged):
                out.append(Mention("project", item, start, stop, attrs=(("kind", "listed"),)))
    return out


_JOINER = re.compile("以及|和")


def _joined_pieces(item: str, start: int, found: list[Mention]) -> list[tuple[int, str]]:
    """A list item that joins two names (凤阳正泰和汉韦胶膜, 某某二期以及某某五期) as its two pieces,
    with their starts; an item that a project read by its suffix spans stays whole.

    >>> _joined_pieces("凤阳正泰和汉韦胶膜", 10, [])
    [(10, '凤阳正泰'), (15, '汉韦胶膜')]
    >>> zone = Mention("project", "生态保护和高质量发展示范区", 0, 13)
    >>> _joined_pieces("生态保护和高质量发展示范区", 0, [zone])
    [(0, '生态保护和高质量发展示范区')]
    """
    m = _JOINER.search(item)
    if m is None or m.start() < 2 or len(item) - m.end() < 2 or _JOINER.search(item, m.end()):
        return [(start, item)]
    if any(f.start < start + m.start() < f.end for f in found):
        return [(start, item)]  # 生态保护和高质量发展示范区: one name across the join
    if item.startswith(("配套", "附属", "周边"), m.end()):
        return [(start, item)]  # 某某生产线以及配套仓储: one works and what serves it
    return [(start, item[: m.start()]), (start + m.end(), item[m.end() :])]


def _each_named_by_its_place(items: list[str]) -> bool:
    """Whether every item of a list begins with a county or city and goes on with a name of four
    characters or more (永安石墨烯复合材料、清流氟聚合物单体材料): the places' projects, not kinds.

    >>> _each_named_by_its_place(["永安石墨烯复合材料", "清流氟聚合物单体材料"])
    True
    >>> _each_named_by_its_place(["新一代信息技术", "生物医药"]), _each_named_by_its_place(["某某", "永安"])
    (False, False)
    """
    gazetteer = Gazetteer.load()

    def placed(item: str) -> bool:
        return any(
            len(item) - n >= 4
            and any(d.level in ("provincial", "city", "county") for d in gazetteer.lookup(item[:n]))
            for n in (2, 3, 4)
        )

    return all(placed(item) for item in items)


def _firms_works(item: str, start: int, others: list[Mention], lex: Lexicon) -> str:
    """The works of a firm listed with projects by its full name (某某科技有限公司固态电池生产、…等项目):
    what follows the firm's name, or '' where the item is no firm and its works.

    >>> firm = Mention("organization", "南宝复合材料科技有限公司", 0, 12, attrs=(("kind", "enterprise"),))
    >>> _firms_works("南宝复合材料科技有限公司碳纤维复合材料生产", 0, [firm], Lexicon.load())
    '碳纤维复合材料生产'
    >>> _firms_works("南宝复合材料科技有限公司的厂房", 0, [firm], Lexicon.load())
    ''
    """
    firm = next(
        (
            o
            for o in others
            if o.type == "organization" and o.start == start and o.attr("kind") == "enterprise"
        ),
        None,
    )
    works = item[firm.end - start :] if firm else ""
    if not 3 <= len(works) <= 30 or any(c in "的了是和与" for c in works) or not _balanced(works):
        return ""
    if any(
        o.type in ("official", "person", "organization") and firm.end <= o.start < start + len(item)
        for o in others
    ):
        return ""  # a second body or a person after the firm: no works of its own
    return "" if _is_theme(works) or _vague(works, lex) or lex.is_generic("project", works) else works


def _built_facility(place: Mention) -> bool:
    """A place that is a facility built as a works: a road, a station or airport, a reservoir."""
    return place.attr("source") in ("road", "station") or place.text.endswith("水库")


def _balanced(item: str) -> bool:
    """Whether every bracket an item opens it also closes (东阳-南江）健康食品产业园 is cut)."""
    depth = 0
    for c in item:
        depth += (c in "（(") - (c in "）)")
        if depth < 0:
            return False
    return depth == 0


def _item_extends(project: Mention, start: int, stop: int, text: str) -> bool:
    """Whether a list item is a project read inside it and more: a longer head (远门河水库工程 over
    河水库工程) or the work done on it (某某生产线建设)."""
    if (project.start, project.end) == (start, stop) or "的" in text[start : project.start]:
        return False  # 某镇的某某项目: the project of a place, named after 的
    return project.end == stop or (
        project.start == start and bool(_BUILD_WORK.fullmatch(text[project.end : stop]))
    )


def _listed_item_is_project(
    item: str, start: int, end: int, others: list[Mention], lex: Lexicon, staged: bool = False
) -> bool:
    """Whether one item of a ``等…项目`` list names a project of its own; in a list of the works at
    one stage (甲、乙开工项目现场), a firm listed names its works."""
    if not 3 <= len(item) <= 30 or any(c in "的了是和与及" for c in item) or re.search(r"\d+个|共$", item):
        return False  # 全县3个产业园区、10个重点部门共13个项目: counts of places, not names
    if item[0] in "各全每诸":
        return False  # 各旗县区、某某高新区的项目: whose projects, every one of them
    for o in others:
        if not (o.start < end and start < o.end):
            continue
        if o.type in ("official", "person") or o.type == "project" or o.start < start or o.end > end:
            return False
        whole = o.start == start or not without_divisions(item[: o.start - start], keep=0)  # 某县 + 某某公司
        if whole and o.end == end and not (staged and o.type == "organization"):
            if o.type == "place" and _built_facility(o):
                continue  # 某某高速, 某某机场, 某某水库 listed with projects: the works of building it
            return False  # 山水苑社区: a place, not a project
        if o.type == "organization" and o.start == start and not _BUILD_WORK.search(item) and not staged:
            return False  # a body listed with the projects, unless it is being built (第三初级中学新建)
    facility_first = any(o.type == "place" and o.start == start and _built_facility(o) for o in others)
    if len(item) <= 6 and _ordinary_words(item, facilities_name=False) and not facility_first:
        return False  # 海上风电, 清水鱼养殖: a sector; 游客接待中心: a kind of facility, not one
    return not (
        _is_theme(item) or _vague(item, lex) or only_descriptors(item) or lex.is_generic("project", item)
    )


def _joined_as_phase_or_work(text: str, found: list[Mention], m: re.Match[str]) -> bool:
    """``生物医药产业园`` + ``二期项目`` or + ``建设项目``: the suffix continues a project just found."""
    phase = _PHASE.search(text, 0, m.start())
    work = _BUILD_WORK.search(text, 0, m.start())
    joint = next((p.start() for p in (phase, work) if p and p.end() == m.start()), m.start())
    before = next((f for f in found if f.end == joint), None)
    if before is None:
        return False
    if joint == m.start() and before.text.endswith("项目"):
        return True  # 某某建设项目 + 工程点: the project's works, not a longer name
    found.remove(before)
    surface = before.text + text[joint : m.end()]
    building = work is not None and work.start() == joint  # 双创产业园 of 双创产业园建设项目
    own = tuple(a for a in before.attrs if a[0] != "inner")  # a phase of a park is not the park
    if joint == m.start():
        own = before.attrs  # 某某茶业某某基地 + 项目: the base's project, called by the base's names too
    attrs = (*before.attrs, ("inner", before.text)) if building else own
    found.append(Mention("project", surface, before.start, m.end(), attrs=attrs))
    return True


def _name_floor(mentions: list[Mention], position: int) -> int:
    """Where a project's name may begin at the earliest: after the last person or project before it."""
    ends = [k.end for k in mentions if k.end <= position and k.type in ("official", "person", "project")]
    return max(ends, default=0)


def _names_no_project(
    name: str, surface: str, suffix: str, lex: Lexicon, company: bool = False, placed: bool = False
) -> bool:
    """Names that name no particular project (the reasons, one per line); a year before a name dates a
    batch of a programme (2026年高标准农田项目), so only the common-words test reads it; a name that
    begins with its company (``company``) names one however common its words."""
    dated = name
    if year := YEAR_HEAD.match(name) or _PLAN_PERIOD_HEAD.match(name):  # 十五五时期 + 重大项目: a sort too
        name, surface = name[year.end() :], surface[year.end() :]
    return bool(
        lex.is_generic("project", surface)
        or lex.is_generic("project", name)
        or _vague(name, lex, suffix)
        or (suffix == "项目" and _is_theme(name))  # 城市更新项目: a kind of project, not one
        or (suffix == "项目" and _whose_projects(name))  # 某某经开区项目, 某某片区产业项目: whose, not which
        or (suffix.endswith("战") and _is_theme(surface))  # 污染防治攻坚战: a policy battle
        or only_descriptors(_ZONE_HEAD.sub("", without_divisions(name, keep=1)))
        or surface.endswith("加工厂")  # a processing works is an enterprise
        or (name.endswith("教育") and suffix.endswith("基地"))  # 爱国主义教育基地: an honour
        or (suffix == "项目" and not company and _ordinary_words(dated))  # 商贸流通项目: a sector
        or (suffix == "基地" and not (company or placed) and _ordinary_words(dated))  # 蔬菜基地: a kind
        or (suffix == "项目" and _sector_after_a_doing_word(name))  # 紧盯产业项目, 抓牢 + 产业项目
        or (suffix == "项目" and _ends_with_a_doing_word(name))  # 抢抓机遇谋项目: a slogan
        or "最" in name  # 做成最优质烤烟示范基地: a goal, not a name
        or name.endswith(("相关", "有关", "其他", "其它"))  # 滨江中北段相关项目: the projects about a place
        or _only_doing_words(name)  # 充分认识 + 创建: what is done, no name
        or (suffix == "计划" and name.endswith(("工作", "学习", "培训")))  # 某委2024年工作计划: a plan
        or bool(_ORDINAL_COUNT.search(name))  # 国内第五家专业钣金制造基地: a description
        or (suffix == "项目" and _counted_kind(without_divisions(name, keep=0)))  # 某市15个重大项目
        or (suffix == "项目" and _reads_as_a_clause(name, joining=False))  # 监理方负责人分别就 + 项目推进
        or (suffix in ("示范区", "示范片") and not _demonstrates_a_work(name))  # 通州湾示范区: a zone
        or (suffix == "项目" and _one_set_phrase(name))  # 高度重视项目: an idiom, not a name
        or (suffix == "行动" and _acted(name))  # 党支部迅速行动: a body acted
        or (suffix == "创建" and bool(_PLACE_END.search(name)) and not _HONOUR_WORDS.search(name))  # 某村创建
    )


_BARE_ZONES = (
    "经济技术开发区",
    "经济开发区",
    "高新技术产业开发区",
    "开发区",
    "高新区",
    "经开区",
    "新区",
    "片区",
)


def _whose_projects(name: str) -> bool:
    """A name that is only a place or zone, maybe with 产业 (湘潭经开区 + 项目, 某某片区产业 + 项目): the
    projects of that place, not one named project.

    >>> _whose_projects("湘潭经开区"), _whose_projects("湖南省十大产业"), _whose_projects("宝鼎康养度假区")
    (True, True, False)
    """
    if name.endswith("产业"):
        return True
    rest = without_divisions(name, keep=0)
    return rest == "" or rest in _BARE_ZONES


_DEMONSTRATED_WORK = re.compile(r"(?:振兴|治理|防控|工作|建设|保护|[\u3400-\u9fff]片)$")
_STRATEGIC_WORDS = re.compile(r"高质量发展|现代化|改革|一体化|大开发|综改|合作")


def _demonstrates_a_work(name: str) -> bool:
    """Whether a 示范区 is named by the work it demonstrates (某某乡村振兴示范区, 某某综合防控示范区,
    某某片示范区), not a zone (某某湾示范区) or a strategic designation (某某高质量发展示范区).

    >>> _demonstrates_a_work("河西片乡村振兴"), _demonstrates_a_work("革命老区高质量发展")
    (True, False)
    """
    return bool(_DEMONSTRATED_WORK.search(name)) and not _STRATEGIC_WORDS.search(name)


def _counted_kind(name: str) -> bool:
    """A count of projects of a kind (15个重大, 3个), or ending a list (标准化厂房9个建设): how many,
    not which.

    >>> _counted_kind("15个重大"), _counted_kind("标准化厂房9个建设"), _counted_kind("三个一")
    (True, True, False)
    """
    if re.search(r"(?:\d+|[一二三四五六七八九十百]+)个(?:重点|重大|建设|在建)*$", name):
        return True  # 甲、标准化厂房9个建设项目: the count of a list, not a name
    count = re.match(r"(?:\d+|[一二三四五六七八九十百]+)[个项批]", name)
    return bool(count) and (count.end() == len(name) or only_descriptors(name[count.end() :]))


_ORDINAL_COUNT = re.compile(r"第[\d一二三四五六七八九十百]+[家个座所批]")


def _one_set_phrase(name: str) -> bool:
    """A name that is one set phrase or idiom (高度重视, 齐抓共管), maybe with words of rank after it
    (高度重视 + 重大项目): what is done, not what is built.

    >>> _one_set_phrase("高度重视"), _one_set_phrase("高度重视重大"), _one_set_phrase("山地车")
    (True, True, False)
    """
    words = tagged_words(name)
    rest = "".join(w for w, _ in words[1:])
    return bool(words) and words[0][1] in ("l", "i") and (not rest or only_descriptors(rest))


def _acted(name: str) -> bool:
    """A name that ends with an adverb before 行动 (迅速, 立即): the verb 行动, no campaign.

    >>> _acted("村党支部迅速"), _acted("清风护苗")
    (True, False)
    """
    words = tagged_words(name)
    return bool(words) and words[-1][1] in ("d", "ad")


def _ends_with_a_doing_word(name: str) -> bool:
    """A name that ends with a one-character verb (机遇谋, 改革赋能促): what is done to projects.

    >>> _ends_with_a_doing_word("改革赋能促"), _ends_with_a_doing_word("城西停车场改造")
    (True, False)
    """
    words = tagged_words(name)
    return len(words) >= 2 and len(words[-1][0]) == 1 and words[-1][1] == "v"


def _sector_after_a_doing_word(name: str) -> bool:
    """紧盯产业, 开复工产业: one common noun after what is done to it (a verb, an adverb or the
    result word of a verb cut off by a boundary), so a sector, not a name."""
    words = tagged_words(name)
    *before, (last, tag) = words
    return (
        bool(before)
        and tag.startswith("n")
        and not tag.startswith(("nr", "ns", "nt", "nz"))
        and word_freq().get(last, 0) >= 1000
        and all(t.startswith(("a", "z", "v", "d")) and not t.startswith("vn") for _, t in before)
    )


YEAR_HEAD = re.compile(r"^(?:19|20)\d\d年度?")
"""The year a name begins with (2026年某某项目: that year's batch of one programme)."""
_PLAN_PERIOD_HEAD = re.compile(r"^“?十[一二三四五六七八九]五”?(?:时期|期间)?")


_NAMING_MARK = re.compile(r"[\d“”\"（）()A-Za-z一二三四五六七八九十百千万]")
_FACILITY = re.compile(r"中学|小学|学校|医院|中心|[园馆厂站场路桥库港楼城院所]")


_WORKS_TAIL = re.compile(r"(?:建设|新建|改扩建|扩建|迁建)?(?:工程项目|工程|项目)$")


def facility_of_works(name: str) -> str | None:
    """The facility a works is named by (某某机场建设项目 → 某某机场), which is also its name.

    >>> facility_of_works("凯南机场建设项目"), facility_of_works("百千万工程")
    ('凯南机场', None)
    >>> facility_of_works("滨江体育中心二期项目")
    '滨江体育中心二期'
    """
    bare = _WORKS_TAIL.sub("", name)
    if bare == name or len(bare) < 4:
        return None
    unphased = _PHASE.sub("", bare)  # 某某文体中心二期: the centre's second phase
    suffix = next((k for k in _project_suffix_table() if unphased.endswith(k)), None)
    facility = _FACILITY.search(unphased[-2:])
    if suffix is None and facility is None:
        return None
    head = unphased[: -len(suffix)] if suffix else unphased[: len(unphased) - 2 + facility.start()]
    return None if only_descriptors(head) else bare  # 产业博览园项目 names a kind, not a facility


def _ordinary_words(name: str, facilities_name: bool = True) -> bool:
    """Whether a name is made only of common words, with nothing that names one thing: no place,
    proper noun, rare character, number or quote (商贸流通, 社会发展及民生; not 莱茵衣藻, 年产10万吨).

    >>> _ordinary_words("商贸流通"), _ordinary_words("莱茵衣藻"), _ordinary_words("城西停车场")
    (True, False, False)
    """
    if _NAMING_MARK.search(name) or (facilities_name and _FACILITY.search(name)):
        return False  # 三供一业改造, 职业中学扩建, 算力中心: a formula or a facility names one
    freq = word_freq()
    return all(
        freq.get(w, 0) >= (5000 if len(w) == 1 else 20) and not t.startswith(("nr", "ns", "nz", "nt"))
        for w, t in tagged_words(name)
    )


_ZONE_HEAD = re.compile(  # 大冶湖高新区 + 四季度招商引资: whose projects, not which
    r"^[\u3400-\u9fff]{0,8}?(?:高新技术产业开发区|经济技术开发区|经济开发区|高新区|开发区|经开区|新区|园区|示范区|试验区|自贸区)"
)


def _with_inner_names(
    text: str, project: Mention, known: list[Mention], start: int, name: str, suffix_start: int
) -> Mention:
    """Remember the names a project is also called by: without its company, zone or place
    (某某有限公司年产…项目 → 年产…项目), and the quoted part of a campaign (“百日攻坚”行动 → 百日攻坚)."""
    head = max(  # the longest: 北京某某集团有限公司 + 某某产业园, not 北京 + 某某集团有限公司某某产业园
        (
            k
            for k in known
            if k.start == project.start and k.type in ("organization", "place") and k.end < suffix_start
        ),
        key=lambda k: k.end,
        default=None,
    )
    bare = text[head.end : suffix_start] if head is not None else ""
    if bare and not only_descriptors(bare) and not (len(tagged_words(bare)) == 1 and _ordinary_words(bare)):
        # 某公司 + 精密轴承生产项目 is the company's project by that name; 某公司 + 建设项目 names none
        project = replace(project, attrs=(*project.attrs, ("inner", text[head.end : project.end])))
    if text[start] in '“"' and len(name) >= 2:
        project = replace(project, attrs=(*project.attrs, ("inner", name)))
    quote = next((i for i in range(start + 1, suffix_start) if text[i] in '“"'), None)
    if quote is not None and text[start] not in '“"':  # 农村道路“单改双”工程 is also “单改双”工程
        quoted = name[quote - start :]
        inner = (("inner", quoted + text[suffix_start : project.end]), ("inner", quoted))
        project = replace(project, attrs=(*project.attrs, *inner))
    return project


_PLACE_LIKE_KINDS = ("park", "base", "facility", "cluster", "plant")
_WORKS = ("项目", "工程")


def _joined_with_coordinate(
    text: str, found: list[Mention], start: int, end: int, surface: str, suffix: Suffix
) -> Mention:
    """``某某产业园和算力中心项目``: a park and the works built with it make one project (both kept
    as aliases); two projects each with its own 项目 stay two."""
    kind = suffix.kind
    before = next((f for f in found if f.end == start - 1 and text[f.end] in "和及"), None)
    if before is None or before.attr("kind") not in _PLACE_LIKE_KINDS or suffix.suffix not in _WORKS:
        return Mention("project", surface, start, end, attrs=(("kind", kind),))
    found.remove(before)
    attrs = (("kind", kind), ("inner", before.text), ("inner", surface))
    return Mention("project", text[before.start : end], before.start, end, attrs=attrs)


_PHASE_TAIL = re.compile(
    r"[（(](?:[一二三四五六七八九十]|\d+)期(?:工程|项目)?[）)]|(?:[一二三四五六七八九十]|\d+)期(?:(?![\u3400-\u9fff])|(?=[等和及与]))"
    r"|[（(](?:19|20)\d\d年?[—–\-~～至](?:19|20)?\d\d年?[）)]"  # 某某三年行动计划(2026—2028年)
)


def _as_base_county(text: str, project: Mention) -> Mention:
    """``某某产业基地县``: a county or city named as a base of its industry; the designation is the name."""
    after = text[project.end : project.end + 2]
    if not project.text.endswith("基地") or after[:1] not in ("县", "市") or word_freq().get(after, 0) >= 50:
        return project
    attrs = (*project.attrs, ("inner", project.text))
    return Mention("project", project.text + after[0], project.start, project.end + 1, attrs=attrs)


def _with_phase_tail(text: str, project: Mention) -> Mention:
    """``某某产业园2期``, ``某某工程(一期)``, ``某某行动计划(2026—2028年)``: the phase or the years
    written after the name are part of it."""
    tail = _PHASE_TAIL.match(text, project.end)
    if tail is None:
        return project
    end = tail.end() + 2 if text.startswith("项目", tail.end()) else tail.end()  # 某某工程(二期)项目
    attrs = (*project.attrs, ("inner", project.text), ("inner", text[project.start : tail.end()]))
    return Mention("project", text[project.start : end], project.start, end, attrs=attrs)


def _with_investment(text: str, project: Mention) -> Mention:
    amount = investment_near(text, project.start, project.end)
    if amount is None:
        return project
    attrs = (*project.attrs, ("investment", amount))
    return Mention(project.type, project.text, project.start, project.end, attrs=attrs)


_NOT_AN_ORG_HEAD = ("v", "d", "ad", "p", "c", "u", "r", "t")  # 中车, 东方, 一重 may begin a company's name
_LEADING_NON_NAME = ("v", "d", "p", "c", "u", "r", "m", "t", "q", "f")


def _strip_leading_words(name: str, tags: tuple[str, ...] = _LEADING_NON_NAME) -> str:
    """Drop verbs, numbers, time words and pronouns before a name (已组建县医院 → 县医院)."""
    words = tagged_words(name)
    k = 0
    while (
        k < len(words)
        and words[k][1].startswith(tags)
        and not words[k][1].startswith("vn")
        and not Gazetteer.load().lookup(words[k][0])  # 大同 is a city, whatever its tag
        and not _begins_a_name(words, k)
    ):
        k += 1
    return "".join(w for w, _ in words[k:])


def _begins_a_name(words: tuple[tuple[str, str], ...], k: int) -> bool:
    """中 of 中睿无人机: a character that with the name-like character after it makes a firm's name."""
    return (
        len(words[k][0]) == 1
        and k + 1 < len(words)
        and len(words[k + 1][0]) == 1
        and words[k + 1][1].startswith(("nr", "nz", "ns", "ng", "j"))  # 合 of 合源锂创: 源 is no word alone
        or (
            len(words[k][0]) == 1
            and words[k][0] not in _DETERMINERS
            and k + 1 < len(words)
            and words[k + 1][0] in _ONE_CHARACTER_PLACE_ENDS
        )
        or _numeral_begins_a_brand(words, k)
        or _begins_a_feature_name(words, k)
    )  # 上 of 上村, 中 of 中大街: a village or street named by one character, not a word of position


@cache
def _one_character_features() -> frozenset[str]:
    """One-character suffixes of natural features in the place lexicon (岛, 湖, 溪, 山)."""
    kinds = ("water", "mountain")
    return frozenset(
        s.suffix for s in Lexicon.load().place_suffixes if len(s.suffix) == 1 and s.kind in kinds
    )


def _begins_a_feature_name(words: tuple[tuple[str, str], ...], k: int) -> bool:
    """明月 of 明月岛, 西 of 西苕溪: a word before a one-character feature, or a direction before a
    name the dictionary does not hold (two one-character nouns), names that feature.

    >>> from kg.words import tagged_words
    >>> [_begins_a_feature_name(tagged_words(name), 0) for name in ("明月岛冰雪大世界", "西苕溪流域")]
    [True, True]
    >>> _begins_a_feature_name(tagged_words("西部水厂"), 0)
    False
    """
    rest = words[k + 1 : k + 3]
    if rest and rest[0][0] in _one_character_features():
        return True
    return (
        words[k][1] == "f"
        and len(words[k][0]) == 1
        and len(rest) == 2
        and all(len(w) == 1 and t.startswith("n") for w, t in rest)
    )


def _numeral_begins_a_brand(words: tuple[tuple[str, str], ...], k: int) -> bool:
    """千 of 千禾, 万 of 万瑞丰: a numeral character that counts nothing begins a brand's name.

    >>> from kg.words import tagged_words
    >>> _numeral_begins_a_brand(tagged_words("千禾智慧农业产业园"), 0)
    True
    >>> _numeral_begins_a_brand(tagged_words("千亩茶园"), 0)
    False
    """
    word, tag = words[k]
    if word not in ("千", "万", "百") or k + 1 >= len(words):
        return False
    after, after_tag = words[k + 1]
    return not after_tag.startswith(("m", "q")) and after[0] not in _COUNTED_UNIT + "亩吨米"


_DETERMINERS = "全各本我该每此这那"  # 全村, 各村, 本村: which village, not its name
_ONE_CHARACTER_PLACE_ENDS = {"村", "庄", "屯", "寨", "堡", "街", "大街", "大道"}


_JOIN_BREAK = re.compile(r"[和及与、]|现场")  # 某某项目现场和某某项目: two projects
_BUILD_AFTER = re.compile(r"建设|建|改造|推进")
_PHASE = re.compile(r"(?:[一二三四五六七八九十]|\d+)期$")
_BUILD_WORK = re.compile(
    r"(?:建设|改建|扩建|改扩建|新建|改造|提升|升级|续建|扩区)$"
)  # 实训基地 + 建设项目: one project
# counts, areas and years before a name; a capacity (年产5000吨, 200万千瓦) is part of it
_COUNTED_CAMPAIGN = re.compile(r"[一二三四五六七八九十两]+大(?=[\u3400-\u9fff]{2})")
_QUANTITY = re.compile(
    r"^(?:[\d.]+|[一二三四五六七八九十两百千]+)[万亿千百]?(?:平方米|平米|亩|公里|个|项|家|座|条|批|年度|年(?!产))"
)


def _is_theme(name: str) -> bool:
    return ThemeVocabulary.load().preferred(name) is not None


def _strip_quantities(name: str) -> str:
    """``62个重大`` → ``重大``; ``2025年度山西省`` → ``山西省``."""
    while (cut := _QUANTITY.match(name)) or (name[:1].isdigit() and not _CAPACITY.match(name)):
        name = name[cut.end() :] if cut else name[1:]
    return name


_CAPACITY = re.compile(
    r"^[\d.]+[万亿千百]?(?:吨|千瓦|兆瓦|瓦|米|伏|千伏|立方米|标准箱|头|只|羽)|^\d+\+\d"
)  # 4+4科创工程


_NOT_A_PROJECT_HEAD = ("d", "p", "c", "u", "r", "m", "t", "q", "f")
_SCALE_HEAD = re.compile(r"[十百千万]+亿?级(?=[\u3400-\u9fff]{2})")


def _project_name(
    text: str, suffix_start: int, limit: int, floor: int, known: list[Mention], coordinated: bool = False
) -> tuple[int, str]:
    """Where a project's name starts and the name, read leftwards from its suffix; with
    ``coordinated`` (项目, 工程) a name joined by 及/和 to a phrase without a suffix of its own is read
    whole (蚕宝胶囊及茧生活体验馆项目)."""
    boundary = _PROJECT_BOUNDARY + ("和",)
    if suffix_start > 0 and text[suffix_start - 1] in '”"':
        open_at = max(text.rfind("“", 0, suffix_start - 1), text.rfind('"', 0, suffix_start - 1))
        if open_at >= 0 and suffix_start - open_at <= limit + 4:
            head = _words_before_quote(text, open_at, boundary, floor)
            return open_at - len(head), head + text[open_at + 1 : suffix_start - 1]
    start = _left_edge(text, suffix_start, boundary, limit + 2, floor, _word_in_project_name, any_inset=True)
    rebuilt = _facility_being_built(text, start, suffix_start, known)
    if rebuilt is not None:
        return rebuilt, text[rebuilt:suffix_start]
    if suffix_start - start > limit and not _real_edge(text, start, floor):  # stopped only at its limit
        start = _left_edge(text, suffix_start, boundary, limit, floor, _word_in_project_name, any_inset=True)
    second = suffix_start - start >= 2  # 招商引资和项目建设: no second name, nothing to join
    if (
        coordinated and second and start > floor + 2 and text[start - 1] in "及和"
    ):  # 蚕宝胶囊及茧生活体验馆项目
        first = _left_edge(text, start - 1, boundary, limit, floor, _word_in_project_name)
        if start - 1 - first >= 2 and not _project_regex().search(text, first, start - 1):
            start = first
    headed = False
    if suffix_start - start >= limit and not _real_edge(text, start, floor):
        reached = _reach_back_to_head(text, start, floor, known)  # 甘肃 + 电科院…研究基地: a long name
        start, headed = reached, reached != start
    inside_head = headed or any(
        k.start < start <= k.end and k.type in ("organization", "place") for k in known
    )
    if not inside_head and _cut_by_limit(text, start, suffix_start, limit, floor):
        return start, ""  # the name runs on past what a name can be: not read
    name = _strip_quantities(text[start:suffix_start])
    counted = _COUNTED_CAMPAIGN.match(name)  # 三大攻坚突破行动: the count is part of the name
    core = name[counted.end() :] if counted else name
    stripped = _strip_leading_verbs(_strip_quantities(_strip_leading_words(core, _NOT_A_PROJECT_HEAD)))
    if _SCALE_HEAD.match(core) and core.endswith(stripped):
        stripped = core  # 千亿级产业攻坚三年行动计划: the scale of the industries is part of the name
    if counted and stripped == core:
        stripped = name
    name = stripped or (name if re.fullmatch(r"[一二三四五六七八九十百千万]+", name) else "")  # 千万工程
    start = _with_leading_figure(text, start, suffix_start - len(name)) if name else suffix_start
    if start > 0 and text[start - 1] == "”":  # “一老一小”健康关爱行动
        open_at = text.rfind("“", max(0, start - 14), start - 1)
        if open_at >= 0:
            head = _words_before_quote(text, open_at, boundary, floor)
            return open_at - len(head), head + text[open_at + 1 : start - 1] + name
    if text[start : start + 1] in _FUNCTION_CHARACTERS and any(
        k.start == start + 1 and k.type == "place" for k in known
    ):
        start += 1  # 如 + 东阳某某项目: the word before the place that begins the name
    head = next((k for k in known if k.start < start <= k.end and k.type in ("organization", "place")), None)
    if head is not None and head.start >= floor:
        start = head.start
    if any(
        (k.start == start or not without_divisions(text[start : k.start], keep=0))  # 某县 + 某某有限公司项目
        and k.start >= start
        and k.end == suffix_start
        and k.attr("kind") == "enterprise"
        and _full_company(k.text)
        for k in known
    ):
        # 某某有限公司项目: the company's project, unnamed (某某处理中心项目, 某某光学项目 are named)
        return start, ""
    if suffix_start - start > 2 and text[start] in "及和与并或":
        start += 1  # 建设发展及涉农项目: the word that joins it to what comes before
    while start < suffix_start and text[start] in _NAME_DOTS:
        start += 1  # 某某创业园—某某学院整体搬迁项目: the dash after the park, which is a name of its own
    return start, text[start:suffix_start]


def _full_company(name: str) -> bool:
    """A company named in full (某某有限公司, 某某集团), not short by brand and trade (某某光学)."""
    return name.endswith(("公司", "集团", "厂"))


def _cut_words_only(text: str, a: int, b: int) -> bool:
    """Whether only one or two words of at most three characters were cut between a programme and
    the works named after it (西部 of 某某工程西部水厂建设项目)."""
    cut = text[a:b]
    return (
        0 < b - a <= 3
        and all(CJK.match(c) and c not in "的之在于为是" for c in cut)
        and not _JOIN_BREAK.search(cut)
    )


def _facility_being_built(text: str, start: int, suffix_start: int, known: list[Mention]) -> int | None:
    """Where a hospital's or school's building project starts (县人民医院新建项目): 新建 ends other
    names (新建项目 are new projects), but not one whose facility is named right before it."""
    works = 2 if text[suffix_start - 2 : suffix_start] == "工程" else 0  # 某某中学新建工程 + 项目
    built = suffix_start - works
    if start < built - 2 or text[built - 2 : built] not in _BUILT_ANEW:
        return None
    bodies = [k for k in known if k.type == "organization" and k.end == built - 2]
    body = next((k for k in bodies if k.attr("kind") in ("hospital", "school")), None)
    return None if body is None else body.start


_BUILT_ANEW = ("新建", "扩建", "改建", "迁建")


_QUOTE_HEAD_LIMIT = 8


def _words_before_quote(text: str, open_at: int, boundary: tuple[str, ...], floor: int) -> str:
    """The name words written before a quoted part of a name (农村道路 of 农村道路“单改双”工程, a firm
    of 某某“跑步鸡”养殖基地): nouns and names back to a boundary word or punctuation, never a verb.

    >>> _words_before_quote("加快推进农村道路“单改双”工程", 8, _PROJECT_BOUNDARY, 0)
    '农村道路'
    """
    if open_at <= floor or not CJK.match(text[open_at - 1]):
        return ""
    start = _left_edge(text, open_at, boundary, _QUOTE_HEAD_LIMIT, floor, _word_in_project_name)
    if open_at - start >= _QUOTE_HEAD_LIMIT and not _real_edge(text, start, floor):
        return ""  # the words run on past a name's head: a clause, not a name
    words = tagged_words(text[start:open_at])
    k = 0
    while (
        k < len(words)
        and words[k][1].startswith(_QUOTE_HEAD_SKIP)
        and not words[k][1].startswith("vn")
        and not _begins_a_name(words, k)  # 余 of 余村“某某”计划
    ):
        k += 1
    rest = words[k:]
    if (
        not rest
        or any(t.startswith(_NOT_IN_QUOTE_HEAD) and not t.startswith("vn") for _, t in rest)
        or not (rest[-1][1].startswith(("n", "j")) or rest[-1][0] in _ONE_CHARACTER_PLACE_ENDS)
    ):
        return ""
    head = "".join(w for w, _ in rest)
    verbs = Lexicon.load().generic.get("project_leading_verb", frozenset())
    if any(head.startswith(v) for v in verbs if len(v) >= 2):
        return ""  # 研究部署“某某”攻坚战, 建设“千亿级”产业集群: what is done to it
    if head[:1] in _DETERMINERS and head[1:2] in "省市州盟县区旗镇乡村":
        return ""  # 全村, 本镇: which place, not a name
    return head if len(head) >= 2 else ""


_NOT_IN_QUOTE_HEAD = ("v", "p", "c", "u", "d", "r", "ad")


_QUOTE_HEAD_SKIP = ("v", "d", "p", "c", "u", "r", "t", "f", "m")


_LEADING_FIGURE = re.compile(
    r"(?<![\d.])(?:(?:19|20)\d\d年度?(?![\d产])|[\d.]*\d[万亿千]?(?=([\u3400-\u9fffA-Za-z])))"
)
_SPOKEN_CAPACITY = re.compile(r"[一二三四五六七八九十两百千]+[万亿]+(?:吨|千瓦|兆瓦|立方米|标准箱|头|只|羽)")
_COUNTED_UNIT = "个项家座条批处所件栋间宗亩平公元年月日天周次名人户位余多倍期号"


def _with_leading_figure(text: str, scan_start: int, start: int) -> int:
    """A name's start with the figure printed before it, when the figure is part of the name: the year
    of a dated programme (2026年高标准农田项目) or a quantity counted in the product's own measure word
    (2000万袋香菇加工项目); counts, areas, sums and dates (31个, 5000亩, 5亿元) are not."""
    spoken = _SPOKEN_CAPACITY.search(text, max(scan_start, start - 8), start + 1)
    if spoken and spoken.end() in (start, start + 1):
        return spoken.start()  # 百万吨 + 绿色铸造产业基地
    for m in _LEADING_FIGURE.finditer(text, scan_start, start + 1):
        unit = m.group(1)
        if unit is None and m.end() == start:
            return m.start()  # 2026年 + 高标准农田项目
        if unit is not None and m.end() in (start, start - 1) and unit not in _COUNTED_UNIT:
            return m.start() if text[m.end()] != "年" else start
    return start


_MODALS = {"可", "能", "要", "将", "应", "需", "须", "会"}


def _before_a_verb(words: tuple[tuple[str, str], ...], k: int, verbs: frozenset[str]) -> bool:
    """可, 进一步 of 可进一步壮大: modal words and adverbs leading to a verb of doing."""
    j = k
    while j < len(words) - 1 and (words[j][0] in _MODALS or words[j][1] == "d"):
        j += 1
    return j > k and j < len(words) - 1 and words[j][0] in verbs


def _only_doing_words(name: str) -> bool:
    """Whether a name is made only of verbs of doing (充分认识, 加快推进).

    >>> _only_doing_words("充分认识"), _only_doing_words("农业品牌")
    (True, False)
    """
    verbs = Lexicon.load().generic.get("project_leading_verb", frozenset())
    return all(w in verbs for w, _ in tagged_words(name))


def _strip_leading_verbs(name: str) -> str:
    """Drop the verbs of doing that stand before a project's name (共建创新药物中试平台 → 创新药物中试平台).

    >>> _strip_leading_verbs("加快建设智慧果园示范基地"), _strip_leading_verbs("建设项目")
    ('智慧果园示范基地', '建设项目')
    """
    verbs = Lexicon.load().generic.get("project_leading_verb", frozenset())
    words = tagged_words(name)
    k = 0
    while k < len(words) - 1:
        if k < len(words) - 2 and words[k][0] + words[k + 1][0] in verbs:
            k += 2  # 全面 + 提速: a verb the dictionary cuts in two
        elif words[k][0] in verbs or _before_a_verb(words, k, verbs):
            k += 1
        else:
            break
    rest = "".join(w for w, _ in words[k:])
    return rest if len(rest) >= 2 else name


def _reach_back_to_head(text: str, start: int, floor: int, known: list[Mention]) -> int:
    """A name cut by its length limit a few characters after a place or body begins with that head."""
    for k in known:
        near = k.type in ("organization", "place") and floor <= k.start and 0 <= start - k.end <= 3
        between = text[k.end : start + 2]  # 某镇 + 调研 + 乡村振兴…: a visit between, no head of the name
        if (
            near
            and all(CJK.match(c) for c in text[k.end : start])
            and not alternation(_PROJECT_BOUNDARY).search(between)
        ):
            return k.start
    return start


def _cut_by_limit(text: str, start: int, end: int, limit: int, floor: int) -> bool:
    """Whether the scan for a name's start stopped only because it reached ``limit`` characters."""
    before = text[start - 1 : start]
    return (
        end - start >= limit
        and start > floor
        and bool(CJK.match(before))
        and not _ends_with_boundary(text, start)
    )


def _real_edge(text: str, start: int, floor: int) -> bool:
    """Whether a name starting at ``start`` begins after a mention, punctuation or a boundary word."""
    return start == floor or not CJK.match(text[start - 1 : start] or " ") or _ends_with_boundary(text, start)


def _ends_with_boundary(text: str, start: int) -> bool:
    return _boundary_at_end().search(text, max(0, start - 6), start) is not None


@cache
def _boundary_at_end() -> re.Pattern[str]:
    return re.compile("(?:" + alternation(_PROJECT_BOUNDARY).pattern + ")$")


@cache
def _descriptors() -> tuple[frozenset[str], int]:
    words = Lexicon.load().generic.get("project_descriptor", frozenset())
    return words, max(map(len, words), default=0)


def only_descriptors(name: str) -> bool:
    """Whether a name says only what sort of project it is: its rank, stage, sector or season.

    >>> only_descriptors("先进制造业重大"), only_descriptors("主会场"), only_descriptors("莱茵衣藻")
    (True, True, False)
    >>> only_descriptors("2025年"), only_descriptors("超10亿元"), only_descriptors("")
    (True, True, False)
    """
    words, longest = _descriptors()
    given = name
    name = re.sub(r"(?:19|20)\d\d年度?", "", name)  # 2020年一季度招商引资: a date is no name either
    name = re.sub(r"超?[\d.]+[万亿]?元(?:以上|以下)?", "", name)  # 超10亿元: nor is an amount
    name = re.sub(r"第[一二三四五六七八九十\d]+(?:次|批|季度)", "", name)  # 第一次重大: an ordinal neither
    name = re.sub(r"^[“\"]?\d+[”\"]?(?=[\u3400-\u9fff])", "", name)  # “122”重特大: a formula's figures
    covered = [True] + [False] * len(name)  # covered[i]: name[:i] is a run of descriptor words
    for i in range(1, len(name) + 1):
        covered[i] = any(covered[i - n] and name[i - n : i] in words for n in range(1, min(longest, i) + 1))
    return bool(given) and covered[-1]


_NO_NAME_MARK = re.compile(r"[了着们吗呢吧，。这已]|情况")  # 种业发展情况及…项目: a report, not a name


def _vague(name: str, lex: Lexicon, suffix: str = "") -> bool:
    """Names that name nothing: 实际行动, 伟大工程, 两个项目, 十大 of 十大行动 (a numbered formula)."""
    modifiers = lex.generic.get("modifier", frozenset())
    if (
        name in modifiers
        or re.fullmatch(r"[\d一二三四五六七八九十百千万亿余多个项批]+", name)
        and (re.search(r"[\d个项批余多]", name) or suffix not in ("工程", "行动", "计划"))
    ):
        return True
    if re.search(r"(?:[\d一二三四五六七八九十两几多]+[个项批家座大]?|[个项批类])$", name) or name in (
        "方面",
    ):
        return True
    if _CAPACITY.fullmatch(name.removeprefix("年产")):  # 年产4000吨项目: a size, no name
        return True
    if re.match(r"处|[\u3400-\u9fff]*\d+处", name):
        return True  # 某某2处大型泵站, 4处城区排涝泵站: a count of works, each named before it
    words = tagged_words(name)
    if len(words) == 1 and words[0][1].startswith(("a", "b", "d", "v")) and not words[0][1].startswith("vn"):
        return True
    if suffix == "项目" and (
        all(tag.startswith(("v", "d", "ad", "z")) and not tag.startswith("vn") for _, tag in words)
        or Gazetteer.load().lookup(name)
    ):
        return True  # 仔细询问项目, 紧盯项目, 景县项目: what is done to a project, or whose it is
    return bool(_NO_NAME_MARK.search(name))


_STUDIED_MEETING = re.compile(
    r"(?:第[一二三四五六七八九十]{1,3}次|[一二三四五六七八九十]{1,3}届(?=中央))?"  # 二十届中央纪委五次全会
    r"(?:中央|全国|国务院|中共中央|全省|全市|全州|全县|全区|(?:省|市|州|县|区|自治区)(?:委|政府|人大|政协)?)"
    r"[\u3400-\u9fff]{0,14}?(?:第[一二三四五六七八九十]{1,3}次)?(?:[（(]扩大[）)])?"  # 全体(扩大)会议
    r"(?:工作座谈会|工作会议|会议|全会|党代会)"
    r"(?=(?:上的(?:重要)?讲话)?精神|(?:上的)?(?:安排|决策)?部署|[和、及暨][^，。；]{2,80}?(?:会议|全会)精神)"
)
_MEETING_DAY = r"\d{1,2}月\d{1,2}日"  # 在2月19日某某会议上: the day it met, no part of its name
_MEETING_NAME = rf"(?:{_MEETING_DAY})?[\u3400-\u9fff][\u3400-\u9fff\d]{{1,20}}?(?:座谈会|工作会议|会议|大会)"
_SPEECH_AT_MEETING = re.compile(  # 总书记在甲会议、乙大会上的重要讲话: each meeting where he spoke
    rf"总书记在((?:{_MEETING_NAME}、)*{_MEETING_NAME})上(?:的|发表的)(?:重要)?讲话"
)


_LEADER_SPEECH = re.compile(
    r"习近平总书记(?:来[\u3400-\u9fff]{1,3}(?:考察|视察)|(?:考察|视察)[\u3400-\u9fff]{2,8}?"
    r"|在[\u3400-\u9fff]{2,8}?(?:考察|视察|调研)|对[\u3400-\u9fff]{2,5}?(?=重要讲话))(?:时)?(?:的)?"
    r"(?:重要讲话(?:和?(?:重要)?指示(?:批示)?)?|重要指示(?:批示)?)精神"
)


def leader_speeches(text: str) -> list[Mention]:
    """The leader's speeches whose spirit is studied (习近平总书记考察某省重要讲话重要指示精神).

    >>> [m.text for m in leader_speeches("深入学习贯彻习近平总书记考察湖南重要讲话精神")]
    ['习近平总书记考察湖南重要讲话精神']
    >>> [m.text for m in leader_speeches("贯彻习近平总书记在江西考察时的重要讲话和重要指示精神")]
    ['习近平总书记在江西考察时的重要讲话和重要指示精神']
    """
    return [
        Mention("theme", m.group(0), m.start(), m.end(), attrs=(("kind", "speech"),))
        for m in _LEADER_SPEECH.finditer(text)
    ]


def studied_meetings(text: str) -> list[Mention]:
    """Meetings whose spirit is studied (传达学习中央民族工作会议精神).

    >>> [m.text for m in studied_meetings("会议传达学习了中央民族工作会议精神和省委农村工作会议精神")]
    ['中央民族工作会议', '省委农村工作会议']
    """
    out = []
    for m in _SPEECH_AT_MEETING.finditer(text):
        start = m.start(1)
        for item in m.group(1).split("、"):
            name = re.sub(f"^{_MEETING_DAY}", "", item)
            begin = start + len(item) - len(name)
            out.append(Mention("theme", name, begin, begin + len(name), attrs=(("kind", "meeting"),)))
            start += len(item) + 1
    for m in guarded(_STUDIED_MEETING).finditer(text):
        if any(o.start <= m.start() < o.end for o in out):
            continue
        begin = _with_place_before(text, m.start())
        surface = text[begin : m.end()]
        routine = re.fullmatch(r".{0,4}(?:常委会会议|有关会议|相关会议|党组会议)", surface)
        vague = re.search(r"[的了和及与、在要把将等各们]|上下|有关|传达|学习|贯彻", surface) or (
            _PLENUM_WITHOUT_TERM.fullmatch(surface)
        )  # 学习贯彻全会, 省委全会: a plenum named by no term (annotated in none of six articles)
        if len(surface) >= 5 and not routine and not vague:
            out += _joint_meetings(surface, begin)
    return out


_PLENUM_WITHOUT_TERM = re.compile(r"[^届次]*全会")
_MEETING_BODY = re.compile(r"(?:中央|全国|国务院|中共|全?[省市州县区])")


def _joint_meetings(surface: str, begin: int) -> list[Mention]:
    """A meeting held with another (甲全会暨乙会议) is each meeting that names its body; the second
    without one (某某全会暨经济工作会议) is only the first's session, and a plenum named by no term
    (县委全会) is none.

    >>> [m.text for m in _joint_meetings("市委十二届八次全会暨经济工作会议", 0)]
    ['市委十二届八次全会']
    >>> [m.text for m in _joint_meetings("县委全会暨县委经济工作会议", 3)]
    ['县委经济工作会议']
    """
    out, start = [], begin
    for k, part in enumerate(surface.split("暨")):
        if (k == 0 or _MEETING_BODY.match(part)) and not _PLENUM_WITHOUT_TERM.fullmatch(part):
            out.append(Mention("theme", part, start, start + len(part), attrs=(("kind", "meeting"),)))
        start += len(part) + 1
    return out


def _with_place_before(text: str, start: int) -> int:
    """Where a meeting's name begins when the name of its province or city stands before the 省 or
    市 it was read from (云南 + 省领导干部会议).

    >>> _with_place_before("落实浙江省领导干部会议精神", 4)
    2
    """
    if text[start : start + 1] not in ("省", "市", "州", "县", "区"):
        return start
    for k in (2, 3, 4):
        if k <= start and Gazetteer.load().lookup(text[start - k : start + 1]):
            return start - k
    return start


def find_theme_patterns(text: str) -> list[Mention]:
    """Plan periods (十四五) and named meetings (党的二十届四中全会) by pattern."""
    out = [
        Mention("theme", m.group(1), m.start(1), m.end(1), attrs=(("kind", "period"),))
        for m in guarded(_PERIOD).finditer(text)
    ]
    out += studied_meetings(text) + leader_speeches(text)
    for m in guarded(_MEETING).finditer(text):
        if text.startswith("以来", m.end()):  # 党的十八大以来: a time, not a meeting studied
            continue
        surface = m.group(0).replace("“", "").replace("”", "")
        if surface.endswith("大") and not surface.startswith(("党的", "中共")):
            continue
        start = _with_its_place(text, m.start()) if surface[1:2] == "委" else m.start()
        surface = text[start : m.start()] + surface  # 徐闻 + 县委十四届六次全会
        out.append(Mention("theme", surface, start, m.end(), attrs=(("kind", "meeting"),)))
    return [_with_party_name(text, m) for m in out]


def _with_its_place(text: str, start: int) -> int:
    """Where a local committee's name begins when its place is written before its level
    (徐闻 + 县委十四届六次全会).

    >>> _with_its_place("中共徐闻县委十四届六次全会", 4)
    2
    """
    window = max(0, start - 10)
    ends = [
        p.start + window for p in gazetteer_places(text[window : start + 1]) if p.end + window == start + 1
    ]
    return min(ends, default=start)


def _with_party_name(text: str, meeting: Mention) -> Mention:
    """A local plenum written after 中共 (中共某某区委十三届七次全会) is also known by that name.

    >>> plenum = Mention("theme", "某区委三届七次全会", 4, 13)
    >>> _with_party_name("学习中共某区委三届七次全会精神", plenum).attrs
    (('inner', '中共某区委三届七次全会'),)
    """
    if (meeting.attr("kind") or "meeting") != "meeting" or text[meeting.start - 2 : meeting.start] != "中共":
        return meeting
    return replace(meeting, attrs=(*meeting.attrs, ("inner", "中共" + meeting.text)))
