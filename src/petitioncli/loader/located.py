"""The files a manifest names: where each is, the most it may hold, and the most they may hold together."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from pathlib import Path

from .. import limits, rules
from ..diagnostics import Diagnostics, Pos
from ..rules import Rule
from .sources import DISK, FileSource

_TEXT_LIMIT = (limits.TEXT_FILE_BYTES, "the manifest and the files of the text, footnotes and recipients")
_LIST_LIMIT = (limits.LIST_FILE_BYTES, "a signatories file")


@dataclass(frozen=True, slots=True)
class Located:
    """A project file the manifest names: its path, where it is named, and the name as written."""

    key: str
    path: Path
    named_at: Pos
    name: str
    # A translation's missing file is a missing translation, not unreadable input.
    missing: Rule = rules.FILE_MISSING


def limit_of(key: str) -> tuple[limits.Limit, str]:
    """The most the file of a manifest key may hold (the manifest's own: ""), and what it is, for messages."""
    return _LIST_LIMIT if key == "signatories" else _TEXT_LIMIT


def within_project_limit(
    manifest: Path, named: list[Located | None], diags: Diagnostics, source: FileSource = DISK
) -> bool:
    """Whether the files the manifest names fit the project's limit, each counted as often as named.

    Looked at before any is read: each file alone may be within its limit,
    and a hundred translations naming the same one would still have it read,
    and parsed, a hundred times.
    """
    total = 0
    for path, key in ((manifest, ""), *((file.path, file.key) for file in named if file is not None)):
        with contextlib.suppress(OSError):  # reported when the file is read
            size = source.stat(path).st_size
            # A file over its own limit is reported as such, by name, when it is not read.
            if size <= limit_of(key)[0].value:
                total += size
    most = limits.PROJECT_BYTES
    if total <= most.value:
        return True
    diags.report(
        rules.FILE_TOO_LARGE,
        Pos(manifest),
        f"the files {manifest.name} names come to {limits.beyond(total, most)}, each counted as often as "
        f"it is named; a project may read at most {most.shown}, so none of them is read",
    )
    return False
