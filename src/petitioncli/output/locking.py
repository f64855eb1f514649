"""One lock helper for every file that two petition processes might write at once, on every platform.

`filelock` locks with `flock` on POSIX and `msvcrt` on Windows, and falls
back to a marker file where neither works. The lock files live in a folder
of the user's own under the system's temporary folder, named by a hash of the
locked file's real path: a project kept in git gains no stray file, and two
names for one file (a symbolic link, `./`) share one lock.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from ..diagnostics import PetitionError

# A writer that waits longer than this says why it is silent.
WAIT_BEFORE_SAYING_SECONDS = 1.0


def lock_path(target: Path) -> Path:
    """The lock file that stands for `target`, in a folder only this user can write."""
    user = str(os.getuid()) if hasattr(os, "getuid") else ""
    folder = Path(tempfile.gettempdir()) / f"petitioncli-locks-{user}".rstrip("-")
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        if hasattr(os, "getuid") and folder.lstat().st_uid != os.getuid():
            # Another user's folder could hand this one's lock to whoever made it.
            raise PetitionError(f"cannot lock {target}: {folder} belongs to another user; remove it")
    except OSError as exc:
        raise PetitionError(f"cannot lock {target}: cannot create {folder}: {exc.strerror}") from None
    digest = hashlib.sha256(os.fsencode(os.path.realpath(target))).hexdigest()[:32]
    return folder / f"{digest}.lock"


@contextlib.contextmanager
def locked(target: Path, *, waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Holds the lock on `target` while the block runs; `waiting` is called once if another holds it a while.

    The wait has no end: the other writer ends, or a stop signal ends this one.
    """
    from filelock import FileLock, Timeout

    lock = FileLock(lock_path(target))
    try:
        lock.acquire(timeout=WAIT_BEFORE_SAYING_SECONDS if waiting else -1)
    except Timeout:
        if waiting is not None:
            waiting()
        lock.acquire()
    except OSError as exc:
        raise PetitionError(f"cannot lock {target}: {exc.strerror}") from None
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def locked_while_alive(target: Path) -> Iterator[None]:
    """Holds a lock that says `target` (a staged file) belongs to a living process; its lock file goes after."""
    lock_file = lock_path(target)
    with locked(target):
        yield
    # Nobody waits on this lock: a sweeper only tries it once, and a file it then finds gone it leaves alone.
    with contextlib.suppress(OSError):
        os.unlink(lock_file)


def held_by_another(target: Path) -> bool:
    """Whether a living process holds `target`'s lock (as `locked_while_alive` does); if not, its lock file goes."""
    from filelock import FileLock, Timeout

    lock_file = lock_path(target)
    lock = FileLock(lock_file)
    try:
        lock.acquire(timeout=0)
    except Timeout:
        return True
    try:
        with contextlib.suppress(OSError):
            os.unlink(lock_file)
    finally:
        lock.release()
    return False
