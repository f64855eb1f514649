"""`petition signatories import`: a form export merged row by row, every row accounted for, the rest untouched."""

from __future__ import annotations

import csv
import io
import json
import unicodedata

import pytest

from petitioncli import loader

ROWS = 3_000
# Planted rows, by position in the export (0-based): disjoint by construction.
DUPLICATES_OF_THE_PROJECT = range(0, ROWS, 100)  # 30
DUPLICATES_OF_AN_EARLIER_ROW = range(50, ROWS, 100)  # 30
BLANK_NAMES = range(25, 1_500, 100)  # 15
BAD_URLS = range(75, 1_200, 100)  # 12
PHONE_NUMBERS = range(90, 500, 100)  # 5


def google_forms_export(project_names: list[str]) -> bytes:
    """What Google Forms downloads: a time stamp first, questions as headers, the respondent's e-mail.

    With what people type into forms: decomposed accents (macOS), doubled and
    surrounding spaces, web sites without https://; saved by Excel with a BOM and CRLF.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Timestamp", "Email Address", "Organisation name", "City", "Website"])
    names = []
    for i in range(ROWS):
        name = unicodedata.normalize("NFD", f"  Réseau  des Défenseurs n° {i} ")
        city, url = "Genève", f"www.reseau-{i}.org"
        if i in DUPLICATES_OF_THE_PROJECT:
            name = project_names[i // 100].upper().replace(" ", "-")
        elif i in DUPLICATES_OF_AN_EARLIER_ROW:
            # The same name and web site: a namesake with a site of their own is no duplicate (`signatory-namesake`).
            name, url = names[i - 1].casefold(), f"www.reseau-{i - 1}.org"
        elif i in BLANK_NAMES:
            name = "   "
        elif i in BAD_URLS:
            url = "http//reseau.org"
        elif i in PHONE_NUMBERS:
            city = "+41 22 555 12 34"
        names.append(name)
        writer.writerow([f"2024/03/{1 + i % 28:02d} 10:{i % 60:02d}:00", f"person{i}@example.org", name, city, url])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def run_import(run_cli, export, project, *options):
    result = run_cli("signatories", "import", export, project, *options)
    return result, json.loads(result.stdout) if "--json" in options else None


def test_a_large_form_export_is_merged_with_every_row_accounted_for(run_cli, iap_project, tmp_path):
    listed = [s.name for s in loader.load(iap_project / "petition.yaml").letter.signatories]
    export = tmp_path / "responses.csv"
    export.write_bytes(google_forms_export(listed))
    before = (iap_project / "signatories.yaml").read_bytes()

    result, report = run_import(run_cli, export, iap_project, "--json")

    assert result.exit_code == 1  # some rows were rejected; the others were added
    assert report["columns"] == {"Organisation name": "name", "City": "location", "Website": "url"}
    assert report["ignored_columns"] == ["Timestamp", "Email Address"]
    row = 2  # the export's first data row is its second line
    assert len(report["added"]) == ROWS - 30 - 30 - 15 - 12 - 5
    assert {d["row"] - row for d in report["duplicate"]} == {*DUPLICATES_OF_THE_PROJECT, *DUPLICATES_OF_AN_EARLIER_ROW}
    assert {r["row"] - row for r in report["rejected"]} == {*BLANK_NAMES, *BAD_URLS, *PHONE_NUMBERS}
    of = {d["row"] - row: d["of"] for d in report["duplicate"]}
    assert of[100] == {"name": listed[1], "file": str(iap_project / "signatories.yaml"), "line": 2}
    assert of[150] == {"name": "Réseau des Défenseurs n° 149", "row": 151}
    reasons = {r["row"] - row: r["reasons"] for r in report["rejected"]}
    assert reasons[25] == ["signatory name is empty [signatory-name-empty]"]
    assert reasons[75] == [
        "url 'http//reseau.org' is not an absolute http(s) address; did you mean 'http://reseau.org'? [url-invalid]"
    ]
    assert reasons[90] == [
        "location holds what looks like a phone number; personal data is not copied into the project"
    ]

    after = (iap_project / "signatories.yaml").read_bytes()
    assert after.startswith(before)  # as listed: the new entries follow, nothing before them moved
    assert (
        after[len(before) :]
        .decode()
        .startswith("- name: Réseau des Défenseurs n° 1\n  location: Genève\n  url: https://www.reseau-1.org\n")
    )
    assert b"@" not in after and b"+41" not in after
    check = run_cli("check", iap_project, "--strict")
    assert check.exit_code == 0, check.stdout
    assert len(loader.load(iap_project / "petition.yaml").letter.signatories) == len(listed) + len(report["added"])

    # The same export again adds nothing: every row it added is now a duplicate.
    again, report = run_import(run_cli, export, iap_project, "--json")
    assert (again.exit_code, report["added"], len(report["duplicate"])) == (1, [], ROWS - 32)
    assert (iap_project / "signatories.yaml").read_bytes() == after


def test_the_human_report_names_every_row_and_the_totals(run_cli, make_letter, tmp_path):
    make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text(
        "Timestamp,Organisation name,Website\n1,Article 19,article19.org\n2,amnesty-international,\n3,,\n4,X,ftp://x\n"
    )
    result = run_cli("signatories", "import", "export.csv", "letter", cwd=tmp_path)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "Columns of export.csv: 'Organisation name' → name, 'Website' → url",
        "Ignored: 'Timestamp'",
        "row 2: added: Article 19",
        "row 3: duplicate: 'amnesty-international' is already listed at signatories.yaml:1:3",
        "row 4: rejected: signatory name is empty [signatory-name-empty]",
        "row 5: rejected: 'X': url 'ftp://x' is not an absolute http(s) address [url-invalid]",
        "1 added, 1 duplicate, 2 rejected; written to letter/signatories.yaml.",
    ]


def test_a_dry_run_writes_nothing_and_reports_the_same(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text("Organisation,City\nArticle 19,London\nAMNESTY INTERNATIONAL,\n")
    dry, dry_report = run_import(run_cli, export, project, "--json", "--dry-run")
    assert (project / "signatories.yaml").read_text() == "- name: Amnesty International\n"
    assert (dry.exit_code, dry_report["dry_run"], dry_report["written"]) == (0, True, False)
    real, report = run_import(run_cli, export, project, "--json")
    assert real.exit_code == 0
    assert {k: v for k, v in report.items() if k not in ("dry_run", "written")} == {
        k: v for k, v in dry_report.items() if k not in ("dry_run", "written")
    }
    assert (project / "signatories.yaml").read_text() == (
        "- name: Amnesty International\n- name: Article 19\n  location: London\n"
    )


@pytest.mark.parametrize(
    ("header", "row", "used", "ignored"),
    [
        pytest.param(
            "ID,Start time,Completion time,Email,Name,Organisation name,City",
            "1,3/1/24 10:00,3/1/24 10:05,anonymous,anonymous,Article 19,London",
            {"Organisation name": "name", "City": "location"},
            ["ID", "Start time", "Completion time", "Email", "Name"],
            id="microsoft-forms",
        ),
        pytest.param(
            "first_name,last_name,email,zip_code,can2_user_city",
            "Jane,Doe,jane@example.org,1012 AB,Amsterdam",
            {"first_name": "name", "last_name": "name", "can2_user_city": "location"},
            ["email", "zip_code"],
            id="action-network",
        ),
        pytest.param(
            "Timestamp,Full name,Organisation,Phone number",
            "2024/03/01,Jane Doe,Article 19,+31 20 555 1234",
            {"Full name": "name", "Organisation": "affiliation"},
            ["Timestamp", "Phone number"],
            id="a-person-with-an-organisation",
        ),
        pytest.param(
            "Name of your organisation (as it should be printed),Web site,Country",
            "Article 19,www.article19.org,United Kingdom",
            {"Name of your organisation (as it should be printed)": "name", "Web site": "url", "Country": "country"},
            [],
            id="long-questions",
        ),
    ],
)
def test_the_columns_real_exports_use_are_recognised(run_cli, make_letter, tmp_path, header, row, used, ignored):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text(f"{header}\n{row}\n")
    result, report = run_import(run_cli, export, project, "--json")
    assert result.exit_code == 0, result.stdout
    assert (report["columns"], report["ignored_columns"]) == (used, ignored)
    assert len(report["added"]) == 1
    text = (project / "signatories.yaml").read_text()
    assert "@" not in text and "anonymous" not in text and "1012" not in text and "555" not in text


def test_map_overrides_the_columns_and_leaves_others_out(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text("Name,Group,Town\nJane Doe,Article 19,London\n")
    result, report = run_import(run_cli, export, project, "--json", "--map", "group=name", "--map", "Name=")
    assert result.exit_code == 0
    assert report["columns"] == {"Group": "name", "Town": "location"}
    assert report["ignored_columns"] == ["Name"]
    assert report["added"][0]["entry"] == {"name": "Article 19", "location": "London"}


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ("Nope=name", "--map 'Nope=name': export.csv has no column 'Nope' (its columns: 'Name', 'E-mail', 'Group')"),
        ("Name=nmae", "--map 'Name=nmae': unknown field 'nmae'; did you mean 'name'?"),
        ("E-mail=name", "column 'E-mail' holds personal data, which is never copied into the project"),
        ("Name", "--map 'Name' must be COLUMN=field"),
        ("Name=name --map Group=name", "--map 'Group=name': column 'Name' is mapped to name already; map one column"),
    ],
)
def test_a_wrong_map_is_a_usage_error(run_cli, make_letter, tmp_path, mapping, message):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text("Name,E-mail,Group\nArticle 19,a@b.org,\n")
    maps = [part for item in mapping.split(" --map ") for part in ("--map", item)]
    result = run_cli("signatories", "import", export, project, *maps, cwd=tmp_path)
    assert result.exit_code == 2
    assert message in result.stderr
    assert (project / "signatories.yaml").read_text() == "- name: Amnesty International\n"


def test_a_failure_with_json_is_json_too(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    result = run_cli("signatories", "import", tmp_path / "missing.csv", project, "--json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert (report["ok"], report["exit_code"]) == (False, 2) and "missing.csv" in report["error"]


def test_an_export_without_a_name_column_says_how_to_map_one(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text("Timestamp,Who are you?\n1,Article 19\n")
    result = run_cli("signatories", "import", export, project)
    assert result.exit_code == 2
    assert "holds the signatory's name (its columns: 'Timestamp', 'Who are you?')" in result.stderr
    assert "--map 'Organisation=name'" in result.stderr


def test_semicolons_from_excel_are_read(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text('"Organisation, in full";City\nArticle 19;London\n')
    result, report = run_import(run_cli, export, project, "--json", "--map", "Organisation, in full=name")
    assert result.exit_code == 0
    assert report["added"][0]["entry"] == {"name": "Article 19", "location": "London"}


def test_an_export_saved_as_windows_1252_is_refused_with_the_way_out(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_bytes("Organisation;City\nCafé des Droits;Liège\n".encode("cp1252"))
    result = run_cli("signatories", "import", export, project, cwd=tmp_path)
    assert result.exit_code == 2
    assert "export.csv:2:4: error: not UTF-8: byte 0xe9 cannot be decoded; it looks like Windows-1252" in result.stderr
    assert 'save as "CSV UTF-8"' in result.stderr
    assert (project / "signatories.yaml").read_text() == "- name: Amnesty International\n"


def test_a_broken_quote_in_the_export_stops_the_import(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text('Organisation\nArticle 19\n"Unclosed\nHuman Rights Watch\n')
    result = run_cli("signatories", "import", export, project, cwd=tmp_path)
    assert result.exit_code == 2
    assert "export.csv:3:1: error: CSV syntax error in this row: a quote is never closed" in result.stderr
    assert (project / "signatories.yaml").read_text() == "- name: Amnesty International\n"


def test_an_alphabetical_csv_list_gets_each_row_at_its_place(run_cli, make_letter, tmp_path):
    listed = "name;location;url\r\nAmnesty International;London;\r\nHuman Rights Watch;New York;\r\n"
    project = make_letter("signatories.csv", listed, order="alphabetical")
    export = tmp_path / "export.csv"
    export.write_text("Organisation,City,Website\nZeta Trust,Oslo,zeta.org\nArticle 19,London,\nAI Forum,,\n")
    result = run_cli("signatories", "import", export, project)
    assert result.exit_code == 0, result.stdout
    assert (project / "signatories.csv").read_bytes() == (
        b"name;location;url\r\nAI Forum;;\r\nAmnesty International;London;\r\nArticle 19;London;\r\n"
        b"Human Rights Watch;New York;\r\nZeta Trust;Oslo;https://zeta.org\r\n"
    )
    assert run_cli("check", project, "--strict").exit_code == 0


def test_a_csv_list_without_a_column_the_export_fills_is_refused_up_front(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.csv", "name\nAmnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text("Organisation,Website\nArticle 19,article19.org\n")
    result = run_cli("signatories", "import", export, project)
    assert result.exit_code == 1
    assert "has no column 'url': add it to the header row first, or leave it out with --map 'Website='" in (
        result.stderr
    )
    assert (project / "signatories.csv").read_text() == "name\nAmnesty International\n"


def test_a_project_whose_list_does_not_load_is_not_touched(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n  locaton: London\n")
    export = tmp_path / "export.csv"
    export.write_text("Organisation\nArticle 19\n")
    result = run_cli("signatories", "import", export, project)
    assert result.exit_code == 1
    assert "unknown key 'locaton' in a signatory; did you mean 'location'?" in result.stderr
    assert (project / "signatories.yaml").read_text() == "- name: Amnesty International\n  locaton: London\n"


def test_the_projects_own_list_is_not_imported_into_itself(run_cli, make_letter):
    project = make_letter("signatories.csv", "name\nAmnesty International\n")
    result = run_cli("signatories", "import", project / "signatories.csv", project)
    assert result.exit_code == 2
    assert "is the project's own list of signatories" in result.stderr
