"""One entry's text changed or cut out of the list, YAML or CSV, and the entries around it read back.

Only block lists (`- name: …`) and CSV rows are edited; a flow list
(`[{name: …}]`) is refused with a word on what to do, as is a value written
in a way too unusual to change safely.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
from functools import cache

from ..diagnostics import Diagnostics, PetitionError
from ..exit_status import ExitStatus
from ..loader.csv_list import cell_starts, delimiter_of, read_signatories
from ..model import Signatory, Status
from .listfile import ListFile
from .yaml_list import BlockList, is_flow
from .yaml_style import ends_line, read_back, values

# A status as a person writes it: a word, perhaps quoted, perhaps followed by a comment.
_STATUS_TOKEN = re.compile(r"""(["']?)([A-Za-z]+)\1(?=\s*(?:#.*)?$)""")


def with_status(listing: ListFile, index: int, status: str, note: str | None) -> str:
    entry = listing.entries[index]
    expected = dataclasses.replace(entry, status=Status(status))
    if listing.is_csv:  # a note was refused already: a CSV row has no place for one
        return _csv_status(listing, index, status, expected)
    lines, block = _block(listing)
    first, end = _span(block, index)
    if lines[entry.pos.line - 1][entry.pos.column - 1 : entry.pos.column] == "{":
        raise PetitionError(
            f"the entry at {listing.path.name}:{entry.pos.line} is written as {{…}}, which this command does not "
            "change; edit it by hand; nothing written",
            ExitStatus.PROBLEMS,
        )
    indent = " " * (entry.pos.column - 1)
    comment = [f"{indent}# {note}{listing.newline}"] if note else []
    if "status" in entry.field_pos:
        row, column = entry.field_pos["status"].line - 1, entry.field_pos["status"].column - 1
        match = _STATUS_TOKEN.match(lines[row], column)
        if match is None:
            raise _unusual(listing, entry, "its status")
        quote = match.group(1)
        lines[row] = lines[row][: match.start()] + f"{quote}{status}{quote}" + lines[row][match.end() :]
        new = [*lines[first : row + 1], *comment, *lines[row + 1 : end]]
    elif (keep := block.keep_block_row(entry)) is not None and keep > first:
        # A `|+` value holds every line break after it: the status goes before its key.
        new = [*lines[first:keep], f"{indent}status: {status}{listing.newline}", *comment, *lines[keep:end]]
    else:
        unended = end == len(lines) and not ends_line(lines[end - 1])
        new = [*lines[first:end], f"{indent}status: {status}{listing.newline}", *comment]
        if unended:  # the file ends without a line break, and keeps ending so
            new[end - first - 1] += listing.newline
            new[-1] = new[-1].removesuffix(listing.newline)
    return _replaced(listing, block, index, lines, (first, end), new, [expected])


def without_entry(listing: ListFile, index: int) -> str:
    if listing.is_csv:
        return _csv_without(listing, index)
    lines, block = _block(listing)
    first, end = _span(block, index)
    if len(listing.entries) == 1:
        # The list stays a list, empty, as `petition init --from` writes one.
        return "".join([*lines[:first], f"[]{listing.newline}", *lines[end:]])
    if index > 0 and block.keep_block_row(listing.entries[index - 1]) is not None:
        # The entry before keeps the line breaks after its `|+` value, and so needs them to stay as they
        # were: the blank lines after this entry go with it, and the break before it stays.
        while end < len(lines) and not lines[end].strip():
            end += 1
    elif end == len(lines) and not ends_line(lines[end - 1]) and first > 0:
        lines[first - 1] = lines[first - 1].rstrip("\r\n")
    return _replaced(listing, block, index, lines, (first, end), [], [])


def _block(listing: ListFile) -> tuple[list[str], BlockList]:
    lines = listing.text.splitlines(keepends=True)
    if is_flow(lines):
        raise PetitionError(
            f"{listing.path.name} writes its list as [{{name: …}}, …], which this command does not edit: "
            "change the entry by hand; nothing written",
            ExitStatus.PROBLEMS,
        )
    return lines, BlockList(listing, lines)


def _span(block: BlockList, index: int) -> tuple[int, int]:
    """The lines of entry `index`: from its dash to its last line of content (comments after it stay)."""
    first, dash = block.dash(index)
    following = block.dash(index + 1)[0] if index + 1 < len(block.entries) else len(block.lines)
    return first, block.after_content(following, dash)


def _replaced(
    listing: ListFile,
    block: BlockList,
    index: int,
    lines: list[str],
    span: tuple[int, int],
    new: list[str],
    changed: list[Signatory],
) -> str:
    """The file with lines `span` replaced by `new`, once the neighbours and the change read back as meant."""
    first, end = span
    entries = block.entries
    before = block.dash(index - 1)[0] if index > 0 else first
    after = block.dash(index + 2)[0] if index + 2 < len(entries) else len(lines)
    window = "".join([*lines[before:first], *new, *lines[end:after]])
    expected = [*entries[max(index - 1, 0) : index], *changed, *entries[index + 1 : index + 2]]
    if expected:
        read_back(window, listing.path, expected)
    return "".join([*lines[:first], *new, *lines[end:]])


def _unusual(listing: ListFile, entry: Signatory, what: str) -> PetitionError:
    return PetitionError(
        f"{what} at {listing.path.name}:{entry.pos.line} is written in a way this command does not change; "
        "edit it by hand; nothing written",
        ExitStatus.PROBLEMS,
    )


def _csv_rows(listing: ListFile, index: int) -> tuple[list[str], int, int, str]:
    """The file's lines, the first and the end line (0-based) of the entry's row, and the delimiter."""
    lines = list(io.StringIO(listing.text, newline=""))
    first = listing.entries[index].pos.line - 1
    reader = csv.reader(iter(lines[first:]), delimiter=delimiter_of(lines[0]), strict=True)
    next(reader)
    return lines, first, first + reader.line_num, delimiter_of(lines[0])


def _csv_status(listing: ListFile, index: int, status: str, expected: Signatory) -> str:
    lines, first, end, delimiter = _csv_rows(listing, index)
    header = next(csv.reader([lines[0]], delimiter=delimiter))
    columns = [cell.strip() for cell in header]
    if "status" not in columns:
        raise PetitionError(
            f"{listing.path.name} has no column 'status': add it to the header row first; nothing written",
            ExitStatus.PROBLEMS,
        )
    column = columns.index("status")
    raw = "".join(lines[first:end])
    cells = next(csv.reader([raw], delimiter=delimiter))
    body = raw.rstrip("\r\n")
    if column < len(cells):
        line, start = cell_starts(raw, cells, 1, delimiter)[column]
        offset = sum(len(part) for part in raw.splitlines(keepends=True)[: line - 1]) + start - 1
        match = _csv_cell(body, offset, delimiter)
        if match is None:
            raise _unusual(listing, listing.entries[index], "its status")
        body = body[:offset] + status + body[match:]
    else:
        body += delimiter * (column - len(cells) + 1) + status
    new = body + raw[len(raw.rstrip("\r\n")) :]
    _csv_read_back(listing, lines, (first, end), [new], index, expected)
    return "".join([*lines[:first], new, *lines[end:]])


def _csv_cell(body: str, offset: int, delimiter: str) -> int | None:
    """Where a simple cell (a word, perhaps quoted) that starts at `offset` ends."""
    match = _simple_cell(delimiter).match(body, offset)
    return match.end() if match else None


@cache
def _simple_cell(delimiter: str) -> re.Pattern[str]:
    return re.compile(r'"?[A-Za-z ]*"?(?=' + re.escape(delimiter) + "|$)")


def _csv_without(listing: ListFile, index: int) -> str:
    lines, first, end, _ = _csv_rows(listing, index)
    if end == len(lines) and not ends_line(lines[end - 1]) and first > 1:
        lines[first - 1] = lines[first - 1].rstrip("\r\n")
    _csv_read_back(listing, lines, (first, end), [], index, None)
    return "".join([*lines[:first], *lines[end:]])


def _csv_read_back(
    listing: ListFile, lines: list[str], span: tuple[int, int], new: list[str], index: int, changed: Signatory | None
) -> None:
    """Refuses unless the rows on either side of the change, and the changed row, read back as meant."""
    entries = listing.entries
    before = entries[index - 1].pos.line - 1 if index > 0 else span[0]
    after = entries[index + 2].pos.line - 1 if index + 2 < len(entries) else len(lines)
    window = [*lines[before : span[0]], *new, *lines[span[1] : after]]
    expected = [*entries[max(index - 1, 0) : index], *([changed] if changed else []), *entries[index + 1 : index + 2]]
    diags = Diagnostics()
    found = read_signatories(listing.path, lines[0] + "".join(window), diags)
    if diags.errors or [values(s) for s in found] != [values(s) for s in expected]:
        raise PetitionError(
            f"could not change {listing.path.name} so that it reads back as meant; nothing written. "
            "Please report this with the file's lines around the entry."
        )
