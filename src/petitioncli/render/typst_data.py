"""The letter as data for the Typst template: every text a string, never markup.

Typst reads `letter.json` and builds the page from it (`templates/letter.typ`):
the Markdown tree of `markdown/` walked into plain JSON nodes, the notes'
texts at their first call, the signatories as short rows. A title such as
`#import "x"` or a name with `*` and `$` in it reaches Typst as a string and
prints as written: nothing here is ever pasted into Typst markup, which is how
escaping goes wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import assert_never

from .. import images, markdown
from ..language import is_right_to_left
from ..markdown import (
    Block,
    BlockQuote,
    Code,
    CodeBlock,
    Emphasis,
    HardBreak,
    Heading,
    Image,
    Inline,
    Link,
    ListBlock,
    NoteDefinition,
    NoteRef,
    Paragraph,
    RawBlock,
    RawHtml,
    SoftBreak,
    Table,
    Text,
    ThematicBreak,
    linkable,
    project_relative_path,
    shown_address,
    walk_inlines,
)
from ..model import Body, Edition, LinksInPrint, Signatory, Status
from .html import MAX_TWO_COLUMN_SIGNATORIES
from .outline import Outline
from .text import draft_mark_points, printed_links, signatory_details

PAPERS = {"a4": "a4", "letter": "us-letter"}
_IMAGE_SUFFIXES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", images.SVG: "svg"}

Json = dict | list | str | int | bool | None
# What HTML collapses into one space (CSS `white-space: normal`); Typst prints a string's every space.
_SPACES = re.compile(r"[ \t\n\r\f]+")
# Characters PDF/UA forbids in a PDF's text, which Typst then refuses to write; none of them is seen
# (a byte order mark in the middle of a text is a zero-width no-break space), and WeasyPrint prints nothing.
_UNWRITABLE = dict.fromkeys(map(ord, "\x00\ufeff\ufffe\uffff"))


@dataclass(slots=True)
class LetterData:
    data: dict
    # Files the template may read besides letter.json: project images, by the name it uses.
    images: dict[str, bytes] = field(default_factory=dict)
    # Every string the letter prints, for the fonts to be checked against.
    printed: list[str] = field(default_factory=list)


def letter_data(
    edition: Edition,
    paper: str,
    *,
    replace: Callable[[str], str] | None = None,
    break_before: tuple[int, ...] = (),
) -> LetterData:
    """`replace` prints the characters no font can draw as the mark printed instead (`fonts.replacing`);
    `break_before` the notes whose calling block must start a new page."""
    return _Builder(edition, replace).letter(paper, break_before)


class _Builder:
    def __init__(self, edition: Edition, replace: Callable[[str], str] | None):
        self.edition = edition
        self.replace = replace
        self.out = LetterData({})
        # The notes' texts by number, with the edition's quotation marks.
        self.notes = {n.number: n.footnote.inlines for n in edition.footnotes}
        self.seen_notes: set[int] = set()
        self.image_names: dict[str, str] = {}
        self.outline = Outline()
        # Links' addresses printed as notes are numbered after the author's notes, which keep their numbers.
        self.link_notes = len(edition.footnotes)

    def text(self, value: str) -> str:
        """A string the letter prints: spaces collapsed as on the web page, unprintable characters replaced."""
        return self.verbatim(_SPACES.sub(" ", value))

    def verbatim(self, value: str) -> str:
        """A string printed with its spaces and line breaks as written (a code block)."""
        value = value.translate(_UNWRITABLE)
        if self.replace is not None:
            value = self.replace(value)
        self.out.printed.append(value)
        return value

    def letter(self, paper: str, break_before: tuple[int, ...]) -> LetterData:
        edition = self.edition
        language, _, rest = edition.language.partition("-")
        region = next((part for part in rest.split("-") if len(part) == 2 and part.isalpha()), None)
        manifest = edition.letter.manifest
        letterhead = None
        if edition.letterhead is not None:
            letterhead = self.image_file(str(manifest.letterhead))
        # In print order, so that each note is set at its first call.
        epigraph = self.document(edition.epigraph) if edition.epigraph else None
        body = self.document(edition.body)
        postscript = self.document(edition.postscript) if edition.postscript else None
        self.out.data = {
            "lang": language.lower(),
            "region": region.upper() if region else None,
            "dir": "rtl" if is_right_to_left(edition.language) else "ltr",
            "paper": PAPERS[paper],
            "title": self.text(edition.title),
            "subtitle": self.text(edition.subtitle) if edition.subtitle else None,
            "letterhead": letterhead,
            "author": self.text(edition.sender) if edition.sender else None,
            "subject": self.text(edition.subject) if edition.subject else None,
            "keywords": [self.text(keyword) for keyword in edition.keywords],
            "date": [edition.date.year, edition.date.month, edition.date.day],
            "place_prefix": self.text(edition.place_and_date.removesuffix(edition.date_text)),
            "date_text": self.text(edition.date_text),
            "address": [self.text(line) for line in edition.address],
            "salutation": [self.text(line) for line in edition.salutation.split("\n")] if edition.salutation else [],
            "epigraph": epigraph,
            "body": body,
            "closing": self.text(edition.closing) if edition.closing else None,
            "heading": self.text(edition.signatories_heading) if edition.signatories_heading else None,
            # Group headings sit below the signatories' own heading, when there is one.
            "groups": [
                {
                    "heading": self.text(group.heading) if group.heading else None,
                    "level": (3 if edition.signatories_heading else 2) + group.level,
                    "signatories": [
                        self.signatory(s, group.numbers[index] if group.numbers is not None else None, group.logos)
                        for index, s in enumerate(group.signatories)
                    ],
                }
                for group in edition.groups
            ],
            # One column past the same number of signatories as the web page and WeasyPrint.
            "one_column": len(edition.signatories) > MAX_TWO_COLUMN_SIGNATORIES,
            "postscript": postscript,
            "draft": edition.words.draft if edition.draft else None,
            "draft_points": draft_mark_points(edition.words.draft),
            "pending": edition.words.pending,
            "break_before": list(break_before),
        }
        return self.out

    def document(self, body: Body) -> list[Json]:
        """A Markdown file of the letter (epigraph, body, postscript), block by block."""
        self.outline = Outline()
        blocks = body.document.blocks
        return [node for block in blocks if (node := self.top_block(block)) is not None]

    def signatory(self, signatory: Signatory, number: int | None, logos: bool) -> list[Json]:
        """[name, what follows it, url, pending, number, highlight, logo]: short rows, for letters of 100,000."""
        # Signatories are data: their quotes print as written, in every edition.
        details = signatory_details(signatory, self.edition) + printed_links(signatory)
        logo = None
        if logos and signatory.logo is not None:
            logo = self.image_file(signatory.logo)
        return [
            self.text(signatory.name),
            self.text(details.removeprefix(", ")),
            signatory.link,
            self.edition.draft and signatory.status is Status.PENDING,
            number,
            signatory.highlight,
            logo,
        ]

    def top_block(self, block: Block) -> Json:
        """A block of the letter's body, with the notes first called inside it."""
        first_calls = [n for n in self.note_numbers(block) if n not in self.seen_notes]
        node = self.block(block)
        if isinstance(node, dict) and first_calls:
            node["notes"] = first_calls
        return node

    def note_numbers(self, block: Block) -> list[int]:
        numbers = self.edition.footnote_numbers
        found: list[int] = []
        for container in markdown.inline_containers((block,)):
            for node in walk_inlines(container.children):
                if isinstance(node, NoteRef) and (number := numbers.get(node.label or "")) is not None:
                    found.append(number)
        return list(dict.fromkeys(found))

    def blocks(self, blocks: tuple[Block, ...]) -> list[Json]:
        return [node for block in blocks if (node := self.block(block)) is not None]

    def block(self, block: Block) -> Json:
        match block:
            case Paragraph():
                return {"t": "par", "c": self.inlines(block.children)}
            case Heading():
                return {"t": "heading", "level": self.outline.level(block.level), "c": self.inlines(block.children)}
            case ListBlock():
                return {
                    "t": "list",
                    "ordered": block.ordered,
                    "start": block.start,
                    "tight": block.tight,
                    "items": [self.blocks(item.children) for item in block.items],
                }
            case BlockQuote():
                return {"t": "quote", "c": self.blocks(block.children)}
            case Table():
                return self.table(block)
            case CodeBlock():
                return {"t": "codeblock", "text": self.verbatim(block.text.rstrip("\n"))}
            case ThematicBreak():
                return {"t": "hr"}
            case RawBlock() | NoteDefinition():
                # Raw HTML never reaches a letter; footnote definitions in letter.md are an error.
                return None
            case _:
                assert_never(block)

    def table(self, block: Table) -> Json:
        """Every row as wide as the header, as the page's table lays them out."""
        width = len(block.header)

        def cells(row: tuple[Paragraph, ...]) -> list[Json]:
            found: list[Json] = [self.inlines(cell.children) for cell in row[:width]]
            return found + [[] for _ in range(width - len(found))]

        return {
            "t": "table",
            "align": [*block.align[:width], *[None] * (width - len(block.align))],
            "header": cells(block.header),
            "rows": [cells(row) for row in block.rows],
        }

    def inlines(self, nodes: tuple[Inline, ...], *, in_note: bool = False) -> list[Json]:
        out: list[Json] = []
        for node in nodes:
            item = self.inline(node, in_note)
            if isinstance(item, list):
                out.extend(item)
            elif item is not None:
                out.append(item)
        # Neighbouring strings joined: fewer nodes for the template to walk.
        joined: list[Json] = []
        for item in out:
            if isinstance(item, str) and joined and isinstance(joined[-1], str):
                joined[-1] += item
            else:
                joined.append(item)
        return joined

    def inline(self, node: Inline, in_note: bool) -> Json | list[Json]:
        match node:
            case Text():
                return self.text(node.text)
            case SoftBreak():
                return " "
            case HardBreak():
                return {"t": "br"}
            case Code():
                return {"t": "code", "text": self.text(node.text)}
            case Emphasis():
                kind = "strong" if node.strong else "em"
                return {"t": kind, "c": self.inlines(node.children, in_note=in_note)}
            case Link():
                return self.link(node, in_note)
            # A note holds no images and no calls of notes.
            case Image():
                return None if in_note else self.image(node)
            case NoteRef():
                return None if in_note else self.note_call(node.label or "")
            case RawHtml():
                return None  # raw HTML never reaches a letter
            case _:
                assert_never(node)

    def link(self, node: Link, in_note: bool) -> Json | list[Json]:
        """A link, and where it leads for print: a note of its own, or after its text (a note holds no note)."""
        children = self.inlines(node.children, in_note=in_note)
        if not linkable(node.href):
            return children
        link: Json = {"t": "link", "href": node.href, "c": children}
        mode = self.edition.links_in_print
        address = shown_address(node) if mode is not LinksInPrint.NONE else None
        if address is None:
            return link
        shown = self.text(f"<{address}>")
        if mode is LinksInPrint.FOOTNOTE and not in_note:
            self.link_notes += 1
            return [link, {"t": "address-note", "n": self.link_notes, "text": shown}]
        return [link, {"t": "url", "text": " " + shown}]

    def note_call(self, label: str) -> Json:
        """The note's text at its first call (Typst sets it at the page foot), a reference to it after."""
        number = self.edition.footnote_numbers.get(label)
        if number is None:
            return None
        if number in self.seen_notes:
            return {"t": "noteref", "n": number}
        self.seen_notes.add(number)
        return {"t": "note", "n": number, "c": self.inlines(self.notes[number], in_note=True)}

    def image(self, node: Image) -> Json:
        """Images from the project folder, as check judged them; an image check reported is left out."""
        name = self.image_file(node.src)
        if name is None:
            return None
        # PDF/UA wants every image described; an image with no alt text is named by its file.
        return {"t": "image", "path": name, "alt": self.text(node.alt or project_relative_path(node.src) or "")}

    def image_file(self, src: str) -> str | None:
        """The name Typst reads a project image by: the image as check prepared it, written beside letter.json."""
        relative = project_relative_path(src)
        picture = self.edition.letter.images.get(relative) if relative is not None else None
        if relative is None or picture is None:
            return None
        if relative in self.image_names:
            return self.image_names[relative]
        name = self.image_names[relative] = f"images/{len(self.image_names) + 1}.{_IMAGE_SUFFIXES[picture.media]}"
        self.out.images[name] = picture.data
        return name
