"""Rules about signatory groups: every entry of a shared file in exactly one group, headings told apart."""

from __future__ import annotations

from pathlib import Path

from .. import rules
from ..loader.groups import heading_key, sharing
from .context import Context
from .text import warn_spacing


def check(context: Context) -> None:
    letter, diags = context.letter, context.diags
    grouped = isinstance(letter.manifest.signatories, list)
    readers = sharing(letter.groups)
    headings: dict[Path, dict[str, str]] = {}
    for path, groups in readers.items():
        keys: dict[str, str] = {}
        for group in groups:
            if group.heading is None:
                if grouped and len(groups) > 1:
                    diags.report(
                        rules.SIGNATORY_GROUP,
                        group.pos,
                        f"a group without a heading shares {path.name} with other groups, whose entries name "
                        "their group by its heading: give it a heading, or a file of its own",
                    )
                continue
            warn_spacing(diags, group.pos, "group heading", group.heading)
            key = heading_key(group.heading)
            if key in keys and len(groups) > 1:
                diags.report(
                    rules.SIGNATORY_GROUP,
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
        found = headings.get(signatory.pos.file)
        if found is None:
            continue
        keys, name = found, signatory.pos.file.name
        listed = ", ".join(f"'{heading}'" for heading in keys.values())
        if signatory.group is None:
            diags.report(
                rules.SIGNATORY_GROUP,
                signatory.pos,
                f"{name} is read by several groups ({listed}): say in `group` which this entry belongs to",
            )
        elif not grouped:
            diags.report(
                rules.SIGNATORY_GROUP,
                signatory.where("group"),
                f"group '{signatory.group}' names no group: the manifest's `signatories` is one file; "
                "list the groups there, each with a heading and a file",
            )
        elif heading_key(signatory.group) not in keys:
            diags.report(
                rules.SIGNATORY_GROUP,
                signatory.where("group"),
                f"group '{signatory.group}' is not a group that reads {name}; its groups are {listed}",
            )
