"""Policy themes in a sentence: the curated vocabulary, numbered formulas, plan periods,
named meetings, quoted parallel slogans and place slogans (平安长治).

>>> found = find_themes("增强“四个意识”，推动高质量发展，科学编制“十五五”规划。")
>>> [theme_name(m) for m in found]
['四个意识', '高质量发展', '十五五']
>>> [theme_name(m) for m in find_themes("坚持“生态优先、绿色发展”，建设平安湖州，学习二十届四中全会精神。")]
['生态优先、绿色发展', '平安湖州', '党的二十届四中全会']
"""

from __future__ import annotations

import re
from functools import cache

import ahocorasick

from kg.lexicon import Lexicon, data_words
from kg.model import Mention
from kg.places import gazetteer_places, names_a_province
from kg.themes import ThemeVocabulary, counts_things, formula_idiom, numbered_formulas
from kg.things import CENTRAL_COMMITTEE, PLENUM_OF, find_theme_patterns

_QUOTED = re.compile(r"[“\"‘]([^“”\"‘’]{3,40})[”\"’]")
_QUOTE_RUN = re.compile(r"^(?:[“\"‘][^“”\"‘’]{1,40}[”\"’]|[、和])*")
_PARALLEL = re.compile(r"[、+＋]")
_SLOGAN_CONTEXT = re.compile(
    r"^(?:战略|理念|目标|定位|思路|要求|发展格局|格局|工作法|发展模式|模式|体系|路径|品牌|精神|方针|原则|举措|部署|建设"
    r"|的(?:[\u3400-\u9fff]{2})?(?:战略|理念|目标|思路|要求|原则|方针|精神))"  # “甲、乙”的服务理念
)
_PRINCIPLE_BEFORE = re.compile(r"(?:坚持|践行|秉持|秉承|树牢|弘扬|牢记|遵循|坚守)$")  # 坚持“文旅兴镇”
_THEME_HEADS = (  # a quoted phrase ending so names a policy idea: “通道经济”, “寿光模式”, “皖北振兴”
    "经济",
    "模式",
    "经验",
    "振兴",
    "开放",
    "融合",
    "治理",
    "发展",
    "共富",
    "先行区",
    "示范区",
    "总目标",
    "方略",
    "服务圈",
    "生活圈",
    "一体化",
)
_PLACE_MODEL = re.compile(r"模式|经验|样板|实践|方案|路径|新篇章|新篇|篇章|答卷")
_MODERNISATION = "中国式现代化"
_PLACE_SLOGAN_HEAD = re.compile(
    r"(?:平安|法治|健康|美丽|幸福|数字|智慧|文明|绿色|活力|宜居|人文|清廉|书香|和美|美丽幸福|现代化)$"
)
_MEETING_NAME = re.compile(
    r"^(?:党的|中共)?((?:[一二三四五六七八九十]{1,3}|二十)(?:届[一二三四五六七八九十]{1,3}中全会|大))$"
)


_FULL_PLENUM = re.compile(f"^{CENTRAL_COMMITTEE}{PLENUM_OF}$")
_NUMERAL = "[一二三四五六七八九十两百千万]"
_FORMULA_SHAPE = re.compile(
    f"^{_NUMERAL}个[\u3400-\u9fff]{{2,4}}$|^(?:{_NUMERAL}[\u3400-\u9fff]{{1,3}}){{2,}}$"
)


def _quoted(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] in '“"‘' and text[end : end + 1] in ("”", '"', "’")


def theme_name(m: Mention) -> str:
    """The canonical short form of a theme mention (preferred label, meeting name without 精神)."""
    return canonical_theme(m.attr("preferred") or m.text)


def canonical_theme(surface: str) -> str:
    """``二十届四中全会精神`` → ``党的二十届四中全会``; ``市“两会”`` → ``两会``; the plenum's full
    name → its short form.

    >>> canonical_theme("党的二十届四中全会精神"), canonical_theme("市两会"), canonical_theme("中共二十大")
    ('党的二十届四中全会', '两会', '党的二十大')
    >>> canonical_theme("中国共产党第十九届中央委员会第六次全体会议精神")
    '党的十九届六中全会'
    """
    text = surface.replace("“", "").replace("”", "")
    text = re.sub(r"精神$", "", text)
    text = re.sub(r"(?<=会)会议$", "", text)  # 民主生活会会议: the meeting is 民主生活会
    m = _MEETING_NAME.match(text)
    if m:
        return "党的" + m.group(1)
    if re.fullmatch(r"[省市县区]两会", text):
        return "两会"
    plenum = _FULL_PLENUM.match(text)
    if plenum:
        return f"党的{plenum.group(1)}届{plenum.group(2)}中全会"
    if text.startswith("中国共产党") and text.endswith("代表大会"):
        return "中共" + text[len("中国共产党") :]  # 中国共产党某市第N次代表大会 = 中共某市第N次代表大会
    return text


@cache
def _vocabulary_automaton() -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for surface, preferred in ThemeVocabulary.load().labels():
        automaton.add_word(surface, (surface, preferred))
    automaton.make_automaton()
    return automaton


def _counted_formula(content: str, after: str) -> bool:
    """A quoted count of things (“四大重点板块”, “十大行动”): a numbered formula, a theme, unless it
    counts people honoured (“十大杰出青年”), a word after it says it is an activity (“三个一”工程) or
    words between the count and the campaign word name the work (“五大示范工程”)."""
    campaign = _CAMPAIGN_NAME.search(content)
    if campaign and not re.fullmatch(f"{_NUMERAL}+[个大项]", content[: campaign.start()]):
        return False
    return bool(_COUNTED_NAME.fullmatch(content)) and not (
        re.search("杰出|优秀|先进", content) or _CAMPAIGN_AFTER.match(after) or counts_things(content)
    )


_COUNTED_NAME = re.compile(  # 三件大事, 五朵金花; 五无甘南, 十有家园, 四好农村路: goals counted
    f"{_NUMERAL}[个大件项条种类支朵座批][\u3400-\u9fff]{{2,6}}|{_NUMERAL}[无有好美强][\u3400-\u9fff]{{2,4}}"
)


def quoted_slogans(text: str) -> list[Mention]:
    """Quoted slogans: parallel phrases (“生态优先、绿色发展”, “科技+产业”) or a quote named as a
    strategy, goal or model (“融湾融深”战略)."""
    out = []
    for m in _QUOTED.finditer(text):
        content = m.group(1)
        if _DIGIT_FORMULA.fullmatch(content) and not re.match(r"(?:项目|工程)", text[m.end() : m.end() + 2]):
            head = _FORMULA_HEAD.match(text, m.end())  # “211”工作机制 is also 211工作机制
            named = (("inner", content + head.group(0)),) if head else ()
            out.append(Mention("theme", content, m.start(1), m.end(1), attrs=(("kind", "formula"), *named)))
            continue  # “3510”总体工作布局, “1+5+N”: a formula written in figures
        if _parallel_clauses(content):  # “比学赶超抓项目，凝心聚力谋发展”
            out.append(Mention("theme", content, m.start(1), m.end(1), attrs=(("kind", "slogan"),)))
            continue
        if formula_idiom(content):
            continue  # “一盘棋”思想: an idiom, no slogan
        if re.search(r"[，。！？：；,]", content) or content[0] in "、+＋" or content[-1] in "、+＋":
            continue  # "甲"、"乙": the quotes of two names, not one
        parts = [p for p in _PARALLEL.split(content) if p]
        parallel = _PARALLEL.search(content) and all(1 <= len(p) <= 10 for p in parts)
        if "、" in content and re.search(r"\d", content):
            parallel = False  # “跨入全省20强、接近全国百强县门槛”: a target, not a slogan
        if "+" in content or "＋" in content:
            actors = Lexicon.load().generic.get("actor", frozenset())
            parallel = parallel and not all(p in actors for p in parts)  # 交警+城管+街道: who, not what
            parallel = parallel and all(len(p) <= 3 for p in parts)  # 党建+服务; no 源头治理+过程管控
        headed = 3 <= len(content) <= 12 and any(  # “示范区” alone: the head word, no idea named
            content.endswith(h) and len(content) > len(h) for h in _THEME_HEADS
        )
        held = 3 <= len(content) <= 12 and _PRINCIPLE_BEFORE.search(text[max(0, m.start() - 3) : m.start()])
        after = _QUOTE_RUN.sub("", text[m.end() : m.end() + 40])  # “甲”“乙”要求: look past the run
        named = _SLOGAN_CONTEXT.match(after) and (
            2 <= len(content) <= 12 or (parallel and len(content) <= 30 and len({len(p) for p in parts}) == 1)
        )  # “甲甲、乙乙、丙丙、丁丁”的思路: a long run of phrases of one length
        numbered = _counted_formula(content, after)
        if _parallel_campaign(content, after) or (_CAMPAIGN_NAME.search(content) and not numbered):
            continue  # an activity or a programme: a project (quoted_campaigns)
        if (
            parallel
            and len(parts) >= 3
            and not re.search(_NUMERAL, content)
            and not (named or headed or held or _sector_slogans_only(parts))
        ):
            parallel = False  # “全域治理、流域治理、系统治理”: a run of three or more without a count
        if parallel or named or headed or held or numbered:  # “三件大事”, “四大支柱产业”
            out.append(Mention("theme", content, m.start(1), m.end(1), attrs=(("kind", "slogan"),)))
    return out


def _sector_slogans_only(parts: list[str]) -> bool:
    """Whether each phrase is a slogan naming what a place grows strong by (工业立市、产业强市、以港兴市).

    >>> [_sector_slogans_only(p) for p in (["工业立市", "以港兴市"], ["全域治理", "系统治理"])]
    [True, False]
    """
    return all(any(m.end == len(p) and m.start <= 1 for m in sector_slogans(p)) for p in parts)


_FORMULA_HEAD = re.compile(
    r"(?:总体)?工作(?:机制|布局|法)|(?:发展)?(?:思路|战略|格局)|(?:现代化)?产业(?:体系|格局)|机制"
)
_DIGIT_FORMULA = re.compile(r"(?!(?:19|20)\d\d$)[\d+＋N]{3,9}")  # not a year (“2025”)


def _parallel_clauses(content: str) -> bool:
    """Clauses of one length (4–8 characters) joined by commas: a slogan in couplet form.

    >>> _parallel_clauses("决战四季度，冲刺全年红"), _parallel_clauses("这是我们村最好的房子，谢谢")
    (True, False)
    """
    parts = re.split("[，,]", content)
    return (
        2 <= len(parts) <= 4
        and len({len(p) for p in parts}) == 1
        and 4 <= len(parts[0]) <= 8
        and not re.search(r"[。！？：；、\d]", content)
    )


_CAMPAIGN_BEFORE = re.compile(r"(?:开展|启动|实施|推行|推出|打造|落实|创新|探索|建立|实行|深化|举办|发起)$")
_CAMPAIGN_AFTER = re.compile(
    r"^(?:主题[\u3400-\u9fff]{0,4}?活动|行动|活动|机制|服务|便民服务|工程|改革|试点|工作队|专项行动|品牌)"
)
_ACTIVITY_AFTER = re.compile(r"^(?:主题[\u3400-\u9fff]{0,4}?活动|活动|行动|专项行动)")
_NAMED_THING_AFTER = re.compile(
    r"[\u3400-\u9fff]{0,4}?(?:示范区|示范片|示范点|示范基地|基地|产业园|园区|党支部|支部|合作社)"
)
_CAMPAIGN_NAME = re.compile(
    r"(?:工程|行动|项目年|建设年|提升年|攻坚年|巩固年|突破年|落实年|深化年|推进年)$"
)  # “五大示范工程”, “项目年”


def quoted_campaigns(text: str) -> list[Mention]:
    """Named campaigns and programmes in quotes (启动“空间革命”, 开展“你送我检”便民服务): projects,
    when a verb launches them or a word says what they are, and they are no slogan or theme.

    >>> [m.text for m in quoted_campaigns("启动“清风护苗”行动，他是手中的“定海神针”。")]
    ['清风护苗行动']
    """
    out = []
    for m in _QUOTED.finditer(text):
        content = m.group(1)
        after = text[m.end() : m.end() + 10]
        if _parallel_campaign(content, after):  # “群众问题、委员解题”主题履职活动
            out.append(_campaign(text, m))
            continue
        longest = 12 if _CAMPAIGN_NAME.search(content) else 8  # “服务企业效能提升突破年”
        if not 2 <= len(content) <= longest or re.search(r"[，。！？：；,、+＋\d]", content):
            continue
        if content.endswith(_THEME_HEADS) or ThemeVocabulary.load().preferred(content) is not None:
            continue
        if content.endswith("式"):
            continue  # “保姆式”服务, “一站式”: a manner of working, no campaign
        if Lexicon.load().is_generic("project", content):
            continue  # 推进“头号工程”: what the work is to the place, no name of its own
        if _counted_formula(content, _QUOTE_RUN.sub("", text[m.end() : m.end() + 40])):
            continue  # “六个典范”: a numbered formula (quoted_slogans)
        named = _CAMPAIGN_NAME.search(content)
        if (_SLOGAN_CONTEXT.match(after) and not named) or (len(content) < 3 and not named):
            continue
        launched = _CAMPAIGN_BEFORE.search(text[max(0, m.start() - 3) : m.start()])
        if launched or _CAMPAIGN_AFTER.match(after) or named:
            out.append(_campaign(text, m))
    return out


_CAMPAIGN_WORD = re.compile(r"专项行动|行动|工程|活动|计划")


def _campaign(text: str, quote: re.Match[str]) -> Mention:
    """A quoted campaign, named with the word that says what it is when one follows (“四个一”工程 is
    四个一工程, also 四个一).

    >>> text = "实施“四个一”工程"
    >>> m = _campaign(text, next(_QUOTED.finditer(text)))
    >>> m.text, m.attrs
    ('四个一工程', (('kind', 'campaign'), ('inner', '四个一')))
    """
    content = quote.group(1)
    word = _CAMPAIGN_WORD.match(text, quote.end())
    if word is None or content.endswith(word.group(0)):
        return Mention("project", content, quote.start(1), quote.end(1), attrs=(("kind", "campaign"),))
    attrs = (("kind", "campaign"), ("inner", content))
    return Mention("project", content + word.group(0), quote.start(1), word.end(), attrs=attrs)


def _parallel_campaign(content: str, after: str) -> bool:
    """Parallel phrases in quotes that name an activity carried out (“大学习、大讨论”活动)."""
    parts = content.split("、")
    return len(parts) >= 2 and all(2 <= len(p) <= 8 for p in parts) and bool(_ACTIVITY_AFTER.match(after))


_QUOTED_ITEMS_HEAD = re.compile(r"((?:“[\u3400-\u9fff]{1,6}”、?){2,6})([\u3400-\u9fff]{2,4})")
_QUOTED_ITEM = re.compile(r"“([\u3400-\u9fff]{1,6})”")


def quoted_items_sharing_a_head(text: str) -> list[Mention]:
    """Quoted items written before the word they share, each a theme of the vocabulary with it
    (打赢“蓝天”“碧水”保卫战: 蓝天保卫战, 碧水保卫战); each mention is its quoted item, with the
    theme's preferred label.

    >>> found = quoted_items_sharing_a_head("坚决打赢“蓝天”“净土”保卫战")
    >>> [(m.text, dict(m.attrs)["preferred"]) for m in found]
    [('蓝天', '蓝天保卫战'), ('净土', '净土保卫战')]
    """
    out: list[Mention] = []
    if "”“" not in text and "”、“" not in text:
        return out
    vocabulary = ThemeVocabulary.load()
    for m in _QUOTED_ITEMS_HEAD.finditer(text):
        head = m.group(2)
        for k in range(len(head), 1, -1):
            items = [
                (q, vocabulary.preferred(q.group(1) + head[:k]))
                for q in _QUOTED_ITEM.finditer(text, m.start(1), m.end(1))
            ]
            if all(label for _, label in items):
                out += [
                    Mention("theme", q.group(1), q.start(1), q.end(1), attrs=(("preferred", label),))
                    for q, label in items
                ]
                break
    return out


def place_slogans(text: str) -> list[Mention]:
    """Local slogans made of a quality and a place (平安长治, 美丽幸福吕梁) or of a place and a model
    (寿光模式, 中国式现代化新疆实践, 中国式现代化山西篇章).

    >>> [m.text for m in place_slogans("奋力谱写中国式现代化山西篇章和中国式现代化晋中新篇章")]
    ['中国式现代化山西篇章']
    """
    out = []
    for place in gazetteer_places(text):
        model = _PLACE_MODEL.match(text, place.end)
        following = text[model.end() : model.end() + 1] if model else ""
        led = text[max(0, place.start - len(_MODERNISATION)) : place.start] == _MODERNISATION
        if model and (not re.match(r"[\u3400-\u9fff]", following or " ") or following == "的" or led):
            start = place.start - len(_MODERNISATION) if led else place.start
            chapter = model.group(0).startswith(("篇", "新篇", "答"))
            if (chapter or led) and not (led and names_a_province(place.text)):
                continue  # 中国式现代化 + a province's 篇章 or 实践 is a slogan; a city's or county's is not
            surface = text[start : model.end()]
            out.append(Mention("theme", surface, start, model.end(), attrs=(("kind", "place"),)))
            continue
        head = _PLACE_SLOGAN_HEAD.search(text[max(0, place.start - 4) : place.start])
        after = text[place.end : place.end + 2]
        if head and (not re.match(r"[\u3400-\u9fff]", after[:1] or " ") or after in ("建设", "创建", "行动")):
            start = place.start - len(head.group(0))
            out.append(
                Mention("theme", text[start : place.end], start, place.end, attrs=(("kind", "place"),))
            )
    return out


_MODERN_GOAL = re.compile(  # 新时代现代化强县, 现代化滨海大都市: the goal a county or city sets itself
    r"(?:新时代)?(?:社会主义)?现代化[\u3400-\u9fff]{0,6}?(?:强县|强市|强省|强区|强旗|大都市|国际化城市)"
)
_CHUNK = re.compile(r"[\u3400-\u9fff、]+")


@cache
def _sector_slogan() -> re.Pattern[str]:
    sectors = Lexicon.load().generic.get("slogan_sector", frozenset())
    alternatives = "|".join(sorted(sectors, key=len, reverse=True))
    return re.compile(
        f"(?:{alternatives}|以[\u3400-\u9fff])[强兴立富活美惠][国省市县区州镇乡村旗]"
    )  # 以港兴市


@cache
def _cooperation() -> re.Pattern[str]:
    abbreviations = "".join(data_words("province_abbreviations.txt"))
    return re.compile(f"[{abbreviations}]{{2}}(?:对口)?(?:协作|合作)")


def regional_cooperation(text: str) -> list[Mention]:
    """The cooperation of two provinces named by their abbreviations (闽宁协作, 深化粤桂协作): a theme.

    >>> [m.text for m in regional_cooperation("深化闽宁协作，推进沪滇合作，加强项目合作。")]
    ['闽宁协作', '沪滇合作']
    """
    out: list[Mention] = []
    if "协作" not in text and "合作" not in text:
        return out
    for m in _cooperation().finditer(text):
        pair = m.group(0)[:2]
        if pair[0] != pair[1]:
            out.append(Mention("theme", m.group(0), m.start(), m.end(), attrs=(("kind", "cooperation"),)))
    return out


def sector_slogans(text: str) -> list[Mention]:
    """Slogans naming what a place grows strong by (工业强县, 科教兴国, 生态立市): themes.

    >>> [m.text for m in sector_slogans("坚持工业强县、品牌兴县、以港兴市，走进兴县。")]
    ['工业强县', '品牌兴县', '以港兴市']
    """
    if not _SLOGAN_END.search(text):
        return []
    return [
        Mention("theme", m.group(0), m.start(), m.end(), attrs=(("kind", "sector"),))
        for m in _sector_slogan().finditer(text)
    ]


_SLOGAN_END = re.compile("[强兴立富活美惠][国省市县区州镇乡村旗]")  # what every such slogan ends with


_LIST_LEAD = re.compile(
    r"(?:坚持|按照|围绕|聚焦|实现|推进|推动|促进|做到|落实|践行|突出|强化|加快|奋力|全力|着力|努力|助力|建设|打造|"
    r"树立|坚定|紧扣|锚定|朝着|向着|以|为|和|在|是|要|把|将|的)$"
)
_LIST_TAIL = re.compile(r"^(?:的|目标|要求|理念|方针|原则|思路|格局|战略|部署|总要求|工作|作出|上|中|为)")


def parallel_slogans(text: str) -> list[Mention]:
    """Unquoted slogans of parallel phrases joined by 、: one theme, as written (经济强省、美丽河北;
    两周一调度、一月一观摩; 一手抓防控、一手抓发展).

    >>> [m.text for m in parallel_slogans("建设经济强省、美丽河北，坚持目标导向、结果导向。")]
    ['经济强省、美丽河北']
    """
    out: list[Mention] = []
    if "、" not in text:
        return out
    for chunk in _CHUNK.finditer(text):
        items = chunk.group(0).split("、")
        if len(items) < 2 or not all(items):
            continue
        for size in [len(items[1])] if len(items) > 2 else [3, 4, 5]:
            first, last = items[0][len(items[0]) - size :], items[-1][:size]
            lead, tail = items[0][: len(items[0]) - size], items[-1][size:]
            if (lead and not _LIST_LEAD.search(lead)) or (tail and not _LIST_TAIL.match(tail)):
                continue
            parts = [first, *items[1:-1], last]
            start = chunk.start() + len(lead)
            end = chunk.end() - len(tail)
            if _parallel(parts) and text[end : end + 1] != "等":
                out.append(Mention("theme", text[start:end], start, end, attrs=(("kind", "slogan"),)))
                break
    return out


_RHYTHM = re.compile(r"[一两二三每][天日周旬月季年]一[\u3400-\u9fff]{2,3}")


def _parallel(parts: list[str]) -> bool:
    """Whether phrases make one slogan: of one length (3–5), none a body or a place, and place
    slogans, a working rhythm or two sharing three characters at their head."""
    size = len(parts[0])
    if not 3 <= size <= 5 or any(len(p) != size for p in parts):
        return False
    if any(Lexicon.load().org_suffix_at_end(p) for p in parts) or len(set(parts)) < len(parts):
        return False
    vocabulary = ThemeVocabulary.load()
    if sum(vocabulary.preferred(p) is not None for p in parts) * 2 > len(parts):
        return False  # 乡村振兴、共同富裕: themes of their own, each kept
    joined = "、".join(parts)
    if any(p.text in parts for p in gazetteer_places(joined)):
        return False  # 长治市、晋城市: places, not a slogan
    slogan = bool(place_slogans(joined))
    if slogan:
        return True  # 实力眉县、活力眉县、美丽眉县; 经济强省、美丽河北
    if all(_RHYTHM.fullmatch(p) for p in parts):
        return True  # 两周一调度、一月一观摩: a working rhythm
    if _chiasmus(parts):
        return True  # 大抓项目、抓大项目; 数字产业化、产业数字化
    return len(parts) == 2 and _shared_head(parts) >= 3  # 一手抓防控、一手抓发展; no 目标导向、结果导向、…


def _chiasmus(parts: list[str]) -> bool:
    """Whether two phrases are written with the same characters in another order, a slogan's turn
    of phrase (产业生态化、生态产业化).

    >>> _chiasmus(["大抓项目", "抓大项目"]), _chiasmus(["目标导向", "结果导向"])
    (True, False)
    """
    return len(parts) == 2 and parts[0] != parts[1] and sorted(parts[0]) == sorted(parts[1])


def _shared_head(parts: list[str]) -> int:
    k = 0
    while k < len(parts[0]) - 1 and all(p[k] == parts[0][k] for p in parts):
        k += 1
    return k


def find_themes(text: str) -> list[Mention]:
    """Theme mentions, leftmost-longest; ``attrs`` carries the preferred label when known."""
    found: list[Mention] = []
    for end_index, (surface, preferred) in _vocabulary_automaton().iter(text):
        start = end_index - len(surface) + 1
        found.append(Mention("theme", surface, start, end_index + 1, attrs=(("preferred", preferred),)))
    for start, end, surface in numbered_formulas(text):
        if _begins_with_a_division(surface):
            continue  # 三穗县 + 三星羽绒: a county whose name begins with a numeral, no formula
        if _CAMPAIGN_NAME.search(surface) and _quoted(text, start, end):
            continue  # “五大示范工程”: a programme, a project
        if _quoted(text, start, end) and _NAMED_THING_AFTER.match(text, end + 1):
            continue  # “四高”试验示范区, “五星”支部: the quote begins the name of a place or body
        if _quoted(text, start, end) or _FORMULA_SHAPE.match(surface):
            found.append(Mention("theme", surface, start, end, attrs=(("kind", "formula"),)))
    found += find_theme_patterns(text) + quoted_slogans(text) + place_slogans(text) + parallel_slogans(text)
    found += sector_slogans(text) + regional_cooperation(text) + quoted_items_sharing_a_head(text)
    found += [
        Mention("theme", m.group(0), m.start(), m.end(), attrs=(("kind", "goal"),))
        for m in _MODERN_GOAL.finditer(text)
    ]
    chosen: list[Mention] = []
    for m in sorted(found, key=lambda m: (-(m.end - m.start), _alternative_label(m), m.start)):
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    chosen = _two_labels_over_one(chosen, found)
    chosen += [
        m
        for m in _leading_themes(chosen)
        if all(m.end <= c.start or m.start >= c.end or c.start == m.start for c in chosen)
    ]
    return sorted(chosen, key=lambda m: m.start)


def _two_labels_over_one(chosen: list[Mention], found: list[Mention]) -> list[Mention]:
    """Two labels written one after the other where a longer label reads across them: 县域经济 +
    高质量发展 rather than 经济高质量发展 (县域 left over).

    >>> def m(text, start): return Mention("theme", text, start, start + len(text))
    >>> found = [m("县域经济", 0), m("经济高质量发展", 2), m("高质量发展", 4)]
    >>> [c.text for c in _two_labels_over_one([found[1]], found)]
    ['县域经济', '高质量发展']
    """
    out = []
    for c in chosen:
        left = next((a for a in found if a.start < c.start < a.end < c.end), None)
        right = left and next((b for b in found if b.start == left.end and b.end == c.end), None)
        free = left and all(k is c or left.end <= k.start or left.start >= k.end for k in chosen)
        out += [left, right] if right and free else [c]
    return out


def _begins_with_a_division(surface: str) -> bool:
    """Whether a numbered formula begins with a division's full name (三穗县, 六盘水市).

    >>> _begins_with_a_division("三穗县三星羽"), _begins_with_a_division("三管三必须")
    (True, False)
    """
    return any(
        p.start == 0 and not p.attr("short") and p.end < len(surface) for p in gazetteer_places(surface)
    )


def _alternative_label(m: Mention) -> bool:
    """Of two labels of one length that overlap, the preferred label wins (深化改革开放: 改革开放)."""
    return m.attr("preferred") != m.text


def _leading_themes(chosen: list[Mention]) -> list[Mention]:
    """The theme a place slogan begins with, as a theme of its own (中国式现代化 of
    中国式现代化某省新篇章)."""
    lead = _MODERNISATION
    return [
        Mention("theme", lead, m.start, m.start + len(lead), attrs=(("preferred", lead),))
        for m in chosen
        if m.attr("kind") == "place" and m.text.startswith(lead) and len(m.text) > len(lead)
    ]
