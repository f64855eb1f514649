"""From a letter project on disk to one `Letter`: the manifest, and where the files it names are."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .. import limits, markdown, paths, rules
from ..diagnostics import Diagnostics, PetitionError, Pos
from ..fields import specs
from ..model import Body, Group, Letter, Manifest, Recipient, Signatory, SignatoryGroup, TranslatedTexts, Translation
from ..rules import Rule
from . import groups, records
from .files import Node, compose_yaml, read_text
from .located import Located, limit_of, within_project_limit
from .nodes import Entries, NodeReader
from .records import too_deep_message
from .sources import DISK, FileSource
from .values import RecordValues

# Files a letter can do without, as long as the manifest names none; a
# statement that names no recipient needs no recipients either.
OPTIONAL_FILES = ("footnotes",)
SIGNATORY_SUFFIXES = (".yaml", ".yml", ".csv")


@dataclass(slots=True)
class LoadResult:
    letter: Letter
    diagnostics: Diagnostics
    # Every source text read, for noqa comments and for rules that look inside a value.
    sources: dict[Path, str]
    # The files (by manifest key: body, footnotes, …) that could not be read at
    # all; rules that compare files skip them rather than report a consequence.
    unusable: frozenset[str] = frozenset()


# The files a translation names in its language, as the original names its own.
_TRANSLATED_FILES = ("body", "footnotes", "epigraph", "postscript")


def slugify(text: str) -> str:
    """A file-name part from a folder's name: accents dropped (`Lettre vélo` is `lettre-velo`)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.casefold()).strip("-")
    return slug[: limits.NAME_LENGTH.value].rstrip("-") or "letter"


def recipient_ids(manifest: Path) -> list[str]:
    """The ids recipients.yaml defines, read without the rest of the project (for shell completion)."""
    loader = ProjectLoader(manifest)
    reader = NodeReader(manifest, loader.diags)
    entries = loader._manifest_entries(reader)
    if entries is None:
        return []
    values = reader.record(entries, Manifest, loader._manifest_start, "the manifest", label=str)
    located = loader._locate_files(values.build(Manifest, loader._manifest_start), values)
    manifest_values = values.build(Manifest, loader._manifest_start)

    def recipients(reader: NodeReader, node: Node) -> dict[str, Recipient] | None:
        return records.recipients(reader, node, manifest_values.language)

    return list(loader._yaml("recipients", located.get("recipients"), recipients, {}))


class ProjectLoader:
    def __init__(self, manifest: Path, source: FileSource = DISK):
        self.manifest = manifest
        self.source = source
        self.root = manifest.parent
        self.diags = Diagnostics()
        self.sources: dict[Path, str] = {}
        self.unusable: set[str] = set()
        self._manifest_start = Pos(manifest)

    def load(self, *, list_only: bool = False) -> LoadResult:
        """The letter; with `list_only`, the manifest and the signatories alone (text, notes, recipients empty)."""
        reader = NodeReader(self.manifest, self.diags)
        entries = self._manifest_entries(reader)
        if entries is None:
            # Without a readable manifest the other files' names are unknown;
            # guessing the defaults would report files the project never named.
            self.unusable.update(key for key, spec in specs(Manifest).items() if spec.names_files)
            manifest = RecordValues().build(Manifest, Pos(self.manifest))
            return self._result(self._letter(manifest, {}) if not list_only else self._empty_letter(manifest))
        where = self._manifest_start
        values = reader.record(entries, Manifest, where, "the manifest", label=lambda key: f"'{key}'")
        manifest = values.build(Manifest, where)
        located = self._locate_files(manifest, values)
        if list_only:
            lists = self._signatory_files(manifest, located.get("signatories"))
            signatories, found = self._signatories(manifest, lists)
            return self._result(self._empty_letter(manifest, signatories, found))
        return self._result(self._letter(manifest, located))

    def _empty_letter(
        self, manifest: Manifest, signatories: list[Signatory] | None = None, groups: list[Group] | None = None
    ) -> Letter:
        body = Body(self.root / str(specs(Manifest)["body"].default), "", markdown.Document())
        slug = manifest.slug or slugify(self.root.resolve().name)
        return Letter(self.root, self.manifest, manifest, slug, body, {}, signatories or [], {}, groups=groups or [])

    def _result(self, letter: Letter) -> LoadResult:
        return LoadResult(letter, self.diags, self.sources, frozenset(self.unusable))

    def _manifest_entries(self, reader: NodeReader) -> Entries | None:
        if not self.source.inside(self.root, self.manifest):
            self.diags.report(
                rules.FILE_OUTSIDE,
                Pos(self.manifest),
                f"{self.manifest.name} is a symbolic link to a file outside the project folder; "
                "a letter project may only use files inside its own folder",
            )
            return None
        text = read_text(self.manifest, self.diags, limit=limit_of(""), source=self.source)
        if text is None:
            if any(d.rule is rules.FILE_MISSING for d in self.diags):
                raise PetitionError(f"cannot read {self.manifest}: no such file")
            return None
        self.sources[self.manifest] = text
        root_node = compose_yaml(text, self.manifest, self.diags)
        if root_node is None:
            return None
        self._manifest_start = reader.pos(root_node)
        return reader.mapping(root_node, "the manifest")

    def _letter(self, manifest: Manifest, located: dict[str, Located | None]) -> Letter:
        translated = {tag: self._translation_files(translation) for tag, translation in manifest.translations.items()}
        lists = self._signatory_files(manifest, located.get("signatories"))
        named = [
            *(file for key, file in located.items() if key != "signatories"),
            *(file for _, file in lists),
            *(file for files in translated.values() for file in files.values()),
        ]
        if not within_project_limit(self.manifest, named, self.diags, self.source):
            self.unusable.update(located)
            self.unusable.update(f"translations.{tag}.{key}" for tag in translated for key in _TRANSLATED_FILES)
            located = {}
            translated = {tag: dict.fromkeys(_TRANSLATED_FILES) for tag in translated}
            lists = [(group, None) for group, _ in lists]
        body = self._body(located.get("body"))
        signatories, signatory_groups = self._signatories(manifest, lists)

        def recipients(reader: NodeReader, node: Node) -> dict[str, Recipient] | None:
            return records.recipients(reader, node, manifest.language)

        return Letter(
            root=self.root,
            manifest_path=self.manifest,
            manifest=manifest,
            slug=manifest.slug or slugify((self.source.real_path(self.root) or self.root).name),
            body=body,
            footnotes=self._yaml("footnotes", located.get("footnotes"), records.footnotes, {}),
            signatories=signatories,
            recipients=self._yaml("recipients", located.get("recipients"), recipients, {}),
            translations={
                tag: self._translated(translation, translated[tag])
                for tag, translation in manifest.translations.items()
            },
            groups=signatory_groups,
            epigraph=self._markdown("epigraph", located.get("epigraph")),
            postscript=self._markdown("postscript", located.get("postscript")),
            letterhead=self._image("letterhead", located.get("letterhead")),
        )

    def _translation_files(self, translation: Translation) -> dict[str, Located | None]:
        """A translation's own files (`_TRANSLATED_FILES`); a file it names but lacks is `translation-missing`."""
        files: dict[str, Located | None] = {}
        for key in _TRANSLATED_FILES:
            name = translation.values.get(key)
            where = translation.where(key)
            files[key] = self._project_file(key, name, where, rules.TRANSLATION_MISSING) if name else None
            if name and files[key] is None:  # refused (outside the project): not to be compared either
                self.unusable.add(f"translations.{translation.language}.{key}")
        return files

    def _translated(self, translation: Translation, files: dict[str, Located | None]) -> TranslatedTexts:
        tag = translation.language
        return TranslatedTexts(
            translation=translation,
            body=self._body(files["body"], f"translations.{tag}.body"),
            footnotes=self._yaml(f"translations.{tag}.footnotes", files["footnotes"], records.footnotes, {}),
            epigraph=self._markdown(f"translations.{tag}.epigraph", files["epigraph"]),
            postscript=self._markdown(f"translations.{tag}.postscript", files["postscript"]),
        )

    def _locate_files(self, manifest: Manifest, given: RecordValues) -> dict[str, Located | None]:
        located: dict[str, Located | None] = {}
        for key, spec in specs(Manifest).items():
            # Signatory groups name their files themselves; see `_signatories`.
            if not spec.names_files or isinstance(given.values.get(key), list):
                continue
            named = key in given.field_pos
            if not named and spec.default is None:
                continue  # a letterhead, an epigraph: there when the manifest names them
            optional = key in OPTIONAL_FILES or (key == "recipients" and manifest.recipient is None)
            if not named and optional and not self.source.lexists(self.root / str(spec.default)):
                continue
            # A blank or unreadable name is reported already; the default would be a guess.
            name = given.values.get(key) if named else spec.default
            where = manifest.where(key) if named else Pos(self.manifest)
            located[key] = self._project_file(key, name, where) if name else None
            if located[key] is None:
                self.unusable.add(key)
        return located

    def _project_file(self, key: str, name: str, where: Pos, missing: Rule = rules.FILE_MISSING) -> Located | None:
        """The file a manifest key names, if it stays inside the project."""
        if "\0" in name:
            self.diags.report(
                rules.FILE_MISSING, where, f"'{key}' names no file: a file name cannot hold a NUL character"
            )
            return None
        if key == "signatories" and not name.lower().endswith(SIGNATORY_SUFFIXES):
            self.diags.report(rules.VALUE_UNKNOWN, where, f"signatories file '{name}' must end in .yaml, .yml or .csv")
            return None
        path = self.root / name
        if self.source.real_path(path) is None:
            self.diags.report(rules.FILE_UNREADABLE, where, f"cannot follow '{name}': a symbolic link loop")
            return None
        if not self.source.inside(self.root, path):
            via_link = " (through a symbolic link)" if paths.written_inside(self.root, name) else ""
            self.diags.report(
                rules.FILE_OUTSIDE,
                where,
                f"'{name}' is outside the project folder{via_link}; "
                "a letter project may only use files inside its own folder",
            )
            return None
        return Located(key, path, where, name, missing)

    def _read(self, located: Located | None) -> str | None:
        if located is None:
            return None
        text = read_text(
            located.path,
            self.diags,
            limit=limit_of(located.key),
            referenced_at=located.named_at,
            name=located.name,
            missing=located.missing,
            source=self.source,
        )
        if text is not None:
            self.sources[located.path] = text
        return text

    def _body(self, located: Located | None, key: str = "body") -> Body:
        parsed = self._markdown(key, located)
        if parsed is not None:
            return parsed
        path = located.path if located else self.root / str(specs(Manifest)["body"].default)
        return Body(path, "", markdown.Document())

    def _markdown(self, key: str, located: Located | None) -> Body | None:
        """A Markdown file (the body, an epigraph, a postscript); None when not named or unusable."""
        text = self._read(located)
        if located is None or text is None:
            if located is not None:
                self.unusable.add(key)
            return None
        document = markdown.parse_document(text)
        line = markdown.too_deep(document.blocks, limits.MARKDOWN_DEPTH.value)
        if line is not None:
            # Every reader of the tree may recurse into it: a tree too deep is not kept.
            self.diags.report(rules.MARKDOWN_TOO_DEEP, Pos(located.path, line + 1), too_deep_message("the text"))
            self.unusable.add(key)
            return None
        return Body(located.path, text, document)

    def _image(self, key: str, located: Located | None) -> Path | None:
        """An image the manifest names; check reads it as it reads the images of the text."""
        if located is None:
            return None
        try:
            self.source.stat(located.path)
        except (FileNotFoundError, NotADirectoryError):
            self.diags.report(rules.FILE_MISSING, located.named_at, f"image not found: {located.name}")
            self.unusable.add(key)
            return None
        except OSError:
            pass  # check says why it cannot be read
        return located.path

    def _yaml(self, key: str, located: Located | None, read, empty):
        """A YAML file read by `read(reader, root node)`, which returns None when its shape is unusable."""
        text = self._read(located)
        node = compose_yaml(text, located.path, self.diags) if located is not None and text is not None else None
        if located is None or node is None:
            if located is not None:
                self.unusable.add(key)
            return empty
        found = read(NodeReader(located.path, self.diags), node)
        if found is None:
            self.unusable.add(key)
            return empty
        return found

    def _signatory_files(
        self, manifest: Manifest, located: Located | None
    ) -> list[tuple[SignatoryGroup | None, Located | None]]:
        """The signatories' file, or each group's, as the manifest names them."""
        if isinstance(manifest.signatories, list):
            return [
                (entry, self._project_file("signatories", entry.file, entry.where("file")) if entry.file else None)
                for entry in manifest.signatories
            ]
        return [(None, located)]

    def _signatories(
        self, manifest: Manifest, named: list[tuple[SignatoryGroup | None, Located | None]]
    ) -> tuple[list[Signatory], list[Group]]:
        """Every signatory, each file read once, and the groups the manifest sorts them into."""
        read: dict[Path, list[Signatory]] = {}
        # `a.csv` and `./a.csv` are one file, read once.
        first_named: dict[Path | None, Path] = {}
        found: list[Group] = []
        for entry, file in named:
            if file is None:
                self.unusable.add("signatories")
                continue
            path = first_named.setdefault(self.source.real_path(file.path), file.path)
            if path not in read:
                read[path] = self._signatory_file(file)
            if entry is None:
                found.append(Group(None, False, path, [], manifest.where("signatories")))
            else:
                found.append(groups.of_entry(entry, path))
        groups.fill(found, read)
        return [signatory for entries in read.values() for signatory in entries], found

    def _signatory_file(self, located: Located) -> list[Signatory]:
        if located.path.suffix.lower() == ".csv":
            text = self._read(located)
            if text is None:
                self.unusable.add("signatories")
                return []
            from .csv_list import read_signatories

            return read_signatories(located.path, text, self.diags)
        return self._yaml("signatories", located, records.signatories, [])
