"""`petition diff --format markdown|json|text`: a pull-request comment a person can read."""

from __future__ import annotations

import shutil

import pytest

from conftest import DATA, REPO

EXAMPLE = REPO / "tests" / "fixtures" / "diff_example"


@pytest.fixture
def editions(tmp_path):
    old, new = tmp_path / "before", tmp_path / "after"
    shutil.copytree(EXAMPLE / "before", old)
    shutil.copytree(EXAMPLE / "before", new)
    return old, new


def test_the_committed_example_reads_as_its_expected_comment(run_cli):
    result = run_cli("diff", "before", "after", "--format", "markdown", cwd=EXAMPLE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (EXAMPLE / "expected.md").read_text(encoding="utf-8")


def test_json_is_a_format_and_json_its_old_alias(run_cli):
    as_format = run_cli("diff", "before", "after", "--format", "json", cwd=EXAMPLE)
    assert as_format.exit_code == 0
    assert as_format.stdout == run_cli("diff", "before", "after", "--json", cwd=EXAMPLE).stdout
    assert as_format.stdout.startswith('{\n  "old": "before",\n  "new": "after",\n  "differences": true,')
    text = run_cli("diff", "before", "after", "--format", "text", cwd=EXAMPLE)
    assert text.stdout.startswith(
        "Signatories: 2 joined, 1 pending, 1 withdrawn, 1 left, 1 status changed, 2 changed "
        "(Organisations: 1 joined, 1 pending, 1 withdrawn, 1 left, 1 status changed, 1 changed; "
        "Individuals: 1 joined, 1 changed)\n"
    )


def test_identical_editions(run_cli, editions):
    old, new = editions
    result = run_cli("diff", old, new, "--format", "markdown", "--exit-code", cwd=old.parent)
    assert (result.exit_code, result.stdout) == (0, "No differences in the letter from `before` to `after`.\n")


def test_long_lists_fold_away_and_stop_at_a_bound(run_cli, editions):
    old, new = editions
    with (new / "organisations.yaml").open("a", encoding="utf-8") as out:
        out.writelines(f"- name: Newcomer {number:03d}\n" for number in range(1, 261))
    (new / "individuals.csv").write_text("name,title,location\n", encoding="utf-8")
    result = run_cli("diff", old, new, "--format", "markdown", cwd=old.parent)
    assert result.exit_code == 0, result.stderr
    assert "<details><summary>Joined (260)</summary>\n\n- Newcomer 001 — Organisations\n" in result.stdout
    assert (
        "- Newcomer 200 — Organisations\n- … and 60 more (`petition diff --format json` lists them all)\n\n</details>\n"
    ) in result.stdout
    assert "Newcomer 201" not in result.stdout
    # Two left: under the fold's bound, listed in the open.
    assert "**Left the list (2)**\n\n- Eli Moor, Utrecht — Individuals\n- Omar Said, Leiden — Individuals\n" in (
        result.stdout
    )


def test_what_the_letter_holds_is_shown_as_written_never_as_markdown(run_cli, editions):
    old, new = editions
    with (new / "organisations.yaml").open("a", encoding="utf-8") as out:
        out.write('- name: "<img src=x onerror=alert(1)> **Loud** [click](https://example.net) | ~~x~~ $x$"\n')
    result = run_cli("diff", old, new, "--format", "markdown", cwd=old.parent)
    assert (
        "- \\<img src=x onerror=alert(1)\\> \\*\\*Loud\\*\\* \\[click\\](https://example.net) \\| \\~\\~x\\~\\~ "
        "\\$x\\$ — Organisations\n"
    ) in result.stdout
    assert "<img" not in result.stdout.replace("\\<img", "")


def test_control_characters_are_shown_as_escapes(run_cli, editions):
    old, new = editions
    with (new / "organisations.yaml").open("a", encoding="utf-8") as out:
        out.write('- name: "Title \\e]0;PWNED\\a Union"\n')
    result = run_cli("diff", old, new, "--format", "markdown", cwd=old.parent)
    # Rendered, the line reads: Title \u001b]0;PWNED\u0007 Union.
    assert "- Title \\\\u001b\\]0;PWNED\\\\u0007 Union — Organisations\n" in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


def test_json_and_markdown_at_once_are_refused(run_cli):
    result = run_cli("diff", "before", "after", "--json", "--format", "markdown", cwd=EXAMPLE)
    assert result.exit_code == 2
    assert "--json is --format json; it cannot be --format markdown too" in result.stderr


def test_a_translation_and_a_recipient_s_name_in_it(run_cli, tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DATA, old)
    shutil.copytree(DATA, new)
    letter = new / "letter.fr.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("Pékin", "Beijing"), encoding="utf-8")
    recipients = new / "recipients.yaml"
    text = recipients.read_text(encoding="utf-8")
    recipients.write_text(text.replace("Comité exécutif et Sénat de l'AIPP", "Comité exécutif de l'AIPP"), "utf-8")
    result = run_cli("diff", "old", "new", "--format", "markdown", cwd=tmp_path)
    assert result.stdout == (
        "## Changes to the letter\n\n`old` → `new`\n\n"
        "### Letter text (fr)\n\n"
        "- line 1: … des procureurs et poursuivants (AIPP) à ~~Pékin,~~ **Beijing,** en Chine, les organisations "
        "de la …\n\n"
        "### Recipients\n\n"
        "- changed `iap-leadership`: name (fr) ~~Comité exécutif et Sénat de l'AIPP~~ → "
        "**Comité exécutif de l'AIPP**\n"
    )


def test_a_long_list_of_paragraphs_stops_at_the_bound(run_cli, editions):
    old, new = editions
    (old / "letter.md").write_text("".join(f"Paragraph {n} as it was.\n\n" for n in range(250)), encoding="utf-8")
    (new / "letter.md").write_text("".join(f"Paragraph {n} as it is.\n\n" for n in range(250)), encoding="utf-8")
    result = run_cli("diff", old, new, "--format", "markdown", cwd=old.parent)
    assert "- line 1: Paragraph 0 as it ~~was.~~ **is.**\n" in result.stdout
    assert result.stdout.endswith(
        "- line 399: Paragraph 199 as it ~~was.~~ **is.**\n"
        "- … and 50 more (`petition diff --format json` lists them all)\n"
    )


def test_long_paragraphs_are_cut_so_that_the_comment_fits_on_a_pull_request(run_cli, editions):
    old, new = editions
    sentence = "Every word of this paragraph was added in one go by a hurried editor. " * 40  # 2,800 characters
    (new / "letter.md").write_text(
        (old / "letter.md").read_text(encoding="utf-8") + "".join(f"\n{n} {sentence}\n" for n in range(150)),
        encoding="utf-8",
    )
    result = run_cli("diff", old, new, "--format", "markdown", cwd=old.parent)
    assert result.exit_code == 0
    assert len(result.stdout) <= 65_536
    assert "**0 Every word of this paragraph" in result.stdout
    # 2 + 14 × 70 characters, then "Every word of this" ends at the 1,000th: cut at the space before it.
    assert " hurried editor. Every word of …**\n" in result.stdout
    assert result.stdout.endswith(
        "\n\n… and more: a pull-request comment holds 65,536 characters; "
        "`petition diff --format json` has every change.\n"
    )


def test_a_translation_s_tag_is_shown_as_written_never_as_html_or_a_terminal_command(run_cli, tmp_path):
    """diff reads editions check has not passed: a tag may hold anything until check says it is wrong."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(DATA, old)
    manifest = old / "petition.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace("\n  fr:\n", '\n  "fr<img src=x>\\e[2J":\n', 1), encoding="utf-8")
    shutil.copytree(old, new)
    letter = new / "letter.fr.md"
    letter.write_text(letter.read_text(encoding="utf-8").replace("Pékin", "Beijing"), encoding="utf-8")
    comment = run_cli("diff", "old", "new", "--format", "markdown", cwd=tmp_path).stdout
    assert "### Letter text (fr\\<img src=x\\>\\\\u001b\\[2J)\n" in comment
    shown = run_cli("diff", "old", "new", cwd=tmp_path).stdout
    assert "Letter text (fr<img src=x>\\u001b[2J), paragraphs: 1 reworded" in shown
    assert "\x1b" not in shown
