"""Rules about letter.md: footnote references, links, images, raw HTML and spacing, each at its place."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from .. import limits, markdown, rules
from ..diagnostics import Pos, some_of
from ..loader.files import split_lines
from ..markdown import Code, Emphasis, HardBreak, Image, Inline, Link, NoteRef, RawHtml, SoftBreak, Text
from ..model import Body, Footnote
from ..rules import Problem
from .context import Context
from .images import ImageChecker, Judged, Use, check_letterhead, check_logos, check_totals
from .text import SPACING, url_problem


def check(context: Context) -> Iterator[Problem]:
    """letter.md, the epigraph and postscript printed around it, and each translation's body."""
    letter = context.letter
    # Each image is read once, however many documents and editions show it.
    judged: dict[str, Judged] = {}
    head = ImageChecker(letter, judged)
    yield from check_letterhead(letter, head)
    yield from check_logos(letter, head)
    notes = Notes(letter.footnotes, "footnotes" in context.unusable)
    shown: dict[Path, list[Use]] = {}
    for body in letter.documents:
        images = ImageChecker(letter, judged)
        yield from check_body(context, body, notes, images)
        shown[body.path] = images.uses
    # Every edition prints the letterhead, and the original's epigraph and postscript where it has none of its own.
    editions = [[*head.uses, *(use for uses in shown.values() for use in uses)]]
    for tag, texts in letter.translations.items():
        unusable = f"translations.{tag}.footnotes" in context.unusable
        notes = Notes(texts.footnotes, unusable, original=letter.footnotes, language=tag)
        images = ImageChecker(letter, judged)
        # A translation's own epigraph and postscript stand in for the original's in its edition.
        own = [document for document in (texts.epigraph, texts.body, texts.postscript) if document is not None]
        for document in own:
            yield from check_body(context, document, notes, images)
        replaced = {
            original.path
            for original, translated in ((letter.epigraph, texts.epigraph), (letter.postscript, texts.postscript))
            if original is not None and translated is not None
        }
        kept = [
            use
            for body in letter.documents
            if body is not letter.body and body.path not in replaced
            for use in shown[body.path]
        ]
        editions.append([*head.uses, *kept, *images.uses])
    yield from check_totals(editions)


@dataclass(frozen=True, slots=True)
class Notes:
    """The footnotes a body's references must find; a translation's, with the original's beside them."""

    notes: dict[str, Footnote]
    # Could not be read at all: a reference to it is no news.
    unusable: bool
    original: dict[str, Footnote] | None = None
    language: str | None = None


def check_body(context: Context, body: Body, notes: Notes, images: ImageChecker) -> Iterator[Problem]:
    """Every problem of one Markdown file; the images it shows join `images.uses`, for the letter's total."""
    for block in body.document.blocks:
        yield from _check_block(block, body.path)
    if not body.source:
        return
    lines = split_lines(body.source)
    for container in markdown.inline_containers(body.document.blocks):
        located = _Located(body.path, lines, container.source, container.line)
        yield from _Inlines(context, located, notes, images).walk(container.children)


def _check_block(block: markdown.Block, path: Path) -> Iterator[Problem]:
    if isinstance(block, markdown.NoteDefinition):
        yield rules.FOOTNOTE_INLINE.at(
            Pos(path, block.line + 1),
            f"footnote '[^{block.label}]' is defined in the letter; move its text to footnotes.yaml",
        )
    elif isinstance(block, markdown.RawBlock) and not block.is_comment:
        yield rules.HTML_RAW.at(
            Pos(path, block.line + 1), "raw HTML is not passed through to the letter; it is left out"
        )
    elif isinstance(block, markdown.Table) and len(block.header) > limits.TABLE_COLUMNS.value:
        yield rules.TABLE_TOO_WIDE.at(
            Pos(path, block.line + 1),
            f"this table has {len(block.header)} columns; a page sets at most {limits.TABLE_COLUMNS.value} "
            "side by side: split it, or turn it round so that its rows are the long side",
        )
    elif isinstance(block, markdown.ListBlock):
        for item in block.items:
            for child in item.children:
                yield from _check_block(child, path)
    elif isinstance(block, markdown.BlockQuote):
        for child in block.children:
            yield from _check_block(child, path)


# How far past the cursor a node's source may start: markup, spaces, a line break.
_NEARBY = 1024


class _Located:
    """One paragraph or heading of letter.md, mapping offsets in its inline source back to the file.

    markdown-it gives inline content no positions, only the block's first
    line, and the content has list markers, quote marks and indentation
    removed. The nodes are matched against the content left to right (a
    cursor that only moves forward), then each content line is found again
    as the tail of its source line. Everything is linear in the size of the block.
    """

    def __init__(self, path: Path, lines: list[str], content: str, first: int):
        self.path = path
        self.lines = lines
        self.content = content
        self.first = first
        self.cursor = 0
        self._starts: list[int] | None = None
        self._offsets: dict[int, int] = {}

    def find(self, needle: str, start: int | None = None, within: int | None = None) -> int:
        """Where `needle` next occurs at or after the cursor (or `start`), or -1.

        A node's source follows the cursor closely, so the search looks no
        further than `within` (by default a little more than the needle): a
        needle that differs from its source (an escape, an entity, a reference
        link's target) would otherwise be sought through the whole rest of the
        block once per node, which makes a long paragraph quadratic.
        """
        start = self.cursor if start is None else start
        end = start + (8 * len(needle) + _NEARBY if within is None else within)
        return self.content.find(needle, start, end) if needle else -1

    def pos(self, index: int) -> Pos:
        """The source position of content offset `index`; the cursor's when the offset is unknown (-1)."""
        if index < 0:
            index = self.cursor
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer("\n", self.content)]
        row = bisect.bisect_right(self._starts, index) - 1
        line_start = self._starts[row]
        if row not in self._offsets:
            self._offsets[row] = self._offset(self._starts, row, line_start)
        return Pos(self.path, self.first + row + 1, max(self._offsets[row] + index - line_start, 0) + 1)

    def _offset(self, starts: list[int], row: int, line_start: int) -> int:
        """Where content line `row` begins in its source line (worked out once a line: lines can be long)."""
        line_end = starts[row + 1] - 1 if row + 1 < len(starts) else len(self.content)
        piece = self.content[line_start:line_end]
        number = self.first + row
        raw = self.lines[number] if number < len(self.lines) else ""
        if raw.endswith(piece):
            return len(raw) - len(piece)
        if raw.rstrip().endswith(piece):
            return len(raw.rstrip()) - len(piece)
        # Tabs in list indentation are expanded in the content; find the line's text instead.
        return max(raw.find(piece.lstrip()), 0) - (len(piece) - len(piece.lstrip()))

    def locate(self, *needles: str, within: int | None = None) -> tuple[int, int]:
        """Start of the first needle found from the cursor, and the end of that needle; (-1, -1) if none."""
        for needle in needles:
            index = self.find(needle, within=within)
            if index >= 0:
                return index, index + len(needle)
        return -1, -1

    def skip(self, *needles: str) -> None:
        """Moves the cursor past the first needle found."""
        _, end = self.locate(*needles)
        self.cursor = max(self.cursor, end)

    def target(self, target: str, text: str) -> tuple[int, int]:
        """A link's destination: after `](` or inside `<…>`, as written or percent-decoded, after its `text`."""
        written = unquote(target)
        within = 8 * (len(text) + len(target)) + _NEARBY
        start, end = self.locate(f"]({target}", f"]({written}", f"<{target}", f"<{written}", within=within)
        if start >= 0:
            return start + (1 if self.content[start] == "<" else 2), end
        # A reference link's destination is in its definition, not in the paragraph.
        return -1, -1


class _Inlines:
    """Walks one block's inline nodes, reporting each problem where it is written."""

    def __init__(self, context: Context, located: _Located, notes: Notes, images: ImageChecker):
        self.context = context
        self.letter = context.letter
        self.at = located
        self.notes = notes
        self.images = images

    def walk(self, nodes: tuple[Inline, ...]) -> Iterator[Problem]:
        for node in nodes:
            yield from self.visit(node)

    def visit(self, node: Inline) -> Iterator[Problem]:
        at = self.at
        if isinstance(node, Text):
            yield from self.text(node.text)
        elif isinstance(node, NoteRef):
            yield from self.note_ref(node)
        elif isinstance(node, RawHtml):
            start, end = at.locate(node.html)
            if not node.is_comment:
                yield rules.HTML_RAW.at(
                    at.pos(start),
                    f"raw HTML '{node.html}' is not passed through to the letter; it is left out",
                )
            at.cursor = max(at.cursor, end)
        elif isinstance(node, Link):
            start, end = at.target(node.href, markdown.plain_text(node.children))
            if found := url_problem(at.pos(start), node.href, "link", allow_mailto=True):
                yield found
            yield from self.walk(node.children)
            at.cursor = max(at.cursor, end)
        elif isinstance(node, Image):
            start, end = at.target(node.src, node.alt)
            yield from self.images.check(at.pos(start), node.src)
            at.cursor = max(at.cursor, end)
        elif isinstance(node, Emphasis):
            at.skip(node.markup)
            yield from self.walk(node.children)
            at.skip(node.markup)
        elif isinstance(node, Code):
            at.skip(node.text)
        elif isinstance(node, SoftBreak | HardBreak):
            at.skip("\n")

    def note_ref(self, node: NoteRef) -> Iterator[Problem]:
        at = self.at
        label = node.label
        start, end = at.locate(f"[^{label}]" if label is not None else "^[")
        if label is None:
            yield rules.FOOTNOTE_INLINE.at(
                at.pos(start),
                "inline footnote '^[…]': put its text in footnotes.yaml and refer to it as [^id]",
            )
        elif label not in self.notes.notes and not self.notes.unusable:
            original = self.notes.original
            if original is not None and label in original:
                yield rules.TRANSLATION_MISSING.at(
                    at.pos(start),
                    f"footnote '{label}' has no text in the '{self.notes.language}' translation's footnotes",
                )
            else:
                known = some_of(self.notes.notes)
                yield rules.FOOTNOTE_UNDEFINED.at(
                    at.pos(start),
                    f"footnote '{label}' is not defined in footnotes.yaml (defined: {known})",
                )
        at.cursor = max(at.cursor, end)

    def text(self, content: str) -> Iterator[Problem]:
        """Double spaces and spaces before commas, each at its place; advances the cursor past the text."""
        at = self.at
        # A text follows the cursor closely, after a little markup; a text whose
        # source differs (escapes, entities) is not searched for through the
        # whole rest of the block, which would make long paragraphs quadratic.
        start = at.find(content, within=8 * len(content) + 64)
        for needle, problem in SPACING:
            found = content.find(needle)
            # Escapes and entities make a text differ from its source: then the
            # problem itself is searched for in the source, from the cursor on.
            index = at.cursor
            while found >= 0:
                index = start + found if start >= 0 else at.find(needle, index, within=8 * len(content) + _NEARBY)
                yield rules.WHITESPACE_STRAY.at(at.pos(index), f"{problem} in the letter text")
                found = content.find(needle, found + len(needle))
                index = max(index, at.cursor) + len(needle)
        if start >= 0:
            at.cursor = start + len(content)
