"""Namesakes are not duplicates: 13 people called Daniel with 13 web sites signed one letter."""

from __future__ import annotations

import json

from projects import petition, write_project


def daniels(urls: list[str]) -> str:
    return "".join(f"- name: Daniel\n  url: {url}\n" for url in urls)


def check(project) -> tuple[int, list[dict]]:
    result = petition("check", project, "--output-format", "json")
    return result.exit_code, json.loads(result.stdout)


def test_thirteen_daniels_with_thirteen_addresses_are_namesakes(tmp_path):
    urls = [f"https://daniel-{n}.example" for n in range(13)]
    code, found = check(write_project(tmp_path / "letter", {"signatories.yaml": daniels(urls)}))
    assert code == 0
    assert [d["rule"] for d in found] == ["signatory-namesake"] * 12
    assert all("possibly the same signatory as 'Daniel' at signatories.yaml:1:3" in d["message"] for d in found)


def test_two_daniels_with_one_address_are_a_duplicate(tmp_path):
    urls = ["https://daniel.example", "https://daniel.example"]
    code, found = check(write_project(tmp_path / "letter", {"signatories.yaml": daniels(urls)}))
    assert code == 1
    assert [(d["rule"], d["line"]) for d in found] == [("signatory-duplicate", 3)]


def test_signing_personally_and_for_an_organisation_is_not_a_duplicate(tmp_path):
    signatories = "- name: Jane Doe\n- name: Jane Doe\n  on_behalf_of: Amnesty International\n"
    code, found = check(write_project(tmp_path / "letter", {"signatories.yaml": signatories}))
    assert (code, found) == (0, [])


def test_a_csv_row_is_silenced_by_its_noqa_column(tmp_path):
    rows = "".join(f"Daniel,https://daniel-{n}.example,signatory-namesake\n" for n in range(1, 13))
    project = write_project(
        tmp_path / "letter",
        {
            "petition.yaml": "title: Letter\nrecipient: board\nsignatories: signatories.csv\n",
            "signatories.csv": "name,url,noqa\nDaniel,https://daniel-0.example,\n" + rows,
        },
    )
    assert check(project) == (0, [])
    assert petition("check", project, "--strict").exit_code == 0


def test_two_chinese_characters_make_a_name_and_two_letters_do_not(tmp_path):
    signatories = "- name: 王芳\n- name: JS\n"
    _, found = check(write_project(tmp_path / "letter", {"signatories.yaml": signatories}))
    suspects = [(d["line"], d["message"]) for d in found if d["rule"] == "signatory-name-suspect"]
    assert suspects == [(2, "signatory name 'JS' is too short to be a name: initials or a slip?")]
