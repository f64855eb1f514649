"""Writing outputs so that a failed or interrupted build never leaves a half-written file."""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
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


# A staged file is `.NAME.petition-XXXXXXXX.part` beside the file NAME it will
# replace: hidden, and marked as ours, so that a build never sweeps away
# another program's file.
_PART = re.compile(r"\..+\.petition-[0-9a-f]{8}\.part")
# A staged file is locked from an instant after its creation until it is
# renamed, and the kernel drops the lock when its process dies, however it
# dies. An unlocked one is stale, unless it is younger than this: made that
# instant ago by a build about to lock it.
_STALE_AFTER_SECONDS = 60

# What asks a program to stop: Ctrl-C, a CI job cancelled (or `kill`), a closed terminal.
_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


class Interrupted(KeyboardInterrupt):
    """A stop signal ended the work; a KeyboardInterrupt, so that code catching Ctrl-C catches it.

    WRITTEN tells whether it came while a batch of files was being renamed, and
    so took effect only once every file was written.
    """

    def __init__(self, signum: int, *, written: bool = False):
        self.signum = signum
        self.written = written
        outcome = (
            "every file of this build had been written" if written else "files written before were left as they were"
        )
        super().__init__(f"interrupted by {signal.Signals(signum).name}; {outcome}")

    @property
    def exit_code(self) -> int:
        # What a shell reports for a process a signal ended.
        return 128 + self.signum


@contextlib.contextmanager
def _stop_signals_handled_by(handler: Callable[[int, object], None]) -> Iterator[None]:
    """HANDLER for every stop signal that is not ignored while the block runs; the previous handlers after."""
    if threading.current_thread() is not threading.main_thread():
        # Only the main thread may set handlers, and Python runs them in that thread alone.
        yield
        return
    previous = {}
    for signum in _STOP_SIGNALS:
        current = signal.getsignal(signum)
        # An ignored signal stays ignored (`nohup`, a background job); None is a
        # handler set outside Python, which could not be put back.
        if current is not signal.SIG_IGN and current is not None:
            previous[signum] = signal.signal(signum, handler)
    try:
        yield
    finally:
        for signum, handler_before in previous.items():
            signal.signal(signum, handler_before)


def _raise_interrupted(signum: int, frame: object) -> None:
    raise Interrupted(signum)


def stop_signals_interrupt() -> contextlib.AbstractContextManager[None]:
    """For a program's main work: SIGINT, SIGTERM and SIGHUP raise Interrupted, unless ignored.

    Python turns only SIGINT into an exception; SIGTERM and SIGHUP would end
    the process on the spot, without a word.
    """
    return _stop_signals_handled_by(_raise_interrupted)


class _HeldSignals:
    """The stop-signal handler while a batch is written.

    While files are staged, the first stop signal raises Interrupted, which
    removes them; a signal while they are renamed, or while staged files are
    removed, waits until that is done, so that no signal tears a batch.
    """

    def __init__(self) -> None:
        self.holding = False
        self.held: int | None = None

    def __call__(self, signum: int, frame: object) -> None:
        if self.held is None:
            self.held = signum
        if not self.holding:
            self.holding = True
            raise Interrupted(signum)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


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
            raise _cannot_write(path, _reason(exc)) from None
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
        raise _cannot_write(path, "the letter is read from it")
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
    signals = _HeldSignals()
    with _stop_signals_handled_by(signals):
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
            raise PetitionError(f"cannot create folder {display_path(making)}: {_reason(exc)}") from None
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
            raise _cannot_write(path, _reason(exc)) from None
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
        # permissions of the one it replaces.
        with contextlib.suppress(FileNotFoundError):
            os.fchmod(item.fd, stat.S_IMODE(os.stat(item.final).st_mode))
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
