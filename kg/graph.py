"""Extracted documents → one networkx graph of entities.

Nodes are resolved entities (plus the enclosing places of their parent
chains); edges join entities that appear in the same window of text
(co-occurrence, with counts, Dice, PMI and provenance) or that the text
links with a typed relation (an official's post in an organisation, an
organisation or project in a place, a place within a place, a theme an
official speaks about).  The attribute contract is in docs/architecture.md.

>>> from kg.model import Article, Document, Entity, ExtractedDocument, Mention, Sentence
>>> s = Sentence(0, 0, 12, "张三在长治市调研。")
>>> a, b = Mention("official", "张三", 0, 2), Mention("place", "长治市", 3, 6)
>>> doc = ExtractedDocument(Document("a.txt", s.text), [Article(0, 0, 12, sentences=(s,))], [a, b],
...     [Entity("official/张三", "official", "张三", mentions=[a]),
...      Entity("place/长治市", "place", "长治市", mentions=[b])])
>>> g = build_graph([doc])
>>> g.edges["official/张三", "place/长治市"]["weight"]
1
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import combinations

import networkx as nx

from kg.model import Entity, ExtractedDocument, Mention, Title
from kg.resolve import link_corpus

EVIDENCE_CAP = 20
"""Most provenance records kept per edge (``weight`` still counts all)."""

MENTION_CAP = 50
"""Most mention records kept per node (``count`` still counts all)."""

SPEECH_VERBS = re.compile(r"强调|指出|表示|要求|提出|希望|说|主持|部署|调研")
"""An official and a theme in one sentence with one of these: the official speaks about the theme."""

LOCATIVE_WORDS = re.compile(r"落户|位于|坐落|落地|选址|建于|开工|投产|签约")
"""A project and a single place in one sentence with one of these: the project is in the place."""

RELATIONS = ("holdsPost", "postIn", "locatedIn", "within", "mentions")

Pair = tuple[str, str]


def pair(a: str, b: str) -> Pair:
    """The key of an undirected pair, smaller id first.

    >>> pair("place/长治市", "official/张三")
    ('official/张三', 'place/长治市')
    """
    return (a, b) if a <= b else (b, a)


def parse_window(window: str | int) -> int | None:
    """Sentences per co-occurrence window; ``None`` means the whole article.

    >>> parse_window("sentence"), parse_window("article"), parse_window("3")
    (1, None, 3)
    """
    if window == "sentence":
        return 1
    if window == "article":
        return None
    try:
        size = int(window)
    except (TypeError, ValueError):
        raise ValueError(
            f"window must be 'sentence', 'article' or a number of sentences, not {window!r}"
        ) from None
    if size < 1:
        raise ValueError(f"window must be at least one sentence, not {size}")
    return size


@dataclass
class _Link:
    weight: int = 0
    evidence: list[dict] = field(default_factory=list)
    order: dict[str, list[int]] = field(default_factory=dict)
    relations: set[str] = field(default_factory=set)


@dataclass
class _Sentence:
    """Entities of one sentence, with what the relation rules need."""

    index: int
    text: str
    entities: dict[str, Mention]  # entity id -> first mention in the sentence


class GraphBuilder:
    """Accumulates documents one at a time, then produces the graph.

    >>> GraphBuilder().graph().number_of_nodes()
    0
    """

    def __init__(self, window: str | int = "sentence") -> None:
        self.window = parse_window(window)
        self.window_name = str(window)
        self.nodes: dict[str, dict] = {}
        self.links: dict[Pair, _Link] = defaultdict(_Link)
        self.entity_articles: dict[str, set[int]] = defaultdict(set)  # entity -> serials of its articles
        self.article_dates: list[str | None] = []  # serial -> date
        self.article_total = 0
        self.candidates: list[tuple[str, str, str]] = []  # (source, relation, target id)
        self.shas: dict[str, str] = {}  # document name -> sha256

    # -- documents ---------------------------------------------------------------------------------

    def add(self, doc: ExtractedDocument) -> None:
        """Fold one extracted document into the graph."""
        name = doc.document.name
        self.shas[name] = doc.document.sha256
        for entity in doc.entities:
            self._add_entity(entity, name, _dates_of(doc, entity.mentions))
        by_article = _sentences_by_article(doc)
        for article in doc.articles:
            sentences = by_article.get(article.index, [])
            date = article.date or doc.document.date
            self._add_article(name, article.index, date, sentences)

    def _add_entity(self, entity: Entity, document: str, dates: set[str]) -> None:
        node = self.nodes.get(entity.id)
        if node is None:
            node = self.nodes[entity.id] = _new_node(entity)
        _merge_entity(node, entity)
        node["count"] += len(entity.mentions)
        if document not in node["_documents"]:
            node["_documents"].add(document)
            node["documents"].append(document)
        node["dates"].update(dates)
        room = MENTION_CAP - len(node["mentions"])
        for m in entity.mentions[: max(room, 0)]:
            node["mentions"].append(
                {
                    "document": document,
                    "article": m.article,
                    "sentence": m.sentence,
                    "start": m.start,
                    "end": m.end,
                    "text": m.text,
                }
            )
        self._add_parent_chain(entity)
        self._collect_candidates(entity)

    def _add_parent_chain(self, entity: Entity) -> None:
        chain = [p for p in reversed(entity.parents) if p.get("name")]  # nearest first
        for i, parent in enumerate(chain):
            pid = f"place/{parent['name']}"
            node = self.nodes.get(pid)
            if node is None:
                node = self.nodes[pid] = _new_node(Entity(pid, "place", parent["name"]))
            node["level"] = node["level"] or parent.get("level", "")
            if parent.get("code") and "code" not in node["attrs"]:
                node["attrs"]["code"] = parent["code"]
            if not node["parents"]:
                node["parents"] = [f"place/{p['name']}" for p in chain[i + 1 :]]

    def _collect_candidates(self, entity: Entity) -> None:
        if entity.type == "official":
            for title in entity.titles:
                if title.org:
                    self.candidates.append((entity.id, "holdsPost", f"organization/{title.org}"))
                if title.place:
                    self.candidates.append((entity.id, "postIn", f"place/{title.place}"))
        place = entity.attrs.get("place") or entity.attrs.get("location")
        if entity.type in ("organization", "project") and isinstance(place, str) and place:
            self.candidates.append((entity.id, "locatedIn", f"place/{place}"))

    def _add_article(self, document: str, article: int, date: str | None, sentences: list[_Sentence]) -> None:
        serial = self.article_total
        self.article_total += 1
        self.article_dates.append(date)
        present = sorted({e for s in sentences for e in s.entities})
        for e in present:
            self.entity_articles[e].add(serial)
        if self.window is None:
            for a, b in combinations(present, 2):
                self._count(self.links[(a, b)], document, article, None, date)
        else:
            self._count_windows(document, article, date, sentences)
        for s in sentences:
            self._listing(s)
            self._stated_relations(s)

    def _count_windows(
        self, document: str, article: int, date: str | None, sentences: list[_Sentence]
    ) -> None:
        size = self.window or 1
        by_index = {s.index: s for s in sentences}
        for s in sentences:
            ahead: set[str] = set()
            for k in range(s.index + 1, s.index + size):
                if k in by_index:
                    ahead.update(by_index[k].entities)
            keys = {pair(a, b) for a, b in combinations(sorted(s.entities), 2)}
            keys.update(pair(a, b) for a in s.entities for b in ahead if a != b)
            for key in sorted(keys):
                self._count(self.links[key], document, article, s.index, date)

    @staticmethod
    def _count(link: _Link, document: str, article: int, sentence: int | None, date: str | None) -> None:
        link.weight += 1
        if len(link.evidence) < EVIDENCE_CAP:
            link.evidence.append(
                {"document": document, "article": article, "sentence": sentence, "date": date}
            )

    def _listing(self, s: _Sentence) -> None:
        ranked = sorted((m.rank, e) for e, m in s.entities.items() if m.rank is not None)
        for (ra, a), (rb, b) in combinations(ranked, 2):
            link = self.links[pair(a, b)]
            link.order.setdefault(a, []).append(ra)
            link.order.setdefault(b, []).append(rb)

    def _stated_relations(self, s: _Sentence) -> None:
        officials = [(m.start, e) for e, m in s.entities.items() if m.type == "official"]
        themes = [(m.start, e) for e, m in s.entities.items() if m.type == "theme"]
        if officials and themes and SPEECH_VERBS.search(s.text):
            for t_start, theme in themes:
                speakers = [e for start, e in officials if start < t_start]
                if speakers:
                    self.links[pair(speakers[-1], theme)].relations.add("mentions")
        places = [e for e, m in s.entities.items() if m.type == "place"]
        if len(places) == 1 and LOCATIVE_WORDS.search(s.text):
            for e, m in s.entities.items():
                if m.type == "project":
                    self.links[pair(e, places[0])].relations.add("locatedIn")

    # -- the graph ---------------------------------------------------------------------------------

    def graph(self, min_weight: int = 1, min_dice: float = 0.0) -> nx.Graph:
        """The graph so far; co-occurrence edges below either threshold are pruned."""
        self._resolve_relations()
        g = nx.Graph(
            window=self.window_name, articles=self.article_total, shas=dict(sorted(self.shas.items()))
        )
        for nid in sorted(self.nodes):
            node = {k: v for k, v in self.nodes[nid].items() if not k.startswith("_")}
            g.add_node(nid, **node | {"dates": sorted(node["dates"])})
        for (a, b), link in sorted(self.links.items()):
            if not link.relations and link.weight < min_weight:
                continue
            attrs = self._edge_attrs(a, b, link)
            if link.relations or attrs["dice"] >= min_dice:
                g.add_edge(a, b, **attrs)
        return g

    def _edge_attrs(self, a: str, b: str, link: _Link) -> dict:
        in_a, in_b = self.entity_articles.get(a, set()), self.entity_articles.get(b, set())
        shared = in_a & in_b
        both, na, nb = len(shared), len(in_a), len(in_b)
        dates = {d for i in shared if (d := self.article_dates[i])}
        return {
            "weight": link.weight,
            "articles": both,
            "dice": round(dice(both, na, nb), 6),
            "pmi": round(pmi(both, na, nb, self.article_total), 6),
            "relations": sorted(link.relations),
            "evidence": list(link.evidence),
            "dates": sorted(dates),
            "order": {k: list(v) for k, v in sorted(link.order.items())},
        }

    def _resolve_relations(self) -> None:
        names = _name_index(self.nodes)
        for source, relation, target in self.candidates:
            found = names.get(target)
            if found and found != source:
                self.links[pair(source, found)].relations.add(relation)
        self.candidates.clear()
        places = {k.split("/", 1)[1]: v for k, v in names.items() if k.startswith("place/")}
        for nid, node in self.nodes.items():
            if node["type"] == "place" and node["parents"] and node["parents"][0] in self.nodes:
                self.links[pair(nid, node["parents"][0])].relations.add("within")
            if node["type"] in ("organization", "project"):
                place = _place_prefix(node["label"], places)
                if place and place != nid:
                    self.links[pair(nid, place)].relations.add("locatedIn")


def build_graph(
    docs: Iterable[ExtractedDocument],
    window: str | int = "sentence",
    min_weight: int = 1,
    min_dice: float = 0.0,
) -> nx.Graph:
    """The knowledge graph of some extracted documents.

    ``window`` is ``"sentence"`` (default), ``"article"`` or a number of
    consecutive sentences; co-occurrence edges seen fewer than
    ``min_weight`` times or with a Dice coefficient below ``min_dice`` are
    pruned (edges with a typed relation are always kept).

    >>> build_graph([]).graph["articles"]
    0
    """
    builder = GraphBuilder(window)
    for doc in link_corpus(list(docs)):
        builder.add(doc)
    return builder.graph(min_weight=min_weight, min_dice=min_dice)


def dice(both: int, a: int, b: int) -> float:
    """Dice coefficient of two sets given their sizes and overlap.

    >>> dice(2, 2, 4)
    0.6666666666666666
    """
    return 2 * both / (a + b) if a + b else 0.0


def pmi(both: int, a: int, b: int, total: int) -> float:
    """Pointwise mutual information (bits) of two events over ``total`` trials.

    >>> pmi(1, 1, 1, 4)
    2.0
    """
    if not (both and a and b and total):
        return 0.0
    return math.log2(both * total / (a * b))


def cooccurrences(graph: nx.Graph, node: str, limit: int = 10) -> list[tuple[str, dict]]:
    """The strongest co-occurrence links of one node, by weight then Dice.

    >>> g = nx.Graph(); g.add_edge("a", "b", weight=2, dice=0.5); g.add_edge("a", "c", weight=3, dice=0.1)
    >>> [n for n, _ in cooccurrences(g, "a")]
    ['c', 'b']
    """
    edges = [(other, data) for other, data in graph[node].items() if data.get("weight", 0) > 0]
    edges.sort(key=lambda e: (-e[1]["weight"], -e[1].get("dice", 0.0), e[0]))
    return edges[:limit]


def title_record(title: Title) -> dict[str, str]:
    """A title as the plain dict stored on nodes (``posts``) and in documents.jsonl.

    >>> title_record(Title("长治市委书记", post="书记", org="长治市委", place="长治市"))["org"]
    '长治市委'
    """
    return {
        "text": title.text,
        "post": title.post,
        "org": title.org,
        "place": title.place,
        "level": title.level,
    }


# -- helpers --------------------------------------------------------------------------------------------


def _new_node(entity: Entity) -> dict:
    return {
        "type": entity.type,
        "label": entity.name,
        "aliases": [],
        "titles": [],
        "posts": [],
        "level": "",
        "role": "",
        "parents": [],
        "attrs": {},
        "count": 0,
        "documents": [],
        "_documents": set(),
        "dates": set(),
        "mentions": [],
    }


def _merge_entity(node: dict, entity: Entity) -> None:
    for alias in entity.aliases:
        if alias != node["label"] and alias not in node["aliases"]:
            node["aliases"].append(alias)
    for title in entity.titles:
        if title.text and title.text not in node["titles"]:
            node["titles"].append(title.text)
            node["posts"].append(title_record(title))
    node["level"] = node["level"] or entity.level
    node["role"] = node["role"] or entity.role
    for key, value in entity.attrs.items():
        node["attrs"].setdefault(key, value if isinstance(value, (str, int, float, bool)) else str(value))
    if entity.parents and not node["parents"]:
        node["parents"] = [f"place/{p['name']}" for p in reversed(entity.parents) if p.get("name")]


def _dates_of(doc: ExtractedDocument, mentions: list[Mention]) -> set[str]:
    dates = {a.index: a.date or doc.document.date for a in doc.articles}
    return {d for m in mentions if (d := dates.get(m.article, doc.document.date))}


def _sentences_by_article(doc: ExtractedDocument) -> dict[int, list[_Sentence]]:
    texts = {(a.index, s.index): s.text for a in doc.articles for s in a.sentences}
    found: dict[tuple[int, int], dict[str, Mention]] = defaultdict(dict)
    for entity in doc.entities:
        for m in entity.mentions:
            slot = found[(m.article, m.sentence)]
            if entity.id not in slot or m.start < slot[entity.id].start:
                slot[entity.id] = m
    out: dict[int, list[_Sentence]] = defaultdict(list)
    for (article, sentence), entities in sorted(found.items()):
        out[article].append(_Sentence(sentence, texts.get((article, sentence), ""), entities))
    return out


def _name_index(nodes: dict[str, dict]) -> dict[str, str]:
    """``"<type>/<name or alias>"`` → node id, for resolving names the text gives."""
    index: dict[str, str] = {}
    for nid, node in sorted(nodes.items()):
        for name in (*node["aliases"], node["label"]):
            index.setdefault(f"{node['type']}/{name}", nid)
        index[f"{node['type']}/{node['label']}"] = nid
        index.setdefault(nid, nid)
    return index


def _place_prefix(name: str, places: dict[str, str]) -> str | None:
    """The place whose name (or alias) is the longest proper prefix of ``name``."""
    for end in range(min(len(name) - 1, 16), 1, -1):
        if name[:end] in places:
            return places[name[:end]]
    return None


def iter_evidence(graph: nx.Graph) -> Iterator[tuple[str, int, int]]:
    """Every (document, article, sentence) that some edge cites as evidence.

    >>> g = nx.Graph(); g.add_edge("a", "b", evidence=[{"document": "d", "article": 0, "sentence": 2}])
    >>> list(iter_evidence(g))
    [('d', 0, 2)]
    """
    for _, _, data in graph.edges(data=True):
        for ev in data.get("evidence", ()):
            if ev.get("sentence") is not None:
                yield (ev["document"], ev["article"], ev["sentence"])
