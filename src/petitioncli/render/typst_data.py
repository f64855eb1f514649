"""The letter as data for the Typst template: every text a string, never markup.

Typst reads `letter.json` and builds the page from it (`templates/letter.typ`):
the Markdown tree of `markdown/` walked into plain JSON nodes, the notes'
texts at their first call, the signatories as short rows. A title such as
`#import "x"` or a name with `*` and `$` in it reaches Typst as a string and
prints as written: nothing here is ever pasted into Typst markup, which is how
escaping goes wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .. import markdown, rules
from ..diagnostics import Diagnostics, Pos
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
    Text,
    ThematicBreak,
    project_relative_path,
    walk_inlines,
)
from ..model import Edition, Status
from .sandbox import Refused, Sandbox, image_type

PAPERS = {"a4": "a4", "letter": "us-letter"}
_LINK_SCHEMES = ("http", "https", "mailto")
_IMAGE_SUFFIXES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}

Json = dict | list | str | int | bool | None


@dataclass(slots=True)
class LetterData:
    data: dict
    # Files the template may read besides letter.json: project images, by the name it uses.
    images: dict[str, bytes] = field(default_factory=dict)
    # SVG images, with where letter.md names them: the only content that can point elsewhere.
    svg_images: list[tuple[Pos, str]] = field(default_factory=list)
    # Every string the letter prints, for the fonts to be checked against.
    printed: list[str] = field(default_factory=list)


def letter_data(
    edition: Edition,
    paper: str,
    sandbox: Sandbox,
    diagnostics: Diagnostics,
    *,
    replace: dict[int, str] | None = None,
    break_before: tuple[int, ...] = (),
) -> LetterData:
    """`replace` maps characters no font can draw to the one printed instead;
    `break_before` the notes whose calling block must start a new page."""
    return _Builder(edition, sandbox, diagnostics, replace or {}).letter(paper, break_before)


class _Builder:
    def __init__(self, edition: Edition, sandbox: Sandbox, diagnostics: Diagnostics, replace: dict[int, str]):
        self.edition = edition
        self.sandbox = sandbox
        self.diagnostics = diagnostics
        self.replace = replace
        self.quotes = language_quotes(edition.language)
        self.out = LetterData({})
        self.notes = {n.number: markdown.parse_inline(n.footnote.text, self.quotes) for n in edition.footnotes}
        self.seen_notes: set[int] = set()
        self.image_names: dict[str, str] = {}

    def text(self, value: str) -> str:
        """A string the letter prints: recorded, and with unprintable characters replaced."""
        if self.replace:
            value = value.translate(self.replace)
        self.out.printed.append(value)
        return value

    def typeset(self, value: str) -> str:
        return self.text(markdown.smart_quotes(value, self.quotes))

    def letter(self, paper: str, break_before: tuple[int, ...]) -> LetterData:
        edition = self.edition
        language, _, rest = edition.language.partition("-")
        region = next((part for part in rest.split("-") if len(part) == 2 and part.isalpha()), None)
        draft = edition.draft
        body = markdown.parse_document(edition.body.source, self.quotes).blocks
        self.out.data = {
            "lang": language.lower(),
            "region": region.upper() if region else None,
            "paper": PAPERS[paper],
            "title": self.typeset(edition.title),
            "author": self.text(edition.sender) if edition.sender else None,
            "subject": self.text(edition.subject) if edition.subject else None,
            "keywords": [self.text(keyword) for keyword in edition.keywords],
            "date": [edition.date.year, edition.date.month, edition.date.day],
            "place_prefix": self.typeset(edition.place_and_date.removesuffix(edition.date_text)),
            "date_text": self.text(edition.date_text),
            "address": [self.typeset(line) for line in edition.address],
            "salutation": [self.typeset(line) for line in (edition.salutation or "").split("\n") if line],
            "body": [node for block in body if (node := self.top_block(block)) is not None],
            "heading": self.typeset(edition.signatories_heading) if edition.signatories_heading else None,
            "signatories": [
                [
                    self.typeset(s.name),
                    self.typeset(", ".join(part for part in (s.affiliation, s.location) if part)),
                    s.url,
                    draft and s.status is Status.PENDING,
                ]
                for s in edition.signatories
            ],
            "draft": draft,
            "break_before": list(break_before),
        }
        return self.out

    def top_block(self, block: Block) -> Json:
        """A block of the letter's body, with the notes first called inside it."""
        first_calls = [n for n in self.note_numbers(block) if n not in self.seen_notes]
        node = self.block(block)
        if isinstance(node, dict) and first_calls:
            node["notes"] = first_calls
        return node

    def note_numbers(self, block: Block) -> list[int]:
        numbers = self.edition.footnote_numbers
        found: list[int] = []
        for container in markdown.inline_containers((block,)):
            for node in walk_inlines(container.children):
                if isinstance(node, NoteRef) and (number := numbers.get(node.label or "")) is not None:
                    found.append(number)
        return list(dict.fromkeys(found))

    def blocks(self, blocks: tuple[Block, ...]) -> list[Json]:
        return [node for block in blocks if (node := self.block(block)) is not None]

    def block(self, block: Block) -> Json:
        if isinstance(block, Paragraph):
            return {"t": "par", "c": self.inlines(block.children, block.line + 1)}
        if isinstance(block, Heading):
            # The letter's title is the one level-1 heading; headings in the body sit below it.
            level = min(block.level + 1, 6)
            return {"t": "heading", "level": level, "c": self.inlines(block.children, block.line + 1)}
        if isinstance(block, ListBlock):
            return {
                "t": "list",
                "ordered": block.ordered,
                "start": block.start,
                "tight": block.tight,
                "items": [self.blocks(item.children) for item in block.items],
            }
        if isinstance(block, BlockQuote):
            return {"t": "quote", "c": self.blocks(block.children)}
        if isinstance(block, CodeBlock):
            return {"t": "codeblock", "text": self.text(block.text.rstrip("\n"))}
        if isinstance(block, ThematicBreak):
            return {"t": "hr"}
        # Raw HTML never reaches a letter; footnote definitions in letter.md are an error.
        return None

    def inlines(self, nodes: tuple[Inline, ...], line: int, *, in_note: bool = False) -> list[Json]:
        out: list[Json] = []
        for node in nodes:
            item = self.inline(node, line, in_note)
            if isinstance(item, list):
                out.extend(item)
            elif item is not None:
                out.append(item)
        # Neighbouring strings joined: fewer nodes for the template to walk.
        joined: list[Json] = []
        for item in out:
            if isinstance(item, str) and joined and isinstance(joined[-1], str):
                joined[-1] += item
            else:
                joined.append(item)
        return joined

    def inline(self, node: Inline, line: int, in_note: bool) -> Json | list[Json]:
        if isinstance(node, Text):
            return self.text(node.text)
        if isinstance(node, SoftBreak):
            return " "
        if isinstance(node, HardBreak):
            return {"t": "br"}
        if isinstance(node, Code):
            return {"t": "code", "text": self.text(node.text)}
        if isinstance(node, Emphasis):
            kind = "strong" if node.strong else "em"
            return {"t": kind, "c": self.inlines(node.children, line, in_note=in_note)}
        if isinstance(node, Link):
            children = self.inlines(node.children, line, in_note=in_note)
            if urlsplit(node.href).scheme.lower() not in _LINK_SCHEMES:
                return children
            return {"t": "link", "href": node.href, "c": children}
        if in_note:
            return None  # a note holds no images and no calls of notes
        if isinstance(node, Image):
            return self.image(node, line)
        if isinstance(node, NoteRef):
            return self.note_call(node.label or "")
        return None

    def note_call(self, label: str) -> Json:
        """The note's text at its first call (Typst sets it at the page foot), a reference to it after."""
        number = self.edition.footnote_numbers.get(label)
        if number is None:
            return None
        if number in self.seen_notes:
            return {"t": "noteref", "n": number}
        self.seen_notes.add(number)
        return {"t": "note", "n": number, "c": self.inlines(self.notes[number], 0, in_note=True)}

    def image(self, node: Image, line: int) -> Json:
        """Images from the project folder, read through the sandbox; checks already report any other image."""
        src = node.src
        relative = project_relative_path(src)
        if relative is None:
            return None
        name = self.image_names.get(relative)
        if name is None:
            data = self.read_image(src, relative, Pos(self.edition.body.path, line))
            if data is None:
                return None
            name = self.image_names[relative] = f"images/{len(self.image_names) + 1}.{data[1]}"
            self.out.images[name] = data[0]
        # PDF/UA wants every image described; an image with no alt text is named by its file.
        return {"t": "image", "path": name, "alt": self.text(node.alt or relative)}

    def read_image(self, src: str, relative: str, pos: Pos) -> tuple[bytes, str] | None:
        try:
            data = self.sandbox.read(self.edition.letter.root / relative, shown_as=src)
        except Refused:
            # Outside the project (a link pointing out of it): checks report that already.
            return None
        except OSError as exc:
            self.diagnostics.report_once(
                rules.IMAGE_UNREADABLE, pos, f"image '{src}' is left out: {exc.strerror or exc}"
            )
            return None
        media = image_type(data)
        if media is None:
            self.diagnostics.report_once(
                rules.IMAGE_UNREADABLE, pos, f"image '{src}' is left out: not a PNG, JPEG, GIF, WebP or SVG image"
            )
            return None
        if media == "image/svg+xml":
            self.out.svg_images.append((pos, src))
            return data, "svg"
        return data, _IMAGE_SUFFIXES[media]
