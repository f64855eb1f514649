"""The fence around WeasyPrint's internals: each thing `weasyprint_engine` relies on, checked on a tiny document.

The module reads WeasyPrint's page boxes, its progress log and pydyf's page
references, and stamps fontTools' font timestamps. An upgrade that moves any
of them should fail here, by name, rather than quietly print a letter with
misplaced notes or a different PDF on every run.
"""

from __future__ import annotations

import calendar
import datetime as dt
import io
import os
from pathlib import Path

import pypdf
from fontTools.misc.timeTools import timestampSinceEpoch
from fontTools.ttLib import TTFont

from petitioncli import process
from petitioncli.render import weasyprint_engine
from petitioncli.render.html import letter_html
from petitioncli.render.sandbox import FONTS, Sandbox
from petitioncli.render.weasyprint_engine import Printer

LETTER_DATE = dt.date(2017, 9, 5)
FONT = (FONTS / "NotoSerif-Regular.woff").as_uri()
STYLE = f"""
@font-face {{ font-family: "Noto Serif"; src: url("{FONT}") format("woff"); }}
@page {{ size: 120mm 90mm; margin: 10mm; }}
html {{ font-family: "Noto Serif"; font-size: 10pt; }}
.fn {{ float: footnote; }}
"""


def document(body: str) -> str:
    head = f"<title>Fence</title><style>{STYLE}</style>"
    return f"<!DOCTYPE html><html lang=en><head>{head}</head><body>{body}</body></html>"


def printer(tmp_path: Path, body: str, progress=lambda message: None) -> Printer:
    html = document(body)
    return Printer(
        html, base_url=tmp_path.as_uri() + "/", sandbox=Sandbox(tmp_path), date=LETTER_DATE, progress=progress
    )


def note(number: int, text: str) -> str:
    return f'<span class="fn" id="fn-{number}">{text}</span>'


def test_footnote_calls_and_notes_are_found_on_the_pages_they_were_printed_on(tmp_path):
    body = (
        f"<p>First call{note(1, 'The first note.')} on page one.</p>"
        f'<p style="break-before: page">Second call{note(2, "The second note.")} on page two.</p>'
    )
    with printer(tmp_path, body) as weasy:
        pages = weasy.footnote_pages(weasy.lay_out(), calls=2)
    assert pages == ({"fn-1": 1, "fn-2": 2}, {"fn-1": 1, "fn-2": 2})


def test_a_note_that_cannot_stay_with_its_call_is_found_elsewhere(tmp_path):
    filler = "<p>" + "Words fill the page. " * 60 + "</p>"
    long_note = note(1, "A note that goes on and on. " * 120)
    with printer(tmp_path, f"{filler}<p>Call{long_note} at the foot.</p>") as weasy:
        calls, notes = weasy.footnote_pages(weasy.lay_out(), calls=1)
    assert "fn-1" in calls
    assert notes.get("fn-1") != calls["fn-1"]


def test_a_note_taller_than_its_page_is_found_overflowing_and_a_short_one_is_not(tmp_path):
    body = f"<p>Short{note(1, 'A short note.')} and long{note(2, 'A note that goes on and on. ' * 400)}.</p>"
    with printer(tmp_path, body) as weasy:
        assert weasy.overflowing_notes(weasy.lay_out()) == ["fn-2"]


def test_the_letter_laid_out_can_be_replaced(tmp_path):
    with printer(tmp_path, "<p>One page.</p>") as weasy:
        weasy.replace_html(document("<p>One.</p><p style='break-before: page'>Two.</p>"))
        assert len(weasy.lay_out().pages) == 2


def test_css_added_to_a_layout_applies_to_it(tmp_path):
    body = f'<p data-notes="1">Call{note(1, "A note.")}.</p><p id="next">Next.</p>'
    with printer(tmp_path, body) as weasy:
        assert len(weasy.lay_out().pages) == 1
        assert len(weasy.lay_out('[data-notes~="1"] { break-after: page; }').pages) == 2


def embedded_files(pdf: bytes) -> list[str]:
    root = pypdf.PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    names = root.get("/Names", {}).get("/EmbeddedFiles", {}).get("/Names", [])
    return [str(name) for name in names[::2]]


def test_a_letter_never_carries_the_attachments_its_html_asks_for(tmp_path):
    (tmp_path / "notes.txt").write_text("What a hostile page would attach.", encoding="utf-8")
    body = '<link rel="attachment" href="notes.txt"><p>A letter.</p>'
    # WeasyPrint alone attaches the file: the attachment is a real way in.
    from weasyprint import HTML

    plain = HTML(string=document(body), base_url=tmp_path.as_uri() + "/").write_pdf(pdf_variant="pdf/ua-1")
    assert embedded_files(plain) == ["notes.txt"]
    with printer(tmp_path, body) as weasy:
        assert embedded_files(weasy.write(weasy.lay_out())) == []


def test_progress_is_reported_page_by_page(tmp_path):
    messages: list[str] = []
    body = "<p>One.</p><p style='break-before: page'>Two.</p>"
    with printer(tmp_path, body, messages.append) as weasy:
        weasy.write(weasy.lay_out())
    assert "Laying out page 1" in messages and "Laying out page 2" in messages
    assert "Writing the PDF (2 pages)" in messages


def test_page_references_built_once_write_the_same_bytes_and_are_used(tmp_path, monkeypatch):
    import pydyf

    html = document("".join(f"<h2>Part {n}</h2><p style='break-after: page'>Text {n}.</p>" for n in range(5)))
    from weasyprint import HTML

    # The fonts' date from the environment: the two PDFs differ only by how page references are built.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    rendered = HTML(string=html).render(pdf_variant="pdf/ua-1")
    plain = rendered.write_pdf(pdf_variant="pdf/ua-1")
    assert isinstance(pydyf.PDF.__dict__["page_references"], property)
    built = []
    original = pydyf.PDF.page_references.fget
    counting = property(lambda pdf: built.append(1) or original(pdf))
    monkeypatch.setattr(pydyf.PDF, "page_references", counting)
    with process.tuned():
        weasyprint_engine.change_libraries()
        cached = rendered.write_pdf(pdf_variant="pdf/ua-1")
    assert cached == plain
    # Tagging asks for the references once per structure element; built once per page added.
    assert 0 < len(built) <= 5
    # And pydyf is as it was once the work is done.
    assert pydyf.PDF.__dict__["page_references"] is counting


def embedded_font_dates(pdf: bytes) -> set[int]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    stamps = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            for descendant in font.get_object()["/DescendantFonts"]:
                data = descendant.get_object()["/FontDescriptor"]["/FontFile2"].get_object().get_data()
                stamps.add(TTFont(io.BytesIO(data))["head"].modified)
    return stamps


def test_fonts_are_stamped_with_the_letters_date_and_the_environment_is_untouched(tmp_path, monkeypatch):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    environment = dict(os.environ)
    with printer(tmp_path, "<p>Stamped.</p>") as weasy:
        pdf = weasy.write(weasy.lay_out())
        assert dict(os.environ) == environment
    assert embedded_font_dates(pdf) == {timestampSinceEpoch(calendar.timegm(LETTER_DATE.timetuple()))}


def test_a_callers_source_date_epoch_is_kept_for_the_fonts(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1500000000")
    with printer(tmp_path, "<p>Stamped.</p>") as weasy:
        pdf = weasy.write(weasy.lay_out())
    assert embedded_font_dates(pdf) == {timestampSinceEpoch(1500000000)}


def test_attachments_in_the_html_are_never_embedded(tmp_path):
    from weasyprint import HTML

    attached = '<link rel="attachment" href="data:text/plain;base64,c2VjcmV0" title="secret.txt">'
    html = document("<p>A letter.</p>").replace("</head>", attached + "</head>")
    # The same HTML through WeasyPrint alone carries the file: the engine must drop it.
    plain = pypdf.PdfReader(io.BytesIO(HTML(string=html).write_pdf()))
    assert "/EmbeddedFiles" in plain.trailer["/Root"]["/Names"]
    weasy = Printer(html, base_url=tmp_path.as_uri() + "/", sandbox=Sandbox(tmp_path), date=LETTER_DATE, progress=print)
    with weasy:
        pdf = pypdf.PdfReader(io.BytesIO(weasy.write(weasy.lay_out())))
    root = pdf.trailer["/Root"]
    assert "/Names" not in root or "/EmbeddedFiles" not in root["/Names"]


def test_the_html_writers_notes_are_the_ones_the_fence_finds(iap_project):
    """The letter's own HTML: every note's call and text found, by the id the HTML writer gives them."""
    from petitioncli.build import validate
    from petitioncli.edition import make_edition

    letter = validate(iap_project / "petition.yaml").letter
    edition = make_edition(letter, letter.manifest.recipient, LETTER_DATE)
    html = letter_html(edition).html
    weasy = Printer(
        html, base_url=iap_project.as_uri() + "/", sandbox=Sandbox(iap_project), date=LETTER_DATE, progress=print
    )
    with weasy:
        calls, notes = weasy.footnote_pages(weasy.lay_out(), calls=len(edition.footnotes))
    assert set(calls) == set(notes) == {f"fn-{n}" for n in range(1, 6)}


def test_no_other_module_reaches_past_the_fence():
    import re

    package = Path(weasyprint_engine.__file__).parent.parent
    imports = re.compile(r"^\s*(?:from|import)\s+(weasyprint|pydyf)\b", re.MULTILINE)
    reaching = [
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if path.name != "weasyprint_engine.py" and imports.search(path.read_text(encoding="utf-8"))
    ]
    assert reaching == []
