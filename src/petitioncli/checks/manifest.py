"""Rules about petition.yaml's values: language, recipient, date, slug, spacing."""

from __future__ import annotations

import datetime as dt
import re

from .. import limits, rules
from ..dates import babel_locale, today
from ..diagnostics import Diagnostics, PetitionError, Pos, some_of
from .context import Context
from .text import warn_spacing

# Slugs and recipient ids become parts of output file names.
_FILE_NAME_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# `--to all` means every recipient, so no recipient may be called that.
RESERVED_IDS = ("all",)
_TEXT_KEYS = ("title", "subtitle", "place", "sender", "subject", "signatories_heading", "closing")


def check(context: Context) -> None:
    letter, diags = context.letter, context.diags
    manifest = letter.manifest
    for key in _TEXT_KEYS:
        warn_spacing(diags, manifest.where(key), f"'{key}'", getattr(manifest, key))
    if manifest.slug is not None:
        check_file_name_part(diags, manifest.where("slug"), "slug", manifest.slug)
    try:
        babel_locale(manifest.language)
    except PetitionError as exc:
        diags.report(rules.LANGUAGE_INVALID, manifest.where("language"), str(exc))
    rid = manifest.recipient
    if rid and "recipients" not in context.unusable and rid not in letter.recipients:
        known = some_of(letter.recipients)
        diags.report(
            rules.RECIPIENT_UNKNOWN,
            manifest.where("recipient"),
            f"unknown recipient '{rid}'; recipients.yaml defines: {known}",
        )
    date = context.date or manifest.date
    if isinstance(date, dt.date) and date > today():
        where = Pos.of_option("--date") if context.date else manifest.where("date")
        diags.report(rules.DATE_FUTURE, where, f"the letter's date {date.isoformat()} is in the future")


def check_file_name_part(diags: Diagnostics, pos: Pos, what: str, name: str) -> None:
    """Slugs and recipient ids become parts of output file names, which hold at most 255 bytes."""
    longest = limits.NAME_LENGTH.value
    if _FILE_NAME_PART.fullmatch(name) and name not in RESERVED_IDS and len(name) <= longest:
        return
    if name in RESERVED_IDS:
        reason = f"'{name}' is reserved: `--to {name}` means every recipient"
    elif len(name) > longest:
        reason = f"it is {len(name)} characters long, longer than {longest} characters"
    else:
        reason = "use letters, digits, '.', '_' and '-', starting with a letter or digit"
    diags.report(rules.ID_INVALID, pos, f"{what} '{name}' becomes part of file names; {reason}")
