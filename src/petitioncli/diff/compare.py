"""Two editions of a letter compared part by part, as a reviewer wants to read them.

Signatories are matched by the duplicate key `check` uses (`text.normalise_name`),
so "FORUM-ASIA" in one edition and "Forum Asia" in the other are one
signatory whose spelling changed, not one who left and one who joined.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from typing import Any

from ..fields import Kind, specs
from ..model import Footnote, Letter, Manifest, Recipient, Signatory, Status
from ..text import normalise_name
from .words import Op, ParagraphChange, changed_paragraphs, paragraphs, word_diff

Value = str | None


@dataclass(frozen=True, slots=True)
class Changed:
    """A record found in both editions whose values differ: field to (old, new)."""

    old: Any
    new: Any
    fields: dict[str, tuple[Value, Value]]


@dataclass(frozen=True, slots=True)
class Reworded:
    old: Footnote
    new: Footnote
    words: tuple[tuple[Op, str], ...]


@dataclass(slots=True)
class TextsDiff:
    """What changed in the texts of one language: its footnotes and the paragraphs of its letter."""

    footnotes_added: list[Footnote] = field(default_factory=list)
    footnotes_removed: list[Footnote] = field(default_factory=list)
    footnotes_reworded: list[Reworded] = field(default_factory=list)
    body: list[ParagraphChange] = field(default_factory=list)

    def __bool__(self) -> bool:
        return any(getattr(self, part.name) for part in dataclasses.fields(self))


@dataclass(slots=True)
class LetterDiff:
    # Newcomers to the list, by their status: only the confirmed have joined
    # the letter; the pending may yet, the withdrawn (an import of someone
    # who declined, kept so as not to add them again) never will.
    joined: list[Signatory] = field(default_factory=list)
    pending: list[Signatory] = field(default_factory=list)
    withdrawn: list[Signatory] = field(default_factory=list)
    left: list[Signatory] = field(default_factory=list)
    # Signatories whose status changed (pending → confirmed, confirmed → withdrawn) …
    status_changed: list[Changed] = field(default_factory=list)
    # … and those whose other values changed: spelling, location, URL.
    signatories_changed: list[Changed] = field(default_factory=list)
    # The letter's own texts, and those of each translation in either edition.
    texts: TextsDiff = field(default_factory=TextsDiff)
    translations: dict[str, TextsDiff] = field(default_factory=dict)
    recipients_added: list[Recipient] = field(default_factory=list)
    recipients_removed: list[Recipient] = field(default_factory=list)
    recipients_changed: list[Changed] = field(default_factory=list)
    # A translation's keys appear as `translations.fr.title`.
    manifest: dict[str, tuple[Value, Value]] = field(default_factory=dict)
    # The heading of the group each signatory above is in (the new edition's
    # for those still there), by identity; empty when no group has a heading.
    headings: dict[int, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return any(getattr(self, part.name) for part in dataclasses.fields(self) if part.name != "headings")

    def group(self, signatory: Signatory) -> str | None:
        return self.headings.get(id(signatory))

    def by_group(self) -> dict[str, dict[str, int]]:
        """Heading to how many joined, came pending or withdrawn, left and changed in it; {} without headings."""
        parts = {
            "joined": self.joined,
            "pending": self.pending,
            "withdrawn": self.withdrawn,
            "left": self.left,
            "status_changed": [c.new for c in self.status_changed],
            "changed": [c.new for c in self.signatories_changed],
        }
        found: dict[str, dict[str, int]] = {}
        for part, signatories in parts.items():
            for signatory in signatories:
                heading = self.group(signatory)
                if heading is not None:
                    counts = found.setdefault(heading, dict.fromkeys(parts, 0))
                    counts[part] += 1
        return found


def compare(old: Letter, new: Letter) -> LetterDiff:
    found = LetterDiff()
    found.headings = {
        id(s): g.heading for letter in (old, new) for g in letter.groups if g.heading for s in g.signatories
    }
    _signatories(old.signatories, new.signatories, found)
    found.texts = _texts((old.footnotes, old.body.source), (new.footnotes, new.body.source))
    for tag in sorted(old.translations.keys() | new.translations.keys()):
        before, after = old.translations.get(tag), new.translations.get(tag)
        texts = _texts(
            (before.footnotes, before.body.source) if before else ({}, ""),
            (after.footnotes, after.body.source) if after else ({}, ""),
        )
        if texts:
            found.translations[tag] = texts
    found.recipients_removed = [r for rid, r in old.recipients.items() if rid not in new.recipients]
    found.recipients_added = [r for rid, r in new.recipients.items() if rid not in old.recipients]
    for rid, recipient in new.recipients.items():
        if rid in old.recipients and (fields := _fields(old.recipients[rid], recipient, Recipient)):
            found.recipients_changed.append(Changed(old.recipients[rid], recipient, fields))
    found.manifest = _fields(old.manifest, new.manifest, Manifest)
    return found


def _texts(old: tuple[dict[str, Footnote], str], new: tuple[dict[str, Footnote], str]) -> TextsDiff:
    (old_notes, old_body), (new_notes, new_body) = old, new
    found = TextsDiff()
    found.footnotes_removed = sorted(
        (note for key, note in old_notes.items() if key not in new_notes), key=lambda note: note.pos.line
    )
    for key, note in new_notes.items():
        before = old_notes.get(key)
        if before is None:
            found.footnotes_added.append(note)
        elif " ".join(before.text.split()) != " ".join(note.text.split()):
            found.footnotes_reworded.append(Reworded(before, note, word_diff(before.text, note.text)))
    found.body = changed_paragraphs(paragraphs(old_body), paragraphs(new_body))
    return found


def _signatories(old: list[Signatory], new: list[Signatory], found: LetterDiff) -> None:
    """Matched by key; a key listed twice (an error `check` reports) is matched occurrence by occurrence."""
    before: dict[str, list[Signatory]] = defaultdict(list)
    for signatory in old:
        before[normalise_name(signatory.name)].append(signatory)
    matched: dict[str, int] = defaultdict(int)
    for signatory in new:
        key = normalise_name(signatory.name)
        index = matched[key]
        matched[key] += 1
        candidates = before.get(key, ())
        if index >= len(candidates):
            newcomers = {Status.CONFIRMED: found.joined, Status.PENDING: found.pending}
            newcomers.get(signatory.status, found.withdrawn).append(signatory)
            continue
        previous = candidates[index]
        fields = _fields(previous, signatory, Signatory)
        status = fields.pop("status", None)
        if status is not None:
            found.status_changed.append(Changed(previous, signatory, {"status": status}))
        if fields:
            found.signatories_changed.append(Changed(previous, signatory, fields))
    for key, signatories in before.items():
        found.left += signatories[matched.get(key, 0) :]
    found.left.sort(key=lambda s: (s.pos.line, s.pos.column))


def _fields(old: Any, new: Any, record: type) -> dict[str, tuple[Value, Value]]:
    """The described values that differ, by key; those given per language as `name (fr)`."""
    # How check reports (`rules`) changes nothing in the letter itself.
    keys, values = _described(record)
    if values(old) == values(new) and _same_languages(old, new):
        return {}  # most records, quickly
    changed = {}
    for key in keys:
        a, b = _text(getattr(old, key)), _text(getattr(new, key))
        if a != b:
            changed[key] = (a, b)
    if isinstance(old, Recipient):
        changed |= _by_language(old.translated, new.translated, "{key} ({tag})")
    if isinstance(old, Manifest):
        before = {tag: t.values for tag, t in old.translations.items()}
        after = {tag: t.values for tag, t in new.translations.items()}
        changed |= _by_language(before, after, "translations.{tag}.{key}")
    return changed


@cache
def _described(record: type) -> tuple[list[str], Callable[[Any], tuple]]:
    """The keys a record's values are compared by, and a getter of them all at once (one tuple, compared in C)."""
    keys = [key for key, spec in specs(record).items() if spec.kind not in (Kind.TRANSLATIONS, Kind.NESTED)]
    getter = attrgetter(*keys)
    return keys, (getter if len(keys) > 1 else lambda value: (getter(value),))


def _same_languages(old: Any, new: Any) -> bool:
    if isinstance(old, Recipient):
        return old.translated == new.translated
    if isinstance(old, Manifest):
        return {t: v.values for t, v in old.translations.items()} == {t: v.values for t, v in new.translations.items()}
    return True


def _by_language(old: dict[str, dict[str, Any]], new: dict[str, dict[str, Any]], label: str) -> dict:
    changed = {}
    for tag in sorted(old.keys() | new.keys()):
        before, after = old.get(tag, {}), new.get(tag, {})
        for key in [*before, *(key for key in after if key not in before)]:
            a, b = _text(before.get(key)), _text(after.get(key))
            if a != b:
                changed[label.format(tag=tag, key=key)] = (a, b)
    return changed


def _text(value: Any) -> Value:
    """A value as a reviewer reads it: lists as lines, dates as YYYY-MM-DD, choices as written."""
    if value is None or value == []:
        return None
    if isinstance(value, list):
        # A list of lines, or of records such as the manifest's signatory groups, one a line.
        return "\n".join(item if isinstance(item, str) else _record_line(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"  # as YAML writes it
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value.value) if hasattr(value, "value") else str(value)


def _record_line(record: Any) -> str:
    """A described record on one line, as its YAML mapping gives it: `heading: Individuals, file: people.csv`."""
    described: type = type(record)
    shown = ((key, _text(getattr(record, key))) for key in specs(described))
    return ", ".join(f"{key}: {text}" for key, text in shown if text is not None)
