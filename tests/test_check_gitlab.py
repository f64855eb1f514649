"""`petition check --output-format gitlab`: the code quality report GitLab shows on merge requests."""

from __future__ import annotations

import json

from conftest import DATA

TWO_SAME_PROBLEMS = (
    "- name: Article 19\n  location: Baku  Tbilisi\n"
    "- name: Amnesty\n  location: Baku  Tbilisi\n"
    "- name: Civicus\n  url: '#'\n"
)


def report(run_cli, project, cwd):
    result = run_cli("check", project.name, "--output-format", "gitlab", cwd=cwd)
    return result, json.loads(result.stdout)


def test_a_clean_letter_reports_an_empty_list(run_cli):
    result, issues = report(run_cli, DATA, DATA.parent)
    assert result.exit_code == 0
    assert issues == []


def test_each_problem_is_an_issue_with_what_gitlab_requires(run_cli, iap_project):
    (iap_project / "signatories.yaml").write_text(TWO_SAME_PROBLEMS, encoding="utf-8")
    result, issues = report(run_cli, iap_project, iap_project.parent)
    assert result.exit_code == 1
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("whitespace-stray", "minor", {"path": "iap/signatories.yaml", "lines": {"begin": 2}}),
        ("whitespace-stray", "minor", {"path": "iap/signatories.yaml", "lines": {"begin": 4}}),
        ("url-invalid", "major", {"path": "iap/signatories.yaml", "lines": {"begin": 6}}),
    ]
    assert issues[2]["description"] == "url '#' is a placeholder, not a real address"
    assert len({issue["fingerprint"] for issue in issues}) == 3


def test_fingerprints_survive_lines_added_above(run_cli, iap_project):
    signatories = iap_project / "signatories.yaml"
    signatories.write_text(TWO_SAME_PROBLEMS, encoding="utf-8")
    _, before = report(run_cli, iap_project, iap_project.parent)
    signatories.write_text("- name: Newcomer\n" + TWO_SAME_PROBLEMS, encoding="utf-8")
    _, after = report(run_cli, iap_project, iap_project.parent)
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert [i["location"]["lines"]["begin"] for i in after] == [3, 5, 7]
