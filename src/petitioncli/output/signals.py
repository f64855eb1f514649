"""Stop signals (SIGINT, SIGTERM, SIGHUP) as exceptions, and held back while a batch of files is renamed."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator

from ..exit_status import ExitStatus

# What asks a program to stop: Ctrl-C, a CI job cancelled (or `kill`), a closed terminal.
# Windows has no SIGHUP: each is taken where the platform has it.
_STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK") if hasattr(signal, name)
)


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
    def exit_code(self) -> ExitStatus:
        return ExitStatus.of_signal(self.signum)


@contextlib.contextmanager
def stop_signals_handled_by(handler: Callable[[int, object], None]) -> Iterator[None]:
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
    return stop_signals_handled_by(_raise_interrupted)


class HeldSignals:
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
