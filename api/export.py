"""Blueprint `export` (placeholder)."""

from flask import Blueprint

bp = Blueprint("export", __name__)
