"""The one test of what a letter may read: a path inside the project folder, links followed."""

from __future__ import annotations

import os
from pathlib import Path


def real_path(path: Path) -> Path | None:
    """`path` with every symbolic link followed; None for a link loop or a path that cannot be followed."""
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):  # RuntimeError: a loop; ValueError: a NUL character
        return None


def inside(root: Path, path: Path) -> bool:
    """Whether `path` lies inside `root` once symbolic links are followed.

    The loader (the manifest and the files it names), the checks (images in
    the letter) and the rendering sandbox all decide with this one function.
    """
    real, real_root = real_path(path), real_path(root)
    return real is not None and real_root is not None and real.is_relative_to(real_root)


def written_inside(root: Path, name: str) -> bool:
    """Whether `name`, as written and before links are followed, stays inside `root`."""
    base = os.path.normpath(root.absolute())
    return Path(os.path.normpath(Path(base) / name)).is_relative_to(base)
