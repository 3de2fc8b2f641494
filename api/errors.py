"""JSON error handlers, registered on the app (a blueprint's 404 never fires for unknown URLs)."""

from __future__ import annotations

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException


def register(app: Flask) -> None:
    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        return jsonify(error=err.name, message=err.description, status=err.code), err.code
