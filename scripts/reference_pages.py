"""Reference pages made from the code: the commands (the Typer app), the files and keys (the field
descriptions that the schemas and `petition init` use too) and the limits (limits.py)."""

from __future__ import annotations

from typing import Any

import typer

from petitioncli import limits
from petitioncli.cli import app
from petitioncli.fields import FieldSpec, Kind, specs, translatable_specs
from petitioncli.model import Manifest, Recipient, Signatory

# Below each page's title, which MkDocs names the page in the navigation after.
NOTICE = "<!-- Written by `make docs-gen` from {source}: do not edit. -->"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# --- the commands ------------------------------------------------------------


# Typer carries its own copy of Click, so its commands and parameters are
# told apart by what they have rather than by Click's classes.
Command = Any
Param = Any


def _context(command: Command, name: str) -> Any:
    return command.context_class(command, info_name=name)


def _option_names(param: Param) -> str:
    if param.param_type_name == "argument":
        return f"`{param.human_readable_name.upper()}`"
    return ", ".join(f"`{name}`" for name in [*param.opts, *param.secondary_opts])


def _value(param: Param) -> str:
    if getattr(param, "is_flag", False):
        return ""
    choices = getattr(param.type, "choices", None)
    if choices:
        shown = "|".join(str(getattr(choice, "value", choice)) for choice in choices)
    else:
        shown = {"int": "N", "integer": "N", "str": "TEXT", "text": "TEXT"}.get(
            param.type.name, param.type.name.upper()
        )
    if param.multiple:
        shown += ", repeatable"
    return shown


def _default(param: Param) -> str:
    default = param.default
    if default is None or default is False or default == () or default == []:
        return ""
    if isinstance(default, list | tuple):
        return ", ".join(str(item) for item in default)
    return str(getattr(default, "value", default))


def _params_table(command: Command) -> list[str]:
    rows = []
    for param in command.params:
        if getattr(param, "hidden", False) or param.name in ("help",):
            continue
        help_text = getattr(param, "help", None) or ""
        required = " Required." if param.required else ""
        default = _default(param)
        shown_default = f" Default: `{default}`." if default and "Default:" not in help_text else ""
        rows.append(
            f"| {_option_names(param)} | {_cell(_value(param))} | {_cell(help_text)}{required}{shown_default} |"
        )
    if not rows:
        return []
    return ["| argument or option | value | meaning |", "| --- | --- | --- |", *rows, ""]


def _command_section(path: list[str], command: Command, level: int) -> list[str]:
    context = _context(command, " ".join(path))
    usage = " ".join(["petition", *path[1:], *command.collect_usage_pieces(context)])
    lines = [f"{'#' * level} `{' '.join(['petition', *path[1:]])}`", ""]
    if command.help:
        lines += [command.help.strip().replace("\n\n", "\n\n"), ""]
    lines += [f"```text\n{usage}\n```", ""]
    lines += _params_table(command)
    if command.epilog:
        lines += [_cell(command.epilog), ""]
    if hasattr(command, "list_commands"):
        for name in command.list_commands(context):
            sub = command.get_command(context, name)
            if sub is not None and not sub.hidden:
                lines += _command_section([*path, name], sub, level + 1)
    return lines


def cli_page() -> str:
    root = typer.main.get_command(app)
    context = _context(root, "petition")
    lines = [
        "# Commands",
        "",
        NOTICE.format(source="the Typer application, src/petitioncli/cli/"),
        "",
        "Every command and option of `petition`, with the help `--help` prints. Every command exits 0 on",
        "success, 1 when the letter has errors (or warnings under `--strict`) and 2 on a usage error or a file",
        "that cannot be read. `PROJECT` is a folder holding `petition.yaml`, or a manifest under any name; left",
        "out, it is `./petition.yaml`, else `./data/petition.yaml`.",
        "",
        "## `petition`",
        "",
        (root.help or "").strip(),
        "",
    ]
    lines += _params_table(root)
    for name in root.list_commands(context):
        command = root.get_command(context, name)
        if command is not None and not command.hidden:
            lines += _command_section(["petition", name], command, 2)
    return "\n".join(lines).rstrip() + "\n"


# --- the files and keys ------------------------------------------------------


def _rule_links(spec: FieldSpec) -> str:
    return ", ".join(f"[`{rule.id}`](../rules/{rule.id}.md)" for rule in spec.reported_under)


KINDS = {
    Kind.TEXT: "text",
    Kind.LINES: "text, or a list of lines",
    Kind.DATE: "date, `YYYY-MM-DD`",
    Kind.PATH: "a file in the project",
    Kind.TRANSLATIONS: "language tag → keys",
    Kind.RULE_IDS: "rule ids",
    Kind.FLAG: "`true` \\| `false`",
    Kind.PATH_OR_RECORDS: "a file in the project, or a list of entries (below)",
    Kind.RECORDS: "a list of entries (below)",
}


def _kind(spec: FieldSpec) -> str:
    if spec.choices:
        return " \\| ".join(f"`{choice}`" for choice in spec.choices)
    # A kind added since this page was written is named as the code names it.
    shown = KINDS.get(spec.kind, spec.kind.value)
    return f"{shown}, or language tag → {shown}" if spec.per_language else shown


def _facts(spec: FieldSpec) -> str:
    facts = []
    if spec.required:
        facts.append("**Required.**")
    if spec.default is not None:
        facts.append(f"Default: `{spec.default}`.")
    if spec.example is not None:
        facts.append(f"Example: `{spec.example}`.")
    if spec.translatable:
        facts.append("A translation may give it.")
    return " ".join(facts)


def _keys_table(record: type) -> list[str]:
    """The record's keys, then the keys of each record nested in it (a group, a link)."""
    lines = ["| key | value | meaning | `check` reports |", "| --- | --- | --- | --- |"]
    nested = []
    for key, spec in specs(record).items():
        meaning = _cell(f"{spec.description} {_facts(spec)}".strip())
        lines.append(f"| `{key}` | {_kind(spec)} | {meaning} | {_rule_links(spec)} |")
        if spec.record is not None:
            intro = _cell(spec.record.__doc__ or "")
            nested += [f"### Each entry of `{key}`", "", intro, "", *_keys_table(spec.record)]
    return [*lines, "", *nested]


def files_page() -> str:
    lines = [
        "# Files and keys",
        "",
        NOTICE.format(source="the field descriptions of src/petitioncli/model/"),
        "",
        "Every key of every file of a letter project. The same descriptions make the JSON Schemas",
        "(`petition schema`), the comments in the files `petition init` writes, and the loader's checks, so",
        "they cannot disagree. A key not listed here is an error (`key-unknown`); values are read as written",
        "(`name: 1999` is text, `country: NO` is Norway). [The letter project](project.md) explains how the",
        "files fit together.",
        "",
        "## `petition.yaml`",
        "",
        "The manifest: the letter's own values and the files it is made of. Paths are relative to it and stay",
        "inside the project's folder.",
        "",
        *_keys_table(Manifest),
        "### A translation",
        "",
        "Under `translations:`, by BCP 47 language tag: the keys a translated edition prints in its own",
        "language instead of the original's.",
        "",
        "| key | value | meaning |",
        "| --- | --- | --- |",
        *(
            f"| `{key}` | {_kind(spec)} | {_cell(spec.description)} |"
            for key, spec in translatable_specs(Manifest).items()
        ),
        "",
        "## `signatories.yaml` or `signatories.csv`",
        "",
        "A list, one entry a signatory; in CSV, the same keys are the columns of the header row (UTF-8, with",
        "or without a byte-order mark; commas, semicolons or tabs).",
        "",
        *_keys_table(Signatory),
        "## `recipients.yaml`",
        "",
        "The bodies the letter can be addressed to, by id (letters, digits, `.`, `_`, `-`); the id becomes",
        "part of the file names.",
        "",
        *_keys_table(Recipient),
        "## `footnotes.yaml`",
        "",
        "Footnote id to the note's text, in inline Markdown (emphasis, links, `<https://…>`). The letter",
        "calls a note with `[^id]`; notes are numbered in the order they are first called.",
        "",
        "## `letter.md`",
        "",
        "The text between the salutation and the signatories, in CommonMark with GitHub's tables and",
        "footnote calls `[^id]`. Raw HTML is left out of every output (`html-raw`).",
    ]
    return "\n".join(lines).rstrip() + "\n"


# --- the limits ---------------------------------------------------------------


def limits_page() -> str:
    lines = [
        "# Limits",
        "",
        NOTICE.format(source="src/petitioncli/limits.py"),
        "",
        "A letter is data from many hands, and a few bytes can ask for minutes or gigabytes: 20 KB of",
        "brackets, an image used a hundred times, an SVG whose `<use>` elements repeat one another. `petition`",
        "reads every input in time and memory in proportion to its size, and refuses what would still be too",
        "much against one of these limits, each far above any real letter (the IAP letter's text is 3 KB;",
        "100,000 signatories are a 10 MB YAML file). `check` finds every one of them, so `build` never meets",
        "one after a clean check.",
        "",
        "| limit on | value | reported as |",
        "| --- | --- | --- |",
        *(
            f"| {limit.what} | {limit.shown} | [`{limit.rule.id}`](../rules/{limit.rule.id}.md) |"
            for limit in limits.all_limits()
        ),
        "",
        "A file over its limit is not read at all: sizes are looked at first, those of all the files the",
        "manifest names together before any is read, and `check` ends with exit code 2, as for a file that",
        "cannot be read. Every other limit is an error (exit code 1) at the place that goes beyond it, and",
        "`build` writes nothing. Each image is read once by `check`, however many editions show it. How many",
        "signatories, recipients and translations a letter has is bounded only by the size of their files,",
        "and they are read in linear time.",
    ]
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    return {
        "reference/commands.md": cli_page(),
        "reference/files.md": files_page(),
        "reference/limits.md": limits_page(),
    }
