"""Chinese administrative divisions: lookup, parent chains and context resolution.

The data (``kg/data/divisions.tsv`` and ``kg/data/division_changes.tsv``) is
generated once by ``scripts/make_divisions.py``; see ``kg/data/SOURCES.md``.

Levels follow :data:`kg.model.LEVELS`: ``provincial``, ``city``, ``county``,
``township``.  Townships carry synthetic codes ``<county code>-<nnn>``.

>>> g = Gazetteer.load()
>>> [d.name for d in g.chain(g.lookup("潞州区")[0].code)]
['山西省', '长治市', '潞州区']
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Ethnic groups as they appear inside autonomous-unit names (longest first when matching).
ETHNIC_GROUPS = (
    "汉",
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
)

_ETHNIC_TAIL_RE = re.compile("(?:" + "|".join(sorted(ETHNIC_GROUPS, key=len, reverse=True)) + ")族$")

# Suffixes stripped to form a short name, longest first.
_SUFFIXES = (
    "特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县", "自治旗",
    "街道办事处", "办事处", "行政委员会", "管委会", "街道", "苏木", "地区", "新区", "矿区", "林区",
    "省", "市", "县", "区", "盟", "旗", "镇", "乡",
)  # fmt: skip

# Full names that are common nouns and must not be matched in running text on their own.
GENERIC_NAMES = frozenset(
    (
        "城区",
        "郊区",
        "矿区",
        "新区",
        "东区",
        "西区",
        "南区",
        "北区",
        "中区",
        "市中区",
        "市辖区",
        "开发区",
        "高新区",
        "经开区",
        "示范区",
        "管理区",
        "工业区",
        "工业园",
        "产业园",
        "化工园区",
        "临港区",
        "新城区",
        "老城区",
        "城关镇",
        "城关",
        "市直辖",
    )
)

# Township shorts ending like this name a road or street, not the division.
_STREETS = ("路", "街", "巷", "大道")

LEVEL_DEPTH = {"provincial": 1, "city": 2, "county": 3, "township": 4}


def short_form(name: str) -> str:
    """Short form of a division name: administrative suffix and ethnic names removed.

    The remainder must keep at least two characters, otherwise ``name`` is returned.

    >>> [short_form(n) for n in ("长治市", "广西壮族自治区", "延边朝鲜族自治州", "城关镇", "和县")]
    ['长治', '广西', '延边', '城关', '和县']
    >>> short_form("惠七满族镇"), short_form("浦东新区")
    ('惠七', '浦东')
    """
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            stem = _strip_ethnic(name[: -len(suffix)])
            return stem if len(stem) >= 2 else name
    return name


def _strip_ethnic(stem: str) -> str:
    """Remove trailing ethnic-group names (``黔西南布依族苗族`` → ``黔西南``).

    >>> _strip_ethnic("黔西南布依族苗族"), _strip_ethnic("清水土家族自治"), _strip_ethnic("鄂伦春民族")
    ('黔西南', '清水', '鄂伦春')
    """
    for tail in ("自治", "民族"):
        if stem.endswith(tail) and len(stem) > len(tail) + 1:
            stem = stem[: -len(tail)]
    while True:
        m = _ETHNIC_TAIL_RE.search(stem)
        if m is None or m.start() < 2:
            return stem
        stem = stem[: m.start()]


_ETHNIC_DIVISION = re.compile(r"(?:自治州|自治县|自治旗|民族乡|民族镇|族乡|族镇)$")


def common_forms(d: Division) -> tuple[str, ...]:
    """How papers write an ethnic autonomous division: its short form and the plain suffix
    (黔东南苗族侗族自治州 → 黔东南州, 融水苗族自治县 → 融水县), or the suffix without the peoples
    (务川仡佬族苗族自治县 → 务川自治县).

    >>> common_forms(Division("522600", "黔东南苗族侗族自治州", "黔东南", "city", "520000"))
    ('黔东南州', '黔东南自治州')

    A street is also named by its office (新堤街道 → 新堤办事处, 新堤街道办事处).
    """
    if d.level == "township" and d.name.endswith("街道") and len(d.name) >= 4:
        return (d.name[:-2] + "办事处", d.name + "办事处")  # 新堤街道 is also 新堤办事处, 新堤街道办事处
    m = _ETHNIC_DIVISION.search(d.name)
    if m is None or d.short == d.name:
        return ()
    plain = d.short + m.group(0)[-1]
    return (plain, d.short + m.group(0)) if m.group(0).startswith("自治") else (plain,)


@dataclass(frozen=True)
class Division:
    """One administrative division.

    >>> Division("140403", "潞州区", "潞州", "county", "140400").short
    '潞州'
    """

    code: str
    name: str
    short: str
    level: str
    parent_code: str
    aliases: tuple[str, ...] = ()


def _indexable_short(d: Division) -> bool:
    """Whether ``d.short`` should be matched in running text.

    Township shorts of two characters (城关, 新华, 红旗 …) are ordinary words or
    repeat in hundreds of counties, so only longer township shorts are indexed,
    and only when they do not themselves end in an administrative suffix
    (朝阳区街道 → 朝阳区 is not a usable short form) or in 路/街 (a road named
    like its street office).

    >>> _indexable_short(Division("1-001", "城关镇", "城关", "township", "1"))
    False
    """
    if d.short == d.name or d.short in GENERIC_NAMES:
        return False
    if d.level != "township":
        return True
    return len(d.short) >= 3 and short_form(d.short) == d.short and not d.short.endswith(_STREETS)


class Gazetteer:
    """All divisions with indexes by code, surface form and former name."""

    def __init__(self, divisions: Iterable[Division], changes: Iterable[tuple[str, str, str]] = ()) -> None:
        self.by_code: dict[str, Division] = {}
        self._children: dict[str, list[str]] = defaultdict(list)
        self._index: dict[str, list[str]] = defaultdict(list)
        self._short: dict[str, bool] = {}
        self._chains: dict[str, tuple[Division, ...]] = {}
        townships = []
        for d in divisions:
            self.by_code[d.code] = d
            self._children[d.parent_code].append(d.code)
            self._add(d.name, d.code, short=False)
            for alias in d.aliases:
                self._add(alias, d.code, short=True)
            if d.level == "township":
                townships.append(d)
            elif _indexable_short(d):
                self._add(d.short, d.code, short=True)
        for d in list(self.by_code.values()):
            for common in common_forms(d):
                if common not in self._index:
                    self._add(common, d.code, short=False)
        for d in townships:  # a township short never shadows a higher division's name
            if _indexable_short(d) and d.short not in self._index:
                self._add(d.short, d.code, short=True)
        for old_name, old_short, new_code in changes:
            if new_code in self.by_code:
                self._add(old_name, new_code, short=False)
                if old_short and old_short != old_name and old_short not in GENERIC_NAMES:
                    self._add(old_short, new_code, short=True)

    def _add(self, surface: str, code: str, short: bool) -> None:
        codes = self._index[surface]
        if code not in codes:
            codes.append(code)
        self._short[surface] = self._short.get(surface, True) and short

    @classmethod
    @cache
    def load(cls) -> Gazetteer:
        """The packaged gazetteer (cached).

        >>> Gazetteer.load() is Gazetteer.load()
        True
        """
        data = resources.files("kg") / "data"
        divisions = _read_divisions((data / "divisions.tsv").read_text(encoding="utf-8"))
        changes = _read_changes((data / "division_changes.tsv").read_text(encoding="utf-8"))
        return cls(divisions, changes)

    def __len__(self) -> int:
        return len(self.by_code)

    def lookup(self, surface: str) -> list[Division]:
        """Divisions named ``surface`` (full name, indexed short name or former name).

        >>> [d.name for d in Gazetteer.load().lookup("长治县")]
        ['上党区']
        """
        codes = self._index.get(surface)  # most surfaces asked about name no division
        return [self.by_code[c] for c in codes] if codes else []

    def get(self, code: str) -> Division | None:
        """The division with this code.

        >>> Gazetteer.load().get("140400").name
        '长治市'
        """
        return self.by_code.get(code)

    def chain(self, code: str) -> list[Division]:
        """Province … division itself.

        >>> [d.short for d in Gazetteer.load().chain("140400")]
        ['山西', '长治']
        """
        chain = self._chains.get(code)
        if chain is None:  # the divisions never change: each chain is walked once
            out: list[Division] = []
            d = self.by_code.get(code)
            while d is not None:
                out.append(d)
                d = self.by_code.get(d.parent_code)
            chain = self._chains[code] = tuple(out[::-1])
        return list(chain)

    def children(self, code: str) -> list[Division]:
        """Divisions directly below ``code``.

        >>> len(Gazetteer.load().children("140400")) >= 12
        True
        """
        return [self.by_code[c] for c in self._children.get(code, ())]

    def names(self, include_generic: bool = False) -> Iterator[tuple[str, bool]]:
        """Surface forms for building a matcher: ``(surface, is_short)``.

        ``is_short`` is False when the surface is some division's full (or former
        full) name.  Common-noun names such as 城区 or 开发区 are left out unless
        ``include_generic``.

        >>> ("长治", True) in set(Gazetteer.load().names())
        True
        """
        for surface, short in self._short.items():
            if include_generic or surface not in GENERIC_NAMES:
                yield surface, short

    def is_within(self, code: str, ancestor: str) -> bool:
        """Whether ``ancestor`` encloses (or is) ``code``.

        >>> Gazetteer.load().is_within("140403", "140000")
        True
        """
        return any(d.code == ancestor for d in self.chain(code))

    def resolve(self, surface: str, context_codes: Iterable[str] = ()) -> Division | None:
        """The division meant by ``surface`` given other divisions in the context.

        Each candidate scores, per context division, the depth of the deepest
        division both lie in (province 1, city 2, county 3).  The best score wins;
        a tie, or several candidates and no context, gives ``None``.

        >>> g = Gazetteer.load()
        >>> g.resolve("城区") is None
        True
        >>> g.resolve("城区", ["140400"]).name  # 长治's former 城区
        '潞州区'
        >>> g.resolve("潞州区", ["140400"]).code
        '140403'
        """
        candidates = self.lookup(surface)
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        context = [self.chain(c) for c in dict.fromkeys(context_codes) if c in self.by_code]
        scored = sorted(((self._score(d, context), d) for d in candidates), key=lambda t: -t[0])
        best, runner_up = scored[0][0], scored[1][0]
        return scored[0][1] if best > runner_up else None

    def _score(self, d: Division, context: list[list[Division]]) -> int:
        """Sum over context chains of the depth of the deepest shared division."""
        own = [x.code for x in self.chain(d.code)]
        total = 0
        for other in context:
            if other[-1].code == d.code:
                continue
            depth = 0
            for a, b in zip(own, (x.code for x in other), strict=False):
                if a != b:
                    break
                depth += 1
            total += depth
        return total


def _rows(text: str) -> Iterator[list[str]]:
    """Tab-separated rows, skipping comments and the header.

    >>> list(_rows("# c\\ncode\\tname\\n1\\ta\\n"))
    [['1', 'a']]
    """
    lines = (ln for ln in text.splitlines() if ln and not ln.startswith("#"))
    next(lines, None)
    for ln in lines:
        yield ln.split("\t")


def _read_divisions(text: str) -> list[Division]:
    """Parse ``divisions.tsv``: code, name, short, level, parent_code, aliases (``|``-joined).

    >>> head = "code\\tname\\tshort\\tlevel\\tparent_code\\taliases\\n"
    >>> _read_divisions(head + "1\\t甲市\\t甲\\tcity\\t\\t\\n")[0].name
    '甲市'
    """
    out = []
    for code, name, short, level, parent, aliases in _rows(text):
        out.append(Division(code, name, short, level, parent, tuple(a for a in aliases.split("|") if a)))
    return out


def _read_changes(text: str) -> list[tuple[str, str, str]]:
    """Parse ``division_changes.tsv`` into (old name, old short, new code).

    >>> head = "date\\told_name\\told_short\\told_parent\\tnew_code\\tnew_name\\tnew_parent\\tapproval\\n"
    >>> _read_changes(head + "2018-06-19\\t长治县\\t长治县\\t长治市\\t140404\\t上党区\\t长治市\\t国批\\n")
    [('长治县', '长治县', '140404')]
    """
    return [(r[1], r[2], r[4]) for r in _rows(text) if r[4]]


def without_divisions(name: str, keep: int = 4) -> str:
    """A project's name without the divisions written before it, when enough name is left.

    >>> without_divisions("山西省长治市潞州区城市生命线安全工程")
    '城市生命线安全工程'
    >>> without_divisions("长治高新区")
    '长治高新区'
    >>> without_divisions("高坪村肉牛产业示范园")
    '高坪村肉牛产业示范园'
    """
    gazetteer = Gazetteer.load()

    def is_division(surface: str) -> bool:  # 清河 names several counties, and maybe a river: not cut
        found = gazetteer.lookup(surface)
        return any(
            d.name == surface
            or d.level in ("provincial", "city")
            or (d.level == "county" and len(found) == 1)
            for d in found
        )

    rest = name
    while True:
        cut = next((n for n in range(min(len(rest) - keep, 12), 1, -1) if is_division(rest[:n])), 0)
        if not cut or rest[cut : cut + 1] in ("村", "镇", "乡"):
            return rest  # 高坪村肉牛产业园: 高坪 begins a village's name here, not the district's
        rest = rest[cut:]
