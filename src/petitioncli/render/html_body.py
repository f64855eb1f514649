"""The letter's Markdown tree as HTML: the body, the footnote calls and the notes' texts.

Raw HTML nodes produce nothing; images are inlined as data URIs, as `check`
read and prepared them (`Letter.images`), so the page never points outside
itself and no file is read here.
"""

from __future__ import annotations

import base64
from typing import assert_never

from markupsafe import Markup, escape

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
    inline_containers,
    linkable,
    project_relative_path,
    shown_address,
    walk_inlines,
)
from ..model import Body, Edition, LinksInPrint
from .outline import Outline


class HtmlWriter:
    def __init__(
        self,
        edition: Edition,
        notes: dict[int, tuple[Inline, ...]],
        end_notes: frozenset[int] = frozenset(),
    ):
        self.edition = edition
        # Notes too long for the foot of a page: print sets them after the letter's text.
        self.end_notes = end_notes
        # The notes' texts by number, with the edition's quotation marks.
        self.notes = notes
        self.body_path = edition.body.path
        self.seen_notes: set[int] = set()
        self.outline = Outline()
        # Links' addresses printed as notes are numbered after the author's notes, which keep their numbers.
        self.link_notes = len(edition.footnotes)

    def document(self, body: Body) -> Markup:
        """A Markdown file of the letter (epigraph, body, postscript), its tree walked as the edition holds it."""
        self.body_path = body.path
        self.outline = Outline()
        return Markup(self.blocks(body.document.blocks))

    def blocks(self, blocks: tuple[Block, ...]) -> str:
        return "".join(self.block(block) for block in blocks)

    def block(self, block: Block, *, tight: bool = False) -> str:
        match block:
            case Paragraph():
                if tight:
                    return self.inline(block.children)
                notes = self._notes_attribute(block.children)
                return f"<p{notes}>{self.inline(block.children)}</p>\n"
            case Heading():
                tag = f"h{self.outline.level(block.level)}"
                notes = self._notes_attribute(block.children)
                return f"<{tag}{notes}>{self.inline(block.children)}</{tag}>\n"
            case ListBlock():
                return self.list_block(block)
            case BlockQuote():
                return f"<blockquote>{self.blocks(block.children)}</blockquote>\n"
            case Table():
                return self.table(block)
            case CodeBlock():
                return f"<pre><code>{escape(block.text)}</code></pre>\n"
            case ThematicBreak():
                return "<hr>\n"
            case RawBlock() | NoteDefinition():
                # Raw HTML never reaches a letter; footnote definitions in letter.md are an error.
                return ""
            case _:
                assert_never(block)

    def list_block(self, block: ListBlock) -> str:
        tag = "ol" if block.ordered else "ul"
        start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
        out = [f"<{tag}{start}>"]
        for item in block.items:
            first = item.children[0] if item.children else None
            # A tight item holds its text directly: the <li> carries its notes.
            notes = self._notes_attribute(first.children) if block.tight and isinstance(first, Paragraph) else ""
            inner = "".join(self.block(child, tight=block.tight) for child in item.children)
            out.append(f"<li{notes}>{inner}</li>\n")
        out.append(f"</{tag}>\n")
        return "".join(out)

    def table(self, block: Table) -> str:
        # Alignment by class, not by a style attribute: the page's styles are all in its one sheet.
        def row(cells: tuple[Paragraph, ...], tag: str) -> str:
            out = []
            for column, cell in enumerate(cells):
                align = block.align[column] if column < len(block.align) else None
                css = f' class="align-{align}"' if align else ""
                out.append(f"<{tag}{css}>{self.inline(cell.children)}</{tag}>")
            return f"<tr>{''.join(out)}</tr>\n"

        # The table carries the notes its cells call, for the PDF's keeping of notes with their calls.
        notes = self._notes_attribute(tuple(node for cell in inline_containers((block,)) for node in cell.children))
        head = f"<thead>\n{row(block.header, 'th')}</thead>\n"
        body = f"<tbody>\n{''.join(row(cells, 'td') for cells in block.rows)}</tbody>\n" if block.rows else ""
        return f"<table{notes}>\n{head}{body}</table>\n"

    def _notes_attribute(self, children: tuple[Inline, ...]) -> str:
        """`data-notes`: the notes first called in the text a block holds directly.

        The PDF renderer finds a block by these numbers when a note must be
        kept on its call's page by breaking the page after or before it.
        """
        numbers = self.edition.footnote_numbers
        found: dict[int, None] = {}
        for node in walk_inlines(children):
            if isinstance(node, NoteRef):
                number = numbers.get(node.label or "")
                if number is not None and number not in self.seen_notes:
                    found[number] = None
        return f' data-notes="{" ".join(map(str, found))}"' if found else ""

    def inline(self, nodes: tuple[Inline, ...], *, in_note: bool = False) -> Markup:
        out: list[str] = []
        for node in nodes:
            match node:
                case Text():
                    out.append(escape(node.text))
                case SoftBreak():
                    out.append("\n")
                case HardBreak():
                    # No line break after it: in a footnote WeasyPrint would print the
                    # break and the newline as two, leaving an empty line.
                    out.append("<br>")
                case Code():
                    out.append(f"<code>{escape(node.text)}</code>")
                case Emphasis():
                    tag = "strong" if node.strong else "em"
                    out.append(f"<{tag}>{self.inline(node.children, in_note=in_note)}</{tag}>")
                case Link():
                    out.append(self.link(node, in_note))
                # A note holds no images and no calls of notes.
                case Image():
                    out.append("" if in_note else self.image(node))
                case NoteRef():
                    out.append("" if in_note else self.note_call(node.label or ""))
                case RawHtml():
                    pass  # raw HTML never reaches a letter
                case _:
                    assert_never(node)
        return Markup("".join(out))

    def link(self, node: Link, in_note: bool) -> str:
        inner = self.inline(node.children, in_note=in_note)
        if not linkable(node.href):
            return inner
        css = ' class="url"' if node.autolink else ""
        return f'<a href="{escape(node.href)}"{css}>{inner}</a>{self.print_address(node, in_note)}'

    def print_address(self, node: Link, in_note: bool) -> str:
        """Where a link leads, for print only: a note of its own, or after the text (a note holds no note)."""
        mode = self.edition.links_in_print
        address = shown_address(node) if mode is not LinksInPrint.NONE else None
        if address is None:
            return ""
        if mode is LinksInPrint.FOOTNOTE and not in_note:
            self.link_notes += 1
            return f'<span class="fn fn-address" data-mark="{self.link_notes}">&lt;{escape(address)}&gt;</span>'
        return f'<span class="print-address"> &lt;{escape(address)}&gt;</span>'

    def note_call(self, label: str) -> str:
        """The note itself at its first call (it floats to the page foot), a plain number after."""
        number = self.edition.footnote_numbers.get(label)
        if number is None:
            return ""
        if number in self.seen_notes:
            # Every call looks alike and, on screen, links to the note; only the first floats it to the page foot.
            return f'<a class="noteref noteref-repeat" href="#note-{number}" role="doc-noteref">{number}</a>'
        self.seen_notes.add(number)
        if number in self.end_notes:
            call = f'class="noteref noteref-end" id="ref-{number}" href="#note-{number}" role="doc-noteref"'
            return f"<a {call}>{number}</a>"
        text = self.inline(self.notes[number], in_note=True)
        return (
            f'<a class="noteref" id="ref-{number}" href="#note-{number}" role="doc-noteref">{number}</a>'
            f'<span class="fn" id="fn-{number}" data-mark="{number}">{text}</span>'
        )

    def image(self, node: Image) -> str:
        """Images from the project folder, inlined as check judged them; an image check reported is left out."""
        uri = self.data_uri(node.src)
        return f'<img src="{uri}" alt="{escape(node.alt)}">' if uri else ""

    def data_uri(self, src: str) -> str | None:
        """A project image as check prepared it, as a data URI; None when check found it unusable."""
        relative = project_relative_path(src)
        picture = self.edition.letter.images.get(relative) if relative is not None else None
        if picture is None:
            return None
        return f"data:{picture.media};base64,{base64.b64encode(picture.data).decode('ascii')}"
