"""JSON Schemas (draft 2020-12) for a project's YAML files, made from the field descriptions of the `model` package.

Editors validate and explain a letter's YAML files as they are typed with
these schemas; the loader validates with the same `FieldSpec`s, so a key,
its type, its choices, whether it is required and its description have one
home. The schemas accept what the loader accepts: it reads every scalar as
written, so `name: 1999` is text to it, while an editor reads a number (and
in YAML 1.1 `country: NO` a boolean); the schemas allow those scalars where
text belongs. What only the content checks can judge (a country code, a
URL, a language tag) is left to `petition check`.

Only keywords that draft-07 also knows are used, so editors that implement
draft-07 alone validate with the same result.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from .fields import FieldSpec, Kind, specs, translatable_specs
from .model import Manifest, Recipient, Signatory
from .output import write_outputs

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# What an editor reads from a scalar the loader takes as text.
_SCALAR = ["string", "number", "boolean"]
# Not blank: a string needs a character other than white space.
_NOT_BLANK = r"\S"
# The loader strips a date before matching it.
_DATE = r"^\s*([0-9]{4}-[0-9]{2}-[0-9]{2}|none)\s*$"


def value_schema(spec: FieldSpec, record: type | None = None) -> dict[str, Any]:
    """The schema of one key's value, as the loader reads it (`record`: the record the key belongs to)."""
    if spec.kind is Kind.TRANSLATIONS and record is not None:
        return {
            "description": spec.description,
            "type": ["object", "null"],
            "additionalProperties": {
                "type": "object",
                "description": "One translation: the keys of the original it gives in its own language.",
                "properties": {key: _translated_schema(inner) for key, inner in translatable_specs(record).items()},
                "additionalProperties": False,
            },
        }
    if spec.per_language:
        one = value_schema(replace(spec, per_language=False))
        description = one.pop("description")
        by_language = {"type": "object", "description": "By language tag.", "additionalProperties": one}
        return {"description": description, "anyOf": [one, by_language]}
    # A blank or null value is an error when the key is required, when it names
    # a file, or when it must not be blank; elsewhere null means "not given".
    must_hold_text = spec.required or spec.non_blank or spec.names_files
    schema: dict[str, Any] = {"description": spec.description}
    if spec.kind is Kind.PATH_OR_RECORDS:
        assert spec.record is not None
        one_file = {"type": _SCALAR, "pattern": _NOT_BLANK}
        groups = {"type": "array", "minItems": 1, "items": record_schema(spec.record, spec.record.__doc__ or "")}
        schema["anyOf"] = [one_file, groups]
    elif spec.kind is Kind.RECORDS:
        assert spec.record is not None
        schema["type"] = ["array", "null"]
        schema["items"] = record_schema(spec.record, spec.record.__doc__ or "")
    elif spec.kind is Kind.FLAG:
        schema["type"] = ["boolean", "null"]
    elif spec.kind is Kind.CHOICE:
        schema["enum"] = [*spec.choices, None]
    elif spec.kind is Kind.DATE:
        schema["type"] = ["string", "null"]
        schema["pattern"] = _DATE
    elif spec.kind is Kind.NESTED:
        assert spec.record is not None
        schema.update(record_schema(spec.record, spec.description))
        schema["type"] = ["object", "null"]
    elif spec.kind is Kind.RULE_IDS_BY_FILE:
        ids = {"type": [*_SCALAR, "null"]}
        schema["type"] = ["object", "null"]
        schema["additionalProperties"] = {"anyOf": [ids, {"type": "array", "items": ids}]}
    elif spec.kind in (Kind.LINES, Kind.RULE_IDS, Kind.NOQA):
        # One line may be given as a single value; null items are skipped.
        line = {"type": [*_SCALAR, "null"]}
        schema["anyOf"] = [line, {"type": "array", "items": line}]
    else:
        schema["type"] = _SCALAR if must_hold_text else [*_SCALAR, "null"]
        if must_hold_text:
            schema["pattern"] = _NOT_BLANK
    if spec.default is not None:
        schema["default"] = spec.default
    if spec.example is not None:
        # A list's example is written as YAML (`[IAP, prosecutors]`); the base
        # loader reads it as a list of texts, as an editor shows it.
        written_as_yaml = spec.kind in (Kind.LINES, Kind.RULE_IDS, Kind.RULE_IDS_BY_FILE, Kind.NESTED)
        example = yaml.load(spec.example, Loader=yaml.BaseLoader) if written_as_yaml else spec.example
        schema["examples"] = [example]
    return schema


def _translated_schema(spec: FieldSpec) -> dict[str, Any]:
    """A translatable key as a translation gives it: groups as a list of their translatable keys, in order."""
    if spec.kind is not Kind.PATH_OR_RECORDS or spec.record is None:
        return value_schema(spec)
    keys = translatable_specs(spec.record)
    entry = {
        "type": "object",
        "description": "The translation of the original's group in the same place.",
        "properties": {key: value_schema(inner) for key, inner in keys.items()},
        "additionalProperties": False,
    }
    description = "One entry for each of the original's groups, in their order, with its heading in this language."
    return {"description": description, "type": "array", "items": entry}


def record_schema(record: type, description: str) -> dict[str, Any]:
    """A mapping holding a record's keys and no other."""
    fields = specs(record)
    return {
        "type": "object",
        "description": description,
        "properties": {key: value_schema(spec, record) for key, spec in fields.items()},
        "required": [key for key, spec in fields.items() if spec.required],
        "additionalProperties": False,
    }


def _document(title: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"$schema": DIALECT, "title": title, **body}


def manifest_schema() -> dict[str, Any]:
    return _document(
        "petition.yaml",
        record_schema(
            Manifest,
            "The manifest of a letter project: the letter's title, place, date and language, "
            "its default recipient, and the files it is made of.",
        ),
    )


def signatories_schema() -> dict[str, Any]:
    return _document(
        "signatories.yaml",
        {
            "type": "array",
            "description": "The organisations and people who signed, one entry each, in the order they are printed.",
            "items": record_schema(Signatory, "One signatory."),
        },
    )


def recipients_schema() -> dict[str, Any]:
    return _document(
        "recipients.yaml",
        {
            "type": "object",
            "description": "The bodies the letter can be addressed to, by id; the id becomes part of file names.",
            "additionalProperties": record_schema(Recipient, "One recipient."),
        },
    )


def footnotes_schema() -> dict[str, Any]:
    return _document(
        "footnotes.yaml",
        {
            "type": "object",
            "description": "Footnote id to text; the letter calls a note with [^id].",
            "additionalProperties": {
                "description": "The footnote's text, in inline Markdown: emphasis, links and <https://…> addresses.",
                "type": _SCALAR,
                "pattern": _NOT_BLANK,
            },
        },
    )


# The project's YAML files by the manifest key that names them ("" for the
# manifest itself), each with the stem of its schema's file name.
SCHEMAS: dict[str, tuple[str, Callable[[], dict[str, Any]]]] = {
    "": ("petition", manifest_schema),
    "footnotes": ("footnotes", footnotes_schema),
    "signatories": ("signatories", signatories_schema),
    "recipients": ("recipients", recipients_schema),
}


def schema_file_name(key: str) -> str:
    """The schema file for the YAML file a manifest key names ("" for the manifest)."""
    return f"{SCHEMAS[key][0]}.schema.json"


def schema_texts() -> dict[str, str]:
    """Each schema file's name and text, as `petition schema` writes them."""
    return {
        schema_file_name(key): json.dumps(make(), indent=2, ensure_ascii=False) + "\n"
        for key, (_, make) in SCHEMAS.items()
    }


def write_schemas(folder: Path) -> list[Path]:
    """Writes the four schemas, all or none."""
    files = [(folder / name, text.encode("utf-8")) for name, text in schema_texts().items()]
    write_outputs(files)
    return [path for path, _ in files]
