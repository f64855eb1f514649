"""Writing outputs so that a failed or interrupted build never leaves a half-written file."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import PetitionError, display_path

# Linux gives up on a chain of more symbolic links than this (ELOOP).
_MAX_LINKS = 40

_KINDS = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
}


def _cannot_write(path: Path, reason: str) -> PetitionError:
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
                raise _cannot_write(path, f"it is a symbolic link to {_shown(final)}, which does not exist") from None
            folder = _not_a_folder(path)
            if folder is not None:
                raise _cannot_write(path, f"{display_path(folder)} is not a folder") from None
            return path
        except NotADirectoryError:
            raise _cannot_write(path, f"{display_path(_not_a_folder(final) or final.parent)} is not a folder") from None
        except OSError as exc:
            raise _cannot_write(path, exc.strerror or str(exc)) from None
        if not stat.S_ISLNK(info.st_mode):
            break
        if not _may_follow(final, info):
            raise _cannot_write(
                path, "it is a symbolic link that belongs to another user, in a folder anyone can write to"
            )
        final = final.parent / os.readlink(final)
    else:
        raise _cannot_write(path, "it is a chain of too many symbolic links")
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
        raise _cannot_write(
            path, f"it is {kind}" if final == path else f"it is a symbolic link to {_shown(final)}, which is {kind}"
        )
    if (info.st_dev, info.st_ino) in sources:
        raise _cannot_write(path, "it is a file of the letter project")
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
            raise _cannot_write(path, f"it is the same file as {display_path(claimed[where])}")
        claimed[where] = path
        finals.append(final)
    return finals


@dataclass(slots=True)
class _Staged:
    path: Path  # as the caller named it, for messages
    final: Path  # the file it replaces
    temporary: Path
    fd: int


def write_outputs(files: Sequence[tuple[Path, bytes]], *, sources: Iterable[Path] = ()) -> None:
    """Writes every (path, data) of FILES, all or none.

    Every path is checked first (`check_outputs`); then every file is staged:
    written and synced to a hidden temporary file beside the one it replaces;
    only when all are staged are they renamed over their targets, one quick
    pass. A failure before that pass removes the staged files and leaves every
    earlier file as it was.
    """
    finals = check_outputs([path for path, _ in files], sources=sources)
    staged: list[_Staged] = []
    try:
        for (path, data), final in zip(files, finals, strict=True):
            staged.append(_create_temporary(path, final))
            _write_and_sync(staged[-1], data)
        _rename_all(staged)
    except BaseException:
        for item in staged:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(item.temporary)
        raise
    finally:
        for item in staged:
            os.close(item.fd)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _create_temporary(path: Path, final: Path) -> _Staged:
    folder = final.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PetitionError(f"cannot create folder {display_path(folder)}: {_reason(exc)}") from None
    # Most file systems allow 255 bytes a name: room is kept for what surrounds the target's name.
    name = os.fsencode(final.name)[:200].decode(errors="ignore")
    while True:
        temporary = folder / f".{name}.petition-{secrets.token_hex(4)}.part"
        try:
            # The mode asked for is what the umask makes of 0o666: outputs are meant to be shared.
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o666)
        except FileExistsError:
            continue
        except OSError as exc:
            raise _cannot_write(path, _reason(exc)) from None
        return _Staged(path, final, temporary, fd)


def _write_and_sync(item: _Staged, data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(item.fd, view) :]
        os.fsync(item.fd)
    except OSError as exc:
        raise _cannot_write(item.path, _reason(exc)) from None


def _rename_all(staged: Sequence[_Staged]) -> None:
    """The commit: renames are quick and do not fail for want of space, but they can fail (a disk error)."""
    for done, item in enumerate(staged):
        try:
            os.replace(item.temporary, item.final)
        except OSError as exc:
            replaced = ", ".join(display_path(earlier.path) for earlier in staged[:done])
            already = f"; {replaced} had already been replaced" if replaced else ""
            raise _cannot_write(item.path, _reason(exc) + already) from None
    for folder in dict.fromkeys(item.final.parent for item in staged):
        _sync_folder(folder)


def _sync_folder(folder: Path) -> None:
    """Makes the renames in FOLDER durable; a file system that cannot sync a folder leaves them to chance."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Writes one file as `write_outputs` writes a batch: checked, staged, renamed."""
    write_outputs([(path, data)])
