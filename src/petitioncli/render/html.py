"""The letter as one self-contained HTML document: the web page, and the PDF's source.

The PDF is WeasyPrint's rendering of exactly this document, so everything the
printed letter needs lives in it: the print stylesheet, the fonts and any
images (as data URIs). Nothing in it points outside the file, which is what
makes it safe to publish as it is and to render without network access.
"""

from __future__ import annotations

import base64
import copy
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from markdown_it.token import Token
from markupsafe import Markup, escape

from .. import __version__
from ..diagnostics import Diagnostics, Pos
from ..markdown import RAW_HTML_TOKENS, project_relative_path
from ..model import Edition, Status
from .sandbox import FONTS, TEMPLATES, Refused, Sandbox, image_type

PAPER_SIZES = {"a4": "A4", "letter": "letter"}

# Two CSS columns cost WeasyPrint about three times a single column; up to the
# SPEC's 10,000 signatories they stay within its 40-second budget, beyond that
# the list is set in one column so that time keeps growing in proportion.
MAX_TWO_COLUMN_SIGNATORIES = 10_000

_FONT_FACES = (
    ("NotoSerif-Regular.woff", "normal", "normal"),
    ("NotoSerif-Italic.woff", "italic", "normal"),
    ("NotoSerif-Bold.woff", "normal", "bold"),
    ("NotoSerif-BoldItalic.woff", "italic", "bold"),
)

# Block tokens whose whole range is left out: raw HTML never reaches a letter,
# and footnote definitions inside letter.md are an error the checks report.
_SKIPPED_RANGES = {"footnote_reference_open": "footnote_reference_close", "footnote_block_open": "footnote_block_close"}
_LINK_SCHEMES = ("http", "https", "mailto")

# Typographic quotation marks (CLDR's) for the languages letters are most
# often written in; any other language gets the English ones.
_QUOTES = {
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "cs": ("„", "“", "‚", "‘"),
    "fr": ("«\u202f", "\u202f»", "“", "”"),
    "es": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"),
    "nl": ("“", "”", "‘", "’"),
    "pt": ("“", "”", "‘", "’"),
    "pl": ("„", "”", "«", "»"),
    "ru": ("«", "»", "„", "“"),
    "uk": ("«", "»", "„", "“"),
}


@dataclass(frozen=True, slots=True)
class _FontFace:
    style: str
    weight: str
    data: str


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


@dataclass(frozen=True, slots=True)
class LetterHtml:
    html: str
    # SVG images inlined from the project, with where letter.md names them:
    # the only content of the page that can itself point at other files.
    svg_images: list[tuple[Pos, str]]


def render_html(edition: Edition, paper: str = "a4", diagnostics: Diagnostics | None = None) -> str:
    """The letter as HTML5; `diagnostics` receives what only rendering can find (unusable images)."""
    return letter_html(edition, paper, diagnostics).html


def letter_html(edition: Edition, paper: str = "a4", diagnostics: Diagnostics | None = None) -> LetterHtml:
    """The HTML letter, with what the PDF renderer needs to know about its images."""
    letter = edition.letter
    sandbox = Sandbox(letter.root)
    quotes = _Typographer(letter.language)
    found = diagnostics if diagnostics is not None else Diagnostics()
    writer = _HtmlWriter(edition, sandbox, found, quotes)
    body = writer.blocks(letter.body.tokens)
    notes = [_Note(n.number, writer.inline(n.footnote.tokens, in_note=True)) for n in edition.footnotes]
    date_text = edition.date_text
    html = (
        _environment()
        .get_template("letter.html")
        .render(
            language=letter.language,
            title=quotes.text(letter.title),
            author=letter.sender,
            subject=letter.subject,
            keywords=letter.keywords,
            generator=f"petitioncli {__version__}",
            date=edition.date.isoformat(),
            date_text=date_text,
            place_prefix=quotes.text(edition.place_and_date.removesuffix(date_text)),
            address=[quotes.text(line) for line in edition.recipient.address],
            salutation=[quotes.text(line) for line in edition.recipient.salutation.split("\n")],
            body=Markup(body),
            notes=notes,
            heading=quotes.text(letter.signatories_heading) if letter.signatories_heading else None,
            signatories=[
                _Signatory(
                    name=quotes.text(s.name),
                    details=quotes.text(", ".join(part for part in (s.affiliation, s.location) if part)),
                    url=s.url,
                    pending=edition.draft and s.status is Status.PENDING,
                )
                for s in edition.signatories
            ],
            one_column=len(edition.signatories) > MAX_TWO_COLUMN_SIGNATORIES,
            draft=edition.draft,
            paper=PAPER_SIZES[paper],
            fonts=_font_faces(sandbox),
        )
    )
    return LetterHtml(html, writer.svg_images)


class _Typographer:
    """Straight quotes and apostrophes become the letter's language's typographic ones.

    markdown-it's own rule does the work, on copies: the tokens belong to the
    model, which the text letter prints with the quotes as written.
    """

    def __init__(self, language: str):
        from markdown_it import MarkdownIt
        from markdown_it.rules_core.state_core import StateCore

        marks = _QUOTES.get(language.split("-")[0].lower(), _QUOTES["en"])
        self.state = StateCore("", MarkdownIt("zero", {"typographer": True, "quotes": marks}), {})

    def tokens(self, tokens: list[Token]) -> list[Token]:
        from markdown_it.rules_core.smartquotes import QUOTE_TEST_RE, process_inlines

        if not any(t.type == "text" and QUOTE_TEST_RE.search(t.content) for t in tokens):
            return tokens
        copies = [copy.copy(token) for token in tokens]
        process_inlines(copies, self.state)
        return copies

    def text(self, text: str) -> str:
        if "'" not in text and '"' not in text:
            return text
        return self.tokens([Token("text", "", 0, content=text)])[0].content


@cache
def _environment():
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def _font_faces(sandbox: Sandbox) -> list[_FontFace]:
    return [
        _FontFace(style, weight, base64.b64encode(sandbox.read(FONTS / name)).decode("ascii"))
        for name, style, weight in _FONT_FACES
    ]


def warn_once(diagnostics: Diagnostics, pos: Pos, rule: str, message: str) -> None:
    # A letter is rendered once per recipient and format; a problem is said once.
    if not any(d.pos == pos and d.rule == rule and d.message == message for d in diagnostics):
        diagnostics.warning(pos, rule, message)


class _HtmlWriter:
    """Walks markdown-it tokens into HTML; raw HTML tokens produce nothing."""

    def __init__(self, edition: Edition, sandbox: Sandbox, diagnostics: Diagnostics, quotes: _Typographer):
        self.edition = edition
        self.sandbox = sandbox
        self.diagnostics = diagnostics
        self.quotes = quotes
        self.svg_images: list[tuple[Pos, str]] = []
        self.body_path = edition.letter.body.path
        self.seen_notes: set[int] = set()

    def blocks(self, tokens: list[Token]) -> str:
        out: list[str] = []
        skip_until: str | None = None
        for index, token in enumerate(tokens):
            kind = token.type
            if skip_until is not None:
                if kind == skip_until:
                    skip_until = None
                continue
            if kind in _SKIPPED_RANGES:
                skip_until = _SKIPPED_RANGES[kind]
            elif kind in RAW_HTML_TOKENS:
                continue
            elif kind == "inline":
                out.append(self.inline(token.children or [], line=token.map[0] + 1 if token.map else 1))
            elif kind in ("fence", "code_block"):
                out.append(f"<pre><code>{escape(token.content)}</code></pre>\n")
            elif kind == "hr":
                out.append("<hr>\n")
            elif token.hidden:
                continue
            elif token.nesting == 1:
                out.append(self._open_tag(token, self._first_calls(tokens, index)))
            elif token.nesting == -1:
                out.append(f"</{self._tag(token)}>\n")
        return "".join(out)

    def _first_calls(self, tokens: list[Token], index: int) -> list[int]:
        """Notes first called in the text this block holds directly, for `data-notes`.

        The PDF renderer finds a block by these numbers when a note must be
        kept on its call's page by breaking the page after or before it.
        """
        ahead = tokens[index + 1 : index + 3]
        if tokens[index].type == "list_item_open" and ahead and ahead[0].hidden:
            ahead = ahead[1:]  # a tight list item holds its text directly
        if not ahead or ahead[0].type != "inline":
            return []
        numbers = self.edition.footnote_numbers
        found: list[int] = []
        for child in ahead[0].children or ():
            if child.type == "footnote_ref":
                number = numbers.get(child.meta.get("label", ""))
                if number is not None and number not in self.seen_notes and number not in found:
                    found.append(number)
        return found

    def _tag(self, token: Token) -> str:
        if token.type in ("heading_open", "heading_close"):
            # The letter's title is the one h1; headings in the body sit below it.
            return f"h{min(int(token.tag[1]) + 1, 6)}"
        return token.tag

    def _open_tag(self, token: Token, notes: list[int]) -> str:
        attributes = ""
        if token.type == "ordered_list_open" and token.attrs.get("start") not in (None, 1):
            attributes += f' start="{int(token.attrs["start"])}"'
        if notes:
            attributes += f' data-notes="{" ".join(map(str, notes))}"'
        return f"<{self._tag(token)}{attributes}>"

    def inline(self, tokens: list[Token], *, line: int = 1, in_note: bool = False) -> Markup:
        tokens = self.quotes.tokens(tokens)
        out: list[str] = []
        open_links: list[bool] = []  # per link_open: whether an <a> was written
        for token in tokens:
            kind = token.type
            if kind == "text":
                out.append(escape(token.content))
            elif kind == "softbreak":
                out.append("\n")
            elif kind == "hardbreak":
                out.append("<br>\n")
            elif kind == "code_inline":
                out.append(f"<code>{escape(token.content)}</code>")
            elif kind in ("em_open", "strong_open"):
                out.append(f"<{token.tag}>")
            elif kind in ("em_close", "strong_close"):
                out.append(f"</{token.tag}>")
            elif kind == "link_open":
                href = str(token.attrs.get("href", ""))
                written = urlsplit(href).scheme.lower() in _LINK_SCHEMES
                open_links.append(written)
                if written:
                    css = ' class="url"' if token.markup == "autolink" else ""
                    out.append(f'<a href="{escape(href)}"{css}>')
            elif kind == "link_close":
                if open_links.pop() if open_links else False:
                    out.append("</a>")
            elif kind == "image":
                if not in_note:
                    out.append(self.image(token, line))
            elif kind == "footnote_ref":
                if not in_note:
                    out.append(self.note_call(token.meta.get("label", "")))
            elif kind in RAW_HTML_TOKENS:
                continue
            elif token.children:
                out.append(self.inline(token.children, line=line, in_note=in_note))
            else:
                out.append(escape(token.content))
        return Markup("".join(out))

    def note_call(self, label: str) -> str:
        """The note itself at its first call (it floats to the page foot), a plain number after."""
        number = self.edition.footnote_numbers.get(label)
        if number is None:
            return ""
        if number in self.seen_notes:
            return f'<span class="noteref-repeat">{number}</span>'
        self.seen_notes.add(number)
        note = self.edition.footnotes[number - 1].footnote
        text = self.inline(note.tokens, in_note=True)
        return (
            f'<a class="noteref" id="ref-{number}" href="#note-{number}" role="doc-noteref">{number}</a>'
            f'<span class="fn" id="fn-{number}">{text}</span>'
        )

    def image(self, token: Token, line: int) -> str:
        """Images from the project folder, inlined; checks already report any other image."""
        src = str(token.attrs.get("src", ""))
        relative = project_relative_path(src)
        if relative is None:
            return ""
        alt = escape("".join(child.content for child in token.children or ()) or token.content)
        pos = Pos(self.body_path, line)
        try:
            data = self.sandbox.read(self.edition.letter.root / relative, shown_as=src)
        except Refused:
            # Outside the project (a link pointing out of it): checks report that already.
            return ""
        except OSError as exc:
            warn_once(self.diagnostics, pos, "image-unreadable", f"image '{src}' is left out: {exc.strerror or exc}")
            return ""
        media = image_type(data)
        if media is None:
            warn_once(
                self.diagnostics,
                pos,
                "image-unreadable",
                f"image '{src}' is left out: not a PNG, JPEG, GIF, WebP or SVG image",
            )
            return ""
        if media == "image/svg+xml":
            self.svg_images.append((pos, src))
        encoded = base64.b64encode(data).decode("ascii")
        return f'<img src="data:{media};base64,{encoded}" alt="{alt}">'
