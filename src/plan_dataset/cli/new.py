"""``plan-dataset new``: scaffold data/<table>/<id>.yaml to fill in.

The id must pass the rules validation applies to ids (``unusable_new_id``), and an
existing file is never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from plan_dataset.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE

HELP = "scaffold data/<table>/<id>.yaml to fill in"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from plan_dataset.models import MODELS

    parser.add_argument("table", choices=list(MODELS))
    parser.add_argument("id", help="a lowercase slug, which becomes the file name")
    parser.add_argument(
        "--source",
        metavar="ID",
        help="the source its evidence cites: an archived one (with a text in seeds/) gets a "
        "quote to fill in, a web page a locator and a paraphrase (the default)",
    )
    parser.add_argument(
        "--archived",
        action="store_true",
        help="for a new source: an archived text in seeds/, not a web page",
    )


def run(args: argparse.Namespace) -> int:
    from plan_dataset.models.scaffold import scaffold
    from plan_dataset.publish.outputs.atomic import create_file
    from plan_dataset.validation import DATA_DIR
    from plan_dataset.validation.dataset import unusable_new_id
    from plan_dataset.validation.files import check_record_file
    from plan_dataset.validation.index import DatasetIndex

    record_id: str = args.id
    unusable = unusable_new_id(
        record_id, DatasetIndex(args.root, [], check_file=check_record_file), args.table
    )
    if unusable is not None:
        code, message = unusable
        print(f"plan-dataset: {code} {message}; nothing was written", file=sys.stderr)
        return EXIT_USAGE if code.startswith("M") else EXIT_INVALID
    archived: bool = args.archived
    if args.source is not None:
        found = _source_is_archived(args.root / DATA_DIR, args.source)
        if found is None:
            from plan_dataset.validation.pydantic_errors import did_you_mean

            known = [path.stem for path in (args.root / DATA_DIR / "sources").glob("*.yaml")]
            hint = did_you_mean(args.source, known)
            print(f"plan-dataset: no source {args.source!r}{hint}", file=sys.stderr)
            return EXIT_USAGE
        archived = found
    target = args.root / DATA_DIR / args.table / f"{record_id}.yaml"
    text = scaffold(args.table, record_id, source_id=args.source, archived=archived)
    # create_file never overwrites: a file that appeared meanwhile, or a link, is refused.
    create_file(target, text.encode("utf-8"), root=args.root)
    print(f"{target}: fill in the empty values, then run plan-dataset validate {target}")
    return EXIT_OK


def _source_is_archived(data: Path, source_id: str) -> bool | None:
    """Whether a source has an archived text (a ``path`` into seeds/); None if there is
    no such source."""
    import yaml

    path = data / "sources" / f"{source_id}.yaml"
    if not path.is_file() or path.is_symlink():
        return None
    record = yaml.safe_load(path.read_text(encoding="utf-8"))
    return isinstance(record, dict) and bool(record.get("path"))
