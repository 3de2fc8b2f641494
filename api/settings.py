"""Every limit of the web application, declared once with a default and a help text.

Override them with ``create_app({"KG_SETTINGS": {...}})`` or
``kg serve graphs/ --setting sparql_time_limit_ms 2000``.

>>> SETTINGS_BY_NAME["sparql_time_limit_ms"].default
5000
>>> coerce("sparql_max_rows", "20")
20
>>> coerce("sparql_memory_triples", 0)
0
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import current_app

from kg.errors import UserError


@dataclass(frozen=True)
class Setting:
    """One named limit: its default value (which fixes its type) and what it does."""

    name: str
    default: int
    help: str
    minimum: int = 1


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "sparql_time_limit_ms",
        5000,
        "Time limit for one SPARQL query in milliseconds; the worker process running it is killed "
        "at the deadline and the client gets 503.",
    ),
    Setting(
        "sparql_max_rows",
        10000,
        "Maximum rows (SELECT) or triples (CONSTRUCT/DESCRIBE) returned by one SPARQL query; "
        "longer results are cut and marked truncated.",
    ),
    Setting("sparql_workers", 2, "Warm worker processes answering SPARQL queries (read-only store)."),
    Setting(
        "sparql_memory_triples",
        2_000_000,
        "Largest store (in triples) that each SPARQL worker copies into memory; the copy loads in "
        "the background while the worker answers from disk. In memory, lookups from a given entity "
        "run about 2x faster, scans of the whole store (counts by type, degrees) about 2x slower. "
        "Each worker holds its own copy: about 400 MB and 5 s of loading per million triples. "
        "0 keeps every store on disk.",
        minimum=0,
    ),
    Setting("default_page_size", 20, "Items per page of a REST list when the client gives no limit."),
    Setting("max_page_size", 1000, "Largest limit a client may ask for on a REST list."),
    Setting("max_mentions", 100, "Mentions (with their sentences) returned with one entity by default."),
    Setting("max_evidence", 10, "Evidence sentences returned per edge of a path or per shared article."),
    Setting("max_path_length", 6, "Longest shortest-path (in edges) searched between two entities."),
    Setting("max_paths", 10, "Most shortest paths returned between two entities."),
)

SETTINGS_BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}


def coerce(name: str, value: Any) -> int:
    """Check a setting's name and convert its value to the default's type.

    >>> coerce("max_paths", 3)
    3
    """
    if name not in SETTINGS_BY_NAME:
        raise UserError(f"unknown setting {name!r}; known: {', '.join(SETTINGS_BY_NAME)}")
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise UserError(f"setting {name} must be an integer, not {value!r}") from None
    minimum = SETTINGS_BY_NAME[name].minimum
    if number < minimum:
        raise UserError(f"setting {name} must be at least {minimum}, not {number}")
    return number


def resolve(overrides: dict[str, Any] | None) -> dict[str, int]:
    """All settings: defaults updated by checked overrides.

    >>> resolve({"max_paths": "5"})["max_paths"]
    5
    """
    values = {s.name: s.default for s in SETTINGS}
    for name, value in (overrides or {}).items():
        values[name] = coerce(name, value)
    return values


def setting(name: str) -> int:
    """The value of one setting for the current app."""
    return current_app.config["KG_SETTINGS"][name]
