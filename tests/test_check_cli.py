"""`petition check` as users and CI see it: output formats, exit codes, --strict, noqa."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from test_check_corpus import BASE

ANSI = re.compile(r"\x1b\[[0-9;]*m")
ANNOTATION = re.compile(r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+),title=([^:]+)::(.*)$")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "letter"
    shutil.copytree(BASE, target)
    return target


@pytest.fixture
def broken(project: Path) -> Path:
    """Two errors and a warning in two files."""
    (project / "petition.yaml").write_text(
        "title: Letter to the Board\nplace: Amsterdam\ndate: 2021-02-30\nrecipient: board\n"
    )
    (project / "signatories.yaml").write_text(
        "- name: Amnesty International\n  url: http://amnesty.org\n- name: Amnesty International.\n"
    )
    return project


def test_the_iap_letter_passes_strict_check(run_cli, iap_project):
    result = run_cli("check", iap_project, "--strict", "--output-format", "json")
    assert result.exit_code == 0, result.stdout
    assert json.loads(result.stdout) == []


def test_human_output_is_grouped_by_file_and_summed_up(run_cli, broken):
    result = run_cli("check", cwd=broken)
    assert result.exit_code == 1
    assert result.stdout == (
        "petition.yaml:3:7: error: 'date' '2021-02-30' does not exist: day is out of range for month [date-invalid]\n"
        "\n"
        "signatories.yaml:2:8: warning: url 'http://amnesty.org' uses http://; "
        "use https:// where the site offers it [url-insecure]\n"
        "signatories.yaml:3:3: error: duplicate signatory 'Amnesty International.': "
        "already listed at signatories.yaml:1:3 [signatory-duplicate]\n"
        "\n"
        "2 errors, 1 warning in 2 files\n"
    )


def test_a_clean_project_says_so(run_cli, project):
    result = run_cli("check", project)
    assert result.exit_code == 0
    assert result.stdout == "No problems in 5 files.\n"


def test_json_output_is_a_list_of_problems(run_cli, broken):
    result = run_cli("check", "--output-format", "json", cwd=broken)
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    assert [sorted(p) for p in problems] == [["column", "file", "line", "message", "rule", "severity", "url"]] * 3
    assert [(p["file"], p["line"], p["column"], p["severity"], p["rule"]) for p in problems] == [
        ("petition.yaml", 3, 7, "error", "date-invalid"),
        ("signatories.yaml", 2, 8, "warning", "url-insecure"),
        ("signatories.yaml", 3, 3, "error", "signatory-duplicate"),
    ]
    assert [p["url"] for p in problems] == [
        "https://petitioncli.readthedocs.io/en/latest/rules/date-invalid/",
        "https://petitioncli.readthedocs.io/en/latest/rules/url-insecure/",
        "https://petitioncli.readthedocs.io/en/latest/rules/signatory-duplicate/",
    ]


def test_verbose_follows_each_problem_with_its_rule_page(run_cli, broken):
    result = run_cli("check", "--verbose", cwd=broken)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[:4] == [
        "petition.yaml:3:7: error: 'date' '2021-02-30' does not exist: day is out of range for month [date-invalid]",
        "    https://petitioncli.readthedocs.io/en/latest/rules/date-invalid/",
        "",
        "signatories.yaml:2:8: warning: url 'http://amnesty.org' uses http://; "
        "use https:// where the site offers it [url-insecure]",
    ]
    assert result.stdout.count("https://petitioncli.readthedocs.io/en/latest/rules/") == 3
    assert "readthedocs" not in run_cli("check", cwd=broken).stdout


def test_github_output_is_one_annotation_a_problem(run_cli, broken):
    result = run_cli("check", "--output-format", "github", cwd=broken)
    assert result.exit_code == 1
    annotations = [ANNOTATION.match(line) for line in result.stdout.splitlines()]
    assert all(annotations), result.stdout
    assert [a.groups()[:5] for a in annotations] == [
        ("error", "petition.yaml", "3", "7", "date-invalid"),
        ("warning", "signatories.yaml", "2", "8", "url-insecure"),
        ("error", "signatories.yaml", "3", "3", "signatory-duplicate"),
    ]
    assert annotations[2].group(6).startswith("duplicate signatory 'Amnesty International.'")


def test_github_annotations_escape_line_breaks_and_percent_signs(run_cli, project):
    (project / "signatories.yaml").write_text('- name: 100% human rights\n- name: "100% Human\\nRights"\n')
    result = run_cli("check", "--output-format", "github", cwd=project)
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::error file=signatories.yaml,line=2,col=3,title=signatory-duplicate::")
    assert "'100%25 Human\\nRights'" in lines[0]


def test_github_output_prints_nothing_for_a_clean_project(run_cli, project):
    result = run_cli("check", project, "--output-format", "github")
    assert (result.exit_code, result.stdout) == (0, "")


def test_colour_only_when_asked_for_a_terminal_and_never_with_no_color(run_cli, broken):
    plain = run_cli("check", broken, env={"FORCE_COLOR": None, "NO_COLOR": None})
    assert not ANSI.search(plain.stdout)
    forced = run_cli("check", broken, env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert ANSI.search(forced.stdout)
    assert ANSI.sub("", forced.stdout) == plain.stdout
    refused = run_cli("check", broken, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert refused.stdout == plain.stdout


def test_user_data_is_printed_as_written_not_as_markup(run_cli, project):
    (project / "signatories.yaml").write_text('- name: "[bold]Lawyers[/bold] :smile:  Union"\n')
    result = run_cli("check", project, env={"FORCE_COLOR": "1", "NO_COLOR": None})
    assert "'[bold]Lawyers[/bold] :smile:  Union'" in ANSI.sub("", result.stdout)


@pytest.mark.parametrize(
    ("signatories", "args", "code"),
    [
        ("- name: Amnesty International\n", [], 0),
        ("- name: Amnesty International\n  url: http://amnesty.org\n", [], 0),
        ("- name: Amnesty International\n  url: http://amnesty.org\n", ["--strict"], 1),
        ("- name: Amnesty International\n  status: maybe\n", [], 1),
        (b"- name: Caf\xe9 Europa\n", [], 2),
    ],
    ids=["clean", "warning", "warning-strict", "error", "unreadable"],
)
def test_exit_codes(run_cli, project, signatories, args, code):
    path = project / "signatories.yaml"
    path.write_bytes(signatories if isinstance(signatories, bytes) else signatories.encode())
    assert run_cli("check", project, *args).exit_code == code


def test_a_folder_without_a_manifest_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("check", tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no petition.yaml in" in result.stderr


def test_an_unknown_output_format_is_a_usage_error(run_cli, project):
    result = run_cli("check", project, "--output-format", "xml")
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_the_manifest_itself_may_be_named(run_cli, project):
    result = run_cli("check", project / "petition.yaml", "--strict")
    assert result.exit_code == 0


def test_noqa_on_a_block_scalar_covers_the_lines_inside_it(run_cli, project):
    footnotes = project / "footnotes.yaml"
    footnotes.write_text("report: >-\n  See the report at\n  <http://example.org/report>.\n")
    assert run_cli("check", project, "--strict").exit_code == 1
    footnotes.write_text("report: >-  # noqa: url-insecure\n  See the report at\n  <http://example.org/report>.\n")
    assert run_cli("check", project, "--strict").exit_code == 0


def test_noqa_names_the_rules_it_silences(run_cli, project):
    (project / "signatories.yaml").write_text(
        "- name: Amnesty International\n  url: http://amnesty.org  # noqa: whitespace-stray\n"
        "- name: Article 19\n  url: http://article19.org  # noqa: url-insecure, whitespace-stray\n"
    )
    result = run_cli("check", project, "--output-format", "json")
    found = [(p["rule"], p["line"], p["message"]) for p in json.loads(result.stdout)]
    assert found == [
        ("url-insecure", 2, "url 'http://amnesty.org' uses http://; use https:// where the site offers it"),
        ("noqa-unused", 2, "noqa names 'whitespace-stray', which reports nothing here; remove it"),
        ("noqa-unused", 4, "noqa names 'whitespace-stray', which reports nothing here; remove it"),
    ]


def test_a_letter_without_notes_needs_no_footnotes_file(run_cli, project):
    (project / "footnotes.yaml").unlink()
    (project / "letter.md").write_text("We write to you.\n")
    assert run_cli("check", project, "--strict").exit_code == 0
    (project / "letter.md").write_text("We write to you[^report].\n")
    result = run_cli("check", "--output-format", "json", cwd=project)
    assert [(p["rule"], p["file"], p["line"], p["column"]) for p in json.loads(result.stdout)] == [
        ("footnote-undefined", "letter.md", 1, 16)
    ]


def test_build_writes_nothing_when_check_finds_an_error(run_cli, broken, tmp_path):
    out = tmp_path / "out"
    result = run_cli("build", broken, "--format", "txt", "--output-dir", out)
    assert result.exit_code == 1
    assert "signatory-duplicate" in result.stderr
    assert not out.exists()


def test_build_goes_ahead_with_warnings_only(run_cli, project, tmp_path):
    (project / "signatories.yaml").write_text("- name: Amnesty International\n  url: http://amnesty.org\n")
    out = tmp_path / "out"
    result = run_cli("build", project, "--format", "txt", "--output-dir", out)
    assert result.exit_code == 0
    assert "url-insecure" in result.stderr
    assert len(list(out.iterdir())) == 1
