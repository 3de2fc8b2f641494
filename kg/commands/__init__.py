"""One module per ``kg`` subcommand; each defines ``add_parser(subparsers)``.

The parser it adds sets ``func`` to a callable taking the parsed namespace and
returning an exit status.
"""

COMMANDS = ("extract", "build", "query", "serve", "viz", "export")
