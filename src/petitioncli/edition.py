"""Choosing what one printed letter holds: recipient, date, numbered notes, signatories."""

from __future__ import annotations

import datetime as dt

from . import markdown
from .dates import long_date
from .diagnostics import PetitionError
from .model import Edition, Letter, NumberedFootnote, SignatoryOrder, Status
from .text import sort_key

ALL_RECIPIENTS = "all"


def recipient_ids(letter: Letter, choice: str | None) -> list[str]:
    """`--to ID|all`; without it, the manifest's recipient."""
    if choice == ALL_RECIPIENTS:
        return list(letter.recipients)
    rid = choice or letter.manifest.recipient
    if rid not in letter.recipients:
        known = ", ".join(letter.recipients) or "none"
        raise PetitionError(f"unknown recipient '{rid}'; known recipients: {known}")
    return [rid]


def make_edition(letter: Letter, recipient_id: str, date: dt.date, *, draft: bool = False) -> Edition:
    manifest = letter.manifest
    numbers: dict[str, int] = {}
    for label in markdown.note_labels(letter.body.document.blocks):
        if label in letter.footnotes and label not in numbers:
            numbers[label] = len(numbers) + 1
    footnotes = [NumberedFootnote(n, letter.footnotes[label]) for label, n in numbers.items()]

    shown = {Status.CONFIRMED, Status.PENDING} if draft else {Status.CONFIRMED}
    signatories = [s for s in letter.signatories if s.status in shown]
    if manifest.signatories_order is SignatoryOrder.ALPHABETICAL:
        signatories.sort(key=lambda s: sort_key(s.name))

    recipient = letter.recipients[recipient_id]
    date_text = long_date(date, manifest.language)
    return Edition(
        letter=letter,
        recipient=recipient,
        language=manifest.language,
        title=manifest.title,
        sender=manifest.sender,
        subject=manifest.subject,
        keywords=manifest.keywords,
        date=date,
        date_text=date_text,
        place_and_date=f"{manifest.place}, {date_text}" if manifest.place else date_text,
        address=recipient.address,
        salutation=recipient.salutation,
        body=letter.body,
        footnotes=footnotes,
        footnote_numbers=numbers,
        signatories_heading=manifest.signatories_heading,
        signatories=signatories,
        draft=draft,
    )
