"""REST endpoints: the in-process client for the details, the real server for every endpoint."""

from __future__ import annotations

import json
import urllib.parse

import pytest
from conftest import DOC2, assert_offline

from api import close_app, create_app

Q = urllib.parse.quote


def test_stats(client):
    body = client.get("/api/stats").get_json()
    assert body["nodes"] == 9 and body["edges"] == 10
    assert body["types"]["official"] == 3
    assert body["documents"] == 2 and body["sentences"] == 7
    assert body["top_degree"][0]["id"] == "official/张三"
    assert body["build"]["build_id"] == "fixture"


def test_search_by_name_alias_and_type(client):
    body = client.get("/api/entities?q=长治").get_json()
    assert [e["id"] for e in body["items"]] == ["place/长治市", "organization/长治市委"]
    assert client.get("/api/entities?q=山西").get_json()["items"][0]["id"] == "place/山西省"  # alias
    assert client.get("/api/entities?q=张三同志").get_json()["items"][0]["id"] == "official/张三"
    officials = client.get("/api/entities?type=official").get_json()
    assert officials["total"] == 3 and {e["type"] for e in officials["items"]} == {"official"}


def test_search_pagination_says_truncated(client):
    first = client.get("/api/entities?limit=4").get_json()
    assert first["total"] == 9 and len(first["items"]) == 4 and first["truncated"] is True
    second = client.get(first["next"]).get_json()
    assert second["offset"] == 4 and not {e["id"] for e in second["items"]} & {
        e["id"] for e in first["items"]
    }
    last = client.get("/api/entities?limit=4&offset=8").get_json()
    assert last["truncated"] is False and last["next"] is None


def test_entity_with_mentions_and_sentences(client):
    body = client.get("/api/entities/official/" + Q("张三")).get_json()
    assert body["label"] == "张三" and body["aliases"] == ["张三同志"] and body["titles"] == ["市委书记"]
    texts = [m["sentence_text"] for m in body["mentions"]["items"]]
    assert "5月1日，市委书记张三到长治市调研智慧城市建设。" in texts
    assert body["truncated"] is False and body["degree"] == 5
    cut = client.get("/api/entities/official/张三?limit=1").get_json()
    assert cut["truncated"] is True and len(cut["mentions"]["items"]) == 1


def test_entity_id_with_hash_must_be_percent_encoded(client):
    body = client.get("/api/entities/" + Q("official/张三#2")).get_json()
    assert body["id"] == "official/张三#2"
    assert body["mentions"]["items"][0]["sentence_text"] == "长治市的张三作了发言。"


def test_neighbours_filters(client):
    url = "/api/entities/official/张三/neighbours"
    items = client.get(url).get_json()["items"]
    assert items[0]["id"] == "official/李四" and items[0]["weight"] == 2  # strongest first
    assert len(items) == 5
    places = client.get(url + "?type=place").get_json()["items"]
    assert {n["id"] for n in places} == {"place/长治市", "place/山西省"}
    assert [n["id"] for n in client.get(url + "?min_weight=2").get_json()["items"]] == ["official/李四"]
    june = client.get(url + "?since=2023-06-01").get_json()["items"]
    assert {n["id"] for n in june} == {"official/李四", "place/山西省"}
    may = client.get(url + "?until=2023-05-31").get_json()["items"]
    assert "place/山西省" not in {n["id"] for n in may}
    page = client.get(url + "?limit=2").get_json()
    assert page["truncated"] is True and page["total"] == 5


def test_paths_with_evidence(client):
    body = client.get(
        f"/api/paths?source={Q('official/张三#2')}&target={Q('organization/长治市委')}"
    ).get_json()
    assert body["length"] == 4
    path = body["paths"][0]
    assert [n["id"] for n in path["nodes"]][0] == "official/张三#2"
    first_edge = path["edges"][0]
    assert first_edge["evidence"][0]["text"] == "长治市的张三作了发言。"
    none = client.get("/api/paths?source=person/王五&target=official/张三").get_json()
    assert none["paths"] == [] and none["length"] is None
    short = client.get(f"/api/paths?source={Q('official/张三#2')}&target=organization/长治市委&max_length=2")
    assert short.get_json()["paths"] == [] and short.get_json()["truncated"] is True


def test_shared_articles_and_sentences(client):
    body = client.get("/api/shared?a=official/张三&b=official/李四").get_json()
    assert body["edge"]["weight"] == 2
    assert body["items"][0]["sentences"]  # articles with a shared sentence come first
    shared = {(a["document"], a["article"]): [s["text"] for s in a["sentences"]] for a in body["items"]}
    assert shared[(DOC2, 0)] == ["山西省召开会议，张三、李四出席。"]
    assert shared[("changzhi-2023-05-01.txt", 0)] == []  # same article, different sentences


def test_documents_and_article_with_entities(client):
    docs = client.get("/api/documents").get_json()
    assert [d["name"] for d in docs["items"]] == ["changzhi-2023-05-01.txt", DOC2]
    doc = client.get(docs["items"][1]["url"]).get_json()
    assert doc["articles"][0]["headline"] == "山西省召开会议"
    article = client.get(doc["articles"][0]["url"]).get_json()
    assert article["sentences"][1]["entities"] == ["official/张三#2", "place/长治市"]
    assert {e["id"] for e in article["entities"]} >= {"official/张三", "place/山西省"}


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/entities/official/nobody", 404),
        ("/api/entities/official/nobody/neighbours", 404),
        ("/api/paths?source=official/张三&target=place/nowhere", 404),
        ("/api/paths?source=official/张三", 400),
        ("/api/shared?a=official/张三", 400),
        ("/api/documents/none.txt", 404),
        (f"/api/documents/{Q(DOC2)}/articles/9", 404),
        ("/api/entities?limit=abc", 400),
        ("/api/entities?limit=0", 400),
        ("/api/entities?limit=100000", 400),
        ("/api/entities/official/张三/neighbours?since=yesterday", 400),
        ("/api/entities/official/张三/neighbours?min_weight=heavy", 400),
        ("/api/no-such-endpoint", 404),
    ],
)
def test_errors_are_json(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    body = response.get_json()
    assert body["status"] == status and body["message"] and "Traceback" not in response.get_data(as_text=True)


def test_method_not_allowed_is_json(client):
    response = client.post("/api/stats")
    assert response.status_code == 405 and response.get_json()["status"] == 405


def test_missing_graph_dir_is_a_json_error(tmp_path):
    app = create_app({"TESTING": True, "GRAPH_DIR": str(tmp_path / "none")})
    response = app.test_client().get("/api/stats")
    assert response.status_code == 503 and "kg build" in response.get_json()["message"]
    close_app(app)


def test_openapi_and_docs(client):
    spec = client.get("/api/openapi.json").get_json()
    assert spec["openapi"].startswith("3.")
    assert {"/api/entities/{entity_id}/neighbours", "/api/paths", "/api/shared", "/sparql"} <= set(
        spec["paths"]
    )
    page = client.get("/api/docs").get_data(as_text=True)
    assert "/api/entities/{entity_id}/neighbours" in page
    assert_offline(page)


def test_settings_override(graph_dir):
    app = create_app({"TESTING": True, "GRAPH_DIR": str(graph_dir), "KG_SETTINGS": {"max_page_size": "3"}})
    assert app.test_client().get("/api/entities?limit=4").status_code == 400


def test_every_endpoint_on_the_real_server(live_server):
    """Every REST endpoint answered by waitress on 127.0.0.1, ids percent-encoded."""
    zhang = Q("official/张三")
    paths = [
        "/api",
        "/api/stats",
        "/api/entities?q=" + Q("长治"),
        f"/api/entities/{zhang}",
        f"/api/entities/{Q('official/张三#2')}",
        f"/api/entities/{zhang}/neighbours?type=place&min_weight=1&since=2023-01-01&until=2023-12-31&limit=5",
        f"/api/paths?source={zhang}&target={Q('organization/长治市委')}",
        f"/api/shared?a={zhang}&b={Q('place/长治市')}",
        "/api/documents",
        f"/api/documents/{Q(DOC2)}",
        f"/api/documents/{Q(DOC2)}/articles/0",
        "/api/openapi.json",
    ]
    for path in paths:
        status, headers, body = live_server.get(path)
        assert status == 200, (path, body)
        assert headers["Content-Type"].startswith("application/json")
        json.loads(body)
    status, headers, body = live_server.get("/api/docs")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    status, _, body = live_server.get(f"/api/entities/{Q('official/没有')}")
    assert status == 404 and json.loads(body)["status"] == 404
