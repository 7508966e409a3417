"""The ``plan-dataset`` command (also ``python -m plan_dataset``): one module per command.

Each command module has ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``;
adding a command is a module and one line in ``COMMANDS``.
Exit codes: 0 valid, 1 invalid data, 2 usage error. Results go to stdout and
diagnostics to stderr (``streams.py``); a closed pipe ends a command quietly with
its own exit status.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from plan_dataset._version import __version__
from plan_dataset.cli import (
    build,
    compare,
    export,
    new,
    questions,
    release,
    site,
    stats,
    validate,
)
from plan_dataset.cli.common import EXIT_INVALID, EXIT_USAGE
from plan_dataset.cli.streams import command_streams
from plan_dataset.escaping import for_terminal

# Commands that only read the data: outside a checkout they use the bundle in the package.
# validate, build, new and release need a checkout.
READ_ONLY_COMMANDS = frozenset({"stats", "export", "compare", "site", "questions"})
COMMANDS: dict[str, ModuleType] = {
    "validate": validate,
    "build": build,
    "stats": stats,
    "export": export,
    "release": release,
    "new": new,
    "compare": compare,
    "site": site,
    "questions": questions,
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="plan-dataset",
        description="Validate, build and inspect the plan dataset. Run it in the project "
        "root; compare, stats, export and site also work anywhere, on the shipped data.",
    )
    top.add_argument(
        "--root",
        type=Path,
        default=None,
        help="project root (default: the current directory; for the read-only commands, "
        "the dataset shipped in the package when the current directory is no checkout)",
    )
    top.add_argument("--version", action="version", version=f"plan-dataset {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        module.add_arguments(commands.add_parser(name, help=module.HELP))
    return top


def main(argv: Sequence[str] | None = None) -> int:
    with command_streams():
        return _run(argv)


def _run(argv: Sequence[str] | None) -> int:
    args = parser().parse_args(argv)
    explicit = args.root is not None
    root: Path = args.root if explicit else Path(".")
    args.root = root
    if args.command in READ_ONLY_COMMANDS and not explicit and not (root / "data").is_dir():
        args.root = None  # no checkout here: the read-only commands use the shipped bundle
    elif not (root / "data").is_dir():
        print(
            f"plan-dataset: {str(root.resolve())!r} is not a project root (no data/ folder); "
            f"{args.command} needs a checkout (compare, stats, export and site do not)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        status: int = COMMANDS[args.command].run(args)
        return status
    except OSError as error:
        print(f"plan-dataset: {for_terminal(str(error))}", file=sys.stderr)
        return EXIT_INVALID
