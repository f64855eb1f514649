"""The manifest, `petition.yaml`: the letter's own values, its signatory groups and its translations.

Each field's `data(…)` describes its key, as in `records.py`: the readers
validate with these descriptions and `petition schema` publishes them.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass
from typing import Any

from .. import rules
from ..fields import Kind, data
from ..formats import DEFAULT_ENGINE, Engine
from .records import Located


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


class NoDate(enum.StrEnum):
    """`date: none`: the letter prints no date line."""

    NONE = "none"


@dataclass(slots=True, kw_only=True)
class SignatoryGroup(Located):
    """One entry of the manifest's `signatories` list: a heading, and the file its signatories are in."""

    heading: str | None = data(
        "Printed above the group's signatories, in the order the groups are listed. Without it the group "
        "stands directly under what precedes it (the closing, or the group before), with no count.",
        non_blank=True,
        example="Original signatories",
        translatable=True,
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
    order: SignatoryOrder | None = data(
        "The order this group's signatories are printed in, instead of the manifest's `signatories_order` "
        "(the authors as listed, the co-signers alphabetically).",
        choices=SignatoryOrder,
        example="alphabetical",
    )
    numbered: bool | None = data(
        "Print each signatory of the group with its number (1., 2., …), in printed order, counting only "
        "confirmed signatories. Default: the manifest's `numbered`.",
        kind=Kind.FLAG,
        example="true",
    )
    logos: bool | None = data(
        "Show the group's signatories' `logo` images: a grid of logos in the web page, a small logo beside "
        "each name in print. Default: false.",
        kind=Kind.FLAG,
        example="true",
    )
    highlighted_first: bool | None = data(
        "Print the group's highlighted signatories (`highlight: true`) before the others, each part in the "
        "group's order. Default: false.",
        kind=Kind.FLAG,
        example="true",
    )


@dataclass(slots=True, kw_only=True)
class RuleSettings(Located):
    """The manifest's `rules`: which rules the project does not want reported, and which warnings fail."""

    ignore: tuple[str, ...] = data(
        "Rule ids never reported for this project, as a list or separated by commas. A rule that stops a file "
        "from being read (`file-missing`, `file-encoding`, …) cannot be ignored.",
        kind=Kind.RULE_IDS,
        default=(),
        example="[url-insecure]",
    )
    error: tuple[str, ...] = data(
        "Warnings reported as errors, which make `check` and `build` fail as an error does.",
        kind=Kind.RULE_IDS,
        default=(),
        example="[signatory-namesake, footnote-unused]",
    )
    per_file_ignores: dict[str, tuple[str, ...]] = data(
        "Rule ids not reported in the files a glob matches: the glob is matched against the file's path relative "
        "to this folder (`*` also crosses `/`), and a glob without `/` against the file's name as well.",
        kind=Kind.RULE_IDS_BY_FILE,
        default={},
        example="{'signatories/*.csv': [whitespace-stray]}",
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
    date: dt.date | NoDate | None = data(
        "The letter's date, YYYY-MM-DD, or `none` for a letter that prints no date (a statement, a pledge; "
        "its file names still carry the build's date). Default: the day it is built (`--date` overrides all).",
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
    numbered: bool = data(
        "Print every signatory with its number, as long petitions do; a group's `numbered` overrides it.",
        kind=Kind.FLAG,
        default=False,
        shown_default="false",
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
    letterhead_alt: str | None = data(
        "What the letterhead shows, for readers who cannot see it (the web page's alternative text). "
        "Default: the sender.",
        example="Netherlands Helsinki Committee",
        translatable=True,
    )
    epigraph: str | None = data(
        "A Markdown file printed before the salutation and the body: a quotation, a motto.",
        kind=Kind.PATH,
        example="epigraph.md",
        translatable=True,
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
        translatable=True,
    )
    links_in_print: LinksInPrint = data(
        "Where the PDF and the text letter show the address of a link whose text is not its address: in "
        "a footnote of its own (the text letter puts it after the link text), inline after the link "
        "text, or not at all.",
        choices=LinksInPrint,
        default=LinksInPrint.FOOTNOTE,
        shown_default="footnote",
    )
    engine: Engine = data(
        "What prints the PDF: WeasyPrint, or Typst for long letters in seconds "
        "(an optional extra: pip install 'petitioncli[typst]'). `--engine` overrides it.",
        choices=Engine,
        default=DEFAULT_ENGINE,
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
        "The signatories: a .yaml, .yml or .csv file, or a list of groups printed in the order given, each "
        "with its `file` and optionally a `heading`, `count`, `order`, `numbered` and `highlighted_first`.",
        kind=Kind.PATH_OR_RECORDS,
        record=SignatoryGroup,
        checked_by=(rules.VALUE_UNKNOWN, rules.SIGNATORY_GROUP),
        default="signatories.yaml",
        shown_default="signatories.yaml",
        translatable=True,
    )
    recipients: str = data(
        "The bodies the letter can be addressed to, by id.",
        kind=Kind.PATH,
        default="recipients.yaml",
        shown_default="recipients.yaml",
    )
    translations: dict[str, Translation] = data(
        "The letter in other languages, by BCP 47 tag: each gives, under the same key, its own form of every "
        "translatable key the original has (title, place, body, footnotes, closing, each group's heading as "
        "`signatories: [{heading: …}]` in the groups' order, …); the signatories themselves are the same.",
        kind=Kind.TRANSLATIONS,
        default={},
        example="{fr: {title: Lettre ouverte, place: Votre ville, closing: Salutations distinguées, "
        "body: letter.fr.md, footnotes: footnotes.fr.yaml}}",
        checked_by=(rules.LANGUAGE_INVALID, rules.TRANSLATION_MISSING, rules.TRANSLATION_MISMATCH),
    )
    # Last: in the class body the name `rules` hides the module from the fields after it.
    rules: RuleSettings | None = data(
        "How `check` and `build` report rules for this project: `ignore` (ids never reported), `error` (warnings "
        "that fail) and `per_file_ignores` (glob to ids). A `noqa` comment silences one place instead.",
        kind=Kind.NESTED,
        record=RuleSettings,
        checked_by=(rules.KEY_UNKNOWN, rules.VALUE_UNKNOWN),
        example="{ignore: [url-insecure], error: [signatory-namesake]}",
    )


@dataclass(slots=True, kw_only=True)
class Translation(Located):
    """One entry of the manifest's `translations`: the translatable keys given in `language`."""

    language: str
    values: dict[str, Any]
