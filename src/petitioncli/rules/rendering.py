"""Rules only rendering can report: what laying out the letter shows."""

from __future__ import annotations

from .registry import WARNING, Stage, define

FOOTNOTE_MISPLACED = define(
    "footnote-misplaced",
    WARNING,
    Stage.RENDER,
    "the PDF could not print a footnote on the page that calls it, even after laying the letter out again",
)
