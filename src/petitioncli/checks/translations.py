"""Rules about translated editions (docs/how-to/translate.md): each has what it prints, in the original's shape.

A translation keeps the original's placeholders as gettext's `msgfmt --check`
and Weblate's checks do: the same footnote ids, called from the same
paragraphs, and the same number of paragraphs and list items, so that a
reader of either edition finds the same note in the same place.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .. import markdown, rules
from ..diagnostics import PetitionError, Pos
from ..fields import Kind, translatable_specs
from ..language import babel_locale, has_words, matching, tag_key
from ..markdown import Block, BlockQuote, Heading, ListBlock, ListItem, Paragraph, Table
from ..model import Letter, Manifest, TranslatedTexts, Translation
from ..rules import Problem
from ..translatable import METADATA
from .context import Context
from .text import spacing_problem


@dataclass(frozen=True, slots=True)
class _Part:
    """A paragraph, heading, list item or table row of a body, in reading order, with the notes it calls."""

    kind: str
    line: int
    labels: tuple[str, ...]


def check(context: Context) -> Iterator[Problem]:
    letter = context.letter
    original = letter.manifest.language
    yield from _words(original, letter.manifest.where("language"))
    seen: dict[str, str] = {}
    for tag, texts in letter.translations.items():
        translation = texts.translation
        if twin := seen.get(tag_key(tag)):
            # Two editions the same file name but for case: one overwrites the other where case is not told apart.
            yield rules.LANGUAGE_INVALID.at(
                translation.pos, f"translation '{tag}' is the language of translation '{twin}' again; give it once"
            )
            continue
        seen[tag_key(tag)] = tag
        if not _known(tag):
            # One error for the tag, naming the closest; nothing else until it is right.
            yield from _language(translation.pos, tag)
            continue
        yield from _words(tag, translation.pos)
        if matching([original], tag) is not None:
            yield rules.LANGUAGE_INVALID.at(
                translation.pos,
                f"translation '{tag}' is in the letter's own language ({original}); translations are other languages",
            )
        yield from _required(context, texts)
        for key, spec in translatable_specs(Manifest).items():
            value = translation.values.get(key)
            if spec.kind is Kind.TEXT and (found := spacing_problem(translation.where(key), f"'{key}' ({tag})", value)):
                yield found
        has_body = translation.values.get("body") and f"translations.{tag}.body" not in context.unusable
        if has_body and "body" not in context.unusable:
            yield from _same_shape(context, texts)
    yield from _recipients(context)


def _language(pos: Pos, tag: str) -> Iterator[Problem]:
    try:
        babel_locale(tag)
    except PetitionError as exc:
        yield rules.LANGUAGE_INVALID.at(pos, str(exc))


def _known(tag: str) -> bool:
    try:
        babel_locale(tag)
    except PetitionError:
        return False
    return True


def _words(language: str, pos: Pos) -> Iterator[Problem]:
    if _known(language) and not has_words(language):
        yield rules.WORDS_UNTRANSLATED.at(
            pos,
            f"petitioncli has no '{language}' form of the words it prints itself (the draft mark, 'pending', "
            "'on behalf of'): that edition would print them in English",
        )


def printed_by_original(letter: Letter, key: str) -> bool:
    """Whether the original prints (or stores) a translatable key, so that each translation needs its own."""
    if key in ("body", "title"):
        return True
    if key == "footnotes":
        return bool(letter.footnotes)
    if key == "signatories":
        return any(group.heading for group in letter.groups)
    if key == "letterhead_alt" and not letter.manifest.letterhead:
        return False  # no image for it to describe
    value: Any = getattr(letter.manifest, key)
    return value not in (None, "", [])


def _required(context: Context, texts: TranslatedTexts) -> Iterator[Problem]:
    letter = context.letter
    translation = texts.translation

    def given(key: str) -> bool:
        # A key given but unreadable is reported where it is.
        return translation.values.get(key) not in (None, "", []) or key in translation.unread

    lacking = [key for key in translatable_specs(Manifest) if printed_by_original(letter, key) and not given(key)]
    if missing := [key for key in lacking if key not in METADATA]:
        yield rules.TRANSLATION_MISSING.at(
            translation.pos,
            f"translation '{translation.language}' lacks {_keys(missing)}; its edition would print the original's",
        )
    if metadata := [key for key in lacking if key in METADATA]:
        yield rules.METADATA_UNTRANSLATED.at(
            translation.pos,
            f"translation '{translation.language}' lacks {_keys(metadata)}; its PDF's metadata would be the original's",
        )
    if "signatories" not in lacking and printed_by_original(letter, "signatories"):
        yield from _group_headings(letter, translation)
    for note in texts.footnotes.values():
        if note.id not in letter.footnotes:
            yield rules.TRANSLATION_MISMATCH.at(
                note.pos,
                f"footnote '{note.id}' of the '{translation.language}' translation is not one of the original's "
                f"({', '.join(letter.footnotes) or 'none'})",
            )


def _same_shape(context: Context, texts: TranslatedTexts) -> Iterator[Problem]:
    letter = context.letter
    ours, theirs = _parts(letter.body.document.blocks), _parts(texts.body.document.blocks)
    path = texts.body.path
    name = f"the '{texts.translation.language}' translation"
    for index, (original, translated) in enumerate(zip(ours, theirs, strict=False)):
        if original.kind != translated.kind:
            yield rules.TRANSLATION_MISMATCH.at(
                Pos(path, translated.line + 1),
                f"{name} has a {translated.kind} where the original has a {original.kind} "
                f"(the {_ordinal(index + 1)} part of the body): {_counts(theirs)} against {_counts(ours)}",
            )
            return
        if original.labels != translated.labels:
            yield rules.TRANSLATION_MISMATCH.at(
                Pos(path, translated.line + 1),
                f"this {translated.kind} calls {_calls(translated.labels)} where the original's calls "
                f"{_calls(original.labels)}",
            )
    if len(ours) != len(theirs):
        # Where the translation goes on past the original, or where it stops short of it.
        at = theirs[len(ours)] if len(theirs) > len(ours) else (theirs[-1] if theirs else None)
        where = Pos(path, at.line + 1) if at is not None else Pos(path, 1)
        yield rules.TRANSLATION_MISMATCH.at(
            where,
            f"{name} has {_counts(theirs)} where the original has {_counts(ours)}",
        )


def _parts(blocks: tuple[Block, ...]) -> list[_Part]:
    """Paragraphs, headings, list items and table rows in reading order; a list item counts once, whatever it holds."""
    found: list[_Part] = []
    for block in blocks:
        if isinstance(block, Paragraph | Heading):
            kind = "heading" if isinstance(block, Heading) else "paragraph"
            found.append(_Part(kind, block.line, tuple(markdown.note_labels((block,)))))
        elif isinstance(block, ListBlock):
            for item in block.items:
                found.append(_Part("list item", _first_line(item), tuple(markdown.note_labels(item.children))))
        elif isinstance(block, BlockQuote):
            found.extend(_parts(block.children))
        elif isinstance(block, Table):
            for row in (block.header, *block.rows):
                found.append(_Part("table row", row[0].line if row else block.line, tuple(markdown.note_labels(row))))
    return found


def _first_line(item: ListItem) -> int:
    return next((c.line for c in markdown.inline_containers(item.children)), 0)


def _counts(parts: list[_Part]) -> str:
    """ "3 paragraphs and 2 list items", with table rows when there are any; a heading counts as a paragraph."""
    counted = Counter("paragraph" if part.kind == "heading" else part.kind for part in parts)
    kinds = ["paragraph", "list item"] + (["table row"] if counted["table row"] else [])
    named = [f"{counted[kind]} {kind}{'s' if counted[kind] != 1 else ''}" for kind in kinds]
    return ", ".join(named[:-1]) + " and " + named[-1]


def _calls(labels: tuple[str, ...]) -> str:
    return ", ".join(f"[^{label}]" for label in labels) if labels else "no note"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _recipients(context: Context) -> Iterator[Problem]:
    """A recipient with a salutation needs it in every edition's language; a tag must be a language."""
    letter: Letter = context.letter
    if "recipients" in context.unusable:
        return
    original = letter.manifest.language
    for recipient in letter.recipients.values():
        for key in recipient.field_pos:
            if "." in key:
                field, tag = key.split(".", 1)
                yield from _language(recipient.where(key), tag)
                value = recipient.translated.get(tag, {}).get(field)
                what = f"recipient '{recipient.id}' {field} ({tag})"
                if isinstance(value, str) and (found := spacing_problem(recipient.where(key), what, value)):
                    yield found
        if "salutation" not in recipient.unread and not recipient.salutation and "salutation" in recipient.field_pos:
            yield rules.TRANSLATION_MISSING.at(
                recipient.where("salutation"),
                f"recipient '{recipient.id}' has no salutation in the letter's own language ({original})",
            )
        if "salutation" not in recipient.field_pos:
            continue  # addressed without a salutation: the letter begins with its text, in every edition
        for tag in letter.translations:
            if not _known(tag):
                continue  # the tag itself is the one error
            own = matching(recipient.translated, tag)
            if own is None or not recipient.translated[own].get("salutation"):
                yield rules.TRANSLATION_MISSING.at(
                    recipient.where("salutation"),
                    f"recipient '{recipient.id}' has no salutation in '{tag}': give it as "
                    f"salutation: {{{original}: …, {tag}: …}}",
                )


def _keys(keys: list[str]) -> str:
    return ", ".join(f"'{key}'" for key in keys)


def _group_headings(letter: Letter, translation: Translation) -> Iterator[Problem]:
    """`signatories: [{heading: …}, …]`: one entry for each of the original's groups, in their order."""
    given = translation.values.get("signatories")
    if not isinstance(given, list):
        return  # not a list: reported when read
    tag, where, groups = translation.language, translation.where("signatories"), letter.groups
    if len(given) != len(groups):
        entries = "entry" if len(given) == 1 else "entries"
        yield rules.TRANSLATION_MISMATCH.at(
            where,
            f"translation '{tag}' gives {len(given)} group {entries} under 'signatories' where the original has "
            f"{len(groups)} groups; give one for each, in the same order",
        )
    for group, entry in zip(groups, given, strict=False):
        if group.heading and not entry.get("heading"):
            yield rules.TRANSLATION_MISSING.at(
                entry.get("pos", where),
                f"translation '{tag}' lacks the heading of the group '{group.heading}'; "
                "its edition would print the original's",
            )
