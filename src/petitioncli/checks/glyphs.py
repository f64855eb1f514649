"""glyph-missing: characters the PDF cannot draw, found before rendering so that check and build agree."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from operator import attrgetter

from .. import rules
from ..dates import letter_date, long_date
from ..diagnostics import PetitionError, Pos
from ..font_coverage import undrawable
from ..rules import Problem
from .context import Context

_SIGNATORY_TEXTS = ("name", "title", "affiliation", "on_behalf_of", "location")


def check(context: Context) -> Iterator[Problem]:
    letter = context.letter
    characters: set[str] = set()
    # Each field of every signatory as one string: a long list is read in a few C loops.
    for key in _SIGNATORY_TEXTS:
        characters.update("".join(filter(None, map(attrgetter(key), letter.signatories))))
    for _, _, text in _other_texts(context):
        characters.update(text)
    missing = undrawable(sorted(characters))
    if not missing:
        return
    found = set(missing)
    where, what = _first_use(context, found)
    shown = " ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
    yield rules.GLYPH_MISSING.at(
        where,
        f"{len(missing)} character{'s' if len(missing) != 1 else ''} (first in {what}) "
        f"have no glyph in the PDF's fonts: {shown}; each run of them prints as one '\ufffd'; "
        f"install fonts that cover them: {font_package(found)}",
    )


def _first_use(context: Context, found: set[str]) -> tuple[Pos, str]:
    """The first signatory, else the first other text, that holds one of `found`."""
    for signatory in context.letter.signatories:
        if any(value and not found.isdisjoint(value) for value in map(signatory.__getattribute__, _SIGNATORY_TEXTS)):
            return signatory.pos, f"signatory '{signatory.name}'"
    return next(((pos, what) for pos, what, text in _other_texts(context) if not found.isdisjoint(text)))


# Emoji, most of them wide as CJK is: looked for first. (Unicode's Emoji property is not in unicodedata.)
_EMOJI = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF), (0x2B00, 0x2BFF))
_PACKAGES = {
    "emoji": "fonts-noto-color-emoji (Noto Color Emoji) for emoji",
    "cjk": "fonts-noto-cjk (Noto Serif CJK) for Chinese, Japanese and Korean",
    "other": "fonts-noto-core (Noto's fonts for most other scripts)",
}


def font_package(characters: set[str]) -> str:
    """The Noto packages (Debian's names; the same fonts exist everywhere) that draw these characters."""
    needed: dict[str, None] = {}
    for char in sorted(characters):
        if unicodedata.category(char) == "Co":
            continue  # private use: no published font draws it
        code = ord(char)
        if any(low <= code <= high for low, high in _EMOJI):
            needed["emoji"] = None
        elif unicodedata.east_asian_width(char) in "WF":
            needed["cjk"] = None
        else:
            needed["other"] = None
    if not needed:
        return "none: no published font draws private-use characters; write them another way"
    return ", ".join(_PACKAGES[kind] for kind in _PACKAGES if kind in needed)


def _other_texts(context: Context) -> Iterator[tuple[Pos, str, str]]:
    """(where, what, text) of everything else a letter prints."""
    letter = context.letter
    for body in letter.every_document:
        yield Pos(body.path), body.path.name, body.source
    notes = [
        *letter.footnotes.values(),
        *(n for texts in letter.translations.values() for n in texts.footnotes.values()),
    ]
    for note in notes:
        yield note.pos, f"footnote '{note.id}'", note.text
    for recipient in letter.recipients.values():
        yield (
            recipient.pos,
            f"recipient '{recipient.id}'",
            "".join([recipient.name, recipient.salutation or "", *recipient.address]),
        )
    manifest = letter.manifest
    texts = [
        str(getattr(manifest, key) or "") for key in ("title", "subtitle", "place", "closing", "signatories_heading")
    ]
    texts.extend(group.heading or "" for group in letter.groups)
    texts.extend(str(value) for translation in manifest.translations.values() for value in translation.values.values())
    yield manifest.pos, letter.manifest_path.name, "".join(texts) + "".join(_dates(context))


def _dates(context: Context) -> Iterator[str]:
    """The date as each edition's language writes it: '2017年9月5日' needs a font too."""
    manifest = context.letter.manifest
    try:
        date = letter_date(context.date, manifest.date)
        for language in (manifest.language, *manifest.translations):
            yield long_date(date, language)
    except PetitionError:
        return  # an unknown language is reported by the manifest's check
