"""`kg build`: the built directory, RDF round trips, incremental and atomic builds, bad input."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib import URIRef
from rdflib.namespace import ORG, RDFS, SDO

from kg.build import build_graph_dir, looks_binary
from kg.cli import main
from kg.errors import UserError
from kg.rdf import PREFIXES, iri_for
from kg.store import GraphDir

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
OURS = ROOT / "tests" / "data" / "graph"

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import write_corpus  # noqa: E402


def count(store: pyoxigraph.Store, query: str) -> int:
    return int(next(iter(store.query(query, prefixes=PREFIXES)))[0].value)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> GraphDir:
    out = tmp_path_factory.mktemp("seeds") / "graphs"
    summary = build_graph_dir(SEEDS, out, formats=("nt", "jsonld"))
    assert summary.changed and summary.new == len(SEEDS)
    return GraphDir(out)


@pytest.fixture(scope="module")
def ours(tmp_path_factory) -> GraphDir:
    out = tmp_path_factory.mktemp("ours") / "graphs"
    build_graph_dir([OURS], out)
    return GraphDir(out)


# -- the built directory ----------------------------------------------------------------------------


def test_directory_layout(seeds):
    for name in ("kg.ttl", "kg.nt", "kg.jsonld", "store", "graph.json", "documents.jsonl", "manifest.json"):
        assert (seeds.path / name).exists(), name
    assert not list(seeds.path.parent.glob(".graphs.tmp-*"))
    manifest = seeds.manifest()
    assert manifest["counts"]["documents"] == len(SEEDS)
    assert sorted(manifest["documents"]) == sorted(p.name for p in SEEDS)
    assert manifest["options"]["formats"] == ["jsonld", "nt", "ttl"]


def test_every_rdf_file_holds_the_store_triples(seeds):
    triples = seeds.manifest()["counts"]["triples"]
    assert triples > 1000
    assert len(seeds.open_store()) == triples
    assert len(rdflib.Graph().parse(seeds.ttl_path, format="turtle")) == triples
    assert len(rdflib.Graph().parse(seeds.rdf_path("nt"), format="nt")) == triples
    loaded = pyoxigraph.Store()
    loaded.load(path=str(seeds.rdf_path("jsonld")), format=pyoxigraph.RdfFormat.JSON_LD)
    assert len(loaded) == triples


def test_graph_json_follows_the_contract(seeds):
    graph = seeds.graph()
    assert graph is seeds.graph()  # cached
    assert graph.number_of_nodes() == sum(seeds.manifest()["counts"]["entities"].values())
    for _, node in graph.nodes(data=True):
        assert {
            "type",
            "label",
            "aliases",
            "titles",
            "level",
            "parents",
            "count",
            "documents",
            "mentions",
        } <= set(node)
    for _, _, edge in graph.edges(data=True):
        assert {"weight", "articles", "dice", "pmi", "relations", "evidence", "dates", "order"} <= set(edge)
        assert len(edge["evidence"]) <= 20


def test_documents_round_trip(seeds):
    records = list(seeds.documents())
    assert [r["name"] for r in records] == [p.name for p in SEEDS]
    assert all(r["articles"] and r["articles"][0]["sentences"][0]["text"] for r in records)
    assert len(list(seeds.extracted_documents())) == len(SEEDS)


def test_every_entity_is_in_the_store_with_its_label(seeds):
    store = seeds.open_store()
    graph = seeds.graph()
    for node, label in list(graph.nodes(data="label"))[:200]:
        q = f"ASK {{ <{iri_for(node)}> rdfs:label {json.dumps(label, ensure_ascii=False)}@zh }}"
        assert bool(store.query(q, prefixes={"rdfs": str(RDFS)})), node


def test_cooccurrence_evidence_resolves_to_sentences(seeds):
    store = seeds.open_store()
    links = count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?c a kg:Cooccurrence }")
    edges = sum(1 for *_, w in seeds.graph().edges(data="weight") if w)
    assert links == edges
    dangling = (
        "SELECT (COUNT(*) AS ?n) WHERE { ?c prov:wasDerivedFrom ?s FILTER NOT EXISTS { ?s schema:text ?t } }"
    )
    assert count(store, dangling) == 0


# -- our own articles: what the extractor certainly finds -------------------------------------------------


def test_secretary_holds_the_post_the_text_gives(ours):
    rdf = rdflib.Graph().parse(ours.ttl_path, format="turtle")
    for name, title in [("张建国", "长治市委书记"), ("周立新", "湖州市委书记"), ("陈志远", "赣州市委书记")]:
        official = URIRef(iri_for(f"official/{name}"))
        assert (official, SDO.jobTitle, rdflib.Literal(title, lang="zh")) in rdf
        posts = {str(rdf.value(p, RDFS.label)) for p in rdf.objects(official, ORG.holds)}
        assert title in posts


def test_county_sits_in_its_city(ours):
    rdf = rdflib.Graph().parse(ours.ttl_path, format="turtle")
    place = lambda n: URIRef(iri_for(f"place/{n}"))  # noqa: E731
    assert (place("于都县"), SDO.containedInPlace, place("赣州市")) in rdf
    assert (place("赣州市"), SDO.containedInPlace, place("江西省")) in rdf
    assert (place("潞州区"), SDO.containedInPlace, place("长治市")) in rdf


def test_secretary_and_mayor_named_together(ours):
    edge = ours.graph().edges["official/周立新", "official/孙国平"]
    assert edge["weight"] >= 1 and edge["dates"] == ["2024-05-17"]
    store = ours.open_store()
    a, b = iri_for("official/周立新"), iri_for("official/孙国平")
    q = f"""SELECT ?text WHERE {{ ?c kg:between <{a}>, <{b}> ;
                                   kg:weight ?w ; prov:wasDerivedFrom ?s . ?s schema:text ?text }}"""
    texts = [row["text"].value for row in store.query(q, prefixes=PREFIXES)]
    assert texts and all("周立新" in t and "孙国平" in t for t in texts)
    assert (
        count(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ ?c kg:between <{iri_for('official/周立新')}> }}") >= 1
    )


# -- incremental ------------------------------------------------------------------------------------------


def test_incremental_build_adds_without_duplicates(tmp_path, seeds):
    out = tmp_path / "graphs"
    first = build_graph_dir(SEEDS[:3], out, formats=("nt", "jsonld"))
    assert first.new == 3
    second = build_graph_dir(SEEDS, out, formats=("nt", "jsonld"))
    assert (second.new, second.unchanged) == (2, 3)
    names = [r["name"] for r in GraphDir(out).documents()]
    assert sorted(names) == sorted(p.name for p in SEEDS) and len(names) == len(set(names))
    # the same triples as building everything at once
    assert second.triples == seeds.manifest()["counts"]["triples"]
    assert sorted(GraphDir(out).rdf_path("nt").read_text().splitlines()) == sorted(
        seeds.rdf_path("nt").read_text().splitlines()
    )


def test_building_again_changes_nothing(tmp_path):
    out = tmp_path / "graphs"
    build_graph_dir(SEEDS[:2], out)
    before = GraphDir(out).manifest()
    stamp = (out / "kg.ttl").stat().st_mtime_ns
    again = build_graph_dir(SEEDS[:2], out)
    assert not again.changed and again.unchanged == 2
    assert GraphDir(out).manifest()["build_id"] == before["build_id"]
    assert (out / "kg.ttl").stat().st_mtime_ns == stamp
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(SEEDS[0], copy / "renamed.txt")  # same content under another name: already there
    assert not build_graph_dir([copy], out).changed


def test_edited_document_replaces_its_old_version(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    article = src / "changzhi.txt"
    shutil.copy(OURS / "changzhi-20240305.txt", article)
    out = tmp_path / "graphs"
    build_graph_dir([src], out)
    article.write_text(article.read_text(encoding="utf-8").replace("张建国", "张国栋"), encoding="utf-8")
    summary = build_graph_dir([src], out)
    assert (summary.replaced, summary.documents) == (1, 1)
    graph = GraphDir(out).graph()
    assert "official/张国栋" in graph and "official/张建国" not in graph


# -- bad input --------------------------------------------------------------------------------------------


def test_bad_inputs_are_named_and_skipped(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    out = tmp_path / "graphs"
    code = main(
        ["build", str(tmp_path / "missing.txt"), str(empty), str(binary), str(SEEDS[3]), "-o", str(out)]
    )
    assert code == 0
    err = capsys.readouterr().err.splitlines()
    assert f"kg build: skipped {tmp_path / 'missing.txt'}: no such file or directory" in err
    assert f"kg build: skipped {empty}: empty file" in err
    assert f"kg build: skipped {binary}: binary file, not text" in err
    assert not any("Traceback" in line for line in err)
    assert GraphDir(out).manifest()["counts"]["documents"] == 1


def test_nothing_readable_is_an_error(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    code = main(["build", str(empty), str(tmp_path / "nope"), "-o", str(tmp_path / "graphs")])
    assert code == 2
    err = capsys.readouterr().err
    assert "empty file" in err and "no such file" in err and "nothing could be read" in err
    assert "Traceback" not in err
    assert not (tmp_path / "graphs").exists() or not GraphDir(tmp_path / "graphs").exists()
    with pytest.raises(UserError, match="nothing could be read"):
        build_graph_dir([empty], tmp_path / "graphs")


def test_bad_options_are_user_errors(tmp_path):
    with pytest.raises(UserError, match="window"):
        build_graph_dir(SEEDS[:1], tmp_path / "g", window="paragraph")
    with pytest.raises(UserError, match="format"):
        build_graph_dir(SEEDS[:1], tmp_path / "g", formats=("rdfxml",))


def test_text_is_not_binary():
    assert not looks_binary("本报讯 长治市委书记张建国".encode("gb18030"))
    assert not looks_binary("本报讯".encode("utf-16"))


def test_cli_prints_a_summary(tmp_path, capsys):
    assert main(["build", str(OURS), "-o", str(tmp_path / "graphs")]) == 0
    out = capsys.readouterr().out
    assert "3 documents (3 new" in out and "entities:" in out and "edges:" in out and "triples:" in out


# -- a build killed midway ----------------------------------------------------------------------------------


def _wait_for(predicate, proc: subprocess.Popen, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if proc.poll() is not None:
            return False
        time.sleep(0.002)
    return False


@pytest.mark.parametrize("moment", ["extracting", "writing"])
def test_killed_build_leaves_the_old_graph_intact(tmp_path, moment):
    out = tmp_path / "graphs"
    build_graph_dir(SEEDS[:1], out)
    before = GraphDir(out).manifest()
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 120)
    proc = subprocess.Popen(
        [sys.executable, "-m", "kg", "build", str(SEEDS[0]), str(corpus), "-o", str(out), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=os.environ | {"PYTHONHASHSEED": "0"},
    )
    staging = tmp_path / f".graphs.tmp-{proc.pid}"
    ready = {
        "extracting": lambda: (staging / "documents.jsonl").exists() or staging.exists(),
        "writing": lambda: (staging / "kg.nt.part").exists() or (staging / "store").exists(),
    }[moment]
    try:
        reached = _wait_for(ready, proc)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert reached, f"the build never reached {moment}"
    assert proc.returncode == -signal.SIGKILL

    graph = GraphDir(out)
    assert graph.manifest() == before
    assert len(graph.open_store()) == before["counts"]["triples"]
    assert graph.graph().number_of_nodes() == before["counts"]["nodes"]
    assert [r["name"] for r in graph.documents()] == [SEEDS[0].name]

    after = build_graph_dir([corpus], out)  # the next build cleans up and succeeds
    assert after.changed and after.documents == 1 + 30
    assert not staging.exists()


def test_progress_bar_only_on_a_terminal():
    import io

    from kg.build import Progress

    quiet = io.StringIO()
    Progress(10, out=quiet).update(3)
    assert quiet.getvalue() == ""  # a StringIO is no terminal
    shown = io.StringIO()
    bar = Progress(10, enabled=True, out=shown)
    bar.update(3)
    bar.close()
    assert "3/10 files" in shown.getvalue() and shown.getvalue().startswith("\r[#########")


def test_refuses_to_replace_a_directory_that_is_not_a_graph(tmp_path):
    other = tmp_path / "notes"
    other.mkdir()
    (other / "keep.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UserError, match="not a graph directory"):
        build_graph_dir([OURS], other)
    assert (other / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_unwritable_output_is_a_user_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(UserError, match="cannot write|not a directory"):
        build_graph_dir([OURS], blocker / "graphs")


def test_builds_into_a_directory_holding_only_a_placeholder(tmp_path):
    out = tmp_path / "graphs"
    out.mkdir()
    (out / ".gitkeep").write_text("", encoding="utf-8")
    build_graph_dir([ROOT / "tests" / "data" / "corpus"], out)
    assert (out / "manifest.json").is_file() and (out / ".gitkeep").is_file()
    (out.parent / "other").mkdir()
    (out.parent / "other" / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(UserError):
        build_graph_dir([ROOT / "tests" / "data" / "corpus"], out.parent / "other")
