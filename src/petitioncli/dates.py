"""The letter's date: which one applies, and how the letter's language prints it."""

from __future__ import annotations

import datetime as dt
import os
import re

from .diagnostics import PetitionError

# `date.fromisoformat` also takes 20170905 and 2017-W36-2; a letter's date is
# the one form everyone reads alike.
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def today() -> dt.date:
    """Today in local time, unless SOURCE_DATE_EPOCH pins it for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
        except (ValueError, OverflowError, OSError):
            raise PetitionError(f"SOURCE_DATE_EPOCH must be a number of seconds, not '{epoch}'") from None
    return dt.date.today()


def parse_date_option(value: str) -> dt.date:
    """`--date YYYY-MM-DD` or `--date today`."""
    if value.strip().lower() == "today":
        return today()
    text = value.strip()
    if not ISO_DATE.fullmatch(text):
        raise PetitionError(f"--date must be YYYY-MM-DD or 'today', not '{value}'")
    try:
        return dt.date.fromisoformat(text)
    except ValueError as exc:
        # Python says which part is wrong: "day is out of range for month".
        raise PetitionError(f"--date '{value}' does not exist: {exc}") from None


def letter_date(option: dt.date | None, manifest_date: dt.date | str | None) -> dt.date:
    """The date a build carries in its file names; `date: none` (a str) prints none but names the build's day."""
    return option or (manifest_date if isinstance(manifest_date, dt.date) else None) or today()


def date_printed(option: dt.date | None, manifest_date: dt.date | str | None) -> bool:
    """Whether the letter prints its date: always, unless the manifest says `date: none` and `--date` is not given."""
    return option is not None or isinstance(manifest_date, dt.date) or manifest_date is None


def long_date(date: dt.date, language: str) -> str:
    """The locale's long date format: en-GB '5 September 2017', de '5. September 2017'."""
    from babel.dates import format_date

    from .language import babel_locale

    return format_date(date, format="long", locale=babel_locale(language))
