"""One page per rule (docs/rules/ID.md), from the registry and the `check` corpus.

Each page says what the rule reports and shows a failing example with its
fix, both taken from a case of tests/test_check_corpus.py: the example is
the case's files, what `check` says is printed by running `petition check`
on them here, and the fix is the case's `fix`. The corpus test runs every
case, and checks that the fix each page shows clears its problems, so the
examples cannot drift from what the code does.
"""

from __future__ import annotations

import importlib.util
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from petitioncli import rules
from petitioncli.rules import Rule, Stage

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "test_check_corpus.py"
# A longer file is shown by its first lines, a longer line cut: the corpus holds megabyte letters.
SHOWN_LINES = 20
SHOWN_LINE = 1200
LANGUAGES = {".yaml": "yaml", ".yml": "yaml", ".md": "markdown", ".csv": "csv", ".svg": "xml"}


def _summary(rule: Rule, limits_page: str) -> str:
    """The registry's summary, its pointer to the limits a link on the site."""
    return rule.summary.replace('(see "Limits")', f"(see [Limits]({limits_page}))")


def corpus() -> ModuleType:
    """tests/test_check_corpus.py, imported as the tests import it."""
    tests = str(CORPUS.parent)
    if tests not in sys.path:
        sys.path.insert(0, tests)
    spec = importlib.util.spec_from_file_location("test_check_corpus", CORPUS)
    assert spec is not None and spec.loader is not None
    module = sys.modules.get(spec.name) or importlib.util.module_from_spec(spec)
    if spec.name not in sys.modules:
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Example:
    """A corpus case chosen to show a rule, with the files that fix it."""

    case: object
    fix: dict[str, str | None]


def _fix(case, base: Path) -> dict[str, str | None] | None:
    """The case's fix, or the base project's version of what it changed when that is where its problems are."""
    if case.fix is not None:
        return case.fix
    if not all((base / file).is_file() for _, file, *_ in case.expected):
        return None
    return {
        name: (base / name).read_text(encoding="utf-8") if (base / name).is_file() else None
        for name in case.files
        if not name.startswith("../")
    }


def _showable(case) -> bool:
    return all(not isinstance(content, bytes) or case.shown for content in case.files.values())


def example_for(rule: Rule, module: ModuleType | None = None) -> Example | None:
    """The first corpus case that finds the rule alone, else the first that finds it among others."""
    module = module or corpus()
    found = [case for case in module.CASES if any(expected[0] == rule.id for expected in case.expected)]
    alone = [case for case in found if all(expected[0] == rule.id for expected in case.expected)]
    for case in [*alone, *found]:
        fix = _fix(case, module.BASE)
        if fix is not None and _showable(case):
            return Example(case, fix)
    return None


@contextmanager
def project(case, module: ModuleType) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as scratch:
        yield module.make_project(Path(scratch), case.files)


def check_output(folder: Path) -> tuple[int, str]:
    """What `petition check` prints in the project's folder, and its exit code."""
    import os

    from typer.testing import CliRunner

    from petitioncli.cli import app

    before = Path.cwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(app, ["check"], env={"NO_COLOR": "1"}, catch_exceptions=False)
    finally:
        os.chdir(before)
    return result.exit_code, result.stdout


def _block(name: str, content: str) -> str:
    lines = [line if len(line) <= SHOWN_LINE else line[:SHOWN_LINE] + " …" for line in content.splitlines()]
    if len(lines) > SHOWN_LINES:
        rest = len(lines) - SHOWN_LINES
        lines = [*lines[:SHOWN_LINES], f"… ({rest:,} more line{'s' if rest != 1 else ''})"]
    language = LANGUAGES.get(Path(name).suffix, "text")
    return f'```{language} title="{name}"\n' + "\n".join(lines) + "\n```"


def _files(files: dict, case) -> list[str]:
    shown = []
    module = corpus()
    for name, content in files.items():
        if isinstance(content, module.Folder):
            shown.append(f"`{name}` is a folder.")
        elif isinstance(content, module.Link):
            shown.append(f"`{name}` is a symbolic link to `{content.target}`.")
        elif content is None:
            shown.append(f"`{name}` is removed.")
        elif isinstance(content, bytes):
            shown.append(f"{case.shown}\n\n" + _block(name, content.decode("cp1252")))
        else:
            shown.append(_block(name, content))
    return shown


def _changed(fix: dict[str, str | None], case) -> dict[str, str | None]:
    """The fix without what it leaves as the example had it."""
    return {name: content for name, content in fix.items() if case.files.get(name) != content}


def page(rule: Rule, module: ModuleType | None = None) -> str:
    module = module or corpus()
    severity = f"{rule.severity}, exit code 2" if rule.unreadable else str(rule.severity)
    found_by = "`petition build` (PDF)" if rule.stage is Stage.RENDER else "`petition check` and `petition build`"
    summary = _summary(rule, "../reference/limits.md")
    summary = summary[0].upper() + summary[1:]
    lines = [
        # The title first: MkDocs names the page in the navigation after it.
        f"# {rule.id}",
        "",
        "<!-- Written by `make docs-gen` from the rule registry and tests/test_check_corpus.py: do not edit. -->",
        "",
        f"**{severity}** · found by {found_by} · [all rules](index.md)",
        "",
        f"{summary}.",
        "",
    ]
    example = example_for(rule, module) if rule.stage is not Stage.RENDER else None
    if example is not None:
        case = example.case
        with project(case, module) as folder:
            code, said = check_output(folder)
        lines += ["## Example", "", "Starting from a clean project, with:", ""]
        for shown in _files(case.files, case):
            lines += [shown, ""]
        lines += [
            f"`petition check` reports (exit code {code}):",
            "",
            f"```console\n$ petition check\n{said.rstrip()}\n```",
            "",
            "## Fix",
            "",
        ]
        for shown in _files(_changed(example.fix, case), case):
            lines += [shown, ""]
    else:
        lines += [
            "Only laying the letter out on pages can show this, so `petition check` does not report it;",
            "`petition build` does, as a warning, when it makes a PDF.",
            "",
        ]
    if rule.severity is rules.Severity.WARNING:
        lines += [
            "## Keeping it",
            "",
            f"Where the warning is wrong for your letter, silence it where it stands: `# noqa: {rule.id}` on its",
            f"line of YAML, `<!-- noqa: {rule.id} -->` in Markdown, or `{rule.id}` in the `noqa` column of a CSV",
            f"row. `rules: {{ignore: [{rule.id}]}}` in `petition.yaml` silences it for the whole project",
            "([Configuration](../reference/configuration.md)).",
            "",
        ]
    return "\n".join(lines).rstrip() + "\n"


def index() -> str:
    lines = [
        "# Rules",
        "",
        "<!-- Written by `make docs-gen` from the rule registry: do not edit. -->",
        "",
        "Every problem `petition check` and `petition build` report names its rule. Rule ids are stable: use them",
        "in `# noqa` comments and in CI configurations. `petition check --verbose` follows each problem with its",
        "rule's page, and `--output-format json` gives it as `url`. An error fails `check` and stops `build`;",
        "a warning fails only `check --strict`. Errors marked *exit 2* mean a file could not be read at all.",
        "",
        "| rule | severity | found by | reported when |",
        "| --- | --- | --- | --- |",
    ]
    for rule in rules.all_rules():
        severity = f"{rule.severity} (exit 2)" if rule.unreadable else str(rule.severity)
        found_by = "`build` (PDF)" if rule.stage is Stage.RENDER else "`check`, `build`"
        summary = _summary(rule, "../reference/limits.md")
        lines.append(f"| [`{rule.id}`]({rule.id}.md) | {severity} | {found_by} | {summary} |")
    return "\n".join(lines) + "\n"


def pages() -> dict[str, str]:
    """Every rule page and the index, by path under docs/."""
    module = corpus()
    found = {"rules/index.md": index()}
    for rule in rules.all_rules():
        found[f"rules/{rule.id}.md"] = page(rule, module)
    return found


def stale_rule_pages(docs: Path, written: dict[str, str]) -> list[Path]:
    """Pages of rules that are no longer registered."""
    return [path for path in sorted((docs / "rules").glob("*.md")) if f"rules/{path.name}" not in written]
