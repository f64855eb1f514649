"""The mistakes real lists of signatories hold: placeholders, garbled text, stray commas, shifted columns,
personal data and spreadsheet formulas.

Lists of 100,000 entries are common, so each value is first searched once
for any character such a mistake needs; only the few values that hold one
are looked at closely.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Generator, Iterator, Sequence
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from .. import rules
from ..countries import country_code
from ..diagnostics import Pos
from ..model import Signatory
from ..rules import Problem
from ..text import normalise_name

# The values people leave for someone else to fill in, compared as names are.
PLACEHOLDER_VALUES = frozenset(
    normalise_name(text)
    for text in (
        *("Your organisation", "Your organization", "Your name", "Your town", "Your city", "Your country"),
        *("TBD", "TBA", "TODO", "N/A", "None", "Anonymous", "Affiliation", "Name", "Placeholder", "Lorem ipsum"),
    )
)
_LONGEST_PLACEHOLDER = 2 * max(map(len, PLACEHOLDER_VALUES))
_PLACEHOLDER_HOSTS = ("example.com", "example.org", "example.net", "localhost")
# An affiliation that says there is none: two namesakes giving it are not told apart by it.
NO_AFFILIATION = frozenset(
    normalise_name(text)
    for text in (
        *("Individual", "Independent", "None", "N/A", "NA", "-", "Self", "Private person", "Private individual"),
        *("Personal capacity", "In a personal capacity", "Unaffiliated", "No affiliation", "Self-employed"),
    )
)

# Fields printed with the name, where the mistakes below are looked for.
_TEXT_FIELDS = ("name", "title", "affiliation", "on_behalf_of", "location")
# One search a value: anything the rules below need (an entity's `&`, mojibake's
# lead bytes read as Windows-1252, a comma, digits of a phone, `@`, a formula's start).
_SUSPECT = re.compile("[&ÃÂâÅÐ,@0-9]")
_FORMULA_FIRST = frozenset("=+-@\t\r")
_NINE_DIGITS = re.compile(r"(?:\d\D{0,3}){9}")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# (A C1 control character alone is `text-control`'s.)
_MOJIBAKE = re.compile("[ÃÂ][\u0080-\u00bf]|â€|Å[\u0080-\u00bf’“”•–—]|Ð[\u0080-\u00bf]")
# Bounded as RFC 5321 bounds an address (64 characters before the @, 255 after), so that a search
# stays linear in a long value: an unbounded `+` would scan to the `@` again from every position.
EMAIL = re.compile(r"[^\s@<>()\[\],;:]{1,64}@[^\s@<>()\[\],;:]{1,255}\.[^\W\d_]{2,63}")
# Nine to fifteen digits (E.164's most), written as phone numbers are: "+31 20 555 1234", "(020) 555-1234".
PHONE = re.compile(r"(?<!\d)\+?\(?\d(?:[\s().-]{0,2}\d){8,14}(?![\d])")
_DEGREE = re.compile(r",\s*(?:Ph\.?\s?D|M\.?D|MSc|M\.?A|B\.?A|LL\.?M|J\.?D|MBA|Dr|Prof)\.?\s*$", re.IGNORECASE)
_STRAY_COMMA = re.compile(r",\s*$|,\s*,|(?<=[^\W\d_]),(?=[^\W\d_])")
_ORGANISATION = re.compile(
    r"\b(universit\w*|institut\w*|foundation|fundaci\w*|association|asociaci\w*|committee|council|ministry"
    r"|network|coalition|society|centre|center|college|school|inc|ltd|gmbh|ngo|hospital|academy)\b",
    re.IGNORECASE,
)
_FORMULA_IN_YAML = re.compile(r"^[\t\r]*(?:=|[@+\-][A-Za-z]+\s*\(|[+\-@].*[|!])")


def entry_problems_of(signatory: Signatory, in_csv: bool, languages: Sequence[str]) -> Iterator[Problem]:
    for key in _TEXT_FIELDS:
        value = getattr(signatory, key)
        if value is None:
            continue
        if key != "name" and is_placeholder(value):
            yield rules.PLACEHOLDER.at(
                signatory.where(key), f"{key} '{value}' is a placeholder: replace it, or leave it out"
            )
        if value[:1] in _FORMULA_FIRST or _SUSPECT.search(value):
            yield from _look_closely(signatory.where(key), key, value, in_csv)
    url = signatory.url
    if url is not None and ("example." in url or "localhost" in url or "@" in url or "%40" in url):
        yield from _url_problems(signatory.where("url"), url)
    if signatory.title is not None and (shifted := _shifted(signatory, languages)):
        yield shifted


@lru_cache(maxsize=4096)
def is_placeholder(value: str) -> bool:
    """Whether a value is one left to fill in; lists repeat their cities and affiliations, hence the cache."""
    return len(value) <= _LONGEST_PLACEHOLDER and normalise_name(value) in PLACEHOLDER_VALUES


def name_problems(signatory: Signatory, key: str) -> Generator[Problem, None, bool]:
    """A name (whose duplicate key is `key`) that is a placeholder or holds stray punctuation.

    Returns True for a placeholder.
    """
    name = signatory.name
    if key in PLACEHOLDER_VALUES:
        yield rules.PLACEHOLDER.at(signatory.where("name"), f"signatory name '{name}' is a placeholder")
        return True
    if "," in name and (_DEGREE.search(name) or _STRAY_COMMA.search(name)):
        degree = _DEGREE.search(name)
        why = (
            f"'{degree.group().lstrip(', ')}' is glued on by a comma: put it in title"
            if degree
            else "a stray comma (trailing, doubled, or with no space after it)"
        )
        yield rules.SIGNATORY_PUNCTUATION.at(signatory.where("name"), f"signatory name '{name}': {why}")
    return False


def _look_closely(where: Pos, key: str, value: str, in_csv: bool) -> Iterator[Problem]:
    if "&" in value or _MOJIBAKE.search(value):
        fixed = garbled(value)
        if fixed is not None:
            yield rules.TEXT_GARBLED.at(where, f"{key} '{value}' looks garbled; did you mean '{fixed}'?")
    # An e-mail address needs its `@`, a phone number its nine digits.
    if ("@" in value or _NINE_DIGITS.search(value)) and (found := personal_data(key, value)) is not None:
        yield rules.PERSONAL_DATA.at(where, found)
    if (formula := _formula(value, in_csv)) is not None:
        yield rules.SPREADSHEET_FORMULA.at(where, f"{key} '{value}' {formula}")


def garbled(text: str) -> str | None:
    """The text with HTML entities decoded and mojibake undone (by ftfy), when that changes it."""
    import html

    fixed = html.unescape(text) if _ENTITY.search(text) else text
    if _MOJIBAKE.search(fixed):
        import ftfy

        fixed = ftfy.fix_text(fixed, unescape_html=False, uncurl_quotes=False)
    return fixed if fixed != text else None


def personal_data(key: str, value: str) -> str | None:
    """Why a value may not be printed: it holds an e-mail address, a phone number or a URL's credentials."""
    if key == "url":
        try:
            parts = urlsplit(value)
        except ValueError:
            return None  # the URL check says what is wrong with it
        if parts.username is not None or parts.password is not None:
            what = "a user name or password"
        elif parts.scheme.lower() == "mailto" or EMAIL.search(unquote(parts.query)):
            what = "an e-mail address"
        else:
            return None
    elif EMAIL.search(value):
        what = "an e-mail address"
    elif PHONE.search(value):
        what = "a phone number"
    else:
        return None
    return f"{key} holds what looks like {what}; personal data is not printed in a letter or kept in its list"


def _formula(value: str, in_csv: bool) -> str | None:
    if in_csv and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return f"starts with '{value[0]}', which a spreadsheet opening the list would run as a formula"
    if _FORMULA_IN_YAML.match(value):
        return "looks like a spreadsheet formula, which a spreadsheet opening a copy of the list would run"
    return None


def _url_problems(where: Pos, url: str) -> Iterator[Problem]:
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        host = ""
    if host and any(host == known or host.endswith("." + known) for known in _PLACEHOLDER_HOSTS):
        yield rules.PLACEHOLDER.at(where, f"url '{url}' is a placeholder address: replace it, or leave it out")
    if ("@" in url or "%40" in url) and (found := personal_data("url", url)) is not None:
        yield rules.PERSONAL_DATA.at(where, found)


def _shifted(signatory: Signatory, languages: Sequence[str]) -> Problem | None:
    title = signatory.title or ""
    key = normalise_name(title)
    if key and key == normalise_name(signatory.name):
        why = "repeats the name"
    elif len(key) > 2 and country_code(title, languages) is not None:
        why = "is a country"
    elif not signatory.affiliation and _ORGANISATION.search(title):
        why = "looks like an organisation, and the affiliation is empty"
    else:
        return None
    return rules.SIGNATORY_SHIFTED.at(
        signatory.where("title"), f"title '{title}' {why}: are this entry's values one column off?"
    )


def accents_only(first: str, second: str) -> bool:
    """Whether two spellings differ in their accents, and in nothing else."""
    return first != second and _without_accents(first) == _without_accents(second)


def accents_in(text: str) -> int:
    return sum(1 for char in unicodedata.normalize("NFD", text) if unicodedata.category(char) == "Mn")


def _without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
