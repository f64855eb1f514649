"""What `petition diff` prints: a reviewer's summary part by part, or the same as JSON."""

from __future__ import annotations

import json
from typing import Any

from ..fields import specs
from ..model import Signatory, Status
from ..shown import json_text, printable
from .compare import Changed, LetterDiff, TextsDiff, Value
from .words import Op, ParagraphChange, shortened

_ANSI = {"+": "32", "-": "31", "~": "33", "bold": "1"}


def to_text(diff: LetterDiff, *, styled: bool) -> str:
    """Sections for the parts that changed, one line a change; `+` joined or added, `-` left or removed."""

    def paint(text: str, style: str) -> str:
        return f"\x1b[{_ANSI[style]}m{text}\x1b[0m" if styled else text

    def words(runs: tuple[tuple[Op, str], ...]) -> str:
        marked = {"equal": "{}", "delete": "[-{}-]", "insert": "{{+{}+}}"}
        styles = {"equal": None, "delete": "-", "insert": "+"}
        pieces = []
        for op, text in shortened(runs):
            piece = marked[op].format(printable(text))
            style = styles[op]
            pieces.append(paint(piece, style) if style else piece)
        return " ".join(pieces)

    def grouped(signatory: Signatory, line: str) -> str:
        heading = diff.group(signatory)
        return printable(f"{line} [{heading}]" if heading else line)

    sections: list[tuple[str, list[str]]] = []
    lines = [paint("+ ", "+") + grouped(s, describe(s)) for s in (*diff.joined, *diff.pending, *diff.withdrawn)]
    lines += [paint("- ", "-") + grouped(s, describe(s)) for s in diff.left]
    lines += [paint("~ ", "~") + grouped(c.new, f"{c.new.name}: {_changes(c.fields)}") for c in diff.status_changed]
    lines += [
        paint("~ ", "~") + grouped(c.new, f"{c.new.name}: {_changes(c.fields)}") for c in diff.signatories_changed
    ]
    counts = _counts(
        joined=diff.joined,
        pending=diff.pending,
        withdrawn=diff.withdrawn,
        left=diff.left,
        **{"status changed": diff.status_changed},
        changed=diff.signatories_changed,
    )
    by_group = "; ".join(f"{heading}: {_group_counts(changes)}" for heading, changes in diff.by_group().items())
    sections.append((f"Signatories: {counts}" + (f" ({printable(by_group)})" if by_group else ""), lines))
    for language, texts in [("", diff.texts), *((f" ({printable(tag)})", t) for tag, t in diff.translations.items())]:
        lines = [paint("+ ", "+") + printable(f"{n.id}: {n.text}") for n in texts.footnotes_added]
        lines += [paint("- ", "-") + printable(f"{n.id}: {n.text}") for n in texts.footnotes_removed]
        lines += [paint("~ ", "~") + f"{printable(r.new.id)}: {words(r.words)}" for r in texts.footnotes_reworded]
        counts = _counts(
            added=texts.footnotes_added, removed=texts.footnotes_removed, reworded=texts.footnotes_reworded
        )
        sections.append((f"Footnotes{language}: {counts}", lines))
        lines = [_paragraph(change, paint, words) for change in texts.body]
        sections.append((f"Letter text{language}, paragraphs: {_paragraph_counts(texts.body)}", lines))
    lines = [paint("+ ", "+") + printable(f"{r.id}: {r.name}") for r in diff.recipients_added]
    lines += [paint("- ", "-") + printable(f"{r.id}: {r.name}") for r in diff.recipients_removed]
    lines += [paint("~ ", "~") + printable(f"{c.new.id}: {_changes(c.fields)}") for c in diff.recipients_changed]
    counts = _counts(added=diff.recipients_added, removed=diff.recipients_removed, changed=diff.recipients_changed)
    sections.append((f"Recipients: {counts}", lines))
    lines = [paint("~ ", "~") + printable(f"{key}: {_change(old, new)}") for key, (old, new) in diff.manifest.items()]
    sections.append((f"Manifest: {len(lines)} field{'s' if len(lines) != 1 else ''} changed", lines))
    shown = [paint(title, "bold") + "\n" + "".join(f"  {line}\n" for line in body) for title, body in sections if body]
    return "\n".join(shown) if shown else "No differences.\n"


def describe(signatory: Signatory, *, status: bool = True) -> str:
    """Name, affiliation and location; the status too (`status`) unless confirmed."""
    parts = [signatory.name, *(v for v in (signatory.affiliation, signatory.location) if v)]
    shown = status and signatory.status is not Status.CONFIRMED
    return ", ".join(parts) + (f" ({signatory.status.value})" if shown else "")


def _change(old: Value, new: Value) -> str:
    def shown(value: Value) -> str:
        return "(none)" if value is None else f"'{value}'"

    return f"{shown(old)} → {shown(new)}"


def _changes(fields: dict[str, tuple[Value, Value]]) -> str:
    return ", ".join(f"{key} {_change(old, new)}" for key, (old, new) in fields.items())


def _counts(**parts: list) -> str:
    return ", ".join(f"{len(items):,} {what}" for what, items in parts.items() if items)


def _group_counts(changes: dict[str, int]) -> str:
    return ", ".join(f"{number:,} {part.replace('_', ' ')}" for part, number in changes.items() if number)


def _paragraph(change: ParagraphChange, paint, words) -> str:
    if change.old is None:
        assert change.new is not None
        return paint("+ ", "+") + printable(f"line {change.new.line}: {change.new.text}")
    if change.new is None:
        return paint("- ", "-") + printable(f"was line {change.old.line}: {change.old.text}")
    return paint("~ ", "~") + f"line {change.new.line}: {words(change.words)}"


def _paragraph_counts(changes: list[ParagraphChange]) -> str:
    return _counts(
        reworded=[c for c in changes if c.old is not None and c.new is not None],
        added=[c for c in changes if c.old is None],
        removed=[c for c in changes if c.new is None],
    )


def _runs(words: tuple[tuple[Op, str], ...]) -> list[dict]:
    return [{"op": op, "text": text} for op, text in words]


def _texts_json(texts: TextsDiff) -> dict:
    return {
        "footnotes": {
            "added": [{"id": n.id, "text": n.text} for n in texts.footnotes_added],
            "removed": [{"id": n.id, "text": n.text} for n in texts.footnotes_removed],
            "reworded": [
                {"id": r.new.id, "old": r.old.text, "new": r.new.text, "words": _runs(r.words)}
                for r in texts.footnotes_reworded
            ],
        },
        "body": [
            {
                "old_line": c.old.line if c.old else None,
                "new_line": c.new.line if c.new else None,
                "old": c.old.text if c.old else None,
                "new": c.new.text if c.new else None,
                "words": _runs(c.words),
            }
            for c in texts.body
        ],
    }


def to_json(diff: LetterDiff, old: str, new: str) -> str:
    def changed(c: Changed, key: str) -> dict:
        return {key: getattr(c.new, key), "fields": {k: {"old": a, "new": b} for k, (a, b) in c.fields.items()}}

    return json_text(
        json.dumps(
            {
                "old": old,
                "new": new,
                "differences": bool(diff),
                "signatories": {
                    "joined": [_entry(s, diff.group(s)) for s in diff.joined],
                    "pending": [_entry(s, diff.group(s)) for s in diff.pending],
                    "withdrawn": [_entry(s, diff.group(s)) for s in diff.withdrawn],
                    "left": [_entry(s, diff.group(s)) for s in diff.left],
                    "status_changed": [changed(c, "name") for c in diff.status_changed],
                    "changed": [changed(c, "name") for c in diff.signatories_changed],
                    "by_group": diff.by_group(),
                },
                **_texts_json(diff.texts),
                "translations": {tag: _texts_json(texts) for tag, texts in diff.translations.items()},
                "recipients": {
                    "added": [r.id for r in diff.recipients_added],
                    "removed": [r.id for r in diff.recipients_removed],
                    "changed": [changed(c, "id") for c in diff.recipients_changed],
                },
                "manifest": {key: {"old": a, "new": b} for key, (a, b) in diff.manifest.items()},
            },
            ensure_ascii=False,
            indent=2,
        )
    )


def _entry(signatory: Signatory, heading: str | None) -> dict[str, Any]:
    # Only what the entry gives: an absent value, an empty `noqa` or `links`, `highlight: false` are left out.
    found = {key: value for key in specs(Signatory) if (value := getattr(signatory, key)) not in (None, (), [], False)}
    found["status"] = signatory.status.value
    if signatory.links:
        found["links"] = [{"label": link.label, "url": link.url} for link in signatory.links]
    if heading is not None:
        # The heading as the manifest writes it, also for an entry of a group's own file.
        found["group"] = heading
    return found
