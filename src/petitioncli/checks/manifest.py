"""Rules about petition.yaml's values: language, recipient, date, slug, spacing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .. import limits, rules
from ..dates import today
from ..diagnostics import PetitionError, Pos, some_of
from ..language import babel_locale
from ..rules import Problem
from ..text import normalise_name
from .context import Context
from .entries import PLACEHOLDER_VALUES
from .text import spacing_problem

# Slugs and recipient ids become parts of output file names.
_FILE_NAME_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# `--to all` means every recipient, so no recipient may be called that.
RESERVED_IDS = ("all",)
_TEXT_KEYS = ("title", "subtitle", "place", "sender", "subject", "signatories_heading", "closing")


def check(context: Context) -> Iterator[Problem]:
    letter = context.letter
    manifest = letter.manifest
    for key in _TEXT_KEYS:
        if found := spacing_problem(manifest.where(key), f"'{key}'", getattr(manifest, key)):
            yield found
    if manifest.place and normalise_name(manifest.place) in PLACEHOLDER_VALUES:
        # `petition init` writes one, for the user to replace.
        yield rules.PLACEHOLDER.at(manifest.where("place"), f"place '{manifest.place}' is a placeholder")
    if manifest.slug is not None and (found := file_name_part_problem(manifest.where("slug"), "slug", manifest.slug)):
        yield found
    try:
        babel_locale(manifest.language)
    except PetitionError as exc:
        yield rules.LANGUAGE_INVALID.at(manifest.where("language"), str(exc))
    rid = manifest.recipient
    if rid and "recipients" not in context.unusable and rid not in letter.recipients:
        known = some_of(letter.recipients)
        yield rules.RECIPIENT_UNKNOWN.at(
            manifest.where("recipient"), f"unknown recipient '{rid}'; recipients.yaml defines: {known}"
        )
    date = context.date or manifest.date
    if isinstance(date, dt.date) and date > today():
        where = Pos.of_option("--date") if context.date else manifest.where("date")
        yield rules.DATE_FUTURE.at(where, f"the letter's date {date.isoformat()} is in the future")


def file_name_part_problem(pos: Pos, what: str, name: str) -> Problem | None:
    """Slugs and recipient ids become parts of output file names, which hold at most 255 bytes."""
    longest = limits.NAME_LENGTH.value
    if _FILE_NAME_PART.fullmatch(name) and name not in RESERVED_IDS and len(name) <= longest:
        return None
    if name in RESERVED_IDS:
        reason = f"'{name}' is reserved: `--to {name}` means every recipient"
    elif len(name) > longest:
        reason = f"it is {len(name)} characters long, longer than {longest} characters"
    else:
        reason = "use letters, digits, '.', '_' and '-', starting with a letter or digit"
    return rules.ID_INVALID.at(pos, f"{what} '{name}' becomes part of file names; {reason}")
