"""signatories.csv: the same fields as signatories.yaml, as columns, with the place of every cell."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .. import limits, rules
from ..diagnostics import Diagnostics, Pos
from ..fields import Kind, specs
from ..model import Signatory
from .values import RecordValues, choice_value, did_you_mean, noqa_ids

# Excel writes `;` where the decimal comma is usual (much of Europe), and tabs
# for "Unicode text": a header row without commas but with these is read so.
_OTHER_DELIMITERS = (";", "\t")


def read_signatories(path: Path, text: str, diags: Diagnostics) -> list[Signatory]:
    fields = specs(Signatory)
    lines = list(io.StringIO(text, newline=""))
    delimiter = delimiter_of(lines[0] if lines else "")
    records = _records(path, lines, diags, delimiter)
    start, _, header = next(records, (0, 0, []))
    if start != 1:
        return []  # the first line is malformed, and reported
    if not any(cell.strip() for cell in header):
        diags.report(
            rules.CSV_HEADER, Pos(path), "the first line must be a header row naming the columns, e.g. name,location"
        )
        return []
    header_starts = _cell_starts(lines[0], header, 1, delimiter)
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        column = cell.strip()
        where = Pos(path, *header_starts[index])
        if not column:
            diags.report(rules.CSV_HEADER, where, f"column {index + 1} of the header has no name")
        elif column in columns:
            diags.report(rules.CSV_HEADER, where, f"column '{column}' appears twice in the header")
        elif column not in fields:
            diags.report(rules.CSV_HEADER, where, f"unknown column '{column}'{did_you_mean(column, fields)}")
        elif fields[column].kind is Kind.RECORDS:
            diags.report(rules.CSV_HEADER, where, f"a CSV cell cannot hold '{column}', a list; keep the list in YAML")
        else:
            columns[column] = index
    if "name" not in columns:
        diags.report(rules.CSV_HEADER, Pos(path), "the header lacks the required column 'name'")
        return []
    known = [(column, index, fields[column]) for column, index in columns.items()]
    width = len(header)
    signatories = []
    for start, end, row in records:
        if not any(cell.strip() for cell in row):
            continue
        raw = lines[start - 1] if start == end else "".join(lines[start - 1 : end])
        starts = _cell_starts(raw, row, start, delimiter)
        if len(row) > width:
            diags.report(
                rules.CSV_ROW,
                Pos(path, *starts[width]),
                f"row has {len(row)} cells but the header names {width} columns",
            )
        found = RecordValues()
        for column, index, spec in known:
            if index >= len(row):
                # A short row leaves the cell empty; a problem with it belongs to the row.
                found.field_pos[column] = Pos(path, start, 1)
                continue
            where = Pos(path, *starts[index])
            found.field_pos[column] = where
            # A cell of spaces is as empty as an empty one: nothing to print.
            value: Any = row[index] if row[index].strip() else None
            if value is not None and spec.kind is Kind.CHOICE:
                value = choice_value(spec, value, where, diags)
            elif value is not None and spec.kind is Kind.NOQA:
                value = noqa_ids(value)
            elif value is not None and spec.kind is Kind.FLAG:
                value = _flag(value, column, where, diags)
            found.values[column] = value
        signatories.append(found.build(Signatory, Pos(path, start, 1)))
    return signatories


def delimiter_of(header: str) -> str:
    """The delimiter of a signatories CSV file, from its header row: `,`, else Excel's `;` or tab."""
    if "," in header:
        return ","
    return next((d for d in _OTHER_DELIMITERS if d in header), ",")


def _records(path: Path, lines: list[str], diags: Diagnostics, delimiter: str) -> Iterator[tuple[int, int, list[str]]]:
    """(first line, last line, cells) of each record; a malformed record is reported and skipped.

    Strict parsing, because the lenient default silently turns
    `"Amnesty" International` into `Amnesty International`.
    """
    # The csv module refuses a cell over 128 KB as an error of its own; the file's size limit is the one.
    csv.field_size_limit(max(csv.field_size_limit(), limits.LIST_FILE_BYTES.value))
    rows = csv.reader(lines, strict=True, delimiter=delimiter)
    end = 0
    while True:
        start = end + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            reason = "a quote is never closed" if "end of data" in str(exc) else str(exc)
            diags.report(rules.CSV_SYNTAX, Pos(path, start, 1), f"CSV syntax error in this row: {reason}")
            if rows.line_num <= end:
                return  # no progress: the reader is stuck at the end
            end = rows.line_num
            continue
        end = rows.line_num
        yield start, end, row


_SPECIAL = {delimiter: re.compile(f'"|\r\n|[\r\n]|{re.escape(delimiter)}') for delimiter in (",", *_OTHER_DELIMITERS)}


def _cell_starts(raw: str, cells: list[str], line: int, delimiter: str) -> list[tuple[int, int]]:
    """(line, column) where each cell of a CSV record starts.

    Without quotes (and so on one line) a cell is exactly its text plus a
    delimiter: the common case, and it costs nothing; otherwise the record's
    quotes, delimiters and line breaks are visited, and nothing between them.
    """
    if '"' not in raw:
        starts, column = [], 1
        for cell in cells:
            starts.append((line, column))
            column += len(cell) + 1
        return starts
    starts = [(line, 1)]
    line_start, quoted = 0, False
    for match in _SPECIAL[delimiter].finditer(raw):
        if len(starts) == len(cells):
            break
        char = match.group()
        if char == '"':
            quoted = not quoted
        elif char == delimiter:
            if not quoted:
                starts.append((line, match.end() - line_start + 1))
        else:
            line, line_start = line + 1, match.end()
    while len(starts) < len(cells):
        starts.append(starts[-1])
    return starts


def _flag(cell: str, column: str, where: Pos, diags: Diagnostics) -> bool | None:
    """`true` or `false`, as a YAML list writes them; None, after reporting, for anything else."""
    text = cell.strip().lower()
    if text in ("true", "false"):
        return text == "true"
    diags.report(rules.TYPE_INVALID, where, f"{column} must be true or false, not '{cell}'")
    return None
