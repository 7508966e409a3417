"""Driving the built site in headless Chromium (Debian's package), for tests and screenshots."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """The system Chromium: Playwright's own browser download is not used."""
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (found := shutil.which(candidate)):
            return found
    return None


def axe_path(root: Path) -> Path | None:
    """axe-core's browser build, from the npm registry (installed by .ci/run)."""
    candidates = [os.environ.get("AXE_CORE_JS"), root / ".ci-node/node_modules/axe-core/axe.min.js"]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


def write_site(files: dict[str, bytes], out: Path) -> Path:
    for name, content in files.items():
        target = out / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    return out
