"""Inline Markdown at 100 KB and 1 MB in `make bench`: quote placement and the rest of an edition, linear.

Issue 24 found inline Markdown quadratic: 320 KB of `*a* ` took 171 s to
build, because each edition parsed the letter again with markdown-it's
smartquotes, which rebuilt a text for every quote. The letter is now parsed
once and each edition sets its quotes in one pass of the tree
(markdown/quotes.py). The budget: ten times the text within 12.5 times the
time, for the text letter and the web page. The paragraph mixes what made it
quadratic: emphasis, both kinds of quote and note calls.

Alone: `python bench/inline.py` builds both sizes once and prints the times.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

SIZES = {"inline-100kb": 100_000, "inline-1mb": 1_000_000}
STEPS = ("build txt", "build html")
_REPEATED = "*a* \"b\" 'c' [^source] x "
_MANIFEST = "title: Inline Markdown\nplace: Amsterdam\ndate: 2020-01-15\n"


def make_projects(work: Path, scale: float = 1.0) -> dict[str, Path]:
    """One letter project for each size (times `scale`: `--quick` is a smoke test), its body one paragraph."""
    found = {}
    for name, size in SIZES.items():
        project = work / name
        shutil.rmtree(project, ignore_errors=True)
        project.mkdir(parents=True)
        (project / "petition.yaml").write_text(_MANIFEST, encoding="utf-8")
        (project / "footnotes.yaml").write_text("source: The source.\n", encoding="utf-8")
        (project / "signatories.yaml").write_text("- name: Amnesty International\n", encoding="utf-8")
        body = _REPEATED * int(size * scale // len(_REPEATED))
        (project / "letter.md").write_text(body + "\n", encoding="utf-8")
        found[name] = project
    return found


def commands(petition: Sequence[str], project: Path, out: Path) -> list[tuple[str, list[str]]]:
    build = [*petition, "build", str(project), "--output-dir", str(out), "--format"]
    return [(step, [*build, step.removeprefix("build ")]) for step in STEPS]


def budgets(linear: Callable) -> list:
    small, large = SIZES
    found = [linear(f"inline Markdown 1 MB against 100 KB, {step}", step, small, large, 12.5) for step in STEPS]
    for budget in found:
        budget.note = "10× the text; linear is 10×"
    return found


def main() -> None:
    work = Path(__file__).resolve().parent / "projects"
    petition = [sys.executable, "-m", "petitioncli"]
    for name, project in make_projects(work).items():
        for step, command in commands(petition, project, work / "out" / name):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            print(f"{name:14} {step:11} {time.perf_counter() - started:6.2f} s")


if __name__ == "__main__":
    main()
