"""The kg web application: REST API, SPARQL endpoint, exploration pages, exports.

>>> app = create_app({"TESTING": True, "GRAPH_DIR": "graphs"})
>>> app.name
'api'
"""

from __future__ import annotations

from typing import Any

from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Application factory: one blueprint per module, JSON errors on the app."""
    app = Flask(__name__)
    app.config.from_mapping(GRAPH_DIR="graphs")
    if test_config:
        app.config.from_mapping(test_config)

    from api import errors, export, rest, sparql, viz

    errors.register(app)
    app.register_blueprint(rest.bp)
    app.register_blueprint(sparql.bp)
    app.register_blueprint(viz.bp)
    app.register_blueprint(export.bp)
    return app
