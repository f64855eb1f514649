"""The commented files `petition init` writes: package templates, each key explained from its `FieldSpec`.

The templates (`project_template/`) hold the prose and the values a new
letter starts with; what each key means, its example, its default and the
rules `petition check` reports about it come from the `model` package, so a key added
there is explained in every new project without touching a template.
"""

from __future__ import annotations

import os
import textwrap
import unicodedata
from pathlib import PurePosixPath
from typing import Any

import yaml

from ..diagnostics import PetitionError
from ..fields import FieldSpec, Kind, specs
from ..model import Manifest, Recipient, Signatory
from ..schema import SCHEMAS, schema_file_name

TEMPLATES = PurePosixPath("project_template")
SCHEMA_FOLDER = "schemas"
WIDTH = 79
# Line breaks and control characters would not survive as one line of YAML;
# a lone surrogate (from undecodable command-line bytes) cannot be written as UTF-8.
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def yaml_scalar(text: str) -> str:
    """`text` as a YAML value on one line: plain when YAML reads it back unchanged, else quoted."""
    dumped = yaml.safe_dump(text, allow_unicode=True, width=2**31)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def refuse_unless_one_line(option: str, text: str) -> None:
    """Refuses an option's text that cannot be a one-line YAML value."""
    if any(unicodedata.category(char) in _REFUSED_CATEGORIES for char in text):
        raise PetitionError(f"{option} must be one line of text, without control characters")


def modeline(file: str, key: str) -> str:
    """The comment that tells a YAML editor which schema `file` (relative to the project) follows."""
    schema = os.path.relpath(PurePosixPath(SCHEMA_FOLDER, schema_file_name(key)), PurePosixPath(file).parent)
    return f"# yaml-language-server: $schema={PurePosixPath(schema)}"


def _value(spec: FieldSpec, text: str) -> str:
    # A list's example is written as YAML already (`[IAP, prosecutors]`); a
    # date reads best unquoted, and the loader takes it as written.
    # So is a flag's and a translation's: uncommented, each must read as what it shows.
    return (
        text if spec.kind in (Kind.LINES, Kind.DATE, Kind.FLAG, Kind.NESTED, Kind.TRANSLATIONS) else yaml_scalar(text)
    )


def _facts(spec: FieldSpec, shown: str | None) -> list[str]:
    facts = ["Required." if spec.required else ""]
    if spec.choices:
        facts.append(f"One of: {', '.join(spec.choices)}.")
    if spec.default is not None and spec.default != shown:
        facts.append(f"Default: {spec.default}.")
    if spec.example is not None and spec.example != shown:
        facts.append(f"Example: {spec.example}")
    if spec.translatable:
        facts.append("Translatable: each translation gives its own under `translations`.")
    return [fact for fact in facts if fact]


def _check(spec: FieldSpec) -> str:
    return "check: " + ", ".join(rule.id for rule in spec.reported_under) if spec.reported_under else ""


def _comment(text: str, indent: str, first: str = "", hanging: str = "") -> list[str]:
    lines = textwrap.wrap(
        text, WIDTH - len(indent) - 2, initial_indent=first, subsequent_indent=hanging, break_on_hyphens=False
    )
    return [f"{indent}# {line}" for line in lines]


def fields(record: type, indent: str = "", **values: str) -> str:
    """Every key of a record, each under comments that explain it.

    Keys given a value are written; a required key without one gets its
    example; the others are commented out, showing their default or example.
    """
    blocks = []
    for key, spec in specs(record).items():
        shown = values.get(key)
        if shown is None and spec.required:
            shown = spec.example or ""
        if shown is not None:
            line = f"{indent}{key}: {_value(spec, shown)}"
        else:
            shown = spec.default or spec.example
            line = f"{indent}# {key}: {_value(spec, shown)}" if shown is not None else f"{indent}# {key}:"
        lines = _comment(" ".join([spec.description, *_facts(spec, shown)]), indent)
        if check := _check(spec):
            lines.extend(_comment(check, indent))
        blocks.append("\n".join([*lines, line]))
    return "\n\n".join(blocks)


def keys(record: type) -> str:
    """A record's keys as one comment each, for files that list records (signatories)."""
    lines = []
    for key, spec in specs(record).items():
        lines.extend(_comment(" ".join([f"{key}: {spec.description}", *_facts(spec, None)]), "", hanging="    "))
        if check := _check(spec):
            lines.extend(_comment(check, "", first="    ", hanging="    "))
    return "\n".join(lines)


def render(template: str, file: str, key: str, **context: Any) -> str:
    """A project file from its template; `file` is where it goes, `key` the manifest key naming it."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    environment = Environment(
        loader=PackageLoader("petitioncli", str(TEMPLATES)),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        autoescape=False,
    )
    return environment.get_template(template).render(
        modeline=modeline(file, key) if key in SCHEMAS else "",
        fields=fields,
        keys=keys,
        Manifest=Manifest,
        Recipient=Recipient,
        Signatory=Signatory,
        **context,
    )
