"""A new entry: its values cleaned of what forms and shells get wrong, the record `check` judges, and where it goes."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import rules
from ..checks.characters import control_character, invisible_character
from ..diagnostics import Diagnostics, Pos
from ..fields import Kind, specs
from ..loader.values import RecordValues, choice_value
from ..model import Signatory

FIELDS = tuple(specs(Signatory))
_BOM = "\ufeff"


@dataclass(slots=True)
class NewEntry:
    # Field to text as it will be written, in the model's order; only the fields given.
    values: dict[str, str]
    # The same values as the loader would read them back, placed where they came from.
    record: Signatory


def clean(field: str, text: str) -> str | None:
    """The value as it should be written, or None when nothing is left.

    Spaces around and doubled inside go (line breaks and tabs too: every field
    is one line), so do byte-order marks pasted along, text is composed to NFC so that "é" is one character
    whatever the browser sent, a web address gets the https:// it was pasted
    without, a country name or a lower-case code becomes the ISO code.
    """
    value = " ".join(unicodedata.normalize("NFC", text).replace(_BOM, "").split())
    if not value:
        return None
    if field == "url":
        return _with_scheme(value)
    if field == "country":
        return country_code(value)
    if field == "status":
        return value.casefold()
    return value


def _with_scheme(url: str) -> str:
    if url.startswith("//"):
        return "https:" + url
    head = url.split("/", 1)[0]
    # "www.amnesty.org/en" has no scheme; "mailto:…" and "ftp://…" have one, left for the check to refuse.
    if "://" not in url and ":" not in head.rstrip("0123456789") and "." in head:
        return "https://" + url
    return url


# What people write that ISO does not: the United Kingdom's code is GB.
_COMMON_NAMES = {"uk": "GB", "usa": "US", "u.s.a.": "US", "u.k.": "GB"}


def country_code(value: str) -> str:
    """An ISO 3166-1 alpha-2 code for a code in any case or an English country name; otherwise the value."""
    folded = value.casefold()
    if folded in _COMMON_NAMES:
        return _COMMON_NAMES[folded]
    if len(value) == 2 and value.isalpha():
        return value.upper()
    return _codes_by_name().get(folded, value)


@cache
def _codes_by_name() -> dict[str, str]:
    from babel import Locale

    from ..checks.signatories import country_codes

    codes = country_codes()
    return {name.casefold(): code for code, name in Locale("en").territories.items() if code in codes}


def new_entry(values: dict[str, str], pos: Pos, field_pos: dict[str, Pos], diags: Diagnostics) -> NewEntry:
    """The entry for cleaned `values`, with what the loader would refuse in it reported in `diags`.

    That is an unknown status, and an invisible control character, which
    `check` reports in a CSV list and YAML cannot hold; an invisible
    formatting character (a right-to-left override) is a warning, as in `check`.
    """
    fields = specs(Signatory)
    # A name that is not there is a blank name: `check` reports it (a missing key is the loader's business).
    read = RecordValues(field_pos={"name": pos, **field_pos})
    ordered = {key: values[key] for key in FIELDS if key in values}
    for key, value in ordered.items():
        spec = fields[key]
        found: Any = value
        if control := control_character(value):
            diags.report(rules.TEXT_CONTROL, field_pos.get(key, pos), f"{key}: {control[1]}")
        if invisible := invisible_character(value):
            diags.report(rules.TEXT_INVISIBLE, field_pos.get(key, pos), f"{key}: {invisible[1]}")
        if spec.kind is Kind.CHOICE:
            found = choice_value(spec, value, field_pos.get(key, pos), diags)
        read.values[key] = found
    return NewEntry(ordered, read.build(Signatory, pos))


# A point is an index into the list's entries: new entries at point p go
# after entry p - 1 and before entry p (p = len(entries): at the end).
Placed = list[tuple[int, list[NewEntry]]]


@dataclass(slots=True)
class Inserted:
    text: str
    # Where each new entry starts in `text`, in the order they were placed.
    offsets: list[int]
