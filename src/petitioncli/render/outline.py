"""The levels the body's headings print at: nested under the letter's title, never skipping one.

PDF/UA refuses a heading structure that skips a level (Typst stops with
"skipped from heading level 1 to 4"), and a screen reader's outline of the web
page reads the same way. Authors write `##` … `######` in whatever order a
letter grew in; a heading prints one level below the nearest heading before it
that Markdown gives a smaller level, and at the same level as one Markdown gives
an equal level. The letter's title is level 1, so the first heading is 2.
"""

from __future__ import annotations

# The deepest heading HTML and PDF/UA name (h6, H6).
DEEPEST = 6


class Outline:
    """The printed level of each heading of one Markdown file, in the order they are read."""

    def __init__(self) -> None:
        # The Markdown levels of the headings still open above the next one.
        self.open: list[int] = []

    def level(self, markdown_level: int) -> int:
        while self.open and self.open[-1] >= markdown_level:
            self.open.pop()
        self.open.append(markdown_level)
        return min(1 + len(self.open), DEEPEST)
