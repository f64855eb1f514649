"""The letter as one self-contained HTML document: the web page, and the PDF's source.

The PDF is WeasyPrint's rendering of exactly this document, so everything the
printed letter needs lives in it: the print stylesheet, the fonts and any
images (as data URIs). Nothing in it points outside the file, which is what
makes it safe to publish as it is and to render without network access.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import unescape

from markupsafe import Markup

from .. import __version__
from ..language import is_right_to_left
from ..markdown import linkable
from ..model import Edition, Signatory, Status
from .fonts import font_faces_css
from .html_body import HtmlWriter
from .sandbox import TEMPLATES, Sandbox
from .text import draft_mark_points, signatory_details

PAPER_SIZES = {"a4": "A4", "letter": "letter"}

# Two CSS columns cost WeasyPrint about three times a single column; up to
# 10,000 signatories they stay within the 40-second budget of bench/run.py, beyond that
# the list is set in one column so that time keeps growing in proportion.
MAX_TWO_COLUMN_SIGNATORIES = 10_000

# Where the @font-face rules go, once the page's text says which glyphs they need.
_FONT_FACES_MARK = "/* @font-face */"


@dataclass(frozen=True, slots=True)
class _Note:
    number: int
    html: Markup


@dataclass(frozen=True, slots=True)
class _Signatory:
    name: str
    details: str
    url: str | None
    pending: bool
    number: int | None
    highlight: bool
    # Label, address and whether it may be a link, of each of the signatory's further links.
    links: list[tuple[str, str, bool]]
    # The logo as a data URI, in a group that shows logos.
    logo: str | None


@dataclass(frozen=True, slots=True)
class _Group:
    heading: str | None
    signatories: list[_Signatory]
    level: int
    logos: bool


@dataclass(frozen=True, slots=True)
class LetterHtml:
    html: str


def render_html(edition: Edition, paper: str = "a4") -> str:
    """The letter as HTML5."""
    return letter_html(edition, paper).html


def letter_html(edition: Edition, paper: str = "a4", end_notes: frozenset[int] = frozenset()) -> LetterHtml:
    """The HTML letter, with what the PDF renderer needs to know about its images.

    `end_notes`: the notes print sets after the letter's text, since a page's foot cannot hold them.
    """
    sandbox = Sandbox(edition.letter.root)
    # The notes' texts by number, with the edition's quotation marks.
    notes = {n.number: n.footnote.inlines for n in edition.footnotes}
    writer = HtmlWriter(edition, notes, end_notes)
    # In print order, so that each note floats from its first call.
    epigraph = writer.document(edition.epigraph) if edition.epigraph else None
    body = writer.document(edition.body)
    postscript = writer.document(edition.postscript) if edition.postscript else None
    letterhead = None
    if edition.letterhead is not None:
        manifest = edition.letter.manifest
        letterhead = writer.data_uri(str(manifest.letterhead))
    date_text = edition.date_text
    logos = _Logos(writer)
    html = (
        _environment()
        .get_template("letter.html")
        .render(
            language=edition.language,
            right_to_left=is_right_to_left(edition.language),
            title=edition.title,
            subtitle=edition.subtitle,
            letterhead=letterhead,
            epigraph=epigraph,
            closing=edition.closing,
            postscript=postscript,
            author=edition.sender,
            subject=edition.subject,
            keywords=edition.keywords,
            generator=f"petitioncli {__version__}",
            date=edition.date.isoformat(),
            date_text=date_text,
            place_prefix=edition.place_and_date.removesuffix(date_text),
            address=edition.address,
            salutation=edition.salutation.split("\n") if edition.salutation else [],
            body=Markup(body),
            notes=[_Note(number, writer.inline(inlines, in_note=True)) for number, inlines in notes.items()],
            end_notes=end_notes,
            heading=edition.signatories_heading,
            groups=[
                _Group(
                    group.heading,
                    _signatories(group.signatories, group.numbers, edition, logos if group.logos else None),
                    group.level,
                    group.logos,
                )
                for group in edition.groups
            ],
            # Group headings sit below the signatories' own heading, when there is one.
            group_level=3 if edition.signatories_heading else 2,
            one_column=len(edition.signatories) > MAX_TWO_COLUMN_SIGNATORIES,
            draft=edition.words.draft if edition.draft else None,
            draft_points=draft_mark_points(edition.words.draft),
            pending=edition.words.pending,
            letterhead_alt=edition.letterhead_alt or "",
            paper=PAPER_SIZES[paper],
            font_faces=Markup(_FONT_FACES_MARK),
        )
    )
    # Every character the page shows (entities decoded), a few more than the glyphs drawn: that is harmless.
    faces = font_faces_css(sandbox, set(unescape(html)))
    return LetterHtml(html.replace(_FONT_FACES_MARK, faces.rstrip("\n"), 1))


class _Logos:
    """Each logo encoded once, however many signatories show it, from the image check prepared."""

    def __init__(self, writer: HtmlWriter):
        self.writer = writer
        self.uris: dict[str, str | None] = {}

    def uri(self, signatory: Signatory) -> str | None:
        src = signatory.logo
        if src is None:
            return None
        if src not in self.uris:
            self.uris[src] = self.writer.data_uri(src)
        return self.uris[src]


def _signatories(
    signatories: list[Signatory], numbers: list[int | None] | None, edition: Edition, logos: _Logos | None
) -> list[_Signatory]:
    # Signatories are data: their quotes print as written, in every edition.
    return [
        _Signatory(
            name=s.name,
            details=signatory_details(s, edition),
            url=s.link,
            pending=edition.draft and s.status is Status.PENDING,
            number=numbers[index] if numbers is not None else None,
            highlight=s.highlight,
            links=[(link.label, link.url, linkable(link.url)) for link in s.links],
            logo=logos.uri(s) if logos is not None else None,
        )
        for index, s in enumerate(signatories)
    ]


@cache
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
