"""A running app picks up a rebuilt graph directory without a restart."""

from __future__ import annotations

from pathlib import Path

import api.data
from api import create_app
from kg.build import build_graph_dir

CORPUS = Path(__file__).parent / "data" / "corpus"


def test_app_serves_the_new_build_after_kg_build(tmp_path, monkeypatch):
    monkeypatch.setattr(api.data, "RELOAD_CHECK_SECONDS", 0.0)
    out = tmp_path / "graphs"
    build_graph_dir([CORPUS / "changzhi_0506.txt"], out)
    app = create_app({"TESTING": True, "GRAPH_DIR": str(out)})
    client = app.test_client()
    assert client.get("/api/stats").get_json()["documents"] == 1
    build_graph_dir([CORPUS / "ganzhou_0507.txt"], out)
    stats = client.get("/api/stats").get_json()
    assert stats["documents"] == 2
    found = client.get("/api/entities?q=王建军").get_json()["items"]
    assert {"official/王建军", "official/王建军#2"} <= {item["id"] for item in found}
