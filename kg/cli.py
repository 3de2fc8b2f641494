"""The ``kg`` command line: gathers options and calls the library; holds no logic."""

from __future__ import annotations

import argparse
import importlib
import sys

from kg import __version__
from kg.commands import COMMANDS
from kg.errors import UserError


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with one subcommand per module in ``kg.commands``.

    >>> build_parser().prog
    'kg'
    """
    parser = argparse.ArgumentParser(prog="kg", description=__doc__)
    parser.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        module = importlib.import_module(f"kg.commands.{name}")
        module.add_parser(sub)
    return parser


def _quiet_jieba() -> None:
    """jieba announces its dictionary loading on stderr; a command line tool keeps stderr for errors."""
    import logging

    logging.getLogger("jieba").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _quiet_jieba()
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except UserError as err:
        print(f"kg {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
