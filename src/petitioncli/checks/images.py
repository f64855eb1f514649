"""Rules about the images letter.md uses: where they are, whether they can be read, and what they cost.

check reads every image a build would embed, so that a build never meets a
problem check did not report: a folder or FIFO named as an image, a file
that is no image, one over a limit, an SVG that would be embedded without
its scripts and outside references. Each image is read here once and kept,
prepared, in the model (`Letter.images`): the build embeds exactly what was
judged, and no renderer reads the file again.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import images, limits, markdown, paths, rules
from ..diagnostics import Pos, some_of
from ..model import Letter
from ..rules import Problem, Rule


@dataclass(frozen=True, slots=True)
class Judged:
    """What check made of one image file: its problems, and the image as it is embedded, if it is."""

    problems: tuple[tuple[Rule, str], ...]
    picture: images.Embeddable | None = None
    # The file's size: what the web page embeds for each use.
    embedded_bytes: int = 0


# An image shown: where, as written, and the bytes the web page embeds for it.
Use = tuple[Pos, str, int]


class ImageChecker:
    """Judges each image file once, however often the letter shows it, and lists each use."""

    def __init__(self, letter: Letter, judged: dict[str, Judged]):
        self.root = letter.root
        self.prepared = letter.images
        self.judged = judged
        self.uses: list[Use] = []

    def check(self, pos: Pos, src: str) -> Iterator[Problem]:
        """Images may only come from the project folder: a letter must not fetch or leak anything."""
        relative = markdown.project_relative_path(src)
        if relative is None:
            message = f"image '{src}' is left out: only images inside the project folder are used"
            yield rules.IMAGE_REFUSED.at(pos, message)
            return
        if not paths.inside(self.root, self.root / relative):
            yield rules.IMAGE_REFUSED.at(pos, f"image '{src}' is left out: it is outside the project folder")
            return
        judged = self.judged.get(relative)
        if judged is None:
            judged = self.judged[relative] = _judge(self.root, relative, src)
            if judged.picture is not None:
                # Kept in the model: the renderers embed the image as read here, and read no file.
                self.prepared[relative] = judged.picture
        for rule, message in judged.problems:
            yield rule.at(pos, message)
        if judged.embedded_bytes:
            self.uses.append((pos, src, judged.embedded_bytes))


def check_letterhead(letter: Letter, checker: ImageChecker) -> Iterator[Problem]:
    """The letterhead, judged as the images of the text are; it is shown at the head of every edition."""
    name = letter.manifest.letterhead
    if letter.letterhead is not None and name is not None:
        yield from checker.check(letter.manifest.where("letterhead"), name)


def check_logos(letter: Letter, checker: ImageChecker) -> Iterator[Problem]:
    """Signatories' logos, judged as the letterhead is: every edition prints the same signatories.

    A logo is judged wherever it is given, shown or not, so that turning a
    group's `logos` on never meets a problem check kept quiet about.
    """
    for signatory in letter.signatories:
        if signatory.logo is not None:
            yield from checker.check(signatory.where("logo"), signatory.logo)


def check_totals(editions: list[list[Use]]) -> Iterator[Problem]:
    """The images of each edition, each use counted as the web page embeds it, within the limit.

    Said once, at the use that goes beyond it, however many editions show that use.
    """
    most = limits.IMAGE_BYTES
    said: set[Pos] = set()
    for uses in editions:
        total = 0
        for pos, src, size in uses:
            total += size
            if total > most.value:
                if pos not in said:
                    said.add(pos)
                    yield rules.IMAGE_TOO_LARGE.at(
                        pos,
                        f"image '{src}' brings the letter's images to {limits.beyond(total, most)}; "
                        f"the images of a letter may hold {most.shown} together, each use counted",
                    )
                break


def _judge(root: Path, relative: str, src: str) -> Judged:
    # The file the path leads to once links are followed, read only if it is inside the project:
    # a link swapped after this test still cannot point the read outside.
    path = paths.real_path(root / relative)
    if path is None or not paths.inside(root, path):
        return Judged(((rules.IMAGE_REFUSED, f"image '{src}' is left out: it is outside the project folder"),))
    try:
        info = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return Judged(((rules.FILE_MISSING, f"image '{src}' not found in the project folder"),))
    except OSError as exc:
        return Judged(((rules.FILE_UNREADABLE, f"cannot read image '{src}': {exc.strerror}"),))
    if stat.S_ISDIR(info.st_mode):
        return Judged(((rules.FILE_UNREADABLE, f"image '{src}' is a folder, not a file"),))
    if not stat.S_ISREG(info.st_mode):
        # Opening a FIFO would wait for a writer that never comes.
        return Judged(((rules.FILE_UNREADABLE, f"image '{src}' is not a regular file"),))
    if info.st_size > limits.IMAGE_BYTES.value:
        message = (
            f"image '{src}' is {limits.beyond(info.st_size, limits.IMAGE_BYTES)}; "
            f"the images of a letter may hold {limits.IMAGE_BYTES.shown} together, each use counted"
        )
        return Judged(((rules.IMAGE_TOO_LARGE, message),))
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Judged(((rules.FILE_UNREADABLE, f"cannot read image '{src}': {exc.strerror}"),))
    try:
        picture = images.prepare(data)
    except images.ImageProblem as problem:
        # An error (a limit) stops the build; a warning leaves the image out.
        if problem.rule.is_error:
            return Judged(((problem.rule, f"image '{src}' {problem.reason}"),))
        return Judged(((problem.rule, f"image '{src}' is left out: {problem.reason}"),))
    problems: tuple[tuple[Rule, str], ...] = ()
    if picture.removed:
        problems = (
            (
                rules.URL_REFUSED,
                f"image '{src}' is embedded without what could run, reach outside the letter or take minutes to draw: "
                f"{some_of(picture.removed)}",
            ),
        )
    return Judged(problems, picture, len(data))
