"""JSON errors, registered on the app (a blueprint's 404 never fires for unknown URLs).

Every error body has the same shape, never a traceback:

>>> ApiError("limit must be an integer").to_dict()
{'error': 'Bad Request', 'message': 'limit must be an integer', 'status': 400}
"""

from __future__ import annotations

from http import HTTPStatus
from typing import Any

from flask import Flask, jsonify
from werkzeug.exceptions import HTTPException

from kg.errors import UserError


class ApiError(Exception):
    """An error answered as JSON with a status: 400 bad parameter, 404 unknown id, 503 time limit …"""

    def __init__(self, message: str, status: int = 400, **extra: Any) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.extra = extra

    def to_dict(self) -> dict[str, Any]:
        return {"error": HTTPStatus(self.status).phrase, "message": self.message, "status": self.status} | (
            self.extra
        )


class NotFound(ApiError):
    """An unknown entity, document or article (404)."""

    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message, 404, **extra)


class QueryTimeout(ApiError):
    """A SPARQL query ran past its time limit, or no worker was free before it (503)."""

    def __init__(self, message: str, **extra: Any) -> None:
        super().__init__(message, 503, **extra)


def error_response(err: ApiError):
    """The JSON response of an error, with Retry-After on 503."""
    response = jsonify(err.to_dict())
    response.status_code = err.status
    if err.status == 503:
        response.headers["Retry-After"] = "1"
    return response


def as_api_error(err: Exception) -> ApiError:
    """How an error is answered: an ApiError as it is, a broken graph directory (UserError) as 503,
    anything else as a 500 without details (the server log has them).

    >>> as_api_error(UserError("no graph in graphs/")).status, as_api_error(KeyError("x")).status
    (503, 500)
    """
    if isinstance(err, ApiError):
        return err
    if isinstance(err, UserError):
        return ApiError(str(err), 503)
    return ApiError("internal error; the server log has the details", 500)


def register(app: Flask) -> None:
    """Answer every error of the app as JSON."""

    @app.errorhandler(ApiError)
    def api_error(err: ApiError):
        return error_response(err)

    @app.errorhandler(HTTPException)
    def http_error(err: HTTPException):
        response = jsonify(error=err.name, message=err.description, status=err.code)
        response.status_code = err.code or 500
        for name, value in err.get_headers():
            if name.lower() == "allow":
                response.headers[name] = value
        return response

    @app.errorhandler(UserError)
    def user_error(err: UserError):
        return error_response(as_api_error(err))

    @app.errorhandler(Exception)
    def unexpected(err: Exception):
        app.logger.exception("unexpected error")
        return error_response(as_api_error(err))
