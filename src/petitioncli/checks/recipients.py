"""Rules about recipients.yaml: ids that name files, and spacing in what is printed."""

from __future__ import annotations

from collections.abc import Iterator

from ..rules import Problem
from .context import Context
from .manifest import file_name_part_problem
from .text import spacing_problem


def check(context: Context) -> Iterator[Problem]:
    for recipient in context.letter.recipients.values():
        what = f"recipient '{recipient.id}'"
        source = context.yaml_lines(recipient.pos.file)
        found = [
            file_name_part_problem(recipient.pos, "recipient id", recipient.id),
            spacing_problem(recipient.where("name"), f"{what} name", recipient.name),
            spacing_problem(recipient.where("salutation"), f"{what} salutation", recipient.salutation, source=source)
            if recipient.salutation is not None
            else None,
            *(spacing_problem(recipient.where("address"), f"{what} address", line) for line in recipient.address),
        ]
        yield from filter(None, found)
