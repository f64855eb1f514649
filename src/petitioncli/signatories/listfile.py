"""The signatories file opened for editing: read as `check` reads it, and refused unless that reading is clean."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .. import loader, rules
from ..diagnostics import Diagnostics, PetitionError, Refused, display_path
from ..exit_status import ExitStatus
from ..model import Letter, Signatory, SignatoryOrder
from ..output import Interrupted, write_atomic
from ..output.locking import locked
from ..output.signals import hold_until_reported, release_hold
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
        """Replaces the file atomically, unless it changed since it was read.

        Once the new file is in place the command's work is done: a stop
        signal from then on waits until the command has said what it wrote.
        """
        try:
            current = self.path.read_bytes()
        except FileNotFoundError:
            current = b""  # the empty list that was not there: the first entry makes it
        except OSError as exc:
            raise PetitionError(f"cannot read {self.path}: {exc.strerror}; nothing written") from None
        if current != self.data:
            raise PetitionError(
                f"{self.path} changed while petition was working on it; nothing written", ExitStatus.PROBLEMS
            )
        hold_until_reported()
        try:
            write_atomic(self.path, (_BOM if self.bom else b"") + text.encode("utf-8"))
        except Interrupted as exc:
            if not exc.written:
                release_hold()
                raise
            hold_until_reported(exc.signum)
        except BaseException:
            release_hold()
            raise


@contextlib.contextmanager
def editing(
    manifest: Path, waiting: Callable[[Path], None] | None = None, *, holding: str | None = None
) -> Iterator[ListFile]:
    """The list, read with the manifest alone, under the lock every writer of this project's list takes.

    The lock is taken before the list is read and held until its new text is
    renamed into place, so that two writers at once each see the other's
    entries: none is lost. `waiting` is told the list's path when another
    writer keeps it waiting more than a second. In a project whose groups
    have files of their own, the file is the one `holding` a name (withdraw
    and remove say which entry they change; a new entry's group is not guessed).
    """
    told = (lambda: waiting(manifest)) if waiting else None
    with locked(manifest, waiting=told), loader.loaded(manifest, list_only=True) as result:
        yield open_list(manifest, result, _file_holding(result, holding) if holding is not None else None)


def _file_holding(result: loader.LoadResult, name: str) -> Path | None:
    """The one list file of a grouped project whose entries have `name`'s key; None for a single list."""
    letter = result.letter
    if not isinstance(letter.manifest.signatories, list):
        return None
    key = normalise_name(name)
    files = list(dict.fromkeys(s.pos.file for s in letter.signatories if normalise_name(s.name) == key))
    if len(files) > 1:
        shown = "; ".join(f"{file.name}" for file in files)
        raise PetitionError(
            f"'{name}' is in several groups' files ({shown}): change it by hand; nothing written", ExitStatus.PROBLEMS
        )
    if not files:
        raise PetitionError(f"no signatory named '{name}' in the groups' files; nothing written", ExitStatus.PROBLEMS)
    return files[0]


def open_list(manifest: Path, result: loader.LoadResult, path: Path | None = None) -> ListFile:
    """The project's signatories file as `result` loaded it; refused when any error stops a clean reading.

    An error in the manifest or the list (syntax, an unknown key, a broken
    CSV row) means the positions the loader recorded cannot be trusted to
    guide an insertion; problems elsewhere (the letter, the footnotes) and
    content problems (`check`'s rules) do not stand in the way. An empty list
    is fine: the first entry starts it.
    """
    letter = result.letter
    if path is None and isinstance(letter.manifest.signatories, list):
        # Which group, and so which file, a new entry belongs to is not something to guess.
        raise PetitionError(
            f"{display_path(manifest)} sorts its signatories into groups; add and import write into one "
            "list file: add the entry to its group's file",
            exit_code=ExitStatus.UNREADABLE,
        )
    if path is None:
        assert isinstance(letter.manifest.signatories, str)
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
    # The loader read the list (unless it holds only blank lines); whether it starts
    # with a byte-order mark is all that is left to learn.
    try:
        if path in result.sources:
            text = result.sources[path]
            with open(path, "rb") as file:
                bom = file.read(len(_BOM)) == _BOM
            data = (_BOM if bom else b"") + text.encode("utf-8")
        else:
            data = path.read_bytes()
            text, bom = data.decode("utf-8-sig"), data.startswith(_BOM)
    except (OSError, UnicodeDecodeError) as exc:
        raise PetitionError(f"cannot read {path}: {exc}") from None
    # Paths compared once per file, not once per entry: Path equality is slow at 100,000 entries.
    from_list = {file: file == path for file in {s.pos.file for s in letter.signatories}}
    entries = [s for s in letter.signatories if from_list[s.pos.file]]
    return ListFile(
        path=path,
        data=data,
        text=text,
        bom=bom,
        letter=letter,
        sources=result.sources,
        entries=entries,
        keys=[normalise_name(s.name) for s in entries],
        empty=any(d.rule is rules.FILE_EMPTY and d.pos.file == path for d in result.diagnostics),
    )
