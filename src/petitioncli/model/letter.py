"""What the loader reads a project into (`Letter`), and one letter as printed (`Edition`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Pos
from ..images import Embeddable
from ..language import Words
from ..language import words as words_for
from ..markdown import Document, Inline
from .manifest import LinksInPrint, Manifest, SignatoryOrder, Translation
from .records import Located, Recipient, Signatory


@dataclass(slots=True, kw_only=True)
class Footnote(Located):
    """One entry of footnotes.yaml: `pos` is its id, `where('text')` its text."""

    id: str
    text: str
    inlines: tuple[Inline, ...]


@dataclass(slots=True)
class Body:
    """letter.md, parsed; blocks keep the line their source starts on."""

    path: Path
    source: str
    document: Document


@dataclass(slots=True)
class TranslatedTexts:
    """A translation's files, read: what an edition in its language prints instead of the original's."""

    translation: Translation
    body: Body
    footnotes: dict[str, Footnote]
    # The translation's own epigraph and postscript, when the original has them.
    epigraph: Body | None = None
    postscript: Body | None = None


@dataclass(slots=True)
class Letter:
    root: Path
    manifest_path: Path
    manifest: Manifest
    # The manifest's slug, or the one made from the folder's name.
    slug: str
    body: Body
    footnotes: dict[str, Footnote]
    # Every signatory of every file, in reading order.
    signatories: list[Signatory]
    recipients: dict[str, Recipient]
    # By language tag, as the manifest's `translations` names them.
    translations: dict[str, TranslatedTexts] = field(default_factory=dict)
    # The signatories as the manifest groups them: one group without a heading
    # when `signatories` names one file.
    groups: list[Group] = field(default_factory=list)
    # The optional Markdown printed before the body and after the signatories.
    epigraph: Body | None = None
    postscript: Body | None = None
    # The letterhead image, a file in the project.
    letterhead: Path | None = None
    # Every image the letter shows (letterhead, epigraph, body, postscript,
    # translations), by its path in the project, as `check` read and prepared
    # it: the renderers embed these and read no image file themselves. An
    # image check found unusable is not here, and is left out.
    images: dict[str, Embeddable] = field(default_factory=dict)

    @property
    def documents(self) -> list[Body]:
        """The Markdown files in the order they are printed: epigraph, body, postscript."""
        return [body for body in (self.epigraph, self.body, self.postscript) if body is not None]

    @property
    def every_document(self) -> list[Body]:
        """Every Markdown file read: the original's documents, then each translation's body, epigraph, postscript."""
        translated = (
            body
            for texts in self.translations.values()
            for body in (texts.body, texts.epigraph, texts.postscript)
            if body is not None
        )
        return [*self.documents, *translated]


@dataclass(slots=True)
class Group:
    """A group of signatories as read: its heading (None for a plain list) and members in file order."""

    heading: str | None
    count: bool
    file: Path
    signatories: list[Signatory]
    # The group's entry in the manifest.
    pos: Pos
    # The group's own `order`, `numbered` and `highlighted_first`; None: the manifest's.
    order: SignatoryOrder | None = None
    numbered: bool | None = None
    highlighted_first: bool = False
    logos: bool = False


@dataclass(slots=True)
class EditionGroup:
    """A group as printed: its heading with its count when asked for, and the members printed."""

    heading: str | None
    signatories: list[Signatory]
    # 1 for a country's heading under a group's own (`signatories_order: country`).
    level: int = 0
    # Each signatory's printed number, where the group is numbered (None for a pending one in a draft).
    numbers: list[int | None] | None = None
    # The signatories' logos are shown (`logos: true` on the group).
    logos: bool = False


@dataclass(slots=True)
class NumberedFootnote:
    number: int
    footnote: Footnote


@dataclass(slots=True, kw_only=True)
class Edition:
    """One letter as printed: every text a renderer prints is here, chosen for this recipient.

    Its texts, Markdown trees and notes carry the typographic quotes of its
    language already: a renderer prints them as they are. Signatories are
    data and keep the quotes they were written with.
    """

    letter: Letter
    # None for a statement or pledge, which addresses no one.
    recipient: Recipient | None
    language: str
    # A translation's edition (its file names carry the language tag).
    translated: bool
    title: str
    sender: str | None
    subject: str | None
    keywords: list[str]
    date: dt.date
    date_text: str
    place_and_date: str
    address: list[str]
    salutation: str | None
    subtitle: str | None = None
    links_in_print: LinksInPrint = LinksInPrint.FOOTNOTE
    letterhead: Path | None = None
    # What the letterhead shows, for readers who cannot see it.
    letterhead_alt: str | None = None
    epigraph: Body | None = None
    body: Body
    closing: str | None = None
    postscript: Body | None = None
    footnotes: list[NumberedFootnote]
    footnote_numbers: dict[str, int]
    signatories_heading: str | None
    # Every signatory printed, in print order; `groups` holds them as printed, group by group.
    signatories: list[Signatory]
    groups: list[EditionGroup] = field(default_factory=list)
    draft: bool = False
    # The program's own words (the draft mark, "on behalf of") in the edition's language.
    words: Words = field(default_factory=lambda: words_for("en"))
