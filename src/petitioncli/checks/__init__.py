"""Rules that read a loaded `Letter` and find what is wrong with its content.

The loader has already reported what stops a file from being read (syntax,
types, unknown keys); the checks here judge what was read. Each module
checks one part of the letter: its `check(context)` yields the problems it
finds (`RULE.at(pos, message)`) and writes nowhere; `run_checks` gathers
them and attaches each one's severity. A new content rule goes into the
module of the part it reads, and its id into `rules/content.py`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from ..diagnostics import Diagnostics
from ..model import Letter
from ..rules import Problem
from . import (
    body,
    characters,
    footnotes,
    glyphs,
    groups,
    link_notes,
    manifest,
    recipients,
    signatories,
    translations,
)
from .context import Context
from .noqa import without_suppressed
from .settings import configured

__all__ = ["configured", "run_checks", "without_suppressed"]

_CHECKS: tuple[Callable[[Context], Iterator[Problem]], ...] = (
    manifest.check,
    characters.check,
    body.check,
    link_notes.check,
    footnotes.check,
    recipients.check,
    signatories.check,
    translations.check,
    groups.check,
    glyphs.check,
)


def run_checks(
    letter: Letter,
    *,
    sources: Mapping[Path, str],
    date: dt.date | None = None,
    unusable: frozenset[str] = frozenset(),
    files_with_errors: frozenset[Path] = frozenset(),
) -> Diagnostics:
    """Every content problem of the letter; `date` is the build's date when it is not the manifest's.

    `sources` holds the texts the loader read, for rules that point inside a
    value (a link within a footnote). `unusable` names the files (body,
    footnotes, …) that could not be read: a rule comparing two files stays
    silent when one of them is missing, since its complaint would only echo
    the loader's; `files_with_errors` names the files the loader found
    errors in, for rules about a whole file that an error there would explain.
    """
    context = Context(letter, sources, unusable, date, files_with_errors)
    found = Diagnostics()
    for check in _CHECKS:
        found.add(check(context))
    return found
