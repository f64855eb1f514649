"""The parts of a Word package that python-docx has no API for, and a package that rebuilds byte for byte.

python-docx writes the document, its styles and core properties; the
footnotes part, the edition's language in the styles, numbered lists that
restart, and fixed timestamps in the zip are added here, at the XML level,
through the lxml tree python-docx keeps of each part.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import XmlPart
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Pt, RGBColor

FOOTNOTES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"

# The two notes Word itself writes first: the rule above the notes, and the
# longer rule above a note continued from the page before.
_FOOTNOTES_XML = f"""<w:footnotes {nsdecls("w", "r")}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
<w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/>
</w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
</w:footnotes>"""

# What the zip entries say about when and where they were made: a rebuild of
# the same letter is the same file, whatever the clock or the system.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_UNIX = 3

_APP_XML = (
    b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    b"<Application>petitioncli</Application><DocSecurity>0</DocSecurity></Properties>"
)

FOOTNOTE_TEXT = "Footnote Text"
FOOTNOTE_REFERENCE = "Footnote Reference"
HYPERLINK = "Hyperlink"
SIGNATORY = "Signatory"
DATELINE = "Date Line"
ADDRESS = "Address"


# Where Word's schema lets the elements added here stand among their siblings.
_AFTER_PARAGRAPH_BIDI = (
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
)
_AFTER_NUMBERING = (
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    *_AFTER_PARAGRAPH_BIDI,
)
_AFTER_TABLE_BIDI = (
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
)
_AFTER_SECTION_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")


def number_paragraph(paragraph: Any, num_id: int) -> None:
    """The paragraph an item of the numbered list `num_id`."""
    numbering = parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
    paragraph.get_or_add_pPr().insert_element_before(numbering, *_AFTER_NUMBERING)


def right_to_left(document: Any, footnotes: Any) -> None:
    """Every paragraph, table and section of the letter and its notes set right to left."""
    for root in (document.element.body, footnotes.element):
        for paragraph in root.iter(qn("w:p")):
            properties = paragraph.get_or_add_pPr()
            if properties.find(qn("w:bidi")) is None:
                properties.insert_element_before(OxmlElement("w:bidi"), *_AFTER_PARAGRAPH_BIDI)
    body = document.element.body
    for table in body.iter(qn("w:tbl")):
        table.tblPr.insert_element_before(OxmlElement("w:bidiVisual"), *_AFTER_TABLE_BIDI)
    for section in body.iter(qn("w:sectPr")):
        # The first column of the signatories' section is the right one.
        section.insert_element_before(OxmlElement("w:bidi"), *_AFTER_SECTION_BIDI)


def add_footnotes_part(document: Any) -> Any:
    """An empty footnotes part related to the document: the notes are appended to its element."""
    main = document.part
    partname = PackURI("/word/footnotes.xml")
    part = XmlPart(partname, FOOTNOTES_CONTENT_TYPE, parse_xml(_FOOTNOTES_XML), main.package)
    main.relate_to(part, RT.FOOTNOTES)
    return part


def add_styles(document: Any) -> None:
    """The styles Word gives notes and links, which python-docx's template lacks, and the letter's own."""
    styles = document.styles
    note_text = styles.add_style(FOOTNOTE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    note_text.base_style = styles["Normal"]
    note_text.font.size = Pt(9)
    note_text.paragraph_format.space_after = Pt(0)
    note_reference = styles.add_style(FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER)
    note_reference.font.superscript = True
    link = styles.add_style(HYPERLINK, WD_STYLE_TYPE.CHARACTER)
    link.font.color.rgb = RGBColor(0x16, 0x4A, 0x8A)
    link.font.underline = True
    for name, after in ((SIGNATORY, 2), (DATELINE, 12), (ADDRESS, 12)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.paragraph_format.space_after = Pt(after)
    # A signatory's line breaks inside itself only when it must.
    styles[SIGNATORY].paragraph_format.keep_together = True


def set_language(document: Any, tag: str, right_to_left: bool) -> None:
    """The edition's language on all the text, through the document's default run properties.

    Word's spell-checker and hyphenation read it there; a right-to-left
    language is also the complex-script language (`w:bidi`), an East Asian one `w:eastAsia`.
    """
    attributes = {qn("w:val"): tag}
    if right_to_left:
        attributes[qn("w:bidi")] = tag
    if tag.split("-")[0].lower() in ("zh", "ja", "ko"):
        attributes[qn("w:eastAsia")] = tag
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault"))
    properties = run_defaults.find(qn("w:rPr"))
    for old in properties.findall(qn("w:lang")):
        properties.remove(old)
    properties.append(language_element(attributes))
    settings = document.settings.element
    # The template says it was spell-checked clean; without this Word checks the letter in its language.
    for proof in settings.findall(qn("w:proofState")):
        settings.remove(proof)
    for theme in settings.findall(qn("w:themeFontLang")):
        theme.set(qn("w:val"), tag)
    compat = settings.find(qn("w:compat"))
    footnote_pr = parse_xml(
        f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
    )
    compat.addprevious(footnote_pr)


def language_element(attributes: dict[str, str]) -> Any:
    element = parse_xml(f"<w:lang {nsdecls('w')}/>")
    for name, value in attributes.items():
        element.set(name, value)
    return element


class Numbering:
    """Numbered lists that each count from their own start, as the letter's Markdown says.

    Word continues one numbering through every paragraph of a list style;
    each ordered list gets its own numbering instance, restarted at its start.
    """

    def __init__(self, document: Any):
        self.document = document
        self.element = document.part.numbering_part.element
        self.next_id = 1 + max((int(num.get(qn("w:numId"))) for num in self.element.findall(qn("w:num"))), default=0)

    def restarted(self, style_name: str, start: int) -> int:
        """A new numbering instance of the list style's own numbering, starting at `start`."""
        style = self.document.styles[style_name].element
        style_num = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}").get(qn("w:val"))
        for num in self.element.findall(qn("w:num")):
            if num.get(qn("w:numId")) == style_num:
                abstract = num.find(qn("w:abstractNumId")).get(qn("w:val"))
                break
        else:
            raise LookupError(f"the style '{style_name}' has no numbering")
        num_id = self.next_id
        self.next_id += 1
        self.element.append(
            parse_xml(
                f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract}"/>'
                f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
            )
        )
        return num_id


def set_core_properties(
    document: Any, *, title: str, author: str, subject: str, keywords: str, language: str, date: dt.date
) -> None:
    """Title, author, subject and keywords from the manifest; the letter's date for creation and change.

    The date is the edition's, not the clock's, so that a rebuild is the same file.
    """
    properties = document.core_properties
    properties.title = title
    properties.author = author
    properties.subject = subject
    properties.keywords = keywords
    properties.language = language
    # The template's own words about itself are no part of the letter.
    properties.comments = ""
    properties.category = ""
    properties.last_modified_by = author
    properties.revision = 1
    moment = dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC)
    properties.created = moment
    properties.modified = moment


def say_who_made_it(document: Any) -> None:
    """The extended properties name petitioncli, not the Word that made python-docx's template."""
    for part in document.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _APP_XML


def drop_thumbnail(document: Any) -> None:
    """The template's picture of a blank page, which file browsers would show for the letter."""
    package = document.part.package
    for rid, relationship in list(package.rels.items()):
        if relationship.reltype == RT.THUMBNAIL:
            del package.rels[rid]


def package_bytes(document: Any) -> bytes:
    """The document saved, its zip entries rewritten with a fixed time and system, in the order saved."""
    saved = io.BytesIO()
    document.save(saved)
    fixed = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(fixed, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = _UNIX
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry))
    return fixed.getvalue()
