"""Where the loader's files come from: the disk, or another place that answers the same few questions.

The loader asks what a path is (`stat`), where it really is once symbolic
links are followed (`real_path`), whether it lies inside the project, and
for its bytes; nothing else. The disk answers with the operating system's
calls and `paths`, the one test of what a letter may read; a git commit
(`git_tree.GitTree`) answers from its tree, so that `petition diff` reads
an earlier edition with the same limits and the same sandbox.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from .. import paths


class FileSource(Protocol):
    def stat(self, path: Path) -> os.stat_result:
        """What `path` is (`st_mode`) and its size, links followed; OSError (FileNotFoundError…) as os.stat."""

    def lexists(self, path: Path) -> bool:
        """Whether anything, even a link to nothing, is at `path`."""

    def real_path(self, path: Path) -> Path | None:
        """`path` with every symbolic link followed; None for a loop or a path that cannot be followed."""

    def inside(self, root: Path, path: Path) -> bool:
        """Whether `path` lies inside `root` once links are followed."""

    def read_bytes(self, path: Path) -> bytes:
        """The file's bytes; OSError when it cannot be read."""


class Disk:
    """The files as they are on disk now."""

    def stat(self, path: Path) -> os.stat_result:
        return os.stat(path)

    def lexists(self, path: Path) -> bool:
        return os.path.lexists(path)

    def real_path(self, path: Path) -> Path | None:
        return paths.real_path(path)

    def inside(self, root: Path, path: Path) -> bool:
        return paths.inside(root, path)

    def read_bytes(self, path: Path) -> bytes:
        return path.read_bytes()


DISK: FileSource = Disk()
