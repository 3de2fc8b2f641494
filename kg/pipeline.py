"""Extraction pipeline: files → :class:`ExtractedDocument`.

document → normalised blocks (offset map) → articles/sentences → mentions →
resolved entities.  Every mention's ``start``/``end`` points into the
original text.

>>> doc = extract_text("## 会议\\n\\n市委书记王建国主持会议。王建国强调，要推动高质量发展。", "a.txt")
>>> officials = [e for e in doc.entities if e.type == "official"]
>>> [(e.name, [t.text for t in e.titles], len(e.mentions)) for e in officials]
[('王建国', ['市委书记'], 2)]
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

import ahocorasick

from kg.gazetteer import Gazetteer
from kg.ingest import ReadError, read_documents
from kg.lexicon import Lexicon
from kg.model import Document, ExtractedDocument, Mention
from kg.people import (
    author_note_role,
    find_byline_persons,
    find_leaders,
    find_officials,
    find_role_persons,
    names_listed_with,
)
from kg.places import find_places, world_places
from kg.resolve import ZONE_BODIES, resolve_entities
from kg.script import PrintedScript, in_printed_script, simplified
from kg.segment import SentenceSpan, split_articles
from kg.text import normalize_page
from kg.themes_find import find_themes, quoted_campaigns
from kg.things import departments_of_titles, find_organizations, find_projects
from kg.words import word_freq


def _sentence_mentions(span: SentenceSpan) -> list[Mention]:
    """All mentions in one sentence, with sentence-relative offsets."""
    text = span.text
    if span.role == "author":
        return [Mention("person", text, 0, len(text), role="作者")]
    found = find_byline_persons(text)
    if span.role == "byline":
        return found
    found += find_officials(text) + find_role_persons(text) + find_leaders(text)
    found += find_places(text) + find_organizations(
        text, [m for m in found if m.type in ("official", "person")]
    )
    officials = [m for m in found if m.type == "official"]
    found += departments_of_titles(text, officials, [m for m in found if m.type == "organization"])
    found = [m for m in found if not _bare_body_in_a_title(text, m)]
    projects = find_projects(text, found)
    campaigns = quoted_campaigns(text)
    projects = [p for p in projects if not any(_part_of_the_quoted(p, c) for c in campaigns)]
    found += projects + find_themes(text)
    found += [c for c in campaigns if all(c.end <= p.start or c.start >= p.end for p in projects)]
    return [_counted_campaign_as_theme(m) for m in found]


def _part_of_the_quoted(project: Mention, campaign: Mention) -> bool:
    """A project read by its suffix inside the quotes of a longer campaign (效能提升突破年 of
    “服务企业效能提升突破年”): the quoted name is the campaign's."""
    return (
        campaign.start <= project.start
        and project.end <= campaign.end
        and len(project.text) < len(campaign.text)
    )


_COUNTED_CAMPAIGN = re.compile(r"[一二三四五六七八九十两百千\d]+(?:个|项|号)[\u3400-\u9fff]{1,8}?(?=活动$|$)")


def _counted_campaign_as_theme(m: Mention) -> Mention:
    """A campaign named by a count (“三个年”活动, 一号工程, 两个专项行动, 十项重大工程) is a numbered
    formula, a theme: annotators list such names as themes, not as projects.

    >>> campaigns = [Mention("project", t, 0, len(t)) for t in ("三个年活动", "百日攻坚行动")]
    >>> [_counted_campaign_as_theme(m).text for m in campaigns]
    ['三个年', '百日攻坚行动']
    """
    counted = _COUNTED_CAMPAIGN.match(m.text) if m.type == "project" else None
    if counted is None:
        return m
    return Mention("theme", counted.group(0), m.start, m.start + counted.end(), attrs=(("kind", "formula"),))


_BARE_BODY = re.compile(r"[省市州盟县区旗镇乡](?:委|纪委|监委)")


def _bare_body_in_a_title(text: str, m: Mention) -> bool:
    """A party committee named only by its level, read as part of a post (县委 of 县委书记): the
    title's, not a body the page names (annotated in 4 of 47 such articles; a committee printed
    alone elsewhere on the page is still found there). The congress, CPPCC and government of a
    post (市政协 of 市政协主席, 县政府 of 县政府办主任) are listed in about two thirds and stay.

    >>> text = "县委书记王某主持会议，市政协主席李某出席"
    >>> bodies = [Mention("organization", "县委", 0, 2), Mention("organization", "市政协", 11, 14)]
    >>> [_bare_body_in_a_title(text, m) for m in bodies]
    [True, False]
    """
    return (
        m.type == "organization"
        and _BARE_BODY.fullmatch(m.text) is not None
        and Lexicon.load().patterns.posts.match(text, m.end) is not None
    )


def _to_original(m: Mention, span: SentenceSpan, raw: str = "") -> Mention:
    start, end = span.span(m.start, m.end)
    text = _as_printed(m, span, raw) if raw and ("（" in m.text or "）" in m.text) else m.text
    return Mention(m.type, text, start, end, span.article, span.index, m.titles, m.rank, m.role, m.attrs)


def _as_printed(m: Mention, span: SentenceSpan, raw: str) -> str:
    """A name's brackets as the page prints them: the sentence reads half-width ones as full-width.

    >>> span = SentenceSpan(0, 0, "昌邑滨海（下营）开发区", tuple(range(11)), "body")
    >>> _as_printed(Mention("place", "昌邑滨海（下营）开发区", 0, 11), span, "昌邑滨海(下营)开发区")
    '昌邑滨海(下营)开发区'
    """
    if span.text[m.start : m.end] != m.text:
        return m.text  # a name put together from parts: no one printed form
    return "".join(
        raw[span.offsets[m.start + i]] if c in "（）" and raw[span.offsets[m.start + i]] in "()" else c
        for i, c in enumerate(m.text)
    )


_PRIVATE_BODIES = {"enterprise", "school", "hospital", "media", "association"}


def _inside_another_name(
    place: Mention,
    private_bodies: list[Mention],
    organisations: list[Mention],
    themes: list[Mention],
    theme_spans: set[tuple[int, int]],
) -> bool:
    """A place read inside another name: a company's, school's or media's (深圳 of 深圳某某科技有限公司),
    a country inside any body's (中国 of 中国共产党), a township's short name that is a theme
    (民族团结), a lake or mountain inside a slogan (山水林田湖 of 山水林田湖草沙; 雄安新区 of 雄安新区建设
    stays), a county at the end of a slogan (兴县 of 品牌兴县), a station that is a medium's (红网某某站)."""
    attrs = dict(place.attrs)
    return (
        _nested(place, private_bodies)
        or any(
            o.attr("kind") == "media" and (o.start, o.end) == (place.start, place.end) for o in private_bodies
        )
        or (bool(attrs.get("short")) and (place.start, place.end) in theme_spans)
        or (attrs.get("source") in ("water", "mountain") and _nested(place, themes))
        or _nested(place, [t for t in themes if t.attr("kind") == "sector"])  # 兴县 of 品牌兴县
        or (place.text in world_places() and _nested(place, organisations))
    )


def _built_as_a_project(
    place: Mention, project_spans: set[tuple[int, int]], project_ends: dict[int, int]
) -> bool:
    """A place read where a project is: 某某高速 listed with the works being built, or a road or
    airport at the end of one (青岛 + 某某国际机场): the works, not the place."""
    if (place.start, place.end) in project_spans:
        return True
    transport = place.attr("source") in ("road", "station")
    return transport and project_ends.get(place.end, place.end) <= place.start


def _fragment_of_a_programme(theme: Mention, projects: list[Mention]) -> bool:
    """A theme read inside a longer programme's name that ends with the same word (千万工程 of
    百千万工程): a piece of that name, not the theme."""
    word = theme.text[-2:]
    return word in ("工程", "行动", "计划") and any(
        p.text.endswith(word) and p.end == theme.end and p.start < theme.start for p in projects
    )


def _nested(m: Mention, outer: list[Mention]) -> bool:
    return any(o.start <= m.start and m.end <= o.end and (o.start, o.end) != (m.start, m.end) for o in outer)


def _drop_conflicts(mentions: list[Mention], only: set[tuple[int, int]] | None = None) -> list[Mention]:
    """Resolve overlaps between recognisers: persons win over places and organisations that cut into
    their names; a place inside a company, school or media name (深圳 in 深圳某某科技有限公司), or a
    country inside any body's name (中国 in 中国共产党), is part of that name, not a place; a theme
    inside a body's name (乡村振兴 in 县乡村振兴局) is that body's name, not a theme.

    Mentions overlap only within a sentence, so each sentence is resolved on its own; with ``only``,
    just those sentences (the others are kept as they are)."""
    sentences: dict[tuple[int, int], list[Mention]] = {}
    for m in mentions:
        if only is None or (m.article, m.sentence) in only:
            sentences.setdefault((m.article, m.sentence), []).append(m)
    dropped = {id(m) for group in sentences.values() for m in group} - {
        id(m) for group in sentences.values() for m in _sentence_without_conflicts(group)
    }
    return [m for m in mentions if id(m) not in dropped]


def _sentence_without_conflicts(mentions: list[Mention]) -> list[Mention]:
    people = [m for m in mentions if m.type in ("official", "person")]
    organisations = [m for m in mentions if m.type == "organization"]
    private_bodies = [m for m in organisations if m.attr("kind") in _PRIVATE_BODIES]
    themes = [m for m in mentions if m.type == "theme"]
    theme_spans = {(m.start, m.end) for m in themes}
    regions = [
        m
        for m in mentions
        if m.type == "place" and (m.text.endswith(("城市群", "都市圈", "经济圈", "经济带")) or "贸" in m.text)
    ]  # 城市群 of 中原城市群, 自由贸易试验区 of 某某自由贸易试验区某某片区: the region's name
    projects = [m for m in mentions if m.type == "project"]
    project_spans = {(p.start, p.end) for p in projects}
    project_ends = {p.end: p.start for p in projects}
    kept = []
    for m in mentions:
        if m.type == "place" and _inside_another_name(m, private_bodies, organisations, themes, theme_spans):
            continue
        if m.type == "place" and _built_as_a_project(m, project_spans, project_ends):
            continue
        if m.type == "project" and any(_inside_a_body(m, o) for o in organisations):
            continue  # 某某工程 of 某某工程技术研究中心, 某某工程公司: the body's name
        if m.type == "place" and any(
            ("party", "1") in o.attrs and o.start == m.start and m.end <= o.end for o in organisations
        ):
            continue  # 九三学社区 of 九三学社区委会: the party's name, not a community
        if m.type == "theme" and (
            _nested(m, organisations) or _nested(m, regions) or _fragment_of_a_programme(m, projects)
        ):
            continue  # 城市群 of 中原城市群: the region's name
        if m.type in ("place", "organization", "project") and any(
            p.start < m.end
            and m.start < p.end
            and (not _nested(p, [m]) or _after_a_post(m, p))  # 张长江 as a place is the person
            for p in people
        ):
            continue
        if m.type in ("official", "person") and any(
            o is not m
            and o.type in ("official", "person")
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in people
        ):
            continue
        kept.append(m)
    return kept


def _inside_a_body(project: Mention, body: Mention) -> bool:
    """Whether a project's name ends inside a body's name, which goes on past it (某某工程 of
    某某工程技术研究中心), other than a zone's own committee (某某园区 of 某某园区管委会).

    >>> body = Mention("organization", "淡水渔业工程技术研究中心", 0, 12)
    >>> _inside_a_body(Mention("project", "淡水渔业工程", 0, 6), body)
    True
    >>> zone = Mention("organization", "白河工业园区管委会", 0, 9)
    >>> _inside_a_body(Mention("project", "白河工业园区", 0, 6), zone)
    False
    """
    rest = body.text[project.end - body.start :]
    return body.start < project.end < body.end and not rest.startswith(ZONE_BODIES)


def _after_a_post(name: Mention, official: Mention) -> bool:
    """Whether a name found inside another one begins after a post written in it: the name read by
    its suffix (市长黄山 as a mountain) holds the official's title, so the official is what it names.

    >>> place, official = Mention("place", "市长黄山", 0, 4), Mention("official", "黄山", 2, 4)
    >>> _after_a_post(place, official), _after_a_post(place, Mention("person", "黄山", 2, 4))
    (True, False)
    """
    head = name.text[: official.start - name.start]
    return official.type == "official" and bool(head) and Lexicon.load().post_at_end(head) is not None


def _automaton_of(words: Iterable[str]) -> ahocorasick.Automaton:
    """An automaton that finds each of ``words``, each word its own value."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def _repeat_names(spans: list[SentenceSpan], mentions: list[Mention]) -> list[Mention]:
    """Later bare mentions of people already named with a title or role (李华指出 …)."""
    names = {m.text for m in mentions if m.type in ("official", "person") and len(m.text) >= 2}
    if not names:
        return []
    automaton = _automaton_of(names)
    taken = {(m.article, m.sentence, m.start) for m in mentions if m.type in ("official", "person")}
    covered: dict[tuple[int, int], list[tuple[int, int]]] = {}  # people's spans by sentence
    for m in mentions:
        if m.type in ("official", "person"):
            covered.setdefault((m.article, m.sentence), []).append((m.start, m.end))
    out = []
    for span in spans:
        for end_index, name in automaton.iter(span.text):
            start = end_index - len(name) + 1
            m = _to_original(Mention("person", name, start, end_index + 1, attrs=(("repeat", "1"),)), span)
            if (m.article, m.sentence, m.start) in taken:
                continue
            if any(b <= m.start and m.end <= e for b, e in covered.get((m.article, m.sentence), ())):
                continue
            out.append(m)
    return out


_TOWN_SUFFIXES = ("街道", "镇", "乡")


def _short_town_names(spans: list[SentenceSpan], mentions: list[Mention]) -> list[Mention]:
    """A town or street named in full is named again by its short name (桃浦镇 …, 桃浦经济企稳向好):
    those later bare mentions, where no other name holds them and the short name is no common word.

    >>> doc = extract_text("桃浦镇召开推进会。当前，桃浦经济呈现企稳向好态势。")
    >>> [(e.name, e.aliases) for e in doc.entities if e.type == "place"]
    [('桃浦镇', ['桃浦'])]
    """
    shorts = {}
    for m in mentions:
        suffix = next((x for x in _TOWN_SUFFIXES if m.type == "place" and m.text.endswith(x)), None)
        short = m.text[: -len(suffix)] if suffix else ""
        if len(short) >= 2 and not m.text.endswith("乡村") and _names_only_a_town(short):
            shorts[short] = m.text
    if not shorts:
        return []
    automaton = _automaton_of(shorts)
    covered: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for m in mentions:
        covered.setdefault((m.article, m.sentence), []).append((m.start, m.end))
    out = []
    for span in spans:
        for end_index, short in automaton.iter(span.text):
            start = end_index - len(short) + 1
            if span.text.startswith(_TOWN_SUFFIXES, end_index + 1):
                continue  # the full name, read already
            attrs = (("full", shorts[short]),)
            m = _to_original(Mention("place", short, start, end_index + 1, attrs=attrs), span)
            if not any(b < m.end and m.start < e for b, e in covered.get((m.article, m.sentence), ())):
                out.append(m)
    return out


def _names_only_a_town(short: str) -> bool:
    """Whether a town's short name is no word of the dictionary and no county's or city's name."""
    return word_freq().get(short, 0) < 5 and not Gazetteer.load().lookup(short)


def _listed_with_officials(spans: list[SentenceSpan], mentions: list[Mention]) -> list[Mention]:
    """Names listed with an official's name are officials too (甲、乙、丙作了发言, where 甲 holds a post).

    >>> doc = extract_text("副区长王清源主持会议。会上，王清源、马金华、曹伟作了发言。")
    >>> sorted(e.name for e in doc.entities if e.type == "official")
    ['曹伟', '王清源', '马金华']
    """
    names = {m.text for m in mentions if m.type == "official"}
    persons = {m.text for m in mentions if m.type == "person" and not m.attr("repeat")}
    by_sentence = {(s.article, s.index): s for s in spans}
    taken = {(m.article, m.sentence, m.start) for m in mentions if m.type in ("official", "person")}
    out: list[Mention] = []
    for m in mentions:
        span = by_sentence.get((m.article, m.sentence))
        if m.text not in names or span is None or m.type not in ("official", "person"):
            continue
        start = span.offsets.index(m.start)
        for a, b in names_listed_with(span.text, start, start + len(m.text)):
            name = span.text[a:b]
            listed = _to_original(Mention("official", name, a, b), span)
            if name not in persons and (listed.article, listed.sentence, listed.start) not in taken:
                taken.add((listed.article, listed.sentence, listed.start))
                out.append(listed)
    return out


def _author_roles(spans: list[SentenceSpan], mentions: list[Mention]) -> list[Mention]:
    """Give each author the role of the first note after their byline (（作者系市委党校教师）)."""
    notes = sorted((span.offsets[0], role) for span in spans if (role := author_note_role(span.text)))
    authors = sorted((m for m in mentions if m.role == "作者"), key=lambda m: m.start)
    given: dict[int, str] = {}
    for position, role in notes:
        before = [a for a in authors if a.start < position and a.start not in given]
        if before:
            given[before[-1].start] = f"作者，{role}"
    return [replace(m, role=given[m.start]) if m.role == "作者" and m.start in given else m for m in mentions]


_MASTHEAD_DATE = re.compile(r"(20\d\d|19\d\d)年(\d{1,2})月(\d{1,2})日")


def masthead_date(text: str) -> str | None:
    """The issue date printed at the top of a page (``2025年11月7日 星期五``), as an ISO date.

    >>> masthead_date("潍坊日报\\n2025年11月7日 星期五\\n\\n市委常委会召开会议")
    '2025-11-07'
    """
    m = _MASTHEAD_DATE.search(text[:200])
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    return f"{year}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def extract_document(doc: Document) -> ExtractedDocument:
    """Run the whole pipeline on one document (a page in traditional characters is read through
    its simplified copy and named in its own characters)."""
    text = simplified(doc.text)
    extracted = _extract_from(doc, text)
    return extracted if text == doc.text else in_printed_script(extracted, PrintedScript(doc.text, text))


def _extract_from(doc: Document, text: str) -> ExtractedDocument:
    articles = split_articles(normalize_page(text), doc.date or masthead_date(text))
    spans = [s for _, article_spans in articles for s in article_spans]
    mentions = [_to_original(m, span, text) for span in spans for m in _sentence_mentions(span)]
    mentions = _author_roles(spans, _drop_conflicts(mentions))
    repeats = _repeat_names(spans, mentions)  # 永康 in a later 祝永康: the sentences they fall in again
    mentions = _drop_conflicts(mentions + repeats, {(m.article, m.sentence) for m in repeats})
    listed = _listed_with_officials(spans, mentions)
    mentions = _drop_conflicts(mentions + listed, {(m.article, m.sentence) for m in listed})
    towns = _short_town_names(spans, mentions)
    mentions = _drop_conflicts(mentions + towns, {(m.article, m.sentence) for m in towns})
    mentions.sort(key=lambda m: (m.start, -m.end))
    entities = resolve_entities(mentions)
    return ExtractedDocument(doc, [a for a, _ in articles], mentions, entities)


def extract_text(text: str, name: str = "<text>") -> ExtractedDocument:
    """Run the pipeline on a text held in memory."""
    doc = Document(name, text, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    return extract_document(doc)


def extract_paths(
    paths: Iterable[str | Path], errors: list[ReadError] | None = None, report: bool = True
) -> Iterator[ExtractedDocument]:
    """Extract every readable document the paths name; unreadable ones are reported and skipped."""
    for item in read_documents(paths):
        if isinstance(item, ReadError):
            if errors is not None:
                errors.append(item)
            if report:
                print(f"kg: skipped {item}", file=sys.stderr)
            continue
        yield extract_document(item)
