"""The one model of a letter: the loader fills it, the checks read it, the renderers print it.

`Letter` is the project as written on disk. `Edition` is one letter ready to
print: a recipient and a date chosen, footnotes numbered, signatories filtered
and ordered. Renderers take an `Edition` and never read files themselves.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it.token import Token

from .diagnostics import Pos


class Status(enum.StrEnum):
    CONFIRMED = "confirmed"
    PENDING = "pending"
    WITHDRAWN = "withdrawn"


class SignatoryOrder(enum.StrEnum):
    AS_LISTED = "as-listed"
    ALPHABETICAL = "alphabetical"


@dataclass(slots=True)
class Signatory:
    name: str
    pos: Pos
    location: str | None = None
    affiliation: str | None = None
    url: str | None = None
    country: str | None = None
    status: Status = Status.CONFIRMED
    # Where each field's value sits, so checks can point at the value itself.
    field_pos: dict[str, Pos] = field(default_factory=dict)

    def where(self, name: str) -> Pos:
        return self.field_pos.get(name, self.pos)


@dataclass(slots=True)
class Recipient:
    id: str
    name: str
    salutation: str
    pos: Pos
    address: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Footnote:
    id: str
    text: str
    tokens: list[Token]
    pos: Pos


@dataclass(slots=True)
class Body:
    """letter.md parsed by markdown-it; block tokens keep their source line map."""

    path: Path
    source: str
    tokens: list[Token]


@dataclass(slots=True)
class Letter:
    root: Path
    manifest: Path
    slug: str
    title: str
    place: str
    language: str
    recipient: str
    body: Body
    footnotes: dict[str, Footnote]
    signatories: list[Signatory]
    recipients: dict[str, Recipient]
    date: dt.date | None = None
    sender: str | None = None
    subject: str | None = None
    keywords: list[str] = field(default_factory=list)
    signatories_heading: str | None = None
    signatories_order: SignatoryOrder = SignatoryOrder.AS_LISTED
    # Positions of manifest values, for checks about them (date, recipient).
    manifest_pos: dict[str, Pos] = field(default_factory=dict)


@dataclass(slots=True)
class NumberedFootnote:
    number: int
    footnote: Footnote


@dataclass(slots=True)
class Edition:
    letter: Letter
    recipient: Recipient
    date: dt.date
    date_text: str
    place_and_date: str
    footnotes: list[NumberedFootnote]
    footnote_numbers: dict[str, int]
    signatories: list[Signatory]
    draft: bool = False
