"""glyph-missing: characters the PDF cannot draw, found before rendering so that check and build agree."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from .. import rules
from ..dates import letter_date, long_date
from ..diagnostics import PetitionError, Pos
from ..render.fonts import undrawable
from .context import Context


def check(context: Context) -> None:
    places = list(_printed(context))
    characters: set[str] = set()
    for _, _, text in places:
        characters.update(text)
    missing = undrawable(sorted(characters))
    if not missing:
        return
    found = set(missing)
    where, what = next(((pos, what) for pos, what, text in places if not found.isdisjoint(text)), places[0][:2])
    shown = " ".join(missing[:10]) + (" …" if len(missing) > 10 else "")
    context.diags.report(
        rules.GLYPH_MISSING,
        where,
        f"{len(missing)} character{'s' if len(missing) != 1 else ''} (first in {what}) "
        f"have no glyph in the PDF's fonts and print as empty boxes: {shown}; "
        f"install a font that covers them: {font_package(found)}",
    )


def font_package(characters: set[str]) -> str:
    """The Noto package (Debian's name; the same fonts exist everywhere) that draws these characters."""
    if any(unicodedata.east_asian_width(char) in "WF" for char in characters):
        return "fonts-noto-cjk (Noto Serif CJK) for Chinese, Japanese and Korean"
    return "fonts-noto-core (Noto's fonts for most other scripts)"


def _printed(context: Context) -> Iterator[tuple[Pos, str, str]]:
    """(where, what, text) of everything a letter prints, signatories first: they are most often the cause."""
    letter = context.letter
    for signatory in letter.signatories:
        parts = (signatory.name, signatory.title, signatory.affiliation, signatory.on_behalf_of, signatory.location)
        yield signatory.pos, f"signatory '{signatory.name}'", "".join(filter(None, parts))
    bodies = [*letter.documents, *(texts.body for texts in letter.translations.values())]
    for body in bodies:
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
            "".join([recipient.name, recipient.salutation, *recipient.address]),
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
