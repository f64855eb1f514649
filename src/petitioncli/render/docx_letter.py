"""The letter as a Word document, for the partner who edits in Word: `--format docx`.

It walks the same `Edition` and Markdown tree as the HTML writer: the notes
are Word's own footnotes (numbered by Word in the order of their first
call, which is the edition's order), the signatories a section of two
columns, and the edition's language is on all of the text.
"""

from __future__ import annotations

from typing import Any, assert_never

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Inches
from docx.text.paragraph import Paragraph as DocxParagraph

from ..language import is_right_to_left
from ..markdown import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    ListBlock,
    NoteDefinition,
    Paragraph,
    RawBlock,
    Table,
    ThematicBreak,
    linkable,
)
from ..model import Body, Edition, Signatory, Status
from . import docx_parts as parts
from .docx_inline import InlineWriter
from .text import signatory_details

# Word's list styles go three levels deep; deeper items stay at the third.
_LIST_DEPTH = 3


# The paper sizes of `--paper`, as the PDF has them.
PAPERS = {"a4": (Cm(21), Cm(29.7)), "letter": (Inches(8.5), Inches(11))}
_MARGIN = Cm(2.5)
_LOGO_HEIGHT = Cm(0.6)


def render_docx(edition: Edition, paper: str = "a4") -> bytes:
    return _DocxWriter(edition, paper).letter()


class _DocxWriter:
    def __init__(self, edition: Edition, paper: str):
        self.edition = edition
        self.paper = PAPERS[paper]
        self.right_to_left = is_right_to_left(edition.language)
        self.document: Any = Document()
        parts.add_styles(self.document)
        parts.set_language(self.document, edition.language, self.right_to_left)
        parts.drop_thumbnail(self.document)
        parts.say_who_made_it(self.document)
        self.numbering = parts.Numbering(self.document)
        # The notes' texts by number, with the edition's quotation marks already set.
        notes = {n.number: n.footnote.inlines for n in edition.footnotes}
        self.text = InlineWriter(edition, self.document, self.right_to_left, notes)
        self.inline = self.text.inline
        self.body_end = self.document.element.body.get_or_add_sectPr()
        self.run = self.text.run

    def letter(self) -> bytes:
        edition = self.edition
        document = self.document
        self.page_setup(document.sections[0])
        if edition.draft:
            self.paragraph()._p.append(self.run("DRAFT - not for circulation", bold=True))
        if edition.letterhead is not None:
            manifest = edition.letter.manifest
            picture = self.text.picture(str(manifest.letterhead))
            if picture is not None:
                self.paragraph()._p.append(picture)
        self.plain(edition.title, "Title")
        if edition.subtitle:
            self.plain(edition.subtitle, "Subtitle")
        if edition.place_and_date:
            self.plain(edition.place_and_date, parts.DATELINE)
        if edition.address:
            self.plain("\n".join(line for line in edition.address), parts.ADDRESS)
        if edition.epigraph:
            self.markdown(edition.epigraph, quoted=1)
        if edition.salutation:
            self.plain(edition.salutation, "Normal")
        self.markdown(edition.body)
        if edition.closing:
            self.plain(edition.closing, "Normal")
        if edition.groups:
            self.signatories()
        if edition.postscript:
            if edition.groups:
                self.section(columns=1)
            self.markdown(edition.postscript)
        if self.right_to_left:
            parts.right_to_left(document, self.text.footnotes)
        parts.set_core_properties(
            document,
            title=edition.title,
            author=edition.sender or "",
            subject=edition.subject or "",
            keywords=", ".join(edition.keywords),
            language=edition.language,
            date=edition.date,
        )
        return parts.package_bytes(document)

    # Paragraphs and sections

    def paragraph(self, style: str = "Normal", container: Any = None) -> Any:
        if container is not None:
            return container.add_paragraph(style=style)
        # Put before the body's last section properties directly: python-docx looks
        # for them among all the body's paragraphs for each one it adds.
        element = OxmlElement("w:p")
        element.get_or_add_pPr().append(self.text.style_of(style, "w:pStyle"))
        self.body_end.addprevious(element)
        return DocxParagraph(element, self.document._body)

    def plain(self, text: str, style: str) -> Any:
        """A paragraph of the manifest's text, its line breaks kept."""
        paragraph = self.paragraph(style)
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph._p.append(self.run(None, brk=True))
            paragraph._p.append(self.run(line))
        return paragraph

    def page_setup(self, section: Any) -> None:
        section.page_width, section.page_height = self.paper
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, _MARGIN)

    def section(self, columns: int) -> None:
        """A new section on the same page, of one or two columns."""
        section = self.document.add_section(WD_SECTION.CONTINUOUS)
        # python-docx ends the section before with an empty paragraph, a blank line in the letter:
        # the paragraph before it ends that section instead.
        ending = self.document.element.body.findall(qn("w:p"))[-1]
        before = ending.getprevious()
        if before is not None and before.tag == qn("w:p") and before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is None:
            before.get_or_add_pPr()._insert_sectPr(ending.pPr.sectPr)
            ending.getparent().remove(ending)
        cols = section._sectPr.find(qn("w:cols"))
        if cols is None:
            cols = OxmlElement("w:cols")
            section._sectPr.append(cols)
        cols.set(qn("w:num"), str(columns))
        cols.set(qn("w:space"), "567")

    def signatories(self) -> None:
        edition = self.edition
        if edition.signatories_heading:
            self.plain(edition.signatories_heading, "Heading 1")
        self.section(columns=2)
        level = 2 if edition.signatories_heading else 1
        for group in edition.groups:
            if group.heading:
                self.plain(group.heading, f"Heading {level + group.level}")
            numbers = group.numbers or [None] * len(group.signatories)
            for signatory, number in zip(group.signatories, numbers, strict=True):
                self.signatory(signatory, number, logo=group.logos)

    def signatory(self, signatory: Signatory, number: int | None, *, logo: bool) -> None:
        """One signatory as the web page and the PDF print it: a highlighted name in bold, then the details."""
        edition = self.edition
        paragraph = self.paragraph(parts.SIGNATORY)._p
        if number is not None:
            paragraph.append(self.run(f"{number}. "))
        if logo and signatory.logo is not None:
            self.logo(paragraph, signatory, signatory.logo)
        name = self.run(signatory.name, bold=signatory.highlight)
        paragraph.append(self.link_or_text(signatory.link, name))
        details = signatory_details(signatory, edition)
        if details:
            paragraph.append(self.run(f", {details}"))
        for link in signatory.links:
            paragraph.append(self.run(", "))
            paragraph.append(self.link_or_text(link.url, self.run(link.label, style=parts.HYPERLINK)))
            # For a printed copy, as the PDF prints it.
            paragraph.append(self.run(f" <{link.url}>"))
        if edition.draft and signatory.status is Status.PENDING:
            paragraph.append(self.run(" (pending)", italic=True))

    def logo(self, paragraph: Any, signatory: Signatory, src: str) -> None:
        """The signatory's logo, small beside the name as print shows it (`logos: true` on the group)."""
        picture = self.text.picture(src, height=_LOGO_HEIGHT)
        if picture is not None:
            paragraph.append(picture)
            paragraph.append(self.run(" "))

    def link_or_text(self, url: str | None, run: Any) -> Any:
        if url and linkable(url):
            return self.text.hyperlink(url, [run], self.document.part)
        return run

    # Markdown

    def markdown(self, body: Body, quoted: int = 0) -> None:
        """A Markdown file of the letter, its tree walked as the edition holds it (quotation marks set)."""
        for block in body.document.blocks:
            self.block(block, quoted=quoted, depth=0)

    def block(self, block: Block, *, quoted: int, depth: int, style: str | None = None, container: Any = None) -> None:
        match block:
            case Paragraph():
                paragraph = self.paragraph(style or ("Quote" if quoted else "Normal"), container)
                self.indent(paragraph, quoted)
                self.inline(paragraph._p, block.children, self.document.part)
            case Heading():
                paragraph = self.paragraph(f"Heading {min(block.level, 9)}", container)
                self.inline(paragraph._p, block.children, self.document.part)
            case ListBlock():
                self.list_block(block, quoted=quoted, depth=depth + 1, container=container)
            case BlockQuote():
                for child in block.children:
                    self.block(child, quoted=quoted + 1, depth=depth, container=container)
            case Table():
                self.table(block, container)
            case CodeBlock():
                paragraph = self.paragraph("Normal", container)
                self.indent(paragraph, quoted)
                for index, line in enumerate(block.text.rstrip("\n").split("\n")):
                    if index:
                        paragraph._p.append(self.run(None, brk=True))
                    paragraph._p.append(self.run(line, code=True))
            case ThematicBreak():
                paragraph = self.paragraph("Normal", container)
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph._p.append(self.run("* * *"))
            case RawBlock() | NoteDefinition():
                pass  # raw HTML never reaches a letter; footnote definitions in letter.md are an error
            case _:
                assert_never(block)

    @staticmethod
    def indent(paragraph: Any, quoted: int) -> None:
        if quoted > 1:
            paragraph.paragraph_format.left_indent = Cm(1 * (quoted - 1))

    def list_block(self, block: ListBlock, *, quoted: int, depth: int, container: Any) -> None:
        level = min(depth, _LIST_DEPTH)
        kind = "List Number" if block.ordered else "List Bullet"
        style = kind if level == 1 else f"{kind} {level}"
        num_id = self.numbering.restarted(style, block.start) if block.ordered else None
        for item in block.items:
            for index, child in enumerate(item.children):
                if index == 0 and isinstance(child, Paragraph):
                    paragraph = self.paragraph(style, container)
                    if num_id is not None:
                        parts.number_paragraph(paragraph._p, num_id)
                    self.inline(paragraph._p, child.children, self.document.part)
                else:
                    continued = "List Continue" if level == 1 else f"List Continue {level}"
                    self.block(child, quoted=quoted, depth=depth, style=continued, container=container)

    def table(self, block: Table, container: Any) -> None:
        rows = (block.header, *block.rows)
        table = (container or self.document).add_table(rows=len(rows), cols=len(block.header))
        table.style = self.document.styles["Table Grid"]
        # The header row repeats at the top of each page the table runs onto.
        table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        alignments = {
            "left": WD_ALIGN_PARAGRAPH.LEFT,
            "center": WD_ALIGN_PARAGRAPH.CENTER,
            "right": WD_ALIGN_PARAGRAPH.RIGHT,
        }
        for row_index, cells in enumerate(rows):
            for column, cell in enumerate(cells):
                paragraph = table.cell(row_index, column).paragraphs[0]
                align = block.align[column] if column < len(block.align) else None
                if align:
                    paragraph.alignment = alignments[align]
                self.inline(paragraph._p, cell.children, self.document.part, bold=row_index == 0)
