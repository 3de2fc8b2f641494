"""The RDF model: IRIs, vocabulary, and the triples of hand-made extracted documents."""

from __future__ import annotations

import io
from importlib import resources

import networkx as nx
import pyoxigraph
import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SDO, SKOS, XSD
from test_graph import corpus

from kg.graph import build_graph
from kg.rdf import (
    KG,
    PREFIXES,
    entity_id_for,
    graph_to_rdf,
    iri_for,
    post_iri,
    write_ntriples,
)


def I(entity_id: str) -> URIRef:  # noqa: E743 - reads like the entity id it names
    return URIRef(iri_for(entity_id))


@pytest.fixture(scope="module")
def docs():
    return corpus()


@pytest.fixture(scope="module")
def rdf(docs) -> rdflib.Graph:
    return graph_to_rdf(build_graph(docs), docs)


def select(rdf: rdflib.Graph, query: str) -> list:
    return list(rdf.query(query, initNs=PREFIXES))


def test_iris_are_readable_and_stable():
    assert iri_for("official/张建国") == "https://kg.example.org/id/official/张建国"
    assert iri_for("official/刘芳#2") == "https://kg.example.org/id/official/刘芳~2"
    assert iri_for("organization/中共 长治市委") == "https://kg.example.org/id/organization/中共%20长治市委"
    assert iri_for("project/A/B<x>") == "https://kg.example.org/id/project/A%2FB%3Cx%3E"


@pytest.mark.parametrize(
    "eid", ["official/刘芳#2", "place/长治市", "organization/中共 长治市委", "project/A/B"]
)
def test_entity_ids_round_trip(eid):
    assert entity_id_for(iri_for(eid)) == eid


def test_misspelt_term_is_an_error():
    assert str(KG.weight).endswith("#weight")
    with pytest.raises(AttributeError):
        _ = KG.wieght


def test_ontology_declares_exactly_the_kg_terms():
    text = resources.files("kg").joinpath("data/ontology.ttl").read_text(encoding="utf-8")
    onto = rdflib.Graph().parse(data=text, format="turtle")
    ns = str(KG._NS)
    declared = {str(s)[len(ns) :] for s in onto.subjects() if str(s).startswith(ns)}
    used = {name for name in KG.__annotations__ if not name.startswith("_")}
    assert declared == used
    for term in declared:
        assert (URIRef(ns + term), RDFS.comment, None) in onto


def test_official_holds_a_post_in_an_organisation(rdf):
    post = URIRef(post_iri("长治市委书记"))
    assert (I("official/张建国"), ORG.holds, post) in rdf
    assert (post, RDF.type, ORG.Post) in rdf
    assert (post, ORG.postIn, I("organization/长治市委")) in rdf
    assert (post, KG.jurisdiction, I("place/长治市")) in rdf
    assert (I("official/张建国"), ORG.memberOf, I("organization/长治市委")) in rdf
    assert (I("official/张建国"), SDO.jobTitle, Literal("长治市委书记", lang="zh")) in rdf
    assert (I("official/张建国"), RDF.type, KG.Official) in rdf


def test_places_nest_and_things_are_located(rdf):
    assert (I("place/潞州区"), SDO.containedInPlace, I("place/长治市")) in rdf
    assert (I("place/长治市"), SDO.containedInPlace, I("place/山西省")) in rdf
    assert (I("place/长治市"), KG.divisionCode, Literal("140400")) in rdf
    assert (I("project/潞州区智慧物流园项目"), SDO.location, I("place/潞州区")) in rdf
    assert (I("organization/长治市委"), SDO.location, I("place/长治市")) in rdf
    rows = select(rdf, f"SELECT ?p WHERE {{ <{I('place/潞州区')}> schema:containedInPlace+ ?p }}")
    assert {r.p for r in rows} == {I("place/长治市"), I("place/山西省")}


def test_themes_are_skos_concepts(rdf):
    theme = I("theme/高质量发展")
    assert (theme, RDF.type, SKOS.Concept) in rdf
    assert (theme, SKOS.broader, I("theme/新发展理念")) in rdf
    assert (I("theme/新发展理念"), RDFS.label, Literal("新发展理念", lang="zh")) in rdf
    assert (I("official/张建国"), KG.mentionsTheme, theme) in rdf


def test_same_name_officials_have_distinct_iris(rdf):
    assert (I("official/刘芳#2"), ORG.holds, URIRef(post_iri("于都县委书记"))) in rdf
    assert (I("official/刘芳"), ORG.holds, None) not in rdf


def test_cooccurrence_weight_and_evidence_by_sparql(rdf):
    rows = select(
        rdf,
        f"""SELECT ?w ?n ?dice ?first ?last ?text ?date WHERE {{
             ?c a kg:Cooccurrence ; kg:between <{I("official/张建国")}>, <{I("official/李明华")}> ;
                kg:weight ?w ; kg:articleCount ?n ; kg:dice ?dice ; kg:firstDate ?first ; kg:lastDate ?last ;
                prov:wasDerivedFrom ?s .
             ?s a kg:Sentence ; schema:text ?text ; dcterms:isPartOf ?article ; dcterms:source ?doc .
             ?article dcterms:date ?date ; dcterms:isPartOf ?doc .
           }} ORDER BY ?date""",
    )
    assert [r.w.toPython() for r in rows] == [2, 2]
    assert rows[0].n.toPython() == 2 and rows[0].dice.toPython() == 1.0
    assert rows[0].first == Literal("2024-03-05", datatype=XSD.date)
    assert [str(r.text) for r in rows] == [
        "张建国、李明华在潞州区调研潞州区智慧物流园项目。",
        "6月1日，张建国、李明华检查防汛工作。",
    ]


def test_sentence_offsets_point_into_the_document(rdf, docs):
    rows = select(
        rdf, "SELECT ?t ?a ?b WHERE { ?s a kg:Sentence ; schema:text ?t ; kg:start ?a ; kg:end ?b }"
    )
    texts = {d.document.text for d in docs}
    assert rows
    for r in rows:
        assert any(t[r.a.toPython() : r.b.toPython()] == str(r.t) for t in texts)


def test_listed_leaders_keep_their_order(rdf):
    rows = select(
        rdf,
        """SELECT ?first ?second ?third WHERE {
             ?l a kg:Listing ; rdf:_1 ?first ; rdf:_2 ?second ; rdf:_3 ?third ; prov:wasDerivedFrom ?s }""",
    )
    assert [(r.first, r.second, r.third) for r in rows] == [
        (I("official/李明华"), I("official/王海"), I("official/刘芳"))
    ]


def test_articles_mention_their_entities(rdf):
    rows = select(
        rdf, f"SELECT ?a WHERE {{ ?a a schema:NewsArticle ; schema:mentions <{I('official/陈志远')}> }}"
    )
    assert len(rows) == 1


def test_ntriples_writer_escapes_and_matches_rdflib(docs):
    g = build_graph(docs)
    g.add_node('person/王"五\\', type="person", label='王"五\\\n', aliases=["x y"], count=1)
    buf = io.StringIO()
    write_ntriples(g, docs, buf)
    parsed = rdflib.Graph().parse(data=buf.getvalue(), format="nt")
    assert len(parsed) == len(graph_to_rdf(g, docs))
    store = pyoxigraph.Store()
    store.load(buf.getvalue().encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert len(store) == len(parsed)


def test_graph_without_documents_still_has_entities():
    g = nx.Graph()
    g.add_node("place/长治市", type="place", label="长治市", level="city", count=3)
    rdf = graph_to_rdf(g)
    assert (I("place/长治市"), RDF.type, SDO.AdministrativeArea) in rdf
    assert (I("place/长治市"), KG.mentionCount, Literal(3)) in rdf
