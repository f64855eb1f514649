"""What an output may replace: a regular file, or nothing; never a device, a folder or a letter's own source."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterable, Sequence
from pathlib import Path

from ..diagnostics import PetitionError, display_path

# Linux gives up on a chain of more symbolic links than this (ELOOP).
_MAX_LINKS = 40

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
}


def reason_of(exc: OSError) -> str:
    return exc.strerror or str(exc)


def cannot_write(path: Path, reason: str) -> PetitionError:
    return PetitionError(f"cannot write {display_path(path)}: {reason}")


def _shown(path: Path) -> str:
    return display_path(Path(os.path.normpath(path)))


def _may_follow(link: Path, info: os.stat_result) -> bool:
    """The kernel's protected_symlinks rule, which reading a link by hand would bypass.

    In a sticky folder anyone may write to (/tmp), a link is followed only when
    it belongs to us or to the folder's owner: otherwise another user could
    plant `letter.pdf -> ~/.bashrc` and have the build replace that file.
    """
    folder = os.stat(link.parent)
    shared = stat.S_ISVTX | stat.S_IWOTH
    return folder.st_mode & shared != shared or info.st_uid in (os.geteuid(), folder.st_uid)


def _not_a_folder(path: Path) -> Path | None:
    """The ancestor of PATH that exists but is not a folder, if there is one."""
    for ancestor in reversed(path.parents):
        try:
            if not stat.S_ISDIR(os.stat(ancestor).st_mode):
                return ancestor
        except FileNotFoundError:
            return None
    return None


def _file_to_replace(path: Path, sources: set[tuple[int, int]]) -> Path:
    """The regular file (existing or not) that writing PATH replaces, or a PetitionError saying why not.

    A symbolic link is followed to the file it leads to, which is replaced
    beside itself so that the link keeps working; what is not a regular file
    (a device such as /dev/null, a pipe, a socket, a folder) is never replaced.
    """
    final = path
    for _ in range(_MAX_LINKS):
        try:
            info = os.lstat(final)
        except FileNotFoundError:
            if final != path:
                raise cannot_write(path, f"it is a symbolic link to {_shown(final)}, which does not exist") from None
            folder = _not_a_folder(path)
            if folder is not None:
                raise cannot_write(path, f"{display_path(folder)} is not a folder") from None
            return path
        except NotADirectoryError:
            raise cannot_write(path, f"{display_path(_not_a_folder(final) or final.parent)} is not a folder") from None
        except OSError as exc:
            raise cannot_write(path, reason_of(exc)) from None
        if not stat.S_ISLNK(info.st_mode):
            break
        if not _may_follow(final, info):
            raise cannot_write(
                path, "it is a symbolic link that belongs to another user, in a folder anyone can write to"
            )
        final = final.parent / os.readlink(final)
    else:
        raise cannot_write(path, "it is a chain of too many symbolic links")
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise cannot_write(
            path, f"it is {kind}" if final == path else f"it is a symbolic link to {_shown(final)}, which is {kind}"
        )
    if (info.st_dev, info.st_ino) in sources:
        raise cannot_write(path, "the letter is read from it")
    return final


def check_outputs(paths: Sequence[Path], *, sources: Iterable[Path] = ()) -> list[Path]:
    """The file each of PATHS replaces; a PetitionError when any of them may not be written.

    SOURCES are the files the outputs were made from: never replaced.
    """
    protected = set()
    for source in sources:
        with contextlib.suppress(OSError):
            info = os.stat(source)
            protected.add((info.st_dev, info.st_ino))
    finals: list[Path] = []
    claimed: dict[str, Path] = {}
    for path in paths:
        final = _file_to_replace(path, protected)
        # Through links, two outputs can be one file: the second would silently replace the first.
        where = os.path.realpath(final)
        if where in claimed:
            raise cannot_write(path, f"it is the same file as {display_path(claimed[where])}")
        claimed[where] = path
        finals.append(final)
    return finals
