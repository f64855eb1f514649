"""`petition diff --format markdown`: what changed, as a comment on a pull request or a CI job's summary.

Counts first, as a table a reviewer takes in at a glance; then each part
that changed. Long lists fold away in `<details>` and stop at a bound (a
comment holds 65,536 characters); a word diff shows ~~removed~~ and
**added** words. Every value from the letter is escaped, so that a name or
a sentence is shown as written and never read as Markdown or HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Signatory
from ..shown import printable
from .compare import Changed, LetterDiff, TextsDiff, Value
from .show import describe
from .words import Op, ParagraphChange, shortened

# Past this many, a list folds away; past the second, the rest is counted, not listed.
FOLD_AFTER = 50
MOST_LISTED = 200
# What GitHub keeps of a comment; a list of 200 long paragraphs, or one huge one, is cut to it.
COMMENT_CHARACTERS = 65_536
# The most characters shown of one paragraph, footnote or run of changed words.
LONGEST_TEXT = 1_000
_CUT = (
    "\n\n… and more: a pull-request comment holds 65,536 characters; `petition diff --format json` has every change.\n"
)
# Every line written starts with "- " or "| ", so only characters that act mid-line need escaping.
_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&$])")
_COUNTED = ("joined", "pending", "withdrawn", "left", "status_changed", "changed")
_COLUMN = {"status_changed": "status changed"}


def escaped(text: str) -> str:
    """`text` shown as written: Markdown and HTML escaped, line breaks as spaces, controls as `\\u001b`."""
    return _SPECIAL.sub(r"\\\1", printable(" ".join(text.split())))


def _excerpt(text: str) -> str:
    """`text` escaped, its first `LONGEST_TEXT` characters only, cut at a space: one long paragraph fills no comment."""
    if len(text) > LONGEST_TEXT:
        text = text[:LONGEST_TEXT].rsplit(" ", 1)[0] + " …"
    return escaped(text)


def _code(text: str) -> str:
    return f"`{printable(text).replace('`', '')}`"


def to_markdown(diff: LetterDiff, old: str, new: str) -> str:
    compared = f"{_code(old)} → {_code(new)}"
    if not diff:
        return f"No differences in the letter from {_code(old)} to {_code(new)}.\n"
    parts = [f"## Changes to the letter\n\n{compared}\n", *_signatories(diff)]
    for tag, texts in [("", diff.texts), *((f" ({escaped(tag)})", t) for tag, t in diff.translations.items())]:
        parts += _footnotes(texts, tag)
        parts += _body(texts.body, tag)
    parts += _recipients(diff)
    if diff.manifest:
        lines = [f"- `{key}`: {_change(before, after)}" for key, (before, after) in diff.manifest.items()]
        parts.append("### Manifest\n\n" + "\n".join(lines) + "\n")
    return _within_a_comment("\n".join(parts))


def _within_a_comment(text: str) -> str:
    """`text`, or as many of its whole lines as a comment holds, a folded list closed, and where the rest is."""
    if len(text) <= COMMENT_CHARACTERS:
        return text
    closing = "\n\n</details>"
    kept = text[: text.rfind("\n", 0, COMMENT_CHARACTERS - len(_CUT) - len(closing))]
    if kept.count("<details>") > kept.count("</details>"):
        kept += closing
    return kept + _CUT


def _signatories(diff: LetterDiff) -> list[str]:
    lists: dict[str, Sequence[Signatory | Changed]] = {
        "joined": diff.joined,
        "pending": diff.pending,
        "withdrawn": diff.withdrawn,
        "left": diff.left,
        "status_changed": diff.status_changed,
        "changed": diff.signatories_changed,
    }
    if not any(lists.values()):
        return []
    header = [_COLUMN.get(name, name) for name in _COUNTED]
    rows = [[f"{len(lists[name]):,}" for name in _COUNTED]]
    table = _table(header, rows)
    by_group = diff.by_group()
    if by_group:
        rows = [[escaped(heading), *(f"{counts[name]:,}" for name in _COUNTED)] for heading, counts in by_group.items()]
        table += "\n" + _table(["group", *header], rows)
    parts = [f"### Signatories\n\n{table}"]
    titles = {
        "joined": "Joined",
        "pending": "New, still pending",
        "withdrawn": "New but withdrawn, so not printed",
        "left": "Left the list",
    }
    for name, title in titles.items():
        newcomers = [s for s in lists[name] if isinstance(s, Signatory)]
        parts += _listed(title, [_grouped(diff, s, escaped(describe(s, status=False))) for s in newcomers])
    status = [_grouped(diff, c.new, f"{escaped(c.new.name)}: {_status(c)}") for c in diff.status_changed]
    parts += _listed("Status changed", status)
    changed = [_grouped(diff, c.new, f"{escaped(c.new.name)}: {_fields(c)}") for c in diff.signatories_changed]
    parts += _listed("Details changed", changed)
    return parts


def _grouped(diff: LetterDiff, signatory: Signatory, line: str) -> str:
    heading = diff.group(signatory)
    return f"{line} — {escaped(heading)}" if heading else line


def _status(change: Changed) -> str:
    before, after = change.fields["status"]
    return f"{before} → **{after}**"


def _fields(change: Changed) -> str:
    return "; ".join(f"{key} {_change(before, after)}" for key, (before, after) in change.fields.items())


def _change(before: Value, after: Value) -> str:
    def shown(value: Value, mark: str) -> str:
        if value is None:
            return "(none)"
        return mark + "<br>".join(escaped(line) for line in value.split("\n")) + mark

    return f"{shown(before, '~~')} → {shown(after, '**')}"


def _listed(title: str, lines: Sequence[str]) -> list[str]:
    """A titled list; folded in `<details>` when long, and cut at `MOST_LISTED` with how many more."""
    if not lines:
        return []
    body = _bounded([f"- {line}" for line in lines])
    if len(lines) > FOLD_AFTER:
        return [f"<details><summary>{title} ({len(lines):,})</summary>\n\n{body}\n\n</details>\n"]
    return [f"**{title} ({len(lines):,})**\n\n{body}\n"]


def _bounded(items: list[str]) -> str:
    """The list's lines up to `MOST_LISTED`, then how many more there are."""
    shown = items[:MOST_LISTED]
    if len(items) > MOST_LISTED:
        shown.append(f"- … and {len(items) - MOST_LISTED:,} more (`petition diff --format json` lists them all)")
    return "\n".join(shown)


def _words(runs: tuple[tuple[Op, str], ...]) -> str:
    marks = {"equal": "{}", "delete": "~~{}~~", "insert": "**{}**"}
    return " ".join(marks[op].format(_excerpt(text)) for op, text in shortened(runs))


def _footnotes(texts: TextsDiff, language: str) -> list[str]:
    lines = [f"- added {_code(n.id)}: {_excerpt(n.text)}" for n in texts.footnotes_added]
    lines += [f"- removed {_code(n.id)}: ~~{_excerpt(n.text)}~~" for n in texts.footnotes_removed]
    lines += [f"- reworded {_code(r.new.id)}: {_words(r.words)}" for r in texts.footnotes_reworded]
    return [f"### Footnotes{language}\n\n" + _bounded(lines) + "\n"] if lines else []


def _body(changes: list[ParagraphChange], language: str) -> list[str]:
    lines = []
    for change in changes:
        if change.old is None:
            assert change.new is not None
            lines.append(f"- added at line {change.new.line}: **{_excerpt(change.new.text)}**")
        elif change.new is None:
            lines.append(f"- removed, was line {change.old.line}: ~~{_excerpt(change.old.text)}~~")
        else:
            lines.append(f"- line {change.new.line}: {_words(change.words)}")
    return [f"### Letter text{language}\n\n" + _bounded(lines) + "\n"] if lines else []


def _recipients(diff: LetterDiff) -> list[str]:
    lines = [f"- added {_code(r.id)}: {escaped(r.name)}" for r in diff.recipients_added]
    lines += [f"- removed {_code(r.id)}: ~~{escaped(r.name)}~~" for r in diff.recipients_removed]
    lines += [f"- changed {_code(c.new.id)}: {_fields(c)}" for c in diff.recipients_changed]
    return ["### Recipients\n\n" + _bounded(lines) + "\n"] if lines else []


def _table(header: list[str], rows: list[list[str]]) -> str:
    align = ["---" if header[0] == "group" and index == 0 else "---:" for index in range(len(header))]
    lines = [header, align, *rows]
    return "\n".join("| " + " | ".join(cells) + " |" for cells in lines) + "\n"
