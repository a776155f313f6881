"""Finding the minutes files of a batch."""

from __future__ import annotations

from pathlib import Path


def discover(folder: str | Path) -> list[Path]:
    """Every regular file under ``folder`` (recursively, hidden files and folders skipped).

    Files of unknown type are included on purpose: they become ``failures`` rows rather than
    being silently ignored. ``README*`` files are documentation, not minutes.
    """
    root = Path(folder)
    if not root.is_dir():
        raise FileNotFoundError(f"input folder not found: {root}")
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.name.upper().startswith("README"):
            continue
        if path.is_file() or path.is_symlink():
            found.append(path)
    return found


def outside(path: Path, root: Path) -> bool:
    """True when ``path`` (a symlink, say) resolves outside ``root``."""
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return True
    return False
