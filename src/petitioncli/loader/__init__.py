"""Reading a letter project into one `Letter`, with every problem found on the way.

The loader reports only what stops a file from being read into the model:
a file missing, unreadable, not UTF-8 or outside the project; YAML or CSV
syntax; and the shape of each record as the `model` package describes it (types,
unknown and required keys, blank required values, choices, dates). What is
wrong with the content of a letter that was read is for `checks`.

Loading never stops at the first problem: whatever can be read is read, so
that `petition check` reports everything in one pass. A problem that leaves a
part unreadable leaves that part empty in the model.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .. import process
from .finding import MANIFEST, find_manifest, manifests_of
from .project import LoadResult, ProjectLoader, recipient_ids, slugify
from .sources import DISK, FileSource

__all__ = [
    "DISK",
    "MANIFEST",
    "FileSource",
    "LoadResult",
    "find_manifest",
    "load",
    "loaded",
    "manifests_of",
    "recipient_ids",
    "slugify",
]


def load(manifest: Path, source: FileSource = DISK) -> LoadResult:
    """The project of `manifest`, its files read from `source` (the disk, or a git commit's tree)."""
    # Loading makes millions of small objects and no reference cycles: the
    # collector is kept from walking them again and again (`process.py`).
    with process.tuned():
        return ProjectLoader(manifest, source).load()


@contextmanager
def loaded(manifest: Path, source: FileSource = DISK) -> Iterator[LoadResult]:
    """The project loaded and kept out of the cyclic collector's walks while the caller works with it.

    Each collection that the caller's own objects set off would walk the
    whole model again (seconds for 100,000 signatories). Let go when the
    block ends, so that a long-running process can still free it.
    """
    with process.tuned():
        result = load(manifest, source)
        process.model_loaded()
        yield result
