"""Resolve mentions of one document into entities: one entity per real thing.

* People: all mentions of one name are one person; official if any mention
  binds the name to a title, unless the name is a national leader's and the
  document gives it another role (a teacher who shares a leader's name).
* Places: short and full names of one administrative division are merged
  (长治 / 长治市) and given their parent chain, using the document's other
  places as context (a 长治 paper's 潞州区 is 长治's).
* Organisations, projects, themes: by surface, themes by preferred label.

>>> from kg.model import Mention, Title
>>> ms = [Mention("official", "李华", 0, 2, titles=(Title("市长", post="市长", level="city"),)),
...       Mention("person", "李华", 9, 11)]
>>> [(e.type, e.name, len(e.mentions)) for e in resolve_entities(ms)]
[('official', '李华', 2)]
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from kg.gazetteer import Division, Gazetteer
from kg.model import Entity, Mention, Title
from kg.themes_find import canonical_theme

_LEVEL_ORDER = ("national", "provincial", "city", "county", "township", "village", "enterprise")
_DIVISION_LEVEL = {"province": "provincial", "city": "city", "county": "county", "township": "township"}


def _attr(m: Mention, key: str) -> str | None:
    return dict(m.attrs).get(key)


def _person_type(mentions: list[Mention]) -> tuple[str, str]:
    """official or person, and the role for persons."""
    roles = [m.role for m in mentions if m.role]
    titled = [m for m in mentions if m.type == "official" and (m.titles or not _attr(m, "leader"))]
    leader_only = [m for m in mentions if m.type == "official" and _attr(m, "leader") and not m.titles]
    if titled:
        return "official", ""
    if leader_only and not roles:
        return "official", ""
    return "person", roles[0] if roles else ""


def _merge_titles(mentions: list[Mention]) -> list[Title]:
    seen: dict[str, Title] = {}
    for m in mentions:
        for t in m.titles:
            seen.setdefault(t.text, t)
    return list(seen.values())


def _official_level(titles: list[Title], mentions: list[Mention]) -> str:
    if any(_attr(m, "leader") for m in mentions) and not any(t.level not in ("", "national") for t in titles):
        return "national"
    levels = [t.level for t in titles if t.level]
    return levels[0] if levels else ""


def _people(mentions: list[Mention]) -> list[Entity]:
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_name[m.text].append(m)
    out = []
    for name, group in by_name.items():
        if all(_attr(m, "repeat") for m in group):
            continue
        kind, role = _person_type(group)
        titles = _merge_titles(group) if kind == "official" else []
        entity = Entity(f"{kind}/{name}", kind, name, titles=titles, role=role)
        entity.level = _official_level(titles, group) if kind == "official" else ""
        leader = next((_attr(m, "leader") for m in group if _attr(m, "leader")), None)
        if kind == "official" and leader:
            entity.attrs["national_titles"] = leader.split(";")
        ranks = [m.rank for m in group if m.rank is not None]
        if ranks:
            entity.attrs["rank"] = min(ranks)
        entity.mentions = [replace(m, type=kind, entity=entity.id) for m in group]
        out.append(entity)
    return out


def _context_codes(places: list[Mention], gazetteer: Gazetteer) -> set[str]:
    codes = set()
    for m in places:
        found = gazetteer.lookup(m.text)
        if len(found) == 1:
            codes.add(found[0].code)
    return codes


def _division_of(surface: str, context: set[str], gazetteer: Gazetteer) -> Division | None:
    if not gazetteer.lookup(surface):
        return None
    return gazetteer.resolve(surface, context)


def _in_context(division: Division, context: set[str], gazetteer: Gazetteer) -> bool:
    """Whether another place of the document lies in the same province as ``division``."""
    province = gazetteer.chain(division.code)[0].code
    return any(c != division.code and gazetteer.chain(c)[0].code == province for c in context)


def _short_without_context(
    m: Mention, division: Division | None, context: set[str], gazetteer: Gazetteer
) -> bool:
    """A county or township named by its short form alone, in a document about another province
    (富民, 嘉禾, 正阳 are also ordinary words): not taken as a place."""
    if not _attr(m, "short") or division is None or division.level not in ("county", "township"):
        return False
    return not _in_context(division, context, gazetteer)


def _places(mentions: list[Mention]) -> list[Entity]:
    gazetteer = Gazetteer.load()
    context = _context_codes([m for m in mentions if not _attr(m, "short")], gazetteer)
    context |= {
        d.code
        for m in mentions
        if _attr(m, "short")
        for d in gazetteer.lookup(m.text)[:1]
        if d.level in ("province", "city") and len(gazetteer.lookup(m.text)) == 1
    }
    groups: dict[str, list[Mention]] = defaultdict(list)
    divisions: dict[str, Division] = {}
    for m in mentions:
        division = _division_of(m.text, context, gazetteer)
        if _short_without_context(m, division, context, gazetteer):
            continue
        key = division.name + "@" + division.code if division else m.text
        if division:
            divisions[key] = division
        groups[key].append(m)
    out = []
    for key, group in groups.items():
        division = divisions.get(key)
        name = division.name if division else group[0].text
        entity = Entity(f"place/{name}", "place", name)
        entity.aliases = sorted({m.text for m in group} - {name})
        if division:
            chain = gazetteer.chain(division.code)
            entity.level = _DIVISION_LEVEL.get(division.level, division.level)
            entity.attrs["code"] = division.code
            entity.parents = [{"code": d.code, "name": d.name, "level": d.level} for d in chain[:-1]]
            if len(gazetteer.lookup(name)) > 1:
                entity.id = f"place/{name}#{division.code}"
        else:
            entity.attrs["kind"] = _attr(group[0], "source") or ""
        entity.mentions = [replace(m, entity=entity.id) for m in group]
        out.append(entity)
    return out


def _by_surface(kind: str, mentions: list[Mention]) -> list[Entity]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[canonical_theme(_attr(m, "preferred") or m.text) if kind == "theme" else m.text].append(m)
    out = []
    for name, group in groups.items():
        entity = Entity(f"{kind}/{name}", kind, name)
        entity.aliases = sorted({m.text for m in group} - {name})
        sub_kind = _attr(group[0], "kind")
        if sub_kind:
            entity.attrs["kind"] = sub_kind
        entity.mentions = [replace(m, entity=entity.id) for m in group]
        out.append(entity)
    return out


def resolve_entities(mentions: list[Mention]) -> list[Entity]:
    """Entities of one document, people first, each with its mentions."""
    people = [m for m in mentions if m.type in ("official", "person")]
    entities = _people(people)
    entities += _places([m for m in mentions if m.type == "place"])
    for kind in ("organization", "project", "theme"):
        entities += _by_surface(kind, [m for m in mentions if m.type == kind])
    return entities
