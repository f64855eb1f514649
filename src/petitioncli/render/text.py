"""The plain-text letter (`--format txt`): wrapped paragraphs, [n] calls, notes under a rule."""

from __future__ import annotations

import textwrap
from typing import assert_never

from ..formats import DEFAULT_WIDTH
from ..language import country_name
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
    project_relative_path,
    shown_address,
)
from ..model import Edition, LinksInPrint, Signatory, Status
from .wrapping import display_width, wrap


def render_text(edition: Edition, width: int = DEFAULT_WIDTH) -> str:
    return _TextWriter(edition, width).letter()


def draft_mark_points(word: str) -> float:
    """The size of the draft mark across a page: 110 pt for DRAFT, smaller for a longer word (BROUILLON)."""
    return round(110 * 5 / max(5, len(word)), 1)


def signatory_details(signatory: Signatory, edition: Edition) -> str:
    """What is printed after the name: "Title, Affiliation, on behalf of …, Location", as written."""
    behalf = f"{edition.words.on_behalf_of} {signatory.on_behalf_of}" if signatory.on_behalf_of else None
    # The country's name stands for a place when none is given.
    place = signatory.location or country_name(signatory.country, edition.language)
    parts = (signatory.title, signatory.affiliation, behalf, place)
    return ", ".join(part for part in parts if part)


def printed_links(signatory: Signatory) -> str:
    """A signatory's further links as print shows them, after its details: ", Label <https://…>"."""
    return "".join(f", {link.label} <{link.url}>" for link in signatory.links)


def signatory_line(signatory: Signatory, edition: Edition, number: int | None = None) -> str:
    """One signatory as the text letter prints it; a highlighted name between asterisks, plain text's bold."""
    name = f"*{signatory.name}*" if signatory.highlight else signatory.name
    details = signatory_details(signatory, edition)
    line = f"{name}, {details}" if details else name
    line += printed_links(signatory)
    if number is not None:
        line = f"{number}. {line}"
    if edition.draft and signatory.status is Status.PENDING:
        line += f" ({edition.words.pending})"
    return line


class _TextWriter:
    def __init__(self, edition: Edition, width: int):
        self.edition = edition
        self.width = width

    def letter(self) -> str:
        edition = self.edition
        blocks: list[str] = []
        if edition.draft:
            blocks.append(edition.words.draft)
        blocks.append(self.wrap(edition.title))
        if edition.subtitle:
            blocks.append(self.wrap(edition.subtitle))
        blocks.append(self.wrap(edition.place_and_date))
        if edition.address:
            blocks.append("\n".join(self.wrap(line) for line in edition.address))
        if edition.epigraph:
            # Indented, as a quotation set apart from the letter.
            blocks.extend(self.blocks(edition.epigraph.document.blocks, indent="    "))
        if edition.salutation:
            blocks.append(self.wrap(edition.salutation))
        blocks.extend(self.blocks(edition.body.document.blocks, indent=""))
        if edition.closing:
            blocks.append(self.wrap(edition.closing))
        if edition.signatories and edition.signatories_heading:
            blocks.append(self.wrap(edition.signatories_heading))
        for group in edition.groups:
            if group.heading:
                blocks.append(self.wrap(group.heading))
            # A line too long for the width goes on indented, so that each signatory still starts a line.
            numbers = group.numbers or [None] * len(group.signatories)
            lines = [
                self.wrap(signatory_line(s, edition, number=n), subsequent="  ")
                for s, n in zip(group.signatories, numbers, strict=True)
            ]
            if lines:
                blocks.append("\n".join(lines))
        if edition.postscript:
            blocks.extend(self.blocks(edition.postscript.document.blocks, indent=""))
        # Notes at the end, as a plain-text reader scrolls to them: never between the text and its closing.
        if edition.footnotes:
            notes = [self.footnote(n.number, n.footnote.inlines) for n in edition.footnotes]
            blocks.append("-" * min(20, self.width) + "\n" + "\n".join(notes))
        return "\n\n".join(block for block in blocks if block) + "\n"

    def footnote(self, number: int, inlines: tuple[Inline, ...]) -> str:
        call = f"[{number}] "
        return self.wrap(self.inline(inlines), initial=call, subsequent=" " * len(call))

    def wrap(self, text: str, *, initial: str = "", subsequent: str = "") -> str:
        """Wraps at the width without ever breaking a word or URL; hard breaks stay."""
        return wrap(text, self.width, initial, subsequent)

    def blocks(self, nodes: tuple[Block, ...], indent: str) -> list[str]:
        out = []
        for node in nodes:
            rendered = self.block(node, indent)
            if rendered:
                out.append(rendered)
        return out

    def block(self, node: Block, indent: str) -> str:
        match node:
            case Heading():
                # Set apart as Markdown's own setext headings are: underlined, = for the first level.
                text = self.wrap(self.inline(node.children), initial=indent, subsequent=indent)
                rule = "=" if node.level == 1 else "-"
                return f"{text}\n{indent}{rule * display_width(text.rsplit(chr(10), 1)[-1][len(indent) :])}"
            case Paragraph():
                return self.wrap(self.inline(node.children), initial=indent, subsequent=indent)
            case ListBlock():
                return self.list_block(node, indent)
            case BlockQuote():
                return "\n\n".join(self.blocks(node.children, indent + "> "))
            case Table():
                return self.table(node, indent)
            case CodeBlock():
                return textwrap.indent(node.text.rstrip("\n"), indent + "    ")
            case ThematicBreak():
                return indent + "* * *"
            case RawBlock() | NoteDefinition():
                # Raw HTML and footnote definitions are never printed.
                return ""
            case _:
                assert_never(node)

    def table(self, node: Table, indent: str) -> str:
        """Columns as Pandoc's simple tables set them when they fit the width; else one record per row.

        A record is each header and its cell on a line ("Country: France"),
        wrapped, so that no cell is ever cut or a line made longer than the width.
        """
        header = [self.inline(cell.children).replace("\n", " ") for cell in node.header]
        rows = [[self.inline(cell.children).replace("\n", " ") for cell in cells] for cells in node.rows]
        widths = [max(display_width(row[column]) for row in (header, *rows)) for column in range(len(header))]
        if display_width(indent) + sum(widths) + 2 * (len(widths) - 1) <= self.width:
            lines = [self._table_line(header, widths, node.align, indent)]
            lines.append(indent + "  ".join("-" * width for width in widths))
            lines.extend(self._table_line(row, widths, node.align, indent) for row in rows)
            return "\n".join(lines)
        records = []
        for row in rows:
            fields = [f"{name}: {value}" if name else value for name, value in zip(header, row, strict=True) if value]
            records.append("\n".join(self.wrap(field, initial=indent, subsequent=indent + "  ") for field in fields))
        return "\n\n".join(records)

    @staticmethod
    def _table_line(cells: list[str], widths: list[int], align: tuple[str | None, ...], indent: str) -> str:
        out = []
        for column, (cell, width) in enumerate(zip(cells, widths, strict=True)):
            pad = width - display_width(cell)
            side = align[column] if column < len(align) else None
            if side == "right":
                out.append(" " * pad + cell)
            elif side == "center":
                out.append(" " * (pad // 2) + cell + " " * (pad - pad // 2))
            else:
                out.append(cell + " " * pad)
        return (indent + "  ".join(out)).rstrip()

    def list_block(self, node: ListBlock, indent: str) -> str:
        items = []
        for offset, item in enumerate(node.items):
            marker = f"{node.start + offset}. " if node.ordered else "- "
            inner = self.blocks(item.children, indent + " " * len(marker))
            text = ("\n" if node.tight else "\n\n").join(inner)
            items.append(indent + marker + text[len(indent) + len(marker) :])
        return ("\n" if node.tight else "\n\n").join(items)

    def inline(self, nodes: tuple[Inline, ...]) -> str:
        parts: list[str] = []
        for node in nodes:
            match node:
                case Text() | Code():
                    parts.append(node.text)
                case SoftBreak():
                    parts.append(" ")
                case HardBreak():
                    parts.append("\n")
                case Emphasis():
                    parts.append(self.inline(node.children))
                case Link():
                    parts.append(self.inline(node.children))
                    address = shown_address(node) if self.edition.links_in_print is not LinksInPrint.NONE else None
                    if address is not None:
                        parts.append(f" <{address}>")
                case Image():
                    # An image from outside the project is left out of every letter, its description too,
                    # and with it one of the spaces around it.
                    if project_relative_path(node.src) is not None:
                        parts.append(node.alt)
                    elif parts and parts[-1].endswith(" "):
                        parts[-1] = parts[-1][:-1]
                case NoteRef():
                    number = self.edition.footnote_numbers.get(node.label or "")
                    if number is not None:
                        parts.append(f"[{number}]")
                case RawHtml():
                    pass  # raw HTML never reaches a letter
                case _:
                    assert_never(node)
        return "".join(parts)
