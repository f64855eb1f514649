"""Judging new entries by `check`'s own rules, run on records made for them, before a byte is written."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from .. import rules
from ..checks.signatories import entry_problems
from ..countries import languages_of
from ..diagnostics import Diagnostic, Diagnostics, Pos
from ..model import Signatory, Status
from ..rules import Problem
from ..text import normalise_name
from .entry import FIELDS
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
    languages = languages_of(listing.letter.manifest)
    for d in _check(candidates, languages):
        index = _owner(owner, d.pos)
        if index is not None and d.rule is not rules.SIGNATORY_DUPLICATE:
            _add(verdicts[index], d)
    if listing.is_csv:
        _formulas(verdicts)
    _withdrawn_earlier(listing, [v for v in verdicts if v.accepted])
    accepted = [(normalise_name(v.entry.name), v) for v in verdicts if v.accepted]
    repeated = Counter(key for key, _ in accepted)
    listed = set(listing.keys)
    suspect = {key for key, count in repeated.items() if count > 1 or key in listed}
    same_name = [s for s, key in zip(listing.entries, listing.keys, strict=True) if key in suspect]
    judged = [v for key, v in accepted if key in suspect]
    for d in _check([*same_name, *(v.entry for v in judged)], languages):
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


# What a spreadsheet runs as a formula when a cell starts with it (OWASP's CSV injection advice).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _formulas(verdicts: list[Verdict]) -> None:
    """In a CSV list, which partners open in spreadsheets, no value may start as a formula does."""
    for verdict in verdicts:
        if any(d.rule is rules.SPREADSHEET_FORMULA for d in verdict.errors):
            continue  # told already, as a formula in any list
        for key in FIELDS:
            value = getattr(verdict.entry, key)
            if isinstance(value, str) and value.startswith(FORMULA_STARTS):
                message = (
                    f"{key} '{value}' starts with '{value[0]}', which a spreadsheet opening the list would run "
                    "as a formula"
                )
                _add(verdict, _diagnostic(rules.SPREADSHEET_FORMULA.at(verdict.entry.where(key), message)))


def _withdrawn_earlier(listing: ListFile, verdicts: list[Verdict]) -> None:
    """A name withdrawn from the list stays out, whatever else its new entry gives: it is never added again."""
    keys = {normalise_name(v.entry.name) for v in verdicts}
    withdrawn: dict[str, Signatory] = {}
    for key, entry in zip(listing.keys, listing.entries, strict=True):
        if key in keys and entry.status is Status.WITHDRAWN:
            withdrawn.setdefault(key, entry)
    for verdict in verdicts:
        earlier = withdrawn.get(normalise_name(verdict.entry.name))
        if earlier is not None:
            where = f"{earlier.pos.file.name}:{earlier.pos.line}"
            message = f"withdrawn earlier ({where}); to list '{earlier.name}' again, change the status there"
            verdict.errors.append(_diagnostic(rules.SIGNATORY_DUPLICATE.at(verdict.entry.pos, message)))
            verdict.duplicate_of = earlier


def _check(records: Sequence[Signatory], languages: Sequence[str] = ()) -> Diagnostics:
    found = Diagnostics()
    found.add(entry_problems(records, languages))
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


def _diagnostic(problem: Problem) -> Diagnostic:
    return Diagnostic(problem.pos, problem.rule, problem.message, problem.rule.severity)
