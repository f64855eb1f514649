"""What a letter's language decides beyond the date: its quotation marks and the words it prints."""

from __future__ import annotations

from collections.abc import Iterable

from .diagnostics import PetitionError

Quotes = tuple[str, str, str, str]

# Typographic quotation marks (CLDR's: opening and closing double, then
# single) for the languages letters are most often written in; any other
# language gets the English ones.
_QUOTES: dict[str, Quotes] = {
    "en": ("“", "”", "‘", "’"),
    "de": ("„", "“", "‚", "‘"),
    "cs": ("„", "“", "‚", "‘"),
    "fr": ("«\u202f", "\u202f»", "“", "”"),
    "es": ("«", "»", "“", "”"),
    "it": ("«", "»", "“", "”"),
    "nl": ("“", "”", "‘", "’"),
    "pt": ("“", "”", "‘", "’"),
    "pl": ("„", "”", "«", "»"),
    "ru": ("«", "»", "„", "“"),
    "uk": ("«", "»", "„", "“"),
    "ar": ("”", "“", "’", "‘"),
    "he": ("”", "”", "’", "’"),
}


def quotes(language: str) -> Quotes:
    return _QUOTES.get(language.split("-")[0].lower(), _QUOTES["en"])


def _normal(tag: str) -> str:
    return tag.replace("_", "-").casefold()


def matching(tags: Iterable[str], language: str) -> str | None:
    """The tag among `tags` that stands for `language`: the same tag, else the same primary language.

    `fr` in a recipient's salutations serves an edition in `fr-BE`, and `en-GB`
    serves one in `en` when no tag says `en` itself.
    """
    tags = list(tags)
    wanted = _normal(language)
    for tag in tags:
        if _normal(tag) == wanted:
            return tag
    primary = wanted.split("-")[0]
    candidates = [tag for tag in tags if _normal(tag).split("-")[0] == primary]
    return candidates[0] if len(candidates) == 1 else None


def is_right_to_left(language: str) -> bool:
    """Arabic, Hebrew, Persian, Urdu…: Babel's CLDR data knows each language's direction."""
    from .dates import babel_locale

    return babel_locale(language).character_order == "right-to-left"


# "Jane Doe, Director, on behalf of Amnesty International": what a
# representative signs for, in the languages above; English otherwise.
_ON_BEHALF_OF: dict[str, str] = {
    "en": "on behalf of",
    "de": "für",
    "cs": "za",
    "fr": "au nom de",
    "es": "en nombre de",
    "it": "a nome di",
    "nl": "namens",
    "pt": "em nome de",
    "pl": "w imieniu",
    "ru": "от имени",
    "uk": "від імені",
}


def on_behalf_of(language: str) -> str:
    return _ON_BEHALF_OF.get(language.split("-")[0].lower(), _ON_BEHALF_OF["en"])


def country_name(code: str | None, language: str) -> str | None:
    """An ISO 3166-1 code's name in the letter's language, as CLDR (through Babel) writes it."""
    if not code:
        return None
    from .dates import babel_locale

    try:
        names = babel_locale(language).territories
    except PetitionError:
        return None
    return names.get(code.upper())
