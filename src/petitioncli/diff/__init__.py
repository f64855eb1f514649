"""`petition diff`: what changed between two editions of a letter, for the reviewer."""

from __future__ import annotations

from pathlib import Path

from .. import loader, rules
from ..diagnostics import Diagnostics, Refused, display_path
from ..fields import Kind, specs
from ..model import Letter, Manifest
from .compare import LetterDiff, compare

__all__ = ["LetterDiff", "compare", "load_edition"]


def load_edition(project: Path) -> tuple[Letter, Diagnostics]:
    """The letter in a project folder or manifest, and the errors it has that do not stop a comparison.

    A part that cannot be read at all (a list that does not parse) would
    show up as everything removed or added: that is refused. A list with no
    entry yet, as a new edition starts, is just empty.
    """
    manifest = loader.find_manifest(project)
    result = loader.load(manifest)
    letter = result.letter
    files = {key for key, spec in specs(Manifest).items() if spec.kind is Kind.PATH}
    # Every file unusable: the manifest itself could not be read.
    paths = {manifest} if files <= result.unusable else set()
    paths |= {letter.root / str(getattr(letter.manifest, key)) for key in result.unusable}
    blocking = Diagnostics(
        d
        for d in result.diagnostics.errors
        if d.rule.unreadable or (d.pos.file in paths and d.rule is not rules.FILE_EMPTY)
    )
    if blocking:
        raise Refused(f"cannot compare {display_path(project)}: a part of it cannot be read", blocking)
    return letter, Diagnostics(result.diagnostics.errors)
