"""Every size limit of a letter project: its value, what it bounds, and the rule that reports it.

A letter is data from many hands, and a few bytes can ask for minutes or
gigabytes (20 KB of brackets, an image used a hundred times, a `<use>` that
repeats itself). What cannot be handled in time and memory in proportion to
its size is refused against one of these limits, each far above any letter
(the IAP letter's text is 3 KB; 100,000 signatories are a 10 MB YAML file).
The docs site's Limits page is generated from this module (`make docs-gen`).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import rules
from .rules import Rule

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limit:
    value: int
    shown: str
    # Completes "the limit on …" on the docs site's Limits page.
    what: str
    rule: Rule


_LIMITS: list[Limit] = []


def _limit(value: int, shown: str, what: str, rule: Rule) -> Limit:
    found = Limit(value, shown, what, rule)
    _LIMITS.append(found)
    return found


TEXT_FILE_BYTES = _limit(
    1 * MB,
    "1 MB",
    "each of `petition.yaml`, `letter.md`, `footnotes.yaml`, `recipients.yaml` and a translation's files",
    rules.FILE_TOO_LARGE,
)
LIST_FILE_BYTES = _limit(64 * MB, "64 MB", "the signatories file, YAML or CSV", rules.FILE_TOO_LARGE)

PROJECT_BYTES = _limit(
    128 * MB,
    "128 MB",
    "the files `petition.yaml` names, its own and its translations', each counted as often as it is named",
    rules.FILE_TOO_LARGE,
)
# markdown-it silently drops what lies deeper than its own limit, 20 levels of
# its counting, where a list takes two and the paragraph in it one more. Within
# 8 levels nothing is ever dropped; raising markdown-it's limit instead would
# make its reading of brackets (`[[[…`) several times slower.
MARKDOWN_DEPTH = _limit(
    8,
    "8 levels",
    "lists, block quotes, emphasis and links nested in one another, in `letter.md` or a footnote",
    rules.MARKDOWN_TOO_DEEP,
)

# A page holds a dozen narrow columns; past that cells shrink to a letter
# each (WeasyPrint) or overprint one another (Typst).
URL_LENGTH = _limit(
    2000, "2,000 characters", "a web address: a link's in the letter or a note, a signatory's", rules.URL_TOO_LONG
)
LINK_NOTES = _limit(
    500,
    "500",
    "the notes a printed letter gives links' addresses (`links_in_print: footnote`), in one edition",
    rules.LINK_NOTES_TOO_MANY,
)
TABLE_COLUMNS = _limit(12, "12", "the columns of a table in the letter", rules.TABLE_TOO_WIDE)

FOOTNOTES = _limit(1000, "1,000", "footnotes in `footnotes.yaml`", rules.FOOTNOTES_TOO_MANY)

NAME_LENGTH = _limit(
    64,
    "64 characters",
    "a slug or recipient id: with the date, a format and a language tag they make a file name, "
    "which may hold 255 bytes; a slug made from the folder's name is cut to this length",
    rules.ID_INVALID,
)

IMAGE_BYTES = _limit(
    32 * MB,
    "32 MB",
    "the images of one letter together, each use counted, since the web page embeds each use",
    rules.IMAGE_TOO_LARGE,
)
IMAGE_PIXELS = _limit(
    25_000_000,
    "25,000,000 pixels",
    "an image's width × height, as its header declares them, every frame of an animation counted "
    "(a 6,000 × 4,000 photograph fits)",
    rules.IMAGE_TOO_LARGE,
)
# Typst refuses a JPEG of more than 100 scans; an ordinary progressive JPEG has about ten.
JPEG_SCANS = _limit(100, "100 scans", "the scans of a progressive JPEG image", rules.IMAGE_TOO_LARGE)
SVG_ELEMENTS = _limit(
    10_000,
    "10,000",
    "an SVG image's elements, each reference (`<use>`, `url(#…)`) counted as the elements it repeats",
    rules.IMAGE_TOO_LARGE,
)
SVG_DEPTH = _limit(50, "50 levels", "an SVG image's nesting, references followed", rules.IMAGE_TOO_LARGE)


def beyond(size: int, limit: Limit) -> str:
    """A size over `limit` as people read it ('100 MB', '1.5 MB'), in bytes when it rounds to the limit."""
    shown = f"{size / MB:.1f}".removesuffix(".0") + " MB"
    return f"{size:,} bytes" if shown == limit.shown else shown


def all_limits() -> tuple[Limit, ...]:
    return tuple(_LIMITS)
