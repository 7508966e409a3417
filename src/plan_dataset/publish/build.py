"""Build: validate, then write every generated file of the project.

Outputs are rendered only when validation passes, each staged beside its target as
it is rendered, and switched into place all together (``outputs/atomic.py``), so a
failed or interrupted build leaves the previous outputs whole, and the next build
repairs an interrupted one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from plan_dataset.bundle import RESOURCE as BUNDLE_RESOURCE
from plan_dataset.publish import build_stamp
from plan_dataset.publish.outputs import OUTPUTS, build_files, iter_build_files
from plan_dataset.publish.outputs.atomic import switch_files, write_stamp, writing
from plan_dataset.publish.outputs.content import Streamed, chunks
from plan_dataset.publish.snapshot import snapshot_of
from plan_dataset.validation import ValidationReport, validate

BUNDLE_PATH = f"src/plan_dataset/{BUNDLE_RESOURCE}"


def render_outputs(report: ValidationReport) -> dict[str, bytes]:
    """Every generated file, by path relative to the project root."""
    return build_files(snapshot_of(report, report.index.root))


def _obsolete(root: Path, outputs: Collection[str]) -> list[Path]:
    """Files in folders the build owns that a fresh build would not write."""
    found = []
    for output in OUTPUTS.values():
        if output.build_folder is None or output.owned_pattern is None:
            continue
        for path in sorted((root / output.build_folder).glob(output.owned_pattern)):
            if path.relative_to(root).as_posix() not in outputs:
                found.append(path)
    return found


def stale_outputs(root: Path, outputs: dict[str, bytes]) -> list[str]:
    """Generated files whose committed copy differs from a fresh build, or is missing."""
    stale = []
    for relative, content in sorted(outputs.items()):
        target = root / relative
        if not target.is_file() or target.read_bytes() != content:
            stale.append(relative)
    stale += [path.relative_to(root).as_posix() for path in _obsolete(root, outputs)]
    return stale


def build(root: Path, jobs: int | None = None) -> tuple[ValidationReport, list[str]]:
    """Validate the project at ``root``; if valid, write its outputs. Returns what changed.
    ``jobs``: processes for the per-file checks (see ``validation.validate``)."""
    # One build at a time per project; taking the lock clears a killed run's journaled debris.
    with writing(root):
        inputs = build_stamp.current_inputs(root)  # before anything is read
        report = validate(root, committed_schemas=False, jobs=jobs)
        if not report.ok:
            return report, []
        snapshot = snapshot_of(report, root)
        digests: dict[str, str] = {}

        def rendered() -> Iterator[tuple[str, Iterable[bytes]]]:  # staged as it is rendered
            for name, content in iter_build_files(snapshot):
                yield name, _hashed(content, name, digests)

        # No stamp until the new outputs are all in place; a switch that fails restores the
        # old outputs, and with them the stamp that describes them. (A killed one leaves
        # none, so the next build does all its work.)
        previous = build_stamp.read_stamp(root)
        write_stamp(root, None)
        try:
            changed = switch_files(root, rendered(), lambda names: _obsolete(root, names))
        except BaseException:
            write_stamp(root, previous)
            raise
        write_stamp(root, build_stamp.render(inputs, root, digests, len(report.records)))
        return report, changed


def _hashed(content: Streamed, name: str, digests: dict[str, str]) -> Iterator[bytes]:
    """The chunks as they come, their sha256 put in ``digests`` once all have passed."""
    digest = hashlib.sha256()
    for chunk in chunks(content):
        digest.update(chunk)
        yield chunk
    digests[name] = digest.hexdigest()


def unchanged_since_last_build(root: Path) -> int | None:
    """The record count of the last build when its inputs, code and outputs are all as
    it left them (``build_stamp.py``), so that building again would change nothing.
    When some file had to be read to know that, the stamp is written again, so the
    next build need not read it."""
    with writing(root):
        inputs = build_stamp.current_inputs(root)
        last = build_stamp.unchanged(build_stamp.read_stamp(root), inputs, root)
        if last is None or _obsolete(root, dict.fromkeys(last.outputs, b"")):
            return None
        if last.read_files:
            write_stamp(root, build_stamp.render(inputs, root, last.outputs, last.records))
        return last.records
