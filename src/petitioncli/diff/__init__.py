"""`petition diff`: what changed between two editions of a letter, for the reviewer."""

from __future__ import annotations

from .. import loader, rules
from ..diagnostics import Diagnostics, Refused
from ..fields import Kind, specs
from ..model import Manifest
from .compare import LetterDiff, compare
from .revisions import Side, sides

__all__ = ["LetterDiff", "Side", "compare", "compare_projects", "sides"]


def compare_projects(old: Side, new: Side) -> tuple[LetterDiff, list[Diagnostics]]:
    """What changed from the edition `old` (a project on disk or at a git revision) to `new`, and the errors of each.

    Errors that leave a part readable are the reviewer's to see with
    `petition check`; a part that cannot be read at all is refused.
    """
    with loader.loaded(old.manifest, old.source) as before, loader.loaded(new.manifest, new.source) as after:
        errors = [_usable(before, old), _usable(after, new)]
        return compare(before.letter, after.letter), errors


def _usable(result: loader.LoadResult, side: Side) -> Diagnostics:
    """The edition's errors; refused when a part cannot be read at all.

    Such a part would show up as everything in it removed or added. A list
    with no entry yet, as a new edition starts, is just empty.
    """
    letter = result.letter
    files = {key for key, spec in specs(Manifest).items() if spec.kind is Kind.PATH}
    # Every file unusable: the manifest itself could not be read.
    paths = {letter.manifest_path} if files <= result.unusable else set()
    paths |= {letter.root / str(getattr(letter.manifest, key)) for key in result.unusable}
    blocking = Diagnostics(
        d
        for d in result.diagnostics.errors
        # A file outside the project is not read at all, wherever the manifest names it.
        if d.rule.unreadable or d.rule is rules.FILE_OUTSIDE or (d.pos.file in paths and d.rule is not rules.FILE_EMPTY)
    )
    if blocking:
        raise Refused(f"cannot compare {side.label}: a part of it cannot be read", blocking)
    return Diagnostics(result.diagnostics.errors)
