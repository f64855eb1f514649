"""`petition init`: a new letter project, or the next edition of one, that checks clean and builds.

Every file is planned in memory first; then nothing is written if any of
them is in the way, and each is written atomically, all or nothing.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from ..checks.text import stray_space
from ..diagnostics import PetitionError
from ..fields import specs
from ..language import babel_locale
from ..loader import MANIFEST
from ..model import Manifest
from ..schema import schema_texts
from . import template
from .starter import starter
from .writing import refuse_existing, write_all

DEFAULT_LANGUAGE = str(specs(Manifest)["language"].default)

Plan = dict[PurePosixPath, bytes]


def init_project(
    root: Path, *, title: str | None = None, language: str | None = None, source: Path | None = None
) -> list[Path]:
    """Writes the project into `root` and returns the files written, or refuses having written nothing."""
    if title is not None:
        _refuse_bad_title(title)
    if language is not None:
        _refuse_bad_language(language)
    if source is None:
        plan = new_project(title, language or DEFAULT_LANGUAGE)
    else:
        from .next_edition import next_edition

        plan = next_edition(source, title=title, language=language)
    plan.update(schemas())
    from ..output.locking import locked

    # Two inits into one folder, or an init beside a writer of its list, take turns.
    with locked(root / MANIFEST):
        refuse_existing(root, list(plan))
        return write_all(root, plan)


def _refuse_bad_title(title: str) -> None:
    """A title the new project's check would fault is refused before anything is written."""
    template.refuse_unless_one_line("--title", title)
    if not title.strip():
        raise PetitionError("--title must not be blank")
    if found := stray_space(title):
        raise PetitionError(f"--title has a {found[0]}: '{title}'")


def _refuse_bad_language(language: str) -> None:
    template.refuse_unless_one_line("--language", language)
    babel_locale(language)  # says which tags it takes when this one is unknown


def schemas() -> Plan:
    """The schemas the files' modelines point at, so that editors work offline."""
    return {PurePosixPath(template.SCHEMA_FOLDER, name): text.encode("utf-8") for name, text in schema_texts().items()}


def new_project(title: str | None, language: str) -> Plan:
    """The manifest and each file it names by default, from the template of the same name, in `language`."""
    texts = starter(language)
    plan = {
        PurePosixPath(MANIFEST): template.render(
            MANIFEST, MANIFEST, "", title=title or texts.title, language=language, starter=texts
        )
    }
    for key, spec in specs(Manifest).items():
        if spec.names_files and spec.default is not None:
            name = spec.default
            plan[PurePosixPath(name)] = template.render(name, name, key, first_signatory=True, starter=texts)
    return {path: text.encode("utf-8") for path, text in plan.items()}
