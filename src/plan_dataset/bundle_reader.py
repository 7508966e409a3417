"""Finding the bundle ``load(path)`` reads: in a release zip, an unpacked release
folder or a bundle file. Standard library only (zipfile, hashlib).

A release's ``SHA256SUMS`` is checked when it is there, so a damaged or edited
bundle is refused rather than loaded.
"""

from __future__ import annotations

import hashlib
import os
import zipfile

BUNDLE_NAME = "plan-dataset.json"
CHECKSUMS = "SHA256SUMS"
# No real bundle comes near this; a zip member claiming more is refused unread.
MAX_BUNDLE_BYTES = 512 * 1024 * 1024


class NotARelease(ValueError):
    """The path holds no bundle: the caller says why (``BundleInvalid``)."""


def _check_sum(data: bytes, sums: bytes | None, name: str) -> None:
    if sums is None:
        return
    for line in sums.decode("utf-8", errors="replace").splitlines():
        digest, _, listed = line.partition("  ")
        if listed == name and hashlib.sha256(data).hexdigest() != digest:
            raise NotARelease(f"{name} does not match its checksum in {CHECKSUMS}")


def _from_zip(path: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        # At the root since 0.2.0; inside one top folder in 0.1.0 releases.
        candidates = [n for n in names if n.rsplit("/", 1)[-1] == BUNDLE_NAME and n.count("/") <= 1]
        if not candidates:
            raise NotARelease(f"{path} is a zip without {BUNDLE_NAME}: not a plan-dataset release")
        member = min(candidates, key=lambda n: n.count("/"))
        if archive.getinfo(member).file_size > MAX_BUNDLE_BYTES:
            raise NotARelease(f"{member} in {path} is larger than any bundle")
        data = archive.read(member)
        folder = member[: -len(BUNDLE_NAME)]
        sums = archive.read(folder + CHECKSUMS) if folder + CHECKSUMS in names else None
    _check_sum(data, sums, BUNDLE_NAME)
    return data


def _read(path: str) -> bytes:
    if os.path.getsize(path) > MAX_BUNDLE_BYTES:
        raise NotARelease(f"{path} is larger than any bundle")
    with open(path, "rb") as stream:
        return stream.read()


def release_bundle(path: str | os.PathLike[str]) -> bytes | None:
    """The bundle's bytes from a release zip, a release folder or a bundle file; None for
    a project checkout (a folder with data/), which is loaded from its records instead."""
    where = os.fspath(path)
    if os.path.isdir(where):
        if os.path.isdir(os.path.join(where, "data")):
            return None
        bundle = os.path.join(where, BUNDLE_NAME)
        if not os.path.isfile(bundle):
            raise NotARelease(
                f"{where} holds neither data/ (a checkout) nor {BUNDLE_NAME} (a release)"
            )
        sums = os.path.join(where, CHECKSUMS)
        data = _read(bundle)
        _check_sum(data, _read(sums) if os.path.isfile(sums) else None, BUNDLE_NAME)
        return data
    if not os.path.exists(where):
        raise FileNotFoundError(f"no such file or folder: {where}")
    if zipfile.is_zipfile(where):
        return _from_zip(where)
    return _read(where)
