"""Which manifest a command means: a PROJECT argument, the defaults, or the projects a commit touches."""

from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path

from ..diagnostics import PetitionError, display_path

MANIFEST = "petition.yaml"


def find_manifest(project: Path | None, cwd: Path | None = None) -> Path:
    """The manifest for a PROJECT argument: a folder, the manifest itself, or the defaults."""
    cwd = cwd or Path.cwd()
    if project is not None:
        # `petition check letter/petition.yaml` names the manifest, even when a folder stands in its place.
        candidate = project / MANIFEST if project.is_dir() and project.name != MANIFEST else project
        if _is_manifest_file(candidate):
            _refuse_a_project_file(candidate)
            return candidate
        if project.is_dir():
            raise PetitionError(f"no {MANIFEST} in {project}: not a letter project")
        raise PetitionError(f"no letter project at {project}: no such file or folder")
    for candidate in (cwd / MANIFEST, cwd / "data" / MANIFEST):
        if _is_manifest_file(candidate):
            return candidate.relative_to(cwd)
    raise PetitionError(
        f"no letter project found: looked for ./{MANIFEST} and ./data/{MANIFEST}; "
        "name a project folder, e.g. `petition check path/to/letter`"
    )


def _is_manifest_file(path: Path) -> bool:
    """Whether `path` is a file to read as a manifest; a folder, FIFO or broken link there is an error, not absent."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if path.is_symlink():
            raise PetitionError(f"{display_path(path)} is a symbolic link to nothing: {os.readlink(path)}") from None
        return False
    except OSError as exc:
        raise PetitionError(f"cannot read {display_path(path)}: {exc.strerror}") from None
    if stat.S_ISDIR(mode):
        raise PetitionError(f"{display_path(path)} is a folder, not a file")
    if not stat.S_ISREG(mode):
        # Reading a FIFO or a device would wait for ever, or never end.
        raise PetitionError(f"{display_path(path)} is not a regular file")
    return True


def _refuse_a_project_file(path: Path) -> None:
    """`petition check letter.md`: a file of the project, or no YAML at all, is not its manifest."""
    sibling = path.parent / MANIFEST
    if path.name == MANIFEST or (path.suffix.lower() in (".yaml", ".yml") and not sibling.is_file()):
        return
    if sibling.is_file():
        hint = f"name its project folder instead: {shlex.quote(display_path(path.parent))}"
    else:
        hint = "name a project folder, or the petition.yaml that describes the letter"
    raise PetitionError(f"{display_path(path)} is not a {MANIFEST}; {hint}")


def manifests_of(files: list[Path], top: Path) -> list[Path]:
    """The manifests of the projects the files belong to: each file's nearest folder, up to `top`, with one.

    A file in no project (a README beside the letters) belongs to none.
    """
    top = top.absolute()
    found: dict[Path, None] = {}
    for file in files:
        file = top / file
        for folder in (file.parent, *file.parent.parents):
            if (folder / MANIFEST).is_file():
                found[folder / MANIFEST] = None
                break
            if folder == top:
                break
    return list(found)
