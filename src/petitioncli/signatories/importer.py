"""`petition signatories import`: a form's CSV export merged into the list, every row accounted for.

Each row is added, a duplicate (of an entry already listed or of an earlier
row) or rejected with its reasons, by the same checks as `petition check`.
Existing entries are never changed or moved: new ones are inserted as text,
as `signatories add` inserts one. Only the columns that map to a signatory's
fields are read, so e-mail addresses, phone numbers and time stamps in the
export never reach the project; a value that holds one is refused.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from .. import limits, loader, paths, rules
from ..diagnostics import Diagnostics, PetitionError, Pos, Refused, display_path
from ..exit_status import ExitStatus
from ..loader.files import read_text
from ..model import Signatory
from .columns import Columns, match_columns
from .entry import NewEntry, clean, new_entry
from .insert import insert
from .listfile import ListFile, open_list
from .vetting import vet

Outcome = Literal["added", "duplicate", "rejected"]
# Excel writes `;` where the decimal comma is usual, and tabs for "Unicode text".
_DELIMITERS = (",", ";", "\t")
_EMAIL = re.compile(r"[^\s@<>()\[\],;:]+@[^\s@<>()\[\],;:]+\.[^\W\d_]{2,}")
# Nine digits or more, written as phone numbers are: "+31 20 555 1234", "(020) 555-1234".
_PHONE = re.compile(r"\+?\(?\d(?:[\s().-]{0,2}\d){8,}")


@dataclass(slots=True)
class Row:
    # The line the row starts on in the export, which a spreadsheet shows as its row number.
    number: int
    outcome: Outcome
    values: dict[str, str]
    # Why a row was rejected, or the warnings of a row added; the message of a duplicate.
    reasons: list[str] = field(default_factory=list)
    duplicate_of: Signatory | None = None

    @property
    def name(self) -> str:
        return self.values.get("name", "")


@dataclass(slots=True)
class Imported:
    export: Path
    path: Path
    columns: Columns
    rows: list[Row]
    written: bool

    def of(self, outcome: Outcome) -> list[Row]:
        return [row for row in self.rows if row.outcome == outcome]


def import_export(export: Path, manifest: Path, mapping: list[str], *, dry_run: bool = False) -> Imported:
    with loader.loaded(manifest) as result:
        return _import(export, open_list(manifest, result), mapping, dry_run)


def _import(export: Path, listing: ListFile, mapping: list[str], dry_run: bool) -> Imported:
    if paths.real_path(export) == paths.real_path(listing.path):
        raise PetitionError(f"{display_path(export)} is the project's own list of signatories")
    header, data = read_export(export)
    columns = match_columns(header, mapping, display_path(export))
    if listing.is_csv:
        from .csv_file import require_columns

        used = {header[index]: target for target, index in columns.fields.items()}
        require_columns(
            listing,
            set(columns.fields),
            lambda missing: "leave it out with " + " ".join(f"--map '{c}='" for c, t in used.items() if t in missing),
        )
    rows, judged, reading = _candidates(export, header, data, columns)
    verdicts = vet(listing, [entry.record for _, entry in judged], reading)
    added: list[NewEntry] = []
    for (row, entry), verdict in zip(judged, verdicts, strict=True):
        if verdict.duplicate:
            row.outcome, row.duplicate_of = "duplicate", verdict.duplicate_of
            row.reasons = [d.message for d in verdict.errors]
        elif verdict.errors:
            row.outcome, row.reasons = "rejected", [f"{d.message} [{d.rule.id}]" for d in verdict.errors]
        else:
            row.reasons = [f"{d.message} [{d.rule.id}]" for d in verdict.warnings]
            added.append(entry)
    if added:
        inserted = insert(listing, added)
        if not dry_run:
            listing.write(inserted.text)
    return Imported(export, listing.path, columns, rows, written=bool(added) and not dry_run)


def read_export(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the rows (with the line each starts on) of a CSV export; BOM, CRLF and `;` are fine."""
    diags = Diagnostics()
    text = read_text(path, diags, limit=(limits.LIST_FILE_BYTES, "a file to import"), name=display_path(path))
    if text is None:
        raise Refused(f"cannot import {display_path(path)}; nothing written", diags, exit_code=ExitStatus.UNREADABLE)
    lines = list(io.StringIO(text, newline=""))
    reader = csv.reader(lines, delimiter=_delimiter(lines[0]), strict=True)
    rows: list[tuple[int, list[str]]] = []
    end = 0
    try:
        for cells in reader:
            rows.append((end + 1, cells))
            end = reader.line_num
    except csv.Error as exc:
        reason = "a quote is never closed" if "end of data" in str(exc) else str(exc)
        diags.report(rules.CSV_SYNTAX, Pos(path, end + 1, 1), f"CSV syntax error in this row: {reason}")
        # The rows after a broken quote cannot be told apart: the export is unreadable as a whole.
        raise Refused(
            f"cannot import {display_path(path)}; nothing written", diags, exit_code=ExitStatus.UNREADABLE
        ) from None
    return [cell.strip() for cell in rows[0][1]], [row for row in rows[1:] if any(c.strip() for c in row[1])]


def _delimiter(header: str) -> str:
    """The delimiter that splits the header row into the most columns (a question may hold a comma)."""
    return max(_DELIMITERS, key=lambda d: len(next(csv.reader([header], delimiter=d), [])))


def _candidates(
    export: Path, header: list[str], data: list[tuple[int, list[str]]], columns: Columns
) -> tuple[list[Row], list[tuple[Row, NewEntry]], list[Diagnostics]]:
    """A report row for every row; an entry to judge for each row not already refused, and what reading it found."""
    rows: list[Row] = []
    judged: list[tuple[Row, NewEntry]] = []
    reading: list[Diagnostics] = []
    for number, cells in data:
        raw = {target: cells[index] if index < len(cells) else "" for target, index in columns.fields.items()}
        if columns.name_parts is not None:
            raw["name"] = " ".join(cells[index] for index in columns.name_parts if index < len(cells))
        values = {key: value for key, text in raw.items() if (value := clean(key, text)) is not None}
        row = Row(number, "added", values)
        rows.append(row)
        if len(cells) > len(header):
            row.outcome = "rejected"
            row.reasons.append(f"the row has {len(cells)} cells but the header names {len(header)} columns")
            continue
        personal = {key: reason for key, value in values.items() if (reason := _personal_data(key, value))}
        if personal:
            # The report shows what the row holds, but not the personal data.
            row.outcome, row.reasons = "rejected", list(personal.values())
            row.values = {key: value for key, value in values.items() if key not in personal}
            continue
        pos = Pos(export, number, 1)
        diags = Diagnostics()
        judged.append((row, new_entry(values, pos, dict.fromkeys(raw, pos), diags)))
        reading.append(diags)
    return rows, judged, reading


def _personal_data(key: str, value: str) -> str | None:
    """Why a value may not be copied into the project: it holds an e-mail address or a phone number."""
    if key == "url":
        try:
            parts = urlsplit(value)
        except ValueError:
            return None  # the check says what is wrong with it
        found = parts.username is not None or parts.scheme.lower() == "mailto"
        what = "an e-mail address or a user name"
    elif key in ("name", "location", "affiliation"):
        found, what = bool(_EMAIL.search(value)), "an e-mail address"
        if not found:
            found, what = bool(_PHONE.search(value)), "a phone number"
    else:
        return None
    return f"{key} holds what looks like {what}; personal data is not copied into the project" if found else None
