"""`rules:` in petition.yaml, and `<!-- noqa -->` in the letter's Markdown: a project steers what check reports."""

from __future__ import annotations

import json
from pathlib import Path

from projects import petition, write_project

MANIFEST = "title: Letter to the Board\nplace: Amsterdam\ndate: 2020-01-15\nrecipient: board\n"
# Two warnings in two files: a stray space in the letter, an http:// address in the list.
LETTER = "We write to you  about the state of things[^report].\n"
SIGNATORIES = "- name: Amnesty International\n  url: http://www.amnesty.org\n"


def check(project, *options: str) -> tuple[int, list[tuple[str, str, str, int]]]:
    result = petition("check", project, "--output-format", "json", *options)
    found = json.loads(result.stdout) if result.stdout.strip() else []
    return result.exit_code, [(d["rule"], d["severity"], Path(d["file"]).name, d["line"]) for d in found]


def project_with(tmp_path, rules: str, **files: str):
    return write_project(
        tmp_path / "letter",
        {
            "petition.yaml": MANIFEST + rules,
            "letter.md": LETTER,
            "signatories.yaml": SIGNATORIES,
            **{name.replace("_", "."): text for name, text in files.items()},
        },
    )


def test_without_rules_both_warnings_are_reported(tmp_path):
    code, found = check(project_with(tmp_path, ""), "--strict")
    assert code == 1
    assert found == [
        ("whitespace-stray", "warning", "letter.md", 1),
        ("url-insecure", "warning", "signatories.yaml", 2),
    ]


def test_an_ignored_rule_is_never_reported(tmp_path):
    code, found = check(project_with(tmp_path, "rules:\n  ignore: [url-insecure, whitespace-stray]\n"), "--strict")
    assert (code, found) == (0, [])


def test_a_warning_named_in_error_fails_check_and_build(tmp_path):
    project = project_with(tmp_path, "rules:\n  error: url-insecure\n")
    code, found = check(project)
    assert code == 1
    assert found == [
        ("whitespace-stray", "warning", "letter.md", 1),
        ("url-insecure", "error", "signatories.yaml", 2),
    ]
    result = petition("build", project, "--format", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1
    assert "signatories.yaml:2:8: error: url 'http://www.amnesty.org' uses http://" in result.stderr
    assert "Nothing written: 1 error." in result.stderr
    assert not (tmp_path / "out").exists()


def test_per_file_ignores_match_a_file_name_or_a_path_in_the_project(tmp_path):
    code, found = check(project_with(tmp_path, "rules:\n  per_file_ignores:\n    '*.md': [whitespace-stray]\n"))
    assert (code, found) == (0, [("url-insecure", "warning", "signatories.yaml", 2)])
    rules = "signatories: lists/people.yaml\nrules:\n  per_file_ignores:\n    'lists/*.yaml': url-insecure\n"
    project = write_project(
        tmp_path / "nested",
        {"petition.yaml": MANIFEST + rules, "letter.md": LETTER, "lists/people.yaml": SIGNATORIES},
    )
    assert check(project) == (0, [("whitespace-stray", "warning", "letter.md", 1)])


def test_a_file_that_cannot_be_read_cannot_be_ignored(tmp_path):
    code, found = check(project_with(tmp_path, "epigraph: epigraph.md\nrules:\n  ignore: [file-missing]\n"))
    assert code == 2
    assert ("file-missing", "error", "petition.yaml", 5) in found


def test_a_noqa_comment_in_the_letter_silences_its_paragraph(tmp_path):
    letter = (
        "We write to you  about the state of things[^report]. <!-- noqa: whitespace-stray -->\n"
        "We ask  the Board.\n"
        "\n"
        "We thank  you.\n"
    )
    code, found = check(project_with(tmp_path, "", letter_md=letter))
    assert code == 0
    assert found == [
        ("whitespace-stray", "warning", "letter.md", 4),
        ("url-insecure", "warning", "signatories.yaml", 2),
    ]


def test_a_noqa_comment_works_in_the_epigraph_and_a_translation(tmp_path):
    files = {
        "petition.yaml": MANIFEST
        + "epigraph: epigraph.md\n"
        + "translations:\n  fr:\n    title: Lettre\n    place: Amsterdam\n    body: letter.fr.md\n"
        + "    footnotes: footnotes.fr.yaml\n    epigraph: epigraph.fr.md\n",
        "letter.md": LETTER + "<!-- noqa: whitespace-stray -->\n",
        "epigraph.fr.md": "<!-- noqa: whitespace-stray -->\n*Rien  sur nous sans nous.*\n",
        "epigraph.md": "<!-- noqa: whitespace-stray -->\n*Nothing  about us without us.*\n",
        "letter.fr.md": "Nous vous  écrivons[^report]. <!-- noqa: whitespace-stray, html-raw -->\n",
        "footnotes.fr.yaml": "report: Voir le rapport.\n",
        "recipients.yaml": "board:\n  name: The Board\n  salutation: {en: 'Dear Board,', fr: 'Mesdames, Messieurs,'}\n",
    }
    code, found = check(write_project(tmp_path / "letter", files))
    assert (code, found) == (0, [("noqa-unused", "warning", "letter.fr.md", 1)])


def test_init_explains_the_rules_key_and_its_example_checks(tmp_path):
    assert petition("init", tmp_path / "new").exit_code == 0
    manifest = tmp_path / "new" / "petition.yaml"
    text = manifest.read_text(encoding="utf-8")
    example = "# rules: {ignore: [url-insecure], error: [signatory-namesake]}"
    assert example in text
    manifest.write_text(text.replace(example, example.removeprefix("# ")), encoding="utf-8")
    code, found = check(tmp_path / "new")
    assert code == 0
    assert "value-unknown" not in {rule for rule, *_ in found}


def test_the_schema_describes_the_rules_key():
    from pathlib import Path

    schema = json.loads((Path(__file__).parent.parent / "schemas" / "petition.schema.json").read_text())
    rules = schema["properties"]["rules"]
    assert set(rules["properties"]) == {"ignore", "error", "per_file_ignores"}
    assert rules["additionalProperties"] is False


def test_a_noqa_for_what_depends_on_the_fonts_installed_is_never_called_unused(tmp_path):
    # Drawn by the shipped font everywhere; on another machine the same comment may silence a glyph-missing.
    signatories = "- name: Amnesty International  # noqa: glyph-missing, signatory-namesake\n"
    code, found = check(
        project_with(tmp_path, "", signatories_yaml=signatories, letter_md="We write to you[^report].\n")
    )
    assert (code, found) == (0, [("noqa-unused", "warning", "signatories.yaml", 1)])


def test_an_unknown_rule_in_a_list_is_reported_where_it_is_written(tmp_path):
    rules = (
        "rules:\n"
        "  ignore: [url-insecure,   no-such-rule]\n"
        "  per_file_ignores:\n"
        "    '*.md':\n"
        "      - whitespace-stray\n"
        "      - bogus\n"
    )
    result = petition("check", project_with(tmp_path, rules))
    assert result.exit_code == 1
    assert "petition.yaml:6:28: error: unknown rule 'no-such-rule' in 'rules.ignore' [value-unknown]" in result.stdout
    assert "petition.yaml:10:9: error: unknown rule 'bogus' in 'rules.per_file_ignores' ('*.md')" in result.stdout


def test_a_control_character_is_reported_whatever_rules_or_noqa_say(tmp_path):
    """No format prints one: a Word copy cannot hold it, Typst refuses it."""
    listing = '- name: "Org\\x01 One"\n  noqa: text-control\n- name: "Org\\x02 Two"\n'
    project = project_with(tmp_path, "rules:\n  ignore: [text-control]\n", signatories_yaml=listing)
    code, found = check(project)
    assert (code, found) == (
        1,
        [
            ("whitespace-stray", "warning", "letter.md", 1),
            ("text-control", "error", "signatories.yaml", 1),
            ("text-control", "error", "signatories.yaml", 3),
        ],
    )
    result = petition("build", project, "--format", "docx", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1
    assert "unexpected failure" not in result.stderr
    assert not (tmp_path / "out").exists()
