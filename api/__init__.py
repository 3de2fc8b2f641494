"""The kg web application: REST API, SPARQL endpoint, exploration pages, exports.

>>> app = create_app({"TESTING": True, "GRAPH_DIR": "graphs"})
>>> app.name
'api'
>>> app.config["KG_SETTINGS"]["sparql_time_limit_ms"]
5000
"""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Application factory: one blueprint per module, JSON errors on the app.

    ``GRAPH_DIR`` is the built directory; ``KG_SETTINGS`` overrides limits of ``api.settings``.
    The graph is read on first use (``api.data.get_data``), SPARQL workers start on the first query.
    """
    app = Flask(__name__)
    app.config.from_mapping(GRAPH_DIR="graphs", KG_SETTINGS={})
    if test_config:
        app.config.from_mapping(test_config)

    from api import errors, export, rest, settings, sparql, viz

    app.config["KG_SETTINGS"] = settings.resolve(app.config["KG_SETTINGS"])
    app.json.ensure_ascii = False  # type: ignore[attr-defined]
    app.json.sort_keys = False  # type: ignore[attr-defined]
    errors.register(app)
    app.register_blueprint(rest.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(viz.bp)
    app.register_blueprint(export.bp)
    return app


def close_app(app: Flask) -> None:
    """Release what an app holds outside the process: its SPARQL worker processes."""
    from api import sparql

    sparql.close_pool(app)
