"""Comparing names the way readers do: accents, case, punctuation and spacing aside."""

from __future__ import annotations

import string
import unicodedata

_ASCII_PUNCTUATION = str.maketrans("", "", "".join(c for c in string.punctuation if unicodedata.category(c)[0] == "P"))


class _DroppedCharacters(dict):
    """A str.translate table that learns each code point once: marks and punctuation map to None."""

    def __missing__(self, code: int) -> int | None:
        category = unicodedata.category(chr(code))
        self[code] = None if category == "Mn" or category[0] == "P" else code
        return self[code]


_DROPPED = _DroppedCharacters()


def normalise_name(name: str) -> str:
    """SPEC §5's comparison: NFKD, accents and punctuation dropped, case folded, spaces collapsed."""
    if name.isascii():
        return " ".join(name.translate(_ASCII_PUNCTUATION).casefold().split())
    return " ".join(unicodedata.normalize("NFKD", name).translate(_DROPPED).casefold().split())


def sort_key(name: str) -> tuple[str, str]:
    return normalise_name(name), name
