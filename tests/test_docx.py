"""`--format docx`: the letter as a Word document, read back as Word and python-docx read it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Cm
from lxml import etree

from projects import arabic_project, build, write_project
from test_check_corpus import SVG
from test_html import PIXEL
from test_published_shapes import FILES as SHAPES

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}
DATA = Path(__file__).resolve().parent.parent / "data"
IAP = "iap-2017_iap-leadership_2017-09-05"


@pytest.fixture(scope="module")
def iap(tmp_path_factory) -> dict[str, Path]:
    """The repository's IAP letter (a published open letter) in Word, in English and in French."""
    out = tmp_path_factory.mktemp("docx")
    result = build(DATA, out, "docx", extra=("--lang", "all"))
    assert result
    return {"en": out / f"{IAP}.docx", "fr": out / f"{IAP}_fr.docx"}


def part(path: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(path) as package:
        return etree.fromstring(package.read(name))


def footnotes(path: Path) -> dict[str, str]:
    """Each footnote's text by its id, without the separators Word keeps as notes -1 and 0."""
    notes = part(path, "word/footnotes.xml")
    return {
        note.get(f"{W}id"): "".join(note.itertext()).strip()
        for note in notes.findall("w:footnote", NS)
        if note.get(f"{W}type") is None
    }


def test_the_head_of_the_letter_is_in_word_styles(iap):
    paragraphs = [(p.style.name, p.text) for p in docx.Document(iap["en"]).paragraphs]
    assert paragraphs[:4] == [
        ("Title", "Petition to the International Association of Prosecutors"),
        ("Date Line", "The Hague, 5 September 2017"),
        ("Address", "International Association of Prosecutors\nExecutive Committee and Senate\nThe Hague"),
        ("Normal", "Dear members of the IAP Executive Committee and the Senate,\ndear members of the IAP,"),
    ]
    bullets = [text for style, text in paragraphs if style == "List Bullet"]
    assert bullets[0].startswith("introduce human rights due diligence and compliance procedures for new and current")
    assert ("Heading 1", "Supporting organisations:") in paragraphs


def test_notes_are_word_footnotes_called_where_the_letter_calls_them(iap):
    notes = footnotes(iap["en"])
    assert list(notes) == ["1", "2", "3", "4", "5"]
    assert notes["1"].startswith("As documented by a number of internationally renowned human rights organisations")
    assert "https://www.hrw.org/world-report/2017/country-chapters/china-and-tibet" in notes["1"]
    # The straight quotes of footnotes.yaml are typeset, as in the PDF.
    assert "Report on “Challenges for Judicial Independence" in notes["3"]
    body = part(iap["en"], "word/document.xml")
    (paragraph,) = [p for p in body.iter(f"{W}p") if "targeted by the prosecution service" in "".join(p.itertext())]
    calls = [ref.get(f"{W}id") for ref in paragraph.iter(f"{W}footnoteReference")]
    assert calls == ["1", "2", "3"]
    with zipfile.ZipFile(iap["en"]) as package:
        assert "footnotes+xml" in package.read("[Content_Types].xml").decode()
        assert b"relationships/footnotes" in package.read("word/_rels/document.xml.rels")


def test_the_signatories_are_a_section_of_two_columns_after_the_letter(iap):
    document = docx.Document(iap["en"])
    assert len(document.sections) == 2
    first, signatories = (section._sectPr.find("w:cols", NS) for section in document.sections)
    assert first.get(f"{W}num") in (None, "1")
    assert signatories.get(f"{W}num") == "2"
    assert document.sections[1].start_type == docx.enum.section.WD_SECTION.CONTINUOUS
    names = [p.text for p in document.paragraphs if p.style.name == "Signatory"]
    assert names[:2] == ["Amnesty International", "Africa Network for Environment and Economic Justice, Benin"]
    assert len(names) == 130  # every entry of signatories.yaml


def test_the_text_is_in_the_editions_language(iap):
    for tag, path in (("en-GB", iap["en"]), ("fr", iap["fr"])):
        styles = part(path, "word/styles.xml")
        (default,) = styles.findall("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
        assert default.get(f"{W}val") == tag
        languages = {lang.get(f"{W}val") for lang in part(path, "word/document.xml").iter(f"{W}lang")}
        assert languages == {tag}
        # The template's claim to have been spell-checked would keep Word from checking it.
        assert part(path, "word/settings.xml").find("w:proofState", NS) is None
    french = docx.Document(iap["fr"])
    assert french.paragraphs[0].text == "Pétition à l’Association internationale des procureurs et poursuivants"


def test_document_properties_come_from_the_manifest(iap):
    properties = docx.Document(iap["en"]).core_properties
    assert properties.title == "Petition to the International Association of Prosecutors"
    assert properties.author == "Netherlands Helsinki Committee"
    assert properties.subject == "Human rights compliance at the International Association of Prosecutors"
    assert properties.keywords == "IAP, prosecutors, human rights, civil society, Beijing 2017"
    assert properties.language == "en-GB"
    assert properties.created == properties.modified == dt.datetime(2017, 9, 5, tzinfo=dt.UTC)
    assert properties.comments == ""
    with zipfile.ZipFile(iap["en"]) as package:
        assert b"<Application>petitioncli</Application>" in package.read("docProps/app.xml")


def test_a_rebuild_is_the_same_file_byte_for_byte(iap, tmp_path):
    """Another process, another hash seed, another minute: the same bytes."""
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    command = [sys.executable, "-m", "petitioncli", "build", str(DATA), "-f", "docx", "--output-dir", str(tmp_path)]
    subprocess.run(command, check=True, env=env, capture_output=True)
    assert (tmp_path / f"{IAP}.docx").read_bytes() == iap["en"].read_bytes()
    with zipfile.ZipFile(iap["en"]) as package:
        assert {entry.date_time for entry in package.infolist()} == {(1980, 1, 1, 0, 0, 0)}


MARKDOWN = """\
We write to you about the state of things[^report], as [the charter](https://example.org/charter) says.

## What we ask

3. publish its minutes;
4. meet civil society:
   - twice a year,
   - in public.

And then:

1. A second list counts afresh.

> The Board's own words.

| Country | Members |
|:--------|--------:|
| France  | 12      |

We repeat the report's finding[^report].
"""
GROUPS = """\
title: Letter to the Board
place: Amsterdam
date: 2020-01-15
recipient: board
sender: Friends of the Board
signatories:
  - heading: Organisations
    file: signatories.yaml
    count: true
    numbered: true
    logos: true
"""
SIGNATORIES = """\
- name: Amnesty International
  highlight: true
  logo: amnesty.png
- name: Article 19
  location: London
  url: https://www.article19.org
  links:
    - label: Annual report
      url: https://www.article19.org/report
"""


@pytest.fixture(scope="module")
def board(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("board")
    files = {"letter.md": MARKDOWN, "petition.yaml": GROUPS, "signatories.yaml": SIGNATORIES, "amnesty.png": PIXEL}
    project = write_project(root / "board", files)
    return build(project, root / "out", "docx")["docx"]


def test_headings_lists_tables_and_quotes_keep_their_word_styles(board):
    paragraphs = [(p.style.name, p.text) for p in docx.Document(board).paragraphs]
    assert ("Heading 2", "What we ask") in paragraphs
    assert ("List Number", "publish its minutes;") in paragraphs
    assert ("List Bullet 2", "twice a year,") in paragraphs
    assert ("Quote", "The Board’s own words.") in paragraphs
    (table,) = docx.Document(board).tables
    assert [[cell.text for cell in row.cells] for row in table.rows] == [["Country", "Members"], ["France", "12"]]
    assert table.rows[1].cells[1].paragraphs[0].alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT


def test_each_numbered_list_counts_from_its_own_start(board):
    numbering = part(board, "word/numbering.xml")
    starts = [int(s.get(f"{W}val")) for s in numbering.iterfind("w:num/w:lvlOverride/w:startOverride", NS)]
    assert starts == [3, 1]


def test_links_are_word_hyperlinks_with_their_address_for_print(board):
    document = docx.Document(board)
    (paragraph,) = [p for p in document.paragraphs if p.text.startswith("We write to you about the state of things")]
    (link,) = paragraph.hyperlinks
    assert (link.text, link.address) == ("the charter", "https://example.org/charter")
    assert "the charter <https://example.org/charter> says." in paragraph.text


def test_a_note_called_twice_is_one_footnote_and_its_number_again(board):
    assert list(footnotes(board)) == ["1"]
    (last,) = [p for p in docx.Document(board).paragraphs if p.text.startswith("We repeat")]
    assert last.text == "We repeat the report’s finding1."
    assert [run.style.name for run in last.runs[-2:]] == ["Footnote Reference", "Default Paragraph Font"]


def test_signatories_print_as_in_the_pdf_numbered_highlighted_and_linked(board):
    document = docx.Document(board)
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    assert ("Heading 1", "Organisations (2)") in paragraphs
    amnesty, article = (p for p in document.paragraphs if p.style.name == "Signatory")
    assert amnesty.text == "1.  Amnesty International"  # the logo between the two spaces
    assert [(run.text, run.bold) for run in amnesty.runs] == [
        ("1. ", None),
        ("", None),  # the logo
        (" ", None),
        ("Amnesty International", True),
    ]
    (logo,) = document.inline_shapes
    assert logo.height == Cm(0.6)
    assert article.text == "2. Article 19, London, Annual report <https://www.article19.org/report>"
    assert [(link.text, link.address) for link in article.hyperlinks] == [
        ("Article 19", "https://www.article19.org"),
        ("Annual report", "https://www.article19.org/report"),
    ]


def test_an_arabic_edition_is_right_to_left_in_word(tmp_path):
    project = arabic_project(tmp_path / "board")
    path = build(project, tmp_path / "out", "docx", extra=("--lang", "ar"))["docx"]
    body = part(path, "word/document.xml")
    paragraphs = list(body.iter(f"{W}p"))
    assert paragraphs and all(p.find("w:pPr/w:bidi", NS) is not None for p in paragraphs)
    assert all(s.find("w:bidi", NS) is not None for s in body.iter(f"{W}sectPr"))
    notes = part(path, "word/footnotes.xml").findall("w:footnote[@w:id='1']/w:p", NS)
    assert notes[0].find("w:pPr/w:bidi", NS) is not None
    (default,) = part(path, "word/styles.xml").findall("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS)
    assert (default.get(f"{W}val"), default.get(f"{W}bidi")) == ("ar", "ar")
    assert docx.Document(path).paragraphs[0].text == "رسالة إلى المجلس"


def test_a_png_is_embedded_and_an_svg_is_printed_as_its_description(tmp_path):
    letter = "We write to you.\n\n![Our logo](logo.png)\n\n![The chart](chart.svg)\n"
    files = {"letter.md": letter, "logo.png": PIXEL, "chart.svg": SVG.format('<rect width="4" height="4"/>')}
    project = write_project(tmp_path / "board", files)
    path = build(project, tmp_path / "out", "docx")["docx"]
    with zipfile.ZipFile(path) as package:
        assert package.read("word/media/image1.png") == PIXEL
        assert not [name for name in package.namelist() if name.endswith(".svg")]
    document = docx.Document(path)
    (picture,) = document.inline_shapes
    assert picture.width <= Cm(15)
    (chart,) = [p for p in document.paragraphs if p.text == "The chart"]
    assert chart.runs[0].italic


def test_a_letter_without_date_or_salutation_signed_under_its_closing(tmp_path):
    """The shapes of published letters (tests/test_published_shapes.py): the authors numbered under the
    closing, the supporters with a logo and a highlighted expert first."""
    project = write_project(tmp_path / "letter", SHAPES)
    document = docx.Document(build(project, tmp_path / "out", "docx")["docx"])
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    # `date: none`: the place alone, as the web page prints it.
    assert [text for style, text in paragraphs if style == "Date Line"] == ["Amsterdam"]
    start = paragraphs.index(("Normal", "Sincerely,"))
    assert paragraphs[start + 1 :] == [
        ("Signatory", "1. Zofia Nowak, Warsaw University"),
        ("Signatory", "2. Anna Berg, Open Letter Toolkit <https://example.org/toolkit>"),
        ("Heading 1", "Supported by:"),
        ("Signatory", "Yusuf Demir, Ankara University"),
        ("Signatory", "Aiko Tanaka"),
        ("Signatory", "Bruno Costa"),
        ("Signatory", " Carla Diaz, Leiden University"),
    ]
    assert len(document.inline_shapes) == 1
