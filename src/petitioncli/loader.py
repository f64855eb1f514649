"""From a letter project on disk to one `Letter`, with every problem found on the way.

Loading never stops at the first problem: whatever can be read is read, so
that `petition check` reports everything in one pass. A problem that leaves a
part unreadable leaves that part empty in the model.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from . import markdown
from .diagnostics import Diagnostics, PetitionError, Pos
from .model import Body, Footnote, Letter, Recipient, Signatory, SignatoryOrder, Status
from .schema import NodeReader
from .sources import MappingNode, Node, ScalarNode, SequenceNode, compose_yaml, read_text

MANIFEST = "petition.yaml"

MANIFEST_KEYS = (
    "title", "slug", "place", "date", "language", "sender", "subject", "keywords",
    "recipient", "signatories_heading", "signatories_order",
    "body", "footnotes", "signatories", "recipients",
)
MANIFEST_REQUIRED = ("title", "place", "recipient")
FILE_DEFAULTS = {
    "body": "letter.md",
    "footnotes": "footnotes.yaml",
    "signatories": "signatories.yaml",
    "recipients": "recipients.yaml",
}
SIGNATORY_FIELDS = ("name", "location", "affiliation", "url", "country", "status")
RECIPIENT_KEYS = ("name", "salutation", "address")
STATUSES = tuple(s.value for s in Status)
ORDERS = tuple(o.value for o in SignatoryOrder)
DEFAULT_LANGUAGE = "en-GB"


@dataclass(slots=True)
class LoadResult:
    letter: Letter
    diagnostics: Diagnostics
    # Every source text read, for `# noqa` comments and for showing lines in messages.
    sources: dict[Path, str]


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
    return _ProjectLoader(manifest).load()


class _ProjectLoader:
    def __init__(self, manifest: Path):
        self.manifest = manifest
        self.root = manifest.parent
        self.diags = Diagnostics()
        self.sources: dict[Path, str] = {}

    def load(self) -> LoadResult:
        reader = NodeReader(self.manifest, self.diags)
        text = read_text(self.manifest, self.diags)
        if text is not None:
            self.sources[self.manifest] = text
        if text is None and any(d.rule == "file-missing" for d in self.diags):
            raise PetitionError(f"cannot read {self.manifest}: no such file")
        root_node = compose_yaml(text, self.manifest, self.diags) if text else None
        entries = reader.mapping(root_node, "the manifest") if root_node is not None else None
        entries = entries or {}
        if root_node is not None and isinstance(root_node, MappingNode):
            reader.known_keys(
                entries, root_node, "the manifest", allowed=MANIFEST_KEYS, required=MANIFEST_REQUIRED
            )

        def value(key: str) -> Node | None:
            return entries[key][1] if key in entries else None

        def text_of(key: str, *, required: bool = False) -> str | None:
            node = value(key)
            if node is None:
                return None
            if required:
                return reader.required_text(node, f"'{key}'")
            return reader.text(node, f"'{key}'")

        manifest_pos = {key: reader.pos(node) for key, (_, node) in entries.items()}
        date_node = value("date")
        keywords_node = value("keywords")
        order = None
        if (order_node := value("signatories_order")) is not None:
            order = reader.choice(order_node, "signatories_order", ORDERS, "value-unknown")

        paths = {kind: self._project_file(reader, kind, value(kind)) for kind in FILE_DEFAULTS}
        body = self._load_body(paths["body"])
        footnotes = self._load_footnotes(paths["footnotes"])
        signatories = self._load_signatories(paths["signatories"])
        recipients = self._load_recipients(paths["recipients"])

        title = text_of("title", required=True) or ""
        letter = Letter(
            root=self.root,
            manifest=self.manifest,
            slug=text_of("slug") or slugify(self.root.resolve().name),
            title=title,
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
            manifest_pos=manifest_pos,
        )
        return LoadResult(letter, self.diags, self.sources)

    def _project_file(self, reader: NodeReader, kind: str, node: Node | None) -> tuple[Path, Pos] | None:
        """The file a manifest key names, if it stays inside the project folder."""
        name = FILE_DEFAULTS[kind]
        where = Pos(self.manifest)
        if node is not None:
            where = reader.pos(node)
            name = reader.required_text(node, f"'{kind}'")
            if name is None:
                return None
        path = self.root / name
        root = self.root.resolve()
        resolved = path.resolve()
        if not resolved.is_relative_to(root):
            via_link = " (through a symbolic link)" if (self.root / name).absolute() != resolved else ""
            self.diags.error(
                where, "file-outside", f"'{name}' is outside the project folder{via_link}; "
                "a letter project may only use files inside its own folder"
            )
            return None
        return path, where

    def _read(self, located: tuple[Path, Pos] | None) -> tuple[Path, str] | None:
        if located is None:
            return None
        path, where = located
        text = read_text(path, self.diags, referenced_at=where if not path.exists() else None)
        if text is None:
            return None
        self.sources[path] = text
        return path, text

    def _load_body(self, located: tuple[Path, Pos] | None) -> Body:
        read = self._read(located)
        if read is None:
            path = located[0] if located else self.root / FILE_DEFAULTS["body"]
            return Body(path, "", [])
        path, text = read
        return Body(path, text, markdown.parse_block(text))

    def _yaml_root(self, located: tuple[Path, Pos] | None) -> tuple[NodeReader, Node] | None:
        read = self._read(located)
        if read is None:
            return None
        path, text = read
        node = compose_yaml(text, path, self.diags)
        return (NodeReader(path, self.diags), node) if node is not None else None

    def _load_footnotes(self, located: tuple[Path, Pos] | None) -> dict[str, Footnote]:
        loaded = self._yaml_root(located)
        if loaded is None:
            return {}
        reader, root = loaded
        entries = reader.mapping(root, "footnotes.yaml (footnote id to text)") or {}
        footnotes = {}
        for key, (key_node, value_node) in entries.items():
            text = reader.required_text(value_node, f"footnote '{key}'")
            if text is None:
                continue
            footnotes[key] = Footnote(key, text, markdown.parse_inline(text), reader.pos(key_node))
        return footnotes

    def _load_recipients(self, located: tuple[Path, Pos] | None) -> dict[str, Recipient]:
        loaded = self._yaml_root(located)
        if loaded is None:
            return {}
        reader, root = loaded
        entries = reader.mapping(root, "recipients.yaml (recipient id to recipient)") or {}
        recipients = {}
        for rid, (key_node, node) in entries.items():
            what = f"recipient '{rid}'"
            fields = reader.mapping(node, what)
            if fields is None:
                continue
            reader.known_keys(fields, node, what, allowed=RECIPIENT_KEYS, required=("name", "salutation"))
            name = reader.required_text(fields["name"][1], f"{what}: 'name'") if "name" in fields else None
            salutation = (
                reader.required_text(fields["salutation"][1], f"{what}: 'salutation'")
                if "salutation" in fields
                else None
            )
            address = reader.text_list(fields["address"][1], f"{what}: 'address'") if "address" in fields else []
            recipients[rid] = Recipient(rid, name or "", salutation or "", reader.pos(key_node), address)
        return recipients

    def _load_signatories(self, located: tuple[Path, Pos] | None) -> list[Signatory]:
        if located is not None and located[0].suffix.lower() == ".csv":
            read = self._read(located)
            return self._signatories_from_csv(*read) if read else []
        loaded = self._yaml_root(located)
        if loaded is None:
            return []
        reader, root = loaded
        if not isinstance(root, SequenceNode):
            reader.wrong_type(root, "signatories.yaml", "a list of signatories (entries starting with '- ')")
            return []
        signatories = []
        for node in root.value:
            signatory = self._signatory_from_node(reader, node)
            if signatory is not None:
                signatories.append(signatory)
        return signatories

    def _signatory_from_node(self, reader: NodeReader, node: Node) -> Signatory | None:
        pos = reader.pos(node)
        if isinstance(node, ScalarNode) and node.value:
            # `- Amnesty International` is a common slip for `- name: …`; say so.
            self.diags.error(
                pos, "type-invalid", f"a signatory must be a mapping such as 'name: {node.value}'"
            )
            return None
        fields = reader.mapping(node, "a signatory")
        if fields is None:
            return None
        reader.known_keys(fields, node, "a signatory", allowed=SIGNATORY_FIELDS, required=("name",))
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
        return self._signatory(pos, values, field_pos)

    def _signatory(self, pos: Pos, values: dict[str, str | None], field_pos: dict[str, Pos]) -> Signatory:
        name = values.get("name")
        if "name" in values and (name is None or not name.strip()):
            self.diags.error(field_pos.get("name", pos), "signatory-name-empty", "signatory name is empty")
        status = values.get("status")
        return Signatory(
            name=name or "",
            pos=pos,
            location=values.get("location") or None,
            affiliation=values.get("affiliation") or None,
            url=values.get("url") or None,
            country=values.get("country") or None,
            status=Status(status) if status else Status.CONFIRMED,
            field_pos=field_pos,
        )

    def _signatories_from_csv(self, path: Path, text: str) -> list[Signatory]:
        lines = text.splitlines(keepends=True)
        rows = csv.reader(lines)
        try:
            header = next(rows)
        except (StopIteration, csv.Error):
            self.diags.error(Pos(path), "csv-header", "the CSV file has no header row")
            return []
        columns = [column.strip() for column in header]
        reader = NodeReader(path, self.diags)
        header_entries = {}
        for index, column in enumerate(columns):
            column_pos = Pos(path, 1, _csv_column(header, index))
            if column in header_entries:
                self.diags.error(column_pos, "csv-header", f"column '{column}' appears twice in the header")
            header_entries[column] = column_pos
        for column, column_pos in header_entries.items():
            if column not in SIGNATORY_FIELDS:
                reader.diags.error(
                    column_pos, "csv-header",
                    f"unknown column '{column}'" + _did_you_mean(column, SIGNATORY_FIELDS),
                )
        if "name" not in header_entries:
            self.diags.error(Pos(path), "csv-header", "the header lacks the required column 'name'")
            return []
        known = [(i, c) for i, c in enumerate(columns) if c in SIGNATORY_FIELDS]
        signatories = []
        line = 1
        try:
            for row in rows:
                start = line + 1
                line = rows.line_num
                if not any(cell.strip() for cell in row):
                    continue
                if len(row) > len(columns):
                    self.diags.error(
                        Pos(path, start, _csv_column(row, len(columns))), "csv-row",
                        f"row has {len(row)} cells but the header names {len(columns)} columns",
                    )
                values: dict[str, str | None] = {}
                field_pos: dict[str, Pos] = {}
                for index, column in known:
                    cell = row[index] if index < len(row) else ""
                    field_pos[column] = Pos(path, start, _csv_column(row, index))
                    values[column] = cell or None
                values.setdefault("name", "")
                status = values.get("status")
                if status and status not in STATUSES:
                    self.diags.error(
                        field_pos["status"], "status-unknown",
                        f"unknown status '{status}'; expected " + " | ".join(STATUSES),
                    )
                    values["status"] = None
                if values["name"] is None:
                    values["name"] = ""
                signatories.append(self._signatory(Pos(path, start, 1), values, field_pos))
        except csv.Error as exc:
            self.diags.error(Pos(path, rows.line_num or line, 1), "csv-syntax", f"CSV syntax error: {exc}")
        return signatories


def _csv_column(cells: list[str], index: int) -> int:
    """Approximate column of a cell: enough to land the cursor on the right cell."""
    return sum(len(cell) + 1 for cell in cells[:index]) + 1


def _did_you_mean(value: str, choices: tuple[str, ...]) -> str:
    import difflib

    hint = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
    return f"; did you mean '{hint[0]}'?" if hint else ""
