"""Countries as people type them: an ISO 3166-1 code, a name in English or in the letter's languages, an old code.

Names come from CLDR through Babel: each territory's name in English and in
every language the letter is written in ("Tjeckien", "España"), and CLDR's
territory aliases (alpha-3 codes such as USA and DEU, old codes such as UK).
Names are compared as signatory names are (accents, case and punctuation
aside), with "&" read as "and" and a leading "the" dropped.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from .text import normalise_name

# Babel's territory list holds regions (001), groupings (EU, UN) and private-use
# codes beside ISO 3166-1; XK (Kosovo) stays, being the code everyone uses for it.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})

# CLDR's own alternative English names ("Czech Republic" is its alt="variant"
# of Czechia, "Turkey" of Türkiye, "Ivory Coast" and "Swaziland" likewise),
# which Babel does not ship, and the few names forms receive that CLDR lacks
# (the nations of the United Kingdom, Holland). Nothing here is in Babel's data.
_ENGLISH_VARIANTS = {
    "Czech Republic": "CZ",
    "Turkey": "TR",
    "Ivory Coast": "CI",
    "Swaziland": "SZ",
    "Macedonia": "MK",
    "Burma": "MM",
    "East Timor": "TL",
    "Congo (DRC)": "CD",
    "Democratic Republic of the Congo": "CD",
    "Republic of the Congo": "CG",
    "Congo (Republic)": "CG",
    "Palestine": "PS",
    "Hong Kong": "HK",
    "Macau": "MO",
    "United States of America": "US",
    "America": "US",
    "Great Britain": "GB",
    "England": "GB",
    "Scotland": "GB",
    "Wales": "GB",
    "Northern Ireland": "GB",
    "Holland": "NL",
    "Republic of Korea": "KR",
    "Korea": "KR",
}


@cache
def country_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-2 code CLDR knows a territory by."""
    from babel import Locale

    territories = [code for code in Locale("en").territories if isinstance(code, str)]
    return frozenset(code for code in territories if len(code) == 2 and code.isalpha()) - _NOT_COUNTRIES


def _key(name: str) -> str:
    words = normalise_name(name.replace("&", " and ")).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join("saint" if word == "st" else word for word in words)


@cache
def _names(language: str) -> dict[str, str]:
    """The territories' names in one language (a Babel locale identifier), by key."""
    from babel import Locale, UnknownLocaleError

    try:
        territories = Locale.parse(language).territories
    except (UnknownLocaleError, ValueError, TypeError):
        return {}
    codes = country_codes()
    return {_key(name): code for code, name in territories.items() if code in codes}


@cache
def _aliases() -> dict[str, str]:
    """CLDR's territory aliases that stand for one country (UK, USA, DEU), and the English variants above."""
    from babel.core import get_global

    codes = country_codes()
    found = {
        alias.casefold(): targets[0]
        for alias, targets in get_global("territory_aliases").items()
        if alias.isalpha() and len(targets) == 1 and targets[0] in codes
    }
    found.update({_key(name): code for name, code in _ENGLISH_VARIANTS.items()})
    return found


def languages_of(manifest) -> list[str]:
    """The letter's language and its translations' (a `Manifest`)."""
    return [str(manifest.language), *manifest.translations]


def _locale_id(tag: str) -> str:
    return tag.replace("-", "_")


def country_code(value: str, languages: Iterable[str] = ()) -> str | None:
    """The ISO code `value` names, in English, in one of `languages` (BCP 47 tags), or as a code; else None."""
    text = value.strip()
    if len(text) == 2 and text.isalpha() and text.upper() in country_codes():
        return text.upper()
    key = _key(text) if text else ""
    if not key:
        return None
    for language in ("en", *languages):
        for locale in dict.fromkeys((_locale_id(language), _locale_id(language).split("_")[0])):
            if (code := _names(locale).get(key)) is not None:
                return code
    return _aliases().get(key) or _aliases().get(text.casefold())
