"""`petition init --from`: the next edition of a letter, planned from the project it follows.

What a new edition keeps and what it resets:
- the text, the footnotes, the recipients, the images the text shows and
  any other file the manifest names are copied byte for byte;
- the manifest is copied with `date` removed (the new edition is dated when
  it is built, or when a date is set again) and `slug` removed (output files
  are then named after the new project's folder, not last edition's slug),
  and `title` and `language` replaced when --title and --language are given;
  every other key, comment and blank line stays as it was;
- the signatories file keeps its name and format and holds no signatory: a
  CSV file keeps its header row, a YAML file becomes the commented template.
"""

from __future__ import annotations

import csv
import io
import os
import re
from pathlib import Path, PurePosixPath

from .. import markdown, paths
from ..build import validate
from ..diagnostics import Diagnostics, PetitionError
from ..fields import specs
from ..loader import MANIFEST
from ..loader.files import MappingNode, compose_yaml
from ..loader.project import OPTIONAL_FILES
from ..model import Letter, Manifest
from . import template
from .writing import IN_THE_WAY

RESET_KEYS = ("date", "slug")
_BOM = "\ufeff"
# Line breaks as libyaml counts them, kept so that the copy keeps the source's.
_LINE_BREAK = re.compile("(\r\n|[\r\n\x85\u2028\u2029])")


def next_edition(manifest: Path, *, title: str | None, language: str | None) -> dict[PurePosixPath, bytes]:
    result = validate(manifest)
    errors = result.diagnostics.errors
    if errors:
        raise PetitionError(
            f"{manifest.parent} has {len(errors)} error{'s' if len(errors) != 1 else ''}; "
            f"`petition check {manifest.parent}` lists them, and a new edition starts from a letter that checks",
            IN_THE_WAY,
        )
    letter = result.letter
    plan: dict[PurePosixPath, bytes] = {}
    replace = {key: value for key, value in (("title", title), ("language", language)) if value is not None}
    plan[PurePosixPath(MANIFEST)] = _manifest(manifest, replace)
    for key, name in _named_files(letter):
        source = letter.root / name
        target = _inside_name(name)
        if key == "signatories":
            plan[target] = _no_signatories(source, target)
        else:
            plan[target] = source.read_bytes()
    for name in _images(letter):
        plan[_inside_name(name)] = (letter.root / name).read_bytes()
    return plan


def _named_files(letter: Letter) -> list[tuple[str, str]]:
    """(manifest key, file name as written) of every file the manifest names, or names by default."""
    named = []
    for key, spec in specs(Manifest).items():
        value = getattr(letter.manifest, key)
        if not spec.names_files or not value:
            continue
        # Signatory groups name a file each, and may share one.
        for name in dict.fromkeys(group.file for group in value) if isinstance(value, list) else [value]:
            if key in OPTIONAL_FILES and key not in letter.manifest.field_pos and not (letter.root / name).exists():
                continue
            named.append((key, name))
    # A translation's files are the next edition's as much as the original's.
    for translation in letter.manifest.translations.values():
        for key in ("body", "footnotes", "epigraph", "postscript"):
            if isinstance(name := translation.values.get(key), str) and name:
                named.append((key, name))
    return named


def _images(letter: Letter) -> list[str]:
    """The project's images that the text shows, which a copy of the text needs beside it."""
    found = []
    bodies = [letter.body.document.blocks, *(texts.body.document.blocks for texts in letter.translations.values())]
    for container in (c for blocks in bodies for c in markdown.inline_containers(blocks)):
        for node in markdown.walk_inlines(container.children):
            if isinstance(node, markdown.Image) and (name := markdown.project_relative_path(node.src)):
                path = letter.root / name
                if paths.inside(letter.root, path) and path.is_file():
                    found.append(name)
    return found


def _inside_name(name: str) -> PurePosixPath:
    """A file name from the source manifest, as a path inside the new project."""
    normal = PurePosixPath(os.path.normpath(name).replace(os.sep, "/"))
    if normal.is_absolute() or ".." in normal.parts:
        # The loader refused such a name already; this guards the new folder all the same.
        raise PetitionError(f"'{name}' is outside the project folder")
    return normal


def _decoded(data: bytes) -> tuple[str, str]:
    """A UTF-8 file's byte-order mark, if it has one, and its text, so that a copy keeps both."""
    bom = _BOM if data.startswith(_BOM.encode("utf-8")) else ""
    return bom, data.decode("utf-8-sig")


def _no_signatories(source: Path, target: PurePosixPath) -> bytes:
    if target.suffix.lower() != ".csv":
        return template.render("signatories.yaml", str(target), "signatories", first_signatory=False).encode("utf-8")
    bom, text = _decoded(source.read_bytes())
    lines = list(io.StringIO(text, newline=""))
    reader = csv.reader(lines)
    next(reader)
    return (bom + "".join(lines[: reader.line_num])).encode("utf-8")


def _manifest(manifest: Path, replace: dict[str, str]) -> bytes:
    """The source manifest with the reset keys removed and the replaced values written, all else as it was."""
    replace = dict(replace)
    bom, text = _decoded(manifest.read_bytes())
    root = compose_yaml(text, manifest, Diagnostics())
    if not isinstance(root, MappingNode) or root.flow_style:
        raise PetitionError(
            f"--from needs {manifest.name} written with one key a line, not as a {{…}} mapping", IN_THE_WAY
        )
    parts = _LINE_BREAK.split(text)
    # Each line with the break that ends it, as libyaml numbers them.
    lines = [line + end for line, end in zip(parts[0::2], [*parts[1::2], ""], strict=True)]
    has_modeline = any(line.startswith("# yaml-language-server:") for line in lines)
    for key_node, value_node in root.value:
        key = key_node.value
        if key not in RESET_KEYS and key not in replace:
            continue
        first, end = key_node.start_mark.line, value_node.end_mark
        # A block scalar ends at the start of the line after it.
        last = end.line - 1 if end.column == 0 and end.line > first else end.line
        line_break = lines[last][len(lines[last].rstrip("\r\n\x85\u2028\u2029")) :] or "\n"
        for index in range(first, last + 1):
            lines[index] = ""
        if key in replace:
            indent = " " * key_node.start_mark.column
            lines[first] = f"{indent}{key}: {template.yaml_scalar(replace.pop(key))}{line_break}"
    result = "".join(lines)
    for key, value in replace.items():  # keys the source left to their defaults
        if result and not _LINE_BREAK.match(result[-1]):
            result += "\n"
        result += f"{key}: {template.yaml_scalar(value)}\n"
    if not has_modeline:
        result = template.modeline(MANIFEST, "") + "\n" + result
    return (bom + result).encode("utf-8")
