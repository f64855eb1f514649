"""The records written by hand (`Manifest`, `Signatory`, `Recipient`…), each key described once.

Each field's `data(…)` describes its key: the readers validate with these
descriptions and `petition schema` publishes them.
"""

from __future__ import annotations

import datetime as dt
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


class LinksInPrint(enum.StrEnum):
    """How print shows where a link leads, when its text is not its address."""

    FOOTNOTE = "footnote"
    INLINE = "inline"
    NONE = "none"


class SignatoryOrder(enum.StrEnum):
    AS_LISTED = "as-listed"
    ALPHABETICAL = "alphabetical"
    # By country, under each country's name in the letter's language; by name within a country.
    COUNTRY = "country"


class PdfEngine(enum.StrEnum):
    WEASYPRINT = "weasyprint"
    TYPST = "typst"


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
class SignatoryGroup(Located):
    """One entry of the manifest's `signatories` list: a heading, and the file its signatories are in."""

    heading: str = data(
        "Printed above the group's signatories, in the order the groups are listed.",
        required=True,
        non_blank=True,
        example="Original signatories",
    )
    file: str = data(
        "The group's signatories: a .yaml, .yml or .csv file. Groups may share one file, whose entries "
        "then say in their `group` field which group (by heading) they belong to.",
        kind=Kind.PATH,
        required=True,
        example="original.yaml",
    )
    count: bool = data(
        "Print how many signed after the heading: 'Original signatories (21)'.",
        kind=Kind.FLAG,
        default=False,
        shown_default="false",
    )


@dataclass(slots=True, kw_only=True)
class Manifest(Located):
    """petition.yaml."""

    title: str = data(
        "The letter's title, printed at its head and stored as the PDF's title.",
        required=True,
        non_blank=True,
        example="Petition to the International Association of Prosecutors",
        translatable=True,
    )
    subtitle: str | None = data(
        "A line printed under the title.",
        example="A statement by 37 digital rights organisations",
        translatable=True,
    )
    slug: str | None = data(
        "Names the output files (letters, digits, '.', '_', '-'). Default: the project folder's name.",
        example="iap-2017",
        checked_by=(rules.ID_INVALID,),
    )
    place: str | None = data(
        "Where the letter is sent from, printed before the date. Without it the date stands alone.",
        non_blank=True,
        example="The Hague",
        translatable=True,
    )
    date: dt.date | None = data(
        "The letter's date, YYYY-MM-DD. Default: the day it is built (`--date` overrides both).",
        kind=Kind.DATE,
        example="2017-09-05",
        checked_by=(rules.DATE_FUTURE,),
    )
    language: str = data(
        "BCP 47 tag of the letter's language: it drives the date format and the quotation marks.",
        default="en-GB",
        shown_default="en-GB",
        example="en-GB",
        checked_by=(rules.LANGUAGE_INVALID,),
    )
    sender: str | None = data(
        "Who publishes the letter; stored as the PDF's author.",
        example="Netherlands Helsinki Committee",
        translatable=True,
    )
    subject: str | None = data(
        "What the letter is about, in one line; stored as the PDF's subject.",
        example="Human rights compliance at the International Association of Prosecutors",
        translatable=True,
    )
    keywords: list[str] = data(
        "Keywords stored in the PDF's metadata.",
        kind=Kind.LINES,
        default=[],
        example="[IAP, prosecutors, human rights]",
        translatable=True,
    )
    recipient: str | None = data(
        "The id (in recipients.yaml) of the recipient a build addresses by default. Without it the letter "
        "is a statement: no address block, no salutation, and recipients.yaml may be left out.",
        non_blank=True,
        example="iap-leadership",
        checked_by=(rules.RECIPIENT_UNKNOWN,),
    )
    signatories_heading: str | None = data(
        "The heading printed above the signatories.",
        example="Supporting organisations:",
        translatable=True,
    )
    signatories_order: SignatoryOrder = data(
        "The order signatories are printed in: as listed in the file, alphabetical (accents and case "
        "ignored), or by country, under each country's name in the letter's language.",
        choices=SignatoryOrder,
        default=SignatoryOrder.AS_LISTED,
        shown_default="as-listed",
    )
    letterhead: str | None = data(
        "An image in the project (PNG, JPEG, GIF, WebP or SVG) printed at the top of the first page.",
        kind=Kind.PATH,
        example="letterhead.png",
    )
    epigraph: str | None = data(
        "A Markdown file printed before the salutation and the body: a quotation, a motto.",
        kind=Kind.PATH,
        example="epigraph.md",
    )
    closing: str | None = data(
        "A line printed after the body, before the signatories.",
        example="Sincerely,",
        translatable=True,
    )
    postscript: str | None = data(
        "A Markdown file printed after the signatories: a disclaimer, contact details, partners' logos.",
        kind=Kind.PATH,
        example="postscript.md",
    )
    links_in_print: LinksInPrint = data(
        "Where the PDF and the text letter show the address of a link whose text is not its address: in "
        "a footnote of its own (the text letter puts it after the link text), inline after the link "
        "text, or not at all.",
        choices=LinksInPrint,
        default=LinksInPrint.FOOTNOTE,
        shown_default="footnote",
    )
    engine: PdfEngine = data(
        "What prints the PDF: WeasyPrint, or Typst for long letters in seconds "
        "(an optional extra: pip install 'petitioncli[typst]'). `--engine` overrides it.",
        choices=PdfEngine,
        default=PdfEngine.WEASYPRINT,
        shown_default="weasyprint",
    )
    body: str = data(
        "The letter's text in Markdown, between the salutation and the signatories.",
        kind=Kind.PATH,
        default="letter.md",
        shown_default="letter.md",
        translatable=True,
    )
    footnotes: str = data(
        "The footnotes' texts, by id. May be left out when the letter has no notes.",
        kind=Kind.PATH,
        default="footnotes.yaml",
        shown_default="footnotes.yaml",
        translatable=True,
    )
    signatories: str | list[SignatoryGroup] = data(
        "The signatories: a .yaml, .yml or .csv file, or a list of groups, each with a `heading`, its "
        "`file` and an optional `count`, printed in the order given.",
        kind=Kind.PATH_OR_RECORDS,
        record=SignatoryGroup,
        checked_by=(rules.VALUE_UNKNOWN, rules.SIGNATORY_GROUP),
        default="signatories.yaml",
        shown_default="signatories.yaml",
    )
    recipients: str = data(
        "The bodies the letter can be addressed to, by id.",
        kind=Kind.PATH,
        default="recipients.yaml",
        shown_default="recipients.yaml",
    )
    translations: dict[str, Translation] = data(
        "The letter in other languages, by BCP 47 tag: each gives its own title, place, body, footnotes and "
        "signatories heading (and may give sender, subject and keywords); the signatories are the same.",
        kind=Kind.TRANSLATIONS,
        default={},
        example="{fr: {title: Pétition …, place: La Haye, body: letter.fr.md, footnotes: footnotes.fr.yaml}}",
        checked_by=(rules.LANGUAGE_INVALID, rules.TRANSLATION_MISSING, rules.TRANSLATION_MISMATCH),
    )


@dataclass(slots=True, kw_only=True)
class Translation(Located):
    """One entry of the manifest's `translations`: the translatable keys given in `language`."""

    language: str
    values: dict[str, Any]


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
        kind=Kind.RULE_IDS,
        default=(),
        example="signatory-namesake",
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
    salutation: str = data(
        "The salutation, on as many lines as it needs (use a `|-` block for several). "
        "Per language: {en: …, fr: …}; every edition needs its own.",
        required=True,
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
