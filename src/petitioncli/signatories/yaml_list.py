"""Inserting entries into signatories.yaml as text: a block list, a flow list `[…]`, or a file with no entry yet.

Lines are split as the YAML reader splits them (a file that loaded cleanly
holds no other line-breaking character), so the loader's line and column
of each entry say where to cut. Every insertion is read back with the
loader, together with the entries on either side of it, before the file is
written.
"""

from __future__ import annotations

import itertools
import re

from ..diagnostics import Diagnostics, PetitionError
from ..exit_status import ExitStatus
from ..loader.files import SequenceNode, compose_yaml
from ..model import Signatory
from .entry import Inserted, Placed
from .listfile import ListFile
from .yaml_style import Style, block_entry, ends_line, flow_entry, learn_style, read_back


def insert_entries(listing: ListFile, placed: Placed) -> Inserted:
    lines = listing.text.splitlines(keepends=True)
    if listing.empty:
        return _into_empty(listing, lines, placed)
    if is_flow(lines):
        return _FlowList(listing, lines).insert(placed)
    return BlockList(listing, lines).insert(placed)


def is_flow(lines: list[str]) -> bool:
    """Whether the list is written `[…]`: its first character that is not a comment or a marker says so."""
    for line in lines:
        text = line.strip()
        if text.startswith("---"):
            text = text[3:].strip()
        if text and not text.startswith(("#", "%")):
            return text.startswith("[")
    return False


def _into_empty(listing: ListFile, lines: list[str], placed: Placed) -> Inserted:
    """A file of comments or nothing: the entries follow whatever it holds."""
    style = learn_style(lines, [], 0, listing.newline)
    new = [entry for _, group in placed for entry in group]
    lead = listing.newline if listing.text and not ends_line(listing.text) else ""
    chunk, starts = _joined([block_entry(entry, style, 0, 2) for entry in new], lead, "", "")
    text = listing.text + chunk
    read_back(text, listing.path, [entry.record for entry in new])
    return Inserted(text, [len(listing.text) + start for start in starts])


_KEEP_BLOCK = re.compile(r"[|>](?:[1-9]?\+|\+[1-9])")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


class BlockList:
    """`- name: …` entries: new ones go after the last line of the entry before them.

    Blank lines and comments between two entries stay where they are: a
    comment introducing the next entry (or a group of them) keeps
    introducing it, and a comment indented under an entry stays with it.
    """

    def __init__(self, listing: ListFile, lines: list[str]):
        self.listing = listing
        self.lines = lines
        self.entries = listing.entries
        self._dashes: dict[int, tuple[int, int]] = {}

    def dash(self, index: int) -> tuple[int, int]:
        """(line index, column) of the `-` that starts entry `index`; the loader records where its keys start."""
        if index not in self._dashes:
            self._dashes[index] = self._find_dash(self.entries[index])
        return self._dashes[index]

    def _find_dash(self, entry: Signatory) -> tuple[int, int]:
        row, column = entry.pos.line - 1, entry.pos.column - 1
        before = self.lines[row][:column].rstrip()
        if before.endswith("-") and (len(before) == 1 or before[-2] in " \t"):
            return row, len(before) - 1
        for up in range(row - 1, -1, -1):  # `-` alone on its line, keys below
            text = self.lines[up].strip()
            if text == "-" or text.startswith(("- ", "-\t")):
                return up, _indent(self.lines[up])
            if text and not text.startswith("#"):
                break
        raise PetitionError(f"cannot tell where the entry at line {entry.pos.line} of {self.listing.path} starts")

    def after_content(self, before: int, indent: int) -> int:
        """The line after the last line of the entry that ends above line `before`."""
        row = before
        while row > 0:
            line = self.lines[row - 1]
            text = line.strip()
            between = not text or text == "..." or text.startswith("... ") or text.startswith("#")
            if not between or (text.startswith("#") and _indent(line) > indent):
                break
            row -= 1
        return row

    def _gap_is_blank(self, index: int) -> bool:
        """Whether a blank line follows entry `index` before the next one."""
        end = self.after_content(self.dash(index + 1)[0], self.dash(index)[1])
        return end < len(self.lines) and not self.lines[end].strip()

    def _point(self, point: int) -> tuple[int, bool]:
        """The line new entries go before, and whether the file keeps a blank line between entries.

        The gap that decides is the one before the neighbour's, so that the
        blank line closing a group of entries does not count as the habit.
        """
        count = len(self.entries)
        separated = count >= 2 and self._gap_is_blank(max(point - 2, 0))
        if point == 0:
            return self.dash(0)[0], separated
        before = self.dash(point)[0] if point < count else len(self.lines)
        at = self.after_content(before, self.dash(point - 1)[1])
        if self.keep_block_row(self.entries[point - 1]) is not None:
            # A `|+` value holds the blank lines after it: the new entry follows them.
            while at < before and not self.lines[at].strip():
                at += 1
            if at == len(self.lines) and not ends_line(self.lines[-1]):
                raise PetitionError(
                    f"the last value of {self.listing.path.name} is a |+ block that ends the file without a line "
                    "break, which any entry after it would add to the value: end the file with a line break "
                    "first; nothing written",
                    ExitStatus.PROBLEMS,
                )
        return at, separated

    def keep_block_row(self, entry: Signatory) -> int | None:
        """The line (0-based) of the entry's value that is a block scalar with keep chomping (`|+`, `>+`,
        `|2+`), which holds the blank lines after it; None when no value is one."""
        for pos in entry.field_pos.values():
            line = self.lines[pos.line - 1] if 0 < pos.line <= len(self.lines) else ""
            if _KEEP_BLOCK.match(line, pos.column - 1):
                return pos.line - 1
        return None

    def insert(self, placed: Placed) -> Inserted:
        lines, entries, newline = self.lines, self.entries, self.listing.newline
        style = learn_style(lines, entries, placed[0][0], newline)
        pieces: list[str] = []
        offsets: list[int] = []
        windows: list[str] = []
        expected: list[Signatory] = []
        length = cursor = 0
        for point, group in placed:
            at, separated = self._point(point)
            chunk, starts = self._chunk(point, group, style, separated)
            if at == len(lines) and lines and not ends_line(lines[-1]):
                # The file ends without a line break, and keeps ending so.
                chunk = newline + chunk[: -len(newline)]
                starts = [start + len(newline) for start in starts]
            kept = "".join(lines[cursor:at])
            pieces += [kept, chunk]
            offsets += [length + len(kept) + start for start in starts]
            length += len(kept) + len(chunk)
            cursor = at
            # The new entries with the entry on either side, to read back.
            first = self.dash(point - 1)[0] if point > 0 else 0
            last = self.dash(point + 1)[0] if point + 1 < len(entries) else len(lines)
            windows.append("".join(lines[first:at]) + chunk + "".join(lines[at:last]))
            expected += [*entries[max(point - 1, 0) : point], *(e.record for e in group), *entries[point : point + 1]]
        pieces.append("".join(lines[cursor:]))
        read_back("".join(windows), self.listing.path, expected)
        return Inserted("".join(pieces), offsets)

    def _chunk(self, point: int, group: list, style: Style, separated: bool) -> tuple[str, list[int]]:
        near = max(point - 1, 0)
        dash = self.dash(near)[1]
        keys = self.entries[near].pos.column - 1
        between = style.newline if separated else ""
        blocks = [block_entry(entry, style, dash, keys) for entry in group]
        return _joined(blocks, between if point > 0 else "", between, between if point == 0 else "")


class _FlowList:
    """`[{name: …}, …]`: new entries go between the items, on their own lines when the items are."""

    def __init__(self, listing: ListFile, lines: list[str]):
        self.listing = listing
        self.lines = lines
        node = compose_yaml(listing.text, listing.path, Diagnostics())
        if not isinstance(node, SequenceNode):
            raise PetitionError(f"cannot read the list in {listing.path} again; nothing written")
        self.node = node
        self.items = node.value
        self.line_starts = [0]
        for line in lines:
            self.line_starts.append(self.line_starts[-1] + len(line))

    def offset(self, mark) -> int:
        return self.line_starts[mark.line] + mark.column

    def insert(self, placed: Placed) -> Inserted:
        text, entries = self.listing.text, self.listing.entries
        style = learn_style(self.lines, entries, placed[0][0], self.listing.newline)
        start, end = self.offset(self.node.start_mark), self.offset(self.node.end_mark)
        column = self.node.start_mark.column
        if not entries and not self.lines[self.node.start_mark.line][:column].strip():
            # `[]` holds the place of a list to come (`petition init` writes one):
            # entries written in it would grow one long line, every addition a
            # merge conflict, so the first entries replace it as a block list.
            first = [entry for _, group in placed for entry in group]
            blocks = [block_entry(entry, style, column, column + 2) for entry in first]
            starts = [0, *itertools.accumulate(map(len, blocks[:-1]))]
            chunk = "".join(blocks)[column : -len(style.newline)]
            result = text[:start] + chunk + text[end:]
            read_back(result, self.listing.path, [entry.record for entry in first])
            return Inserted(result, [start - column + offset for offset in starts])
        pieces: list[str] = []
        offsets: list[int] = []
        expected: list[Signatory] = []
        cursor = taken = length = 0
        for point, group in placed:
            at, chunk, starts = self._cut(point, [flow_entry(entry, style) for entry in group])
            pieces += [text[cursor:at], chunk]
            length += at - cursor
            offsets += [length + start for start in starts]
            length += len(chunk)
            cursor = at
            expected += [*entries[taken:point], *(entry.record for entry in group)]
            taken = point
        pieces.append(text[cursor:])
        expected += entries[taken:]
        new = "".join(pieces)
        read_back(new, self.listing.path, expected)
        return Inserted(new, offsets)

    def _cut(self, point: int, items: list[str]) -> tuple[int, str, list[int]]:
        """Where the items go, the text inserted there, and where each item starts within it."""
        count, newline = len(self.items), self.listing.newline
        if count == 0:
            return self.offset(self.node.start_mark) + 1, *_joined(items, "", ", ", "")
        index = min(point, count - 1)
        near = self.items[index]
        previous_line = self.items[index - 1].end_mark.line if index > 0 else self.node.start_mark.line
        on_own_lines = near.start_mark.line != previous_line
        indent = " " * near.start_mark.column
        if point < count:
            separator = "," + newline + indent if on_own_lines else ", "
            return self.offset(near.start_mark), *_joined(items, "", separator, separator)
        end = self.offset(near.end_mark)
        after = len(self.listing.text[end:]) - len(self.listing.text[end:].lstrip(" \t"))
        if self.listing.text[end + after : end + after + 1] == ",":  # a trailing comma stays trailing
            lead = newline + indent if on_own_lines else " "
            return end + after + 1, *_joined(items, lead, "," + lead, ",")
        lead = "," + newline + indent if on_own_lines else ", "
        return end, *_joined(items, lead, lead, "")


def _joined(items: list[str], lead: str, separator: str, tail: str) -> tuple[str, list[int]]:
    """`lead`, the items with `separator` between them, and `tail`; with where each item starts."""
    starts, length = [], len(lead)
    for index, item in enumerate(items):
        length += len(separator) if index else 0
        starts.append(length)
        length += len(item)
    return lead + separator.join(items) + tail, starts
