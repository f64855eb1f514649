"""One letter rebuilt on every change: checked, made into the web page (and the PDF), the last good one kept.

The preview loads the project afresh for each rebuild, as `build` does once:
one model from the loader through the checks to the renderers.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import build, markdown, process
from ..dates import letter_date
from ..diagnostics import Diagnostics, PetitionError
from ..edition import ALL, languages, make_edition, recipient_ids
from ..formats import Engine, Format
from ..model import Edition, Letter
from ..report import as_dicts


@dataclass(frozen=True, slots=True)
class PreviewOptions:
    to: str | None = None
    lang: str | None = None
    engine: Engine | None = None
    draft: bool = False
    # Also print the PDF into `output_dir` on each change.
    pdf: bool = False
    output_dir: Path = build.DEFAULT_OUTPUT_DIR


@dataclass(frozen=True, slots=True)
class Problem:
    """A problem as the page's banner and the terminal show it: `file:line:col: severity: message [rule]`."""

    place: str | None
    severity: str
    message: str
    rule: str | None

    @property
    def line(self) -> str:
        rule = f" [{self.rule}]" if self.rule else ""
        return f"{self.place + ': ' if self.place else ''}{self.severity}: {self.message}{rule}"


@dataclass(frozen=True, slots=True)
class Snapshot:
    """What the preview serves: the last letter that built, and what the latest rebuild found."""

    # Counts every rebuild, so that a page knows when to ask again.
    generation: int = 0
    # Counts the letters that built: the page reloads the letter only when it changed.
    letter_generation: int = 0
    html: str | None = None
    problems: tuple[Problem, ...] = ()
    # The latest rebuild failed: `html` is an older letter.
    failed: bool = False
    seconds: float = 0.0
    # The files the project names, to be watched: the manifest alone until a rebuild has read it.
    named: frozenset[Path] = field(default_factory=frozenset)


def refuse_many(options: PreviewOptions) -> None:
    """The preview shows one letter: `--to all` or `--lang all` is refused before anything starts."""
    if options.to == ALL or options.lang == ALL:
        option = "--to" if options.to == ALL else "--lang"
        raise PetitionError(f"the preview shows one letter; name one with {option} instead of 'all'")


class PreviewSession:
    """Holds the current snapshot; `rebuild` makes the next one, and wakes whoever waits for it."""

    def __init__(self, manifest: Path, options: PreviewOptions):
        self.manifest = manifest
        self.options = options
        self._snapshot = Snapshot(named=frozenset({manifest.resolve()}))
        self._changed = threading.Condition()

    @property
    def snapshot(self) -> Snapshot:
        return self._snapshot

    def wait_for_change(self, generation: int, timeout: float) -> Snapshot:
        """The snapshot after `generation`, or the current one when `timeout` passes first."""
        with self._changed:
            self._changed.wait_for(lambda: self._snapshot.generation != generation, timeout)
            return self._snapshot

    def wake(self) -> None:
        """Whoever waits for a change looks again: the preview is closing."""
        with self._changed:
            self._changed.notify_all()

    def rebuild(self) -> Snapshot:
        started = time.perf_counter()
        before = self._snapshot
        problems: list[Problem] = []
        named = before.named
        html = None
        try:
            result = build.validate(self.manifest)
            named = named_files(self.manifest, result.letter, result.sources)
            problems.extend(_problems(result.diagnostics))
            if not result.diagnostics.errors:
                html = self._render(result.letter, result.sources, problems)
        except PetitionError as exc:
            problems.append(Problem(None, "error", str(exc), None))
        except Exception as exc:
            # A preview runs for hours: what stops one rebuild is shown, and the next save tries again.
            failure = f"unexpected failure: {type(exc).__name__}: {exc} (petition build --debug shows where)"
            problems.append(Problem(None, "error", failure, None))
        built = html is not None
        snapshot = Snapshot(
            generation=before.generation + 1,
            letter_generation=before.letter_generation + (1 if built else 0),
            html=html if built else before.html,
            problems=tuple(problems),
            failed=not built,
            seconds=time.perf_counter() - started,
            named=named,
        )
        with self._changed:
            self._snapshot = snapshot
            self._changed.notify_all()
        process.work_done()
        return snapshot

    def _render(self, letter: Letter, sources: dict[Path, str], problems: list[Problem]) -> str:
        from ..render.html import render_html

        options = self.options
        (recipient,) = recipient_ids(letter, options.to)
        (language,) = languages(letter, options.lang)
        edition = make_edition(
            letter, recipient, letter_date(None, letter.manifest.date), language=language, draft=options.draft
        )
        diagnostics = Diagnostics()
        html = render_html(edition)
        if options.pdf:
            try:
                self._print(edition, sources, diagnostics)
            except PetitionError as exc:
                # The page built all the same: it is shown, with why the PDF was not written.
                problems.append(Problem(None, "error", f"the PDF was not written: {exc}", None))
        problems.extend(_problems(diagnostics))
        return html

    def _print(self, edition: Edition, sources: dict[Path, str], diagnostics: Diagnostics) -> None:
        """The PDF into the output folder, whole or not at all: the one there stays until it is replaced."""
        from ..output import check_outputs, write_outputs

        path = self.options.output_dir / build.output_name(edition, Format.PDF)
        check_outputs([path], sources=sources)
        pdf_options = build.BuildOptions(formats=[Format.PDF], engine=self.options.engine)
        data = build.render(edition, Format.PDF, pdf_options, diagnostics, lambda message: None)
        # A PDF that print could not lay out (a note too long for any page) is reported, and not written.
        if not diagnostics.errors:
            write_outputs([(path, data)], sources=sources)


def named_files(manifest: Path, letter: Letter, sources: dict[Path, str]) -> frozenset[Path]:
    """Every file the project names: the manifest, the texts, notes, lists and translations read, and images."""
    named = {manifest.resolve(), *(path.resolve() for path in sources)}
    if letter.letterhead is not None:
        named.add(letter.letterhead.resolve())
    documents = [*letter.documents, *(texts.body for texts in letter.translations.values())]
    for document in documents:
        for container in markdown.inline_containers(document.document.blocks):
            for node in markdown.walk_inlines(container.children):
                if isinstance(node, markdown.Image):
                    relative = markdown.project_relative_path(node.src)
                    if relative is not None:
                        named.add((letter.root / relative).resolve())
    return frozenset(named)


def _problems(diagnostics: Diagnostics) -> list[Problem]:
    problems = []
    for found in as_dicts(diagnostics):
        place = f"{found['file']}:{found['line']}:{found['column']}" if found["file"] else None
        problems.append(Problem(place, found["severity"], found["message"], found["rule"]))
    return problems
