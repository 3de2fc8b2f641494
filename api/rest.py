"""Blueprint `rest` (placeholder)."""

from flask import Blueprint

bp = Blueprint("rest", __name__)
