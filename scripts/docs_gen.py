"""Writes the documentation pages made from the code: `make docs-gen`.

The rule pages and their index (the rule registry and the `check` corpus),
the commands (the Typer app), the files and keys (the field descriptions)
and the limits (limits.py). tests/test_docs.py fails while any of them is
stale; after adding a rule, a key, an option or a limit, run this.

Usage: python scripts/docs_gen.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

import reference_pages
import rule_pages

DOCS = Path(__file__).resolve().parent.parent / "docs"


def generated() -> dict[str, str]:
    """Every generated page's text, by its path under docs/."""
    return {**reference_pages.pages(), **rule_pages.pages()}


def stale(pages: dict[str, str]) -> list[str]:
    """Generated pages that differ from what is on disk, and rule pages of rules that are gone."""
    found = [
        name
        for name, text in pages.items()
        if not (DOCS / name).is_file() or (DOCS / name).read_text(encoding="utf-8") != text
    ]
    found += [str(path.relative_to(DOCS)) for path in rule_pages.stale_rule_pages(DOCS, pages)]
    return found


def main(argv: list[str]) -> int:
    pages = generated()
    if "--check" in argv:
        outdated = stale(pages)
        for name in outdated:
            print(f"docs/{name} is stale: run `make docs-gen`", file=sys.stderr)
        return 1 if outdated else 0
    for path in rule_pages.stale_rule_pages(DOCS, pages):
        path.unlink()
    for name, text in pages.items():
        target = DOCS / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
