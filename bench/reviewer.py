"""The reviewer's `diff` in `make bench`: two git revisions of the largest list, and a letter of 1 MB.

Their budgets (issues 25 and 24): `diff` of two revisions of a 100,000-signatory
project, read from git, under twice `check` of one; `diff` of two editions
of a 1 MB letter of 500,000 words under twice `check` of it. The revisions
are the officer's edited edition (bench/officer.py) committed after the
project itself. The letter is 5,000 paragraphs of one-letter words (the
most words 1 MB holds, and the fewest distinct ones: the worst case for a
word diff); its edition changes a word in every 50th paragraph, and drops
one paragraph and adds another.
"""

from __future__ import annotations

import random
import shutil
import string
import subprocess
from collections.abc import Callable, Sequence
from pathlib import Path

from officer import EDITED

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "tests" / "corpus" / "base"
PARAGRAPHS = 5_000
WORDS = 500_000
GIT_DIFF = "diff, git revisions"
LETTER_CHECK = "check, 1 MB letter"
LETTER_DIFF = "diff, 1 MB letter"
# Runs the command inside the repository, as a reviewer would: sh -c SCRIPT in FOLDER COMMAND…
_INSIDE = 'cd -- "$1" && shift && exec "$@"'


def commands(petition: Sequence[str], project: Path, work: Path) -> list[tuple[str, list[str]]]:
    """(step, command) for each measured step, after preparing what they read under `work`."""
    repository = _revisions(project, work / EDITED / "signatories.yaml", work / "reviewer-git")
    letter, edited = work / "letter-1mb", work / "letter-1mb-edited"
    paragraphs = _paragraphs(random.Random(2017))
    _letter(letter, paragraphs)
    changed = [_changed(paragraph) if index % 50 == 25 else paragraph for index, paragraph in enumerate(paragraphs)]
    _letter(edited, [*changed[:100], *changed[101:], _paragraphs(random.Random(2018))[0]])
    return [
        (GIT_DIFF, ["sh", "-c", _INSIDE, "inside", str(repository), *petition, "diff", "HEAD~1", "HEAD"]),
        (LETTER_CHECK, [*petition, "check", str(letter)]),
        (LETTER_DIFF, [*petition, "diff", str(letter), str(edited)]),
    ]


def _revisions(project: Path, edited_list: Path, repository: Path) -> Path:
    """A repository whose last commit replaces the project's list with the edited one."""
    shutil.rmtree(repository, ignore_errors=True)
    shutil.copytree(project, repository)

    def git(*arguments: str) -> None:
        identity = ["-c", "user.name=Benchmark", "-c", "user.email=bench@example.org"]
        subprocess.run(["git", *identity, *arguments], cwd=repository, check=True, capture_output=True)

    git("init", "--quiet")
    git("add", "--all")
    git("commit", "--quiet", "--message=The list")
    shutil.copyfile(edited_list, repository / "signatories.yaml")
    git("commit", "--quiet", "--all", "--message=The list, a month later")
    return repository


def _paragraphs(rng: random.Random) -> list[str]:
    """Paragraphs of one-letter words, 500,000 in all, none of them Markdown syntax."""
    letters = string.ascii_letters
    sizes = [WORDS // PARAGRAPHS] * PARAGRAPHS
    return [" ".join(rng.choice(letters) for _ in range(size)) for size in sizes]


def _changed(paragraph: str) -> str:
    words = paragraph.split(" ")
    words[len(words) // 2] = "Z" if words[len(words) // 2] != "Z" else "Y"
    return " ".join(words)


def _letter(folder: Path, paragraphs: list[str]) -> None:
    """tests/corpus/base/ with its letter followed by the paragraphs."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(BASE, folder)
    text = (BASE / "letter.md").read_text(encoding="utf-8") + "\n" + "\n\n".join(paragraphs) + "\n"
    (folder / "letter.md").write_text(text, encoding="utf-8")


def budgets(relative: Callable, project: str) -> list:
    return [
        relative("diff, 2 × 100,000 YAML, git revisions", project, GIT_DIFF, "baseline: check", 2.0),
        relative("diff, 1 MB letter, 500,000 words", project, LETTER_DIFF, LETTER_CHECK, 2.0),
    ]
