"""Blueprint `viz`: the exploration pages, rendered from the loaded graph.

``/viz/overview?top=&by=``, ``/viz/entity/<id>?hops=&limit=``,
``/viz/path?source=&target=``, ``/viz/theme/<id>?limit=``. Every page is
self-contained (vis-network inlined); clicking an entity opens its ``/viz/entity`` page.
"""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, abort, current_app, redirect, request, url_for

from api.params import int_arg
from kg import viz
from kg.errors import UserError
from kg.subgraph import NoPath, UnknownEntity
from kg.viz import Sources

bp = Blueprint("viz", __name__, url_prefix="/viz")


def loaded():
    """The graph of the app and the sentences for tooltips (indexed once per loaded graph)."""
    from api.data import get_data

    data = get_data()
    cached = current_app.extensions.get("kg.viz.sources")
    if cached is None or cached[0] is not data:
        cached = (data, Sources(dict(data.sentences), _headlines(data.documents)))
        current_app.extensions["kg.viz.sources"] = cached
    return data.graph, cached[1]


def _headlines(documents: dict[str, dict]) -> dict[tuple[str, int], str]:
    return {
        (name, article.get("index", pos)): article.get("headline", "")
        for name, record in documents.items()
        for pos, article in enumerate(record.get("articles", ()))
    }


def page(make: Callable[[], str]) -> Response:
    """Render a page; unknown entities are 404, other user errors 400."""
    try:
        html = make()
    except (UnknownEntity, NoPath) as err:
        abort(404, str(err))
    except UserError as err:
        abort(400, str(err))
    return Response(html, mimetype="text/html", content_type="text/html; charset=utf-8")


def link(entity: str) -> str:
    return url_for("viz.entity", entity=entity)


@bp.get("/")
def index():
    return redirect(url_for("viz.overview"))


@bp.get("/overview")
def overview():
    graph, sources = loaded()
    top = int_arg("top", viz.DEFAULT_TOP, 1, 20_000)
    by = request.args.get("by", "degree")
    return page(lambda: viz.overview_page(graph, top, by, sources, link))


@bp.get("/entity/<path:entity>")
def entity(entity: str):
    graph, sources = loaded()
    hops = int_arg("hops", 1, 1, 2)
    limit = int_arg("limit", viz.EGO_LIMIT, 1, 20_000)
    home = url_for("viz.overview")
    return page(lambda: viz.ego_page(graph, entity, hops, limit, sources, link, home))


@bp.get("/path")
def path():
    graph, sources = loaded()
    source, target = request.args.get("source"), request.args.get("target")
    if not source or not target:
        abort(400, "give both source= and target= entity ids")
    return page(lambda: viz.path_page(graph, source, target, sources, link, url_for("viz.overview")))


@bp.get("/theme/<path:entity>")
def theme(entity: str):
    graph, sources = loaded()
    limit = int_arg("limit", viz.THEME_LIMIT, 1, 5_000)
    return page(lambda: viz.theme_page(graph, entity, limit, sources, link, url_for("viz.overview")))
