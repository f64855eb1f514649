"""Comparing names the way readers do: accents, case, punctuation and spacing aside."""

from __future__ import annotations

import string
import unicodedata

_ASCII_PUNCTUATION = str.maketrans("", "", "".join(c for c in string.punctuation if unicodedata.category(c)[0] == "P"))


def normalise_name(name: str) -> str:
    """SPEC §5's comparison: NFKD, accents and punctuation dropped, case folded, spaces collapsed."""
    if name.isascii():
        return " ".join(name.translate(_ASCII_PUNCTUATION).casefold().split())
    decomposed = unicodedata.normalize("NFKD", name)
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn":
            continue
        if category[0] != "P":
            kept.append(char)
    return " ".join("".join(kept).casefold().split())


def sort_key(name: str) -> tuple[str, str]:
    return normalise_name(name), name
