"""The ``plan-dataset`` command (also ``python -m plan_dataset``): one module per command.

Each command module has ``HELP``, ``add_arguments(parser)`` and ``run(args) -> int``;
adding a command is a module and one line in ``COMMANDS``.
Exit codes: 0 valid, 1 invalid data, 2 usage error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from plan_dataset._version import __version__
from plan_dataset.cli import build, compare, export, new, release, stats, validate
from plan_dataset.cli.common import EXIT_INVALID, EXIT_USAGE

COMMANDS: dict[str, ModuleType] = {
    "validate": validate,
    "build": build,
    "stats": stats,
    "export": export,
    "release": release,
    "new": new,
    "compare": compare,
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(
        prog="plan-dataset",
        description="Validate, build and inspect the plan dataset. Run it in the project root.",
    )
    top.add_argument(
        "--root", type=Path, default=Path("."), help="project root (default: current directory)"
    )
    top.add_argument("--version", action="version", version=f"plan-dataset {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, module in COMMANDS.items():
        module.add_arguments(commands.add_parser(name, help=module.HELP))
    return top


def _safe_streams() -> None:
    """Never fail on a terminal or pipe that cannot encode a character: escape it."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _safe_streams()
    args = parser().parse_args(argv)
    root: Path = args.root
    if not (root / "data").is_dir():
        print(
            f"plan-dataset: {str(root.resolve())!r} is not a project root (no data/ folder)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    try:
        status = COMMANDS[args.command].run(args)
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader went away (e.g. `| head`): end quietly with the command's own status.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except OSError as error:
        print(f"plan-dataset: {error}", file=sys.stderr)
        return EXIT_INVALID
