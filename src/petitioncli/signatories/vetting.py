"""Judging new entries by `check`'s own rules, run on records made for them, before a byte is written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import rules
from ..checks.signatories import entry_problems
from ..diagnostics import Diagnostic, Diagnostics, Pos
from ..model import Signatory
from ..text import normalise_name
from .listfile import ListFile


@dataclass(slots=True)
class Verdict:
    entry: Signatory
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    # For a duplicate: the entry already listed, or the earlier new one.
    duplicate_of: Signatory | None = None

    @property
    def accepted(self) -> bool:
        return not self.errors

    @property
    def duplicate(self) -> bool:
        return any(d.rule is rules.SIGNATORY_DUPLICATE for d in self.errors)


def vet(
    listing: ListFile, candidates: Sequence[Signatory], found: Sequence[Diagnostics] | None = None
) -> list[Verdict]:
    """`check`'s verdict on each candidate, as if it were added after the entries already listed.

    `found` holds the problems already found in reading each candidate (an
    unknown status). First each candidate's own problems (a blank name, an
    invalid URL); then, among the candidates left, duplicates, against the
    list and against each other, so that a refused row is never the "first"
    of a name. The duplicate rule compares names by their key alone, so the
    second run sees only the names whose key is listed already or repeated
    among the candidates: it stays small on a list of 100,000.
    """
    verdicts = [Verdict(candidate) for candidate in candidates]
    for verdict, problems in zip(verdicts, found or (), strict=False):
        for d in problems:
            _add(verdict, d)
    owner = _owners(candidates)
    for d in _check(candidates):
        index = _owner(owner, d.pos)
        if index is not None and d.rule is not rules.SIGNATORY_DUPLICATE:
            _add(verdicts[index], d)
    accepted = [(normalise_name(v.entry.name), v) for v in verdicts if v.accepted]
    repeated = Counter(key for key, _ in accepted)
    listed = set(listing.keys)
    suspect = {key for key, count in repeated.items() if count > 1 or key in listed}
    same_name = [s for s, key in zip(listing.entries, listing.keys, strict=True) if key in suspect]
    judged = [v for key, v in accepted if key in suspect]
    for d in _check([*same_name, *(v.entry for v in judged)]):
        index = _owner(owner, d.pos)
        if index is not None:
            _add(verdicts[index], d)
    first: dict[str, Signatory] = {}
    for entry in [*same_name, *(v.entry for v in judged)]:
        first.setdefault(normalise_name(entry.name), entry)
    for verdict in judged:
        if verdict.duplicate:
            verdict.duplicate_of = first.get(normalise_name(verdict.entry.name))
    return verdicts


def _check(records: Sequence[Signatory]) -> Diagnostics:
    found = Diagnostics()
    found.add(entry_problems(records))
    return found


def _owners(candidates: Sequence[Signatory]) -> dict[tuple, int]:
    """Every place a candidate's problems can be reported at: its values, or its row of an export."""
    owner: dict[tuple, int] = {}
    for index, candidate in enumerate(candidates):
        for pos in (candidate.pos, *candidate.field_pos.values()):
            owner[_place(pos)] = index
    return owner


def _place(pos: Pos) -> tuple:
    # A row of an export is one candidate whichever cell a problem names; an option is its own place.
    return (pos.file, pos.line) if pos.in_file else (pos.file,)


def _owner(owner: dict[tuple, int], pos: Pos) -> int | None:
    return owner.get(_place(pos))


def _add(verdict: Verdict, diagnostic: Diagnostic) -> None:
    found = verdict.errors if diagnostic.is_error else verdict.warnings
    if diagnostic not in found:
        found.append(diagnostic)
