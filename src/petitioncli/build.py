"""Validating a project and building its letters: the library behind `check` and `build`."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from . import checks, loader, process
from .dates import date_printed, letter_date
from .diagnostics import Diagnostics, PetitionError
from .edition import languages, make_edition, recipient_ids
from .formats import (
    DEFAULT_WIDTH,
    FORMATS,
    NARROWEST_WIDTH,
    Engine,
    Format,
    Paper,
    Settings,
    chosen,
    format_of_suffix,
    listed,
)
from .model import Edition
from .output import check_outputs, write_outputs
from .report import sort_key


def validate(manifest: Path, *, date: dt.date | None = None) -> loader.LoadResult:
    """Loads the project and runs every check; the result's diagnostics are sorted by place."""
    with process.tuned():
        return _validate(manifest, date)


def _validate(manifest: Path, date: dt.date | None) -> loader.LoadResult:
    result = loader.load(manifest)
    # Every collection the checks and renderers set off would otherwise walk
    # the whole model again: a sixth of checking 100,000 signatories.
    process.model_loaded()
    found = list(result.diagnostics)
    broken = frozenset(d.pos.file for d in found if d.is_error)
    found.extend(
        checks.run_checks(
            result.letter, sources=result.sources, date=date, unusable=result.unusable, files_with_errors=broken
        )
    )
    letter = result.letter
    kept = checks.without_suppressed(found, result.sources, letter.signatories, letter.every_document)
    kept = checks.configured(kept, letter)
    kept.sort(key=sort_key)
    result.diagnostics = kept
    return result


# `--output -`: the one letter goes to standard output.
STDOUT = Path("-")
DEFAULT_OUTPUT_DIR = Path("dist")


@dataclass(slots=True)
class BuildOptions:
    # Empty: the format `--output`'s name says, else PDF. Strings are taken too (`"pdf"`).
    formats: list[Format] = field(default_factory=list)
    to: str | None = None
    # `--lang TAG|all`; None: the letter's own language.
    lang: str | None = None
    date: dt.date | None = None
    output: Path | None = None
    # None: dist/, unless --output names the file itself.
    output_dir: Path | None = None
    width: int = DEFAULT_WIDTH
    paper: Paper = Paper.A4
    draft: bool = False
    # The PDF engine; None: the manifest's.
    engine: Engine | None = None
    # `--checksums FILE`: a SHA256SUMS file of the letters, written with them.
    checksums: Path | None = None


@dataclass(slots=True)
class BuiltFile:
    path: Path
    format: Format
    recipient: str | None
    language: str
    date: dt.date
    size: int
    sha256: str


@dataclass(slots=True)
class BuildResult:
    diagnostics: Diagnostics
    files: list[BuiltFile] = field(default_factory=list)
    # The one letter, when `--output -` asks for it on standard output rather than in a file.
    standard_output: bytes | None = None

    @property
    def failed(self) -> bool:
        return bool(self.diagnostics.errors)


Progress = Callable[[str], None]


class Watcher(Protocol):
    """Whoever shows a build's progress: told how much there is to do, then which letter is being made.

    The step messages within a letter (`Laying out page 3`) go to `progress`.
    """

    def planned(self, files: int, pdf_signatories: int) -> None:
        """`files` letters will be made; the PDFs among them print this many signatories (0: no PDF)."""

    def rendering(self, name: str) -> None:
        """The letter to be written as the file `name` is being made."""


class _Unwatched:
    def planned(self, files: int, pdf_signatories: int) -> None:
        pass

    def rendering(self, name: str) -> None:
        pass


def output_name(edition: Edition, fmt: Format) -> str:
    """`slug_recipient_date.fmt` (no recipient for a statement), with `_TAG` before the extension for a
    translation's edition; a draft ends in `_draft`, so that it never replaces the final letter."""
    recipient = edition.recipient.id if edition.recipient else None
    language = edition.language if edition.translated else None
    parts = [edition.letter.slug, recipient, edition.date.isoformat(), language]
    draft = "_draft" if edition.draft else ""
    return "_".join(part for part in parts if part) + draft + FORMATS[fmt].suffixes[0]


def render(edition: Edition, fmt: Format, options: BuildOptions, diags: Diagnostics, progress: Progress) -> bytes:
    """One letter in one format, by the renderer `formats.FORMATS` names for it."""
    engine = options.engine or edition.letter.manifest.engine
    settings = Settings(width=options.width, paper=options.paper, engine=engine)
    return FORMATS[fmt].render(edition, settings, diags, progress)


def requested_formats(options: BuildOptions) -> list[Format]:
    """`--format`, else the format `--output`'s name says, else PDF; a name saying another format is refused."""
    asked = [chosen(Format, fmt, "format") for fmt in options.formats]
    output = options.output
    named = format_of_suffix(output.suffix) if output is not None and output != STDOUT else None
    if not asked:
        if output is not None and output != STDOUT and output.suffix and named is None:
            raise PetitionError(f"cannot tell the format of '{output}' from its name; add --format {listed(Format)}")
        return [named or Format.PDF]
    if named is not None and asked != [named]:
        raise PetitionError(f"--format {', '.join(asked)} contradicts --output '{output}', which names a {named} file")
    return list(dict.fromkeys(asked))


def build(
    manifest: Path,
    options: BuildOptions,
    progress: Progress = lambda message: None,
    watcher: Watcher | None = None,
) -> BuildResult:
    """Validates, renders every requested letter in memory, then writes them all.

    Nothing is written when the project has an error, and each file is
    replaced atomically, so an interrupted build leaves earlier files intact.
    """
    # The one place a choice given as a string is checked: past here each is a member of its enum.
    options = replace(
        options,
        formats=requested_formats(options),
        paper=chosen(Paper, options.paper, "paper size"),
        engine=chosen(Engine, options.engine, "PDF engine") if options.engine is not None else None,
    )
    if options.output is not None and options.output_dir is not None:
        raise PetitionError("--output names the file itself; leave out --output-dir, or name a folder alone")
    if options.width < NARROWEST_WIDTH:
        raise PetitionError(f"--width must be at least {NARROWEST_WIDTH} columns, not {options.width}")

    with process.tuned():
        return _build(manifest, options, progress, watcher or _Unwatched())


def _build(manifest: Path, options: BuildOptions, progress: Progress, watcher: Watcher) -> BuildResult:
    result = _validate(manifest, options.date)
    outcome = BuildResult(result.diagnostics)
    if outcome.failed:
        return outcome
    letter = result.letter
    ids = recipient_ids(letter, options.to)
    tags = languages(letter, options.lang)
    formats = options.formats
    count = len(ids) * len(tags) * len(formats)
    if options.output is not None and count != 1:
        raise PetitionError(f"--output names one file, but this build makes {count}; use --output-dir instead")
    date = letter_date(options.date, letter.manifest.date)

    print_date = date_printed(options.date, letter.manifest.date)
    editions = [
        make_edition(letter, rid, date, language=tag, draft=options.draft, print_date=print_date)
        for tag in tags
        for rid in ids
    ]
    paged = any(FORMATS[fmt].paged for fmt in formats)
    pdf_signatories = max((len(e.signatories) for e in editions), default=0) if paged else 0
    folder = options.output_dir or DEFAULT_OUTPUT_DIR
    planned = [
        (edition, fmt, options.output or folder / output_name(edition, fmt)) for edition in editions for fmt in formats
    ]
    to_stdout = options.output == STDOUT
    if to_stdout and options.checksums is not None:
        raise PetitionError("--checksums lists files written, and --output - writes none; choose one")
    listed = [options.checksums] if options.checksums is not None else []
    # Checked before rendering, which can take minutes, and again just before writing.
    if not to_stdout:
        check_outputs([path for _, _, path in planned] + listed, sources=result.sources)
    watcher.planned(len(planned), pdf_signatories)
    rendered: list[tuple[Path, bytes, Format, Edition]] = []
    for edition, fmt, path in planned:
        watcher.rendering(path.name)
        data = render(edition, fmt, options, outcome.diagnostics, progress)
        process.letter_done()
        rendered.append((path, data, fmt, edition))
    # What rendering found, as the project's `rules` want it: a warning made an error stops the writing.
    outcome.diagnostics = checks.configured(outcome.diagnostics, letter)
    if outcome.failed:
        return outcome

    if to_stdout:
        outcome.standard_output = rendered[0][1]
    else:
        written = [(path, data) for path, data, _, _ in rendered]
        if options.checksums is not None:
            written.append((options.checksums, checksums_file(options.checksums, written)))
        write_outputs(written, sources=result.sources)
    for path, data, fmt, edition in rendered:
        digest = hashlib.sha256(data).hexdigest()
        rid = edition.recipient.id if edition.recipient else None
        outcome.files.append(BuiltFile(path, fmt, rid, edition.language, date, len(data), digest))
    return outcome


def checksums_file(checksums: Path, files: list[tuple[Path, bytes]]) -> bytes:
    """A SHA256SUMS file as `sha256sum` writes it, each letter named from the file's own folder.

    So `sha256sum -c SHA256SUMS`, run where the file is, checks every
    letter; sorted by name, so that the same letters give the same file.
    """
    folder = os.path.abspath(checksums.parent)
    named = {Path(os.path.relpath(os.path.abspath(path), folder)).as_posix(): data for path, data in files}
    lines = (f"{hashlib.sha256(named[name]).hexdigest()}  {name}\n" for name in sorted(named))
    return "".join(lines).encode("utf-8")
