"""Blueprint `export`: ``/api/export?format=&type=&min_weight=&since=&until=&ego=&hops=&top=``.

Answers the filtered graph as a download in the format asked for (the formats of
``kg export``), with its media type and a file name.
"""

from __future__ import annotations

import io

from flask import Blueprint, Response, abort, request

from api.params import int_arg
from api.viz import loaded
from kg.errors import UserError
from kg.readwrite import FORMATS, export_format
from kg.subgraph import GraphFilter, UnknownEntity

bp = Blueprint("export", __name__)


def requested_filter() -> GraphFilter:
    """The filters of the query string."""
    types = tuple(t.strip() for value in request.args.getlist("type") for t in value.split(",") if t.strip())
    min_weight = request.args.get("min_weight")
    top = request.args.get("top")
    return GraphFilter(
        types=types,
        min_weight=int_arg("min_weight", 1, 0, 10**9) if min_weight else None,
        since=request.args.get("since") or None,
        until=request.args.get("until") or None,
        ego=request.args.get("ego") or None,
        hops=int_arg("hops", 1, 1, 2),
        top=int_arg("top", 0, 1, 10**9) if top else None,
    )


@bp.get("/api/export")
def export():
    name = request.args.get("format", "")
    try:
        chosen = export_format(name)
    except UserError:
        abort(400, f"unknown export format {name!r}; choose one of {', '.join(FORMATS)}")
    graph, _sources = loaded()
    try:
        view = requested_filter().apply(graph)
    except UnknownEntity as err:
        abort(404, str(err))
    except UserError as err:
        abort(400, str(err))
    buffer = io.BytesIO()
    chosen.write(view, buffer)
    response = Response(buffer.getvalue(), content_type=chosen.media_type)
    response.headers["Content-Disposition"] = f'attachment; filename="kg{chosen.extension}"'
    response.headers["X-KG-Entities"] = str(view.number_of_nodes())
    return response
