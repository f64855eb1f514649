"""The signatories file opened for editing: read as `check` reads it, and refused unless that reading is clean."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import loader, rules
from ..diagnostics import Diagnostics, PetitionError, Refused, display_path
from ..exit_status import ExitStatus
from ..model import Letter, Signatory, SignatoryOrder
from ..output import write_atomic
from ..text import normalise_name

_BOM = b"\xef\xbb\xbf"
_FIRST_BREAK = re.compile("\r\n|\r|\n")


@dataclass(slots=True)
class ListFile:
    path: Path
    # The bytes read, to notice another program changing the file before it is replaced.
    data: bytes
    # The text without its byte-order mark, which is written back when there was one.
    text: str
    bom: bool
    letter: Letter
    sources: Mapping[Path, str]
    # The entries of this file in file order, and the duplicate key of each.
    entries: list[Signatory]
    keys: list[str]
    # No entry yet: an empty file, or one holding only comments.
    empty: bool

    @property
    def is_csv(self) -> bool:
        return self.path.suffix.lower() == ".csv"

    @property
    def alphabetical(self) -> bool:
        return self.letter.manifest.signatories_order is SignatoryOrder.ALPHABETICAL

    @property
    def newline(self) -> str:
        """The file's own line break, taken from its first line; a file of one line gets "\\n"."""
        found = _FIRST_BREAK.search(self.text)
        return found.group() if found else "\n"

    def write(self, text: str) -> None:
        """Replaces the file atomically, unless it changed since it was read."""
        try:
            current = self.path.read_bytes()
        except OSError as exc:
            raise PetitionError(f"cannot read {self.path}: {exc.strerror}; nothing written") from None
        if current != self.data:
            raise PetitionError(
                f"{self.path} changed while petition was working on it; nothing written", ExitStatus.PROBLEMS
            )
        write_atomic(self.path, (_BOM if self.bom else b"") + text.encode("utf-8"))


def open_list(manifest: Path, result: loader.LoadResult) -> ListFile:
    """The project's signatories file as `result` loaded it; refused when any error stops a clean reading.

    An error in the manifest or the list (syntax, an unknown key, a broken
    CSV row) means the positions the loader recorded cannot be trusted to
    guide an insertion; problems elsewhere (the letter, the footnotes) and
    content problems (`check`'s rules) do not stand in the way. An empty list
    is fine: the first entry starts it.
    """
    letter = result.letter
    if isinstance(letter.manifest.signatories, list):
        # Which group, and so which file, a new entry belongs to is not something to guess.
        raise PetitionError(
            f"{display_path(manifest)} sorts its signatories into groups; add and import write into one "
            "list file: add the entry to its group's file",
            exit_code=ExitStatus.UNREADABLE,
        )
    path = letter.root / letter.manifest.signatories
    blocking = Diagnostics(
        d
        for d in result.diagnostics
        if d.is_error
        and d.rule.stage is rules.Stage.READ
        and d.pos.file in (manifest, path)
        and not (d.rule is rules.FILE_EMPTY and d.pos.file == path)
    )
    if blocking:
        name = display_path(path)
        raise Refused(f"{name} cannot be read cleanly; nothing written: fix the problems above first", blocking)
    try:
        data = path.read_bytes()
        text = data.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise PetitionError(f"cannot read {path}: {exc}") from None
    if path in result.sources and result.sources[path] != text:
        raise PetitionError(f"{path} changed while petition was reading it; try again")
    # Paths compared once per file, not once per entry: Path equality is slow at 100,000 entries.
    from_list = {file: file == path for file in {s.pos.file for s in letter.signatories}}
    entries = [s for s in letter.signatories if from_list[s.pos.file]]
    return ListFile(
        path=path,
        data=data,
        text=text,
        bom=data.startswith(_BOM),
        letter=letter,
        sources=result.sources,
        entries=entries,
        keys=[normalise_name(s.name) for s in entries],
        empty=any(d.rule is rules.FILE_EMPTY and d.pos.file == path for d in result.diagnostics),
    )
