"""The networkx graph from hand-made extracted documents (the data-model contract, no extractor)."""

from __future__ import annotations

import hashlib
import json

import networkx as nx
import pytest

from kg.graph import EVIDENCE_CAP, build_graph, cooccurrences, dice, parse_window, pmi
from kg.model import Article, Document, Entity, ExtractedDocument, Mention, Sentence, Title

SHANXI = {"code": "140000", "name": "山西省", "level": "provincial"}
CHANGZHI = {"code": "140400", "name": "长治市", "level": "city"}
JIANGXI = {"code": "360000", "name": "江西省", "level": "provincial"}
GANZHOU = {"code": "360700", "name": "赣州市", "level": "city"}

SECRETARY = Title("长治市委书记", post="书记", org="长治市委", place="长治市", level="city")
MAYOR = Title("长治市市长", post="市长", org="长治市人民政府", place="长治市", level="city")
GZ_SECRETARY = Title("赣州市委书记", post="书记", org="赣州市委", place="赣州市", level="city")
YD_SECRETARY = Title("于都县委书记", post="书记", org="于都县委", place="于都县", level="county")

ENTITIES: dict[str, dict] = {
    "official/张建国": {"forms": ["张建国"], "titles": [SECRETARY], "level": "city"},
    "official/李明华": {"forms": ["李明华"], "titles": [MAYOR], "level": "city"},
    "official/王海": {"forms": ["王海"]},
    "official/刘芳": {"forms": ["刘芳"]},
    "official/陈志远": {"forms": ["陈志远"], "titles": [GZ_SECRETARY], "level": "city"},
    "official/刘芳#2": {"forms": ["刘芳"], "titles": [YD_SECRETARY], "level": "county"},
    "organization/长治市委": {"forms": ["长治市委"]},
    "place/长治市": {"forms": ["长治市"], "parents": [SHANXI], "level": "city", "attrs": {"code": "140400"}},
    "place/潞州区": {"forms": ["潞州区"], "parents": [SHANXI, CHANGZHI], "level": "county"},
    "place/赣州市": {"forms": ["赣州市"], "parents": [JIANGXI], "level": "city"},
    "place/于都县": {"forms": ["于都县"], "parents": [JIANGXI, GANZHOU], "level": "county"},
    "project/潞州区智慧物流园项目": {"forms": ["潞州区智慧物流园项目"], "attrs": {"investment": "12亿元"}},
    "theme/高质量发展": {"forms": ["高质量发展"], "attrs": {"broader": "新发展理念"}},
    "theme/乡村振兴": {"forms": ["乡村振兴"]},
}


def document(name: str, date: str, sentences: list[str], ids: list[str], ranks: dict | None = None):
    """An extracted document: every surface form of ``ids`` found in ``sentences`` becomes a mention.

    ``ranks`` maps (sentence, entity id) to the listed rank of that mention.
    """
    text, spans = "", []
    for s in sentences:
        spans.append((len(text), len(text) + len(s)))
        text += s
    sents = tuple(Sentence(i, a, b, s) for i, ((a, b), s) in enumerate(zip(spans, sentences, strict=True)))
    entities, all_mentions = [], []
    taken: set[tuple[int, int]] = set()
    for eid in sorted(ids, key=lambda e: -max(len(f) for f in ENTITIES[e]["forms"])):
        spec = ENTITIES[eid]
        type_ = eid.split("/")[0]
        mentions = []
        for i, s in enumerate(sentences):
            for form in spec["forms"]:
                at = s.find(form)
                while at >= 0:
                    start = spans[i][0] + at
                    if not any(a <= start < b for a, b in taken):
                        rank = (ranks or {}).get((i, eid))
                        mentions.append(
                            Mention(type_, form, start, start + len(form), 0, i, rank=rank, entity=eid)
                        )
                        taken.add((start, start + len(form)))
                    at = s.find(form, at + 1)
        entity = Entity(
            eid,
            type_,
            eid.split("/", 1)[1].split("#")[0],
            titles=list(spec.get("titles", [])),
            mentions=mentions,
            level=spec.get("level", ""),
            attrs=dict(spec.get("attrs", {})),
            parents=list(spec.get("parents", [])),
        )
        entities.append(entity)
        all_mentions += mentions
    doc = Document(name, text, date=date, sha256=hashlib.sha256(text.encode()).hexdigest())
    article = Article(0, 0, len(text), headline=sentences[0][:10], date=date, sentences=sents)
    return ExtractedDocument(doc, [article], sorted(all_mentions, key=lambda m: m.start), entities)


def corpus() -> list[ExtractedDocument]:
    """Three short articles in two provinces: posts, a listing, a project, themes, same-name officials."""
    changzhi = document(
        "changzhi.txt",
        "2024-03-05",
        [
            "3月4日，长治市委书记张建国主持召开市委常委会会议。",
            "市委副书记、市长李明华，市领导王海、刘芳出席会议。",
            "张建国强调，要坚定不移推动高质量发展。",
            "潞州区智慧物流园项目落户潞州区，总投资12亿元。",
            "张建国、李明华在潞州区调研潞州区智慧物流园项目。",
        ],
        [
            "official/张建国",
            "official/李明华",
            "official/王海",
            "official/刘芳",
            "organization/长治市委",
            "place/长治市",
            "place/潞州区",
            "project/潞州区智慧物流园项目",
            "theme/高质量发展",
        ],
        ranks={(1, "official/李明华"): 1, (1, "official/王海"): 2, (1, "official/刘芳"): 3},
    )
    ganzhou = document(
        "ganzhou.txt",
        "2024-04-10",
        [
            "4月9日，赣州市委书记陈志远深入于都县调研乡村振兴工作。",
            "陈志远指出，要全面推进乡村振兴。",
            "于都县委书记刘芳陪同调研。",
        ],
        ["official/陈志远", "official/刘芳#2", "place/赣州市", "place/于都县", "theme/乡村振兴"],
    )
    followup = document(
        "changzhi-2.txt",
        "2024-06-01",
        ["6月1日，张建国、李明华检查防汛工作。", "张建国要求，以高质量发展统筹安全生产。"],
        ["official/张建国", "official/李明华", "theme/高质量发展"],
    )
    return [changzhi, ganzhou, followup]


@pytest.fixture(scope="module")
def graph() -> nx.Graph:
    return build_graph(corpus())


def test_nodes_carry_the_contract_attributes(graph):
    node = graph.nodes["official/张建国"]
    assert node["type"] == "official" and node["label"] == "张建国"
    assert node["titles"] == ["长治市委书记"]
    assert node["posts"][0]["org"] == "长治市委"
    assert node["count"] == 5
    assert node["documents"] == ["changzhi.txt", "changzhi-2.txt"]
    assert node["dates"] == ["2024-03-05", "2024-06-01"]
    assert node["mentions"][0] == {
        "document": "changzhi.txt",
        "article": 0,
        "sentence": 0,
        "start": 11,
        "end": 14,
        "text": "张建国",
    }


def test_places_get_their_parent_chain_nearest_first(graph):
    assert graph.nodes["place/潞州区"]["parents"] == ["place/长治市", "place/山西省"]
    assert graph.nodes["place/山西省"]["level"] == "provincial"
    assert graph.nodes["place/山西省"]["count"] == 0
    assert "within" in graph.edges["place/潞州区", "place/长治市"]["relations"]
    assert "within" in graph.edges["place/长治市", "place/山西省"]["relations"]


def test_same_name_officials_stay_apart(graph):
    assert graph.nodes["official/刘芳"]["titles"] == []
    assert graph.nodes["official/刘芳#2"]["titles"] == ["于都县委书记"]
    assert not graph.has_edge("official/刘芳", "official/刘芳#2")


def test_sentence_cooccurrence_counts_and_evidence(graph):
    edge = graph.edges["official/张建国", "official/李明华"]
    assert edge["weight"] == 2
    assert edge["articles"] == 2
    assert edge["dates"] == ["2024-03-05", "2024-06-01"]
    assert edge["evidence"] == [
        {"document": "changzhi.txt", "article": 0, "sentence": 4, "date": "2024-03-05"},
        {"document": "changzhi-2.txt", "article": 0, "sentence": 0, "date": "2024-06-01"},
    ]
    # 张建国 and 李明华 are both in the same 2 of 3 articles
    assert edge["dice"] == 1.0
    assert edge["pmi"] == pytest.approx(pmi(2, 2, 2, 3), abs=1e-6)


def test_same_article_other_sentence_is_no_sentence_link(graph):
    assert not graph.has_edge("official/王海", "theme/高质量发展")


def test_listed_leaders_keep_their_order(graph):
    edge = graph.edges["official/王海", "official/刘芳"]
    assert edge["order"] == {"official/刘芳": [3], "official/王海": [2]}
    assert graph.edges["official/李明华", "official/王海"]["order"]["official/李明华"] == [1]


def test_typed_relations_stated_in_the_text(graph):
    rel = lambda a, b: graph.edges[a, b]["relations"]  # noqa: E731
    assert "holdsPost" in rel("official/张建国", "organization/长治市委")
    assert "postIn" in rel("official/张建国", "place/长治市")
    assert "postIn" in rel("official/刘芳#2", "place/于都县")
    assert "locatedIn" in rel("organization/长治市委", "place/长治市")
    assert "locatedIn" in rel("project/潞州区智慧物流园项目", "place/潞州区")
    assert "mentions" in rel("official/张建国", "theme/高质量发展")
    assert "mentions" in rel("official/陈志远", "theme/乡村振兴")


def test_relation_edges_survive_pruning():
    g = build_graph(corpus(), min_weight=2)
    assert g.edges["official/张建国", "official/李明华"]["weight"] == 2
    assert not g.has_edge("official/王海", "official/刘芳")
    assert g.has_edge("organization/长治市委", "place/长治市")
    assert build_graph(corpus(), min_dice=0.99).has_edge("official/张建国", "official/李明华")


def test_article_window_links_across_sentences():
    g = build_graph(corpus(), window="article")
    edge = g.edges["official/王海", "theme/高质量发展"]
    assert edge["weight"] == 1 and edge["evidence"][0]["sentence"] is None


def test_window_of_two_sentences():
    g = build_graph(corpus(), window=2)
    assert g.edges["official/王海", "theme/高质量发展"]["weight"] == 1  # sentences 1 and 2
    assert not g.has_edge("official/王海", "project/潞州区智慧物流园项目")  # sentences 1 and 3


def test_evidence_is_capped_but_weight_counts_all():
    docs = [
        document(
            f"d{i}.txt", "2024-01-01", ["张建国、李明华检查工作。"], ["official/张建国", "official/李明华"]
        )
        for i in range(EVIDENCE_CAP + 5)
    ]
    edge = build_graph(docs).edges["official/张建国", "official/李明华"]
    assert edge["weight"] == EVIDENCE_CAP + 5
    assert len(edge["evidence"]) == EVIDENCE_CAP


def test_node_link_json_round_trip(graph):
    data = json.loads(json.dumps(nx.node_link_data(graph, edges="edges"), ensure_ascii=False))
    back = nx.node_link_graph(data, edges="edges")
    assert back.edges["official/张建国", "official/李明华"]["weight"] == 2
    assert back.graph["shas"]["ganzhou.txt"]


def test_strongest_links_first(graph):
    assert cooccurrences(graph, "official/张建国")[0][0] == "official/李明华"


def test_association_measures():
    assert dice(0, 0, 0) == 0.0
    assert pmi(0, 3, 3, 10) == 0.0
    assert pmi(2, 2, 2, 4) == 1.0


@pytest.mark.parametrize("bad", ["paragraph", "0", ""])
def test_bad_window_is_refused(bad):
    with pytest.raises(ValueError, match="window"):
        parse_window(bad)
