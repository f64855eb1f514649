"""Which column of a form export holds which field: the headers real exports use, and `--map` to say otherwise.

A column may also hold the respondent's consent (`consent`): their answer to
"Do you confirm that your organisation signs this letter?", read by
`consent_of` as yes or no in English, Spanish, French and German.

Headers are compared case-insensitively with punctuation, filler words and
parenthesised hints left out, so "Name of your organisation (as it should
be printed)" is "name organisation", and `can2_user_city` is "can2 user city".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..diagnostics import PetitionError
from ..fields import specs
from ..loader.values import did_you_mean
from ..model import Signatory

# Best first: a column named for the organisation beats a bare "Name", which
# in a Microsoft Forms export is the respondent's account.
_ALIASES: dict[str, tuple[str, ...]] = {
    "name": (
        *("organisation name", "organization name", "name organisation", "name organization", "org name"),
        *("group name", "signatory organisation", "signatory organization"),
        *("name", "signatory", "signatory name", "full name", "first and last name", "name and surname"),
        *("organisation", "organization", "organización", "organizacion", "organisme", "organismo", "group"),
    ),
    "title": (
        *("title", "job title", "job", "role", "position", "function", "occupation", "profession"),
        *("cargo", "puesto", "fonction", "poste", "titre", "funktion", "position", "beruf"),
    ),
    "affiliation": (
        *("affiliation", "institution", "institutional affiliation", "employer"),
        *("organisation", "organization", "organización", "organizacion", "organisme", "organismo"),
    ),
    "location": (
        *("location", "city", "town", "place", "city town", "city country", "can2 user city", "based"),
        *("ciudad", "localidad", "ville", "localité", "stadt", "ort", "wohnort"),
    ),
    "country": ("country", "country code", "country region", "can2 country", "país", "pais", "pays", "land"),
    "url": ("url", "website", "web site", "homepage", "web", "web address", "website url", "organisation website"),
    "status": ("status",),
}
_AFFILIATION_AS_NAME = ("organisation", "organization", "organización", "organizacion", "organisme", "organismo")
# Action Network and many forms ask for the two halves of a person's name.
_FIRST_NAME = ("first name", "given name", "first")
_LAST_NAME = ("last name", "surname", "family name", "last")
# A form's question asking whether the respondent signs: "Do you confirm that your
# organisation signs this letter?", "I agree", "Consentimiento", "Einverstanden?".
_CONSENT = re.compile(
    r"\b(consent\w*|agree\w*|confirm\w*|accept\w*|approv\w*|endorse\w*|sign on|signs? (this |the )?letter"
    r"|consentimiento|acepto|aceptar|acuerdo|autoriz\w*|confirmo|consentement|accepte\w*|accord"
    r"|einverstanden|zustimm\w*|einwillig\w*|bestätig\w*|unterzeichne\w*)\b"
)
# Not a field of a signatory: what the import reads to tell who signs from who declines.
CONSENT = "consent"
# Never copied into a letter, whatever it is mapped to.
_PERSONAL = re.compile(r"\b(e ?mail|phone|telephone|mobile|whatsapp|zip|postcode|postal|street)\b")
# Microsoft Forms begins every export with these; its Name and Email are the respondent's account.
_MICROSOFT_FORMS = {"id", "start time", "completion time"}
_FILLER = frozenset({"your", "the", "of", "s", "please", "enter", "what", "is", "our", "in", "full", "its"})


def normalise_header(header: str) -> str:
    text = re.sub(r"\([^)]*\)|\[[^]]*\]", " ", header.casefold())
    words = re.sub(r"[^\w]+|_", " ", text).split()
    kept = [word for word in words if word not in _FILLER]
    return " ".join(kept or words)


@dataclass(slots=True)
class Columns:
    # Field to the index of the column holding it.
    fields: dict[str, int] = field(default_factory=dict)
    # The column whose answer says whether the row signs (yes) or declines (no).
    consent: int | None = None
    # A name made of a first and a last name column, when no column holds it whole.
    name_parts: tuple[int, int] | None = None
    # Headers of the columns read, and of those left out (personal data among them).
    used: dict[str, str] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)


def match_columns(header: list[str], mapping: list[str], export: str) -> Columns:
    """The columns to read, from the header row and `--map COLUMN=field` (field empty: leave the column out)."""
    normalised = [normalise_header(cell) for cell in header]
    explicit = _explicit(header, normalised, mapping, export)
    found = Columns(fields={target: index for index, target in explicit.items() if target and target != CONSENT})
    found.consent = next((index for index, target in explicit.items() if target == CONSENT), None)
    taken = set(explicit) | {i for i, cell in enumerate(normalised) if _PERSONAL.search(cell)}
    if set(normalised) >= _MICROSOFT_FORMS:
        # Its own "Name" column, that is: a question "Your name" is the signatory's.
        taken |= {i for i, cell in enumerate(header) if cell.strip().casefold() == "name"}
    halves = _halves(normalised, taken)
    for target, aliases in _ALIASES.items():
        if target in found.fields:
            continue
        for alias in aliases:
            index = _free(normalised, alias, taken)
            # "Organisation" beside a first and a last name is the person's affiliation.
            if index is None or (target == "name" and alias in _AFFILIATION_AS_NAME and halves):
                continue
            found.fields[target] = index
            taken.add(index)
            break
    if "name" not in found.fields and halves:
        found.name_parts = halves
        taken.update(halves)
    if found.consent is None:
        found.consent = next((i for i, cell in enumerate(normalised) if i not in taken and _CONSENT.search(cell)), None)
    if "name" not in found.fields and found.name_parts is None:
        shown = ", ".join(f"'{cell}'" for cell in header)
        raise PetitionError(
            f"no column of {export} holds the signatory's name (its columns: {shown}); "
            "say which with --map, e.g. --map 'Organisation=name'"
        )
    read = {index: target for target, index in found.fields.items()}
    read |= dict.fromkeys(found.name_parts or (), "name")
    if found.consent is not None:
        read[found.consent] = CONSENT
    found.used = {header[index]: target for index, target in sorted(read.items())}
    found.ignored = [cell for index, cell in enumerate(header) if index not in read]
    return found


def _halves(normalised: list[str], taken: set[int]) -> tuple[int, int] | None:
    first = next((i for alias in _FIRST_NAME if (i := _free(normalised, alias, taken)) is not None), None)
    last = next((i for alias in _LAST_NAME if (i := _free(normalised, alias, taken)) is not None), None)
    return (first, last) if first is not None and last is not None else None


def _free(normalised: list[str], alias: str, taken: set[int]) -> int | None:
    return next((i for i, cell in enumerate(normalised) if cell == alias and i not in taken), None)


def _explicit(header: list[str], normalised: list[str], mapping: list[str], export: str) -> dict[int, str]:
    """Column index to field (or "" to leave it out), from `--map`."""
    fields = specs(Signatory)
    chosen: dict[int, str] = {}
    for item in mapping:
        column, sep, target = item.partition("=")
        column, target = column.strip(), target.strip().casefold()
        if not sep or not column:
            raise PetitionError(f"--map '{item}' must be COLUMN=field, e.g. --map 'Organisation=name'")
        index = _column(header, normalised, column)
        if index is None:
            shown = ", ".join(f"'{cell}'" for cell in header)
            raise PetitionError(f"--map '{item}': {export} has no column '{column}' (its columns: {shown})")
        targets = [*fields, CONSENT]
        if target and target not in targets:
            known = ", ".join(targets)
            raise PetitionError(f"--map '{item}': unknown field '{target}'{did_you_mean(target, targets)} ({known})")
        if target and _PERSONAL.search(normalised[index]):
            raise PetitionError(
                f"--map '{item}': column '{header[index]}' holds personal data, which is never copied into the project"
            )
        twice = next((header[i] for i, other in chosen.items() if target and other == target and i != index), None)
        if twice is not None:
            raise PetitionError(f"--map '{item}': column '{twice}' is mapped to {target} already; map one column")
        chosen[index] = target
    return chosen


def _column(header: list[str], normalised: list[str], column: str) -> int | None:
    wanted = column.casefold()
    exact = next((i for i, cell in enumerate(header) if cell.strip().casefold() == wanted), None)
    if exact is not None:
        return exact
    return next((i for i, cell in enumerate(normalised) if cell == normalise_header(column)), None)


# Answers that sign and answers that decline, compared with accents, case and punctuation aside.
_YES = frozenset(
    {
        "yes",
        "y",
        "si",
        "oui",
        "ja",
        "true",
        "x",
        "✓",
        "✔",
        "1",
        "agree",
        "i agree",
        "we agree",
        "accept",
        "i accept",
        "ok",
    }
    | {"checked", "confirmed", "confirm", "i confirm", "we confirm", "acepto", "de acuerdo", "d accord", "j accepte"}
    | {"einverstanden", "ich stimme zu", "zustimmen", "stimme zu", "sure", "signed", "sign", "we sign", "i sign"}
)
_NO = frozenset({"no", "n", "non", "nein", "false", "0", "unchecked", "declined", "decline", "disagree", "not yet"})


def consent_of(answer: str) -> bool | None:
    """True for an answer that signs, False for one that declines (or none given), None when it says neither.

    An empty cell declines: a checkbox left unticked ("x" or nothing) is how
    many forms ask. "Yes, we sign" is yes: its first words decide.
    """
    from ..text import normalise_name

    key = normalise_name(answer)
    if not key:
        return False
    for words in (key, " ".join(key.split()[:2]), key.split()[0]):
        if words in _YES:
            return True
        if words in _NO:
            return False
    return None
