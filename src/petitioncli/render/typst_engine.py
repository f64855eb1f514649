"""The printed letter through Typst: `petition build --engine typst`, for long letters in seconds.

Typst lays out 10,000 signatories in a few seconds where WeasyPrint takes
half a minute. It prints the same `Edition` through the package's own
template (`templates/letter.typ`), which reads the letter as JSON
(`typst_data.py`). Typst is an optional extra: `pip install 'petitioncli[typst]'`.

Typst sees a world of our making: a temporary folder holding the template,
letter.json and the project images as `check` read and prepared them (SVG
images rewritten from an allow-list), and fonts from the shipped Noto Serif
only, plus those of the system's font families that draw the characters Noto
Serif lacks: Typst keeps every font it is given in memory, and a machine with
the CJK fonts installed would otherwise quadruple it. It
reads no other file and fetches nothing.
"""

from __future__ import annotations

import calendar
import io
import json
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

from ..diagnostics import Diagnostics, PetitionError
from ..exit_status import ExitStatus
from ..font_coverage import shipped_characters
from ..model import Edition
from .fonts import replacing
from .printed import Printed
from .sandbox import FONTS, TEMPLATES
from .typst_data import LetterData, letter_data

Progress = Callable[[str], None]
T = TypeVar("T")

INSTALL = "pip install 'petitioncli[typst]'"
PDF_STANDARD = "ua-1"
_FONT_FILES = ("NotoSerif-Regular", "NotoSerif-Italic", "NotoSerif-Bold", "NotoSerif-BoldItalic")
_LOG = logging.getLogger("typst")
# Layouts after the first, each starting more notes' blocks on a new page.
_FIX_ROUNDS = 3
# Compilations after those, each going on from where the last left the balancing of the signatory
# groups' last pages (letter.typ): enough for letters of some twenty groups running on from page to page.
_SETTLE_ROUNDS = 5
# What Typst 0.15 warns when the layouts of one compilation still move things.
_UNSETTLED = "did not converge"


def render_typst(edition: Edition, paper: str, found: Diagnostics, progress: Progress) -> Printed:
    typst = _typst()
    progress("Writing the letter's data for Typst")
    letter = letter_data(edition, paper)
    characters = _characters(letter.printed)
    system_fonts, unprintable = _fonts_needed(typst, characters)
    # PDF/UA forbids Typst to print the empty box; each run of such characters prints as one mark.
    replace = replacing(unprintable)
    if replace is not None:
        # `check` named these (glyph-missing). Built again without them; diagnostics were said the first time.
        letter = letter_data(edition, paper, replace=replace)

    with tempfile.TemporaryDirectory(prefix="petition-typst-") as scratch:
        folder = Path(scratch)
        fonts = folder / "fonts"
        fonts.mkdir()
        for name in _FONT_FILES:
            (fonts / f"{name}.ttf").write_bytes(_truetype(name))
        for index, path in enumerate(system_fonts):
            _link(path, fonts / f"system-{index}{path.suffix.lower()}")
        world = folder / "world"
        _write_world(world, letter)
        # The data is on disk now; laying out a long list needs the memory.
        del letter
        # No package is ever imported; should one be, it is looked for in an empty folder.
        no_packages = folder / "packages"
        no_packages.mkdir()
        compiler = typst.Compiler(
            root=world,
            font_paths=typst.Fonts(include_system_fonts=False, include_embedded_fonts=False, font_paths=[fonts]),
            package_path=no_packages,
            package_cache_path=no_packages,
        )
        count = len(edition.footnotes)
        progress("Laying out and writing the PDF with Typst")
        data, warnings = _compile(typst, compiler, world, edition)
        misplaced = _misplaced(compiler, count)
        # Typst can print a note at the foot of a page and then move the
        # last lines of the paragraph that calls it, call included, to the
        # next one. The block that calls such a note starts a new page; that
        # moves what follows, so a note misplaced only then is fixed in turn.
        breaks: dict[int, None] = {}
        for _ in range(_FIX_ROUNDS):
            if not misplaced:
                break
            progress("Laying out again to keep every footnote on its call's page")
            breaks.update(dict.fromkeys(misplaced))
            letter = letter_data(edition, paper, replace=replace, break_before=tuple(breaks))
            _write_world(world, letter)
            del letter
            data, warnings = _compile(typst, compiler, world, edition)
            misplaced = _misplaced(compiler, count)
        for _ in range(_SETTLE_ROUNDS):
            if not any(_UNSETTLED in warning for warning in warnings):
                break
            progress("Laying out again to balance the columns of each group's last page")
            letter = letter_data(edition, paper, replace=replace, break_before=tuple(breaks))
            letter.data["right_columns"] = dict(_laid_out(compiler, "query(<right-column>).map(m => m.value)"))
            _write_world(world, letter)
            del letter
            data, warnings = _compile(typst, compiler, world, edition)
            misplaced = _misplaced(compiler, count)
    for warning in warnings:
        _LOG.warning("%s", warning)
    return Printed(data, misplaced)


def _typst():
    try:
        import typst
    except ImportError:
        raise PetitionError(
            f"the Typst engine is an optional extra; install it with: {INSTALL}", ExitStatus.UNREADABLE
        ) from None
    return typst


def _characters(printed: list[str]) -> set[str]:
    # ASCII is in every font the letter can use; only the rest need looking up.
    return {character for character in set("".join(printed)) if ord(character) > 0x7F} - {"\n"}


def _fonts_needed(typst, characters: set[str]) -> tuple[list[Path], set[str]]:
    """The system's font files the letter needs, whole families, and the characters no font can draw.

    Noto Serif covers Latin, Greek and Cyrillic; a letter written in those
    leaves the system's fonts out, so that it prints the same everywhere.
    """
    missing = {character for character in characters if ord(character) not in shipped_characters()}
    if not missing:
        return [], set()
    system = [
        info for info in typst.Fonts(include_system_fonts=True, include_embedded_fonts=False).fonts() if info.path
    ]
    families: set[str] = set()
    for info in system:
        if not missing:
            break
        covered = _covered(info.path, info.index, missing)
        if covered:
            families.add(info.family)
            missing -= covered
    # Bold and italic faces of a family drawing a name, so that a bold heading stays bold.
    paths = dict.fromkeys(Path(info.path) for info in system if info.family in families)
    return list(paths), missing


def _link(source: Path, target: Path) -> None:
    """A system font in the folder Typst reads fonts from: linked, or copied where links are not allowed."""
    try:
        target.symlink_to(source)
    except OSError:
        shutil.copyfile(source, target)


def _covered(path: str, index: int, characters: set[str]) -> set[str]:
    """Of `characters`, those a font draws. Only they are kept: a font's whole map would hold
    tens of thousands of strings while Typst, which needs the memory, lays out a long list."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(path, fontNumber=index, lazy=True) as font:
            cmap = font.getBestCmap() or {}
    except Exception:  # a font file fontTools cannot read covers nothing we can rely on
        return set()
    return {character for character in characters if ord(character) in cmap}


@cache
def _truetype(name: str) -> bytes:
    """A shipped font as the TrueType font it was stored from: Typst does not read WOFF.

    The conversion keeps every table as stored and leaves the font's own
    timestamp alone, so the bytes are the same on every run.
    """
    from fontTools.ttLib import TTFont

    font = TTFont(FONTS / f"{name}.woff", recalcTimestamp=False)
    font.flavor = None
    out = io.BytesIO()
    font.save(out, reorderTables=False)
    return out.getvalue()


def _write_world(world: Path, letter: LetterData) -> None:
    """The files Typst may read: the template, the letter's data and its images as check judged them."""
    world.mkdir(exist_ok=True)
    (world / "main.typ").write_bytes((TEMPLATES / "letter.typ").read_bytes())
    (world / "letter.json").write_text(json.dumps(letter.data, ensure_ascii=False), encoding="utf-8")
    for name, data in letter.images.items():
        path = world / name
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)


def _compile(typst, compiler, world: Path, edition: Edition) -> tuple[bytes, list[str]]:
    """The PDF, and what Typst warned of while laying it out."""
    timestamp = calendar.timegm(edition.date.timetuple())
    try:
        data, warnings = _stoppable(
            lambda: compiler.compile_with_warnings(
                input=world / "main.typ", format="pdf", pdf_standards=PDF_STANDARD, timestamp=timestamp
            )
        )
    except typst.TypstError as exc:
        raise PetitionError(f"Typst could not print the letter: {exc.message}", ExitStatus.PROBLEMS) from None
    return data, [warning.message for warning in warnings]


def _laid_out(compiler, expression: str):
    """`expression`, a query, evaluated on the letter as Typst last laid it out."""
    return json.loads(_stoppable(lambda: compiler.eval(expression, format="json")))


def _stoppable(work: Callable[[], T]) -> T:
    """`work` (Typst's, which lets go of Python while it runs) in a thread of its own, so that a stop
    signal reaches this one within a tenth of a second and ends the build (`output.signals`) instead
    of waiting for a long layout to finish; the abandoned thread ends with the process."""
    outcome: list = []

    def run() -> None:
        try:
            outcome.append((True, work()))
        except BaseException as exc:  # handed to the waiting thread, which raises it
            outcome.append((False, exc))

    worker = threading.Thread(target=run, name="typst", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.1)
    done, value = outcome[0]
    if not done:
        raise value
    return value


def _misplaced(compiler, count: int) -> dict[int, tuple[int | None, int | None]]:
    """The notes Typst did not print on the page of their call, read back from the laid-out letter."""
    if not count:
        return {}
    found = _laid_out(
        compiler,
        "(query(<note-call>).map(m => (m.value, m.location().page())),"
        " query(<note-entry>).map(m => (m.value, m.location().page())))",
    )
    call_pages: dict[int, int] = {}
    note_pages: dict[int, int] = {}
    for pages, found_pages in ((call_pages, found[0]), (note_pages, found[1])):
        for number, page in found_pages:
            pages.setdefault(number, page)
    return {
        number: (call_pages.get(number), note_pages.get(number))
        for number in range(1, count + 1)
        if call_pages.get(number) != note_pages.get(number)
    }
