"""What `petition diff`'s arguments name: a project on disk, or a project as a git revision holds it.

An argument that is a file or folder is a project on disk; anything else
is a git revision (`main`, `HEAD~3`, `v2017`), optionally with the project
after a colon as git writes it (`main:letters/iap`, relative to the current
folder here), or a range: `A...B` compares B with where it left A (their
merge base), `A..B` compares A with B, as `git diff` does. A revision
without a project takes the other side's, else the one other commands find
by default (`./petition.yaml`, then `./data/petition.yaml`). One revision
alone is compared with the work tree; no argument is HEAD against it.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

from .. import loader
from ..diagnostics import PetitionError, display_path
from ..loader.git_tree import GitTree, git

_DEFAULT_MANIFESTS = (loader.MANIFEST, f"data/{loader.MANIFEST}")
_MANIFEST_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True, slots=True)
class Side:
    """One edition to compare: its manifest as the loader knows it, where its files come from, and its name."""

    manifest: Path
    source: loader.FileSource
    label: str
    # Whether it is read from git, where `petition check` cannot look.
    from_git: bool = False


@dataclass(frozen=True, slots=True)
class _Revision:
    commit: str
    label: str
    # The manifest within the repository, when the argument names its project.
    manifest: str | None


def sides(old: str | None, new: str | None, cwd: Path | None = None) -> tuple[Side, Side]:
    """The two editions the arguments name."""
    cwd = cwd or Path.cwd()
    given = [argument for argument in (old, new) if argument is not None]
    if len(given) == 2 and all(_on_disk(argument, cwd) for argument in given):
        return _disk(given[0], cwd), _disk(given[1], cwd)  # two folders: no git needed
    repository = _Repository(cwd)
    if len(given) == 2:
        return repository.pair(given[0], given[1])
    argument = given[0] if given else "HEAD"
    if _on_disk(argument, cwd):
        # One project folder: its last commit against its work tree, as `git diff HEAD -- FOLDER`.
        disk = _disk(argument, cwd)
        return repository.side(repository.revision("HEAD"), disk), disk
    ranged = repository.range(argument)
    if ranged is not None:
        return repository.sides_of(*ranged)
    revision = repository.revision(argument)
    if revision.manifest is not None:
        named = Path(posixpath.relpath(revision.manifest, repository.prefix or "."))
        disk = _disk(str(cwd / named), cwd)
    else:
        manifest = loader.find_manifest(None, cwd)
        disk = Side(manifest, loader.DISK, display_path(manifest.parent) or ".")
    return repository.side(revision, disk), disk


def _on_disk(argument: str, cwd: Path) -> bool:
    return os.path.lexists(cwd / argument)


def _disk(argument: str, cwd: Path) -> Side:
    manifest = loader.find_manifest(Path(argument), cwd)
    return Side(manifest, loader.DISK, display_path(Path(argument)))


class _Repository:
    """The git repository of the current folder, and where in it that folder is."""

    def __init__(self, cwd: Path):
        self.cwd = cwd
        try:
            self.top = Path(os.fsdecode(git(cwd, "rev-parse", "--show-toplevel").strip()))
        except PetitionError as exc:
            raise PetitionError(
                f"cannot read a git revision here ({exc}); to compare two project folders, name both"
            ) from None
        self.prefix = os.fsdecode(git(cwd, "rev-parse", "--show-prefix").strip()).rstrip("/")

    def revision(self, argument: str) -> _Revision:
        """A revision the user named, verified as a commit; never read as an option."""
        name, colon, path = argument.partition(":") if not argument.startswith(":") else (argument, "", "")
        if not name or name.startswith("-"):
            raise PetitionError(f"'{argument}' is neither a file or folder here nor a git revision")
        try:
            commit = git(self.top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{name}^{{commit}}")
        except PetitionError:
            raise PetitionError(f"'{argument}' is neither a file or folder here nor a git revision") from None
        return _Revision(commit.decode().strip(), name, self._manifest_named(path) if colon else None)

    def range(self, argument: str) -> tuple[_Revision, _Revision] | None:
        """`A...B` (from their merge base to B) or `A..B`, either side HEAD when empty; None for one revision."""
        for dots in ("...", ".."):
            first, found, second = argument.partition(dots)
            if found and ":" not in first:
                before, after = self.revision(first or "HEAD"), self.revision(second or "HEAD")
                if dots == "...":
                    base = git(self.top, "merge-base", before.commit, after.commit).decode().strip()
                    before = _Revision(base, base[:12], before.manifest)
                return before, after
        return None

    def pair(self, old: str, new: str) -> tuple[Side, Side]:
        """Two arguments, each a folder or a revision; a revision takes the other's project when it names none."""
        for argument in (old, new):
            if not _on_disk(argument, self.cwd) and self.range(argument) is not None:
                raise PetitionError(f"'{argument}' is a range, which stands alone: petition diff {argument}")
        if _on_disk(old, self.cwd):
            disk = _disk(old, self.cwd)
            return disk, self.side(self.revision(new), disk)
        if _on_disk(new, self.cwd):
            disk = _disk(new, self.cwd)
            return self.side(self.revision(old), disk), disk
        return self.sides_of(self.revision(old), self.revision(new))

    def sides_of(self, before: _Revision, after: _Revision) -> tuple[Side, Side]:
        named = before.manifest or after.manifest
        manifest = named or self._default_manifest(after.commit, after.label)
        return self._side(before, before.manifest or manifest), self._side(after, after.manifest or manifest)

    def side(self, revision: _Revision, other: Side) -> Side:
        """`revision`'s project: the one it names, else the one `other`, on disk, is."""
        if revision.manifest is not None:
            return self._side(revision, revision.manifest)
        try:
            inside = other.manifest.resolve().relative_to(self.top.resolve()).as_posix()
        except ValueError:
            raise PetitionError(
                f"{other.label} is not in the git repository at {display_path(self.top)}, "
                "so no revision holds it; name the project after the revision, as REVISION:FOLDER"
            ) from None
        return self._side(revision, inside)

    def _side(self, revision: _Revision, manifest: str) -> Side:
        folder, name = posixpath.split(manifest)
        root = Path(f"{revision.label}:{folder}")
        try:
            tree = GitTree(self.top, revision.commit, folder, root)
        except PetitionError:
            raise PetitionError(f"{revision.label} has no folder '{folder or '.'}'") from None
        label = f"{revision.label}:{folder}"
        if not tree.lexists(root / name):
            raise PetitionError(f"no {name} in {label}: not a letter project at that revision")
        return Side(root / name, tree, label, from_git=True)

    def _manifest_named(self, path: str) -> str:
        """The manifest, within the repository, of a project named after a revision's colon."""
        inside = posixpath.normpath(posixpath.join(self.prefix, path)) if path else self.prefix or "."
        if inside == ".." or inside.startswith("../") or posixpath.isabs(inside):
            raise PetitionError(f"'{path}' is outside the git repository at {display_path(self.top)}")
        inside = "" if inside == "." else inside
        if inside.endswith(_MANIFEST_SUFFIXES):
            return inside
        return posixpath.join(inside, loader.MANIFEST)

    def _default_manifest(self, commit: str, label: str) -> str:
        candidates = [posixpath.join(self.prefix, name) for name in _DEFAULT_MANIFESTS]
        for candidate in candidates:
            try:
                git(self.top, "cat-file", "-e", f"{commit}:{candidate}")
            except PetitionError:
                continue
            return candidate
        looked = " and ".join(f"{label}:{candidate}" for candidate in candidates)
        raise PetitionError(f"no letter project found: looked for {looked}; name it as REVISION:FOLDER")
