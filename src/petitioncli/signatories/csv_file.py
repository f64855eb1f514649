"""Inserting rows into signatories.csv as text: in the header's columns, with the file's delimiter and line break.

Cells are quoted as RFC 4180 asks (a delimiter, a quote or a line break in
the cell), and the new rows are parsed again before the file is written.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Callable

from ..diagnostics import PetitionError
from ..exit_status import ExitStatus
from ..loader.csv_list import delimiter_of
from .entry import FIELDS, Inserted, NewEntry, Placed
from .listfile import ListFile
from .yaml_style import ends_line


def columns(listing: ListFile) -> list[str]:
    """The header's columns; a file with no header yet gets every field, in the model's order."""
    if listing.empty:
        return list(FIELDS)
    first = listing.text.splitlines()[0]
    return [cell.strip() for cell in next(csv.reader([first], delimiter=delimiter_of(first)))]


def require_columns(listing: ListFile, fields: set[str], how: Callable[[list[str]], str]) -> None:
    """Refuses values the file has no column for (adding a column would change every row); `how` says what to do."""
    missing = sorted(fields - set(columns(listing)))
    if missing:
        names = ", ".join(f"'{name}'" for name in missing)
        raise PetitionError(
            f"{listing.path} has no column {names}: add it to the header row first, or {how(missing)}; nothing written",
            ExitStatus.PROBLEMS,
        )


def insert_rows(listing: ListFile, placed: Placed) -> Inserted:
    header = columns(listing)
    require_columns(listing, {key for _, group in placed for e in group for key in e.values}, lambda _: "leave it out")
    newline = listing.newline
    if listing.empty:
        lines = [",".join(header) + newline]
        delimiter = ","
    else:
        lines = list(io.StringIO(listing.text, newline=""))
        delimiter = delimiter_of(lines[0])
    pieces: list[str] = []
    chunks: list[str] = []
    offsets: list[int] = []
    length = cursor = 0
    for point, group in placed:
        at = _line_before(listing, lines, point)
        rows = [_row(entry, header, delimiter, newline) for entry in group]
        starts = [0, *itertools.accumulate(map(len, rows[:-1]))]
        chunk = "".join(rows)
        if at == len(lines) and not ends_line(lines[-1]):
            # The file ends without a line break, and keeps ending so.
            chunk = newline + chunk[: -len(newline)]
            starts = [start + len(newline) for start in starts]
        kept = "".join(lines[cursor:at])
        pieces += [kept, chunk]
        offsets += [length + len(kept) + start for start in starts]
        length += len(kept) + len(chunk)
        chunks.append(chunk)
        cursor = at
    pieces.append("".join(lines[cursor:]))
    _read_back("".join(chunks), delimiter, [[e.values.get(c, "") for c in header] for _, g in placed for e in g])
    return Inserted("".join(pieces), offsets)


def _line_before(listing: ListFile, lines: list[str], point: int) -> int:
    """The line new rows go before: the row of the entry at `point`, or after the last row with text."""
    if point < len(listing.entries):
        return listing.entries[point].pos.line - 1
    row = len(lines)
    while row > 1 and not lines[row - 1].strip():
        row -= 1
    return row


def _row(entry: NewEntry, header: list[str], delimiter: str, newline: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerow([entry.values.get(c, "") for c in header])
    return out.getvalue()


def _read_back(text: str, delimiter: str, expected: list[list[str]]) -> None:
    found = [row for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True) if row]
    if found != expected:
        raise PetitionError(
            "could not write the new rows so that they read back as given; nothing written. Please report this."
        )
