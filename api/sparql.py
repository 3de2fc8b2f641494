"""Blueprint `sparql` (placeholder)."""

from flask import Blueprint

bp = Blueprint("sparql", __name__)
