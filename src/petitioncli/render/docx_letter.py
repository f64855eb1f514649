"""The letter as a Word document, for the partner who edits in Word: `--format docx`.

It walks the same `Edition` and Markdown tree as the HTML writer: the notes
are Word's own footnotes (numbered by Word in the order of their first
call, which is the edition's order), the signatories a section of two
columns, and the edition's language is on all of the text.
"""

from __future__ import annotations

import io
from typing import Any
from urllib.parse import urlsplit

from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from .. import markdown
from ..diagnostics import Diagnostics, Pos
from ..language import Quotes, is_right_to_left
from ..language import quotes as language_quotes
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
    NoteRef,
    Paragraph,
    SoftBreak,
    Table,
    Text,
    ThematicBreak,
    project_relative_path,
    shown_address,
)
from ..model import Body, Edition, LinksInPrint, Status
from . import docx_parts as parts
from .sandbox import Sandbox
from .text import signatory_details

# Word's own picture readers; an SVG or WebP image is printed as its description.
_WORD_IMAGES = ("image/png", "image/jpeg", "image/gif")
_LINK_SCHEMES = ("http", "https", "mailto")
_TEXT_WIDTH = Cm(16)
_CODE_FONT = "Courier New"
# Word's list styles go three levels deep; deeper items stay at the third.
_LIST_DEPTH = 3


def render_docx(edition: Edition, diagnostics: Diagnostics | None = None) -> bytes:
    return _DocxWriter(edition, diagnostics if diagnostics is not None else Diagnostics()).letter()


class _DocxWriter:
    def __init__(self, edition: Edition, diagnostics: Diagnostics):
        self.edition = edition
        self.diagnostics = diagnostics
        self.sandbox = Sandbox(edition.letter.root)
        self.quotes: Quotes = language_quotes(edition.language)
        self.right_to_left = is_right_to_left(edition.language)
        self.document: Any = Document()
        parts.add_styles(self.document)
        parts.set_language(self.document, edition.language, self.right_to_left)
        parts.drop_thumbnail(self.document)
        self.footnotes: Any = parts.add_footnotes_part(self.document)
        self.numbering = parts.Numbering(self.document)
        self.notes = {n.number: markdown.parse_inline(n.footnote.text, self.quotes) for n in edition.footnotes}
        self.seen_notes: set[int] = set()
        self.body_path = edition.body.path

    def letter(self) -> bytes:
        edition = self.edition
        document = self.document
        if edition.draft:
            self.paragraph(style="Normal").add_run("DRAFT - not for circulation").bold = True
        if edition.letterhead is not None:
            manifest = edition.letter.manifest
            picture = self.picture(edition.letterhead, str(manifest.letterhead), manifest.where("letterhead"))
            if picture is not None:
                self.paragraph().add_run().add_picture(io.BytesIO(picture), width=_TEXT_WIDTH)
        self.plain(self.typeset(edition.title), "Title")
        if edition.subtitle:
            self.plain(self.typeset(edition.subtitle), "Subtitle")
        self.plain(self.typeset(edition.place_and_date), parts.DATELINE)
        if edition.address:
            self.plain("\n".join(self.typeset(line) for line in edition.address), parts.ADDRESS)
        if edition.epigraph:
            self.markdown(edition.epigraph, quoted=1)
        if edition.salutation:
            self.plain(self.typeset(edition.salutation), "Normal")
        self.markdown(edition.body)
        if edition.closing:
            self.plain(self.typeset(edition.closing), "Normal")
        if edition.groups:
            self.signatories()
        if edition.postscript:
            if edition.groups:
                self.section(columns=1)
            self.markdown(edition.postscript)
        if self.right_to_left:
            parts.right_to_left(document, self.footnotes)
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
        return (container or self.document).add_paragraph(style=style)

    def plain(self, text: str, style: str) -> Any:
        """A paragraph of the manifest's text, its line breaks kept."""
        paragraph = self.paragraph(style)
        for index, line in enumerate(text.split("\n")):
            if index:
                paragraph._p.append(self.run(None, brk=True))
            paragraph._p.append(self.run(line))
        return paragraph

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
            self.plain(self.typeset(edition.signatories_heading), "Heading 1")
        self.section(columns=2)
        level = 2 if edition.signatories_heading else 1
        for group in edition.groups:
            if group.heading:
                self.plain(self.typeset(group.heading), f"Heading {level + group.level}")
            for signatory in group.signatories:
                paragraph = self.paragraph(parts.SIGNATORY)
                name = self.run(self.typeset(signatory.name), bold=True)
                if signatory.url and urlsplit(signatory.url).scheme.lower() in _LINK_SCHEMES:
                    paragraph._p.append(self.hyperlink(signatory.url, [name], self.document.part))
                else:
                    paragraph._p.append(name)
                details = self.typeset(signatory_details(signatory, edition.language))
                if details:
                    paragraph._p.append(self.run(f", {details}"))
                if edition.draft and signatory.status is Status.PENDING:
                    paragraph._p.append(self.run(" (pending)", italic=True))

    # Markdown

    def markdown(self, body: Body, quoted: int = 0) -> None:
        """A Markdown file of the letter with the edition's quotation marks, as the HTML writer reads it."""
        self.body_path = body.path
        for block in markdown.parse_document(body.source, self.quotes).blocks:
            self.block(block, quoted=quoted, depth=0)

    def block(self, block: Block, *, quoted: int, depth: int, style: str | None = None, container: Any = None) -> None:
        if isinstance(block, Paragraph):
            paragraph = self.paragraph(style or ("Quote" if quoted else "Normal"), container)
            self.indent(paragraph, quoted)
            self.inline(paragraph._p, block.children, self.document.part, line=block.line + 1)
        elif isinstance(block, Heading):
            paragraph = self.paragraph(f"Heading {min(block.level, 9)}", container)
            self.inline(paragraph._p, block.children, self.document.part, line=block.line + 1)
        elif isinstance(block, ListBlock):
            self.list_block(block, quoted=quoted, depth=depth + 1, container=container)
        elif isinstance(block, BlockQuote):
            for child in block.children:
                self.block(child, quoted=quoted + 1, depth=depth, container=container)
        elif isinstance(block, Table):
            self.table(block, container)
        elif isinstance(block, CodeBlock):
            paragraph = self.paragraph("Normal", container)
            self.indent(paragraph, quoted)
            for index, line in enumerate(block.text.rstrip("\n").split("\n")):
                if index:
                    paragraph._p.append(self.run(None, brk=True))
                paragraph._p.append(self.run(line, code=True))
        elif isinstance(block, ThematicBreak):
            paragraph = self.paragraph("Normal", container)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            paragraph._p.append(self.run("* * *"))
        # Raw HTML never reaches a letter; footnote definitions in letter.md are an error.

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
                    self.inline(paragraph._p, child.children, self.document.part, line=child.line + 1)
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
                self.inline(paragraph._p, cell.children, self.document.part, line=cell.line + 1, bold=row_index == 0)

    # Inline text

    def inline(
        self,
        parent: Any,
        nodes: tuple[Inline, ...],
        part: Any,
        *,
        line: int = 1,
        bold: bool = False,
        italic: bool = False,
        in_note: bool = False,
    ) -> None:
        for node in nodes:
            if isinstance(node, Text):
                parent.append(self.run(node.text, bold=bold, italic=italic))
            elif isinstance(node, SoftBreak):
                parent.append(self.run(" ", bold=bold, italic=italic))
            elif isinstance(node, HardBreak):
                parent.append(self.run(None, brk=True))
            elif isinstance(node, Code):
                parent.append(self.run(node.text, bold=bold, italic=italic, code=True))
            elif isinstance(node, Emphasis):
                self.inline(
                    parent,
                    node.children,
                    part,
                    line=line,
                    bold=bold or node.strong,
                    italic=italic or not node.strong,
                    in_note=in_note,
                )
            elif isinstance(node, Link):
                self.link(parent, node, part, line=line, bold=bold, italic=italic, in_note=in_note)
            elif in_note:
                continue  # a note holds no images and no calls of notes
            elif isinstance(node, Image):
                self.image(parent, node, line)
            elif isinstance(node, NoteRef):
                self.note_call(parent, node.label or "")

    def link(self, parent: Any, node: Link, part: Any, *, line: int, bold: bool, italic: bool, in_note: bool) -> None:
        if urlsplit(node.href).scheme.lower() not in _LINK_SCHEMES:
            self.inline(parent, node.children, part, line=line, bold=bold, italic=italic, in_note=in_note)
            return
        holder = OxmlElement("w:p")
        self.inline(holder, node.children, part, line=line, bold=bold, italic=italic, in_note=in_note)
        runs = list(holder)
        for run in runs:
            properties = run.get_or_add_rPr()
            if properties.find(qn("w:rStyle")) is None:
                properties.insert(0, self.style_of(parts.HYPERLINK))
        parent.append(self.hyperlink(node.href, runs, part))
        # A printed copy still shows where the link leads; a note of its own would
        # put Word's note numbers out of step with the letter's, so it follows the text.
        address = shown_address(node) if self.edition.links_in_print is not LinksInPrint.NONE else None
        if address is not None:
            parent.append(self.run(f" <{address}>", bold=bold, italic=italic))

    @staticmethod
    def hyperlink(url: str, runs: list[Any], part: Any) -> Any:
        element = OxmlElement("w:hyperlink")
        element.set(qn("r:id"), part.relate_to(url, RT.HYPERLINK, is_external=True))
        for run in runs:
            element.append(run)
        return element

    def note_call(self, parent: Any, label: str) -> None:
        """Word's footnote at the first call; a later call is the same number, set as a call."""
        number = self.edition.footnote_numbers.get(label)
        if number is None:
            return
        if number in self.seen_notes:
            parent.append(self.run(str(number), style=parts.FOOTNOTE_REFERENCE))
            return
        self.seen_notes.add(number)
        call = self.run(None, style=parts.FOOTNOTE_REFERENCE)
        call.append(parse_xml(f'<w:footnoteReference {nsdecls("w")} w:id="{number}"/>'))
        parent.append(call)
        note = parse_xml(f'<w:footnote {nsdecls("w")} w:id="{number}"/>')
        paragraph = OxmlElement("w:p")
        pr = paragraph.get_or_add_pPr()
        pr.append(self.style_of(parts.FOOTNOTE_TEXT, "w:pStyle"))
        mark = self.run(None, style=parts.FOOTNOTE_REFERENCE)
        mark.append(OxmlElement("w:footnoteRef"))
        paragraph.append(mark)
        paragraph.append(self.run(" "))
        self.inline(paragraph, self.notes[number], self.footnotes, in_note=True)
        note.append(paragraph)
        self.footnotes.element.append(note)

    def image(self, parent: Any, node: Image, line: int) -> None:
        """A project image Word can show, at most the text's width; any other is printed as its description."""
        relative = project_relative_path(node.src)
        if relative is None:
            return
        picture = self.picture(self.edition.letter.root / relative, node.src, Pos(self.body_path, line))
        if picture is None:
            if node.alt:
                parent.append(self.run(node.alt, italic=True))
            return
        holder = self.document.add_paragraph()
        holder.add_run().add_picture(io.BytesIO(picture), width=_TEXT_WIDTH)
        run = holder._p.r_lst[0]
        holder._p.getparent().remove(holder._p)
        parent.append(run)

    def picture(self, path: Any, src: str, pos: Pos) -> bytes | None:
        picture = self.sandbox.picture(self.edition.letter.root, path, src, pos, self.diagnostics)
        if picture is None or picture.media not in _WORD_IMAGES:
            return None
        return picture.data

    def run(
        self,
        text: str | None,
        *,
        bold: bool = False,
        italic: bool = False,
        code: bool = False,
        style: str | None = None,
        brk: bool = False,
    ) -> Any:
        """One run of text in the edition's language and direction."""
        run = OxmlElement("w:r")
        pr = run.get_or_add_rPr()
        if style is not None:
            pr.append(self.style_of(style))
        if code:
            pr.append(parse_xml(f'<w:rFonts {nsdecls("w")} w:ascii="{_CODE_FONT}" w:hAnsi="{_CODE_FONT}"/>'))
        if bold:
            pr.append(OxmlElement("w:b"))
        if italic:
            pr.append(OxmlElement("w:i"))
        if code:
            pr.append(parse_xml(f'<w:sz {nsdecls("w")} w:val="{int(Pt(9).pt * 2)}"/>'))
        if self.right_to_left:
            pr.append(OxmlElement("w:rtl"))
        pr.append(parts.language_element({qn("w:val"): self.edition.language}))
        if brk:
            run.append(OxmlElement("w:br"))
        if text is not None:
            element = OxmlElement("w:t")
            element.text = text
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(element)
        return run

    def style_of(self, name: str, tag: str = "w:rStyle") -> Any:
        """A reference to the style named `name`, by its id."""
        element = OxmlElement(tag)
        element.set(qn("w:val"), self.document.styles[name].style_id)
        return element

    def typeset(self, text: str) -> str:
        return markdown.smart_quotes(text, self.quotes)
