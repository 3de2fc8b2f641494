"""Blueprint `viz` (placeholder)."""

from flask import Blueprint

bp = Blueprint("viz", __name__)
