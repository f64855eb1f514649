"""link-notes-too-many: a printed letter's notes for links' addresses, within the limit WeasyPrint lays out in time.

With `links_in_print: footnote` (the default) every link whose text does not
say its address gets a note at the page's foot. WeasyPrint lays the whole foot
of a page out again for each note added to it, and one paragraph of 2,500
links took 40 seconds, 10,000 over five minutes: a letter may print at most so
many, counted per edition (its body with the epigraph and postscript around it).
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

from .. import limits, markdown, rules
from ..diagnostics import Pos
from ..markdown import Link
from ..model import Body, LinksInPrint
from ..rules import Problem
from .context import Context

# The links print shows: others print as their text alone (render/html_body.py).
_PRINTED_SCHEMES = ("http", "https", "mailto")


def check(context: Context) -> Iterator[Problem]:
    letter = context.letter
    if letter.manifest.links_in_print is not LinksInPrint.FOOTNOTE:
        return
    around = [body for body in letter.documents if body is not letter.body]
    for body in [letter.body, *(texts.body for texts in letter.translations.values())]:
        problem = _edition_problem([*around, body])
        if problem is not None:
            yield problem
            return  # said once: every edition prints the same epigraph and postscript


def _edition_problem(documents: list[Body]) -> Problem | None:
    most = limits.LINK_NOTES.value
    count = 0
    for body in documents:
        for container in markdown.inline_containers(body.document.blocks):
            count += sum(1 for node in markdown.walk_inlines(container.children) if _noted(node))
            if count > most:
                return rules.LINK_NOTES_TOO_MANY.at(
                    Pos(body.path, container.line + 1),
                    f"this brings the printed letter's notes for links' addresses to {count:,} or more; a letter "
                    f"may print at most {limits.LINK_NOTES.shown}: set `links_in_print: inline` to print "
                    "addresses after the links' text",
                )
    return None


def _noted(node: object) -> bool:
    return (
        isinstance(node, Link)
        and urlsplit(node.href).scheme.lower() in _PRINTED_SCHEMES
        and markdown.shown_address(node) is not None
    )
