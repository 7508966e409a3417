"""Finding the bundle ``load(path)`` reads: in a release zip, an unpacked release
folder or a bundle file. Standard library only (zipfile, hashlib).

A release's ``SHA256SUMS`` is checked when it is there, so a damaged or edited
bundle is refused rather than loaded.
"""

from __future__ import annotations

import hashlib
import os
import zipfile
import zlib

from plan_dataset.bundle import NAME as BUNDLE_NAME
from plan_dataset.read.bounded import NotRegular, TooLarge, read_regular, regular_size

CHECKSUMS = "SHA256SUMS"
# No real bundle comes near these; a zip or member beyond them is refused unread.
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_CHECKSUMS_BYTES = 1024 * 1024
MAX_MEMBERS = 1000
MAX_TOTAL_BYTES = 2 * MAX_BUNDLE_BYTES  # the sizes all members claim, together
MAX_RATIO = 100  # uncompressed / compressed; JSON deflates about 5 to 1, a bomb 1000 to 1
# What a damaged or hostile zip raises inside zipfile and zlib: each becomes NotARelease.
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    RuntimeError,  # encrypted members
    NotImplementedError,  # unknown compression methods
    ValueError,
    OSError,
    UnicodeDecodeError,
)


class NotARelease(ValueError):
    """The path holds no bundle: the caller says why (``BundleInvalid``)."""


def _check_sum(data: bytes, sums: bytes | None, name: str) -> None:
    if sums is None:
        return
    for line in sums.decode("utf-8", errors="replace").splitlines():
        digest, _, listed = line.partition("  ")
        if listed == name and hashlib.sha256(data).hexdigest() != digest:
            raise NotARelease(f"{name} does not match its checksum in {CHECKSUMS}")


def _check_members(path: str, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose directory alone shows it is not a release: too many members,
    one name twice (a reader would pick one copy), or sizes and ratios of a zip bomb."""
    if len(infos) > MAX_MEMBERS:
        raise NotARelease(f"{path}: {len(infos)} members; a release has far fewer")
    seen: set[str] = set()
    total = 0
    for info in infos:
        if info.filename in seen:
            raise NotARelease(f"{path}: member {info.filename!r} appears twice")
        seen.add(info.filename)
        total += info.file_size
        if info.file_size > MAX_RATIO * max(info.compress_size, 1) and info.file_size > 1 << 20:
            raise NotARelease(
                f"{path}: member {info.filename!r} claims {info.file_size} bytes from "
                f"{info.compress_size}: a zip bomb, not a release"
            )
    if total > MAX_TOTAL_BYTES:
        raise NotARelease(f"{path}: members claim {total} bytes; larger than any release")


def _member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """A member's bytes, read in chunks and never past ``limit``, whatever it claims."""
    info = archive.getinfo(name)
    if info.file_size > limit:
        raise NotARelease(f"member {name!r} is larger than any {name.rsplit('/', 1)[-1]}")
    chunks, left = [], limit + 1
    with archive.open(info) as stream:
        while left > 0 and (chunk := stream.read(min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
    data = b"".join(chunks)
    if len(data) > limit:
        raise NotARelease(f"member {name!r} is larger than any {name.rsplit('/', 1)[-1]}")
    return data


def _from_zip(path: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_members(path, infos)
            names = [info.filename for info in infos]
            # At the root since 0.2.0; inside one top folder in 0.1.0 releases.
            candidates = [
                n for n in names if n.rsplit("/", 1)[-1] == BUNDLE_NAME and n.count("/") <= 1
            ]
            if not candidates:
                raise NotARelease(
                    f"{path} is a zip without {BUNDLE_NAME}: not a plan-dataset release"
                )
            member = min(candidates, key=lambda n: n.count("/"))
            data = _member(archive, member, MAX_BUNDLE_BYTES)
            folder = member[: -len(BUNDLE_NAME)]
            sums = (
                _member(archive, folder + CHECKSUMS, MAX_CHECKSUMS_BYTES)
                if folder + CHECKSUMS in names
                else None
            )
    except NotARelease:
        raise
    except _ZIP_ERRORS as error:
        raise NotARelease(f"{path}: a damaged zip ({type(error).__name__}: {error})") from None
    _check_sum(data, sums, BUNDLE_NAME)
    return data


def _read(path: str, limit: int = MAX_BUNDLE_BYTES) -> bytes:
    try:
        return read_regular(path, limit)
    except (NotRegular, TooLarge) as error:
        raise NotARelease(f"{path}: {error}") from None


def release_bundle(path: str | os.PathLike[str]) -> bytes | None:
    """The bundle's bytes from a release zip, a release folder or a bundle file; None for
    a project checkout (a folder with data/), which is loaded from its records instead."""
    # The path the caller names may be a link (latest.zip -> plan-dataset-0.2.0.zip);
    # what lies inside a release folder is opened without following any.
    where = os.path.realpath(os.fspath(path))
    if os.path.isdir(where):
        if os.path.isdir(os.path.join(where, "data")):
            return None
        bundle = os.path.join(where, BUNDLE_NAME)
        if not os.path.lexists(bundle):
            raise NotARelease(
                f"{where} holds neither data/ (a checkout) nor {BUNDLE_NAME} (a release)"
            )
        sums = os.path.join(where, CHECKSUMS)
        data = _read(bundle)
        _check_sum(
            data, _read(sums, MAX_CHECKSUMS_BYTES) if os.path.lexists(sums) else None, BUNDLE_NAME
        )
        return data
    if not os.path.lexists(where):
        raise FileNotFoundError(f"no such file or folder: {where}")
    try:
        regular_size(where)  # never a FIFO or /dev/zero, which would hang or fill memory
    except NotRegular as error:
        raise NotARelease(f"{where}: {error}") from None
    if zipfile.is_zipfile(where):
        return _from_zip(where)
    return _read(where)
