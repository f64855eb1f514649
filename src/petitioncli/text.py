"""Comparing names the way readers do: accents, case, punctuation and spacing aside."""

from __future__ import annotations

import string
import unicodedata

# Punctuation reads as a space: dropped instead, "FORUM-ASIA" would fold to
# "forumasia" and miss "FORUM ASIA"; as a space, both are "forum asia".
_ASCII_PUNCTUATION = str.maketrans({c: " " for c in string.punctuation if unicodedata.category(c)[0] == "P"})
_SPACE = ord(" ")


class _FoldedCharacters(dict):
    """A str.translate table that learns each code point once: marks and format characters vanish,
    punctuation becomes a space."""

    def __missing__(self, code: int) -> int | None:
        category = unicodedata.category(chr(code))
        # Format characters (zero-width spaces, direction marks) are unseen: names differing only by them are one.
        self[code] = None if category in ("Mn", "Cf") else _SPACE if category[0] == "P" else code
        return self[code]


_FOLDED = _FoldedCharacters()


def normalise_name(name: str) -> str:
    """The key `signatory-duplicate` compares names by: NFKD, accents dropped, punctuation as spaces, case folded.

    Spaces are collapsed. `check`, `signatories add`, `signatories import` and `diff` all compare
    names with this one function.
    """
    if name.isascii():
        return " ".join(name.translate(_ASCII_PUNCTUATION).casefold().split())
    return " ".join(unicodedata.normalize("NFKD", name).translate(_FOLDED).casefold().split())


def sort_key(name: str) -> tuple[str, str]:
    return normalise_name(name), name
