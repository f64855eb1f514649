"""Rules only rendering can report: what laying out the letter shows."""

from __future__ import annotations

from .registry import WARNING, Stage, define

FOOTNOTE_MISPLACED = define(
    "footnote-misplaced",
    WARNING,
    Stage.RENDER,
    "the PDF could not print a footnote on the page that calls it, even after laying the letter out again",
)

FOOTNOTE_AFTER_TEXT = define(
    "footnote-after-text",
    WARNING,
    Stage.RENDER,
    "a footnote longer than the foot of a page can hold is printed after the letter's text (WeasyPrint; "
    "Typst carries it over to the following pages)",
)
