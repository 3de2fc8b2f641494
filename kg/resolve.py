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

import re
from collections import defaultdict
from functools import cache

from kg.gazetteer import Division, Gazetteer, without_divisions
from kg.lexicon import Lexicon, data_rows
from kg.model import Entity, ExtractedDocument, Mention, Title
from kg.places import gazetteer_places, world_places
from kg.themes import ThemeVocabulary
from kg.themes_find import canonical_theme
from kg.things import STATE_KINDS, YEAR_HEAD, facility_of_works, only_descriptors
from kg.words import tagged_words, word_freq

_LEVEL_ORDER = ("national", "provincial", "city", "county", "township", "village", "enterprise")


def _person_type(mentions: list[Mention]) -> tuple[str, str]:
    """official or person, and the role for persons."""
    roles = [m.role for m in mentions if m.role]
    titled = [m for m in mentions if m.type == "official" and (m.titles or not m.attr("leader"))]
    leader_only = [m for m in mentions if m.type == "official" and m.attr("leader") and not m.titles]
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
    if any(m.attr("leader") for m in mentions) and not any(t.level not in ("", "national") for t in titles):
        return "national"
    levels = [t.level for t in titles if t.level]
    return levels[0] if levels else ""


def _people(mentions: list[Mention]) -> list[Entity]:
    by_name: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_name[m.text].append(m)
    out = []
    for name, group in by_name.items():
        if all(m.attr("repeat") for m in group):
            continue
        kind, role = _person_type(group)
        titles = _merge_titles(group) if kind == "official" else []
        entity = Entity(f"{kind}/{name}", kind, name, titles=titles, role=role)
        entity.level = _official_level(titles, group) if kind == "official" else ""
        leader = next((m.attr("leader") for m in group if m.attr("leader")), None)
        if kind == "official" and leader:
            entity.attrs["national_titles"] = leader.split(";")
        ranks = [m.rank for m in group if m.rank is not None]
        if ranks:
            entity.attrs["rank"] = min(ranks)
        entity.mentions = [m.resolved(entity.id, kind) for m in group]
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
    if city := _city_named_short(surface, gazetteer):
        return gazetteer.get(city)  # 广安: the city, not its district of the same name
    return gazetteer.resolve(surface, context)


def _in_context(division: Division, context: set[str], gazetteer: Gazetteer) -> bool:
    """Whether another place of the document lies in the same province as ``division``."""
    province = gazetteer.chain(division.code)[0].code
    return any(c != division.code and gazetteer.chain(c)[0].code == province for c in context)


def _short_without_context(
    m: Mention, division: Division | None, context: set[str], gazetteer: Gazetteer
) -> bool:
    """A county or township named by its short form alone, in a document about another province
    (富民, 嘉禾, 正阳 are also ordinary words): not taken as a place. A short form that is itself
    the name of a mountain, lake or river (武夷山 of 武夷山市, 千岛湖 of 千岛湖镇) is a place anywhere."""
    if not m.attr("short") or division is None or division.level not in ("county", "township"):
        return False
    if len(m.text) >= 3 and m.text[-1] in "山湖江河岛":
        return False
    if m.text.endswith(("高新区", "经开区", "开发区", "新区", "园区")) and len(gazetteer.lookup(m.text)) == 1:
        return False  # 长治高新区: a zone named with its city's name is that zone anywhere
    if (
        division.level == "county"
        and (m.attr("anchored") or len(m.text) >= 3)
        and _unambiguous_name(m.text, gazetteer)
    ):
        return False  # 杜集, 秀屿, 大渡口: a county's short name, rare as a word, that names one county only
    return not _in_context(division, context, gazetteer)


def _unambiguous_name(short: str, gazetteer: Gazetteer) -> bool:
    """A short name that is rare as a word (fewer than 20 in the dictionary's counts) and names one
    division only.

    >>> _unambiguous_name("秀屿", Gazetteer.load()), _unambiguous_name("富民", Gazetteer.load())
    (True, False)
    """
    return word_freq().get(short, 0) < 20 and len(gazetteer.lookup(short)) == 1


def _city_named_short(short: str, gazetteer: Gazetteer) -> str | None:
    """The code of the one city a short name names, with or without its own district of that name
    (广安: 广安市, and 广安区 within it), else None (承德 names 承德市 and 承德县, a county of its own).

    >>> _city_named_short("广安", Gazetteer.load()), _city_named_short("长治", Gazetteer.load())
    ('511600', '140400')
    """
    found = gazetteer.lookup(short)
    cities = [d for d in found if d.level == "city"]
    if len(cities) != 1:
        return None
    city = cities[0]
    if not all(
        d is city or (d.name == short + "区" and gazetteer.is_within(d.code, city.code)) for d in found
    ):
        return None  # 承德: the city, or 承德县, a county of its own
    return city.code


def _places(mentions: list[Mention]) -> list[Entity]:
    gazetteer = Gazetteer.load()
    context = _context_codes([m for m in mentions if not m.attr("short")], gazetteer)
    context |= {code for m in mentions if m.attr("short") and (code := _city_named_short(m.text, gazetteer))}
    groups: dict[str, list[Mention]] = defaultdict(list)
    divisions: dict[str, Division] = {}
    world = world_places()
    divisions_named: dict[str, Division | None] = {}  # a page names each of its places many times
    for m in mentions:
        surface = m.attr("full") or m.text  # 蒙村镇 for 蒙村 of 蒙村、陶邓等乡镇
        if surface not in divisions_named:
            divisions_named[surface] = _division_of(surface, context, gazetteer)
        division = divisions_named[surface]
        if _short_without_context(m, division, context, gazetteer):
            continue
        key = division.name + "@" + division.code if division else world.get(m.text, ("", surface, ""))[1]
        if division:
            divisions[key] = division
        groups[key].append(m)
    out = []
    for key, group in groups.items():
        division = divisions.get(key)
        name = division.name if division else key
        entity = Entity(f"place/{name}", "place", name)
        entity.aliases = sorted({m.text for m in group} - {name})
        if division:
            chain = gazetteer.chain(division.code)
            entity.level = division.level
            entity.attrs["code"] = division.code
            entity.parents = [{"code": d.code, "name": d.name, "level": d.level} for d in chain[:-1]]
            if len(gazetteer.lookup(name)) > 1:
                entity.id = f"place/{name}#{division.code}"
        elif name in world:
            kind, _, country = world[name]
            entity.level = kind
            entity.attrs["kind"] = kind
            if kind == "city" and country:
                entity.parents = [{"code": "", "name": country, "level": "country"}]
        else:
            entity.attrs["kind"] = group[0].attr("source") or ""
            entity.parents = _enclosing_chain(group, mentions, divisions, context, gazetteer)
        entity.mentions = [m.resolved(entity.id) for m in group]
        out.append(entity)
    return out


def _enclosing_chain(
    group: list[Mention],
    mentions: list[Mention],
    divisions: dict[str, Division],
    context: set[str],
    gazetteer: Gazetteer,
) -> list[dict[str, str]]:
    """Parents of a place found by its suffix: the division written right before it
    (安吉县溪龙乡黄杜村: 黄杜村 lies in 溪龙乡, in 安吉县, in 湖州市, in 浙江省)."""
    ends = {(m.article, m.sentence, m.end): m for m in mentions}
    for m in group:
        before = ends.get((m.article, m.sentence, m.start))
        division = _division_of(before.text, context, gazetteer) if before else None
        if division is not None and before.attr("short") and not _in_context(division, context, gazetteer):
            continue  # 南湖 + 撇洪河 in a page about Hunan: no district of Zhejiang's
        if division is not None:
            chain = gazetteer.chain(division.code)
            return [{"code": d.code, "name": d.name, "level": d.level} for d in chain]
    return []


@cache
def _abbreviations() -> tuple[tuple[str, str], ...]:
    rows = [(r[0], r[1]) for r in data_rows("org_abbreviations.tsv")]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def organisation_key(name: str, city: str | None = None) -> str:
    """A key shared by the full and short names of one body.

    >>> organisation_key("长治市发展和改革委员会", "长治市") == organisation_key("市发改委", "长治市")
    True
    """
    key = name.removeprefix("中共") if len(name) > 5 else name  # 中共某某市委 is 某某市委
    for full, short in _abbreviations():
        key = key.replace(full, short)
    if city:
        stem = city[:-1] if city.endswith("市") else city
        if key.startswith(city) or key.startswith(stem + "市"):
            key = "市" + key[len(city) :]
        elif key.startswith(stem) and len(key) > len(stem) + 1:
            key = "市" + key[len(stem) :]
    return key


_STATE_BODIES = STATE_KINDS | {"national", "village"}


def without_relative_place(name: str) -> str:
    """A project's name without the 县/市/区 that says whose it is (县公共实训基地 → 公共实训基地).

    >>> without_relative_place("县公共实训基地建设项目"), without_relative_place("市民中心项目")
    ('公共实训基地建设项目', '市民中心项目')
    >>> without_relative_place("市百大项目")
    '百大项目'
    """
    if len(name) >= 5 and name[0] in "省市州盟县区旗镇乡" and tagged_words(name)[0][0] == name[0]:
        return name[1:]
    return name


def _surface_key(kind: str, text: str, preferred: str | None, city: str | None) -> str:
    if kind == "theme":
        return canonical_theme(preferred or text)
    if kind == "organization":
        return organisation_key(text, city)
    if kind == "project":  # 2026年 of 2026年某某项目: the year's batch of one programme
        return without_relative_place(without_divisions(YEAR_HEAD.sub("", text, count=1)))
    return text


_AFTER_A_VILLAGE = re.compile(r"[\u3400-\u9fff]{2,4}村(?!民|级|集体|委)([\u3400-\u9fff（）()]{4,})$")


def _other_names(kind: str, name: str, key: str, group: list[Mention]) -> set[str]:
    """The surfaces of an entity's mentions and the forms it is also written in.

    >>> mention = Mention("project", "桐庐县富春江工程", 0, 8)
    >>> sorted(_other_names("project", "桐庐县富春江工程", "富春江工程", [mention]))
    ['富春江工程', '桐庐县富春江工程']
    """
    surfaces = {m.text for m in group}
    inner = {value for m in group for k, value in m.attrs if k == "inner"}  # names read inside a mention
    if kind == "theme" and name.startswith("党的") and name.endswith(("全会", "大")):
        surfaces.add(name.removeprefix("党的"))  # 党的二十届三中全会 is also 二十届三中全会
    # 某某（集团）有限公司 is also written with ASCII brackets
    surfaces |= {n.replace("（", "(").replace("）", ")") for n in (name, *inner) if "（" in n}
    if "，" in name:  # a slogan of clauses is also printed with ASCII commas
        surfaces.add(name.replace("，", ","))
    if kind == "organization" and name.startswith("中共") and len(name) > 5:
        surfaces.add(name.removeprefix("中共"))
    if kind == "organization":  # 市发改委 is also printed as its party group, 市发改委党组
        surfaces |= {value for m in group for k, value in m.attrs if k == "printed"}
    if kind == "organization" and group[0].attr("kind") not in _STATE_BODIES:
        surfaces.add(without_relative_place(without_divisions(name)))  # 县某某纪念馆: 某某纪念馆
    if kind == "theme":  # “211”工作机制 is also 211工作机制
        surfaces |= inner
    if kind == "theme" and group[0].attr("kind") == "speech" and not name.endswith("精神"):
        surfaces.add(name + "精神")  # the leader's speech is studied as its spirit
    if kind == "project":  # 某县某某工程 is also 某某工程; 某某产业园建设项目 also 某某产业园
        surfaces |= {key} | inner | {without_relative_place(without_divisions(i)) for i in inner}
        surfaces |= {
            v.group(1) for v in map(_AFTER_A_VILLAGE.match, list(surfaces)) if v
        }  # 某村 + 某某产业园
        surfaces |= {f for f in [facility_of_works(name)] if f}
        if name.endswith("工程项目"):  # 某某工程项目 is also 某某工程
            surfaces.add(name.removesuffix("项目"))
    return surfaces


_CONGRESS = re.compile(
    r"^(?:中共[\u3400-\u9fff]*?)?([省市州盟县区旗])第([一二三四五六七八九十]{1,3})次(?:代表大会|党代会)$"
)


def _one_congress(groups: dict[str, list[Mention]]) -> dict[str, list[Mention]]:
    """A party congress named in full and as ``市第N次党代会`` in one page is one theme, by its full name.

    >>> m = Mention("theme", "市第十四次党代会", 0, 8)
    >>> list(_one_congress({"中共宁波市第十四次代表大会": [m], "市第十四次党代会": [m]}))
    ['中共宁波市第十四次代表大会']
    """
    full: dict[tuple[str, str], str] = {}
    for key in groups:
        if (m := _CONGRESS.match(key)) and key.startswith("中共"):
            full.setdefault(m.groups(), key)
    merged: dict[str, list[Mention]] = defaultdict(list)
    for key, group in groups.items():
        m = _CONGRESS.match(key)
        merged[full.get(m.groups(), key) if m else key].extend(group)
    return dict(merged)


def _by_surface(kind: str, mentions: list[Mention], city: str | None = None) -> list[Entity]:
    groups: dict[str, list[Mention]] = defaultdict(list)
    keys: dict[tuple[str, str | None], str] = {}  # a page repeats its names: one key per surface
    named_in_full = kind == "organization"  # 组织部 of 市委组织部长: the department named in full
    for m in mentions:
        surface = ((named_in_full and m.attr("full")) or m.text, m.attr("preferred"))
        if surface not in keys:
            keys[surface] = _surface_key(kind, *surface, city)
        groups[keys[surface]].append(m)
    if kind == "theme":
        groups = _one_congress(groups)
    out = []
    for key, group in groups.items():
        longest = max(((named_in_full and m.attr("full")) or m.text for m in group), key=len)
        name = longest if kind in ("organization", "project") else key
        entity = Entity(f"{kind}/{name}", kind, name)
        entity.aliases = sorted(_other_names(kind, name, key, group) - {name})
        sub_kind = group[0].attr("kind")
        if sub_kind:
            entity.attrs["kind"] = sub_kind
        investment = next((m.attr("investment") for m in group if m.attr("investment")), None)
        if investment:
            entity.attrs["investment"] = investment
        concept = ThemeVocabulary.load().concept(name) if kind == "theme" else None
        if concept is not None:
            entity.attrs["broader"] = concept.broader_label
            entity.aliases = sorted(set(entity.aliases) | set(concept.alt_labels) - {name})
        entity.mentions = [m.resolved(entity.id) for m in group]
        out.append(entity)
    return out


def title_place(title: Title, places: dict[str, str], city: str | None) -> str:
    """The place a title belongs to: the place its text begins with, or the page's city for 市….

    >>> title_place(Title("平顺县委书记"), {"平顺县": "平顺县"}, "长治市")
    '平顺县'
    >>> title_place(Title("市委常委"), {}, "长治市")
    '长治市'
    """
    for length in range(min(len(title.text), 12), 1, -1):
        name = places.get(title.text[:length])
        if name:
            return name
    if city and re.sub(r"^(?:常务副|副|代)", "", title.text)[:1] == "市" and title.level in ("city", ""):
        return city
    return ""


def _place_titles(entities: list[Entity], places: list[Entity], city: str | None) -> None:
    """Fill each official's titles with the place they belong to."""
    index = {surface: p.name for p in places for surface in (p.name, *p.aliases)}
    for entity in entities:
        if entity.type == "official":
            entity.titles = [
                t if t.place else Title(t.text, t.post, t.org, title_place(t, index, city), t.level)
                for t in entity.titles
            ]


def resolve_entities(mentions: list[Mention]) -> list[Entity]:
    """Entities of one document, people first, each with its mentions."""
    people = [m for m in mentions if m.type in ("official", "person")]
    entities = _people(people)
    places = _places([m for m in mentions if m.type == "place"])
    entities += places
    city_code = document_city(places)
    city = Gazetteer.load().get(city_code).name if city_code else None
    _place_titles(entities, places, city)
    organisations = _by_surface("organization", [m for m in mentions if m.type == "organization"], city)
    entities += _one_body_by_its_place(organisations)
    projects = _by_surface("project", [m for m in mentions if m.type == "project"], city)
    projects, zones = _zones_with_their_own_bodies(projects, organisations)
    entities += zones
    themes = _by_surface("theme", [m for m in mentions if m.type == "theme"], city)
    projects = _one_project_by_alias(_one_project_with_its_works_word(_one_project_by_head(projects)))
    projects, themes = _one_project_by_short_name(projects, themes)
    projects, themes = _programme_known_as_a_theme(projects, themes)
    return entities + projects + themes


ZONE_BODIES = ("管委会", "党工委", "管理委员会", "工委", "党工委管委会")
"""The bodies a zone runs itself by (某某园区管委会, 某某开发区党工委)."""
_ZONE_WORDS = ("园区", "开发区", "高新区", "经开区")


def _zones_with_their_own_bodies(
    projects: list[Entity], organisations: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """A park that has its own 管委会 or 党工委 in the page, named in full or by the park's head
    (某某管委会 for 某某产业园区), is a zone, a place, not a project.

    >>> park = Entity("project/东湖产业园区", "project", "东湖产业园区")
    >>> body = Entity("organization/东湖产业园区管委会", "organization", "东湖产业园区管委会")
    >>> projects, zones = _zones_with_their_own_bodies([park], [body])
    >>> projects, [(z.id, z.type) for z in zones]
    ([], [('place/东湖产业园区', 'place')])
    """
    names = {n for o in organisations for n in (o.name, *o.aliases)}
    stems = {n[: -len(b)] for n in names for b in ZONE_BODIES if n.endswith(b) and len(n) - len(b) >= 2}
    kept, zones = [], []
    for project in projects:
        by_stem = project.name.endswith(_ZONE_WORDS) and any(project.name.startswith(s) for s in stems)
        if not by_stem and not any(project.name + body in names for body in ZONE_BODIES):
            kept.append(project)
            continue
        zone = Entity(f"place/{project.name}", "place", project.name, aliases=list(project.aliases))
        zone.mentions = [m.resolved(zone.id, "place") for m in project.mentions]
        zones.append(zone)
    return kept, zones


def _one_project_with_its_works_word(projects: list[Entity]) -> list[Entity]:
    """A project named bare and with the word for its works in one page (某某产业园, 某某产业园项目;
    “某某工程”, 某某工程项目) is one project, by the bare name.

    >>> park = Entity("project/东山现代农业产业园", "project", "东山现代农业产业园")
    >>> works = Entity("project/东山现代农业产业园项目", "project", "东山现代农业产业园项目")
    >>> [(p.name, p.aliases) for p in _one_project_with_its_works_word([park, works])]
    [('东山现代农业产业园', ['东山现代农业产业园项目'])]
    """
    by_name = {p.name: p for p in projects}
    out = []
    for project in projects:
        bare = _WORKS_WORD.sub("", project.name)
        whole = by_name.get(bare) if bare != project.name else None
        if whole is not None:
            _merge_into(whole, project)
            continue
        out.append(project)
    return out


_WORKS_WORD = re.compile(r"(?:建设)?项目$")


def _one_project_by_alias(projects: list[Entity]) -> list[Entity]:
    """A project whose name is another's alias in the page (“某某建设年”活动 is also read as
    某某建设年) is that project.

    >>> whole = Entity("project/建设年活动", "project", "建设年活动", aliases=["建设年"])
    >>> part = Entity("project/建设年", "project", "建设年")
    >>> [(p.name, p.aliases) for p in _one_project_by_alias([part, whole])]
    [('建设年活动', ['建设年'])]
    """
    owners: dict[str, list[Entity]] = defaultdict(list)
    for project in projects:
        for alias in project.aliases:
            owners[alias].append(project)
    out, merged = [], set()
    for project in projects:
        owner = owners.get(project.name, [])
        if len(owner) == 1 and owner[0] is not project and id(owner[0]) not in merged:
            _merge_into(owner[0], project)
            merged.add(id(project))  # two names of each other's: the first is kept
            continue
        out.append(project)
    return out


def _programme_known_as_a_theme(
    projects: list[Entity], themes: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """A programme read both as a project and as a policy theme in one page is the theme: the
    vocabulary holds it as a policy (学习运用“千万工程”经验, 实施乡村建设行动).

    >>> project = Entity("project/千万工程", "project", "千万工程")
    >>> theme = Entity("theme/千万工程", "theme", "千万工程")
    >>> projects, themes = _programme_known_as_a_theme([project], [theme])
    >>> projects, [t.id for t in themes]
    ([], ['theme/千万工程'])
    """
    names = {t.name for t in themes}
    return [p for p in projects if p.name not in names], themes


def _one_body_by_its_place(organisations: list[Entity]) -> list[Entity]:
    """A body named by its level alone (区委宣传部, 县委办, 省某某集团) and in full with its place
    (某某区委宣传部, 某某县县委办) in one page is one body, by the full name, when one place fits.

    >>> full = Entity("organization/万秀区委宣传部", "organization", "万秀区委宣传部")
    >>> short = Entity("organization/区委宣传部", "organization", "区委宣传部")
    >>> [(o.name, o.aliases) for o in _one_body_by_its_place([full, short])]
    [('万秀区委宣传部', ['区委宣传部'])]
    """
    gazetteer = Gazetteer.load()
    out = []
    for body in organisations:
        level, rest = body.name[:1], body.name[1:]
        if level not in "省县区旗" or len(rest) < 2:
            out.append(body)
            continue
        fuller = [
            o
            for o in organisations
            for place in (o.name[: -len(rest)], o.name[: -len(body.name)])
            if o is not body
            and len(place) >= 2
            and o.name.endswith(rest)
            and place.endswith(level)
            and any(d.name == place or d.short == place[:-1] for d in gazetteer.lookup(place))
        ]
        if len({o.id for o in fuller}) == 1:
            _merge_into(fuller[0], body)
            continue
        out.append(body)
    return out


def _merge_into(whole: Entity, part: Entity) -> None:
    whole.aliases = sorted((set(whole.aliases) | {part.name, *part.aliases}) - {whole.name})
    whole.mentions += [m.resolved(whole.id, whole.type) for m in part.mentions]
    for key, value in part.attrs.items():
        whole.attrs.setdefault(key, value)


def _one_project_by_head(projects: list[Entity]) -> list[Entity]:
    """A project named once with its head (陈家岭街道“三供一业”改造项目, 京东“某某”基地) and elsewhere
    without it is one project: the bare name is one of the headed name's own aliases and ends it, and
    the head joins no second name (某某改造和某某示范项目 names two)."""
    out: list[Entity] = []
    for part in sorted(projects, key=lambda p: -len(p.name)):  # the headed names first
        whole = next(
            (
                w
                for w in out
                if w.name.endswith(part.name)
                and part.name in w.aliases
                and not _JOINED_HEAD.search(w.name[: -len(part.name)])
            ),
            None,
        ) or _referred_to(part, out)
        if whole is None:
            out.append(part)
        else:
            _merge_into(whole, part)
    return [p for p in projects if p in out]


_JOINED_HEAD = re.compile(r"[和及与、]")


def _referred_to(part: Entity, projects: list[Entity]) -> Entity | None:
    """The one project in the page that a later ``某某项目`` names again by its kind only: 产业博览园项目
    after 中国食用菌产业博览园 (the words before the park's suffix say only what sort it is)."""
    stem = part.name.removesuffix("项目")
    suffix = next((s for s in _suffixes_longest_first() if stem.endswith(s)), None)
    if stem == part.name or len(stem) < 4 or suffix is None or not only_descriptors(stem[: -len(suffix)]):
        return None
    wholes = [w for w in projects if w.name.endswith(stem) and len(w.name) > len(stem)]
    return wholes[0] if len(wholes) == 1 else None


@cache
def _suffixes_longest_first() -> tuple[str, ...]:
    return tuple(sorted((s.suffix for s in Lexicon.load().project_suffixes), key=len, reverse=True))


def _one_project_by_short_name(
    projects: list[Entity], themes: list[Entity]
) -> tuple[list[Entity], list[Entity]]:
    """A programme written in full and by its short form (the first character of each of the counted
    parts its name begins with: 三城五镇十村振兴工程 and “三五十工程”) is one project, by its full name; the
    short form is a project then, even where it also reads as a policy theme."""
    for short in [*projects, *themes]:
        full = next((p for p in projects if p is not short and short_form_of(short.name, p.name)), None)
        if full is None:
            continue
        _merge_into(full, short)
        if short in projects:
            projects.remove(short)
        else:
            themes.remove(short)
    return projects, themes


_SHORT_FORM_SUFFIX = re.compile(r"(?:工程|项目|行动|计划|战略|工作)$")


def short_form_of(short: str, full: str) -> bool:
    """Whether ``short`` is written with the first character of each of the parallel parts that
    begin ``full`` (百县/千镇/万村 → 百千万), both with the same suffix or the short form without one.

    >>> short_form_of("“三五十工程”", "三城五镇十村振兴工程"), short_form_of("三五十工程", "三城振兴工程")
    (True, False)
    """
    short = short.strip('“”"')
    suffix = _SHORT_FORM_SUFFIX.search(full)
    if suffix is None:
        return False
    full_stem = full[: suffix.start()]
    stem = short.removesuffix(suffix.group(0))
    if not 2 <= len(stem) <= 5 or not re.fullmatch(r"[\u3400-\u9fff]+", full_stem + stem):
        return False
    for part in range(4 if len(stem) == 2 else 2, 5):  # two initials only of parts long enough
        covered = part * len(stem)
        if covered <= len(full_stem) and all(full_stem[i * part] == c for i, c in enumerate(stem)):
            return covered < len(full_stem) or len(stem) >= 3
    return False


# ---------------------------------------------------------------- across documents

Jurisdiction = tuple[str | None, str | None]  # (province code, city code); "national" for national leaders


def document_city(entities: list[Entity]) -> str | None:
    """The city a page is about: the city (or the city of the county) its places name most.

    >>> e = Entity("place/长治市", "place", "长治市", level="city", attrs={"code": "140400"})
    >>> e.mentions = [Mention("place", "长治", 0, 2)] * 3
    >>> document_city([e])
    '140400'
    """
    gazetteer = Gazetteer.load()
    votes: dict[str, int] = defaultdict(int)
    for e in entities:
        code = e.attrs.get("code")
        if e.type != "place" or not isinstance(code, str) or gazetteer.get(code) is None:
            continue
        chain = gazetteer.chain(code)
        city = next((d.code for d in chain if d.level == "city"), None)
        if city:
            votes[city] += len(e.mentions)
    return max(votes, key=lambda c: votes[c]) if votes else None


def jurisdiction(entity: Entity, city: str | None) -> Jurisdiction:
    """Where a person holds office: from the places in their titles, else the page's city."""
    if entity.level == "national":
        return ("national", "national")
    gazetteer = Gazetteer.load()
    for title in entity.titles:
        hits = gazetteer_places(title.text)
        division = (
            gazetteer.resolve(hits[0].text, [city] if city else []) if hits and hits[0].start == 0 else None
        )
        if division is not None:
            chain = gazetteer.chain(division.code)
            city_code = next((d.code for d in chain if d.level == "city"), None)
            return (chain[0].code, city_code)
    if city:
        return (gazetteer.chain(city)[0].code, city)
    return (None, None)


def _compatible(a: Jurisdiction, b: Jurisdiction) -> bool:
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def link_corpus(docs: list[ExtractedDocument]) -> list[ExtractedDocument]:
    """One id per real person across documents: same-name officials of different cities or
    provinces are kept apart (``official/王伟`` and ``official/王伟#2``); the same name in the
    same jurisdiction is one person.  Ids of other entities are already corpus-wide."""
    clusters: dict[str, list[tuple[Jurisdiction, str]]] = defaultdict(list)
    for doc in docs:
        city = document_city(doc.entities)
        for entity in doc.entities:
            if entity.type not in ("official", "person"):
                continue
            key = f"{entity.type}/{entity.name}"
            where = jurisdiction(entity, city) if entity.type == "official" else (None, city)
            entity_id = _cluster_id(clusters[key], key, where)
            if entity_id != entity.id:
                entity.id = entity_id
                entity.mentions = [m.resolved(entity_id) for m in entity.mentions]
    return docs


def _cluster_id(members: list[tuple[Jurisdiction, str]], key: str, where: Jurisdiction) -> str:
    for i, (seen, entity_id) in enumerate(members):
        if _compatible(seen, where):
            members[i] = (tuple(x or y for x, y in zip(seen, where, strict=True)), entity_id)  # type: ignore[assignment]
            return entity_id
    entity_id = key if not members else f"{key}#{len(members) + 1}"
    members.append((where, entity_id))
    return entity_id
