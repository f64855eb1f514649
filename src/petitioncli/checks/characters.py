"""Rules about characters no one can see: control characters, bidirectional overrides, zero-width spaces.

A control character in a name reaches every output and every terminal that
shows the name: `\\e[2J` clears a screen, C1's U+009B does the same on some
terminals. YAML refuses them written raw but writes them from escapes
(`"Evil\\e[2J Org"`); Markdown and CSV take them as they come. Invisible
formatting characters are legitimate in places, so they are a warning:
a right-to-left override makes a name read differently from what is
compared, and a zero-width space makes two equal names differ.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

from .. import rules
from ..diagnostics import Pos
from ..fields import specs
from ..loader.files import split_lines
from ..model import Located
from ..rules import Problem
from ..shown import INVISIBLE
from .context import Context

# C0 controls other than tab and line breaks, DEL, the C1 controls, and the two
# noncharacters XML refuses as they are (a Word copy cannot hold any of them).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# The characters every output shows as escapes since no one sees them (`shown.py`).
_INVISIBLE = re.compile(f"[{INVISIBLE}]")


def check(context: Context) -> Iterator[Problem]:
    letter = context.letter
    markdown_files = {body.path for body in letter.every_document}
    escaped: set[Path] = set()
    for path, text in context.sources.items():
        if path in markdown_files:
            yield from _scan_lines(path, text, invisible=False)
        elif path.suffix.lower() == ".csv":
            yield from _scan_lines(path, text, invisible=True)
        elif "\\" in text or _INVISIBLE.search(text):
            # YAML: a control character can only come from an escape, so a
            # file without backslashes or invisible characters is passed over.
            escaped.add(path)
    if not escaped:
        return
    for pos, what, value in _yaml_values(context, escaped):
        if match := _CONTROL.search(value):
            yield rules.TEXT_CONTROL.at(
                pos,
                f"{what} '{value}' holds the invisible control character {_named(match)}; delete it",
            )
        if match := _INVISIBLE.search(value):
            yield rules.TEXT_INVISIBLE.at(pos, f"{what} '{value}' holds {_named(match)}, {_WHY}")


def control_character(text: str) -> tuple[int, str] | None:
    """Where the first invisible control character of `text` is, and what to say about it."""
    match = _CONTROL.search(text)
    if match is None:
        return None
    return match.start(), f"invisible control character {_named(match)}; delete it"


def invisible_character(text: str) -> tuple[int, str] | None:
    """Where the first invisible formatting character of `text` is, and what to say about it."""
    match = _INVISIBLE.search(text)
    if match is None:
        return None
    return match.start(), f"{_named(match)}, {_WHY}"


_WHY = "which is invisible yet changes how the text reads or compares; delete it unless it is meant"


def _named(match: re.Match[str]) -> str:
    char = match.group()
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" ({name})" if name else "")


def _scan_lines(path: Path, text: str, *, invisible: bool) -> Iterator[Problem]:
    """The first control character, and the first invisible one, of each line of a Markdown or CSV file."""
    found = [(_CONTROL, rules.TEXT_CONTROL)]
    if invisible:
        found.append((_INVISIBLE, rules.TEXT_INVISIBLE))
    for pattern, rule in found:
        if pattern.search(text) is None:
            continue
        for number, line in enumerate(split_lines(text), start=1):
            if match := pattern.search(line):
                message = (
                    f"invisible control character {_named(match)}; delete it"
                    if rule is rules.TEXT_CONTROL
                    else f"{_named(match)}, {_WHY}"
                )
                yield rule.at(Pos(path, number, match.start() + 1), message)


def _yaml_values(context: Context, files: set[Path]) -> Iterator[tuple[Pos, str, str]]:
    """Every text read from the YAML files named, with where it is written and what it is."""
    letter = context.letter
    if letter.manifest_path in files:
        yield from _record_values(letter.manifest)
        for translation in letter.manifest.translations.values():
            for key, value in translation.values.items():
                what = f"'{key}' of the '{translation.language}' translation"
                yield from _texts(translation.where(key), what, value)
    notes = [
        *letter.footnotes.values(),
        *(note for texts in letter.translations.values() for note in texts.footnotes.values()),
    ]
    for note in notes:
        if note.pos.file in files:
            yield note.pos, "the footnote id", note.id
            yield note.where("text"), f"footnote '{note.id}'", note.text
    for recipient in letter.recipients.values():
        if recipient.pos.file in files:
            yield recipient.pos, "the recipient id", recipient.id
            yield from _record_values(recipient)
            for language, values in recipient.translated.items():
                for key, value in values.items():
                    yield from _texts(recipient.where(key), f"'{key}' in {language}", value)
    for signatory in letter.signatories:
        if signatory.pos.file in files:
            yield from _record_values(signatory)


def _record_values(record: Located) -> Iterator[tuple[Pos, str, str]]:
    kind: type = type(record)
    for key in specs(kind):
        yield from _texts(record.where(key), f"'{key}'", getattr(record, key))


def _texts(pos: Pos, what: str, value: object) -> Iterator[tuple[Pos, str, str]]:
    """A value's texts: itself, the lines of a list, or the texts of the records it lists (a signatory's links)."""
    for text in value if isinstance(value, list) else (value,):
        if isinstance(text, str):
            yield pos, what, text
        elif isinstance(text, Located):
            yield from _record_values(text)
