"""How a record's fields are described once, for the loader, the checks and the JSON Schema.

Each record of a letter project (the manifest, a signatory, a recipient) is a
dataclass in the `model` package whose fields carry a `FieldSpec` in their metadata:
what the key means, what kind of value it holds, whether it is required. The
YAML and CSV readers validate with these specs, `petition schema`
describes the same specs to editors, and `petition init` explains them in
the files it writes; nothing else lists a record's keys.
"""

from __future__ import annotations

import dataclasses
import enum
from dataclasses import dataclass
from functools import cache
from typing import Any

from . import rules
from .rules import Rule


class Kind(enum.StrEnum):
    TEXT = "text"
    # A list of text lines; a single value is read as a one-line list.
    LINES = "lines"
    # An ISO date, YYYY-MM-DD.
    DATE = "date"
    # One of the values of `FieldSpec.choices`.
    CHOICE = "choice"
    # A file inside the project, relative to the manifest.
    PATH = "path"
    # Language tag to the translatable keys of the same record (docs/how-to/translate.md).
    TRANSLATIONS = "translations"
    # Rule ids, as a list or separated by commas (a CSV cell holds one value);
    # an unknown id is an error.
    RULE_IDS = "rule-ids"
    # Rule ids a `noqa` value silences, written as RULE_IDS; an unknown id is
    # kept, for check to report as a `noqa-unknown` warning.
    NOQA = "noqa"
    # File glob to rule ids (`per_file_ignores`).
    RULE_IDS_BY_FILE = "rule-ids-by-file"
    # One mapping holding the keys of `FieldSpec.record` (the manifest's `rules`).
    NESTED = "nested"
    # true or false.
    FLAG = "flag"
    # A file, as PATH; or a list of records (`FieldSpec.record`), each naming a file of its own.
    PATH_OR_RECORDS = "path-or-records"
    # A list of records (`FieldSpec.record`): a signatory's links.
    RECORDS = "records"


@dataclass(frozen=True, slots=True)
class FieldSpec:
    kind: Kind
    description: str
    # The key must be present.
    required: bool = False
    # A blank value is `field-empty` when read (a signatory's blank name is
    # left to the checks, which say `signatory-name-empty`).
    non_blank: bool = False
    # The enumeration a CHOICE field's values come from.
    enum: type[enum.Enum] | None = None
    # The rule a value outside `choices` is reported under.
    choice_rule: Rule = rules.VALUE_UNKNOWN
    example: str | None = None
    # Shown in the schema and in messages; the model's own default may differ
    # in type (a path is read into the loaded file).
    default: str | None = None
    # The record each entry of a PATH_OR_RECORDS or RECORDS list is, or a NESTED value.
    record: type | None = None
    # Content rules (`checks/`) that judge this value beyond its shape, so that
    # `petition init`'s comments can say what `check` reports when it is wrong.
    checked_by: tuple[Rule, ...] = ()
    # A translation (`translations: fr: …`) may give this key in its language.
    translatable: bool = False
    # The value may be written once, in the letter's language, or as a
    # mapping from language tags to values (a recipient's salutation).
    per_language: bool = False
    name: str = ""

    @property
    def choices(self) -> tuple[str, ...]:
        return tuple(str(member.value) for member in self.enum) if self.enum is not None else ()

    @property
    def names_files(self) -> bool:
        """The value names project files, read by the loader (and copied by `init --from`)."""
        return self.kind in (Kind.PATH, Kind.PATH_OR_RECORDS)

    @property
    def reported_under(self) -> tuple[Rule, ...]:
        """Every rule a wrong value of this key is reported under, reading rules first."""
        found: list[Rule] = []
        if self.required:
            found.append(rules.FIELD_MISSING)
        if self.non_blank or self.names_files:
            found.append(rules.FIELD_EMPTY)
        if self.kind in (Kind.FLAG, Kind.PATH_OR_RECORDS, Kind.RECORDS):
            found.append(rules.TYPE_INVALID)
        if self.kind is Kind.DATE:
            found.append(rules.DATE_INVALID)
        if self.kind is Kind.CHOICE:
            found.append(self.choice_rule)
        if self.kind in (Kind.RULE_IDS, Kind.RULE_IDS_BY_FILE):
            found.append(rules.VALUE_UNKNOWN)
        if self.kind is Kind.NESTED:
            found.append(rules.TYPE_INVALID)
        if self.names_files:
            found.extend((rules.FILE_MISSING, rules.FILE_OUTSIDE))
        found.extend(self.checked_by)
        return tuple(dict.fromkeys(found))


def data(
    description: str,
    *,
    kind: Kind = Kind.TEXT,
    required: bool = False,
    non_blank: bool = False,
    choices: type[enum.Enum] | None = None,
    choice_rule: Rule = rules.VALUE_UNKNOWN,
    example: str | None = None,
    default: Any = None,
    shown_default: str | None = None,
    checked_by: tuple[Rule, ...] = (),
    translatable: bool = False,
    per_language: bool = False,
    record: type | None = None,
) -> Any:
    """A dataclass field described for readers, checks and the schema."""
    spec = FieldSpec(
        kind=Kind.CHOICE if choices is not None else kind,
        description=description,
        required=required,
        non_blank=non_blank,
        enum=choices,
        choice_rule=choice_rule,
        example=example,
        default=shown_default,
        checked_by=checked_by,
        translatable=translatable,
        per_language=per_language,
        record=record,
    )
    if isinstance(default, list | dict):
        return dataclasses.field(default_factory=type(default), metadata={"spec": spec})
    if required:
        return dataclasses.field(metadata={"spec": spec})
    return dataclasses.field(default=default, metadata={"spec": spec})


@cache
def translatable_specs(record: type) -> dict[str, FieldSpec]:
    """The keys a translation of the record may give, none of them required there."""
    return {key: dataclasses.replace(spec, required=False) for key, spec in specs(record).items() if spec.translatable}


@cache
def specs(record: type) -> dict[str, FieldSpec]:
    """A record's described fields by key, in the order the dataclass declares them."""
    return {
        item.name: dataclasses.replace(item.metadata["spec"], name=item.name)
        for item in dataclasses.fields(record)
        if "spec" in item.metadata
    }
