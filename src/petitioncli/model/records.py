"""The records of the lists written by hand (`Signatory`, `Recipient`), each key described once.

Each field's `data(…)` describes its key: the readers validate with these
descriptions and `petition schema` publishes them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from .. import rules
from ..diagnostics import Pos
from ..fields import Kind, data


class Status(enum.StrEnum):
    CONFIRMED = "confirmed"
    PENDING = "pending"
    WITHDRAWN = "withdrawn"


@dataclass(slots=True, kw_only=True)
class Located:
    """A record read from a file: where it starts and where each of its values is."""

    pos: Pos
    field_pos: dict[str, Pos] = field(default_factory=dict)
    # Keys that were given but could not be read (a list where text belongs):
    # already reported, so checks on their value stay silent.
    unread: frozenset[str] = frozenset()

    def where(self, name: str) -> Pos:
        return self.field_pos.get(name, self.pos)


@dataclass(slots=True, kw_only=True)
class SignatoryLink(Located):
    """One entry of a signatory's `links`: a page it stands for besides its own site."""

    label: str = data(
        "The link's text, printed after the signatory's details.",
        required=True,
        non_blank=True,
        example="Open Letter Toolkit",
    )
    url: str = data(
        "Where it leads, an absolute http(s) address; print shows it as text after the label.",
        required=True,
        non_blank=True,
        example="https://example.org/toolkit",
        checked_by=(rules.URL_INVALID, rules.URL_INSECURE),
    )


@dataclass(slots=True, kw_only=True)
class Signatory(Located):
    """One entry of signatories.yaml, or one row of signatories.csv."""

    name: str = data(
        "The organisation or person, as printed.",
        required=True,
        example="Amnesty International",
        checked_by=(
            rules.SIGNATORY_NAME_EMPTY,
            rules.SIGNATORY_DUPLICATE,
            rules.SIGNATORY_NAMESAKE,
            rules.SIGNATORY_NAME_SUSPECT,
        ),
    )
    title: str | None = data(
        "For individuals: their role, printed after the name.",
        example="Professor of Law",
    )
    affiliation: str | None = data(
        "For individuals: the organisation they belong to, printed after the title.",
        example="Utrecht University",
    )
    on_behalf_of: str | None = data(
        "The organisation a representative signs for, printed as 'on behalf of …'. Signing personally and "
        "again on behalf of an organisation is not a duplicate.",
        example="Netherlands Helsinki Committee",
    )
    location: str | None = data(
        "Free text printed last: a city, a country, 'Baku/Tbilisi'.",
        example="London",
    )
    sort_as: str | None = data(
        "What `signatories_order: alphabetical` sorts by, e.g. the family name; default: the whole name.",
        example="Curie, Marie",
    )
    group: str | None = data(
        "Where several groups share this file: the heading of the group this entry belongs to.",
        checked_by=(rules.SIGNATORY_GROUP,),
        example="Individuals",
    )
    noqa: tuple[str, ...] = data(
        "Rule ids whose problems with this entry are not reported, separated by commas: the CSV "
        "column that stands for a `# noqa:` comment, which a CSV file cannot hold.",
        kind=Kind.NOQA,
        default=(),
        example="signatory-namesake",
        checked_by=(rules.NOQA_UNKNOWN, rules.NOQA_UNUSED),
    )
    url: str | None = data(
        "The signatory's web site, an absolute http(s) address; the name links to it.",
        example="https://www.amnesty.org",
        checked_by=(rules.URL_INVALID, rules.URL_INSECURE),
    )
    country: str | None = data(
        "ISO 3166-1 alpha-2 country code, for statistics; quote it in YAML ('NO').",
        example="GB",
        checked_by=(rules.COUNTRY_UNKNOWN,),
    )
    status: Status = data(
        "Only confirmed signatories are printed; `--draft` adds the pending ones, marked.",
        choices=Status,
        choice_rule=rules.STATUS_UNKNOWN,
        default=Status.CONFIRMED,
        shown_default="confirmed",
    )
    highlight: bool = data(
        "Print the name in bold: the experts or initiators a letter puts forward (a CSV cell: true or false).",
        kind=Kind.FLAG,
        default=False,
        shown_default="false",
    )
    logo: str | None = data(
        "An image in the project (PNG, JPEG, GIF, WebP or SVG): in a group with `logos: true` the web page "
        "shows it in a grid of logos and print beside the name at a small fixed size, the name always "
        "its alternative text.",
        example="logos/amnesty.svg",
        checked_by=(rules.IMAGE_REFUSED, rules.IMAGE_UNREADABLE, rules.IMAGE_TOO_LARGE),
    )
    links: list[SignatoryLink] = data(
        "Further pages the signatory stands for (a project, a product), each a `label` and a `url`: linked "
        "after the details in the web page, printed as text in the PDF and the text letter. Not in CSV lists.",
        kind=Kind.RECORDS,
        record=SignatoryLink,
        default=[],
        example="[{label: Open Letter Toolkit, url: 'https://example.org/toolkit'}]",
    )


@dataclass(slots=True, kw_only=True)
class Recipient(Located):
    """One entry of recipients.yaml, under its id."""

    id: str
    name: str = data(
        "The body addressed, as a person would name it. Per language: {en: …, fr: …}.",
        required=True,
        non_blank=True,
        example="IAP Executive Committee and Senate",
        per_language=True,
    )
    salutation: str | None = data(
        "The salutation, on as many lines as it needs (use a `|-` block for several). "
        "Per language: {en: …, fr: …}; every edition needs its own. Without it the letter begins with its text.",
        non_blank=True,
        example="Dear members of the IAP Executive Committee and the Senate,",
        per_language=True,
    )
    address: list[str] = data(
        "The address block's lines, printed above the salutation. Per language: {en: […], fr: […]}.",
        kind=Kind.LINES,
        default=[],
        example="[International Association of Prosecutors, The Hague]",
        per_language=True,
    )
    # Values given per language for other editions: language tag to key to value.
    # The letter's own language is read into the fields above.
    translated: dict[str, dict[str, Any]] = field(default_factory=dict)
