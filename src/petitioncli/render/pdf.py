"""The printed letter: WeasyPrint's rendering of the HTML letter, checked and tagged.

The PDF comes from exactly the document `--format html` writes. After layout
every footnote is checked against the page of its call; when WeasyPrint has
pushed a note to a later page, the letter is laid out again with a page break
that makes room for it, and a note that still cannot stay is reported by name.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from .. import rules
from ..diagnostics import Diagnostics, Pos
from ..model import Edition
from .html import letter_html
from .sandbox import Sandbox

Progress = Callable[[str], None]

PDF_VARIANT = "pdf/ua-1"
_FOOTNOTE_CALL = "::footnote-call"
_NOTE_ID_PREFIX = "fn-"

# WeasyPrint sometimes gives a note's room to the lines that follow its call
# and prints the note a page later, even with `footnote-policy: line`. Each
# fix asks more of the layout than the one before: end the page after the
# block that calls the note, then start that block on a new page.
_PAGE_BREAK_FIXES = (
    '[data-notes~="{number}"] {{ break-after: page !important; }}',
    '[data-notes~="{number}"] {{ break-before: page !important; }}',
)


def render_pdf(
    edition: Edition,
    paper: str = "a4",
    diagnostics: Diagnostics | None = None,
    progress: Progress = lambda message: None,
) -> bytes:
    found = diagnostics if diagnostics is not None else Diagnostics()
    progress("Writing the letter's HTML")
    page = letter_html(edition, paper=paper, diagnostics=found)

    progress("Loading the PDF engine")
    from weasyprint import CSS, HTML

    from .fetcher import SandboxedFetcher

    fetcher = SandboxedFetcher(Sandbox(edition.letter.root))
    source = HTML(string=page.html, base_url=edition.letter.root.resolve().as_uri() + "/", url_fetcher=fetcher)
    options = {"pdf_variant": PDF_VARIANT, "pdf_identifier": True}

    with _source_date_epoch(edition.date), _relay_progress(progress):
        progress("Laying out pages")
        document = source.render(**options)
        count = len(edition.footnotes)
        misplaced = misplaced_notes(document, count)
        fixes: dict[int, str] = {}
        for fix in _PAGE_BREAK_FIXES:
            if not misplaced:
                break
            progress("Laying out again to keep every footnote on its call's page")
            fixes.update((number, fix.format(number=number)) for number in misplaced)
            stylesheet = CSS(string="\n".join(fixes.values()), url_fetcher=fetcher)
            document = source.render(stylesheets=[stylesheet], **options)
            misplaced = misplaced_notes(document, count)
        # A letter never carries attachments, whatever its HTML says.
        document.metadata.attachments = []
        progress(f"Writing the PDF ({len(document.pages)} pages)")
        with _page_references_built_once():
            data = document.write_pdf(**options)

    _report_misplaced(edition, misplaced, found)
    _report_refused(edition, page.svg_images, fetcher.sandbox.refused, found)
    return data


def misplaced_notes(document, count: int) -> dict[int, tuple[int | None, int | None]]:
    """Of `count` notes, those not printed on the page of their call: number -> (call page, note page)."""
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox

    call_pages: dict[int, int] = {}
    note_pages: dict[int, int] = {}
    for index, page in enumerate(document.pages, start=1):
        root, *others = page._page_box.children
        for area in others:
            if isinstance(area, FootnoteAreaBox):
                for note in area.children:
                    if (number := _note_number(note.element)) is not None:
                        note_pages.setdefault(number, index)
        # Calls sit in the letter's body, before the signatories: once all are
        # found, the remaining pages are not walked.
        if len(call_pages) < count:
            for box in _calls(root):
                if (number := _note_number(box.element)) is not None:
                    call_pages.setdefault(number, index)
    return {
        number: (call_pages.get(number), note_pages.get(number))
        for number in range(1, count + 1)
        if call_pages.get(number) != note_pages.get(number)
    }


def _calls(box) -> Iterator:
    stack = [box]
    while stack:
        current = stack.pop()
        tag = current.element_tag or ""
        if tag.endswith(_FOOTNOTE_CALL):
            yield current
        children = getattr(current, "children", None)
        if children:
            stack.extend(reversed(children))


def _note_number(element) -> int | None:
    ident = element.get("id", "") if element is not None else ""
    if ident.startswith(_NOTE_ID_PREFIX) and ident[len(_NOTE_ID_PREFIX) :].isdigit():
        return int(ident[len(_NOTE_ID_PREFIX) :])
    return None


def _report_misplaced(
    edition: Edition, misplaced: dict[int, tuple[int | None, int | None]], found: Diagnostics
) -> None:
    for number, (call_page, note_page) in misplaced.items():
        note = edition.footnotes[number - 1].footnote
        where = f"on page {note_page}" if note_page else "nowhere"
        found.report_once(
            rules.FOOTNOTE_MISPLACED,
            note.pos,
            f"footnote {number} ('{note.id}') is called on page {call_page} but printed {where}; "
            "shorten the note or the paragraph that calls it",
        )


def _report_refused(
    edition: Edition, svg_images: list[tuple[Pos, str]], refused: list[str], found: Diagnostics
) -> None:
    """The HTML carries everything else inline: what WeasyPrint asked for came from an SVG image."""
    pos, image = svg_images[0] if svg_images else (Pos(edition.letter.body.path), "")
    source = f"image '{image}'" if len(svg_images) == 1 else "an SVG image in the letter"
    for url in refused:
        found.report_once(
            rules.URL_REFUSED,
            pos,
            f"{source} refers to '{url}', which is left out: only files inside the project folder are read, "
            "nothing from the network",
        )


@contextmanager
def _source_date_epoch(date: dt.date) -> Iterator[None]:
    """Pins the time fontTools stamps into embedded fonts to the letter's date, unless the caller pinned it."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    if previous:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(date.timetuple()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


@contextmanager
def _page_references_built_once() -> Iterator[None]:
    """Makes tagging a long letter cost time in proportion to its length.

    pydyf builds the tuple of every page's reference anew on each access, and
    WeasyPrint's PDF/UA tagging asks for it once per structure element: with
    10,000 signatories, 4.7 million references built for nothing, 1.8 s. While
    we write, the tuple is rebuilt only when a page has been added; the bytes
    written are the same.
    """
    import pydyf

    original = pydyf.PDF.page_references

    def page_references(pdf) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_petitioncli_page_references")
        if cached is None or cached[0] != len(kids):
            cached = pdf.__dict__["_petitioncli_page_references"] = (len(kids), original.fget(pdf))
        return cached[1]

    pydyf.PDF.page_references = property(page_references)
    try:
        yield
    finally:
        pydyf.PDF.page_references = original


class _ProgressRelay(logging.Handler):
    """Turns WeasyPrint's per-page progress log into the CLI's status line."""

    def __init__(self, progress: Progress):
        super().__init__(logging.INFO)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, str) and record.msg.endswith("Page %d") and isinstance(record.args, tuple):
            self.progress(f"Laying out page {record.args[0]}")


@contextmanager
def _relay_progress(progress: Progress) -> Iterator[None]:
    logger = logging.getLogger("weasyprint.progress")
    relay = _ProgressRelay(progress)
    level = logger.level
    logger.addHandler(relay)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(relay)
        logger.setLevel(level)
