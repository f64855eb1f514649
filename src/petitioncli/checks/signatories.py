"""Rules about the signatories: blank names, duplicates, URLs, countries, spacing."""

from __future__ import annotations

from functools import cache

from .. import rules
from ..diagnostics import Pos
from ..model import Status
from ..text import normalise_name
from .context import Context
from .text import check_url, warn_spacing

# Babel's territory list holds regions (001), groupings (EU, UN) and private-use
# codes beside ISO 3166-1; XK (Kosovo) stays, being the code everyone uses for it.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def country_codes() -> frozenset[str]:
    from babel import Locale

    territories: list[str] = [code for code in Locale("en").territories if isinstance(code, str)]
    return frozenset(code for code in territories if len(code) == 2 and code.isalpha()) - _NOT_COUNTRIES


def _no_confirmed_signatory(context: Context) -> None:
    letter = context.letter
    path = letter.root / letter.manifest.signatories
    # An unreadable list, or entries dropped for an error, explain themselves.
    if "signatories" in context.unusable or path in context.files_with_errors:
        return
    pending = sum(1 for s in letter.signatories if s.status is Status.PENDING)
    why = f"only {pending} pending (shown with --draft)" if pending else "none is listed as confirmed"
    context.diags.report(
        rules.SIGNATORIES_NONE_CONFIRMED,
        Pos(path),
        f"no confirmed signatory: {why}; the letter would be printed without signatures",
    )


# Printed or compared text beside the name, checked for stray spaces.
_TEXT_FIELDS = ("title", "affiliation", "on_behalf_of", "location", "sort_as")


def place(pos: Pos) -> str:
    """A place as a person looks for it: a CSV row is a line of the file."""
    if pos.file.suffix.lower() == ".csv":
        return f"row {pos.line} of {pos.file.name}"
    return f"{pos.file.name}:{pos.line}:{pos.column}"


def check(context: Context) -> None:
    diags = context.diags
    signatories = context.letter.signatories
    if not any(s.status is Status.CONFIRMED for s in signatories):
        _no_confirmed_signatory(context)
    codes = country_codes() if any(s.country is not None for s in signatories) else frozenset()
    first_seen: dict[str, Pos] = {}
    for signatory in signatories:
        name = signatory.name
        if name.strip():
            key = normalise_name(name)
            first = first_seen.get(key)
            if first is None:
                first_seen[key] = signatory.pos
            else:
                diags.report(
                    rules.SIGNATORY_DUPLICATE,
                    signatory.pos,
                    f"duplicate signatory '{name}': already listed at {place(first)}",
                )
            warn_spacing(diags, signatory.where("name"), "signatory name", name)
        elif "name" not in signatory.unread:
            diags.report(rules.SIGNATORY_NAME_EMPTY, signatory.where("name"), "signatory name is empty")
        for key in _TEXT_FIELDS:
            warn_spacing(diags, signatory.where(key), key, getattr(signatory, key))
        if signatory.url is not None:
            check_url(diags, signatory.where("url"), signatory.url, "url")
        country = signatory.country
        if country is not None and country not in codes:
            hint = f"; did you mean '{country.upper()}'?" if country.upper() in codes else ""
            diags.report(
                rules.COUNTRY_UNKNOWN,
                signatory.where("country"),
                f"unknown country code '{country}': use ISO 3166-1 alpha-2, e.g. NL{hint}",
            )
