"""What a letter's language decides beyond the date: its quotation marks and the words the program prints.

Where each comes from:

- quotation marks: CLDR's delimiters (quotationStart/End and the alternate
  pair) for every locale CLDR knows, from `cldr/quotes.json`, made from the
  CLDR JSON release by `scripts/cldr_quotes.py`; French adds the narrow
  no-break space inside « » that its typography asks for (not Swiss French);
- country names, number and date formats: CLDR through Babel;
- the program's own words (the draft mark, "(pending)", "on behalf of"):
  CLDR has none of them, so `_WORDS` below is a table written by hand for
  the languages whose word order lets a name follow "on behalf of". Any
  other language prints them in English, and `check` says so
  (`words-untranslated`) rather than printing English in silence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .diagnostics import PetitionError
from .markdown.quotes import Quotes

_NARROW_NO_BREAK_SPACE = "\u202f"


@cache
def _cldr_quotes() -> dict[str, str]:
    text = resources.files("petitioncli").joinpath("cldr/quotes.json").read_text(encoding="utf-8")
    return json.loads(text)["quotes"]


def quotes(language: str) -> Quotes:
    """CLDR's quotation marks for a BCP 47 tag: its own locale's, else its language's, else English."""
    table = _cldr_quotes()
    marks = next((table[tag] for tag in _lookup_tags(language) if tag in table), table["en"])
    found: Quotes = (marks[0], marks[1], marks[2], marks[3])
    if _parts(language)[0] == "fr" and _parts(language)[2] != "CH":
        space = _NARROW_NO_BREAK_SPACE
        return (
            found[0] + space if found[0] == "«" else found[0],
            space + found[1] if found[1] == "»" else found[1],
            found[2] + space if found[2] == "«" else found[2],
            space + found[3] if found[3] == "»" else found[3],
        )
    return found


def _parts(language: str) -> tuple[str, str | None, str | None]:
    """Language, script and region of a tag, as Babel reads them ("zh-TW" is written in Hant)."""
    try:
        locale = babel_locale(language)
    except PetitionError:
        return language.replace("_", "-").split("-")[0].lower(), None, None
    return locale.language, locale.script, locale.territory


def _lookup_tags(language: str) -> list[str]:
    """CLDR locale names to try, most particular first: zh-Hant-HK, zh-Hant, zh-HK, zh."""
    primary, script, region = _parts(language)
    tags = []
    if script and region:
        tags.append(f"{primary}-{script}-{region}")
    if script:
        tags.append(f"{primary}-{script}")
    if region:
        tags.append(f"{primary}-{region}")
    tags.append(primary)
    return tags


@dataclass(frozen=True, slots=True)
class Words:
    """What the program itself prints in a letter, in one language."""

    # Across every page of a draft.
    draft: str
    # After a signatory who has not yet confirmed, in a draft: "(pending)".
    pending: str
    # "Jane Doe, Director, on behalf of Amnesty International".
    on_behalf_of: str


# Written by hand: CLDR has no such words. Only languages where the
# organisation's name can follow the phrase as written here.
_WORDS: dict[str, Words] = {
    "en": Words("DRAFT", "pending", "on behalf of"),
    "af": Words("KONSEP", "hangende", "namens"),
    "ar": Words("مسودة", "قيد الانتظار", "نيابة عن"),
    "bg": Words("ЧЕРНОВА", "предстои", "от името на"),
    "bs": Words("NACRT", "na čekanju", "u ime"),
    "ca": Words("ESBORRANY", "pendent", "en nom de"),
    "cs": Words("KONCEPT", "čeká", "za"),
    "cy": Words("DRAFFT", "yn aros", "ar ran"),
    "da": Words("UDKAST", "afventer", "på vegne af"),
    "de": Words("ENTWURF", "ausstehend", "für"),
    "el": Words("ΠΡΟΣΧΕΔΙΟ", "εκκρεμεί", "εκ μέρους"),
    "es": Words("BORRADOR", "pendiente", "en nombre de"),
    "fa": Words("پیش‌نویس", "در انتظار", "از طرف"),
    "fr": Words("BROUILLON", "en attente", "au nom de"),
    "ga": Words("DRÉACHT", "ar feitheamh", "thar ceann"),
    "gl": Words("BORRADOR", "pendente", "en nome de"),
    "he": Words("טיוטה", "ממתין", "בשם"),
    "hr": Words("NACRT", "na čekanju", "u ime"),
    "id": Words("DRAF", "menunggu", "atas nama"),
    "is": Words("DRÖG", "í bið", "fyrir hönd"),
    "it": Words("BOZZA", "in attesa", "a nome di"),
    "mk": Words("НАЦРТ", "во исчекување", "во име на"),
    "ms": Words("DRAF", "menunggu", "bagi pihak"),
    "mt": Words("ABBOZZ", "pendenti", "f'isem"),
    "nb": Words("UTKAST", "venter", "på vegne av"),
    "nl": Words("CONCEPT", "in afwachting", "namens"),
    "nn": Words("UTKAST", "ventar", "på vegner av"),
    "no": Words("UTKAST", "venter", "på vegne av"),
    "pl": Words("PROJEKT", "oczekuje", "w imieniu"),
    "pt": Words("RASCUNHO", "pendente", "em nome de"),
    "ro": Words("CIORNĂ", "în așteptare", "în numele"),
    "ru": Words("ЧЕРНОВИК", "ожидается", "от имени"),
    "sk": Words("KONCEPT", "čaká", "za"),
    "sl": Words("OSNUTEK", "v čakanju", "v imenu"),
    "sq": Words("PROJEKT", "në pritje", "në emër të"),
    "sr": Words("НАЦРТ", "на чекању", "у име"),
    "sr-Latn": Words("NACRT", "na čekanju", "u ime"),
    "sv": Words("UTKAST", "väntar", "för"),
    "sw": Words("RASIMU", "inasubiri", "kwa niaba ya"),
    "th": Words("ฉบับร่าง", "รอดำเนินการ", "ในนามของ"),
    "uk": Words("ЧЕРНЕТКА", "очікується", "від імені"),
    "vi": Words("BẢN NHÁP", "đang chờ", "thay mặt"),
    "zh": Words("草稿", "待定", "代表"),
}


def words(language: str) -> Words:
    """The program's words in the letter's language, English where the table has none (`has_words`)."""
    return _WORDS.get(_words_key(language) or "en", _WORDS["en"])


def has_words(language: str) -> bool:
    return _words_key(language) is not None


def _words_key(language: str) -> str | None:
    """The table's entry for a tag: its language in its script (sr-Latn), else its language."""
    primary, script, _ = _parts(language)
    return next((key for key in (f"{primary}-{script}", primary) if key in _WORDS), None)


def _normal(tag: str) -> str:
    return tag.replace("_", "-").casefold()


def tag_key(tag: str) -> str:
    """What two tags for the same language share as BCP 47 reads them, case aside (`fr-FR`, `FR-fr`)."""
    return _normal(tag)


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


def closest_tag(tag: str) -> str | None:
    """The language a mistyped tag most likely meant: `sp` → `es`, `jp` → `ja`, `English` → `en`.

    Asked only of a tag Babel does not know; the answer is one Babel does.
    """
    import difflib

    from babel import Locale, UnknownLocaleError

    hyphens = tag.strip().replace("_", "-")
    try:
        Locale.parse(hyphens, sep="-")
        return hyphens  # fr_FR: the same tag with a hyphen
    except (UnknownLocaleError, ValueError, TypeError):
        pass
    wanted = _normal(tag)
    names = {code: Locale("en").languages.get(code, "") for code in _known_languages()}
    by_name = [code for code, name in names.items() if name.casefold() == wanted]
    if by_name:
        return by_name[0]
    primary = wanted.split("-")[0]
    # "spanish" and "sp" both say Spanish: a name's start, then the codes themselves.
    starts = [code for code, name in names.items() if len(primary) >= 2 and name.casefold().startswith(primary)]
    if len(starts) == 1:
        return starts[0]
    # A country's code for its language: `jp`, `cz`, `dk`, `gr`, `ua`.
    from babel.languages import get_official_languages

    official = [code for code in get_official_languages(primary.upper()) if code in names]
    if official:
        return official[0]
    close = difflib.get_close_matches(primary, list(names), n=1, cutoff=0.75)
    return close[0] if close else None


@cache
def _known_languages() -> tuple[str, ...]:
    """The two-letter languages CLDR has a locale for (Babel's data): what a letter is written in."""
    from babel.localedata import locale_identifiers

    return tuple(sorted({code for code in locale_identifiers() if "_" not in code and len(code) == 2}))


def is_right_to_left(language: str) -> bool:
    """Arabic, Hebrew, Persian, Urdu…: Babel's CLDR data knows each language's direction."""
    return babel_locale(language).character_order == "right-to-left"


def country_name(code: str | None, language: str) -> str | None:
    """An ISO 3166-1 code's name in the letter's language, as CLDR (through Babel) writes it."""
    if not code:
        return None
    try:
        names = babel_locale(language).territories
    except PetitionError:
        return None
    return names.get(code.upper())


def babel_locale(language: str):
    """Babel's locale for a BCP 47 tag; an unknown tag is an error naming the closest one."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(language, sep="-")
    except (UnknownLocaleError, ValueError, TypeError):
        pass
    closest = closest_tag(str(language))
    hint = f"did you mean '{closest}'?" if closest else "use a BCP 47 tag such as en-GB or fr"
    raise PetitionError(f"unknown language tag '{language}'; {hint}")
