"""The printed letter, from either engine, checked the same way after layout.

WeasyPrint (the default) prints exactly the document `--format html` writes;
Typst, an optional extra for long letters, prints the same `Edition` through
its own template. Whichever laid the pages out, every footnote is then checked
against the page of its call, in the same words. (Characters no font draws
are named by `check`, before either engine runs: `checks/glyphs.py`; the
sandbox refuses what is not the project's, but the page asks for nothing
else: images are embedded as `check` judged them, SVG without references.)
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import rules
from ..diagnostics import Diagnostics
from ..font_coverage import undrawable
from ..model import Edition
from .fonts import replacing
from .html import letter_html
from .printed import Printed
from .sandbox import Sandbox

Progress = Callable[[str], None]
# An engine: the edition, the paper size and where to report, to the pages printed (`formats.ENGINES`).
PdfPrinter = Callable[[Edition, str, Diagnostics, Progress], Printed]

# WeasyPrint sometimes gives a note's room to the lines that follow its call
# and prints the note a page later, even with `footnote-policy: line`. Each
# fix asks more of the layout than the one before: end the page after the
# block that calls the note, then start that block on a new page.
_PAGE_BREAK_FIXES = (
    '[data-notes~="{number}"] {{ break-after: page !important; }}',
    '[data-notes~="{number}"] {{ break-before: page !important; }}',
)
# The HTML writer gives each note the id `fn-N`.
_NOTE_ID = "fn-{number}"
# The text between a page's tags: what WeasyPrint draws.
_PAGE_TEXT = re.compile(r">([^<]+)<")


def render_pdf(
    edition: Edition,
    printer: PdfPrinter,
    *,
    paper: str = "a4",
    diagnostics: Diagnostics | None = None,
    progress: Progress = lambda message: None,
) -> bytes:
    """The letter printed by `printer`, one of `formats.ENGINES`, and checked the same way after layout."""
    found = diagnostics if diagnostics is not None else Diagnostics()
    printed = printer(edition, paper, found, progress)
    _report_misplaced(edition, printed.misplaced, found)
    return printed.pdf


def print_with_weasyprint(edition: Edition, paper: str, found: Diagnostics, progress: Progress) -> Printed:
    progress("Writing the letter's HTML")
    page = letter_html(edition, paper=paper)
    html = _marked(page.html)

    progress("Loading the PDF engine")
    from .weasyprint_engine import Printer

    sandbox = Sandbox(edition.letter.root)
    base_url = edition.letter.root.resolve().as_uri() + "/"
    count = len(edition.footnotes)
    with Printer(html, base_url=base_url, sandbox=sandbox, date=edition.date, progress=progress) as printer:
        progress("Laying out pages")
        document = printer.lay_out()
        overlong = frozenset(int(ident.removeprefix("fn-")) for ident in printer.overflowing_notes(document))
        if overlong:
            progress("Laying out again with the notes too long for a page after the letter's text")
            # Diagnostics were said the first time.
            printer.replace_html(_marked(letter_html(edition, paper=paper, end_notes=overlong).html))
            document = printer.lay_out()
        misplaced = _misplaced(*printer.footnote_pages(document, count), count)
        fixes: dict[int, str] = {}
        for fix in _PAGE_BREAK_FIXES:
            if not misplaced:
                break
            progress("Laying out again to keep every footnote on its call's page")
            fixes.update((number, fix.format(number=number)) for number in misplaced)
            document = printer.lay_out("\n".join(fixes.values()))
            misplaced = _misplaced(*printer.footnote_pages(document, count), count)
        data = printer.write(document)
    _report_end_notes(edition, overlong, found)
    return Printed(data, misplaced)


def _marked(html: str) -> str:
    """The page with each run of characters no font draws as one mark, as Typst prints it (`fonts.replacing`).

    Only the text is changed: an address or a description keeps what it says.
    """
    replace = replacing(undrawable(set(html)))
    if replace is None:
        return html
    return _PAGE_TEXT.sub(lambda text: f">{replace(text[1])}<", html)


def _misplaced(
    call_pages: dict[str, int], note_pages: dict[str, int], count: int
) -> dict[int, tuple[int | None, int | None]]:
    misplaced = {}
    for number in range(1, count + 1):
        ident = _NOTE_ID.format(number=number)
        if call_pages.get(ident) != note_pages.get(ident):
            misplaced[number] = (call_pages.get(ident), note_pages.get(ident))
    return misplaced


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


def _report_end_notes(edition: Edition, numbers: frozenset[int], found: Diagnostics) -> None:
    for number in sorted(numbers):
        note = edition.footnotes[number - 1].footnote
        found.report_once(
            rules.FOOTNOTE_AFTER_TEXT,
            note.pos,
            f"footnote {number} ('{note.id}') is longer than the foot of a page can hold: the PDF prints it "
            "after the letter's text, its number where it is called",
        )
