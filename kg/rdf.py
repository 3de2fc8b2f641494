"""The networkx graph (plus its documents) as RDF on standard vocabularies.

Persons are ``schema:Person`` (officials also ``kg:Official``), posts and
memberships use W3C ORG, themes are SKOS concepts, places
``schema:Place``/``schema:AdministrativeArea`` nested with
``schema:containedInPlace``; documents, articles and sentences carry Dublin
Core terms and co-occurrences are ``kg:Cooccurrence`` nodes with their
weight, Dice, PMI and ``prov:wasDerivedFrom`` the sentences that show them.
The model is documented in docs/ontology.md; the vocabulary in
kg/data/ontology.ttl.

Triples are produced once (:func:`triples`) and written either as
N-Triples text (fast, for the store; :func:`write_ntriples`) or as an
rdflib graph (:func:`graph_to_rdf`).

>>> iri_for("official/张三#2")
'https://kg.example.org/id/official/张三~2'
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import IO, NamedTuple

import networkx as nx
import rdflib
from rdflib.namespace import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace, Namespace
from rdflib.term import URIRef

from kg.model import ExtractedDocument

BASE = "https://kg.example.org/"
ID = BASE + "id/"
"""Resources: ``id/<type>/<name>``, ``id/post/<title>``, ``id/doc/<sha>/<article>/<sentence>`` …"""


class KG(DefinedNamespace):
    """The small ``kg:`` vocabulary for what the standard ones lack (declared in kg/data/ontology.ttl)."""

    _fail = True
    _NS = Namespace(BASE + "ns#")

    # classes
    Official: URIRef  # a person holding a public post (subclass of schema:Person)
    Project: URIRef  # a construction or investment project
    Cooccurrence: URIRef  # two entities seen together in the same window of text
    Sentence: URIRef  # a sentence of an article, with its text and offsets
    Listing: URIRef  # leaders listed together at one event, in listed order (an rdf:Seq)
    # co-occurrence
    between: URIRef  # an entity taking part in a co-occurrence (two values)
    weight: URIRef  # number of windows (sentences) where both appear
    articleCount: URIRef  # number of articles where both appear
    dice: URIRef  # Dice coefficient over articles
    pmi: URIRef  # pointwise mutual information over articles, in bits
    firstDate: URIRef  # earliest article date of the evidence
    lastDate: URIRef  # latest article date of the evidence
    # entities
    level: URIRef  # administrative level: national, provincial, city, county, township, village, enterprise
    role: URIRef  # a person's role in the text: 记者, 通讯员, 摄影 …
    mentionCount: URIRef  # number of mentions in the corpus
    mentionsTheme: URIRef  # an official speaks about a theme
    jurisdiction: URIRef  # the place a post is responsible for
    divisionCode: URIRef  # the six-digit administrative division code of a place
    investment: URIRef  # a project's investment as the text gives it
    # provenance
    sha256: URIRef  # SHA-256 of a document's text
    index: URIRef  # position of an article in its document or a sentence in its article
    start: URIRef  # start offset in the original document text
    end: URIRef  # end offset in the original document text


PREFIXES: dict[str, str] = {
    "kg": str(KG._NS),
    "id": ID,
    **{kind: f"{ID}{kind}/" for kind in ("official", "person", "place", "organization", "project", "theme")},
    "post": f"{ID}post/",
    "role": f"{ID}role/",
    "doc": f"{ID}doc/",
    "link": f"{ID}link/",
    "schema": str(SDO),
    "org": str(ORG),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
}

ADMIN_LEVELS = {"national", "provincial", "city", "county", "township", "village"}
THEME_SCHEME = ID + "themes"

_UNSAFE = set(' <>"{}|\\^`#?%/')
_UNSAFE_PATTERN = re.compile(r'[ <>"{}|\\^`#?%/\s\x00-\x1f]')


class Lit(NamedTuple):
    """A literal: lexical value, datatype IRI or None, language tag or None."""

    value: str
    datatype: str | None = None
    lang: str | None = None


Triple = tuple[str, str, "str | Lit"]


# IRIs as strings, computed once (a DefinedNamespace attribute lookup is slow in loops)
_DCTERMS_DATE = str(DCTERMS.date)
_DCTERMS_ISPARTOF = str(DCTERMS.isPartOf)
_DCTERMS_SOURCE = str(DCTERMS.source)
_DCTERMS_TITLE = str(DCTERMS.title)
_FOAF_DOCUMENT = str(FOAF.Document)
_KG_COOCCURRENCE = str(KG.Cooccurrence)
_KG_LISTING = str(KG.Listing)
_KG_OFFICIAL = str(KG.Official)
_KG_PROJECT = str(KG.Project)
_KG_SENTENCE = str(KG.Sentence)
_KG_ARTICLECOUNT = str(KG.articleCount)
_KG_BETWEEN = str(KG.between)
_KG_DICE = str(KG.dice)
_KG_DIVISIONCODE = str(KG.divisionCode)
_KG_END = str(KG.end)
_KG_FIRSTDATE = str(KG.firstDate)
_KG_INDEX = str(KG.index)
_KG_INVESTMENT = str(KG.investment)
_KG_JURISDICTION = str(KG.jurisdiction)
_KG_LASTDATE = str(KG.lastDate)
_KG_LEVEL = str(KG.level)
_KG_MENTIONCOUNT = str(KG.mentionCount)
_KG_MENTIONSTHEME = str(KG.mentionsTheme)
_KG_PMI = str(KG.pmi)
_KG_ROLE = str(KG.role)
_KG_START = str(KG.start)
_KG_WEIGHT = str(KG.weight)
_ORG_ORGANIZATION = str(ORG.Organization)
_ORG_POST = str(ORG.Post)
_ORG_ROLE = str(ORG.Role)
_ORG_HOLDS = str(ORG.holds)
_ORG_MEMBEROF = str(ORG.memberOf)
_ORG_POSTIN = str(ORG.postIn)
_ORG_ROLE = str(ORG.role)
_PROV_ENTITY = str(PROV.Entity)
_PROV_WASDERIVEDFROM = str(PROV.wasDerivedFrom)
_RDF_SEQ = str(RDF.Seq)
_RDF_TYPE = str(RDF.type)
_RDFS_LABEL = str(RDFS.label)
_SDO_ADMINISTRATIVEAREA = str(SDO.AdministrativeArea)
_SDO_NEWSARTICLE = str(SDO.NewsArticle)
_SDO_PERSON = str(SDO.Person)
_SDO_PLACE = str(SDO.Place)
_SDO_CONTAINEDINPLACE = str(SDO.containedInPlace)
_SDO_JOBTITLE = str(SDO.jobTitle)
_SDO_LOCATION = str(SDO.location)
_SDO_MENTIONS = str(SDO.mentions)
_SDO_TEXT = str(SDO.text)
_SKOS_CONCEPT = str(SKOS.Concept)
_SKOS_CONCEPTSCHEME = str(SKOS.ConceptScheme)
_SKOS_ALTLABEL = str(SKOS.altLabel)
_SKOS_BROADER = str(SKOS.broader)
_SKOS_INSCHEME = str(SKOS.inScheme)
_SKOS_PREFLABEL = str(SKOS.prefLabel)
_XSD_DATE = str(XSD.date)
_XSD_DOUBLE = str(XSD.double)
_XSD_INTEGER = str(XSD.integer)


def _segment(text: str) -> str:
    """Percent-encode what an IRI path segment cannot hold; Chinese stays readable."""
    if not _UNSAFE_PATTERN.search(text):
        return text
    return "".join(
        "".join(f"%{b:02X}" for b in c.encode()) if c in _UNSAFE or c.isspace() or ord(c) < 32 else c
        for c in text
    )


@lru_cache(maxsize=200_000)
def iri_for(entity_id: str) -> str:
    """The stable IRI of an entity id (``<type>/<name>`` with an optional ``#n``).

    >>> iri_for("place/长治市")
    'https://kg.example.org/id/place/长治市'
    >>> iri_for("organization/中共 长治市委")
    'https://kg.example.org/id/organization/中共%20长治市委'
    """
    type_, _, name = entity_id.partition("/")
    name, _, n = name.partition("#")
    return f"{ID}{_segment(type_)}/{_segment(name)}" + (f"~{n}" if n else "")


def entity_id_for(iri: str) -> str | None:
    """The entity id back from an entity IRI; None for other IRIs.

    >>> entity_id_for(iri_for("official/张三#2"))
    'official/张三#2'
    """
    from urllib.parse import unquote

    if not iri.startswith(ID):
        return None
    type_, _, name = iri[len(ID) :].partition("/")
    if type_ not in ("official", "person", "place", "organization", "project", "theme") or not name:
        return None
    base, tilde, n = name.rpartition("~")
    if tilde and n.isdigit():
        name = f"{base}#{n}"
    return f"{type_}/{unquote(name)}"


def post_iri(title: str) -> str:
    """A post (``org:Post``) named by its stand-alone title.

    >>> post_iri("长治市委书记")
    'https://kg.example.org/id/post/长治市委书记'
    """
    return f"{ID}post/{_segment(title)}"


def role_iri(post: str) -> str:
    """A role (``org:Role``) such as 书记 or 市长."""
    return f"{ID}role/{_segment(post)}"


def document_iri(sha256: str) -> str:
    """A document, named by the start of its content hash."""
    return f"{ID}doc/{sha256[:16]}"


def article_iri(sha256: str, article: int) -> str:
    return f"{document_iri(sha256)}/{article}"


def sentence_iri(sha256: str, article: int, sentence: int) -> str:
    """A sentence: ``id/doc/<sha16>/<article>/<sentence>``.

    >>> sentence_iri("34ac06dd233e4db9ffff", 0, 3)
    'https://kg.example.org/id/doc/34ac06dd233e4db9/0/3'
    """
    return f"{article_iri(sha256, article)}/{sentence}"


def cooccurrence_iri(a: str, b: str) -> str:
    """The co-occurrence node of two entity ids (order does not matter)."""
    key = "\n".join(sorted((a, b))).encode()
    return f"{ID}link/{hashlib.sha1(key).hexdigest()[:20]}"


# -- triples ---------------------------------------------------------------------------------------------


def _zh(text: str) -> Lit:
    return Lit(text, None, "zh")


def _int(n: int) -> Lit:
    return Lit(str(int(n)), _XSD_INTEGER)


def _double(x: float) -> Lit:
    return Lit(repr(float(x)), _XSD_DOUBLE)


def _date(d: str) -> Lit:
    return Lit(d, _XSD_DATE) if len(d) == 10 and d[4] == "-" else Lit(d)


def triples(graph: nx.Graph, documents: Iterable[ExtractedDocument] = ()) -> Iterator[Triple]:
    """Every triple of the graph and, when given, its documents, articles and cited sentences, once each.

    >>> g = nx.Graph(); g.add_node("theme/高质量发展", type="theme", label="高质量发展")
    >>> (iri_for("theme/高质量发展"), _RDF_TYPE, _SKOS_CONCEPT) in set(triples(g))
    True
    """
    aliases = {
        f"{d.get('type')}/{alias}": n for n, d in graph.nodes(data=True) for alias in d.get("aliases", ())
    }
    seen: set[Triple] = set()  # triples that several nodes or edges may state: posts, roles, relations

    def once(subject: str, found: Iterator[Triple]) -> Iterator[Triple]:
        for t in found:
            if t[0] == subject and t[1] not in _SHARED:
                yield t
            elif t not in seen:
                seen.add(t)
                yield t

    for nid, node in graph.nodes(data=True):
        yield from once(iri_for(nid), _entity_triples(graph, aliases, nid, node))
    for a, b, edge in graph.edges(data=True):
        yield from once(cooccurrence_iri(a, b), _edge_triples(graph, a, b, edge))
    if documents:
        yield from _document_triples(graph, documents)


_SHARED = {_SDO_CONTAINEDINPLACE, _ORG_MEMBEROF, _SDO_LOCATION, _KG_MENTIONSTHEME}
"""Predicates that both a node and an edge may state."""

_CLASSES = {
    "official": (_SDO_PERSON, _KG_OFFICIAL),
    "person": (_SDO_PERSON,),
    "place": (_SDO_PLACE,),
    "organization": (_ORG_ORGANIZATION,),
    "project": (_KG_PROJECT,),
    "theme": (_SKOS_CONCEPT,),
}


def _entity_triples(graph: nx.Graph, aliases: dict[str, str], nid: str, node: dict) -> Iterator[Triple]:
    s = iri_for(nid)
    type_ = node.get("type", "")
    for cls in _CLASSES.get(type_, ()):
        yield s, _RDF_TYPE, cls
    label = node.get("label") or nid.partition("/")[2]
    yield s, _RDFS_LABEL, _zh(label)
    for alias in node.get("aliases", ()):
        yield s, _SKOS_ALTLABEL, _zh(alias)
    if node.get("level"):
        yield s, _KG_LEVEL, Lit(node["level"])
    if node.get("role"):
        yield s, _KG_ROLE, _zh(node["role"])
    yield s, _KG_MENTIONCOUNT, _int(node.get("count", 0))
    attrs = node.get("attrs", {})
    if type_ == "place":
        if node.get("level") in ADMIN_LEVELS:
            yield s, _RDF_TYPE, _SDO_ADMINISTRATIVEAREA
        if node.get("parents"):
            yield s, _SDO_CONTAINEDINPLACE, iri_for(node["parents"][0])
        if attrs.get("code"):
            yield s, _KG_DIVISIONCODE, Lit(str(attrs["code"]))
    elif type_ == "theme":
        yield s, _SKOS_PREFLABEL, _zh(label)
        yield s, _SKOS_INSCHEME, THEME_SCHEME
        yield THEME_SCHEME, _RDF_TYPE, _SKOS_CONCEPTSCHEME
        yield THEME_SCHEME, _RDFS_LABEL, Lit("policy themes", None, "en")
        if attrs.get("broader"):
            broader = iri_for(f"theme/{attrs['broader']}")
            yield s, _SKOS_BROADER, broader
            if f"theme/{attrs['broader']}" not in graph:
                yield broader, _RDF_TYPE, _SKOS_CONCEPT
                yield broader, _RDFS_LABEL, _zh(str(attrs["broader"]))
    elif type_ == "project" and attrs.get("investment"):
        yield s, _KG_INVESTMENT, _zh(str(attrs["investment"]))
    for post in node.get("posts", ()):
        yield from _post_triples(graph, aliases, s, post)


def _post_triples(graph: nx.Graph, aliases: dict[str, str], official: str, post: dict) -> Iterator[Triple]:
    p = post_iri(post["text"])
    yield official, _SDO_JOBTITLE, _zh(post["text"])
    yield official, _ORG_HOLDS, p
    yield p, _RDF_TYPE, _ORG_POST
    yield p, _RDFS_LABEL, _zh(post["text"])
    if post.get("post"):
        r = role_iri(post["post"])
        yield p, _ORG_ROLE, r
        yield r, _RDF_TYPE, _ORG_ROLE
        yield r, _RDFS_LABEL, _zh(post["post"])
    if post.get("level"):
        yield p, _KG_LEVEL, Lit(post["level"])
    org = _resolve(graph, aliases, "organization", post.get("org", ""))
    if org:
        yield p, _ORG_POSTIN, iri_for(org)
        yield official, _ORG_MEMBEROF, iri_for(org)
    place = _resolve(graph, aliases, "place", post.get("place", ""))
    if place:
        yield p, _KG_JURISDICTION, iri_for(place)


def _resolve(graph: nx.Graph, aliases: dict[str, str], type_: str, name: str) -> str | None:
    """The node a name (or alias) refers to, when that node is in the graph."""
    if not name:
        return None
    nid = f"{type_}/{name}"
    return nid if nid in graph else aliases.get(nid)


def _edge_triples(graph: nx.Graph, a: str, b: str, edge: dict) -> Iterator[Triple]:
    for relation in edge.get("relations", ()):
        yield from _relation_triples(graph, a, b, relation)
    if not edge.get("weight"):
        return
    c = cooccurrence_iri(a, b)
    yield c, _RDF_TYPE, _KG_COOCCURRENCE
    yield c, _KG_BETWEEN, iri_for(a)
    yield c, _KG_BETWEEN, iri_for(b)
    yield c, _KG_WEIGHT, _int(edge["weight"])
    yield c, _KG_ARTICLECOUNT, _int(edge.get("articles", 0))
    yield c, _KG_DICE, _double(edge.get("dice", 0.0))
    yield c, _KG_PMI, _double(edge.get("pmi", 0.0))
    dates = edge.get("dates") or ()
    if dates:
        yield c, _KG_FIRSTDATE, _date(min(dates))
        yield c, _KG_LASTDATE, _date(max(dates))
    shas = graph.graph.get("shas", {})
    for ev in edge.get("evidence", ()):
        sha = shas.get(ev["document"])
        if sha is None:
            continue
        if ev.get("sentence") is None:
            yield c, _PROV_WASDERIVEDFROM, article_iri(sha, ev["article"])
        else:
            yield c, _PROV_WASDERIVEDFROM, sentence_iri(sha, ev["article"], ev["sentence"])


def _relation_triples(graph: nx.Graph, a: str, b: str, relation: str) -> Iterator[Triple]:
    ta, tb = graph.nodes[a].get("type"), graph.nodes[b].get("type")
    if relation == "within":
        child, parent = (a, b) if b in graph.nodes[a].get("parents", ()) else (b, a)
        yield iri_for(child), _SDO_CONTAINEDINPLACE, iri_for(parent)
    elif relation == "locatedIn":
        thing, place = (a, b) if tb == "place" else (b, a)
        yield iri_for(thing), _SDO_LOCATION, iri_for(place)
    elif relation == "mentions":
        official, theme = (a, b) if ta == "official" else (b, a)
        yield iri_for(official), _KG_MENTIONSTHEME, iri_for(theme)
    elif relation == "holdsPost":
        official, org = (a, b) if ta == "official" else (b, a)
        yield iri_for(official), _ORG_MEMBEROF, iri_for(org)


def _document_triples(graph: nx.Graph, documents: Iterable[ExtractedDocument]) -> Iterator[Triple]:
    cited: dict[str, set[tuple[int, int]]] = {}
    for _, _, edge in graph.edges(data=True):
        for ev in edge.get("evidence", ()):
            if ev.get("sentence") is not None:
                cited.setdefault(ev["document"], set()).add((ev["article"], ev["sentence"]))
    for doc in documents:
        yield from _one_document(doc, cited.get(doc.document.name, set()))


def _one_document(doc: ExtractedDocument, cited: set[tuple[int, int]]) -> Iterator[Triple]:
    d = doc.document
    sha = d.sha256
    di = document_iri(sha)
    yield di, _RDF_TYPE, _FOAF_DOCUMENT
    yield di, _RDF_TYPE, _PROV_ENTITY
    yield di, _DCTERMS_TITLE, Lit(d.name)
    yield di, str(KG.sha256), Lit(sha)
    if d.date:
        yield di, _DCTERMS_DATE, _date(d.date)
    listings = _listings(doc)
    cited = cited | set(listings)
    mentioned: dict[int, set[str]] = {}
    for e in doc.entities:
        for m in e.mentions:
            mentioned.setdefault(m.article, set()).add(e.id)
    for a in doc.articles:
        ai = article_iri(sha, a.index)
        yield ai, _RDF_TYPE, _SDO_NEWSARTICLE
        yield ai, _DCTERMS_ISPARTOF, di
        yield ai, _KG_INDEX, _int(a.index)
        if a.headline:
            yield ai, _DCTERMS_TITLE, _zh(a.headline)
        if a.date or d.date:
            yield ai, _DCTERMS_DATE, _date(a.date or d.date or "")
        for eid in sorted(mentioned.get(a.index, ())):
            yield ai, _SDO_MENTIONS, iri_for(eid)
        for s in a.sentences:
            if (a.index, s.index) in cited:
                yield from _sentence_triples(sha, a.index, s.index, s.start, s.end, s.text, di)
    for (article, sentence), members in sorted(listings.items()):
        li = sentence_iri(sha, article, sentence) + "/listing"
        yield li, _RDF_TYPE, _KG_LISTING
        yield li, _RDF_TYPE, _RDF_SEQ
        yield li, _PROV_WASDERIVEDFROM, sentence_iri(sha, article, sentence)
        for n, eid in enumerate(members, 1):
            yield li, f"{RDF}_{n}", iri_for(eid)


def _sentence_triples(
    sha: str, article: int, index: int, start: int, end: int, text: str, document: str
) -> Iterator[Triple]:
    si = sentence_iri(sha, article, index)
    yield si, _RDF_TYPE, _KG_SENTENCE
    yield si, _DCTERMS_ISPARTOF, article_iri(sha, article)
    yield si, _DCTERMS_SOURCE, document
    yield si, _KG_INDEX, _int(index)
    yield si, _KG_START, _int(start)
    yield si, _KG_END, _int(end)
    yield si, _SDO_TEXT, _zh(text)


def _listings(doc: ExtractedDocument) -> dict[tuple[int, int], list[str]]:
    """Entity ids listed together in one sentence, in listed order (two or more)."""
    ranked: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for e in doc.entities:
        for m in e.mentions:
            if m.rank is not None:
                ranked.setdefault((m.article, m.sentence), []).append((m.rank, e.id))
    out = {}
    for key, items in ranked.items():
        members = list(dict.fromkeys(eid for _, eid in sorted(items)))
        if len(members) > 1:
            out[key] = members
    return out


# -- writers ---------------------------------------------------------------------------------------------


_NEEDS_ESCAPE = re.compile(r'[\\"\n\r]')


def _escape(text: str) -> str:
    if not _NEEDS_ESCAPE.search(text):
        return text
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def ntriple(t: Triple) -> str:
    """One N-Triples line.

    >>> ntriple(("http://a", "http://b", Lit("长治", None, "zh")))
    '<http://a> <http://b> "长治"@zh .\\n'
    """
    s, p, o = t
    if o.__class__ is not Lit:
        return f"<{s}> <{p}> <{o}> .\n"
    value, datatype, lang = o
    if lang:
        return f'<{s}> <{p}> "{_escape(value)}"@{lang} .\n'
    if datatype:
        return f'<{s}> <{p}> "{_escape(value)}"^^<{datatype}> .\n'
    return f'<{s}> <{p}> "{_escape(value)}" .\n'


def write_ntriples(graph: nx.Graph, documents: Iterable[ExtractedDocument], out: IO[str]) -> int:
    """Write every triple as N-Triples; returns the number of lines.

    >>> import io; g = nx.Graph(); g.add_node("place/长治市", type="place", label="长治市")
    >>> write_ntriples(g, [], io.StringIO())
    3
    """
    n = 0
    chunk: list[str] = []
    for t in triples(graph, documents):
        chunk.append(ntriple(t))
        if len(chunk) == 2000:
            out.write("".join(chunk))
            n += len(chunk)
            chunk.clear()
    out.write("".join(chunk))
    return n + len(chunk)


def _rdflib_term(o: str | Lit) -> rdflib.term.Node:
    if isinstance(o, Lit):
        return rdflib.Literal(o.value, lang=o.lang, datatype=URIRef(o.datatype) if o.datatype else None)
    return URIRef(o)


def graph_to_rdf(graph: nx.Graph, documents: Iterable[ExtractedDocument] = ()) -> rdflib.Graph:
    """The graph as an rdflib Graph with the kg prefixes bound.

    >>> g = nx.Graph(); g.add_node("place/长治市", type="place", label="长治市", level="city")
    >>> len(graph_to_rdf(g)) > 2
    True
    """
    rdf = rdflib.Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        rdf.bind(prefix, ns)
    for s, p, o in triples(graph, documents):
        rdf.add((URIRef(s), URIRef(p), _rdflib_term(o)))
    return rdf
