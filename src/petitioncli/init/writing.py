"""Writing a new project's files all or nothing, never over a file and never through a link out of the folder."""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from .. import paths
from ..diagnostics import PetitionError
from ..exit_status import ExitStatus
from ..output import write_outputs

# Something in the way is the user's to move, like a failed check.
IN_THE_WAY = ExitStatus.PROBLEMS


def refuse_existing(root: Path, files: list[PurePosixPath]) -> None:
    """Refuses, before anything is written, when any file is in the way or a folder leads out of `root`."""
    if os.path.lexists(root) and not root.is_dir():
        raise PetitionError(f"{root} is a file, not a folder; nothing was written", IN_THE_WAY)
    existing, blocked = [], []
    for relative in files:
        target = root / relative
        for folder in reversed(target.parents[: len(relative.parts) - 1]):
            if not os.path.lexists(folder):
                break  # a folder still to be made holds nothing in the way
            if not folder.is_dir() or not paths.inside(root, folder):
                blocked.append(folder)
                break
        else:
            if os.path.lexists(target):
                existing.append(target)
    if blocked:
        names = ", ".join(str(folder) for folder in dict.fromkeys(blocked))
        raise PetitionError(
            f"{names}: not a folder inside {root} (a file, or a link out of it); nothing was written", IN_THE_WAY
        )
    if existing:
        names = ", ".join(str(path) for path in existing)
        raise PetitionError(f"would overwrite {names}; init never replaces a file, so nothing was written", IN_THE_WAY)


def write_all(root: Path, files: dict[PurePosixPath, bytes]) -> list[Path]:
    """Writes every file, all or none, as a build writes its letters (folders made as needed)."""
    targets = [(root / relative, data) for relative, data in files.items()]
    write_outputs(targets)
    return [path for path, _ in targets]
