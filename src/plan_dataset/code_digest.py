"""What the running code is: a digest of the package's files and of the versions of Python
and of the libraries that read, check and write.

Two stores keep work from one run for the next, and each must start again when the code
that did it changes: the build stamp (``publish/build_stamp.py``) and the validation
cache (``validation/cache.py``). They share this one definition of "the code".
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from plan_dataset._version import __version__
from plan_dataset.read.bounded import read_regular

PACKAGE = Path(__file__).resolve().parent
LIBRARIES = ("pydantic", "pydantic-core", "pyyaml", "jsonschema")
# Written by the build from the models, which are hashed themselves: hashing these too
# would make a build's own output change the code it ran as.
GENERATED = frozenset({"records/classes.py", "flat/columns.py"})
_MAX_FILE = 1 << 30


def versions() -> list[str]:
    """The package's, Python's and the libraries' versions, libyaml's included (its
    messages and marks differ between releases: the fresh-machine lesson)."""
    from importlib import metadata

    import yaml

    found = [__version__, sys.version]
    for library in LIBRARIES:
        try:
            found.append(f"{library}={metadata.version(library)}")
        except metadata.PackageNotFoundError:
            found.append(f"{library}=none")
    libyaml = getattr(yaml, "_yaml", None)
    found.append(f"libyaml={getattr(libyaml, 'get_version_string', lambda: 'none')()}")
    return found


def code_digest(package: Path | None = None) -> str:
    """sha256 of the versions and of every file of the package, the generated modules and
    the shipped data (an output, not code) aside."""
    root = PACKAGE if package is None else package
    digest = hashlib.sha256("\0".join(versions()).encode())
    names = sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.relative_to(root).as_posix() not in GENERATED
        and path.parent.name != "data"
    )
    for name in names:
        content = read_regular(root / name, _MAX_FILE)
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()
