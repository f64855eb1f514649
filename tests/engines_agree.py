"""The two PDF engines print the same words in the same order: what the differential tests compare.

Every difference between what a reader gets from a WeasyPrint PDF and from a
Typst PDF of the same letter is either a bug or listed in DIFFERENCES below,
with the reason it is accepted. The comparison reads both PDFs back with pypdf,
as a reader's viewer or a screen reader would.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pypdf

from petitioncli.build import BuildOptions, build

DATE = dt.date(2020, 1, 15)


@dataclass(frozen=True)
class Difference:
    name: str
    reason: str
    # Applied to each engine's words, or to the text of each page before it is split into words.
    words: Callable[[list[str]], list[str]] | None = None
    page: Callable[[str, int, str], str] | None = None


def _without_furniture(text: str, number: int, title: str) -> str:
    lines = [line for line in text.split("\n") if not re.fullmatch(r"\s*\d+ / \d+\s*", line) and not _draft_mark(line)]
    if number > 1:
        lines = [line for line in lines if line.strip() != " ".join(title.split())]
    return "\n".join(lines)


def _joined_at_hyphens(text: str) -> str:
    return re.sub(r"[\u2010\u00ad-]", "", re.sub(r"[\u2010\u00ad-][ \t]*\n[ \t]*", "", text))


_MARKERS = re.compile(r"\d{1,3}[.)]|[ivxlcdm]{1,6}\.|[a-z][.)]", re.IGNORECASE)
# Bullets, wherever pypdf puts them: it may join one to the last word of a page.
_BULLETS = re.compile("[•◦▪‣]")

# The one list of how the two engines may differ in what a reader reads, each with its reason.
DIFFERENCES = [
    Difference(
        "running title, page numbers and the draft mark",
        "each page repeats the title and its number, and a draft its mark behind the text; the engines "
        "break pages at different lines and draw the mark at different moments, so these fall between "
        "different words",
        page=_without_furniture,
    ),
    Difference(
        "line breaks and hyphenation",
        "each engine breaks lines at its own places, hyphenating words or breaking long addresses (and "
        "pypdf reads the hyphen it adds); the text is compared without spaces and hyphens",
        page=lambda text, number, title: _joined_at_hyphens(text),
    ),
    Difference(
        "list markers",
        "WeasyPrint draws a list's bullets and numbers as marker boxes that pypdf reads after the page's "
        "text; Typst draws them before each item",
        words=lambda words: [
            unbulleted for word in words if not _MARKERS.fullmatch(unbulleted := _BULLETS.sub("", word)) and unbulleted
        ],
    ),
    Difference(
        "date line",
        "the date line floats beside the title and address: WeasyPrint writes it first on the page, "
        "Typst after the address; it is compared on its own, the rest without it",
    ),
    Difference(
        "quotation marks",
        "the text letter, from which the notes' words are taken, prints straight quotation marks where "
        "print sets the language's own; quotation marks are left out of the comparison",
    ),
    Difference(
        "right-to-left letters",
        "pypdf reads a right-to-left line in the order its glyphs are drawn, and the engines draw them in "
        "different orders; such letters are compared as the same characters, the date line among them",
    ),
    Difference(
        "notes at the page's foot",
        "each engine ends pages at different lines, so a note's text sits between different words of the "
        "letter; every note (the author's as the text letter prints them, links' addresses) is compared on "
        "its own, the rest without them",
    ),
]


def printed_words(pdf: Path, title: str, dateline: str, notes: dict[str, str]) -> tuple[str, bool]:
    """What a reader reads, squeezed (spaces and hyphens out), with the listed differences taken out;
    and whether the date line was printed."""
    pages = pypdf.PdfReader(pdf).pages
    texts = []
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        for difference in DIFFERENCES:
            if difference.page is not None:
                text = difference.page(text, number, title)
        texts.append(text)
    words = " ".join(texts).split()
    for difference in DIFFERENCES:
        if difference.words is not None:
            words = difference.words(words)
    squeezed = _unquoted("".join(words))
    # The date line as the page's words are compared: "15. Januar" loses its "15." as a list's number does.
    dated = _joined_at_hyphens(dateline).split()
    for difference in DIFFERENCES:
        if difference.words is not None:
            dated = difference.words(dated)
    shown = _unquoted("".join(dated))
    found = shown in squeezed
    squeezed = squeezed.replace(shown, "", 1)
    for number, note in notes.items():
        squeezed = squeezed.replace(number + note, "", 1)
    return _LINK_NOTE.sub("", squeezed), found


# A link's address printed as a note: its number, then the address in angle brackets.
_LINK_NOTE = re.compile(r"(?<![0-9])[0-9]{1,4}<(?:https?|mailto):[^<>]*>")


def built(
    manifest: Path, out: Path, engine: str, formats: list[str], draft: bool = False, to: str = "all"
) -> dict[str, Path]:
    """Every edition's letter by the engine (to one recipient, or all), by file name."""
    options = BuildOptions(formats=formats, to=to, date=DATE, output_dir=out / engine, engine=engine, draft=draft)
    outcome = build(manifest, options)
    assert not outcome.failed, [str(d) for d in outcome.diagnostics.errors]
    return {item.path.name: item.path for item in outcome.files}


def assert_engines_agree(manifest: Path, out: Path, draft: bool = False, to: str = "all") -> None:
    """Both engines build every edition, and a reader reads the same words in the same order in each."""
    weasyprint = built(manifest, out, "weasyprint", ["pdf", "txt"], draft, to)
    typst = built(manifest, out, "typst", ["pdf"], draft, to)
    pdfs = sorted(name for name in weasyprint if name.endswith(".pdf"))
    assert pdfs == sorted(typst)
    for name in pdfs:
        pdf = weasyprint[name]
        title, dateline = _title_and_dateline(pdf)
        if _right_to_left(pdf):
            left, right = (sorted(printed_words(path, title, "", {})[0]) for path in (pdf, typst[name]))
            assert left == right, f"{name}: the engines print different characters"
            continue
        notes = _notes(weasyprint[name.removesuffix(".pdf") + ".txt"])
        left, dated_left = printed_words(pdf, title, dateline, notes)
        right, dated_right = printed_words(typst[name], title, dateline, notes)
        assert dated_left and dated_right, f"{name}: the date line '{dateline}' is missing"
        if left != right:
            raise AssertionError(f"{name}: the engines print different words\n{_first_difference(left, right)}")


def _notes(text_letter: Path) -> dict[str, str]:
    """The author's notes as the text letter prints them, squeezed, by number: the PDF prints the same words."""
    text = text_letter.read_text(encoding="utf-8")
    rule = re.search(r"^-{3,}$", text, re.MULTILINE)
    if rule is None:
        return {}
    # The notes end where a blank line starts what follows them.
    section = text[rule.end() :].strip("\n").split("\n\n")[0]
    parts = re.split(r"^\[(\d+)\] ", section, flags=re.MULTILINE)[1:]
    return {
        number: _unquoted(_joined_at_hyphens("".join(note.split())))
        for number, note in zip(parts[::2], parts[1::2], strict=True)
    }


def _unquoted(text: str) -> str:
    """The text letter prints straight quotation marks where print sets the language's own."""
    return re.sub("[\"'“”„‟‘’‚‛«»‹›「」『』]", "", text)


def _right_to_left(pdf: Path) -> bool:
    language = str(pypdf.PdfReader(pdf).trailer["/Root"].get("/Lang", ""))
    return language.split("-")[0].lower() in {"ar", "he", "fa", "ur", "yi", "ps", "sd", "ug", "dv"}


def _title_and_dateline(pdf: Path) -> tuple[str, str]:
    """The title (the PDF's metadata) and the date line (WeasyPrint's first line, as it floats first)."""
    reader = pypdf.PdfReader(pdf)
    title = str((reader.metadata or {}).get("/Title", ""))
    lines = [line for line in reader.pages[0].extract_text().split("\n") if not _draft_mark(line)]
    return title, lines[0]


def _draft_mark(line: str) -> bool:
    """A line holding only the draft mark, in the edition's language (DRAFT, ENTWURF, BORRADOR), however
    pypdf spaces its letters."""
    word = line.replace(" ", "")
    return len(word) >= 4 and word.isalpha() and word.isupper()


def _first_difference(left: str, right: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(left, right, strict=False)) if a != b), min(len(left), len(right)))
    around = slice(max(0, at - 60), at + 60)
    return f"at character {at}:\n  WeasyPrint: {left[around]}\n  Typst:      {right[around]}"
