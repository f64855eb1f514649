"""What a letter's language decides beyond the date: its quotation marks."""

from __future__ import annotations

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
}


def quotes(language: str) -> Quotes:
    return _QUOTES.get(language.split("-")[0].lower(), _QUOTES["en"])
