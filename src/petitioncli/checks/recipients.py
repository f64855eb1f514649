"""Rules about recipients.yaml: ids that name files, and spacing in what is printed."""

from __future__ import annotations

from .context import Context
from .manifest import check_file_name_part
from .text import warn_spacing


def check(context: Context) -> None:
    diags = context.diags
    for recipient in context.letter.recipients.values():
        check_file_name_part(diags, recipient.pos, "recipient id", recipient.id)
        what = f"recipient '{recipient.id}'"
        warn_spacing(diags, recipient.where("name"), f"{what} name", recipient.name)
        if recipient.salutation is not None:
            source = context.yaml_lines(recipient.pos.file)
            warn_spacing(
                diags, recipient.where("salutation"), f"{what} salutation", recipient.salutation, source=source
            )
        for line in recipient.address:
            warn_spacing(diags, recipient.where("address"), f"{what} address", line)
