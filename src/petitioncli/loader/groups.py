"""Signatories sorted into the manifest's groups: by file, and by `group` where groups share a file."""

from __future__ import annotations

from pathlib import Path

from ..model import Group, Signatory, SignatoryGroup
from ..text import normalise_name


def of_entry(entry: SignatoryGroup, path: Path) -> Group:
    """The group a `signatories` entry of the manifest describes, its members still to come from `path`."""
    return Group(
        entry.heading,
        entry.count,
        path,
        [],
        entry.pos,
        order=entry.order,
        numbered=entry.numbered,
        highlighted_first=bool(entry.highlighted_first),
        logos=bool(entry.logos),
    )


def heading_key(heading: str) -> str:
    """Headings compared as names are: `group: individuals` belongs under "Individuals:"."""
    return normalise_name(heading)


def sharing(groups: list[Group]) -> dict[Path, list[Group]]:
    """The groups that read each file."""
    found: dict[Path, list[Group]] = {}
    for group in groups:
        found.setdefault(group.file, []).append(group)
    return found


def fill(groups: list[Group], read: dict[Path, list[Signatory]]) -> None:
    """Gives each group its members: all of its file's, or, in a shared file, those whose `group` names it.

    An entry of a shared file that names no group of it belongs to none;
    `checks.groups` reports it, so the letter is not built without it.
    """
    for path, readers in sharing(groups).items():
        entries = read.get(path, [])
        if len(readers) == 1:
            readers[0].signatories.extend(entries)
            continue
        by_heading = {heading_key(group.heading or ""): group for group in reversed(readers)}
        for signatory in entries:
            group = by_heading.get(heading_key(signatory.group)) if signatory.group else None
            if group is not None:
                group.signatories.append(signatory)
