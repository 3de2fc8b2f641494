"""Officials and other persons, found by the grammar of Chinese official titles.

An official is a name bound to a title: ``[place][organisation]post`` + name
(``市委常委、组织部长张三``), a name listed after ``市领导``, or a national
leader.  Other persons come from bylines (``本报记者 张三``), author lines and
role words (``网格员李四``, ``（作者系市委党校教师）``).

>>> [(m.text, [t.text for t in m.titles]) for m in find_officials("市委常委、组织部长赵丽娜参加。")]
[('赵丽娜', ['市委常委', '市委组织部长'])]
>>> [(m.text, m.titles[0].text, m.rank) for m in find_officials("市领导王一、李二及市政府秘书长赵三参会。")]
[('王一', '市领导', 1), ('李二', '市领导', 2), ('赵三', '市政府秘书长', None)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from kg.gazetteer import Gazetteer
from kg.lexicon import Lexicon, alternation, boundary_words, data_words, guarded, last_boundary_end
from kg.model import Mention, Title
from kg.places import city_or_province, gazetteer_places, world_places
from kg.words import ends_a_noun_or_attribute, tagged_words, word_freq, word_tags

CJK = re.compile(r"[\u3400-\u9fff]")
_BAD_NAME_CHARS = set("的了是们这那吗呢吧着过在及等我你他她它")
_TITLE_BOUNDARY = boundary_words("title")
_PARTY_GROUP = re.compile(r"(?:党组|党委|党工委|党总支|党支部|机关党委)$")
_BODIES_WITH_LEADERS = (  # 某市人大常委会领导甲、乙, 市林草局领导甲、乙, 调研组领导甲、乙
    r"(?:人大常委会|人大|政协|工委|党工委|党委|党组|管委会|局|厅|(?:调研|督导|督查|巡视|巡察|考察|工作)组)"
)
_LEADERS_HEAD = re.compile(
    r"(?:省|市|州|盟|县|区|旗|镇|乡)(?:委|政府)?(?:主要)?领导(?:同志)?(?:还有[:：]|有[:：])?(?!班子|干部|小组|机制|责任)"
    r"|(?:(?:省|市|州|盟|县|区|旗|镇|乡|街道|村)(?:委|党委|党工委|政府)?)(?:领导)?班子成员"
    r"|(?<=的)领导(?:有[:：])?(?=[\u3400-\u9fff]{2,3}、[\u3400-\u9fff]{2,3}、)"  # 分管某工作的领导甲、乙、丙
    rf"|{_BODIES_WITH_LEADERS}领导(?=[\u3400-\u9fff]{{2,3}}、)"  # 某某工委领导甲、乙
    r"|(?:副)?(?:省|厅|市|县|处|乡科)级(?:领导)?干部(?=[\u3400-\u9fff]{2,3}、)"  # 副县级干部甲、乙
    r"|(?:(?:副)?(?:省|厅|市|县|处)级)?老领导(?=[\u3400-\u9fff]{2,3}、)"  # 副省级老领导甲、乙
)
_GOV_POST = re.compile(r"^(?:副|常务副|代)?(?:省|市|州|县|区|旗|镇|乡|盟)长$")
_PARTY_DEPT = re.compile(r"^(?:组织|宣传|统战|社会工作|政法|纪|政研|巡察|编)")
_ACADEMIC = re.compile(
    r"(?:教研室|教研部|教研组|研究生|学生|班|车间|班组|门店|工段|实验室|研究站|观测站)$"
)  # 某某全国重点实验室主任, 某某观测研究站副站长: scientists (annotated as officials in none of 3)

_ACADEMIC_UNIT = re.compile(
    r"(?:大学|学院|科学院|[我该本]校)[\u3400-\u9fff]*?(?:学院|研究院|研究所|研究中心|实验室)$"
)
_ACADEMIC_POSTS = {"院长", "副院长", "执行院长", "常务副院长", "所长", "副所长", "主任", "副主任"}


def _a_scholars_title(title: Title) -> bool:
    """A post of a laboratory, class or workshop (_ACADEMIC), or a dean or director of a university's
    school or an academy's institute (某某大学马克思主义学院副院长): a scholar's or worker's title,
    annotated as no official's in 21 of 23 such titles (a university's president or party secretary
    is an official).

    >>> _a_scholars_title(Title("某某大学经济学院院长", post="院长", org="某某大学经济学院"))
    True
    >>> _a_scholars_title(Title("某某学院党委书记", post="书记", org="某某学院党委"))
    False
    """
    if _ACADEMIC.search(title.org):
        return True
    return title.post in _ACADEMIC_POSTS and bool(_ACADEMIC_UNIT.search(title.org))


LEVEL_BY_CHAR = {
    "省": "provincial",
    "自治区": "provincial",
    "市": "city",
    "州": "city",
    "盟": "city",
    "县": "county",
    "区": "county",
    "旗": "county",
    "镇": "township",
    "乡": "township",
    "街道": "township",
    "苏木": "township",
    "村": "village",
    "社区": "village",
}


_SPEECH_AFTER_ZUO = re.compile(
    r"了|热情|重要|动员|讲话|报告|工作报告|总结|部署|专题|表态|发言|批示|指示"
)  # 汪某作 + 讲话
_STRONG_FOLLOWERS = set("在说等和与及的了是也都就对向从于将已率赴")
_FOLLOWERS_OF_A_WORD = (_STRONG_FOLLOWERS | {"到"}) - {"的"}  # 县长甘泉到; no 领导关心的事: a verb's clause


def read_name(text: str, i: int, lex: Lexicon | None = None) -> tuple[int, int] | None:
    """The span of a personal name starting at ``i``, or None.

    >>> read_name("王建国表示", 0), read_name("李华主持会议", 0), read_name("王强在会上说", 0)
    ((0, 3), (0, 2), (0, 2))
    """
    lex = lex or Lexicon.load()
    if text[i : i + 2] in lex.compound_surnames:
        lengths = (4, 3)
    elif i < len(text) and text[i] in lex.surnames:
        lengths = (3, 2)
    else:
        return None
    if _verb_first(text[i : i + 2]):
        return None  # 应邀参加: a verb that begins with a surname's character
    if any(_PLACE_GOES_ON.match(text, i + n) and CJK.fullmatch(text[i + n - 1]) for n in lengths):
        return None  # 向塘开发区党工委书记: the name of a zone, not of a person
    fits = [n for n in lengths if _name_fits(text, i, n, lex) and _may_be_a_name(text[i : i + n])]
    followed = (
        text[i + 2 : i + 3] in _FOLLOWERS_OF_A_WORD
        or _long_follower_at(text, i + 2, lex)
        or _word_before_a_list_mark(text, i)
    )
    if (
        not fits
        and 2 in lengths
        and followed
        and _name_fits(text, i, 2, lex)
        and not _everyday_word(text[i : i + 2])
    ):
        fits = [2]  # 县长甘泉到某镇: a name that is also a word, before a word that follows names
    if not fits:
        fits = [n for n in lengths if _word_follows(text, i, n) and _may_be_a_name(text[i : i + n])][:1]
    if not fits:
        return None
    longest, shortest = max(fits), min(fits)
    if len(fits) == 2 and (
        _conjunction_before_a_mark(text, i + shortest)
        or _and_before_comrade(text, i + shortest)
        or _last_character_before_a_list_mark(text, i + shortest)
    ):
        return i, i + longest  # 副部长刘忠和，: no 和 stands before a comma
    if (
        len(fits) == 2
        and (
            text[i + shortest] in _STRONG_FOLLOWERS
            or lex.post_at_end(text[i : i + longest + 1])
            or _long_follower_at(text, i + shortest, lex)  # 周某陪同, not 周某陪 + 同
            or (text[i + shortest] == "副" and _starts_with_post(text[i + shortest :], lex))  # 李某副书记
            or (text[i + shortest] == "作" and _SPEECH_AFTER_ZUO.match(text, i + shortest + 1) is not None)
        )
    ):
        return i, i + shortest
    return i, i + longest


def _last_character_before_a_list_mark(text: str, i: int) -> bool:
    """Whether a character that may follow a name (将, 也, 向) stands right before a list mark or 等:
    then it ends the name (市领导郭林将、王某), as no such word is followed by one.

    >>> ends = _last_character_before_a_list_mark
    >>> ends("郭林将、王某", 2), ends("王强将参加", 2)
    (True, False)
    """
    if text[i : i + 1] not in _STRONG_FOLLOWERS or text[i] in "等的了说":
        return False
    return text[i + 1 : i + 2] == "、" or (
        text.startswith("等", i + 1) and not text.startswith(("等地", "等处"), i + 1)
    )


def _word_before_a_list_mark(text: str, i: int) -> bool:
    """Whether two characters at ``i`` that make a word of content stand alone before a comma or list
    mark, where a title's name ends (主任林中，: a name, though 林中 is a word; no 曾经, no 安全).

    >>> _word_before_a_list_mark("主任林中,市长", 2), _word_before_a_list_mark("主任曾经，", 2)
    (True, False)
    """
    if text[i + 2 : i + 3] not in ("，", ",", "、", "；", ";"):
        return False
    return word_tags().get(text[i : i + 2], "")[:1] not in ("d", "c", "v", "p", "m", "r", "a")


def _everyday_word(word: str) -> bool:
    """A word too common to be a name even before a word that follows names (参事 + 代表调研组)."""
    return word_freq().get(word, 0) >= 10000


def _and_before_comrade(text: str, i: int) -> bool:
    """Whether 和 at ``i`` comes right before 同志 said of one person (杨某和同志宣布), not of many
    (和同志们一起).

    >>> _and_before_comrade("杨晓和同志宣布", 2), _and_before_comrade("王明和同志们一起", 2)
    (True, False)
    """
    return text[i : i + 3] == "和同志" and text[i + 3 : i + 4] != "们"


def _conjunction_before_a_mark(text: str, i: int) -> bool:
    """Whether the character at ``i`` is a conjunction (和, 与, 及, 同) right before punctuation or the
    end: then it is a name's last character (刘忠和，), as a conjunction joins nothing there.

    >>> _conjunction_before_a_mark("刘忠和，王明", 2), _conjunction_before_a_mark("刘忠和王明", 2)
    (True, False)
    """
    return text[i : i + 1] in ("和", "与", "及", "同") and (i + 1 >= len(text) or not CJK.match(text[i + 1]))


def _follower_inside_a_listed_name(text: str, i: int, shortest: int, longest: int) -> bool:
    """Whether a word that follows names (在, 和) is a name's middle character: the longer name ends
    at a list mark or 等, where a follower word would leave one character stranded (尤在晶等参加).

    >>> _follower_inside_a_listed_name("秘书长尤在晶等参加", 3, 1, 3)
    True
    >>> _follower_inside_a_listed_name("王强在会上说", 0, 2, 3)
    False
    """
    follower = text[i + shortest : i + shortest + 1]
    if follower not in ("在", "和", "与", "及", "同") or i + longest >= len(text):
        return False
    if text[i + longest] in "、，,；;。等":
        return text[i + longest : i + longest + 2] not in ("等地", "等处")
    return text.startswith(("参加", "出席", "陪同", "主持"), i + longest)  # 某在某参加有关活动


_PLACE_GOES_ON = re.compile(r"(?:经济技术开发区|经济开发区|开发区|高新区|经开区|工业园区|产业园区)")


def _may_be_a_name(name: str) -> bool:
    """Neither a common word (关于) nor a doubled character (殷殷), nor a surname before a word that
    follows names (席 + 就座 of 执行主席席就座) or a level (区级 of 区级有关部门).

    >>> _may_be_a_name("席就座"), _may_be_a_name("区级"), _may_be_a_name("席建国")
    (False, False, True)
    """
    if len(name) == 3 and (_long_follower_at(name, 1, Lexicon.load()) or _everyday_word(name[:2])):
        return False  # 席 + 就座, 代表 + 省: a surname before a follower, an everyday word before more
    if len(name) == 3 and _a_meeting(name[1:]):
        return False  # 县长 + 周例会: a surname's character before the word of a meeting
    if name[-1] in "省市州盟县区旗镇乡" and Gazetteer.load().lookup(name):
        return False  # 周口市领导: a division's name begins with a surname's character
    return not _common_word(name) and not _doubled(name) and not name.endswith("级")


def _a_meeting(word: str) -> bool:
    """A dictionary word for a meeting (例会, 大会, 年会): never the given name after a surname.

    >>> _a_meeting("例会"), _a_meeting("振会")
    (True, False)
    """
    return word.endswith("会") and word_freq().get(word, 0) >= 20


def _doubled(name: str) -> bool:
    """A surname doubled is a word of manner (殷殷嘱托, 谆谆教诲), not a name.

    >>> _doubled("殷殷"), _doubled("殷红")
    (True, False)
    """
    return len(name) == 2 and name[0] == name[1]


def _verb_first(word: str) -> bool:
    """A frequent verb or adverb in the place of a name's first two characters (应邀, 严格, 全力)."""
    return word_freq().get(word, 0) >= 300 and word_tags().get(word, "")[:1] in ("v", "d", "p", "c")


def _long_follower_at(text: str, i: int, lex: Lexicon) -> bool:
    """A follower word of two or more characters starts at ``i`` (陪同, 带队, 主持)."""
    return lex.patterns.long_followers.match(text, i) is not None


def _word_follows(text: str, i: int, n: int) -> bool:
    """A common two-character word starts right after the name (王志平产生, 李春全指着)."""
    name = text[i : i + n]
    word = text[i + n : i + n + 2]
    return (
        len(name) == n
        and len(word) == 2
        and all(CJK.match(c) and c not in _BAD_NAME_CHARS for c in name)
        and word_freq().get(word, 0) >= 50
    )


def _common_word(name: str) -> bool:
    """关于, 台就: frequent dictionary words that are not names."""
    return word_freq().get(name, 0) >= 300 and not _name_tag(name)


def _name_tag(word: str) -> bool:
    return word_tags().get(word, "").startswith("nr")


def _name_fits(text: str, i: int, n: int, lex: Lexicon) -> bool:
    name = text[i : i + n]
    listed = n == 3 and _follower_inside_a_listed_name(text, i, 1, 3)  # 尤在晶等: 在 inside a name
    if len(name) < n or any(
        not CJK.match(c) or (c in _BAD_NAME_CHARS and not (listed and k == 0)) for k, c in enumerate(name[1:])
    ):
        return False
    rest = text[i + n :]
    if not rest or not CJK.match(rest[0]):
        return True
    if rest[0] in "同" and rest.startswith("同志"):
        return True
    if len(rest) >= 4 and CJK.fullmatch(rest[3]) and word_freq().get(rest[:4], 0) >= 20:
        return True  # 沈某某原原本本传达: a four-character word of manner after the name
    return lex.starts_with_follower(rest) or _starts_with_post(rest, lex)


def _starts_with_post(rest: str, lex: Lexicon) -> bool:
    """A post written right after the name (某某副主席一行, 某某书记)."""
    return any(
        rest.startswith(p)
        for p in ("总书记", "总理", "主席", "委员长", "书记", "同志", "副总理", "副主席", "副书记")
    )


def title_start(text: str, end: int, limit: int = 24) -> int:
    """Where the title that ends at ``end`` begins (after punctuation or a boundary word).

    >>> s = "会议由市委副书记、市长张三主持"; s[title_start(s, 8):8]
    '市委副书记'
    """
    j = end
    while j > 0 and end - j < limit:
        if CJK.match(text[j - 1]):
            j -= 1
        elif bracket := _bracketed_place_ends(text, j):  # 某某科技（扬州）有限公司总经理
            j = bracket
        else:
            break
    return j + last_boundary_end(text[j:end], _TITLE_BOUNDARY, _inside_org_word)


_BRACKETED_PLACE = re.compile(r"[（(][\u3400-\u9fff]{2,6}[）)]$")


def _bracketed_place_ends(text: str, j: int) -> int:
    """Where a bracketed word that ends at ``j`` begins, when a name goes on before it (某某科技（扬州）
    有限公司): 0 when none does."""
    m = _BRACKETED_PLACE.search(text, max(0, j - 8), j)
    return m.start() if m and m.start() > 0 and CJK.match(text[m.start() - 1]) else 0


def _inside_org_word(prefix: str, k: int, word: str) -> bool:
    """Boundary words that are also parts of organisation names: 党的 in 中国共产党的, the first
    character of a place (成都市, 原平市, 将乐县) or of a word (经济 of 某某经济开发区).

    >>> [_inside_org_word(p, k, w) for p, k, w in (("成都市委", 1, "都"), ("长治经济开发区", 2, "经"))]
    [True, True]
    >>> _inside_org_word("向塘开发区党工委", 0, "向"), _inside_org_word("向开发区党工委", 0, "向")
    (True, False)
    >>> [_inside_org_word(p, k, w) for p, k, w in (("由市委", 0, "由"), ("该县委", 0, "该"))]
    [False, False]
    """
    if word in ("的", "在", "为") and k > 0 and prefix[k - 1] in "党":
        return True
    if (
        word == "原"
        and k > 1
        and (Lexicon.load().org_suffix_at_end(prefix[:k]) or prefix[:k].endswith("委会"))
    ):
        return True  # 民革某市委会原副主委: the body's former post
    if len(word) != 1:
        return False
    if ends_a_noun_or_attribute(prefix, k):
        return True  # 由 of 某某自由贸易试验区: the last character of a word
    base = max(0, k - 3)
    places = gazetteer_places(prefix[base:])
    if any(p.start <= k - base < p.end and (not p.attr("short") or city_or_province(p.text)) for p in places):
        return True  # 成都市, 原平市: the character inside a place's name
    if _PLACE_GOES_ON.match(prefix, k + 2):
        return True  # 向塘开发区: a zone is named by two characters at least
    pair = prefix[k : k + 2]
    return (
        word_freq().get(pair, 0) >= 100
        and word_tags().get(pair, "")[:1] in ("n", "s")
        and pair not in _TITLE_BOUNDARY
    )


def _expand_title(bare: str, post: str, previous: Title | None) -> Title:
    """Give a title that lacks its organisation the organisation of the title before it (a nominee's
    post, 提名副县长, is the post)."""
    bare = bare.removeprefix("提名") if len(bare) > len(post) else bare
    org = bare[: len(bare) - len(post)]
    if org.endswith("常务") and post.startswith("副"):
        org, post = org[:-2], "常务" + post  # 统战部常务副部长: the post is 常务副部长, of 统战部
    org = org.removesuffix("原")  # 某市委会原副主委: a former post of the body
    if previous is None or not previous.org or (org and not _relative_org(org)):
        return Title(bare, post=post, org=org)
    if _ASSOCIATION_POSTS & {post, previous.post}:
        return Title(bare, post=post, org=org)  # 市红十字会会长、副市长: an association holds no post
    base = previous.org
    if org:
        sibling = _SIBLING_BODY.fullmatch(org) and _PLACE_OF_BODY.match(base)
        if sibling:  # 县人大常委会主任甲、政协主席乙: the county's 政协, not the congress's
            return Title(sibling.group(0) + bare, post=post, org=sibling.group(0) + org)
        if _PARTY_DEPT.match(org):
            base = _committee_of(base)
            return Title(base + bare, post=post, org=base + org)
        place = _place_part(base)
        if org.startswith("街道") and place.endswith("街道"):
            place = place[:-2]  # 某某街道党工委书记…，街道党工委委员: the street's own committee
        return Title(place + bare, post=post, org=place + org)
    if _GOV_POST.match(post):
        body = _BODY_OF_A_PLACE.sub("", _committee_of(base)) or base  # 区人大常委会副主任甲，副区长乙
        place = re.sub(r"(?:委|政府|党委|党工委|[省市州县区旗镇乡]级)$", "", body)
        level_char = post.lstrip("副常务代")[0]
        place = place if place and place[-1] in "省市州县区旗镇乡盟" else place + level_char
        text = post if place == level_char else place + post
        return Title(text, post=post, org=place + "政府")
    if _PARTY_DEPT.match(post):
        base = _committee_of(base)
        return Title(base + post, post=post, org=base + post[:-1])
    if post.startswith(("党工委", "党委")):  # 街道人大工委主任…，党工委副书记: the street's committee
        parent = _BODY_OF_A_PLACE.sub("", _place_part(base)) or base
    else:
        parent = _PARTY_GROUP.sub("", base) or base
    if len(parent) == 1 and post.startswith(parent):  # 村党支部书记、村委会主任: 村委会主任, not 村村委会主任
        return Title(post, post=post, org="")
    return Title(parent + post, post=post, org=parent)


_DEPARTMENT_OF_COMMITTEE = re.compile(
    r"(?<=委)(?:组织|宣传|统战|社会工作|政法|政研|巡察|编)[\u3400-\u9fff]{0,3}$"
)


def _committee_of(org: str) -> str:
    """The party committee a department belongs to (市委组织部 → 市委): a second department's post
    after the first (组织部长、统战部长) is the committee's, not the first department's.

    >>> _committee_of("常宁市委组织部"), _committee_of("县委")
    ('常宁市委', '县委')
    """
    return _DEPARTMENT_OF_COMMITTEE.sub("", org)


def _a_base(title: Title) -> bool:
    """Whether a title's organisation is a body the next titles may belong to: not a field of work
    held inside one (政法 of 政法委员: 副镇长 after it is the town's).

    >>> _a_base(Title("某镇党委书记", post="书记", org="某镇党委"))
    True
    >>> _a_base(Title("某镇政法委员", post="委员", org="某镇政法"))
    False
    """
    return bool(title.org) and (
        not _FIELD_OF_WORK.search(title.org) or _ORG_TAIL.search(title.org) is not None
    )


_FIELD_OF_WORK = re.compile(r"(?:政法|宣传|统战|组织|纪检|武装|人武)$")
_SIBLING_BODY = re.compile(r"人大常委会|人大|政协|人民政府|政府|纪委|监委")
_PLACE_OF_BODY = re.compile(r"^[\u3400-\u9fff]*?[省市州盟县区旗](?=人大|政协|人民政府|政府|委|纪委)")
_ORG_TAIL = re.compile(r"(?:党工委|党委|党组|工委|地委|管委会|委员会|人民政府|政府|委)$")
_BODY_OF_A_PLACE = re.compile(r"(?:人大工委|人大常委会|人大|政协|纪工委|办事处)$")


def _relative_org(org: str) -> bool:
    """An organisation named without its place (管委会, 组织部): it belongs to the title before;
    one named by a place's short name (阿勒泰地委) does not.

    >>> _relative_org("组织部"), _relative_org("阿勒泰地委")
    (True, False)
    """
    return (
        len(org) <= 5
        and org[0] not in "省市州盟县区旗镇乡村中国全"
        and not re.search("[省市县区州旗镇乡村]", org)
        and not any(m.start == 0 and len(m.text) >= 2 for m in gazetteer_places(org))
    )


def _place_part(org: str) -> str:
    """``长治高新区党工委`` → ``长治高新区``; ``潞州区委`` → ``潞州区``."""
    return _ORG_TAIL.sub("", org) or org


def _titles_before(
    text: str,
    post_start: int,
    post_end: int,
    lex: Lexicon,
    previous: Title | None = None,
    floor: int = 0,
) -> list[Title]:
    """The titles ending at ``post_end``, and the 、-listed titles before them, in text order; none
    begins before ``floor`` (the end of a name read earlier in the sentence)."""
    chain: list[tuple[str, str]] = []
    start = max(title_start(text, post_start), floor)
    start = _after_joined_name(text, start, post_start)
    chain.append((text[start:post_end], text[post_start:post_end]))
    while start > max(1, floor) and text[start - 1] in "、，兼" and len(chain) < 5:  # 董事长兼党委书记
        prev_end = start - 1
        prev_start = title_start(text, prev_end)
        segment = text[prev_start:prev_end]
        post = lex.post_at_end(segment)
        if not post or (text[start - 1] == "，" and prev_start > 0 and CJK.match(text[prev_start - 1])):
            break
        chain.append((segment, post))
        start = prev_start
    chain.reverse()
    titles: list[Title] = []
    for bare, post in chain:
        title = _expand_title(bare, post, next((t for t in reversed(titles) if _a_base(t)), previous))
        titles.append(_with_level(title))
    return titles


_JOINS_NAMES = "与和及同、"
_TITLE_AFTER_JOIN = re.compile(r"(?<=[\u3400-\u9fff])(?<![省市州盟县区旗])[与和及同](?=[省市州盟县区旗镇乡])")


def _after_joined_name(text: str, start: int, post_start: int) -> int:
    """A title begins again after 与/和 and a level of government (甲与省某委主任: 省某委主任).

    >>> s = "王刚与省发改委主任"; s[_after_joined_name(s, 0, 7):]
    '省发改委主任'
    >>> s = "马鞍山市和县县长"; s[_after_joined_name(s, 0, 6):]
    '马鞍山市和县县长'
    >>> s = "赵军伟、李新伟和长园科技集团副总裁"; s[_after_joined_name(s, 0, 15):]
    '长园科技集团副总裁'
    """
    ends = [m.end() for m in _TITLE_AFTER_JOIN.finditer(text, start, post_start)]
    ends += [
        m.end() for m in _LISTED_NAME_JOINED.finditer(text, start, post_start) if _listed_name_ends(text, m)
    ]
    return max(ends, default=start)


_LISTED_NAME_JOINED = re.compile(r"(?<=[、，,])[\u3400-\u9fff]{2,3}[和与及]")


def _listed_name_ends(text: str, m: re.Match[str]) -> bool:
    """甲、乙和某某公司副总裁丙: the listed name 乙 and the word after it end before the title."""
    return read_name(text, m.start()) == (m.start(), m.end() - 1)


def _after_last_name(text: str, found: dict[int, Mention], post_start: int) -> int:
    """Where a title ending in a post at ``post_start`` may begin at the earliest: after the last
    name found before it and the word joining the two (副市长甲与省某委主任乙: the second title is
    省某委主任). 0 when no name stands before the post.

    >>> s = "副市长王刚与省发改委主任李强座谈"
    >>> _after_last_name(s, {3: Mention("official", "王刚", 3, 5)}, 10)
    6
    """
    ends = [m.end for m in found.values() if m.end <= post_start]
    if not ends:
        return 0
    floor = max(ends)
    if text.startswith("同志", floor):
        floor += 2  # 镇党委书记甲同志和镇长乙同志
    while floor < post_start and text[floor] in _JOINS_NAMES:
        floor += 1
    return floor


def _with_level(title: Title) -> Title:
    return Title(title.text, post=title.post, org=title.org, place=title.place, level=title_level(title))


_LEVEL_MARKERS = re.compile(r"街道|苏木|自治区|[省市州盟县区旗镇乡]")


def title_level(title: Title) -> str:
    """national / provincial / city / county / township / village / enterprise.

    >>> title_level(Title("平顺县委书记", post="书记", org="平顺县委"))
    'county'
    >>> title_level(Title("市住房和城乡建设局局长", post="局长", org="市住房和城乡建设局"))
    'city'
    >>> title_level(Title("潞州区东街街道党工委书记", post="书记", org="潞州区东街街道党工委"))
    'township'
    """
    org = title.org or title.text
    if re.match(r"^(?:中共中央|中央|国务院|全国|国家)", org) or title.post in ("总书记", "总理", "副总理"):
        return "national"
    if re.search(r"(?:公司|集团|煤矿|厂|矿|银行)", org):
        return "enterprise"
    if re.search(r"(?:村|社区|嘎查)(?:党支部|党总支|党委|委员会|村委会|居委会|两委)?$", org):
        return "village"
    if org[:1] in "省市州盟县区旗镇乡":
        return LEVEL_BY_CHAR[org[:1]]
    place_part = (
        re.sub(r"(?:委|政府|党委|党工委|人大|政协|管委会).*$", "", org)
        .replace("城乡", "")
        .replace("乡村", "")
    )
    markers = _LEVEL_MARKERS.findall(place_part)
    if markers:
        return LEVEL_BY_CHAR[markers[-1]]
    return "city" if org else ""


def _posts_regex(lex: Lexicon) -> re.Pattern[str]:
    return lex.patterns.posts


def find_officials(text: str, lex: Lexicon | None = None) -> list[Mention]:
    """Officials named with a title in one sentence (sentence-relative offsets).

    >>> [(m.text, m.titles[0].text) for m in find_officials("副主任王一、李二、欧阳三出席。")]
    [('王一', '副主任'), ('李二', '副主任'), ('欧阳三', '副主任')]
    >>> found = find_officials("参加调研的有：赵四，市委常委、秘书长；")
    >>> [(m.text, [t.text for t in m.titles]) for m in found]
    [('赵四', ['市委常委', '市委秘书长'])]
    """
    lex = lex or Lexicon.load()
    found: dict[int, Mention] = {}
    for m in _LEADERS_HEAD.finditer(text):
        for mention in _listed_leaders(text, m, lex):
            found.setdefault(mention.start, mention)
    for mention in _titles_after_names(text, lex):
        found.setdefault(mention.start, mention)
    for mention in _titles_in_brackets(text, lex):
        found.setdefault(mention.start, mention)
    for mention in _appointments(text, lex):
        found.setdefault(mention.start, mention)
    for mention in _names_after_a_held_post(text, lex):
        found.setdefault(mention.start, mention)
    for mention in _names_leaving_posts(text, lex):
        found.setdefault(mention.start, mention)
    for mention in _foreign_leaders(text):
        found.setdefault(mention.start, mention)
    for mention in _names_before_posts(text, lex):
        found.setdefault(mention.start, mention)
    for mention in _names_between_body_and_post(text, lex):
        found.setdefault(mention.start, mention)
    last_with_org: Title | None = None
    for m in _posts_regex(lex).finditer(text):
        if _post_inside_word(text, m.start(), m.end()):
            continue
        span = (
            read_name(text, m.end(), lex)
            or _unusual_name(text, m.end())
            or _name_after_a_space(text, m.end(), lex)
            or _nominee(text, m.end(), lex)
            or _name_after_a_colon(text, m.end(), lex)
            or _name_after_its_field(text, m.end(), lex)
        )
        if not span or span[0] in found or text[span[1] : span[1] + 1] in ("”", "’", "》"):
            continue  # “各级书记解难题”: a quoted phrase, not a name
        span = _with_transliteration(text, span)
        floor = _after_last_name(text, found, m.start())
        titles = _titles_before(text, m.start(), m.end(), lex, last_with_org, floor)
        if not titles or _a_scholars_title(titles[-1]) or _a_leader_by_surname(titles, lex):
            continue
        last_with_org = next((t for t in reversed(titles) if _a_base(t)), last_with_org)
        first = Mention("official", text[span[0] : span[1]], span[0], span[1], titles=tuple(titles))
        found[span[0]] = first
        for mention in _names_sharing_titles(text, first, lex):
            found.setdefault(mention.start, mention)
    for mention in _leader_lists(text, lex):
        found.setdefault(mention.start, mention)
    return [_private_company_staff(found[k]) for k in sorted(found)]


def _a_leader_by_surname(titles: list[Title], lex: Lexicon) -> bool:
    """Whether the only title is a leader called by surname and post (毛主席, 周总理): the person
    himself, so what follows is no name (毛主席路居纪念馆).

    >>> _a_leader_by_surname([Title("毛主席", post="主席", org="毛")], Lexicon.load())
    True
    >>> _a_leader_by_surname([Title("县主席", post="主席", org="县")], Lexicon.load())
    False
    """
    org = titles[0].org
    return len(titles) == 1 and len(org) == 1 and org in lex.surnames and org not in "省市州盟县区旗镇乡村"


_BODY_OF_A_GROUP = r"[省市州盟县区旗](?:委|政府|政协|人大常委会)(?:党组)?"  # 市委 of 市委理论学习中心组
_LIST_END = re.compile(
    r"(?:等?也?在主席台(?:前排)?就[座坐]|等(?:全体)?(?:在家的)?(?:(?:[\u3400-\u9fff]{2,3}[省市州盟县区旗](?:委|政府)?|[省市州盟县区旗镇乡]{1,2}(?:委|政府)?|[省市县区]级)?"
    r"(?:四大家|[四五]大班子|[两三四五]套班子|[四五]副班子|四家班子|党政)?领导(?:同志)?|负责同志"
    r"|(?:[省市州盟县区旗](?:委|政府|人大常委会|人大|政协)、)+[省市州盟县区旗](?:委|政府|人大常委会|人大|政协)领导"
    r"|[一二三四五六七八九十两多]+个?(?:县市区|县市|县区|市县|区县|乡镇|镇街|部门|单位)(?:党政)?(?:主要)?"
    r"(?:负责同志|负责人|领导)"
    r"|(?:[省市州盟县区旗](?:委|政府|人大常委会|政协))(?:常委|副书记|副主任|副主席|委员|领导))"
    r"|(?<=[\u3400-\u9fff])[出列]席(?=会议|活动|仪式|[。，,并])"
    rf"|和(?:其他)?(?:{_BODY_OF_A_GROUP})?(?:理论学习)?(?:中心组|班子)(?:其他)?成员"
    r"|及其他(?:[省市州盟县区旗](?:委|政府|人大常委会|政协))?(?:常委|领导|负责同志|成员)"
    r"|等(?:[省市州盟县区旗])?(?:政协)?(?:常委(?:及委员)?|委员)|[\d一二三四五六七八九十]+名(?:委员|常委|代表)"
    r"|(?<=[\u3400-\u9fff])(?:分别)?参加(?=[。；])|(?<=[\u3400-\u9fff])分别出席(?=[。；，])"
    r"|(?<=[\u3400-\u9fff])(?:委员|代表)(?=(?:们)?(?:先后|分别|纷纷|相继|依次|踊跃|积极|一一)?"
    r"(?:发言|建言|建议|表示|提出|说|认为|交流|作|围绕|结合|就)))"  # 甲、乙和丙委员先后发言
)


_STUDY_GROUP_OF_A_BODY = re.compile(rf"{_BODY_OF_A_GROUP}(?:理论学习)?中心组")


def _leader_lists(text: str, lex: Lexicon) -> Iterator[Mention]:
    """``甲、乙、丙在主席台就座`` / ``甲、乙、丙等领导出席`` / ``甲、乙、丙出席会议``: names listed where
    leaders sit, are named as leaders or attend; each in the listed order (it encodes rank)."""
    for end in _LIST_END.finditer(text):
        start = end.start()
        while start > 0 and (CJK.match(text[start - 1]) or text[start - 1] == "、"):
            start -= 1
        start, items = _listed_tail(text, start, end.start())
        one_of_the_others = end.group(0).endswith("其他成员")  # 甲和市委理论学习中心组其他成员出席
        if (
            len(items) < 2
            and not one_of_the_others
            and not _one_leader_for_many(text, start, items, end.group(0))
        ):
            continue
        said = end.group(0)
        if said == "参加" and start > 0 and CJK.match(text[start - 1]):
            continue  # 甲、乙参加 names attending leaders only where the list opens its clause
        if said in ("委员", "代表"):
            titles: tuple[Title, ...] = (Title(said, post=said),)  # 甲、乙和丙委员先后发言: members speaking
        elif said.endswith("成员") and (group := _STUDY_GROUP_OF_A_BODY.search(said)):
            # 甲和市委理论学习中心组其他成员: a member of the body's study group
            titles = (Title(group.group(0) + "成员", post="成员", org=group.group(0)),)
        elif said.endswith(("席", "成员", "座", "坐", "参加")) or said in ("及其他领导", "及其他负责同志"):
            titles = ()  # 甲、乙、丙出席会议, 甲、乙和中心组成员: untitled leaders
        elif said.startswith("及其他"):
            titles = _said_of_a_list(said[3:])  # 甲、乙及其他市委常委
        elif said[0].isdigit() or said[0] in "一二三四五六七八九十":
            titles = (Title(said[-2:], post=said[-2:], level=""),)  # 甲、乙8名委员
        elif said.endswith("及委员"):
            titles = (*_said_of_a_list(said[1:-3]), Title("委员", post="委员"))  # 甲、乙等常委及委员
        else:
            titles = _said_of_a_list(end.group(0)[1:].replace("同志", ""))  # 区领导 of 等区领导同志
        spans = _names_of_a_list(text, start, items, lex)
        for rank, (a, b) in enumerate(spans, start=1):
            yield Mention("official", text[a:b], a, b, titles=titles, rank=rank)


def _names_of_a_list(text: str, start: int, items: list[str], lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of a list's items when the list is one of names: each item reads as a name, or most
    do and the rest are rare words the marks delimit (格桑次旦、亚古、拉巴、岳某某: 拉巴 is a name too).

    >>> s = "格桑次旦、拉巴、岳国红、刘亮在主席台就座"
    >>> [s[a:b] for a, b in _names_of_a_list(s, 0, ["格桑次旦", "拉巴", "岳国红", "刘亮"], Lexicon.load())]
    ['格桑次旦', '拉巴', '岳国红', '刘亮']
    >>> _names_of_a_list("招商、引资在主席台就座", 0, ["招商", "引资"], Lexicon.load())
    []
    """
    i, spans, read, odd = start, [], 0, []
    freq = word_freq()
    for item in items:
        whole = (i, i + len(item))
        if read_name(text, i, lex) == whole or listed_name(text, i, lex) == whole:
            read += 1
        elif _frequent_word(item, freq):
            return []
        elif set(item) & _BAD_NAME_CHARS:
            odd.append(item)  # 张是全 among seven names: a rare character in a name, once
        spans.append(whole)
        i += len(item) + 1
    if odd:  # one rare character is borne only among four or more names that all read as names
        lone = len(odd) == 1 and read == len(items) - 1 >= 3 and odd[0][0] in lex.surnames
        return spans if lone else []
    return spans if read == len(items) or read * 2 >= len(items) >= 4 else []


def _one_leader_for_many(text: str, start: int, items: list[str], said: str) -> bool:
    """One name standing for a group of leaders at a clause start: ``王某等市领导参加活动``.

    >>> _one_leader_for_many("活动。王加培等市领导参加", 3, ["王加培"], "等市领导")
    True
    >>> _one_leader_for_many("要求王加培等市领导", 2, ["王加培"], "等市领导")
    False
    """
    opens_clause = start == 0 or not CJK.match(text[start - 1])
    return len(items) == 1 and opens_clause and said.startswith("等") and said.endswith(("领导", "同志"))


def _said_of_a_list(said: str) -> tuple[Title, ...]:
    """The title a list of names gets from the words that end it (等区委常委, 等区领导, 等八县市主要
    负责同志: the count dropped); none from 等负责同志 alone.

    >>> [t.text for t in _said_of_a_list("区委常委")], [t.text for t in _said_of_a_list("八县市主要负责同志")]
    (['区委常委'], ['县市主要负责同志'])
    """
    counted = re.match("[一二三四五六七八九十两多]+个?(?![大套]班子|大家)", said)
    if counted:
        said = said[counted.end() :] + ("同志" if said.endswith("负责") else "")
        level = "county" if "县" in said[:2] else _head_level(said)
        return (Title(said, post=re.sub(r"^.*?(?=主要|负责|领导)", "", said), level=level),)
    if said.startswith("负责"):
        return ()
    if "、" in said and said.endswith("领导") and len({part[0] for part in said.split("、")}) == 1:
        return (Title(said[0] + "领导", post="领导", level=_head_level(said)),)  # 市委、市政府领导: 市领导
    body = re.match(r"[省市州盟县区旗](?:委|政府|人大常委会|政协)", said)
    post = "领导" if said.endswith("领导") else said[body.end() if body else 0 :]
    return (Title(said, post=post, org=said[: len(said) - len(post)], level=_head_level(said)),)


def _listed_tail(text: str, start: int, end: int) -> tuple[int, list[str]]:
    """The 、-separated names that end at ``end``, read backwards to the first item that is no name;
    that item may end with ``以及``/``和`` and a name (…尹某以及贺某、王某等领导: 贺某, 王某).

    >>> _listed_tail("副主席周甲以及贺乙、王丙等领导", 0, 12)
    (7, ['贺乙', '王丙'])
    >>> _listed_tail("刘宝森、贾荣富、晋伟和董志华", 0, 14)
    (0, ['刘宝森', '贾荣富', '晋伟', '董志华'])
    """
    items = text[start:end].split("、")
    kept: list[str] = []
    for item in reversed(items):
        if 2 <= len(item) <= 4:
            kept.insert(0, item)
            continue
        last_two = re.fullmatch(r"([\u3400-\u9fff]{2,4})[和及与]([\u3400-\u9fff]{2,4})", item)
        if last_two and not kept:  # 甲、乙和丙在主席台就座: the last two names, one character between
            kept = [last_two.group(1), last_two.group(2)]
            continue
        joined = re.search(r"(?:以及|和|及|与|还有)([\u3400-\u9fff]{2,4})$", item)
        if joined:
            kept.insert(0, joined.group(1))
        elif kept:
            kept = []  # a list that starts inside a longer phrase is not read
        break
    return end - len("、".join(kept)), kept


_ORG_NAME_POST = re.compile(
    r"(?:[省市州盟县区旗](?:委|政府|人大常委会|政协))([\u3400-\u9fff]{2,3}?)"
    r"(?=(?:副)?(?:书记|省长|市长|州长|盟长|县长|区长|旗长|主任|主席))"
)
_NAME_POST = re.compile(
    r"(?:(?<![\u3400-\u9fff])|(?<=[及和与了])|(?<=落实)(?!好)|(?<=贯彻)(?!好)|(?<=学习)|(?<=传达)|(?<=领会)|(?<=落实好)|(?<=贯彻好))"
    r"([\u3400-\u9fff]{2,3}?)"  # 深入学习贯彻 + 某某书记在…的讲话精神
    r"((?:副)?(?:书记|省长|市长|州长|县长|区长|旗长|镇长|乡长|主席|主任)|委员)"
    r"(?=(?:近期|近日|日前)?的?(?:重要)?讲话|说[，,：:]|发言|强调|指出|要求|表示|(?:的)?批示|(?:的)?指示"
    r"|一行|在|率|带队|带领|主持|出席|参加|深入|调研|来到|到|前往|赴|陪同|先后|实地|察看|查看|走访|看望|慰问|会见"
    r"|代表(?=[\u3400-\u9fff]{0,30}?(?:所作|作))|所作"  # 某某主席代表…所作的工作报告, 某某市长所作的
    r"|、(?=[\u3400-\u9fff]{2,3}?(?:副)?(?:书记|省长|市长|州长|县长|区长|旗长|镇长|乡长|主席)))"
)


_BODY_NAME_POST = re.compile(  # 水利部太湖流域管理局 + 朱某某 + 副局长一行: a body, the name, its post
    r"(?<=[局厅部办院])([\u3400-\u9fff]{2,3}?)((?:副)?(?:局长|厅长|部长|主任|院长|司长|处长|书记))"
    r"(?=一行|在|率|带队|带领|主持|出席|参加|深入|调研|来到|到|前往|赴|陪同|先后|实地|察看|讲话|强调|指出)"
)


def _names_between_body_and_post(text: str, lex: Lexicon) -> Iterator[Mention]:
    """A name between a body and its post (水利部某某管理局朱某副局长一行).

    >>> found = _names_between_body_and_post("省水利厅王建国厅长一行调研", Lexicon.load())
    >>> [(m.text, m.titles[0].text) for m in found]
    [('王建国', '省水利厅厅长')]
    """
    for m in _BODY_NAME_POST.finditer(text):
        span = (m.start(1), m.end(1))
        if read_name(text, m.start(1), lex) != span and (
            m.group(1)[0] not in lex.surnames or _common_word(m.group(1))
        ):
            continue  # 朱某某 + 副局长: the name reader stops at no 副, so a surname and no word will do
        org = text[title_start(text, m.start(1)) : m.start(1)]
        if len(org) >= 3 and lex.org_suffix_at_end(org):
            post = m.group(2)
            yield Mention(
                "official", m.group(1), *span, titles=(_with_level(Title(org + post, post=post, org=org)),)
            )


# 某某主席代表…所作的工作报告, 听取某某市长所作的报告, 某某州长作的政府工作报告; read at every character
_NAME_POST_REPORTING = re.compile(
    r"(?=([\u3400-\u9fff]{2,3}?)((?:副)?(?:书记|省长|市长|州长|县长|区长|旗长|主席|主任|院长|检察长))"
    r"(?=代表[^，。；]{0,30}?所?作|所作|作的(?:政府)?工作报告))"
)


def _where_a_name_may_begin(text: str, i: int) -> bool:
    """Whether ``i`` follows punctuation or a whole word (批准 + 某某主席代表…): where a name may begin."""
    if i == 0 or not CJK.match(text[i - 1]):
        return True
    words = tagged_words(text[max(0, i - 6) : i])  # a whole word ends here, none runs on over i
    return bool(words) and len(words[-1][0]) >= 2 and word_freq().get(text[i - 1 : i + 1], 0) < 50


def _names_before_posts(text: str, lex: Lexicon) -> Iterator[Mention]:
    """Names written before their post: between the body and the post (``市委许某书记``), or alone
    before it where the leader speaks (``赵某书记的讲话``).

    >>> [(m.text, m.titles[0].text) for m in _names_before_posts("市委许继伟书记在会上讲话", Lexicon.load())]
    [('许继伟', '市委书记')]
    >>> [(m.text, m.titles[0].text) for m in _names_before_posts("赵立新书记的讲话站位高", Lexicon.load())]
    [('赵立新', '书记')]
    """
    reporting = "作" in text  # the reporting pattern is read at every character: only where it may match
    for pattern in (_ORG_NAME_POST, _NAME_POST, *((_NAME_POST_REPORTING,) if reporting else ())):
        for m in pattern.finditer(text):
            span = read_name(text, m.start(1), lex)
            if pattern is _NAME_POST_REPORTING and _where_a_name_may_begin(text, m.start(1)):
                if m.group(1)[0] in lex.surnames and not _everyday_word(m.group(1)[:2]):
                    span = (m.start(1), m.end(1))  # 姜在成主席代表: the post ends the name, 在 and all
            elif pattern is _NAME_POST_REPORTING:
                continue
            if span is None or span != (m.start(1), m.end(1)) or m.group(1)[-1] in "委办局厅部组室处总":
                continue  # 县委文明委主任, 党支部书记: a body before its post, no name; 习总书记: the leader
            if pattern is not _ORG_NAME_POST:
                org, post = "", m.group(2)
            else:
                after = text[m.end(1) : m.end(1) + 3]
                org, post = text[m.start() : m.start(1)], lex.post_at_end(after) or lex.post_at_end(after[:2])
            if post:
                title = _with_level(Title(org + post, post=post, org=org))
                yield Mention("official", m.group(1), span[0], span[1], titles=(title,))


def _post_inside_word(text: str, start: int, end: int) -> bool:
    """主席台, 书记处: the post characters begin a longer ordinary word; 主委 of 业主委员会 is part of
    委员会."""
    if text[end - 1 : end + 1] == "委员" or text[end : end + 1] in ("制", "室"):
        return True  # 河长制, 林长制: the system of the post, no holder; 参事室: the post's office
    if text[start - 1 : start + 1] == "公司":
        return True  # 有限公司长沙分公司: 司长 of 公司 + 长沙
    if text[end - 1] == "长" and any(
        d.level in ("county", "city")
        for k in (3, 4)
        for d in Gazetteer.load().lookup(text[end - 1 : end - 1 + k])
    ):
        return True  # 西安市长安区委书记: 市 + 长安区, no mayor
    if text[end - 1] == "长" and _after_a_zone_suffix(text, start + 1) and _a_city_begins(text, end - 1):
        return True  # 某某自由贸易试验区长沙片区: 试验区 + 长沙, no district head
    word = text[start : end + 1]
    return len(word) > end - start and word_freq().get(word, 0) >= 20 and not _name_tag(word)


@cache
def _zone_suffixes() -> tuple[str, ...]:
    """Zone suffixes of the place lexicon, and the bare words a zone's name ends with (试验区, 片区)."""
    listed = (s.suffix for s in Lexicon.load().place_suffixes if s.kind == "zone" and len(s.suffix) >= 2)
    return (*listed, "试验区", "片区", "园区")


def _after_a_zone_suffix(text: str, end: int) -> bool:
    """Whether a zone's suffix (试验区, 开发区, 片区) ends at ``end``."""
    return text.endswith(_zone_suffixes(), 0, end)


def _a_city_begins(text: str, i: int) -> bool:
    """Whether a city's or county's name, short or full, begins at ``i`` (长沙, 长治市)."""
    gazetteer = Gazetteer.load()
    return any(d.level in ("city", "county") for k in (2, 3) for d in gazetteer.lookup(text[i : i + k]))


_DIVISION_CHARS = set("省市州县区镇乡村街")
_SPEECH = ("表示", "介绍", "指出", "强调", "主持", "说", "出席", "参加", "讲话", "汇报", "发言")
# 某某才旦及部门负责人, 某某平措同志调研, 某某其木格在会上
_NAME_ENDS = ("同志", "一行", "及", "调研", "陪同", "带队", "在", "应邀", "受", "率", "等")
_NAME_PART = re.compile(r"[\u3400-\u9fff]{2,8}(?:·[\u3400-\u9fff]{2,8})?")


_UNUSUAL_NAME_NEVER_STARTS = (
    "从对和与及在为向把被将于以由同跟给的了是也都还又就来率带到赴要会能应该请让去一二三四五六七八九十两几"
    "巡护"  # 河长巡河, 林长护林: the chief's round, no name
)


def _frequent_word(word: str, freq: dict[str, int]) -> bool:
    """A word of two or more characters the dictionary counts 50 times or more (党建, 乡村), names
    included (``_common_word`` asks for more and leaves names out)."""
    return len(word) >= 2 and freq.get(word, 0) >= 50


_ACTS_AFTER_A_NAME = set("以致作向对为在与和及率带到赴说讲同将")


def _unusual_name(text: str, i: int) -> tuple[int, int] | None:
    """A name without a common surname (其木格, 额尔敦毕力格, 阿依古丽·买买提) right after a post,
    ended by punctuation or a speech verb."""
    m = _NAME_PART.match(text, i)
    if not m:
        return None
    name = m.group(0)
    if "·" not in name and name[0] in _UNUSUAL_NAME_NEVER_STARTS:
        return None
    surnamed = "·" not in name and name[0] in Lexicon.load().surnames
    if "·" in name:
        dot = name.index("·")
        name = name[: dot + 1 + _transliteration_length(name[dot + 1 :])]
    else:
        ends = [
            p
            for p in range(2, len(name) + 1)
            if p == len(name) or name[p:].startswith(_SPEECH + _NAME_ENDS) or _word_of_manner(name[p : p + 2])
        ]
        ends = [p for p in ends if p <= 6]
        if not ends:
            return None
        name = name[: ends[0]]
        if surnamed and (len(name) != 4 or name[3] in _ACTS_AFTER_A_NAME):
            return None  # a surname begins it and read_name found no name: only 江拥洛追 is read here
    if text[i + len(name) : i + len(name) + 1] in ("”", "》", "’"):
        return None  # “委员大讲堂”: a quoted name of a thing
    if name.endswith("副") or _posts_regex(Lexicon.load()).match(text, i + len(name)):
        return None  # 省河长 + 办副主任: the body's name and its post, no name between two posts
    freq = word_freq()
    plain = name.replace("·", "")
    words = tagged_words(text[i : i + len(name) + 4])
    if len(words) > 1 and words[0][1] == "v" and len(words[0][0]) == 1 and _frequent_word(words[1][0], freq):
        return None  # 书记 + 抓党建: a verb and its object, no name
    if freq.get(plain, 0) >= 50:
        return None  # 副主席候选人: a word, not a name
    bad = _BAD_NAME_CHARS - {"那"} if "·" in name else _BAD_NAME_CHARS  # 那 of 贾那提别克 transliterates
    if any(c in bad or c in _DIVISION_CHARS for c in plain):
        return None  # no transliteration holds 镇 or 村: 区长 of 万州区长滩镇茶坪村 is inside place names
    if any(_common_or_verbal(plain[k : k + 2], freq) for k in range(len(plain) - 1)):
        return None
    if len(plain) == 2 and [t[:1] for _, t in tagged_words(plain)] == ["v", "f"]:
        return None  # 县级领导靠前指挥: a verb and a position word
    return i, i + len(name)


def _word_of_manner(pair: str) -> bool:
    """A frequent verb, adjective or adverb of two characters that may follow a name (激动地说).

    >>> _word_of_manner("激动"), _word_of_manner("古丽")
    (True, False)
    """
    tag = word_tags().get(pair, "")[:1]
    return len(pair) == 2 and word_freq().get(pair, 0) >= 300 and tag in ("a", "b", "d", "v")


def _common_or_verbal(pair: str, freq: dict[str, int]) -> bool:
    """A character pair no transliterated name holds: a common word, or a verb, adjective or adverb
    (紧靠 of 盯紧靠上).

    >>> _common_or_verbal("紧靠", word_freq()), _common_or_verbal("木格", word_freq())
    (True, False)
    """
    count, tag = freq.get(pair, 0), word_tags().get(pair, "")
    if tag == "nr":
        return False  # 洛桑, 扎西: the dictionary knows the pair as a name
    return count >= 200 or (count >= 20 and tag[:1] in ("v", "a", "d"))


def _with_transliteration(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Extend a name over a ``·`` and its second part (热合曼·阿不都拉), also when the name read
    stopped inside the first part (马合木 of 马合木提·吾买尔江).

    >>> s = "县长马合木提·吾买尔江等陪同调研"
    >>> s[slice(*_with_transliteration(s, (2, 5)))]
    '马合木提·吾买尔江'
    """
    whole = _NAME_PART.match(text, span[0])
    if whole and "·" in whole.group(0) and whole.group(0).index("·") <= 8:
        dot = span[0] + whole.group(0).index("·")
        if span[1] <= dot:
            span = (span[0], dot)
    if span[1] < len(text) and text[span[1]] == "·":
        tail = _NAME_PART.match(text, span[1] + 1)
        if tail:
            return span[0], span[1] + 1 + _transliteration_length(tail.group(0))
    return span


_AFTER_TRANSLITERATION = set("等到在率与和及对向从为")


def _transliteration_length(part: str) -> int:
    """Characters of a transliterated name part before the words that follow it (木沙调研 → 2)."""
    freq = word_freq()
    for k in range(2, len(part)):
        rest = part[k:]
        if len(rest) == 1:
            break
        if rest.startswith(_SPEECH) or rest[0] in _AFTER_TRANSLITERATION or freq.get(rest[:2], 0) >= 500:
            return k
    return len(part)


_BODY_AHEAD = re.compile(r"[省市州盟县区旗镇乡](?:人大|政协|政府|委|纪委)")
_LIST_ITEM = re.compile(r"[\u3400-\u9fff]{2,3}(?=[、，,；;]|等|$)")
_FOUR_CHARACTER_ITEM = re.compile(r"[\u3400-\u9fff]{4}(?=[、，,；;])")
_DOTTED_ITEM = re.compile(r"[\u3400-\u9fff]{2,8}·[\u3400-\u9fff]{2,8}(?=[、，,；;]|等|$)")


def listed_name(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name at ``i`` inside a 、-list of names: read as a name, or a short item the list delimits
    (副县长张某、时全、赵某: 时 is a rarer surname).

    >>> s = "副县长张艳、时全、王棉参加"
    >>> listed_name(s, 6, Lexicon.load()), listed_name(s, 9, Lexicon.load())
    ((6, 8), (9, 11))
    """
    delimited = text[i - 1 : i] in ("、", "") or text[i - 1 : i].isspace()
    if _posts_regex(lex).match(text, i):
        return None  # 区长某某、常务副区长某某: the item is a post of its own
    dotted = _DOTTED_ITEM.match(text, i) if delimited else None
    if dotted and not set(dotted.group(0)) & _BAD_NAME_CHARS:
        return dotted.start(), dotted.end()  # 、宗洛·向巴克珠、: a name in two parts between two marks
    span = read_name(text, i, lex)
    whole = _FOUR_CHARACTER_ITEM.match(text, i)
    if span and delimited and whole and whole.end() > span[1] and not set(whole.group(0)) & _BAD_NAME_CHARS:
        return whole.start(), whole.end()  # 、孟和达来、: a four-character name between two marks
    if span and delimited and text[span[1] : span[1] + 1] in "和同及与":
        item = _short_list_item(text, i)  # 马同和 between two 、: the whole item, not 马同 + 和
        if item and item[1] == span[1] + 1:
            return item
    if span:
        return span
    if not delimited:
        return None
    return _short_list_item(text, i) or _word_between_names(text, i, lex) or _name_of_no_words(text, i)


def _name_of_no_words(text: str, i: int) -> tuple[int, int] | None:
    """A four-character item of a 、-list made of no common word (格桑次旦, 白玛旺堆): a name
    transliterated, with no surname to read it by.

    >>> _name_of_no_words("、白玛旺堆、卓嘎", 1), _name_of_no_words("、乡村振兴、文化", 1)
    ((1, 5), None)
    """
    whole = _FOUR_CHARACTER_ITEM.match(text, i)
    if not whole or set(whole.group(0)) & _BAD_NAME_CHARS:
        return None
    freq = word_freq()
    if any(_frequent_word(w, freq) for w, _ in tagged_words(whole.group(0))):
        return None
    return whole.start(), whole.end()


def _word_between_names(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name that is also a word (高尚, 高峰), between two 、 of a list, its first character a surname
    and a name after it: 市领导郑某、高尚、陈某出席.

    >>> lex = Lexicon.load()
    >>> _word_between_names("市领导郑东、高尚、陈卫出席", 6, lex)
    (6, 8)
    >>> _word_between_names("要求郑东、高效、务实", 5, lex) is None
    True
    """
    end = i + 2
    if text[i - 1 : i] != "、" or text[end : end + 1] != "、" or text[i] not in lex.surnames:
        return None
    if not CJK.match(text[i + 1]) or text[i + 1] in _BAD_NAME_CHARS:
        return None
    return (i, end) if read_name(text, end + 1, lex) else None


def _short_list_item(text: str, i: int) -> tuple[int, int] | None:
    """A short item a 、-list delimits that may be a name: no function character, no common word."""
    m = _LIST_ITEM.match(text, i)
    if not m:
        return None
    item = m.group(0)
    if any(c in _BAD_NAME_CHARS for c in item) or _common_word(item) or word_freq().get(item, 0) >= 20:
        return None
    return m.start(), m.end()


def _names_sharing_titles(text: str, first: Mention, lex: Lexicon) -> Iterator[Mention]:
    """副主任甲、乙、丙: names listed after a titled name share its titles."""
    i, rank = first.end, 2
    while i < len(text) and text[i] in "、，":
        if _BODY_AHEAD.match(text, i + 1):
            return  # 区长某某、区人大常委会主任…: the list of names has ended
        span = listed_name(text, i + 1, lex) if text[i] == "、" else _name_between_commas(text, i + 1, lex)
        if not span or _body_with_its_post(text, span, lex) or _a_division(text[span[0] : span[1]]):
            return  # 局长某某，霍山县、金寨县政府: the list of names has ended
        if text[i] == "，" and text[span[1] : span[1] + 1] == "、":
            return  # 县长某某，甲、乙等四大班子领导: a list of its own after the comma
        yield Mention("official", text[span[0] : span[1]], span[0], span[1], titles=first.titles, rank=rank)
        i, rank = span[1], rank + 1


def _a_division(item: str) -> bool:
    """Whether an item is a division's full name (霍山县, 邵武市), which no person bears."""
    return item[-1:] in "省市县区州旗镇乡" and any(d.name == item for d in Gazetteer.load().lookup(item))


def _name_between_commas(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name listed with commas after a titled name (副县长甲，乙，丙出席): the whole item between two
    marks, or before a word that follows names, read as a name and no common word.

    >>> lex = Lexicon.load()
    >>> _name_between_commas("副县长龙水莲，黎俊昌，郑龙出席", 7, lex)
    (7, 10)
    >>> _name_between_commas("县长王强，高度重视", 5, lex)
    """
    span = read_name(text, i, lex)
    if span is None or word_freq().get(text[span[0] : span[1]], 0) >= 50:
        return None
    after = text[span[1] : span[1] + 1]
    if after in ("，", "、") or lex.starts_with_follower(text[span[1] :]):
        return span
    return None


def _body_with_its_post(text: str, span: tuple[int, int], lex: Lexicon) -> bool:
    """The item read as a name is a body whose post follows (主任李某、区科委主任王某: 区科委).

    >>> _body_with_its_post("主任李刚、区科委主任李文波", (5, 8), Lexicon.load())
    True
    >>> _body_with_its_post("区委书记黄某、邵武市委书记陈某", (7, 9), Lexicon.load())
    True
    """
    item = text[span[0] : span[1]]
    if _BODY_AHEAD.match(text, span[1]) and Gazetteer.load().lookup(item + text[span[1]]):
        return True  # 书记甲、邵武市委书记乙: 邵武 + 市委 is the city's committee, no name
    return bool(lex.org_suffix_at_end(item) and _posts_regex(lex).match(text, span[1]))


_NAME_THEN_TITLES = re.compile(
    r"(?:^|(?<=[：；:;，]))([\u3400-\u9fff]{2,4})，([^，。；;]{2,30}?)(?=[；;。]|$)"
)


def _titles_after_names(text: str, lex: Lexicon) -> Iterator[Mention]:
    """``冉某，市委常委、秘书长；`` — a name followed by its titles."""
    for m in _NAME_THEN_TITLES.finditer(text):
        span = read_name(text, m.start(1), lex)
        segment = m.group(2)
        post = lex.post_at_end(segment)
        if not span or span[1] != m.end(1) or not post:
            continue
        offset = m.start(2)
        titles = _titles_before(text, offset + len(segment) - len(post), m.end(2), lex)
        if titles and title_start(text, offset + len(segment) - len(post)) <= offset + len(segment):
            yield Mention("official", m.group(1), span[0], span[1], titles=tuple(titles))


def _name_after_a_space(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name set off from its post by a space at the end of a line (某村第一书记 徐某): a caption.

    >>> lex = Lexicon.load()
    >>> _name_after_a_space("驻村第一书记 徐建立", 6, lex), _name_after_a_space("书记 徐建立说", 2, lex)
    ((7, 10), None)
    """
    if text[i : i + 1] not in (" ", "\u3000"):
        return None
    span = read_name(text, i + 1, lex)
    return span if span and (span[1] == len(text) or not CJK.match(text[span[1]])) else None


def _name_after_a_colon(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name after a post and a colon (大会的执行主席是：甲、乙), or after 是 when a list of names
    follows (执行主席是甲、乙): the post is theirs.

    >>> s = "这次大会的执行主席是：王旭、韩学群"; _name_after_a_colon(s, 9, Lexicon.load())
    (11, 13)
    """
    m = _COLON_AFTER_POST.match(text, i)
    if m:
        return read_name(text, m.end(), lex)
    span = read_name(text, i + 1, lex) if text[i : i + 1] == "是" else None
    return span if span and text[span[1] : span[1] + 1] == "、" else None  # 执行主席是甲、乙


_COLON_AFTER_POST = re.compile(r"(?:是|为|还有|有)?[:：]")
_FIELD_AFTER_POST = re.compile(r"[（(][\u3400-\u9fff]{1,6}[）)]")


def _name_after_its_field(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A name after a post and the field it covers in brackets (党工委副书记（党群）张某).

    >>> s = "党工委副书记（党群）张平等参加"; _name_after_its_field(s, 6, Lexicon.load())
    (10, 12)
    """
    m = _FIELD_AFTER_POST.match(text, i)
    return read_name(text, m.end(), lex) if m else None


def _nominee(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """The name after a post's nominee (提名副县长人选某某): the nominee for the post.

    >>> lex = Lexicon.load()
    >>> _nominee("提名副县长人选张宏亮陪同", 5, lex), _nominee("副旗长提名人选刘海涛及", 3, lex)
    ((7, 10), (7, 10))
    """
    for word in ("提名人选", "人选", "候选人"):
        if text.startswith(word, i):
            return read_name(text, i + len(word), lex)
    return None


_BRACKETED_TITLES = re.compile(r"[（(]([^（）()，。；]{2,24})[）)]")


def _titles_in_brackets(text: str, lex: Lexicon) -> Iterator[Mention]:
    """``队员陈某（驻某村第一书记）`` — a name followed by its titles in brackets.

    >>> [(m.text, m.titles[0].text) for m in _titles_in_brackets("王明（县委副书记）出席", Lexicon.load())]
    [('王明', '县委副书记')]
    """
    if "（" not in text and "(" not in text:
        return
    for m in _BRACKETED_TITLES.finditer(text):
        segment = m.group(1)
        post = lex.post_at_end(segment)
        if not post:
            continue
        span = next(
            (
                (m.start() - n, m.start())
                for n in (3, 2, 4)
                if m.start() - n >= 0 and read_name(text, m.start() - n, lex) == (m.start() - n, m.start())
            ),
            None,
        )
        titles = _titles_before(text, m.end(1) - len(post), m.end(1), lex) if span else []
        if span and titles and title_start(text, m.end(1) - len(post)) <= m.start(1):
            yield Mention("official", text[span[0] : span[1]], span[0], span[1], titles=tuple(titles))


_APPOINTED = re.compile(
    r"([\u3400-\u9fff·\d]{2,12}?)(?:为|(?:全票|高票|当场)?当选(?:为)?)([^，。；、为]{2,24}?)(?=[，。；、]|$)"
)
_COMRADES = re.compile(  # 某某等47人为, 某某被选为
    r"(?:等?[\d一二三四五六七八九十两]+(?:位|名)?(?:同志|人)|同志|被(?:选|推选|选举|任命|提拔|评))$"
)


def _appointments(text: str, lex: Lexicon) -> Iterator[Mention]:
    """``任命汪某为市民政局局长，朱某为市生态环境局局长``, ``某某全票当选村党支部书记``: a name appointed
    or elected to a title."""
    for m in guarded(_APPOINTED).finditer(text):
        post = lex.post_at_end(m.group(2))
        if not post:
            continue
        comrades = _COMRADES.search(m.group(1))
        name_end = m.start(1) + comrades.start() if comrades else m.end(1)
        for start in range(m.start(1), name_end - 1):  # the name ends where 为 (or 同志, 等N人) begins
            span = read_name(text, start, lex)
            if span and span[1] == name_end:
                titles = _titles_inside(text, m.start(2), m.end(2), post, lex)
                for first, last in [*_names_listed_before(text, span[0], lex), span] if titles else []:
                    yield Mention("official", text[first:last], first, last, titles=titles)
                break


def _titles_inside(text: str, start: int, end: int, post: str, lex: Lexicon) -> tuple[Title, ...]:
    """The titles ending in ``post`` at ``end`` when they begin inside ``text[start:end]`` (the part
    of an appointment or of 时任…的 that holds the post), else none."""
    if title_start(text, end - len(post)) < start:
        return ()
    return tuple(_titles_before(text, end - len(post), end, lex))


_FOREIGN_POSTS = (
    "国家元首",
    "副总统",
    "总统",
    "总理",
    "首相",
    "国王",
    "女王",
    "议长",
    "外交部长",
    "外长",
    "总督",
    "王储",
    "苏丹",
)
_FOREIGN_POST = re.compile("|".join(_FOREIGN_POSTS))
_FOREIGN_NAME_END = (
    r"[、，,。；;：:（(在就于的与和及同向对并说一]|$"
    r"|举行|会见|会谈|会晤|通电话|互致|进行|表示|发来|致电|出席|抵达|访问|访华|率团|一行"
)


@cache
def _foreign_leader_regex() -> re.Pattern[str]:
    countries = sorted(
        (w for w, (kind, *_rest) in world_places().items() if kind == "country"), key=len, reverse=True
    )
    return re.compile(
        rf"({'|'.join(map(re.escape, countries))})({'|'.join(_FOREIGN_POSTS)})"
        rf"([\u3400-\u9fff][\u3400-\u9fff·]{{1,11}}?)(?={_FOREIGN_NAME_END})"
    )


def _foreign_leaders(text: str) -> Iterator[Mention]:
    """Heads of foreign states and governments, by country, post and name (美国总统特朗普): a
    transliterated name read up to the word after it.

    >>> [(m.text, m.titles[0].text) for m in _foreign_leaders("美国总统特朗普在釜山会晤，致芬兰总统斯图布、")]
    [('特朗普', '美国总统'), ('斯图布', '芬兰总统')]
    >>> list(_foreign_leaders("美国总统选举结果"))
    []
    """
    if not _FOREIGN_POST.search(text):
        return
    for m in _foreign_leader_regex().finditer(text):
        name = m.group(3)
        if _common_word(name) or (word_freq().get(name[:2], 0) >= 500 and not _name_tag(name[:2])):
            continue  # 总统选举, 总理府: a word, no name (普京 is a name of the dictionary)
        if name[0] in "府院办署" or any(len(w) >= 2 and t.startswith("v") for w, t in tagged_words(name)):
            continue  # 总统府发表声明: the office and what it did
        title = Title(m.group(1) + m.group(2), post=m.group(2), org=m.group(1), level="national")
        yield Mention("official", name, m.start(3), m.end(3), titles=(title,))


_POST_LEFT = re.compile(r"(?:免去|免除|撤销)((?:[\u3400-\u9fff]{4,40}?职务、)*[\u3400-\u9fff]{4,40}?职务)")


def _names_leaving_posts(text: str, lex: Lexicon) -> Iterator[Mention]:
    """``免去甲某市某局局长职务、乙某县某局局长职务``: each name before the post it leaves.

    >>> text = "决定免去平旭洪湖市卫生健康局局长职务、张三友洪湖市财政局局长职务"
    >>> found = _names_leaving_posts(text, Lexicon.load())
    >>> [(m.text, m.titles[0].text) for m in found]
    [('平旭', '洪湖市卫生健康局局长'), ('张三友', '洪湖市财政局局长')]
    """
    if "职务" not in text:
        return
    for m in _POST_LEFT.finditer(text):
        position = m.start(1)
        for item in text[m.start(1) : m.end()].split("、"):
            start, position = position, position + len(item) + 1
            held = item.removesuffix("职务")
            post = lex.post_at_end(held)
            length = next((n for n in (2, 3) if _a_body_begins(held[n:])), 0)
            if not post or not length or length >= len(held) - len(post):
                continue  # the name, then the body of the post: 平旭 + 洪湖市卫生健康局局长
            end = start + len(held)
            titles = tuple(_titles_before(text, end - len(post), end, lex, None, start + length))
            if titles and _may_be_a_name(held[:length]):
                yield Mention("official", held[:length], start, start + length, titles=titles)


def _a_body_begins(rest: str) -> bool:
    """Whether a body's name begins ``rest``: a division or a level (洪湖市…, 市财政局…)."""
    return rest[:1] in "省市州盟县区旗镇乡" or any(Gazetteer.load().lookup(rest[:k]) for k in (2, 3, 4))


_HELD_POST = re.compile(r"(?:时任|曾任|现任|原任|担任|任)([^，。；、“”]{2,24}?)的(?=[\u3400-\u9fff]{2})")


def _names_after_a_held_post(text: str, lex: Lexicon) -> Iterator[Mention]:
    """``时任某某公社书记的黄某某``: the name after the post someone held or holds.

    >>> found = _names_after_a_held_post("时任岩门公社书记的黄泽明，眼见", Lexicon.load())
    >>> [(m.text, m.titles[0].text) for m in found]
    [('黄泽明', '岩门公社书记')]
    """
    for m in _HELD_POST.finditer(text):
        post = lex.post_at_end(m.group(1))
        span = read_name(text, m.end(), lex) if post else None
        if span is None:
            continue
        titles = _titles_inside(text, m.start(1), m.end(1), post, lex)
        if titles:
            yield Mention("official", text[span[0] : span[1]], span[0], span[1], titles=titles)


def _names_listed_before(text: str, start: int, lex: Lexicon) -> list[tuple[int, int]]:
    """The names listed with 、 before the name at ``start`` (选举甲、乙、丙三位同志为…), in text order.

    >>> text = "选举张亚军、尚卫东、赵伟三位同志为副主席"
    >>> [text[a:b] for a, b in _names_listed_before(text, 10, Lexicon.load())]
    ['张亚军', '尚卫东']
    """
    spans: list[tuple[int, int]] = []
    end = start
    while end > 0 and text[end - 1] == "、":
        found = next(
            (
                (k, end - 1)
                for k in (end - 4, end - 3, end - 5)
                if k >= 0 and read_name(text, k, lex) == (k, end - 1)
            ),
            None,
        )
        if found is None:
            break
        spans.insert(0, found)
        end = found[0]
    return spans


@cache
def _state_firm() -> re.Pattern[str]:
    """The marks of a state-owned firm in its name (``kg/data/state_firms.txt``)."""
    return alternation(data_words("state_firms.txt"))


def _private_company_staff(m: Mention) -> Mention:
    """A chairman or manager of a private company or group is company staff, not an official (the
    party secretary of a group heads a state firm: 某某集团党委书记、董事长); the head of an
    association, chamber or foundation who holds no post besides is no official either."""
    if m.titles and all(t.post in _ASSOCIATION_POSTS for t in m.titles):
        return Mention("person", m.text, m.start, m.end, role=m.titles[0].text)
    titles = [t for t in m.titles if t.post not in _ASSOCIATION_POSTS]
    orgs = [t.org for t in titles if t.org]
    company = all(re.search(r"公司$|集团", o) for o in orgs) or all(t.post in _FIRM_POSTS for t in titles)
    party_post = any(t.post.startswith(("党委", "党组")) or "党委" in t.org for t in titles)
    if orgs and company and not party_post and not any(_a_state_firm(o) for o in orgs):
        return Mention("person", m.text, m.start, m.end, role=m.titles[0].text)
    return m


def _a_state_firm(org: str) -> bool:
    """Whether a firm's name bears a mark of state ownership; 集团 alone marks a state group only after
    its province, city or county (省纺织产业发展集团, 山东重工集团; 正威集团 is a private group).

    >>> _a_state_firm("山东重工集团"), _a_state_firm("正威集团"), _a_state_firm("某某集团常村煤矿")
    (True, False, True)
    >>> _a_state_firm("中科发展集团有限公司"), _a_state_firm("洛阳中科锂电新材料有限公司")
    (True, False)
    """
    # 中科 heads the Academy's firms' names; 洛阳中科锂电 is a brand
    marks = [m for m in _state_firm().findall(org) if m != "中科" or org.startswith(m)]
    if any(mark != "集团" for mark in marks):
        return True
    places = gazetteer_places(org)
    placed = org[:1] in "省市州县区" or any(
        p.start == 0 and (not p.attr("short") or city_or_province(p.text)) for p in places
    )
    return bool(marks) and placed


_BODY_BEFORE_LEADERS = re.compile(rf"{_BODIES_WITH_LEADERS}领导$")
_FIRM_POSTS = {"董事长", "副董事长", "总经理", "副总经理", "总工程师", "总裁", "副总裁"}
_ASSOCIATION_POSTS = {"会长", "副会长", "理事长", "副理事长"}


def _listed_leaders(text: str, head: re.Match[str], lex: Lexicon) -> Iterator[Mention]:
    said = re.sub("(?:还)?有[:：]$", "", head.group(0).replace("同志", ""))  # 领导有：甲、乙; 领导还有：
    if _BODY_BEFORE_LEADERS.match(said):  # 市委直属机关工委 + 领导甲、乙: the body's full name
        said = text[title_start(text, head.start()) : head.start()] + said
    post = "班子成员" if said.endswith("班子成员") else "领导"
    title = Title(said, post=post, org="", level=_head_level(said))
    i, rank = head.end(), 1
    while i < len(text):
        span = (
            (read_name(text, i, lex) or _first_of_a_list(text, i, lex))
            if rank == 1
            else listed_name(text, i, lex)
        )
        if not span:
            return
        yield Mention("official", text[span[0] : span[1]], span[0], span[1], titles=(title,), rank=rank)
        rank += 1
        joined = text[span[1] : span[1] + 1]
        if joined in ("、", "，"):
            i = span[1] + 1
        elif joined in ("和", "及") and rank > 2 and (last := read_name(text, span[1] + 1, lex)):
            # 市领导甲、乙和丙在主席台就座: the last name of the list, after 和
            yield Mention("official", text[last[0] : last[1]], *last, titles=(title,), rank=rank)
            return
        else:
            return


def _first_of_a_list(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """The first name of a 、-list after 县领导 when its surname is rare and a name follows it
    (县领导缑某某、雷某某参加; not 跟着县领导护河、巡河去).

    >>> lex = Lexicon.load()
    >>> _first_of_a_list("县领导缑正、雷明参加", 3, lex), _first_of_a_list("县领导护河、巡河去", 3, lex)
    ((3, 5), None)
    """
    span = _short_list_item(text, i)
    if not span or text[span[1] : span[1] + 1] != "、":
        return None
    return span if read_name(text, span[1] + 1, lex) else None


def _head_level(head: str) -> str:
    return LEVEL_BY_CHAR.get(head[0], "")


# ---------------------------------------------------------------- persons

_BYLINE_ROLE = re.compile(
    r"(本报记者|首席记者|见习记者|特约记者|记者|本报通讯员|通讯员|实习生|摄影|摄像)[\s　]*"
    r"((?:[\u3400-\u9fff·]{2,5}[\s　、]*)+)"
)
_PHOTO = re.compile(r"(?:^|[\s　。])([\u3400-\u9fff]{2,4}(?:[\s　]+[\u3400-\u9fff]{2,4})*)[\s　]*摄$")
_SIGNATURE = re.compile(r"^[·•]\s*([\u3400-\u9fff]{2,4})\s*[·•]$")
_AUTHOR_NOTE = re.compile(r"[（(]\s*作者(?:系|为|是)([^）)]*?)[）)]")


def _split_names(chunk: str) -> list[tuple[str, int]]:
    """Names in a byline chunk separated by spaces or 、, with their offsets in the chunk."""
    out = []
    for m in re.finditer(r"[\u3400-\u9fff·]{2,5}", chunk):
        name = m.group(0)
        if name.endswith("摄") and len(name) > 2:
            name = name[:-1]
        if name not in ("本报", "报道") and not _ROLE_WORD.fullmatch(name):
            out.append((name, m.start()))
    return out


_ROLE_TOKEN = re.compile(
    r"本报记者|首席记者|见习记者|特约记者|记者|本报通讯员|通讯员|实习生|摄影|摄像|摄"
    r"|[\u3400-\u9fff]{2,6}·[\u3400-\u9fff]{2,6}|[\u3400-\u9fff·]{2,4}"
)
_BYLINE_START = re.compile(r"(?:本报|首席|见习|特约)?(?:记者|通讯员)")
_NOT_A_NAME_START = set("从在向对于自据近今昨经了获日")
_ROLE_WORD = re.compile(r"(?:本报|首席|见习|特约)?(?:记者|通讯员)|实习生|摄影|摄像")


def find_byline_persons(text: str) -> list[Mention]:
    """Reporters, photographers and authors named in a byline or a lead (本报讯（记者…）).

    >>> [(m.text, m.role) for m in find_byline_persons("本报记者 张明 通讯员 李华")]
    [('张明', '记者'), ('李华', '通讯员')]
    >>> [(m.text, m.role) for m in find_byline_persons("本报讯（记者 王一 实习生 李二）5月1日，")]
    [('王一', '记者'), ('李二', '实习生')]
    """
    found: dict[int, Mention] = {}
    for head in guarded(_BYLINE_START).finditer(text):
        for mention in _byline_names(text, head.start()):
            found.setdefault(mention.start, mention)
    photo = guarded(_PHOTO).search(text)
    if photo:
        for name, offset in _split_names(photo.group(1)):
            start = photo.start(1) + offset
            if start not in found or found[start].role != "记者":
                found[start] = Mention("person", name, start, start + len(name), role="摄影")
            else:
                found[start] = Mention("person", name, start, start + len(name), role="记者（摄影）")
    sig = _SIGNATURE.match(text.strip())
    if sig:
        start = text.index(sig.group(1))
        found.setdefault(
            start, Mention("person", sig.group(1), start, start + len(sig.group(1)), role="作者")
        )
    return [found[k] for k in sorted(found)]


def _byline_names(text: str, i: int) -> Iterator[Mention]:
    """Role words and names from ``i`` until the byline ends (a bracket or punctuation)."""
    role = ""
    pos = i
    while pos < len(text):
        while pos < len(text) and text[pos] in " \u3000、":
            pos += 1
        m = _ROLE_TOKEN.match(text, pos)
        if not m:
            return
        token = m.group(0)
        if token.startswith("报道") or (role and token[0] in _NOT_A_NAME_START):
            return  # 记者从市生态环境局获悉: no name follows
        if token.startswith(("本报记者", "首席记者", "见习记者", "特约记者", "记者")):
            role = "记者"
        elif token.endswith("通讯员"):
            role = "通讯员"
        elif token == "实习生":
            role = "实习生"
        elif token in ("摄影", "摄像", "摄"):
            role = "摄影"
        elif role:
            if _common_word(token):
                return  # 对记者说道: a word, not a name
            end = m.end()
            if len(token) == 4 and token.endswith("报道"):
                token, end = token[:2], end - 2  # 记者王平报道: a two-character name
            elif len(token) >= 4 and (token.endswith("摄") or text.startswith("报道", end - 1)):
                token, end = token[:-1], end - 1  # 记者白永民摄, 记者陈某某报道: the name before the word
            separated = end >= len(text) or not CJK.match(text[end]) or text.startswith(("摄", "报道"), end)
            if not separated:
                named = read_name(text, m.start())
                if len(token) < 4 or not named or named[1] > end:
                    return  # 一名记者变身某村第一书记: no name follows the word
                token, end = text[named[0] : named[1]], named[1]
            yield Mention("person", token, m.start(), end, role=role)
            pos = end
            continue
        else:
            return
        pos = m.end()


def author_note_role(text: str) -> str | None:
    """The role an author note gives: ``（作者系市委党校教师）`` → ``市委党校教师``."""
    m = _AUTHOR_NOTE.search(text)
    return m.group(1).strip() if m else None


def _leader_name_at(text: str, i: int, lex: Lexicon) -> tuple[int, int] | None:
    """A national leader's name right after a role word (乡村医生李强): that role's person."""
    name = next((n for n in lex.leaders if text.startswith(n, i)), None)
    return (i, i + len(name)) if name else None


def find_role_persons(text: str, lex: Lexicon | None = None) -> list[Mention]:
    """Persons introduced by a role word: ``网格员宋某``, ``村民张某``.

    >>> [(m.text, m.role) for m in find_role_persons("网格员宋晓楠正在入户发放资料。")]
    [('宋晓楠', '网格员')]
    """
    lex = lex or Lexicon.load()
    out = []
    for m in lex.patterns.person_roles.finditer(text):
        span = read_name(text, m.end(), lex) or _leader_name_at(text, m.end(), lex)
        if span:
            out.append(Mention("person", text[span[0] : span[1]], span[0], span[1], role=m.group(0)))
    return out


@cache
def _leaders_regex() -> re.Pattern[str]:
    return alternation(Lexicon.load().leaders)


def find_leaders(text: str, lex: Lexicon | None = None) -> list[Mention]:
    """National leaders named in a sentence (with their national titles)."""
    lex = lex or Lexicon.load()
    out = []
    for m in _leaders_regex().finditer(text):
        name = m.group(0)
        after = text[m.end() : m.end() + 3]
        title = next((t for t in ("总书记", "总理", "主席", "委员长", "同志") if after.startswith(t)), "")
        ts = (Title(title, post=title, level="national"),) if title and title != "同志" else ()
        attrs = (("leader", ";".join(lex.leaders[name])),)
        out.append(Mention("official", name, m.start(), m.end(), titles=ts, attrs=attrs))
    return out


def names_listed_with(text: str, start: int, end: int, lex: Lexicon | None = None) -> list[tuple[int, int]]:
    """The other names of a 、-list that holds the name at ``start:end`` (会上，甲、乙、丙作了发言):
    read right to the list's end, and left while an item begins after a mark.

    >>> s = "会上，王清源、马金华、曹伟作了发言"
    >>> [s[a:b] for a, b in names_listed_with(s, 3, 6)]
    ['马金华', '曹伟']
    >>> s = "会上，马金华、王清源作了发言"; [s[a:b] for a, b in names_listed_with(s, 7, 10)]
    ['马金华']
    """
    lex = lex or Lexicon.load()
    found: list[tuple[int, int]] = []
    i = end
    while text[i : i + 1] == "、" and not _BODY_AHEAD.match(text, i + 1):
        span = listed_name(text, i + 1, lex)
        if not span or span[0] != i + 1 or _body_with_its_post(text, span, lex):
            break
        found.append(span)
        i = span[1]
    i = start
    while text[i - 1 : i] == "、" and i >= 3:
        span = next(
            (
                (a, i - 1)
                for n in (3, 2)
                if (a := i - 1 - n) >= 0
                and (a == 0 or not CJK.match(text[a - 1]) or text[a - 1] == "、")
                and listed_name(text, a, lex) == (a, i - 1)
            ),
            None,
        )
        if span is None:
            break
        found.insert(0, span)
        i = span[0]
    return found
