"""Every command's output, walked with a hostile folder name and hostile values: nothing raw reaches a terminal.

A folder named with Rich markup (`[/b]`) and an escape sequence, a
signatory whose location retitles and clears the terminal, names with a
right-to-left override, a zero-width space and a tag character: each
command prints them as escapes (`\\u202e`), never crashes on the markup,
and still names the folder as it is named.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from petitioncli.cli import app
from petitioncli.cli.precommit import app as pre_commit_app
from projects import BASE

# What must never reach a terminal raw: C0 and C1 controls (but the line break), DEL, the line and
# paragraph separators, bidirectional controls, zero-width space, word joiner, BOM and tag characters.
RAW = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff\U000e0000-\U000e007f]"
)

FOLDERS = {
    "escape": ("q[/b]\x1b[31mY", "q[/b]\\u001b[31mY"),
    "markup": ("a[/b]x", "a[/b]x"),
}
HOSTILE_ENTRIES = (
    '- name: "Evil\\u202e Org\\u200b"\n'
    '  location: "\\e]0;PWNED\\a\\e[31mParis\\e[2J"\n'
    '  country: "\\e[2J"\n'
    '- name: "Tag\\U000E0041ged [/b] Org"\n'
    "  location: Lyon [/i]\n"
)
EXPORT = 'Name,Location\nGood\u202e Org\u200b,[b]Lyon[/b]\n"Bad\x1b[31m",X\nFine Org,\x1b]0;PWNED\x07\n'


@pytest.fixture(params=FOLDERS.values(), ids=FOLDERS.keys())
def hostile(request, tmp_path, monkeypatch) -> tuple[str, str]:
    """The folder's name and how it must be shown; two copies, OLD (clean) and NEW (hostile), and an export."""
    name, shown = request.param
    monkeypatch.chdir(tmp_path)
    shutil.copytree(BASE, tmp_path / "old")
    shutil.copytree(BASE, tmp_path / name)
    listing = tmp_path / name / "signatories.yaml"
    listing.write_text(listing.read_text(encoding="utf-8") + HOSTILE_ENTRIES, encoding="utf-8")
    notes = '"See \\e[2J\\u200b[/b] *The State of Things*, available at: <https://example.org/report>."'
    (tmp_path / name / "footnotes.yaml").write_text(f"report: {notes}\n", encoding="utf-8")
    (tmp_path / "export.csv").write_text(EXPORT, encoding="utf-8")
    return name, shown


def run(*args: str, application: typer.Typer = app):
    result = CliRunner().invoke(application, list(args), catch_exceptions=False)
    output = result.stdout + result.stderr
    assert result.exit_code in (0, 1), output
    assert "Traceback" not in output and "unexpected failure" not in output, output
    found = RAW.search(output)
    assert found is None, f"{found.group()!r} reached the terminal raw in {output!r}"
    return result, output


# Every command and subcommand of `petition`, each walked below; a new one fails here until it is.
WALKED = {
    "build",
    "check",
    "diff",
    "init",
    "preview",
    "schema",
    "signatories add",
    "signatories import",
    "signatories stats",
    "signatories withdraw",
    "signatories remove",
}


def test_every_command_is_walked():
    commands = {command.name or command.callback.__name__ for command in app.registered_commands}
    for group in app.registered_groups:
        sub = group.typer_instance
        commands |= {f"{group.name} {command.name}" for command in sub.registered_commands}
    assert commands == WALKED


@pytest.mark.parametrize("output_format", ["human", "json", "github", "gitlab"])
def test_check(hostile, output_format):
    name, shown = hostile
    result, output = run("check", name, "--output-format", output_format)
    assert result.exit_code == 1
    assert shown in output
    if output_format in ("json", "gitlab"):
        # The escapes are JSON's own: a program reading them gets the data back exactly.
        decoded = json.dumps(json.loads(result.stdout), ensure_ascii=False)
        assert "Evil\u202e Org\u200b" in decoded and "Tag\U000e0041ged [/b] Org" in decoded
    else:
        assert "Evil\\u202e Org\\u200b" in output and "Tag\\U000e0041ged [/b] Org" in output


def test_pre_commit(hostile):
    name, shown = hostile
    _, output = run(f"{name}/signatories.yaml", application=pre_commit_app)
    assert f"{shown}/signatories.yaml:" in output


@pytest.mark.parametrize("extra", [(), ("--json",)])
def test_build(hostile, extra):
    name, shown = hostile
    result, output = run("build", name, "--format", "txt", *extra)
    assert result.exit_code == 1
    assert f"{shown}/signatories.yaml:" in output


@pytest.mark.parametrize("extra", [(), ("--json",)])
def test_stats_notes_the_lists_errors(hostile, extra):
    name, _ = hostile
    result, _ = run("signatories", "stats", name, *extra)
    assert result.exit_code == 0
    # The location's and the country's control characters, and the country that is no code: check's errors.
    assert "note: the list has 3 errors (petition check shows them)" in result.stderr
    if not extra:
        assert "\\u001b]0;PWNED\\u0007\\u001b[31mParis\\u001b[2J" in result.stdout
        assert "Lyon [/i]" in result.stdout


def test_add_warns_of_invisible_characters_and_shows_them(hostile):
    name, shown = hostile
    result, _ = run("signatories", "add", name, "--name", "New\u202eOne\u200b", "--location", "[b]x[/b]")
    assert result.exit_code == 0
    assert f"Added 'New\\u202eOne\\u200b' at {shown}/signatories.yaml:" in result.stdout
    assert "--name: warning: name: U+202E (RIGHT-TO-LEFT OVERRIDE)" in result.stderr


def test_add_refused(hostile):
    name, shown = hostile
    result, _ = run("signatories", "add", name, "--name", "Evil\u202e Org\u200b")
    assert result.exit_code == 1
    assert f"'Evil\\u202e Org\\u200b' was not added; {shown}/signatories.yaml is unchanged" in result.stderr


def test_withdraw_and_remove(hostile):
    name, shown = hostile
    result, _ = run("signatories", "withdraw", name, "--name", "Evil\u202e Org\u200b", "--note", "asked [/b]")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Withdrew 'Evil\\u202e Org\\u200b' at {shown}/signatories.yaml:")
    result, _ = run("signatories", "remove", name, "--name", "Tag\U000e0041ged [/b] Org")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"Removed 'Tag\\U000e0041ged [/b] Org' at {shown}/signatories.yaml:")
    result, _ = run("signatories", "remove", name, "--name", "Nobody\u202e")
    assert result.exit_code == 1
    assert "no signatory named 'Nobody\\u202e'" in result.stderr


@pytest.mark.parametrize("extra", [(), ("--dry-run",), ("--json",)])
def test_import_warns_of_invisible_characters_and_shows_them(hostile, extra):
    name, shown = hostile
    result, output = run("signatories", "import", "export.csv", name, *extra)
    assert result.exit_code == 1
    if "--json" in extra:
        [added] = [row for row in json.loads(result.stdout)["added"] if row["row"] == 2]
        assert added["warnings"][0].startswith("name: U+202E (RIGHT-TO-LEFT OVERRIDE)")
    else:
        assert "row 2: added: Good\\u202e Org\\u200b; name: U+202E (RIGHT-TO-LEFT OVERRIDE)" in output
        assert "row 3: rejected: 'Bad\\u001b[31m'" in output
    if not extra:
        assert f"written to {shown}/signatories.yaml." in output


@pytest.mark.parametrize("extra", [(), ("--json",)])
def test_diff(hostile, extra):
    name, shown = hostile
    manifest = Path(name, "petition.yaml")
    # A key the loader does not know: an error that diff notes, naming the project.
    manifest.write_text(manifest.read_text(encoding="utf-8") + "sbuject: x\n", encoding="utf-8")
    result, _ = run("diff", "old", name, *extra)
    assert f"note: NEW ({shown}) has 1 error; `petition check {shown}` shows them" in result.stderr
    if not extra:
        assert "Evil\\u202e Org\\u200b" in result.stdout
        assert "{+\\u001b[2J\\u200b[/b]+}" in result.stdout


def test_init(hostile):
    name, shown = hostile
    result, _ = run("init", f"{name}-new")
    assert f"{shown}-new/petition.yaml" in result.stdout
    assert f"`petition check {shown}-new`" in result.stderr
    result, _ = run("init", f"{name}-next", "--from", name)
    assert result.exit_code == 1
    assert f"error: {shown} has 4 errors; `petition check {shown}` lists them" in result.stderr


def test_schema(hostile):
    name, shown = hostile
    result, _ = run("schema", "--output", f"{name}-schemas")
    assert f"{shown}-schemas/petition.schema.json" in result.stdout


def test_preview(hostile, monkeypatch):
    """What the preview says when it starts and after each rebuild, the server itself left out."""
    import petitioncli.preview
    from petitioncli.preview.session import PreviewSession

    def serve_once(manifest, options, *, host, port, ready, rebuilt, stop=None):
        rebuilt(PreviewSession(manifest, options).rebuild())
        ready(f"http://{host}:{port}/")

    monkeypatch.setattr(petitioncli.preview, "serve", serve_once)
    name, shown = hostile
    result, _ = run("preview", name, "--port", "8123")
    assert f"Previewing {shown}/petition.yaml at http://127.0.0.1:8123/" in result.stderr
    assert f"{shown}/signatories.yaml:" in result.stderr
    assert "\\u001b]0;PWNED\\u0007" in result.stderr
