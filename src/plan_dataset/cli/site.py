"""``plan-dataset site --out DIR``: the browsable static site (needs the ``site`` extra)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, data_snapshot

HELP = "write the browsable static site to a folder"
# A site folder carries this file, so that a rebuild may remove pages that are gone.
MARKER = ".plan-dataset-site"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help="the folder to write the site to")


def run(args: argparse.Namespace) -> int:
    from plan_dataset.site import missing_extra

    problem = missing_extra()
    if problem:
        print(f"plan-dataset: {problem}", file=sys.stderr)
        return EXIT_USAGE
    out: Path = args.out
    if out.exists() and (not out.is_dir() or out.is_symlink()):
        print(f"plan-dataset: --out {str(out)!r} must be a folder", file=sys.stderr)
        return EXIT_USAGE
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        print(f"plan-dataset: {str(out)!r} is not empty and not a site folder", file=sys.stderr)
        return EXIT_USAGE
    snapshot = data_snapshot(args.root)
    if snapshot is None:
        return EXIT_INVALID
    if args.root is None:
        print(
            "plan-dataset: the package has no archived texts: quotes are shown without "
            "their context (run it in a checkout for that)",
            file=sys.stderr,
        )
    from plan_dataset.publish.outputs.atomic import JOURNAL, switch_files
    from plan_dataset.read.walk import walk
    from plan_dataset.site import render_site

    files = render_site(snapshot)
    files[MARKER] = b"written by plan-dataset site\n"
    out.mkdir(parents=True, exist_ok=True)
    tree = walk(out)
    # A link or special file in a site folder is never ours: switch_files refuses it (W001).
    found = [*tree.files, *tree.links, *tree.special]
    stale = [path for path in found if path.relative_to(out).as_posix() not in (*files, JOURNAL)]
    changed = switch_files(out, files, stale)
    print(f"site: {len(files) - 1} files in {out}; {len(changed)} changed")
    return EXIT_OK
