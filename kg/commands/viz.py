"""`kg viz`: not yet available."""

from __future__ import annotations

import argparse


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("viz", help="(not yet available)")
    parser.set_defaults(func=lambda args: 2)
