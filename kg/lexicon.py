"""Rule vocabularies, loaded once from the versioned data files in ``kg/data``.

>>> lex = Lexicon.load()
>>> "欧阳" in lex.compound_surnames, "王" in lex.surnames
(True, True)
>>> lex.post_at_end("市委常委、组织部长")
'组织部长'
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _regex_parser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Any

import ahocorasick


def data_lines(name: str) -> list[str]:
    """Non-comment, non-blank lines of a data file in ``kg/data``."""
    text = resources.files("kg").joinpath("data", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


def data_words(name: str) -> list[str]:
    return [w for line in data_lines(name) for w in line.split()]


def data_rows(name: str) -> list[list[str]]:
    return [line.split("\t") for line in data_lines(name)]


def data_sections(name: str) -> dict[str, set[str]]:
    sections: dict[str, set[str]] = {}
    current = ""
    for line in data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            continue
        sections.setdefault(current, set()).update(line.split())
    return sections


@dataclass(frozen=True)
class Suffix:
    suffix: str
    kind: str
    min_name: int
    max_name: int


@dataclass(frozen=True)
class Lexicon:
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    posts: dict[str, str]  # post → kind
    post_pattern: re.Pattern[str]
    followers: tuple[str, ...]  # longest first
    person_roles: dict[str, str]
    org_suffixes: dict[str, str]
    place_suffixes: tuple[Suffix, ...]
    project_suffixes: tuple[Suffix, ...]
    generic: dict[str, frozenset[str]]
    leaders: dict[str, tuple[str, ...]]

    @classmethod
    @cache
    def load(cls) -> Lexicon:
        surnames = data_words("surnames.txt")
        posts = {row[0]: row[1] for row in data_rows("posts.tsv")}
        by_length = sorted(posts, key=len, reverse=True)
        generic = {k: frozenset(v) for k, v in data_sections("generic_words.txt").items()}
        return cls(
            surnames=frozenset(s for s in surnames if len(s) == 1),
            compound_surnames=frozenset(s for s in surnames if len(s) == 2),
            posts=posts,
            post_pattern=re.compile("(?:" + "|".join(map(re.escape, by_length)) + ")$"),
            followers=tuple(sorted(set(data_words("name_followers.txt")), key=len, reverse=True)),
            person_roles={row[0]: row[1] for row in data_rows("person_roles.txt")},
            org_suffixes={row[0]: row[1] for row in data_rows("org_suffixes.tsv")},
            place_suffixes=_suffixes("place_suffixes.tsv"),
            project_suffixes=_suffixes("project_suffixes.tsv"),
            generic=generic,
            leaders={row[0]: tuple(row[1].split(";")) for row in data_rows("national_leaders.tsv")},
        )

    def post_at_end(self, text: str) -> str | None:
        """The longest post that ``text`` ends with."""
        m = self.post_pattern.search(text)
        return m.group(0) if m else None

    def org_suffix_at_end(self, text: str) -> str | None:
        """The longest organisation suffix that ``text`` ends with (住建局 → 局)."""
        return next(
            (text[-n:] for n in range(min(len(text), 8), 0, -1) if text[-n:] in self.org_suffixes), None
        )

    def is_generic(self, kind: str, word: str) -> bool:
        return word in self.generic.get(kind, frozenset())

    @cached_property
    def patterns(self) -> _Patterns:
        """The lexicon's word lists compiled once, longest words first."""
        return _Patterns(
            posts=alternation(self.posts),
            person_roles=alternation(self.person_roles),
            followers=alternation(self.followers),
            long_followers=alternation(w for w in self.followers if len(w) >= 2),
            modifier_heads=alternation(w for w in self.generic.get("modifier", ()) if len(w) >= 2),
        )

    def starts_with_modifier(self, name: str) -> bool:
        """Whether a name begins with a modifier word of two or more characters (美丽…, 传统…)."""
        return self.patterns.modifier_heads.match(name) is not None

    def starts_with_follower(self, text: str) -> bool:
        return self.patterns.followers.match(text) is not None


@dataclass(frozen=True)
class _Patterns:
    posts: re.Pattern[str]
    person_roles: re.Pattern[str]
    followers: re.Pattern[str]
    long_followers: re.Pattern[str]
    modifier_heads: re.Pattern[str]


def alternation(words: Iterable[str]) -> re.Pattern[str]:
    """One regex for a word list, longest words first, so the longest word at a place wins.

    >>> alternation(["书记", "副书记"]).search("市委副书记").group(0)
    '副书记'
    """
    return _alternation(tuple(sorted(set(words), key=lambda w: (-len(w), w))))


@cache
def _alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, words))) if words else re.compile(r"(?!)")


def _suffixes(name: str) -> tuple[Suffix, ...]:
    rows = [Suffix(r[0], r[1], int(r[2]), int(r[3])) for r in data_rows(name)]
    return tuple(sorted(rows, key=lambda s: len(s.suffix), reverse=True))


@cache
def boundary_words(kind: str) -> tuple[str, ...]:
    """Words that end a name of this kind when read leftwards (``kg/data/boundary_words.txt``).

    >>> "会议由" in boundary_words("title")
    True
    """
    return tuple(sorted(data_sections("boundary_words.txt")[kind], key=len, reverse=True))


@cache
def _reversed_alternation(words: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w[::-1]) for w in ordered))


def last_boundary_end(
    prefix: str, words: tuple[str, ...], excluded: Callable[[str, int, str], bool] | None = None
) -> int:
    """Where the last boundary word in ``prefix`` ends (0 if none): the name starts there.

    ``excluded(prefix, start, word)`` may declare an occurrence part of the name instead.

    >>> last_boundary_end("会议由市委", ("由", "会议由"))
    3
    """
    reversed_prefix = prefix[::-1]
    pattern = _reversed_alternation(words)
    position = 0
    while (m := pattern.search(reversed_prefix, position)) is not None:
        word = m.group(0)[::-1]
        start = len(prefix) - m.end()
        if excluded is None or not excluded(prefix, start, word):
            return start + len(word)
        position = m.start() + 1
    return 0


def _code_units(text: str) -> str:
    """``text`` with each character written as two: its code point divided by 256, and the rest."""
    units = text.encode("utf-16-be").decode("latin-1")
    if len(units) == 2 * len(text):
        return units
    return "".join(chr(ord(c) >> 8) + chr(ord(c) & 0xFF) for c in text)  # beyond the BMP: rare


class WideAutomaton:
    """An Aho–Corasick automaton for word lists whose words begin with thousands of different
    characters (the gazetteer's names): it searches two characters per character of text, each taking
    one of at most 256 values, because ``ahocorasick.Automaton`` scans a node's children one by one.
    Offsets and values are those of the plain automaton.

    >>> automaton = WideAutomaton()
    >>> automaton.add_word("长治", "长治")
    True
    >>> automaton.make_automaton()
    >>> list(automaton.iter("山西长治市")), "长治" in automaton
    ([(3, '长治')], True)
    """

    def __init__(self) -> None:
        self._automaton = ahocorasick.Automaton()

    def add_word(self, word: str, value: object) -> bool:
        return self._automaton.add_word(_code_units(word), value)

    def __contains__(self, word: str) -> bool:
        return _code_units(word) in self._automaton

    def __len__(self) -> int:
        return len(self._automaton)

    def make_automaton(self) -> None:
        self._automaton.make_automaton()

    def iter(self, text: str) -> Iterator[tuple[int, Any]]:
        """``(end index, value)`` of every occurrence of a word in ``text``, as ``Automaton.iter``."""
        # every word has an even number of units, so a match that ends on a second unit starts on a
        # first one: the matches across character boundaries are the others
        return ((end >> 1, value) for end, value in self._automaton.iter(_code_units(text)) if end & 1)


def required_words(pattern: str) -> tuple[str, ...] | None:
    """Words one of which every match of ``pattern`` contains, read from the pattern (None if it has
    no such words).

    >>> required_words(r"(?:本报|首席)?(?:记者|通讯员)"), required_words(r"[一二三]{1,3}个")
    (('记者', '通讯员'), ('个',))
    >>> required_words(r"\\d+|会议"), required_words(r"(?i:a)b?"), required_words(r"工作会议|全会")
    (None, None, ('会',))
    """
    words = _required_words(_regex_parser.parse(pattern))
    shared = set.intersection(*map(set, words)) if words else set()
    return (min(shared),) if shared else words  # a character all the words hold is enough


def _required_words(items: Iterable[tuple[Any, Any]]) -> tuple[str, ...] | None:
    candidates: list[tuple[str, ...]] = []
    run = ""  # literal characters in a row make one word
    for op, av in items:
        if op is _sre.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append((run,))
            run = ""
        words: tuple[str, ...] | None = None
        if op is _sre.SUBPATTERN and not av[1] & re.IGNORECASE:
            words = _required_words(av[3])
        elif op is _sre.BRANCH:
            branches = [_required_words(branch) for branch in av[1]]
            if all(branches):
                words = tuple(dict.fromkeys(w for branch in branches for w in branch))  # type: ignore[union-attr]
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and av[0] >= 1:
            words = _required_words(av[2])
        elif op is _sre.IN and all(o is _sre.LITERAL for o, _ in av):
            words = tuple(chr(c) for _, c in av)
        if words:
            candidates.append(words)
    if run:
        candidates.append((run,))
    return min(candidates, key=lambda c: (len(c), -min(map(len, c)))) if candidates else None


class GuardedPattern:
    """A compiled regex run only on texts that hold one of the words each of its matches holds: a
    quick search for those words instead of a scan with the whole pattern, for patterns most sentences
    never match.

    >>> byline = GuardedPattern(re.compile(r"(?:本报|首席)?(?:记者|通讯员)"))
    >>> [m.group(0) for m in byline.finditer("本报记者张明")], byline.search("会议强调")
    (['本报记者'], None)
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        words = None if pattern.flags & re.IGNORECASE else required_words(pattern.pattern)
        self.words = words or ("",)  # "" is in every text
        self._words = re.compile("|".join(map(re.escape, self.words)))

    def search(self, text: str, *bounds: int) -> re.Match[str] | None:
        return self.pattern.search(text, *bounds) if self._words.search(text) else None

    def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, *bounds) if self._words.search(text) else iter(())


@cache
def guarded(pattern: re.Pattern[str]) -> GuardedPattern:
    """``pattern`` run only on texts that may hold a match (see :class:`GuardedPattern`), made once.

    >>> guarded(re.compile("记者")) is guarded(re.compile("记者"))
    True
    """
    return GuardedPattern(pattern)
