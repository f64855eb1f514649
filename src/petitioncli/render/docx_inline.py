"""The letter's text in Word's terms: runs in the edition's language, links, Word's own footnotes, pictures.

Word numbers its footnotes in the order of their references, which is the
order in which the edition numbers the notes: the first call of each note
is Word's footnote reference, a later call the same number set as one.
"""

from __future__ import annotations

import copy
import io
from typing import Any, assert_never

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Emu, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from ..markdown import (
    Code,
    Emphasis,
    HardBreak,
    Image,
    Inline,
    Link,
    NoteRef,
    RawHtml,
    SoftBreak,
    Text,
    linkable,
    project_relative_path,
    shown_address,
)
from ..model import Edition, LinksInPrint
from . import docx_parts as parts

# Word's own picture readers; an SVG or WebP image is printed as its description.
_WORD_IMAGES = ("image/png", "image/jpeg", "image/gif")
# The narrower of the two papers' text widths, with their margins.
TEXT_WIDTH = Cm(15)
_CODE_FONT = "Courier New"


class InlineWriter:
    """Writes inline Markdown as runs into a paragraph of the document or of a footnote."""

    def __init__(
        self,
        edition: Edition,
        document: Any,
        right_to_left: bool,
        notes: dict[int, tuple[Inline, ...]],
    ):
        self.edition = edition
        self.document = document
        self.right_to_left = right_to_left
        self.footnotes: Any = parts.add_footnotes_part(document)
        # The notes' texts by number, with the edition's quotation marks.
        self.notes = notes
        self.seen_notes: set[int] = set()
        self._style_ids: dict[str, str] = {}
        self._run_properties: dict[tuple[bool, bool, bool, str | None], Any] = {}
        # Each part's links by address. python-docx looks through every relationship of a
        # part for each new one; a list of ten thousand signatories' sites would take minutes.
        self._links: dict[tuple[int, str], str] = {}

    def inline(
        self,
        parent: Any,
        nodes: tuple[Inline, ...],
        part: Any,
        *,
        bold: bool = False,
        italic: bool = False,
        in_note: bool = False,
    ) -> None:
        for node in nodes:
            match node:
                case Text():
                    parent.append(self.run(node.text, bold=bold, italic=italic))
                case SoftBreak():
                    parent.append(self.run(" ", bold=bold, italic=italic))
                case HardBreak():
                    parent.append(self.run(None, brk=True))
                case Code():
                    parent.append(self.run(node.text, bold=bold, italic=italic, code=True))
                case Emphasis():
                    strong = node.strong
                    self.inline(
                        parent,
                        node.children,
                        part,
                        bold=bold or strong,
                        italic=italic or not strong,
                        in_note=in_note,
                    )
                case Link():
                    self.link(parent, node, part, bold=bold, italic=italic, in_note=in_note)
                # A note holds no images and no calls of notes.
                case Image():
                    if not in_note:
                        self.image(parent, node)
                case NoteRef():
                    if not in_note:
                        self.note_call(parent, node.label or "")
                case RawHtml():
                    pass  # raw HTML never reaches a letter
                case _:
                    assert_never(node)

    def link(self, parent: Any, node: Link, part: Any, *, bold: bool, italic: bool, in_note: bool) -> None:
        if not linkable(node.href):
            self.inline(parent, node.children, part, bold=bold, italic=italic, in_note=in_note)
            return
        holder = OxmlElement("w:p")
        self.inline(holder, node.children, part, bold=bold, italic=italic, in_note=in_note)
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

    def hyperlink(self, url: str, runs: list[Any], part: Any) -> Any:
        key = (id(part), url)
        rid = self._links.get(key)
        if rid is None:
            rid = self._links[key] = f"rIdLink{len(self._links) + 1}"
            part.rels.add_relationship(RT.HYPERLINK, url, rid, is_external=True)
        element = OxmlElement("w:hyperlink")
        element.set(qn("r:id"), rid)
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

    def image(self, parent: Any, node: Image) -> None:
        """A project image Word can show, at most the text's width; any other is printed as its description."""
        if project_relative_path(node.src) is None:
            return
        run = self.picture(node.src)
        if run is not None:
            parent.append(run)
        elif node.alt:
            parent.append(self.run(node.alt, italic=True))

    def picture(self, src: str, height: int | None = None) -> Any:
        """A run holding a project image, as check prepared it, at its own size (at most the text's width)
        or at `height`; None if check found it unusable or Word cannot show it."""
        relative = project_relative_path(src)
        picture = self.edition.letter.images.get(relative) if relative is not None else None
        if picture is None or picture.media not in _WORD_IMAGES:
            return None
        # python-docx adds pictures to runs of a paragraph only: one made for it, never put in the document.
        holder = DocxParagraph(OxmlElement("w:p"), self.document._body)
        shape = holder.add_run().add_picture(io.BytesIO(picture.data))
        scale = height / shape.height if height is not None else min(1.0, TEXT_WIDTH / shape.width)
        shape.width, shape.height = Emu(int(shape.width * scale)), Emu(int(shape.height * scale))
        return holder._p.r_lst[0]

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
        key = (bold, italic, code, style)
        properties = self._run_properties.get(key)
        if properties is None:
            properties = self._run_properties[key] = self._properties(bold, italic, code, style)
        # Each run's properties copied from one made for its kind: runs are most of a long letter.
        run = OxmlElement("w:r")
        run.append(copy.deepcopy(properties))
        if brk:
            run.append(OxmlElement("w:br"))
        if text is not None:
            element = OxmlElement("w:t")
            element.text = text
            element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            run.append(element)
        return run

    def _properties(self, bold: bool, italic: bool, code: bool, style: str | None) -> Any:
        pr = OxmlElement("w:rPr")
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
        return pr

    def style_of(self, name: str, tag: str = "w:rStyle") -> Any:
        """A reference to the style named `name`, by its id."""
        style_id = self._style_ids.get(name)
        if style_id is None:
            # python-docx finds a style by name with a search of all of them.
            style_id = self._style_ids[name] = self.document.styles[name].style_id
        element = OxmlElement(tag)
        element.set(qn("w:val"), style_id)
        return element
