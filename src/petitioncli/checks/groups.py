"""Rules about signatory groups: every entry of a shared file in exactly one group, headings told apart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from .. import rules
from ..loader.groups import heading_key, sharing
from ..rules import Problem
from .context import Context
from .text import spacing_problem


def check(context: Context) -> Iterator[Problem]:
    letter = context.letter
    grouped = isinstance(letter.manifest.signatories, list)
    readers = sharing(letter.groups)
    headings: dict[Path, dict[str, str]] = {}
    for path, groups in readers.items():
        keys: dict[str, str] = {}
        for group in groups:
            if group.heading is None:
                if grouped and len(groups) > 1:
                    yield rules.SIGNATORY_GROUP.at(
                        group.pos,
                        f"a group without a heading shares {path.name} with other groups, whose entries name "
                        "their group by its heading: give it a heading, or a file of its own",
                    )
                continue
            if found := spacing_problem(group.pos, "group heading", group.heading):
                yield found
            key = heading_key(group.heading)
            if key in keys and len(groups) > 1:
                yield rules.SIGNATORY_GROUP.at(
                    group.pos,
                    f"two groups read {path.name} under the heading '{group.heading}'; "
                    "give them different headings, or one file each",
                )
            keys.setdefault(key, group.heading)
        headings[path] = keys
    shared = {path for path, groups in readers.items() if len(groups) > 1}
    for signatory in letter.signatories:
        if signatory.group is None and signatory.pos.file not in shared:
            continue  # the common case, decided with one lookup
        file_headings = headings.get(signatory.pos.file)
        if file_headings is None:
            continue
        keys, name = file_headings, signatory.pos.file.name
        listed = ", ".join(f"'{heading}'" for heading in keys.values())
        if signatory.group is None:
            yield rules.SIGNATORY_GROUP.at(
                signatory.pos,
                f"{name} is read by several groups ({listed}): say in `group` which this entry belongs to",
            )
        elif not grouped:
            yield rules.SIGNATORY_GROUP.at(
                signatory.where("group"),
                f"group '{signatory.group}' names no group: the manifest's `signatories` is one file; "
                "list the groups there, each with a heading and a file",
            )
        elif heading_key(signatory.group) not in keys:
            yield rules.SIGNATORY_GROUP.at(
                signatory.where("group"),
                f"group '{signatory.group}' is not a group that reads {name}; its groups are {listed}",
            )
