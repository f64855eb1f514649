"""Every output format, PDF engine and paper size petitioncli knows, named once.

`petition build`'s `--format`, `--engine` and `--paper` choices, the
manifest's `engine` key, the format `--output`'s name implies and the
renderer each format calls all come from the tables here. A renderer's
module is imported only when its format is asked for, as Sphinx loads its
builders: WeasyPrint alone takes about a second to import. Nothing here
imports another petitioncli module at import time, so every layer (and the
CLI's start-up) may use it.

A new format is one member of `Format` and its entry in `FORMATS`;
a new PDF engine one member of `Engine` and its entry in `ENGINES`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from .diagnostics import Diagnostics
    from .model import Edition
    from .render.pdf import PdfPrinter

Progress = Callable[[str], None]


class Format(enum.StrEnum):
    PDF = "pdf"
    TXT = "txt"
    HTML = "html"
    DOCX = "docx"


class Engine(enum.StrEnum):
    WEASYPRINT = "weasyprint"
    TYPST = "typst"


class Paper(enum.StrEnum):
    A4 = "a4"
    LETTER = "letter"


DEFAULT_ENGINE = Engine.WEASYPRINT
# Text letters: the columns a line may take, and the fewest that can hold a letter's words.
DEFAULT_WIDTH = 72
NARROWEST_WIDTH = 20


@dataclass(frozen=True, slots=True)
class Settings:
    """How a build asks for its letters to be rendered, whatever the format."""

    width: int = DEFAULT_WIDTH
    paper: Paper = Paper.A4
    engine: Engine = DEFAULT_ENGINE


Renderer = Callable[["Edition", Settings, "Diagnostics", Progress], bytes]


@dataclass(frozen=True, slots=True)
class FormatSpec:
    # The file names that say this format, the first the one a build writes.
    suffixes: tuple[str, ...]
    render: Renderer
    # Fit to be printed on a terminal (`--output -`); a PDF is not.
    for_terminal: bool = True
    # Laid out in pages: a long list takes long enough for a progress bar.
    paged: bool = False


@dataclass(frozen=True, slots=True)
class EngineSpec:
    # The PDF printer, imported when the engine is first used.
    load: Callable[[], PdfPrinter]


def _text(edition: Edition, settings: Settings, diagnostics: Diagnostics, progress: Progress) -> bytes:
    from .render.text import render_text

    return render_text(edition, settings.width).encode("utf-8")


def _html(edition: Edition, settings: Settings, diagnostics: Diagnostics, progress: Progress) -> bytes:
    from .render.html import render_html

    return render_html(edition, paper=settings.paper).encode("utf-8")


def _docx(edition: Edition, settings: Settings, diagnostics: Diagnostics, progress: Progress) -> bytes:
    from .render.docx_letter import render_docx

    return render_docx(edition, paper=settings.paper)


def _pdf(edition: Edition, settings: Settings, diagnostics: Diagnostics, progress: Progress) -> bytes:
    from .render.pdf import render_pdf

    printer = ENGINES[settings.engine].load()
    return render_pdf(edition, printer, paper=settings.paper, diagnostics=diagnostics, progress=progress)


def _weasyprint() -> PdfPrinter:
    from .render.pdf import print_with_weasyprint

    return print_with_weasyprint


def _typst() -> PdfPrinter:
    from .render.typst_engine import render_typst

    return render_typst


FORMATS: dict[Format, FormatSpec] = {
    Format.PDF: FormatSpec((".pdf",), _pdf, for_terminal=False, paged=True),
    Format.TXT: FormatSpec((".txt",), _text),
    Format.HTML: FormatSpec((".html", ".htm"), _html),
    # A zip package: no more for a terminal than a PDF is.
    Format.DOCX: FormatSpec((".docx",), _docx, for_terminal=False),
}

ENGINES: dict[Engine, EngineSpec] = {
    Engine.WEASYPRINT: EngineSpec(_weasyprint),
    Engine.TYPST: EngineSpec(_typst),
}


def format_of_suffix(suffix: str) -> Format | None:
    """The format a file name's suffix says, if any."""
    return next((fmt for fmt, spec in FORMATS.items() if suffix.lower() in spec.suffixes), None)


Choice = TypeVar("Choice", Format, Engine, Paper)


def chosen(kind: type[Choice], value: str, what: str) -> Choice:
    """A value given to the library as a string, as one of its choices; PetitionError names them all."""
    from .diagnostics import PetitionError

    try:
        return kind(value.lower())
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise PetitionError(f"unknown {what} '{value}'; choose from {choices}") from None


def listed(kind: type[enum.StrEnum]) -> str:
    """The choices of `kind` as a sentence says them: 'pdf, txt or html'."""
    *rest, final = (member.value for member in kind)
    return f"{', '.join(rest)} or {final}" if rest else final
