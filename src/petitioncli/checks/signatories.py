"""Rules about the signatories: blank names, duplicates, URLs, countries, spacing."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache

from .. import rules
from ..diagnostics import Pos
from ..model import Signatory, Status
from ..position import place
from ..rules import Problem
from ..text import normalise_name
from .context import Context
from .text import spacing_problem, url_problem

# Babel's territory list holds regions (001), groupings (EU, UN) and private-use
# codes beside ISO 3166-1; XK (Kosovo) stays, being the code everyone uses for it.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def country_codes() -> frozenset[str]:
    from babel import Locale

    territories: list[str] = [code for code in Locale("en").territories if isinstance(code, str)]
    return frozenset(code for code in territories if len(code) == 2 and code.isalpha()) - _NOT_COUNTRIES


def _no_confirmed_signatory(context: Context) -> Problem | None:
    letter = context.letter
    files = {group.file for group in letter.groups}
    # An unreadable list, or entries dropped for an error, explain themselves.
    if "signatories" in context.unusable or not files or files & context.files_with_errors:
        return None
    # One file: the file itself; groups: the manifest's list of them.
    where = Pos(letter.groups[0].file) if len(files) == 1 else letter.manifest.where("signatories")
    pending = sum(1 for s in letter.signatories if s.status is Status.PENDING)
    why = f"only {pending} pending (shown with --draft)" if pending else "none is listed as confirmed"
    return rules.SIGNATORIES_NONE_CONFIRMED.at(
        where,
        f"no confirmed signatory: {why}; the letter would be printed without signatures",
    )


# Printed or compared text beside the name, checked for stray spaces.
_TEXT_FIELDS = ("title", "affiliation", "on_behalf_of", "location", "sort_as")


# What people type into a form's name field when they do not mean a name,
# and a header row copied in as an entry, compared as names are.
_FORM_LABELS = frozenset(
    normalise_name(label)
    for label in (
        "Name", "Full name", "First name", "Last name", "Surname", "Your name", "Signatory", "Signature",
        "Organisation", "Organization", "Organisation name", "Organization name", "Affiliation",
        "Institution", "Title", "Location", "City", "Country", "Email", "E-mail", "URL", "Website",
        "Status", "Test", "N/A", "None", "Anonymous",
    )
)  # fmt: skip


class _Names:
    """Duplicates and namesakes in one pass: a dict by name, and by URL and affiliation only among namesakes."""

    def __init__(self) -> None:
        self.first: dict[tuple[str, str], Signatory] = {}
        self.namesakes: dict[tuple[str, str], _Namesakes] = {}

    def add(self, signatory: Signatory) -> Iterator[Problem]:
        name_key = normalise_name(signatory.name)
        if suspect := _suspect(signatory, name_key):
            yield suspect
        # A person signing for an organisation is another signature than theirs alone.
        key = (name_key, normalise_name(signatory.on_behalf_of) if signatory.on_behalf_of else "")
        first = self.first.get(key)
        if first is None:
            self.first[key] = signatory
            return
        group = self.namesakes.get(key)
        if group is None:
            group = self.namesakes[key] = _Namesakes(first)
        same = group.same_as(signatory)
        if same is not None:
            yield rules.SIGNATORY_DUPLICATE.at(
                signatory.pos, f"duplicate signatory '{signatory.name}': already listed at {place(same.pos)}"
            )
        else:
            differs = "URL" if signatory.url else "affiliation"
            yield rules.SIGNATORY_NAMESAKE.at(
                signatory.pos,
                f"possibly the same signatory as '{first.name}' at {place(first.pos)}: the same name with "
                f"another {differs}; if they are two people, silence this with noqa",
            )
        group.add(signatory)


def _suspect(signatory: Signatory, name_key: str) -> Problem | None:
    name = signatory.name.strip()
    if name_key in _FORM_LABELS:
        why = "is a form's label, not a name: a header row or a blank form copied in?"
    # Chinese and Korean names may have two characters, each a whole syllable.
    elif len(name) <= 2 and not any(unicodedata.east_asian_width(char) in "WF" for char in name):
        why = "is too short to be a name: initials or a slip?"
    else:
        return None
    return rules.SIGNATORY_NAME_SUSPECT.at(signatory.where("name"), f"signatory name '{name}' {why}")


def _url_key(url: str | None) -> str | None:
    """An address as people tell sites apart: scheme, `www.`, case and a final slash aside."""
    if not url:
        return None
    address = url.strip().casefold().split("://", 1)[-1].removeprefix("www.")
    return address.rstrip("/")


class _Namesakes:
    """The entries sharing a name, indexed so that each new one is judged against all of them at once.

    Two entries are told apart only by a value both give: a URL or an
    affiliation that differs. The same URL or affiliation, or nothing both
    give, makes a duplicate.
    """

    def __init__(self, first: Signatory):
        self.by_url: dict[str, Signatory] = {}
        self.by_affiliation: dict[str, Signatory] = {}
        self.first_without_url: Signatory | None = None
        self.first_without_affiliation: Signatory | None = None
        self.first_without_either: Signatory | None = None
        self.first = first
        self.add(first)

    def same_as(self, signatory: Signatory) -> Signatory | None:
        """The entry this one repeats, if any."""
        url, affiliation = _url_key(signatory.url), _affiliation_key(signatory.affiliation)
        if url is not None and url in self.by_url:
            return self.by_url[url]
        if affiliation is not None and affiliation in self.by_affiliation:
            return self.by_affiliation[affiliation]
        if url is None and affiliation is None:
            return self.first
        if affiliation is None:
            return self.first_without_url
        if url is None:
            return self.first_without_affiliation
        return self.first_without_either

    def add(self, signatory: Signatory) -> None:
        url, affiliation = _url_key(signatory.url), _affiliation_key(signatory.affiliation)
        if url is not None:
            self.by_url.setdefault(url, signatory)
        elif self.first_without_url is None:
            self.first_without_url = signatory
        if affiliation is not None:
            self.by_affiliation.setdefault(affiliation, signatory)
        elif self.first_without_affiliation is None:
            self.first_without_affiliation = signatory
        if url is None and affiliation is None and self.first_without_either is None:
            self.first_without_either = signatory


def _affiliation_key(affiliation: str | None) -> str | None:
    return normalise_name(affiliation) if affiliation and affiliation.strip() else None


def check(context: Context) -> Iterator[Problem]:
    signatories = context.letter.signatories
    if not any(s.status is Status.CONFIRMED for s in signatories) and (found := _no_confirmed_signatory(context)):
        yield found
    yield from entry_problems(signatories)


def entry_problems(signatories: Sequence[Signatory]) -> Iterator[Problem]:
    """What is wrong with the entries themselves and among them, whatever letter they are part of."""
    codes = country_codes() if any(s.country is not None for s in signatories) else frozenset()
    names = _Names()
    for signatory in signatories:
        name = signatory.name
        if name.strip():
            yield from names.add(signatory)
            if found := spacing_problem(signatory.where("name"), "signatory name", name):
                yield found
        elif "name" not in signatory.unread:
            yield rules.SIGNATORY_NAME_EMPTY.at(signatory.where("name"), "signatory name is empty")
        for key in _TEXT_FIELDS:
            # Most of these are absent: no call for them, in lists of 100,000.
            if (value := getattr(signatory, key)) is not None and (
                found := spacing_problem(signatory.where(key), key, value)
            ):
                yield found
        if signatory.url is not None and (found := url_problem(signatory.where("url"), signatory.url, "url")):
            yield found
        for link in signatory.links:
            if found := spacing_problem(link.where("label"), "link label", link.label):
                yield found
            if found := url_problem(link.where("url"), link.url, "link url"):
                yield found
        country = signatory.country
        if country is not None and country not in codes:
            hint = f"; did you mean '{country.upper()}'?" if country.upper() in codes else ""
            yield rules.COUNTRY_UNKNOWN.at(
                signatory.where("country"),
                f"unknown country code '{country}': use ISO 3166-1 alpha-2, e.g. NL{hint}",
            )
