"""Choosing what one printed letter holds: recipient, language, date, numbered notes, signatories, quotes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from . import markdown
from .dates import date_printed, long_date
from .diagnostics import PetitionError, some_of
from .language import babel_locale, country_name, matching, quotes, words
from .markdown import Document
from .model import (
    Body,
    Edition,
    EditionGroup,
    Footnote,
    Letter,
    NumberedFootnote,
    Signatory,
    SignatoryOrder,
    Status,
    TranslatedTexts,
)
from .text import sort_key

ALL = "all"


def recipient_ids(letter: Letter, choice: str | None) -> list[str | None]:
    """`--to ID|all`; without it, the manifest's recipient. None: the one letter to no one in particular."""
    if choice == ALL:
        return list(letter.recipients) or [None]
    rid = choice or letter.manifest.recipient
    if rid is None:
        return [None]
    if rid not in letter.recipients:
        known = some_of(letter.recipients)
        raise PetitionError(f"unknown recipient '{rid}'; known recipients: {known}")
    return [rid]


def languages(letter: Letter, choice: str | None) -> list[str]:
    """`--lang TAG|all`: the editions' languages; without it, the letter's own.

    The letter's language comes first; a tag names it or a translation as
    the manifest writes them, or by its primary language (`fr` for `fr-BE`).
    """
    original = letter.manifest.language
    every = [original, *letter.translations]
    if choice == ALL:
        return every
    if choice is None:
        return [original]
    found = matching(every, choice)
    if found is None:
        raise PetitionError(f"no edition in '{choice}'; the letter is written in: {', '.join(every)}")
    return [found]


def make_edition(
    letter: Letter,
    recipient_id: str | None,
    date: dt.date,
    *,
    language: str | None = None,
    draft: bool = False,
    print_date: bool | None = None,
) -> Edition:
    """One letter as printed: the letter's own texts, or a translation's where `language` names one.

    Every text is set here with the quotation marks of the edition's
    language, the Markdown as a transform of the tree the loader read, so
    that every renderer prints the same letter without reading it again.

    `print_date`: whether the date line shows `date`; by default as the
    manifest says (`date: none` prints none), `--date` makes it True.
    """
    manifest = letter.manifest
    recipient = letter.recipients[recipient_id] if recipient_id is not None else None
    translated = letter.translations.get(language) if language is not None else None
    edition_language = language or manifest.language
    marks = quotes(edition_language)
    texts: dict[str, Any] = translated.translation.values if translated else {}
    for_recipient: dict[str, Any] = {}
    if translated is not None and recipient is not None:
        tag = matching(recipient.translated, translated.translation.language)
        for_recipient = recipient.translated[tag] if tag is not None else {}

    def text(key: str) -> Any:
        """The translation's value of a manifest key, else the letter's own."""
        value = texts.get(key)
        return value if value not in (None, []) else getattr(manifest, key)

    def typeset(value: str | None) -> str | None:
        return markdown.quote_plain(value, marks) if value else value

    def document(body: Body) -> Body:
        return dataclasses.replace(body, document=Document(markdown.quote_blocks(body.document.blocks, marks)))

    body = document(translated.body if translated else letter.body)
    # A translation's own epigraph and postscript, else the original's.
    around = [own or original for own, original in _around(letter, translated)]
    epigraph, postscript = (document(part) if part is not None else None for part in around)
    notes: dict[str, Footnote] = translated.footnotes if translated else letter.footnotes

    numbers: dict[str, int] = {}
    # Notes are numbered in print order: epigraph, body, postscript.
    for printed in (epigraph, body, postscript):
        if printed is not None:
            for label in markdown.note_labels(printed.document.blocks):
                if label in notes and label not in numbers:
                    numbers[label] = len(numbers) + 1
    footnotes = [
        NumberedFootnote(
            n, dataclasses.replace(notes[label], inlines=markdown.quote_inlines(notes[label].inlines, marks))
        )
        for label, n in numbers.items()
    ]
    headings = _group_headings(letter, texts.get("signatories"))
    groups = _printed_groups(letter, draft, edition_language, headings, marks)
    if print_date is None:
        print_date = date_printed(None, manifest.date)
    date_text = long_date(date, edition_language) if print_date else ""
    place = typeset(text("place"))
    address = for_recipient.get("address") or (recipient.address if recipient else [])
    salutation = for_recipient.get("salutation") or (recipient.salutation if recipient else None)
    return Edition(
        letter=letter,
        recipient=recipient,
        language=edition_language,
        translated=translated is not None,
        title=typeset(text("title")) or "",
        sender=text("sender"),
        subject=text("subject"),
        keywords=text("keywords"),
        date=date,
        date_text=date_text,
        place_and_date=", ".join(part for part in (place, date_text) if part),
        address=[typeset(line) or "" for line in address],
        salutation=typeset(salutation),
        subtitle=typeset(text("subtitle")),
        links_in_print=manifest.links_in_print,
        letterhead=letter.letterhead,
        letterhead_alt=text("letterhead_alt") or text("sender"),
        epigraph=epigraph,
        body=body,
        closing=typeset(text("closing")),
        postscript=postscript,
        footnotes=footnotes,
        footnote_numbers=numbers,
        signatories_heading=typeset(text("signatories_heading")),
        signatories=[signatory for group in groups for signatory in group.signatories],
        groups=groups,
        draft=draft,
        words=words(edition_language),
    )


def _around(letter: Letter, translated: TranslatedTexts | None) -> list[tuple[Body | None, Body | None]]:
    """(the translation's, the original's) epigraph, then postscript."""
    own = (translated.epigraph, translated.postscript) if translated else (None, None)
    return [(own[0], letter.epigraph), (own[1], letter.postscript)]


def _group_headings(letter: Letter, translated: Any) -> list[str | None]:
    """Each group's heading as the edition prints it: the translation's, by position, else the original's."""
    given = translated if isinstance(translated, list) else []
    headings = []
    for index, group in enumerate(letter.groups):
        entry = given[index] if index < len(given) else None
        heading = entry.get("heading") if isinstance(entry, dict) else None
        headings.append(heading or group.heading)
    return headings


def _printed_groups(
    letter: Letter, draft: bool, language: str, headings: list[str | None], marks: markdown.Quotes
) -> list[EditionGroup]:
    """Each group's signatories that are printed, in print order; a group with none is left out."""
    manifest = letter.manifest
    shown = {Status.CONFIRMED, Status.PENDING} if draft else {Status.CONFIRMED}
    printed = []
    for group, heading in zip(letter.groups, headings, strict=True):
        signatories = [s for s in group.signatories if s.status in shown]
        if not signatories:
            continue
        order = group.order or manifest.signatories_order
        if order is not SignatoryOrder.AS_LISTED:
            signatories.sort(key=lambda s: sort_key(s.sort_as or s.name))
        if group.highlighted_first:
            # A stable sort: each part keeps the group's order.
            signatories.sort(key=lambda s: not s.highlight)
        if heading is not None:
            heading = markdown.quote_plain(heading, marks)
        if heading is not None and group.count:
            heading = _counted(heading, len(signatories), language)
        if order is SignatoryOrder.COUNTRY:
            # Highlighted signatories put first stand under the group's heading, before the countries.
            lead = [s for s in signatories if s.highlight] if group.highlighted_first else []
            rest = [s for s in signatories if not s.highlight] if lead else signatories
            parts = [EditionGroup(heading, lead)] if heading is not None or lead else []
            parts.extend(_by_country(rest, language, level=1 if heading is not None else 0))
        else:
            parts = [EditionGroup(heading, signatories)]
        numbered = manifest.numbered if group.numbered is None else group.numbered
        if numbered:
            _number(parts)
        for part in parts:
            part.logos = group.logos
        printed.extend(parts)
    return printed


def _number(parts: list[EditionGroup]) -> None:
    """Numbers a group's confirmed signatories in printed order, across its countries; pending ones get none."""
    count = 0
    for part in parts:
        numbers: list[int | None] = []
        for signatory in part.signatories:
            if signatory.status is Status.CONFIRMED:
                count += 1
                numbers.append(count)
            else:
                numbers.append(None)
        part.numbers = numbers


def _by_country(signatories: list[Signatory], language: str, level: int) -> list[EditionGroup]:
    """Signatories under their country's name in the letter's language, countries in its order; no country last."""
    countries: dict[str | None, list[Signatory]] = {}
    for signatory in signatories:
        name = country_name(signatory.country, language) or signatory.country
        countries.setdefault(name, []).append(signatory)
    named = sorted((name for name in countries if name is not None), key=sort_key)
    groups = [EditionGroup(name, countries[name], level) for name in named]
    if None in countries:
        groups.append(EditionGroup(None, countries[None], level))
    return groups


def _counted(heading: str, count: int, language: str) -> str:
    """'Original signatories (21)'; a colon that ends the heading stays last: 'Organisations (8,778):'."""
    from babel.numbers import format_decimal

    number = format_decimal(count, locale=babel_locale(language))
    stem = heading.rstrip()
    colon = stem.endswith(":")
    return f"{stem.removesuffix(':').rstrip()} ({number}){':' if colon else ''}"
