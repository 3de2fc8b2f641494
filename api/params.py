"""Query-string parameters shared by the blueprints: checked, and a bad value is a 400 JSON error."""

from __future__ import annotations

from flask import request

from api.errors import ApiError


def int_arg(name: str, default: int, minimum: int = 0, maximum: int | None = None) -> int:
    """An integer query parameter, checked; a bad value is a 400."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ApiError(f"{name} must be an integer, not {raw!r}") from None
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise ApiError(f"{name} must be {bound}, not {value}")
    return value
