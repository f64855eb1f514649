"""Rules about footnotes.yaml: notes never referenced, and the links, images and HTML inside notes."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote

from .. import markdown, rules
from ..diagnostics import Pos
from ..loader.files import yaml_lines
from ..markdown import Image, Link, RawHtml
from ..model import Body, Footnote
from ..rules import Problem
from .context import Context
from .text import spacing_problem, url_problem

# The files that call notes: when one cannot be read, a note may look unused.
_TEXTS = frozenset({"body", "epigraph", "postscript"})


def check(context: Context) -> Iterator[Problem]:
    letter = context.letter
    usable = not _TEXTS & context.unusable
    yield from check_notes(context, letter.footnotes, letter.documents, body_usable=usable)
    for tag, texts in letter.translations.items():
        usable = f"translations.{tag}.body" not in context.unusable
        # What the edition prints: its own epigraph and postscript, else the original's, around its body.
        printed = (texts.epigraph or letter.epigraph, texts.body, texts.postscript or letter.postscript)
        bodies = [body for body in printed if body is not None]
        yield from check_notes(context, texts.footnotes, bodies, body_usable=usable)


def check_notes(
    context: Context, footnotes: dict[str, Footnote], bodies: list[Body], *, body_usable: bool
) -> Iterator[Problem]:
    referenced = {label for body in bodies for label in markdown.note_labels(body.document.blocks)}
    notes = list(footnotes.values())
    finder = _Finder(notes, context)
    for index, note in enumerate(notes):
        if body_usable and note.id not in referenced:
            yield rules.FOOTNOTE_UNUSED.at(note.pos, f"footnote '{note.id}' is never referenced in the letter")
        source = context.yaml_lines(note.pos.file)
        if found := spacing_problem(note.where("text"), f"footnote '{note.id}'", note.text, source=source):
            yield found
        find = None
        for node in markdown.walk_inlines(note.inlines):
            if not isinstance(node, Link | Image | RawHtml):
                continue
            find = find or finder.finder(index)
            entry = note.pos.line
            if isinstance(node, Link):
                if found := url_problem(find(node.href), node.href, "link", allow_mailto=True, entry_line=entry):
                    yield found
            elif isinstance(node, Image):
                yield rules.IMAGE_REFUSED.at(find(node.src), "images in footnotes are left out", entry_line=entry)
            elif not node.is_comment:
                yield rules.HTML_RAW.at(
                    find(node.html),
                    f"raw HTML '{node.html}' in a footnote is left out",
                    entry_line=entry,
                )


# How far past the last link a note's next link may be written.
_NEARBY = 1024


class _Finder:
    """Finds links inside footnote texts in footnotes.yaml, split into lines only when a footnote has links.

    A note's text may run over several lines of a block scalar, which ends
    where the next footnote begins.
    """

    def __init__(self, notes: list[Footnote], context: Context):
        self.notes = notes
        self.sources = context.sources
        self._lines: dict[Path, list[str]] = {}

    def lines(self, path: Path) -> list[str]:
        if path not in self._lines:
            self._lines[path] = yaml_lines(self.sources.get(path, ""))
        return self._lines[path]

    def finder(self, index: int) -> Callable[[str], Pos]:
        note = self.notes[index]
        following = self.notes[index + 1].pos.line if index + 1 < len(self.notes) else None
        lines = self.lines(note.pos.file)
        last = min(following - 1 if following else len(lines), len(lines))
        start = note.where("text")
        cursor = [start.line - 1, start.column - 1]

        def find(target: str) -> Pos:
            for needle in dict.fromkeys((target, unquote(target))):
                row, column = cursor
                # A link follows the one before closely; one whose target is not
                # written as it reads (`&amp;`) is not sought to the note's end,
                # which would make a note of many links quadratic.
                budget = 8 * len(needle) + _NEARBY
                while needle and row < last and budget > 0:
                    at = lines[row].find(needle, column, column + budget)
                    if at >= 0:
                        cursor[:] = [row, at + len(needle)]
                        return Pos(note.pos.file, row + 1, at + 1)
                    budget -= len(lines[row]) - column
                    row, column = row + 1, 0
            return note.pos

        return find
