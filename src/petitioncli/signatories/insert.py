"""Where new entries go in the list, and the text of the list with them inserted."""

from __future__ import annotations

import bisect
from collections import defaultdict

from ..text import sort_key
from .entry import Inserted, NewEntry, Placed
from .listfile import ListFile


def insert(listing: ListFile, entries: list[NewEntry]) -> Inserted:
    """The list's text with `entries` inserted; every byte that was there is kept."""
    placed = placements(listing, entries)
    if listing.is_csv:
        from .csv_file import insert_rows

        return insert_rows(listing, placed)
    from .yaml_list import insert_entries

    return insert_entries(listing, placed)


def placements(listing: ListFile, entries: list[NewEntry]) -> Placed:
    """At the end, in the order given; or, for an alphabetical letter, each at its place.

    The place is found by bisection, as if the list were in order: a list
    edited by hand may not be quite, and the letter is sorted when printed anyway.
    """
    if not entries:
        return []
    if not listing.alphabetical:
        return [(len(listing.entries), list(entries))]
    keys, listed = listing.keys, listing.entries

    def listed_key(index: int) -> tuple[str, str]:
        return keys[index], listed[index].name

    groups: dict[int, list[NewEntry]] = defaultdict(list)
    for entry in sorted(entries, key=lambda e: sort_key(e.record.name)):
        point = bisect.bisect_right(range(len(listed)), sort_key(entry.record.name), key=listed_key)
        groups[point].append(entry)
    return sorted(groups.items())


def line_of(text: str, offset: int) -> int:
    """The 1-based line `offset` is on, counting lines as YAML and CSV readers do."""
    return len(text[:offset].splitlines()) + 1
