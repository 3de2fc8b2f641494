"""The one data model that flows through kg's pipeline.

document → normalised text with offsets → articles/sentences → mentions →
resolved entities → graph → RDF / exports / pages.

Every offset (``start``/``end``) points into the *original* text of the
document, so every fact keeps its provenance.

>>> m = Mention("place", "长治", 10, 12, article=0, sentence=1)
>>> m.span
(10, 12)
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import Any, TypeVar

ENTITY_TYPES = ("official", "person", "place", "organization", "project", "theme")

LEVELS = ("national", "provincial", "city", "county", "township", "village", "enterprise")

_T = TypeVar("_T")


def _direct_init(cls: type[_T]) -> type[_T]:
    """Give a frozen dataclass an ``__init__`` that sets the instance's fields in one step, not with one
    ``object.__setattr__`` call per field: the same objects, made twice as fast (a page makes
    hundreds of mentions, and each is copied when its offsets and its entity are filled in).

    >>> Title("市长").level, Title("市长", level="city").level
    ('', 'city')
    """
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__: its fields cannot be set directly")
    params, values, defaults = [], [], {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.default_factory is not MISSING or not f.init or f.kw_only:
            raise TypeError(f"{cls.__name__}.{f.name}: only plain fields can be set directly")
        if f.default is MISSING:
            params.append(f.name)
        else:
            defaults[f.name] = f.default
            params.append(f"{f.name}=_defaults[{f.name!r}]")
        values.append(f"{f.name!r}: {f.name}")
    body = f"_set(self, '__dict__', {{{', '.join(values)}}})"
    namespace: dict[str, Any] = {}
    exec(
        f"def __init__(self, {', '.join(params)}):\n    {body}\n",
        {"_defaults": defaults, "_set": object.__setattr__},
        namespace,
    )
    namespace["__init__"].__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = namespace["__init__"]  # type: ignore[misc]
    return cls


@dataclass(frozen=True)
class Document:
    """A file as read from disk.

    >>> Document("a.txt", "本报讯").name
    'a.txt'
    """

    name: str
    text: str
    path: str = ""
    encoding: str = "utf-8"
    date: str | None = None  # ISO date (YYYY-MM-DD) when known
    sha256: str = ""


@_direct_init
@dataclass(frozen=True)
class Sentence:
    """A sentence of an article; ``start``/``end`` are original offsets.

    >>> Sentence(0, 0, 4, "本报讯。").text
    '本报讯。'
    """

    index: int
    start: int
    end: int
    text: str  # normalised text of the sentence


@dataclass(frozen=True)
class Article:
    """One article of a page: headline, optional subtitle/byline, sentences."""

    index: int
    start: int
    end: int
    headline: str = ""
    subtitle: str = ""
    byline: str = ""
    date: str | None = None
    sentences: tuple[Sentence, ...] = ()


@_direct_init
@dataclass(frozen=True)
class Title:
    """An official's post as the text gives it, expanded to stand alone.

    >>> Title("市委常委", post="常委", org="市委", level="city").text
    '市委常委'
    """

    text: str
    post: str = ""
    org: str = ""
    place: str = ""
    level: str = ""


@_direct_init
@dataclass(frozen=True)
class Mention:
    """A span of the original text with a type; ``entity`` is filled by resolution."""

    type: str
    text: str  # surface form, with PDF damage repaired
    start: int
    end: int
    article: int = 0
    sentence: int = 0
    titles: tuple[Title, ...] = ()
    rank: int | None = None  # position in a listed leader sequence (市领导甲、乙、丙)
    role: str = ""  # for persons: 记者, 摄影, 通讯员, 教师 …
    attrs: tuple[tuple[str, str], ...] = ()
    entity: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def attr(self, key: str) -> str | None:
        """The value of one of ``attrs``, or None.

        >>> Mention("place", "蒙村", 0, 2, attrs=(("short", "1"),)).attr("short")
        '1'
        """
        return next((v for k, v in self.attrs if k == key), None)

    def resolved(self, entity: str, type: str | None = None) -> Mention:
        """This mention, bound to an entity (a faster ``dataclasses.replace``).

        >>> Mention("person", "李华", 0, 2).resolved("official/李华", "official").entity
        'official/李华'
        """
        return Mention(
            type or self.type,
            self.text,
            self.start,
            self.end,
            self.article,
            self.sentence,
            self.titles,
            self.rank,
            self.role,
            self.attrs,
            entity,
        )


@dataclass
class Entity:
    """A resolved thing: one per real official, place, organisation, …

    ``id`` is stable and readable: ``"<type>/<canonical name>"`` plus a
    ``#n`` disambiguator for same-name people that resolution keeps apart.
    """

    id: str
    type: str
    name: str
    aliases: list[str] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    level: str = ""
    role: str = ""
    attrs: dict[str, object] = field(default_factory=dict)
    # places: list of (code, name, level) from province down to the parent
    parents: list[dict[str, str]] = field(default_factory=list)


@dataclass
class ExtractedDocument:
    """The result of running the pipeline on one document."""

    document: Document
    articles: list[Article] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
