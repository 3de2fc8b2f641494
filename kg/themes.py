"""Policy themes and slogans: a curated vocabulary and a recogniser for numbered formulas.

``kg/data/themes.tsv`` holds preferred labels, alternative labels, a broader
top concept and a note; ``kg/data/numbered_heads.tsv`` holds the word lists
used by :func:`numbered_formulas`.

>>> v = ThemeVocabulary.load()
>>> v.preferred("乡村全面振兴")
'乡村振兴'
>>> numbered_formulas("增强“四个意识”，用了三个月。")
[(3, 7, '四个意识')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

TOP_CONCEPTS = {
    "theory": "理论思想",
    "party": "党的建设",
    "economy": "经济发展",
    "reform": "改革开放",
    "technology": "科技创新",
    "education": "教育人才",
    "regional": "区域协调",
    "rural": "三农与乡村振兴",
    "urban": "城市发展",
    "ecology": "生态文明",
    "livelihood": "民生保障",
    "governance": "社会治理",
    "rule_of_law": "民主法治",
    "security": "安全稳定",
    "culture": "文化建设",
    "plan": "规划时期",
}

_QUOTES = '“”"‘’「」『』'


@dataclass(frozen=True)
class Theme:
    """One concept of the vocabulary.

    >>> Theme("双碳", ("碳达峰碳中和",), "ecology").broader_label
    '生态文明'
    """

    preferred: str
    alt_labels: tuple[str, ...] = ()
    broader: str = ""
    note: str = ""

    @property
    def broader_label(self) -> str:
        return TOP_CONCEPTS.get(self.broader, self.broader)


def _data(name: str) -> str:
    return (resources.files("kg") / "data" / name).read_text(encoding="utf-8")


def _rows(text: str) -> Iterator[list[str]]:
    """Tab-separated rows without comments and header.

    >>> list(_rows("# x\\na\\tb\\n1\\t2\\n"))
    [['1', '2']]
    """
    lines = (ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#"))
    next(lines, None)
    for ln in lines:
        yield ln.split("\t")


class ThemeVocabulary:
    """Preferred labels with their variants; every surface maps to one preferred label."""

    def __init__(self, themes: list[Theme]) -> None:
        self._themes = {t.preferred: t for t in themes}
        self._surface: dict[str, str] = {}
        for t in themes:
            self._surface.setdefault(t.preferred, t.preferred)
        for t in themes:
            for alt in t.alt_labels:
                self._surface.setdefault(alt, t.preferred)

    @classmethod
    @cache
    def load(cls) -> ThemeVocabulary:
        """The packaged vocabulary (cached).

        >>> len(ThemeVocabulary.load()) > 300
        True
        """
        themes = []
        for row in _rows(_data("themes.tsv")):
            preferred, alts, broader, note = (row + ["", "", ""])[:4]
            variants = tuple(dict.fromkeys(a for a in alts.split("|") if a and a != preferred))
            themes.append(Theme(preferred, variants, broader, note))
        return cls(themes)

    def __len__(self) -> int:
        return len(self._themes)

    def __iter__(self) -> Iterator[Theme]:
        return iter(self._themes.values())

    def labels(self) -> Iterator[tuple[str, str]]:
        """``(surface, preferred)`` for every label, e.g. to build an Aho-Corasick automaton.

        >>> ("两山理论", "绿水青山就是金山银山") in set(ThemeVocabulary.load().labels())
        True
        """
        yield from self._surface.items()

    def preferred(self, surface: str) -> str | None:
        """The preferred label for a surface form (quotes around it are ignored).

        >>> ThemeVocabulary.load().preferred("“六稳”")
        '六稳六保'
        """
        return self._surface.get(surface) or self._surface.get(surface.strip(_QUOTES))

    def concept(self, preferred: str) -> Theme | None:
        """The theme with this preferred label (or any of its labels).

        >>> ThemeVocabulary.load().concept("新质生产力").broader
        'economy'
        """
        key = self.preferred(preferred)
        return self._themes.get(key) if key else None

    def narrower(self, top: str) -> list[Theme]:
        """Themes under a top concept key (see :data:`TOP_CONCEPTS`).

        >>> "碳达峰" in [t.preferred for t in ThemeVocabulary.load().narrower("ecology")]
        True
        """
        return [t for t in self._themes.values() if t.broader == top]


# ---------------------------------------------------------------- numbered formulas

NUMERALS = "一二三四五六七八九十百千万两"
CLASSIFIERS = "个大项张条种类支"
_FUNCTION_CHARS = set("的了是在和与及又也都就为把被等对将从向以并或而之其这那每各")
_NUM_RE = re.compile(f"[{NUMERALS}]+")


@dataclass(frozen=True)
class _Heads:
    classifier: tuple[str, ...]  # heads after 个/大/项 …, longest first
    direct: tuple[str, ...]  # heads right after the numeral (三农, 四风, 四下基层)
    parallel: tuple[str, ...]  # heads valid inside runs of units (六稳六保, 一户一策)
    negative: frozenset[str]  # measure words and counted nouns (月, 小时, 百分点)
    idioms: frozenset[str]  # idioms shaped like formulas (千家万户, 一心一意)


@cache
def _heads() -> _Heads:
    """The head lists of ``numbered_heads.tsv`` (cached)."""
    kinds: dict[str, list[str]] = {k: [] for k in ("classifier", "direct", "parallel", "negative", "idiom")}
    for row in _rows(_data("numbered_heads.tsv")):
        kinds[row[1]].append(row[0])
    return _Heads(
        _by_len(kinds["classifier"]),
        _by_len(kinds["direct"]),
        _by_len(kinds["parallel"]),
        frozenset(kinds["negative"]),
        frozenset(kinds["idiom"]),
    )


def _by_len(items: list[str]) -> tuple[str, ...]:
    """Distinct items, longest first.

    >>> _by_len(["意识", "必须坚持", "必须"])
    ('必须坚持', '必须', '意识')
    """
    return tuple(sorted(set(items), key=lambda x: (-len(x), x)))


def _head_at(text: str, i: int, heads: tuple[str, ...]) -> str:
    """The longest listed head starting at ``text[i]``, or ``''``."""
    m = _alternation(heads).match(text, i)
    return m.group(0) if m else ""


def _is_negative(head: str, h: _Heads) -> bool:
    """A head that counts or measures (三个月, 两个小时) rather than names."""
    return _alternation(h.negative).match(head) is not None or head[:1] in _FUNCTION_CHARS


def counts_things(surface: str) -> bool:
    """Whether a numbered name counts things or bodies rather than names a formula (四大班子).

    >>> counts_things("四大班子"), counts_things("三件大事")
    (True, False)
    """
    heads = _NUM_RE.split(surface)[1:]
    heads = [x[1:] if x[:1] in CLASSIFIERS and len(x) > 1 else x for x in heads]
    return bool(heads) and all(x in _heads().negative for x in heads)


@cache
def _alternation(words: tuple[str, ...] | frozenset[str]) -> re.Pattern[str]:
    """One regex trying ``words`` in their order (longest first): the first that matches wins."""
    return re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!)")


def _unit(text: str, i: int, h: _Heads) -> tuple[int, int, bool] | None:
    """One numeral unit at ``i``: (end of numeral+classifier, end of listed head or -1, has classifier)."""
    m = _NUM_RE.match(text, i)
    if not m:
        return None
    j = m.end()
    has_cl = j < len(text) and text[j] in CLASSIFIERS
    if has_cl and text[j] == "大" and j - i > 1:  # 十九大, 二十大: party congresses
        return None
    if has_cl:
        head = _head_at(text, j + 1, h.classifier)
        return (j + 1, j + 1 + len(head) if head else -1, True)
    head = _head_at(text, j, h.direct)
    return (j, j + len(head) if head else -1, False)


def _parallel(text: str, i: int, h: _Heads) -> int:
    """End of a run of two or more numeral units (六稳六保, 两不愁三保障, 三管三必须), or -1.

    A run is kept when none of its heads counts or measures, or when one of them
    is a listed slogan head (一户一策).
    """
    heads: list[str] = []
    pos = i
    while m := _NUM_RE.match(text, pos):
        j = m.end() + (text[m.end() : m.end() + 1] == "个")
        nxt = _NUM_RE.search(text, j + 1, j + 4)
        if nxt and _cjk(text[j : nxt.start()]):
            heads.append(text[j : nxt.start()])
            pos = nxt.start()
            continue
        if heads:
            head = _head_at(text, j, h.classifier + h.direct + h.parallel) or _last_head(text, j, heads[-1])
            if len(head) >= len(heads[-1]) and _cjk(head):
                heads.append(head)
                pos = j + len(head)
        break
    if len(heads) < 2 or any(set(x) & _FUNCTION_CHARS or "第" in x for x in heads):
        return -1  # 百坭村第一书记: an ordinal (第一) counts no unit
    listed = set(h.classifier + h.direct + h.parallel)
    if any(_is_negative(x, h) for x in heads) and not any(x in listed for x in heads):
        return -1
    return pos


def _last_head(text: str, j: int, before: str) -> str:
    """The last unit's head, as long as the one before it or one character longer when that makes a
    word (四议 + 两公开).

    >>> _last_head("落实四议两公开制度", 5, "议")
    '公开'
    """
    from kg.words import word_freq  # the dictionary loads only when a run needs it

    longer = text[j : j + len(before) + 1]
    if len(longer) > len(before) and _cjk(longer) and word_freq().get(longer, 0) >= 1000:
        return longer
    return text[j : j + len(before)]


def _cjk(s: str) -> bool:
    """Chinese characters only, and no numerals.

    >>> _cjk("意识"), _cjk("个三"), _cjk("")
    (True, False, False)
    """
    return bool(s) and all("\u4e00" <= c <= "\u9fff" and c not in NUMERALS for c in s)


def _quoted(text: str, i: int, h: _Heads) -> int:
    """End of a quoted numbered name (“五大中心”, “一心五区”), or -1."""
    if i == 0 or text[i - 1] not in '“"「『':
        return -1
    close = next((k for k in range(i + 2, min(len(text), i + 10)) if text[k] in '”"」』'), -1)
    if close < 0:
        return -1
    heads = [  # 场 counts the battles of a quoted formula (“四场硬仗”)
        x[1:] if x[:1] in CLASSIFIERS + "场" and len(x) > 1 else x for x in _NUM_RE.split(text[i:close])[1:]
    ]
    if not all(_cjk(x) and len(x) <= 4 for x in heads) or all(_is_negative(x, h) for x in heads):
        return -1
    if len(heads) == 1 and text[i] == "一" and heads[0] not in h.classifier + h.direct + h.parallel:
        return -1  # “一盘棋”, “一刀切”, “一碗粉”: one thing, no count of things
    return close


def _match_at(text: str, i: int, h: _Heads) -> int:
    """End of a numbered formula starting at ``i``, or -1."""
    ends = [_parallel(text, i, h), _quoted(text, i, h)]
    unit = _unit(text, i, h)
    numeral = _NUM_RE.match(text, i)
    if unit and unit[1] > 0 and numeral and (not unit[2] or numeral.group() != "一"):
        ends.append(unit[1])
    end = max(ends)
    if end < 0 or text[i:end] in h.idioms:
        return -1
    return end


def formula_idiom(phrase: str) -> bool:
    """An idiom shaped like a numbered formula (一心一意, 一盘棋): never a slogan.

    >>> formula_idiom("一盘棋"), formula_idiom("一核五化")
    (True, False)
    """
    return phrase in _heads().idioms


def numbered_formulas(text: str) -> list[tuple[int, int, str]]:
    """Numbered slogans found by pattern: ``(start, end, surface)``.

    Recognised: numeral + classifier + a slogan head (四个意识, 三个务必, 十大工程);
    numeral + a direct head (三农, 四风, 四下基层); parallel runs (六稳六保,
    三管三必须, 一老一小); any short numbered name in quotes (“五大中心”).
    Counts and measures (三个月, 两个小时, 五个百分点) and idioms are rejected.

    >>> [s for _, _, s in numbered_formulas("落实“六稳六保”，坚持“一核五化”，树牢四个意识，历时三个月")]
    ['六稳六保', '一核五化', '四个意识']
    """
    h = _heads()
    out: list[tuple[int, int, str]] = []
    taken = 0
    for m in _numeral_starts().finditer(text):
        i = m.start()
        if i < taken or _inside_a_word(text, i):
            continue
        end = _match_at(text, i, h)
        if end > i:
            out.append((i, end, text[i:end]))
            taken = end
    if "“双" in text:
        out += _quoted_pairs(text, out)
    return out


_QUOTED_PAIR = re.compile(
    r"(?<=“)双(?![一二三四五六七八九十])[\u3400-\u9fff]{1,5}(?=”)"
)  # not “双十二”, a date


def _quoted_pairs(text: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A quoted formula of two things named by 双 (“双区”建设, “双过半”, “双城联动”).

    >>> _quoted_pairs("抢抓“双区”建设和“双城联动”机遇", [])
    [(3, 5, '双区'), (10, 14, '双城联动')]
    """
    return [
        (m.start(), m.end(), m.group(0))
        for m in _QUOTED_PAIR.finditer(text)
        if all(m.end() <= a or m.start() >= b for a, b, _ in found)
    ]


def _inside_a_word(text: str, i: int) -> bool:
    """Whether the numeral at ``i`` is inside a word that begins before it (进一步, 举一反三, 统一):
    no formula begins there.

    >>> _inside_a_word("进一步统一思想", 1), _inside_a_word("举一反三深化整改", 1)
    (True, True)
    >>> _inside_a_word("做到两个维护", 2)
    False
    """
    from kg.words import word_freq

    freq = word_freq()
    return i > 0 and any(freq.get(text[i - 1 : k], 0) >= 50 for k in range(i + 1, min(len(text), i + 3) + 1))


@cache
def _numeral_starts() -> re.Pattern[str]:
    """A numeral not preceded by another numeral or 第: where a numbered formula may begin."""
    numerals = re.escape(NUMERALS)
    return re.compile(f"(?<![{numerals}第])[{numerals}]")
