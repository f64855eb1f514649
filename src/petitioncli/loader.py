"""From a letter project on disk to one `Letter`, with every problem found on the way.

Loading never stops at the first problem: whatever can be read is read, so
that `petition check` reports everything in one pass. A problem that leaves a
part unreadable leaves that part empty in the model.
"""

from __future__ import annotations

import csv
import gc
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from . import markdown
from .diagnostics import Diagnostics, PetitionError, Pos
from .model import Body, Footnote, Letter, Recipient, Signatory, SignatoryOrder, Status
from .schema import NodeReader, did_you_mean
from .sources import PLAIN_TAGS, Node, ScalarNode, compose_yaml, read_text, split_lines

MANIFEST = "petition.yaml"

MANIFEST_KEYS = (
    "title",
    "slug",
    "place",
    "date",
    "language",
    "sender",
    "subject",
    "keywords",
    "recipient",
    "signatories_heading",
    "signatories_order",
    "body",
    "footnotes",
    "signatories",
    "recipients",
)
MANIFEST_REQUIRED = ("title", "place", "recipient")
FILE_DEFAULTS = {
    "body": "letter.md",
    "footnotes": "footnotes.yaml",
    "signatories": "signatories.yaml",
    "recipients": "recipients.yaml",
}
# A letter without notes needs no footnotes file, as long as the manifest names none.
OPTIONAL_FILES = ("footnotes",)
SIGNATORY_FIELDS = ("name", "location", "affiliation", "url", "country", "status")
SIGNATORY_SUFFIXES = (".yaml", ".yml", ".csv")
RECIPIENT_KEYS = ("name", "salutation", "address")
STATUSES = tuple(s.value for s in Status)
ORDERS = tuple(o.value for o in SignatoryOrder)
DEFAULT_LANGUAGE = "en-GB"
# Slugs and recipient ids become parts of output file names.
_FILE_NAME_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
# `--to all` means every recipient, so no recipient may be called that.
_RESERVED_IDS = ("all",)
# C0 controls other than tab and line breaks, and DEL: invisible in an editor,
# garbage in a letter. YAML's parser rejects them itself; Markdown and CSV do not.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(slots=True)
class LoadResult:
    letter: Letter
    diagnostics: Diagnostics
    # Every source text read, for noqa comments and for showing lines in messages.
    sources: dict[Path, str]
    # The files (by manifest key: body, footnotes, …) that could not be read at
    # all; rules that compare files skip them rather than report a consequence.
    unusable: frozenset[str] = frozenset()


def find_manifest(project: Path | None, cwd: Path | None = None) -> Path:
    """The manifest for a PROJECT argument: a folder, the manifest itself, or the defaults."""
    cwd = cwd or Path.cwd()
    if project is not None:
        candidate = project / MANIFEST if project.is_dir() else project
        if candidate.is_file():
            return candidate
        if project.is_dir():
            raise PetitionError(f"no {MANIFEST} in {project}: not a letter project")
        raise PetitionError(f"no letter project at {project}: no such file or folder")
    for candidate in (cwd / MANIFEST, cwd / "data" / MANIFEST):
        if candidate.is_file():
            return candidate.relative_to(cwd)
    raise PetitionError(
        f"no letter project found: looked for ./{MANIFEST} and ./data/{MANIFEST}; "
        "name a project folder, e.g. `petition check path/to/letter`"
    )


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug or "letter"


def load(manifest: Path) -> LoadResult:
    # Loading makes millions of small objects (YAML nodes, marks, signatories)
    # and no reference cycles, yet each batch of them sets off the cyclic
    # collector, which walks the whole growing heap again: two thirds of the
    # time for 100,000 signatories. Reference counting still frees everything.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _ProjectLoader(manifest).load()
    finally:
        if enabled:
            gc.enable()


class _ProjectLoader:
    def __init__(self, manifest: Path):
        self.manifest = manifest
        self.root = manifest.parent
        self.diags = Diagnostics()
        self.sources: dict[Path, str] = {}
        self.unusable: set[str] = set()

    def load(self) -> LoadResult:
        reader = NodeReader(self.manifest, self.diags)
        text = read_text(self.manifest, self.diags)
        if text is None and any(d.rule == "file-missing" for d in self.diags):
            raise PetitionError(f"cannot read {self.manifest}: no such file")
        if text is not None:
            self.sources[self.manifest] = text
        root_node = compose_yaml(text, self.manifest, self.diags) if text is not None else None
        entries = reader.mapping(root_node, "the manifest") if root_node is not None else None
        if entries is None:
            # Without a readable manifest the other files' names are unknown;
            # guessing the defaults would report files the project never named.
            self.unusable.update(FILE_DEFAULTS)
            letter = self._letter({}, reader, read_files=False)
            return LoadResult(letter, self.diags, self.sources, frozenset(self.unusable))
        reader.known_keys(
            entries, reader.pos(root_node), "the manifest", allowed=MANIFEST_KEYS, required=MANIFEST_REQUIRED
        )
        letter = self._letter(entries, reader)
        return LoadResult(letter, self.diags, self.sources, frozenset(self.unusable))

    def _letter(self, entries: dict[str, tuple[Node, Node]], reader: NodeReader, *, read_files: bool = True) -> Letter:
        def value(key: str) -> Node | None:
            return entries[key][1] if key in entries else None

        def text_of(key: str, *, required: bool = False) -> str | None:
            node = value(key)
            if node is None:
                return None
            return reader.required_text(node, f"'{key}'") if required else reader.text(node, f"'{key}'")

        order = None
        if (order_node := value("signatories_order")) is not None:
            order = reader.choice(order_node, "signatories_order", ORDERS, "value-unknown")
        slug = text_of("slug")
        if slug is not None and not _FILE_NAME_PART.fullmatch(slug):
            self._bad_name(reader.pos(value("slug")), "slug", slug)
            slug = None
        date_node = value("date")
        keywords_node = value("keywords")

        located: dict[str, tuple[Path, Pos, str] | None] = dict.fromkeys(FILE_DEFAULTS)
        for kind in FILE_DEFAULTS if read_files else ():
            node = value(kind)
            if kind in OPTIONAL_FILES and node is None and not os.path.lexists(self.root / FILE_DEFAULTS[kind]):
                continue
            located[kind] = self._project_file(reader, kind, node)
            if located[kind] is None:
                self.unusable.add(kind)
        body = self._load_body(located["body"])
        footnotes = self._load_footnotes(located["footnotes"])
        signatories = self._load_signatories(located["signatories"])
        recipients = self._load_recipients(located["recipients"])

        return Letter(
            root=self.root,
            manifest=self.manifest,
            slug=slug or slugify(self.root.resolve().name),
            title=text_of("title", required=True) or "",
            place=text_of("place", required=True) or "",
            language=text_of("language") or DEFAULT_LANGUAGE,
            recipient=text_of("recipient", required=True) or "",
            body=body,
            footnotes=footnotes,
            signatories=signatories,
            recipients=recipients,
            date=reader.date(date_node, "'date'") if date_node is not None else None,
            sender=text_of("sender"),
            subject=text_of("subject"),
            keywords=reader.text_list(keywords_node, "'keywords'") if keywords_node is not None else [],
            signatories_heading=text_of("signatories_heading"),
            signatories_order=SignatoryOrder(order) if order else SignatoryOrder.AS_LISTED,
            manifest_pos={key: reader.pos(node) for key, (_, node) in entries.items()},
        )

    def _bad_name(self, pos: Pos, what: str, name: str) -> None:
        if name in _RESERVED_IDS:
            reason = f"'{name}' is reserved: `--to {name}` means every recipient"
        else:
            reason = "use letters, digits, '.', '_' and '-', starting with a letter or digit"
        self.diags.error(pos, "id-invalid", f"{what} '{name}' becomes part of file names; {reason}")

    def _project_file(self, reader: NodeReader, kind: str, node: Node | None) -> tuple[Path, Pos, str] | None:
        """The file a manifest key names, with where it is named, if it stays inside the project."""
        name = FILE_DEFAULTS[kind]
        where = Pos(self.manifest)
        if node is not None:
            where = reader.pos(node)
            name = reader.required_text(node, f"'{kind}'")
            if name is None:
                return None
        if "\0" in name:
            self.diags.error(where, "file-missing", f"'{kind}' names no file: a file name cannot hold a NUL character")
            return None
        if kind == "signatories" and not name.lower().endswith(SIGNATORY_SUFFIXES):
            self.diags.error(where, "value-unknown", f"signatories file '{name}' must end in .yaml, .yml or .csv")
            return None
        path = self.root / name
        try:
            root = self.root.resolve()
            resolved = path.resolve()
        except (OSError, RuntimeError) as exc:  # RuntimeError: a symbolic link loop
            self.diags.error(where, "file-unreadable", f"cannot follow '{name}': {exc}")
            return None
        if not resolved.is_relative_to(root):
            written = Path(os.path.normpath(self.root.absolute() / name))
            via_link = written.is_relative_to(os.path.normpath(self.root.absolute()))
            self.diags.error(
                where,
                "file-outside",
                f"'{name}' is outside the project folder{' (through a symbolic link)' if via_link else ''}; "
                "a letter project may only use files inside its own folder",
            )
            return None
        return path, where, name

    def _read(self, located: tuple[Path, Pos, str] | None) -> tuple[Path, str] | None:
        if located is None:
            return None
        path, where, name = located
        text = read_text(path, self.diags, referenced_at=where, name=name)
        if text is None:
            return None
        self.sources[path] = text
        return path, text

    def _control_characters(self, path: Path, text: str) -> None:
        """The first control character of each line that has one."""
        if _CONTROL.search(text) is None:
            return
        for number, line in enumerate(split_lines(text), start=1):
            if match := _CONTROL.search(line):
                self.diags.error(
                    Pos(path, number, match.start() + 1),
                    "text-control",
                    f"invisible control character U+{ord(match.group()):04X}; delete it",
                )

    def _load_body(self, located: tuple[Path, Pos, str] | None) -> Body:
        read = self._read(located)
        if read is None:
            if located is not None:
                self.unusable.add("body")
            path = located[0] if located else self.root / FILE_DEFAULTS["body"]
            return Body(path, "", [])
        path, text = read
        self._control_characters(path, text)
        return Body(path, text, markdown.parse_block(text))

    def _yaml_root(self, kind: str, located: tuple[Path, Pos, str] | None) -> tuple[NodeReader, Node] | None:
        if located is None:
            return None
        read = self._read(located)
        node = compose_yaml(read[1], read[0], self.diags) if read is not None else None
        if node is None:
            self.unusable.add(kind)
            return None
        return NodeReader(read[0], self.diags), node

    def _yaml_mapping(
        self, kind: str, located: tuple[Path, Pos, str] | None, what: str
    ) -> tuple[NodeReader, dict[str, tuple[Node, Node]]] | None:
        """A YAML file whose top level maps ids to entries; None marks the file unusable."""
        loaded = self._yaml_root(kind, located)
        if loaded is None:
            return None
        reader, root = loaded
        entries = reader.mapping(root, what)
        if entries is None:
            self.unusable.add(kind)
            return None
        return reader, entries

    def _load_footnotes(self, located: tuple[Path, Pos, str] | None) -> dict[str, Footnote]:
        loaded = self._yaml_mapping("footnotes", located, "footnotes.yaml (footnote id to text)")
        if loaded is None:
            return {}
        reader, entries = loaded
        footnotes = {}
        for key, (key_node, value_node) in entries.items():
            # A footnote with a bad text is kept, empty: its references are
            # not "undefined", the problem is the text, reported here.
            text = reader.required_text(value_node, f"footnote '{key}'") or ""
            footnotes[key] = Footnote(key, text, markdown.parse_inline(text) if text else [], reader.pos(key_node))
        return footnotes

    def _load_recipients(self, located: tuple[Path, Pos, str] | None) -> dict[str, Recipient]:
        loaded = self._yaml_mapping("recipients", located, "recipients.yaml (recipient id to recipient)")
        if loaded is None:
            return {}
        reader, entries = loaded
        recipients = {}
        for rid, (key_node, node) in entries.items():
            what = f"recipient '{rid}'"
            pos = reader.pos(key_node)
            if not _FILE_NAME_PART.fullmatch(rid) or rid in _RESERVED_IDS:
                self._bad_name(pos, "recipient id", rid)
            fields = reader.mapping(node, what)
            if fields is None:
                # Kept, empty: `recipient: ID` in the manifest is not "unknown" for it.
                recipients[rid] = Recipient(rid, "", "", pos)
                continue
            reader.known_keys(fields, pos, what, allowed=RECIPIENT_KEYS, required=("name", "salutation"))
            name = reader.required_text(fields["name"][1], f"{what}: 'name'") if "name" in fields else None
            salutation = (
                reader.required_text(fields["salutation"][1], f"{what}: 'salutation'")
                if "salutation" in fields
                else None
            )
            address = reader.text_list(fields["address"][1], f"{what}: 'address'") if "address" in fields else []
            recipients[rid] = Recipient(rid, name or "", salutation or "", pos, address)
        return recipients

    def _load_signatories(self, located: tuple[Path, Pos, str] | None) -> list[Signatory]:
        if located is not None and located[0].suffix.lower() == ".csv":
            read = self._read(located)
            if read is None:
                self.unusable.add("signatories")
                return []
            return self._signatories_from_csv(*read)
        loaded = self._yaml_root("signatories", located)
        if loaded is None:
            return []
        reader, root = loaded
        items = reader.sequence(root, "signatories.yaml", "a list of signatories (entries starting with '- ')")
        if items is None:
            self.unusable.add("signatories")
            return []
        signatories = []
        for node in items:
            signatory = self._signatory_from_node(reader, node)
            if signatory is not None:
                signatories.append(signatory)
        return signatories

    def _signatory_from_node(self, reader: NodeReader, node: Node) -> Signatory | None:
        pos = reader.pos(node)
        if not reader.plain(node, "a signatory"):
            return None
        if isinstance(node, ScalarNode) and node.value:
            # `- Amnesty International` is a common slip for `- name: …`; say so.
            self.diags.error(pos, "type-invalid", f"a signatory must be a mapping such as 'name: {node.value}'")
            return None
        fields = reader.mapping(node, "a signatory")
        if fields is None:
            return None
        reader.known_keys(fields, pos, "a signatory", allowed=SIGNATORY_FIELDS, required=("name",))
        values: dict[str, str | None] = {}
        field_pos: dict[str, Pos] = {}
        for key, (_, value_node) in fields.items():
            if key not in SIGNATORY_FIELDS:
                continue
            field_pos[key] = reader.pos(value_node)
            if key == "status":
                values[key] = reader.choice(value_node, "status", STATUSES, "status-unknown")
            else:
                values[key] = reader.text(value_node, f"'{key}'")
        name_node = fields["name"][1] if "name" in fields else None
        # Only a name written as plain text can be empty; other shapes are already reported.
        name_is_text = isinstance(name_node, ScalarNode) and name_node.tag in PLAIN_TAGS
        if name_is_text and not (values.get("name") or "").strip():
            self.diags.error(field_pos["name"], "signatory-name-empty", "signatory name is empty")
        return _signatory(pos, values, field_pos)

    def _signatories_from_csv(self, path: Path, text: str) -> list[Signatory]:
        self._control_characters(path, text)
        lines = list(io.StringIO(text, newline=""))
        records = self._csv_records(path, lines)
        start, _, header = next(records, (0, 0, []))
        if start != 1:
            return []  # the first line is malformed, and reported
        if not any(cell.strip() for cell in header):
            self.diags.error(
                Pos(path), "csv-header", "the first line must be a header row naming the columns, e.g. name,location"
            )
            return []
        header_starts = _cell_starts(lines[0], header, 1)
        columns: dict[str, int] = {}
        for index, raw in enumerate(header):
            column = raw.strip()
            where = Pos(path, *header_starts[index])
            if not column:
                self.diags.error(where, "csv-header", f"column {index + 1} of the header has no name")
            elif column in columns:
                self.diags.error(where, "csv-header", f"column '{column}' appears twice in the header")
            elif column not in SIGNATORY_FIELDS:
                self.diags.error(
                    where, "csv-header", f"unknown column '{column}'{did_you_mean(column, SIGNATORY_FIELDS)}"
                )
            else:
                columns[column] = index
        if "name" not in columns:
            self.diags.error(Pos(path), "csv-header", "the header lacks the required column 'name'")
            return []
        known = list(columns.items())
        width = len(header)
        signatories = []
        for start, end, row in records:
            if not any(cell.strip() for cell in row):
                continue
            raw = lines[start - 1] if start == end else "".join(lines[start - 1 : end])
            starts = _cell_starts(raw, row, start)
            if len(row) > width:
                line, column = starts[width]
                self.diags.error(
                    Pos(path, line, column),
                    "csv-row",
                    f"row has {len(row)} cells but the header names {width} columns",
                )
            values: dict[str, str | None] = {}
            field_pos: dict[str, Pos] = {}
            for column, index in known:
                if index < len(row):
                    values[column] = row[index] or None
                    field_pos[column] = Pos(path, *starts[index])
            pos = Pos(path, start, 1)
            if not (values.get("name") or "").strip():
                self.diags.error(field_pos.get("name", pos), "signatory-name-empty", "signatory name is empty")
            status = values.get("status")
            if status is not None and status not in STATUSES:
                hint = did_you_mean(status, STATUSES) or "; expected " + " | ".join(STATUSES)
                self.diags.error(field_pos["status"], "status-unknown", f"unknown status '{status}'{hint}")
                values["status"] = None
            signatories.append(_signatory(pos, values, field_pos))
        return signatories

    def _csv_records(self, path: Path, lines: list[str]) -> Iterator[tuple[int, int, list[str]]]:
        """(first line, last line, cells) of each record; a malformed record is reported and skipped.

        Strict parsing, because the lenient default silently turns
        `"Amnesty" International` into `Amnesty International`.
        """
        rows = csv.reader(lines, strict=True)
        end = 0
        while True:
            start = end + 1
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                reason = "a quote is never closed" if "end of data" in str(exc) else str(exc)
                self.diags.error(Pos(path, start, 1), "csv-syntax", f"CSV syntax error in this row: {reason}")
                if rows.line_num <= end:
                    return  # no progress: the reader is stuck at the end
                end = rows.line_num
                continue
            end = rows.line_num
            yield start, end, row


def _signatory(pos: Pos, values: dict[str, str | None], field_pos: dict[str, Pos]) -> Signatory:
    status = values.get("status")
    return Signatory(
        name=values.get("name") or "",
        pos=pos,
        location=values.get("location") or None,
        affiliation=values.get("affiliation") or None,
        url=values.get("url") or None,
        country=values.get("country") or None,
        status=Status(status) if status else Status.CONFIRMED,
        field_pos=field_pos,
    )


def _cell_starts(raw: str, cells: list[str], line: int) -> list[tuple[int, int]]:
    """(line, column) where each cell of a CSV record starts.

    Without quotes (and so on one line) a cell is exactly its text plus a
    comma: the common case, and it costs nothing; otherwise the record is scanned.
    """
    if '"' not in raw:
        starts, column = [], 1
        for cell in cells:
            starts.append((line, column))
            column += len(cell) + 1
        return starts
    starts = [(line, 1)]
    column, quoted = 1, False
    index, length = 0, len(raw)
    while index < length and len(starts) < len(cells):
        char = raw[index]
        if char == '"':
            quoted = not quoted
        elif char == "," and not quoted:
            starts.append((line, column + 1))
        elif char in "\r\n":
            if char == "\r" and raw.startswith("\n", index + 1):
                index += 1
            line, column = line + 1, 0
        index += 1
        column += 1
    while len(starts) < len(cells):
        starts.append(starts[-1])
    return starts
