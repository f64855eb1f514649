"""WeasyPrint as the letter needs it: every touch of its internals and pydyf's, behind one fence.

WeasyPrint's public API lays out HTML and writes PDF. A letter needs more than
it offers: on which page each footnote and its call landed, its progress page by page, a fetcher that reads only
what the sandbox allows, page references that do not cost quadratic time while
tagging, and a fixed time for the fonts it rewrites. Each of these relies on
something WeasyPrint, pydyf or fontTools keep to themselves, and each lives
here, nowhere else: `tests/test_weasyprint_fence.py` fails when an upgrade
moves one of them, and pyproject.toml bounds the versions they were written
against. This module is imported only when a PDF is made, since importing
WeasyPrint takes about a second.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from contextvars import ContextVar

import pydyf
from fontTools.misc.timeTools import timestampSinceEpoch
from fontTools.ttLib.tables import _h_e_a_d
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import FootnoteAreaBox
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .. import process
from .sandbox import Refused, Sandbox, image_type

Progress = Callable[[str], None]

PDF_VARIANT = "pdf/ua-1"
# No file identifier: PDF/UA does not ask for one, and pydyf makes it by
# serialising and compressing the whole PDF a second time, a fifth of writing it.
_OPTIONS = {"pdf_variant": PDF_VARIANT}
# The pseudo-element WeasyPrint makes for a footnote's call carries this tag suffix.
_FOOTNOTE_CALL = "::footnote-call"


class SandboxedFetcher(URLFetcher):
    """WeasyPrint's URL fetcher, narrowed to the sandbox.

    WeasyPrint 70's `URLFetcher` fetches http(s) and any `file://` path by
    default. This one answers `data:` URIs (the fonts and images the HTML
    carries) and files the sandbox allows, and refuses everything else.
    """

    def __init__(self, sandbox: Sandbox):
        # The parent's opener is only ever asked for data: URIs.
        super().__init__(allowed_protocols=("data",), allow_redirects=False)
        self.sandbox = sandbox

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower()
        if scheme == "data":
            return super().fetch(url, headers)
        path = self.sandbox.path_of_url(url)
        if path is None:
            raise Refused(
                f"'{url}' is not read: only files inside the project folder are read, nothing from the network"
            )
        data = self.sandbox.read(path, shown_as=url)
        return URLFetcherResponse(url, data, {"Content-Type": image_type(data) or "application/octet-stream"})


class Printer:
    """One HTML letter laid out (as often as its footnotes need) and written as a tagged PDF.

    Use as a context manager: while it is open, WeasyPrint's log reports
    progress here, and fonts are stamped with the letter's date.
    """

    def __init__(self, html: str, *, base_url: str, sandbox: Sandbox, date: dt.date, progress: Progress):
        self.fetcher = SandboxedFetcher(sandbox)
        self.base_url = base_url
        self.source = HTML(string=html, base_url=base_url, url_fetcher=self.fetcher)
        self.date = date
        self.progress = progress
        self._stack = ExitStack()

    def __enter__(self) -> Printer:
        # Outside a command (the library used on its own) the process is tuned for this letter alone.
        self._stack.enter_context(process.tuned())
        change_libraries()
        self._stack.enter_context(_fonts_stamped(self.date))
        self._stack.enter_context(_logged(logging.getLogger("weasyprint.progress"), _ProgressRelay(self.progress)))
        return self

    def __exit__(self, *exc_info) -> None:
        self._stack.close()

    def replace_html(self, html: str) -> None:
        """The letter to lay out from now on, fetched through the same sandbox."""
        self.source = HTML(string=html, base_url=self.base_url, url_fetcher=self.fetcher)

    def lay_out(self, css: str = ""):
        """The pages of the letter, with `css` added to its own stylesheet."""
        stylesheets = [CSS(string=css, url_fetcher=self.fetcher)] if css else []
        document = self.source.render(stylesheets=stylesheets, **_OPTIONS)
        # Layout leaves about 60 cyclic objects a signatory behind. With the
        # collector paused (`process.py`) they are all in the youngest
        # generation: collecting it alone frees them without walking the rest
        # of the process, and writing the PDF then starts from the letter's
        # own memory.
        process.collect_young()
        return document

    def footnote_pages(self, document, calls: int) -> tuple[dict[str, int], dict[str, int]]:
        """Where footnotes were printed: the page of each call and of each note, by the note's element id.

        Calls sit in the letter's body, before the signatories: once `calls`
        of them are found, the remaining pages are not walked for more.
        """
        call_pages: dict[str, int] = {}
        note_pages: dict[str, int] = {}
        for index, page in enumerate(document.pages, start=1):
            root, *others = page._page_box.children
            for area in others:
                if isinstance(area, FootnoteAreaBox):
                    for note in area.children:
                        if note.element is not None and (ident := note.element.get("id")):
                            note_pages.setdefault(ident, index)
            if len(call_pages) < calls:
                for box in _calls(root):
                    if box.element is not None and (ident := box.element.get("id")):
                        call_pages.setdefault(ident, index)
        return call_pages, note_pages

    def overflowing_notes(self, document) -> list[str]:
        """The element ids of the notes whose page could not hold them.

        WeasyPrint never carries a note over to the next page: a note taller
        than the room below the text is laid out upwards past the top of the
        page, where nothing of it is seen.
        """
        found: list[str] = []
        for page in document.pages:
            top = page._page_box.content_box_y()
            for area in page._page_box.children[1:]:
                if isinstance(area, FootnoteAreaBox):
                    for note in area.children:
                        if note.position_y < top and note.element is not None and (ident := note.element.get("id")):
                            found.append(ident)
        return found

    def write(self, document) -> bytes:
        self.progress(f"Writing the PDF ({len(document.pages)} pages)")
        # A letter never carries attachments, whatever its HTML says.
        document.metadata.attachments = []
        return document.write_pdf(**_OPTIONS)


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


def change_libraries() -> None:
    """What this engine changes in fontTools and pydyf, for as long as the process is tuned (`process.py`)."""
    process.change(_h_e_a_d, "timestampNow", _font_timestamp)
    process.change(pydyf.PDF, "page_references", _page_references_built_once)


# The letter's date as a font timestamp, while a Printer is open.
_FONT_STAMP: ContextVar[int | None] = ContextVar("petitioncli_font_stamp", default=None)


@contextmanager
def _fonts_stamped(date: dt.date) -> Iterator[None]:
    """Stamps the fonts WeasyPrint rewrites with the letter's date instead of the time of the build.

    Decoding a WOFF font and subsetting it with fontTools both write a `head`
    table, whose modification time fontTools takes from `timestampNow()`:
    SOURCE_DATE_EPOCH when set, else the clock, which would make every build
    differ. A caller's SOURCE_DATE_EPOCH is kept; otherwise the function the
    `head` table calls (`change_libraries`) answers the letter's date while
    the PDF is made, and the process environment is never touched.
    """
    token = _FONT_STAMP.set(timestampSinceEpoch(calendar.timegm(date.timetuple())))
    try:
        yield
    finally:
        _FONT_STAMP.reset(token)


def _font_timestamp(clock: Callable[[], int]) -> Callable[[], int]:
    def timestamp() -> int:
        stamp = _FONT_STAMP.get()
        return clock() if stamp is None or os.environ.get("SOURCE_DATE_EPOCH") else stamp

    return timestamp


def _page_references_built_once(original: property) -> property:
    """Makes tagging a long letter cost time in proportion to its length.

    pydyf builds the tuple of every page's reference anew on each access, and
    WeasyPrint's PDF/UA tagging asks for it once per structure element: with
    10,000 signatories, 4.7 million references built for nothing, 1.8 s. The
    tuple is rebuilt only when a page has been added; the bytes written are the same.
    """

    def page_references(pdf) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        cached = pdf.__dict__.get("_petitioncli_page_references")
        if cached is None or cached[0] != len(kids):
            cached = pdf.__dict__["_petitioncli_page_references"] = (len(kids), original.__get__(pdf, type(pdf)))
        return cached[1]

    return property(page_references)


@contextmanager
def _logged(logger: logging.Logger, handler: logging.Handler) -> Iterator[None]:
    level = logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > handler.level:
        logger.setLevel(handler.level)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


class _ProgressRelay(logging.Handler):
    """Turns WeasyPrint's per-page progress log into the CLI's status line."""

    def __init__(self, progress: Progress):
        super().__init__(logging.INFO)
        self.progress = progress

    def emit(self, record: logging.LogRecord) -> None:
        if isinstance(record.msg, str) and record.msg.endswith("Page %d") and isinstance(record.args, tuple):
            self.progress(f"Laying out page {record.args[0]}")
