"""Rules only rendering can report: what laying out the letter shows."""

from __future__ import annotations

from .registry import WARNING, Stage, define

IMAGE_UNREADABLE = define(
    "image-unreadable",
    WARNING,
    Stage.RENDER,
    "an image in the project that cannot be read or is not a PNG, JPEG, GIF, WebP or SVG file; it is left out",
)

URL_REFUSED = define(
    "url-refused",
    WARNING,
    Stage.RENDER,
    "something only rendering sees (an SVG image that itself points at a web address or another file) "
    "asks for a file outside the project or the network; it is left out",
)

FOOTNOTE_MISPLACED = define(
    "footnote-misplaced",
    WARNING,
    Stage.RENDER,
    "the PDF could not print a footnote on the page that calls it, even after laying the letter out again",
)
