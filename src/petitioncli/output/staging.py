"""Writing a batch of files all or none: every file staged beside its target, then all renamed in one pass."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import stat
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import PetitionError, display_path
from .signals import HeldSignals, Interrupted, stop_signals_handled_by
from .targets import cannot_write, check_outputs, reason_of

# A staged file is `.NAME.petition-XXXXXXXX.part` beside the file NAME it will
# replace: hidden, and marked as ours, so that a build never sweeps away
# another program's file.
_PART = re.compile(r"\..+\.petition-[0-9a-f]{8}\.part")
# A staged file is locked from an instant after its creation until it is
# renamed, and the kernel drops the lock when its process dies, however it
# dies. An unlocked one is stale, unless it is younger than this: made that
# instant ago by a build about to lock it.
_STALE_AFTER_SECONDS = 60


@dataclass(slots=True)
class _Staged:
    path: Path  # as the caller named it, for messages
    final: Path  # the file it replaces
    temporary: Path
    fd: int


def write_outputs(files: Sequence[tuple[Path, bytes]], *, sources: Iterable[Path] = ()) -> None:
    """Writes every (path, data) of FILES, all or none.

    Every path is checked first (`check_outputs`), and missing folders are
    made; then every file is staged: written and synced to a hidden temporary
    file beside the one it replaces. Only when all are staged are they renamed
    over their targets, in one quick pass. A failure or a stop signal before
    that pass removes the staged files and the folders made for them, and
    leaves every earlier file as it was; the signal then raises Interrupted. A
    stop signal during the pass is held until the pass is over, then raises
    Interrupted with `written` set. The previous signal handlers are back when
    this returns.
    """
    finals = check_outputs([path for path, _ in files], sources=sources)
    for folder in dict.fromkeys(final.parent for final in finals):
        _sweep_stale_parts(folder)
    signals = HeldSignals()
    with stop_signals_handled_by(signals):
        created: list[Path] = []
        staged: list[_Staged] = []
        try:
            for folder in dict.fromkeys(final.parent for final in finals):
                _make_folders(folder, created)
            for (path, data), final in zip(files, finals, strict=True):
                staged.append(_create_temporary(path, final))
                _write_and_sync(staged[-1], data)
            signals.holding = True
            _rename_all(staged)
        except BaseException:
            signals.holding = True
            for item in staged:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(item.temporary)
            for folder in reversed(created):
                # Not empty: another build writes there too, and keeps it.
                with contextlib.suppress(OSError):
                    os.rmdir(folder)
            raise
        finally:
            for item in staged:
                os.close(item.fd)
    if signals.held is not None:
        raise Interrupted(signals.held, written=True)


def _make_folders(folder: Path, created: list[Path]) -> None:
    """Makes FOLDER and its missing parents, adding to CREATED those this build made."""
    missing = []
    for ancestor in [folder, *folder.parents]:
        if ancestor.exists():
            break
        missing.append(ancestor)
    for making in reversed(missing):
        try:
            os.mkdir(making)
        except FileExistsError:
            continue  # made by a build running beside this one: not this build's to remove
        except OSError as exc:
            raise PetitionError(f"cannot create folder {display_path(making)}: {reason_of(exc)}") from None
        created.append(making)


def _create_temporary(path: Path, final: Path) -> _Staged:
    folder = final.parent
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
            raise cannot_write(path, reason_of(exc)) from None
        # Where locks are not supported, the age alone protects the file, for a minute.
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return _Staged(path, final, temporary, fd)


def _sweep_stale_parts(folder: Path) -> None:
    """Removes the staged files that builds killed outright (SIGKILL, a power cut) left in FOLDER.

    Only files named as ours, old enough, and that no living process holds a
    lock on: a build writing into the same folder at the same time keeps its
    files. Whatever stands in the way is left alone: sweeping must never fail
    a build.
    """
    try:
        names = [name for name in os.listdir(folder) if _PART.fullmatch(name)]
    except OSError:
        return
    for name in names:
        path = folder / name
        with contextlib.suppress(OSError):
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode) or time.time() - info.st_mtime < _STALE_AFTER_SECONDS:
                continue
            fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # BlockingIOError: its build is alive
                os.unlink(path)
            finally:
                os.close(fd)


def _write_and_sync(item: _Staged, data: bytes) -> None:
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(item.fd, view) :]
        # A letter someone made private stays private: the new file takes the
        # permissions of the one it replaces (Windows has no fchmod before Python 3.13).
        if hasattr(os, "fchmod"):
            with contextlib.suppress(FileNotFoundError):
                os.fchmod(item.fd, stat.S_IMODE(os.stat(item.final).st_mode))
        os.fsync(item.fd)
    except OSError as exc:
        raise cannot_write(item.path, reason_of(exc)) from None


def _rename_all(staged: Sequence[_Staged]) -> None:
    """The commit: renames are quick and do not fail for want of space, but they can fail (a disk error)."""
    for done, item in enumerate(staged):
        try:
            os.replace(item.temporary, item.final)
        except OSError as exc:
            replaced = ", ".join(display_path(earlier.path) for earlier in staged[:done])
            already = f"; {replaced} had already been replaced" if replaced else ""
            raise cannot_write(item.path, reason_of(exc) + already) from None
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
