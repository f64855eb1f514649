"""`petition preview`: the letter as a web page on this machine, rebuilt whenever a file of the project is saved.

`session` rebuilds and keeps the last good letter, `server` serves it with
the preview's own page around it (`page`), and `serve` watches the project's
files with watchfiles, which waits on the operating system's notifications.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ..output.signals import Interrupted, stop_signals_handled_by
from .server import PreviewServer
from .session import PreviewOptions, PreviewSession, Problem, Snapshot, refuse_many

__all__ = ["PreviewOptions", "PreviewSession", "Problem", "Snapshot", "serve"]

# How long the watch waits before yielding an empty batch.
_WATCH_TIMEOUT_MS = 300
# Kinds of file a project names: a new one may be about to be named, or be one that was missing.
_PROJECT_SUFFIXES = frozenset(
    {".yaml", ".yml", ".md", ".csv", ".tsv", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"}
)


def serve(
    manifest: Path,
    options: PreviewOptions,
    *,
    host: str,
    port: int,
    ready: Callable[[str], None],
    rebuilt: Callable[[Snapshot], None],
    stop: threading.Event | None = None,
) -> None:
    """Builds the letter, serves it, and rebuilds it on every change until interrupted or `stop` is set.

    `rebuilt` is told each snapshot, the first included; `ready` the page's
    address, once the files are being watched, so that no save after it is missed.
    """
    import watchfiles

    refuse_many(options)
    manifest = manifest.resolve()
    session = PreviewSession(manifest, options)
    # Listening first: a port in use is said before the letter is built.
    server = PreviewServer(session, manifest.parent.name, host, port)
    thread = threading.Thread(target=server.serve_forever, name="preview-server", daemon=True)
    thread.start()
    try:
        started = time.time_ns()
        rebuilt(session.rebuild())
        wanted = _ProjectFiles(session, options.output_dir.resolve())
        watching = watchfiles.watch(
            manifest.parent,
            watch_filter=wanted,
            stop_event=stop,
            # Changes a few milliseconds apart (an editor's write and rename) make one rebuild.
            step=50,
            # An empty batch now and then tells that the watch has begun.
            yield_on_timeout=True,
            rust_timeout=_WATCH_TIMEOUT_MS,
        )
        announced = False
        with _stop_signals_told() as told:
            try:
                for changes in watching:
                    if not announced:
                        announced = True
                        ready(server.url)
                        # A save while the first letter was built and the watch set up.
                        if changes or _changed_since(session.snapshot.named, started):
                            rebuilt(session.rebuild())
                    elif changes:
                        rebuilt(session.rebuild())
            except KeyboardInterrupt:
                # watchfiles says any signal as KeyboardInterrupt: the status says which (SIGTERM: 143).
                if told:
                    raise Interrupted(told[0]) from None
                raise
    finally:
        server.close()


@contextlib.contextmanager
def _stop_signals_told() -> Iterator[list[int]]:
    """Each stop signal raises Interrupted, as for every command, and is written down first."""
    told: list[int] = []

    def stop(signum: int, frame: object) -> None:
        told.append(signum)
        raise Interrupted(signum)

    with stop_signals_handled_by(stop):
        yield told


def _changed_since(paths: frozenset[Path], moment_ns: int) -> bool:
    for path in paths:
        with contextlib.suppress(OSError):
            if path.stat().st_mtime_ns >= moment_ns:
                return True
    return False


class _ProjectFiles:
    """watchfiles' filter: the files the project names, and files of their kinds outside the output folder.

    Editors' swap and backup files, and version control's folders, are left
    out by watchfiles' own default filter first.
    """

    def __init__(self, session: PreviewSession, output_dir: Path):
        from watchfiles import DefaultFilter

        self.session = session
        self.output_dir = output_dir
        self.default = DefaultFilter()

    def __call__(self, change: object, path: str) -> bool:
        if not self.default(change, path):  # type: ignore[arg-type]
            return False
        changed = Path(path)
        if changed in self.session.snapshot.named:
            return True
        if changed.is_relative_to(self.output_dir):
            return False
        return changed.suffix.lower() in _PROJECT_SUFFIXES
