"""A project folder as a git commit holds it, read with git's plumbing and never checked out.

`git ls-tree` lists the folder once (modes, sizes, object ids); a file's
bytes come from `git cat-file`. Nothing touches the work tree, the index or
the user's worktrees, and no lock is taken (`GIT_OPTIONAL_LOCKS=0`).
Symbolic links are blobs holding their target, followed here as the
operating system would follow them on a checkout; a path that leaves the
project folder, by `..` or through a link, is outside it, whatever the
commit holds there: the sandbox holds for commits as it does on disk.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import PetitionError

# As many links as Linux follows in one path before it reports a loop.
_MOST_LINKS = 40
# PATH_MAX on Linux: no longer link can be followed on disk either.
_LONGEST_LINK = 4096
_LINK, _FOLDER, _SUBMODULE = 0o120000, 0o040000, 0o160000


def git(repository: Path, *arguments: str) -> bytes:
    """git's output for `arguments`, run in `repository`; its first line of complaint as a PetitionError."""
    environment = {**os.environ, "GIT_OPTIONAL_LOCKS": "0", "GIT_TERMINAL_PROMPT": "0"}
    try:
        done = subprocess.run(
            ["git", "-C", str(repository), *arguments], capture_output=True, env=environment, check=False
        )
    except FileNotFoundError:
        raise PetitionError("git is not installed, or not on PATH; it is needed to read a revision") from None
    if done.returncode != 0:
        complaint = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise PetitionError(f"git {arguments[0]} failed: {complaint[-1] if complaint else done.returncode}")
    return done.stdout


@dataclass(frozen=True, slots=True)
class _Entry:
    mode: int
    object_id: str
    size: int


class GitTree:
    """The files of one folder of a commit, answering the loader as the disk would.

    `root` is the path the loader knows the project folder by; every path it
    asks about is `root` joined with a name the manifest gives. `folder` is
    the project folder within the repository (`""` for its top), `commit`
    an object name git has verified.
    """

    def __init__(self, repository: Path, commit: str, folder: str, root: Path):
        self.repository = repository
        self.commit = commit
        self.root = root
        tree = f"{commit}:{folder}" if folder else commit
        listing = git(repository, "ls-tree", "-r", "-t", "-z", "-l", "--end-of-options", tree)
        self._entries: dict[str, _Entry] = {}
        for line in listing.split(b"\0"):
            if not line:
                continue
            about, _, name = line.partition(b"\t")
            mode, _kind, object_id, size = about.split()
            shown = os.fsdecode(name)
            self._entries[shown] = _Entry(int(mode, 8), object_id.decode(), int(size) if size != b"-" else 0)

    def _resolve(self, path: Path, follow_last: bool = True) -> tuple[str, list[str]]:
        """("inside", parts within the folder), ("outside", []) or ("loop", []), links followed as a checkout would."""
        try:
            queue = deque(path.relative_to(self.root).parts)
        except ValueError:
            return "outside", []  # an absolute name, or a path beside the project
        resolved: list[str] = []
        links = 0
        while queue:
            part = queue.popleft()
            if part in ("", "."):
                continue
            if part == "..":
                if not resolved:
                    return "outside", []
                resolved.pop()
                continue
            resolved.append(part)
            entry = self._entries.get("/".join(resolved))
            if entry is None or entry.mode != _LINK or (not queue and not follow_last):
                continue
            links += 1
            # A link's target is a path; a commit can hold any blob as one, so a long one is not read.
            if links > _MOST_LINKS or entry.size > _LONGEST_LINK:
                return "loop", []
            target = os.fsdecode(self._blob(entry.object_id))
            if target.startswith("/"):
                return "outside", []
            resolved.pop()
            queue.extendleft(reversed(target.split("/")))
        return "inside", resolved

    def _entry(self, path: Path, follow_last: bool = True) -> _Entry | None:
        where, parts = self._resolve(path, follow_last)
        if where == "loop":
            raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path))
        if where == "outside":
            return None
        if not parts:
            return _Entry(_FOLDER, "", 0)
        return self._entries.get("/".join(parts))

    def stat(self, path: Path) -> os.stat_result:
        entry = self._entry(path)
        if entry is None:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        # A submodule is a folder this commit does not hold the files of.
        kind = stat.S_IFDIR if entry.mode in (_FOLDER, _SUBMODULE) else stat.S_IFREG
        return os.stat_result((kind | 0o644, 0, 0, 1, 0, 0, entry.size, 0, 0, 0))

    def lexists(self, path: Path) -> bool:
        try:
            return self._entry(path, follow_last=False) is not None
        except OSError:
            return True  # a link, though one that loops

    def real_path(self, path: Path) -> Path | None:
        where, parts = self._resolve(path)
        if where == "loop":
            return None
        # Outside: only ever compared with the root, never read.
        return self.root.joinpath(*parts) if where == "inside" else Path(os.path.normpath(path))

    def inside(self, root: Path, path: Path) -> bool:
        return root == self.root and self._resolve(path)[0] == "inside"

    def read_bytes(self, path: Path) -> bytes:
        entry = self._entry(path)
        if entry is None:
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        if entry.mode in (_FOLDER, _SUBMODULE):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
        return self._blob(entry.object_id)

    def _blob(self, object_id: str) -> bytes:
        return git(self.repository, "cat-file", "blob", object_id)
