"""`petition signatories withdraw|remove`: one entry found by its name, changed or deleted in place.

The entry is found by the duplicate key `check` uses (accents, case and
punctuation aside), so "forum asia" finds "FORUM-ASIA". Only its own text
changes: every other byte of the file stays as it was, and the entries on
either side of the change are read back before the file is replaced, as
`add` does.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..diagnostics import PetitionError
from ..exit_status import ExitStatus
from ..model import Signatory, Status
from ..text import normalise_name
from .listfile import ListFile, editing

Action = Literal["withdrawn", "removed"]
_NOT_IN_A_NOTE = frozenset({"Cc", "Cs", "Zl", "Zp"})
# How many near names an unknown name lists.
_CANDIDATES = 5


@dataclass(slots=True)
class Edited:
    path: Path
    action: Action
    entry: Signatory
    # False when the entry was withdrawn already: nothing to write.
    written: bool


def withdraw(
    manifest: Path, name: str, note: str | None = None, waiting: Callable[[Path], None] | None = None
) -> Edited:
    """Sets the entry's status to withdrawn: kept in the list, no longer printed, not imported again."""
    # A YAML comment holds one line of printable text.
    if note is not None and (not note.strip() or any(unicodedata.category(char) in _NOT_IN_A_NOTE for char in note)):
        raise PetitionError("--note must be one line of text, without control characters", ExitStatus.UNREADABLE)
    with editing(manifest, waiting, holding=name) as listing:
        if note is not None and listing.is_csv:
            raise PetitionError(
                f"{listing.path.name} is a CSV file, which has no place for a note: keep it in your records, "
                "or leave out --note; nothing written",
                ExitStatus.UNREADABLE,
            )
        index = find(listing, name)
        entry = listing.entries[index]
        if entry.status is Status.WITHDRAWN:
            return Edited(listing.path, "withdrawn", entry, written=False)
        from .edit_text import with_status

        listing.write(with_status(listing, index, Status.WITHDRAWN.value, note))
        return Edited(listing.path, "withdrawn", entry, written=True)


def remove(manifest: Path, name: str, waiting: Callable[[Path], None] | None = None) -> Edited:
    """Deletes the entry: for a mistake. A later import adds the name again; `withdraw` is for who withdrew."""
    with editing(manifest, waiting, holding=name) as listing:
        index = find(listing, name)
        from .edit_text import without_entry

        listing.write(without_entry(listing, index))
        return Edited(listing.path, "removed", listing.entries[index], written=True)


def find(listing: ListFile, name: str) -> int:
    """The index of the one entry whose name has the key of `name`; refused when none or several have it."""
    key = normalise_name(name)
    if not key:
        raise PetitionError("--name must hold a name", ExitStatus.UNREADABLE)
    found = [index for index, listed in enumerate(listing.keys) if listed == key]
    if len(found) == 1:
        return found[0]
    if found:
        shown = "; ".join(_shown(listing.entries[index]) for index in found)
        raise PetitionError(
            f"'{name}' is ambiguous: {len(found)} entries have this name ({shown}); "
            "edit the list by hand to change one of them; nothing written",
            ExitStatus.PROBLEMS,
        )
    near = difflib.get_close_matches(key, set(listing.keys), n=_CANDIDATES, cutoff=0.75)
    by_key = {listing.keys[i]: listing.entries[i] for i in range(len(listing.keys)) if listing.keys[i] in near}
    hint = "; did you mean " + "; ".join(_shown(by_key[k]) for k in near) if near else ""
    raise PetitionError(
        f"no signatory named '{name}' in {listing.path.name}{hint}; nothing written", ExitStatus.PROBLEMS
    )


def _shown(entry: Signatory) -> str:
    details = ", ".join(value for value in (entry.affiliation, entry.url, entry.location) if value)
    return f"'{entry.name}'" + (f" ({details})" if details else "") + f" at {entry.pos.file.name}:{entry.pos.line}"
