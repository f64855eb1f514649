"""`petition signatories add`: one entry, judged by `check`'s rules, inserted without touching the rest of the list."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..countries import languages_of
from ..diagnostics import Diagnostics, Pos
from .entry import clean, new_entry
from .insert import insert, line_of
from .listfile import editing
from .vetting import vet


@dataclass(slots=True)
class Added:
    # The new entry's problems: an error refuses it, a warning does not.
    diagnostics: Diagnostics
    path: Path
    # The values as written (cleaned: spaces, NFC, a URL's scheme, a country's code).
    values: dict[str, str]
    # The line the entry now starts on; None when nothing was written.
    line: int | None = None


def option(field: str) -> str:
    """The command-line option that gives a field, where problems with its value are reported."""
    return "--" + field.replace("_", "-")


def add(manifest: Path, given: dict[str, str], waiting: Callable[[Path], None] | None = None) -> Added:
    """Adds one signatory to the project's list, at the end or at its alphabetical place.

    Refused, with nothing written, when the list cannot be read cleanly
    (`Refused`, with the problems), when the file has no column for a value (CSV), or
    when `check` would report an error for the new entry, such as a duplicate.
    `waiting` is told when another writer of the list keeps this one waiting.
    """
    with editing(manifest, waiting) as listing:
        reading = Diagnostics()
        languages = languages_of(listing.letter.manifest)
        values = {key: value for key, text in given.items() if (value := clean(key, text, languages)) is not None}
        where = {key: Pos.of_option(option(key)) for key in given}
        entry = new_entry(values, where.get("name", Pos.of_option("--name")), where, reading)
        if listing.is_csv:
            from .csv_file import require_columns

            require_columns(listing, set(values), lambda missing: "leave out " + ", ".join(map(option, missing)))
        (verdict,) = vet(listing, [entry.record], [reading])
        problems = Diagnostics(verdict.errors + verdict.warnings)
        if verdict.errors:
            return Added(problems, listing.path, values)
        inserted = insert(listing, [entry])
        listing.write(inserted.text)
        return Added(problems, listing.path, values, line_of(inserted.text, inserted.offsets[0]))
