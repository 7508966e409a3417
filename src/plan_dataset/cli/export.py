"""``plan-dataset export``: the flat tables in one format, from the outputs registry."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, data_snapshot

TYPE_CHECKING = False
if TYPE_CHECKING:
    from plan_dataset.publish.outputs.content import Content

HELP = "write the flat tables in one format"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from plan_dataset.publish.outputs import exporters, missing_exporters

    # Formats that need an extra are accepted here, so that run() can say what to install.
    parser.add_argument("--format", choices=[*exporters(), *missing_exporters()], required=True)
    parser.add_argument(
        "--out", type=Path, required=True, help="a folder, or a file for one-file formats"
    )


def run(args: argparse.Namespace) -> int:
    from plan_dataset.publish.outputs import OUTPUTS, iter_export_files, missing_exporters
    from plan_dataset.publish.outputs.atomic import switch_files, write_file

    missing = missing_exporters()
    if args.format in missing:
        print(
            f"plan-dataset: the {args.format} format needs an extra: {missing[args.format]}",
            file=sys.stderr,
        )
        return EXIT_USAGE
    out: Path = args.out
    single = OUTPUTS[args.format].single_file
    if out.is_symlink():
        print(f"plan-dataset: W001 --out {str(out)!r} is a symbolic link: refused", file=sys.stderr)
        return EXIT_USAGE
    if (single and out.is_dir()) or (not single and out.exists() and not out.is_dir()):
        kind = "a file name" if single else "a folder"
        print(f"plan-dataset: --out {str(out)!r} must be {kind}", file=sys.stderr)
        return EXIT_USAGE
    snapshot = data_snapshot(args.root)
    if snapshot is None:
        return EXIT_INVALID
    files = iter_export_files(snapshot, args.format)  # each written as it is rendered
    if single:
        ((_name, content),) = files
        print(write_file(out, content))
        return EXIT_OK
    names: list[str] = []

    def named(pairs: Iterable[tuple[str, Content]]) -> Iterator[tuple[str, Content]]:
        for name, content in pairs:
            names.append(name)
            yield name, content

    # All or nothing: every file is staged as it is rendered, and none switches until
    # all are (a renderer failing on a late table leaves the folder as it was).
    switch_files(out, named(files))
    for name in names:
        print(out / name)
    return EXIT_OK
