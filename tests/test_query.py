"""`kg query` and the example queries of docs/queries/."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pyoxigraph
import pytest
from test_graph import corpus

from kg.cli import main
from kg.commands.query import table, write_results
from kg.graph import build_graph
from kg.rdf import PREFIXES, write_ntriples

QUERIES = sorted((Path(__file__).parent.parent / "docs" / "queries").glob("*.rq"))


def needs(query: Path) -> set[str]:
    """The entity types an example query needs to return rows (its ``# needs:`` line)."""
    found = re.search(r"^# needs:(.*)$", query.read_text(encoding="utf-8"), re.M)
    return set(found.group(1).split()) if found else set()


@pytest.fixture(scope="module")
def hand_store() -> pyoxigraph.Store:
    docs = corpus()
    buf = io.StringIO()
    write_ntriples(build_graph(docs), docs, buf)
    store = pyoxigraph.Store()
    store.load(buf.getvalue().encode(), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def test_there_are_example_queries():
    assert len(QUERIES) >= 4
    assert all(needs(q) for q in QUERIES)


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.stem)
def test_example_query_returns_rows_on_hand_made_documents(hand_store, query):
    rows = list(hand_store.query(query.read_text(encoding="utf-8")))
    assert rows, f"{query.name} returned nothing"


def test_strongest_links_show_their_sentences(hand_store):
    query = (Path(__file__).parent.parent / "docs/queries/strongest-links-of-an-official.rq").read_text()
    rows = list(hand_store.query(query))
    assert rows[0]["officialLabel"].value == "张建国"
    assert rows[0]["otherLabel"].value == "李明华" and rows[0]["weight"].value == "2"
    assert "张建国" in rows[0]["sentence"].value


def test_posts_in_county_finds_the_county_secretary(hand_store):
    query = (Path(__file__).parent.parent / "docs/queries/posts-in-county.rq").read_text()
    found = {
        (r["countyLabel"].value, r["officialLabel"].value, r["postLabel"].value)
        for r in hand_store.query(query)
    }
    assert ("于都县", "刘芳", "于都县委书记") in found


def test_table_aligns_chinese():
    text = table(["who", "n"], [["张建国", "12"], ["Li", "3"]])
    lines = text.splitlines()
    assert lines[0] == "who    | n"
    assert lines[2] == "张建国 | 12"
    assert lines[-1] == "(2 rows)"


def test_write_results_formats(hand_store):
    q = "SELECT ?l WHERE { ?p a kg:Official ; rdfs:label ?l } ORDER BY ?l LIMIT 2"
    out = io.StringIO()
    write_results(hand_store.query(q, prefixes=PREFIXES), "json", out)
    assert len(json.loads(out.getvalue())["results"]["bindings"]) == 2
    out = io.StringIO()
    write_results(hand_store.query(q, prefixes=PREFIXES), "csv", out)
    assert out.getvalue().splitlines()[0] == "l"
    out = io.StringIO()
    write_results(hand_store.query("ASK { ?s a kg:Listing }", prefixes=PREFIXES), "table", out)
    assert out.getvalue() == "true\n"
    out = io.StringIO()
    write_results(
        hand_store.query("CONSTRUCT { ?s a kg:Listing } WHERE { ?s a kg:Listing }", prefixes=PREFIXES),
        "table",
        out,
    )
    assert "kg:Listing" in out.getvalue()


# -- on the built seeds graph -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds_graph(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("q") / "graphs"
    assert main(["build", str(Path(__file__).parent.parent / "seeds"), "-o", str(out), "-q"]) == 0
    return out


def test_query_prints_a_table(seeds_graph, capsys):
    assert main(["query", "-g", str(seeds_graph), "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].strip() == "n" and int(out[2]) > 1000 and out[-1] == "(1 row)"


@pytest.mark.parametrize("fmt", ["json", "csv", "tsv"])
def test_query_formats(seeds_graph, capsys, fmt):
    q = "SELECT ?doc ?name WHERE { ?doc a foaf:Document ; dcterms:title ?name } ORDER BY ?name"
    assert main(["query", "-g", str(seeds_graph), "--format", fmt, q]) == 0
    out = capsys.readouterr().out
    if fmt == "json":
        assert len(json.loads(out)["results"]["bindings"]) == 5
    else:
        assert len(out.strip().splitlines()) == 6


def test_query_from_file(seeds_graph, tmp_path, capsys):
    q = tmp_path / "q.rq"
    q.write_text("ASK { ?s a kg:Sentence }", encoding="utf-8")
    assert main(["query", "-g", str(seeds_graph), "--file", str(q)]) == 0
    assert capsys.readouterr().out == "true\n"


def test_malformed_query_is_one_line(seeds_graph, capsys):
    assert main(["query", "-g", str(seeds_graph), "SELECT ?x WHERE { ?x"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg query: error: malformed query:") and err.count("\n") == 1


def test_missing_graph_is_one_line(tmp_path, capsys):
    assert main(["query", "-g", str(tmp_path / "nothing"), "ASK {}"]) == 2
    err = capsys.readouterr().err
    assert "no built graph" in err and err.count("\n") == 1


def test_query_needs_text_or_file(seeds_graph, capsys):
    assert main(["query", "-g", str(seeds_graph)]) == 2
    assert "either" in capsys.readouterr().err


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.stem)
def test_example_query_runs_on_the_seeds(seeds_graph, capsys, query):
    """Every example parses and runs; it must return rows once the seeds yield the types it needs."""
    assert main(["query", "-g", str(seeds_graph), "--format", "json", "--file", str(query)]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    counts = json.loads((seeds_graph / "manifest.json").read_text())["counts"]["entities"]
    if all(counts.get(t, 0) for t in needs(query)):
        assert rows, f"{query.name} returned nothing although the graph has {needs(query)}"
