"""Signatures as campaigns collect them: form exports with consent, countries typed as names, withdrawals.

The exports under tests/fixtures/forms/ have the header rows Google Forms,
Microsoft Forms and Action Network write (rows written for these tests);
tests/fixtures/owinfs-members.csv is an excerpt of a published member list
(see tests/fixtures/README.md).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petitioncli import loader
from projects import ENGINES

FIXTURES = Path(__file__).parent / "fixtures"
FORMS = FIXTURES / "forms"


def entries(project: Path) -> list[tuple[str, str | None, str]]:
    """(name, country, status) of every entry as petition reads the list back."""
    result = loader.load(project / "petition.yaml")
    assert not result.diagnostics.errors, result.diagnostics
    return [(s.name, s.country, s.status.value) for s in result.letter.signatories]


def import_(run_cli, export: Path, project: Path, *options: str):
    """Run from the project's folder, so that the report names the list as `signatories.yaml`."""
    return run_cli("signatories", "import", export.resolve(), ".", *options, cwd=project)


# Consent ---------------------------------------------------------------------------------------


def test_a_google_forms_consent_column_keeps_out_who_said_no(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n  country: GB\n")
    result = import_(run_cli, FORMS / "google-forms.csv", project)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "'Do you confirm that your organisation signs this letter?' → consent" in lines[0]
    assert lines[1] == "Ignored: 'Timestamp', 'Email Address'"
    assert lines[2:] == [
        "row 2: added: Article 19",
        "row 3: added: Human Rights Watch",
        "row 4: added: Liga lidských práv",
        "row 5: declined: 'Amnesty International'; listed as confirmed at signatories.yaml:1",
        "row 6: added: İnsan Hakları Derneği",
        "row 7: declined: 'Ligue Ivoirienne des Droits de l'Homme'",
        "row 8: added: Helsinki Committee for Human Rights in Bosnia and Herzegovina",
        "5 added, 0 duplicate, 2 declined, 0 rejected; written to signatories.yaml.",
    ]
    # Countries as the form's respondents typed them, stored as ISO codes.
    assert entries(project) == [
        ("Amnesty International", "GB", "confirmed"),
        ("Article 19", "GB", "confirmed"),
        ("Human Rights Watch", "US", "confirmed"),
        ("Liga lidských práv", "CZ", "confirmed"),
        ("İnsan Hakları Derneği", "TR", "confirmed"),
        ("Helsinki Committee for Human Rights in Bosnia and Herzegovina", "BA", "confirmed"),
    ]


def test_declined_rows_are_in_the_json_report(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    result = import_(run_cli, FORMS / "google-forms.csv", project, "--json", "--dry-run")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["declined"] == [
        {
            "row": 5,
            "name": "Amnesty International",
            "listed_as_confirmed": {"name": "Amnesty International", "file": "signatories.yaml", "line": 1},
        },
        {"row": 7, "name": "Ligue Ivoirienne des Droits de l'Homme", "listed_as_confirmed": None},
    ]
    assert report["columns"]["Do you confirm that your organisation signs this letter?"] == "consent"


def test_consent_named_with_map_and_answered_in_spanish(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "respuestas.csv"
    export.write_text("Organización,Firma\nCELS,Sí\nADC,No\nIDL,quizás\ncels,no\n", encoding="utf-8")
    result = import_(run_cli, export, project, "--map", "Firma=consent")
    assert result.exit_code == 1  # one row says neither yes nor no
    assert result.stdout.splitlines()[1:] == [
        "row 2: added: CELS",
        "row 3: declined: 'ADC'",
        "row 4: rejected: 'IDL': the answer 'quizás' to 'Firma' is neither yes nor no",
        "row 5: declined: 'cels'; row 2 of this export signs",
        "1 added, 0 duplicate, 2 declined, 1 rejected; written to signatories.yaml.",
    ]


def test_a_spanish_form_maps_its_columns_and_shows_both_spellings_of_a_duplicate(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    result = import_(run_cli, FORMS / "formulario-es.csv", project)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"Columns of {(FORMS / 'formulario-es.csv').resolve()}: 'Organización' → name, 'Cargo' → title, "
        "'Ciudad' → location, 'País' → country, '¿Confirma que su organización firma esta carta?' → consent",
        "Ignored: 'Marca temporal', 'Dirección de correo electrónico'",
        "row 2: added: Asociación por los Derechos Civiles",
        "row 3: duplicate: duplicate of 'Asociación por los Derechos Civiles' (row 2); "
        "this row spells it 'Asociacion por los Derechos Civiles'; the earlier row's spelling is kept",
        "row 4: declined: 'Coordinadora Nacional de Derechos Humanos'",
        "1 added, 1 duplicate, 1 declined, 0 rejected; written to signatories.yaml.",
    ]
    assert entries(project)[-1] == ("Asociación por los Derechos Civiles", "AR", "confirmed")


def test_microsoft_forms_your_name_is_the_signatory_and_its_name_column_the_account(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    result = import_(run_cli, FORMS / "microsoft-forms.csv", project, "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["columns"] == {
        "Your name": "name",
        "Job title": "title",
        "Organisation": "affiliation",
        "Country": "country",
        "I agree to sign this letter": "consent",
    }
    assert [row["entry"] for row in report["added"]] == [
        {"name": "Marie Dupont", "title": "Professor of Law", "affiliation": "Université de Lille", "country": "FR"},
        {"name": "Jan de Vries", "title": "Researcher", "affiliation": "Universiteit Utrecht", "country": "NL"},
    ]
    assert [row["name"] for row in report["declined"]] == ["Erika Mustermann"]


def test_action_network_halves_of_a_name_and_placeholder_affiliations(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    result = import_(run_cli, FORMS / "action-network.csv", project, "--json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["ignored_columns"] == ["email", "zip_code", "can2_phone"]
    assert report["columns"]["Position"] == "title"
    # Two people of one name, each "Individual", told apart by their sites: namesakes, not duplicates.
    assert [(row["entry"]["name"], row["warnings"]) for row in report["added"]][1:] == [
        ("Tom Okafor", []),
        (
            "Tom Okafor",
            [
                "possibly the same signatory as 'Tom Okafor' at row 3 of action-network.csv: the same name with "
                "another URL; if they are two people, silence this with noqa [signatory-namesake]"
            ],
        ),
    ]


def test_import_help_names_every_field_and_consent(run_cli):
    from petitioncli.fields import specs
    from petitioncli.model import Signatory

    result = run_cli("signatories", "import", "--help")
    text = " ".join(result.stdout.replace("│", " ").split())  # Rich draws the options in a box
    listed = text.split("COLUMN=field reads COLUMN as a field: ", 1)[1].split(" or consent", 1)[0]
    assert [field.strip() for field in listed.split(",") if field.strip()] == list(specs(Signatory))


# Countries -------------------------------------------------------------------------------------


def test_a_published_member_list_imports_with_its_countries_as_codes(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    result = import_(run_cli, FIXTURES / "owinfs-members.csv", project)
    assert result.exit_code == 0, result.stderr
    assert "23 added, 0 duplicate, 0 rejected" in result.stdout
    # An HTML entity the web page held, with the text it stands for.
    assert (
        "row 9: added: Action, Research &amp; Education Network of Aotearoa (ARENA); name 'Action, Research &amp; "
        "Education Network of Aotearoa (ARENA)' looks garbled; did you mean 'Action, Research & Education "
        "Network of Aotearoa (ARENA)'? [text-garbled]"
    ) in result.stdout.splitlines()
    countries = [country for _, country, _ in entries(project)[1:]]
    assert countries == [
        *("BE", "NL", "KE", None, "ZA", "US", None, "NZ", "PH", "NG", "GH", "ZW", "AU", "NP", "CH", "US"),
        *("UY", "EG", "LB", "HK", "MX", "PT", "FR"),
    ]


def test_add_takes_a_country_in_a_translations_language(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    manifest = project / "petition.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text + "translations:\n  sv:\n    title: Brev\n    body: letter.md\n", encoding="utf-8")
    result = run_cli("signatories", "add", project, "--name", "Liga lidských práv", "--country", "Tjeckien")
    assert result.exit_code == 0, result.stderr
    assert "(country: CZ)" in result.stdout
    assert (
        (project / "signatories.yaml")
        .read_text(encoding="utf-8")
        .endswith('- name: Liga lidských práv\n  country: "CZ"\n')
    )


# Withdrawals and removals ----------------------------------------------------------------------

LIST = """\
# Signatories, as the coalition keeps them.

- name: Amnesty International   # the first to sign
  location: 'London'

- name: "Article 19"
  country: "GB"
  status: pending  # waiting for the board
- name: Human Rights Watch
  url: https://www.hrw.org
"""


def test_withdraw_changes_only_the_status_and_keeps_every_other_byte(run_cli, make_letter):
    project = make_letter("signatories.yaml", LIST)
    result = run_cli("signatories", "withdraw", project, "--name", "article-19", "--note", "asked on 3 May")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Withdrew 'Article 19' at ") and result.stdout.endswith("signatories.yaml:6\n")
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == LIST.replace(
        "  status: pending  # waiting for the board\n",
        "  status: withdrawn  # waiting for the board\n  # asked on 3 May\n",
    )
    result = run_cli("signatories", "withdraw", project, "--name", "Amnesty International")
    assert result.exit_code == 0, result.stderr
    assert (
        (project / "signatories.yaml")
        .read_text(encoding="utf-8")
        .startswith(
            "# Signatories, as the coalition keeps them.\n\n- name: Amnesty International   # the first to sign\n"
            "  location: 'London'\n  status: withdrawn\n\n- name: \"Article 19\"\n"
        )
    )


def test_a_withdrawn_name_is_not_printed_and_a_later_import_keeps_it_out(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", LIST)
    assert run_cli("signatories", "withdraw", project, "--name", "Human Rights Watch").exit_code == 0
    out = tmp_path / "letter.txt"
    assert run_cli("build", project.resolve(), "--format", "txt", "--output", out).exit_code == 0
    assert "Human Rights Watch" not in out.read_text(encoding="utf-8")
    export = tmp_path / "export.csv"
    export.write_text("Organisation,Website\nHuman Rights Watch,https://hrw.org/new\nCELS,\n", encoding="utf-8")
    before = (project / "signatories.yaml").read_text(encoding="utf-8")
    result = import_(run_cli, export, project)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[1:] == [
        "row 2: withdrawn: 'Human Rights Watch' withdrawn earlier (signatories.yaml:9)",
        "row 3: added: CELS",
        "1 added, 0 duplicate, 1 withdrawn, 0 rejected; written to signatories.yaml.",
    ]
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == before + "- name: CELS\n"
    added = run_cli("signatories", "add", project, "--name", "human rights watch")
    assert added.exit_code == 1
    assert "withdrawn earlier (signatories.yaml:9)" in added.stderr


def test_remove_deletes_the_entry_alone(run_cli, make_letter):
    project = make_letter("signatories.yaml", LIST)
    result = run_cli("signatories", "remove", project, "--name", "ARTICLE 19")
    assert result.exit_code == 0, result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == LIST.replace(
        '- name: "Article 19"\n  country: "GB"\n  status: pending  # waiting for the board\n', ""
    )


def test_withdraw_and_remove_in_a_csv_list_keep_every_other_byte(run_cli, make_letter):
    text = 'name,location,status\r\nAmnesty International,London,\r\n"Article 19","London, UK",pending\r\nCELS,,\r\n'
    project = make_letter("signatories.csv", text)
    assert run_cli("signatories", "withdraw", project, "--name", "Article 19").exit_code == 0
    assert run_cli("signatories", "withdraw", project, "--name", "cels").exit_code == 0
    expected = 'name,location,status\r\nAmnesty International,London,\r\n"Article 19","London, UK",withdrawn\r\n'
    assert (project / "signatories.csv").read_bytes() == (expected + "CELS,,withdrawn\r\n").encode()
    assert run_cli("signatories", "remove", project, "--name", "Amnesty International").exit_code == 0
    assert (project / "signatories.csv").read_bytes() == (
        b'name,location,status\r\n"Article 19","London, UK",withdrawn\r\nCELS,,withdrawn\r\n'
    )
    refused = run_cli("signatories", "withdraw", project, "--name", "CELS", "--note", "why")
    assert refused.exit_code == 2
    assert "has no place for a note" in refused.stderr


def test_an_ambiguous_or_unknown_name_is_refused_with_its_candidates(run_cli, make_letter):
    namesakes = LIST + "- name: Human Rights Watch\n  url: https://hrw.example.net\n"
    project = make_letter("signatories.yaml", namesakes)
    result = run_cli("signatories", "withdraw", project, "--name", "Human Rights Watch")
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert (
        "'Human Rights Watch' is ambiguous: 2 entries have this name ('Human Rights Watch' (https://www.hrw.org) "
        "at signatories.yaml:9; 'Human Rights Watch' (https://hrw.example.net) at signatories.yaml:11)"
    ) in message
    result = run_cli("signatories", "remove", project, "--name", "Amnesty Internatonal")
    assert result.exit_code == 1
    assert (
        "no signatory named 'Amnesty Internatonal' in signatories.yaml; did you mean 'Amnesty International' "
        "(London) at signatories.yaml:3; nothing written"
    ) in " ".join(result.stderr.split())
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == namesakes


def test_remove_help_points_to_withdraw(run_cli):
    text = " ".join(run_cli("signatories", "remove", "--help").stdout.split())
    assert "A later import adds the name again" in text and "use `withdraw`" in text


def test_the_changed_while_editing_guard_refuses_and_keeps_the_other_programs_edit(run_cli, make_letter, monkeypatch):
    from petitioncli.signatories import listfile

    project = make_letter("signatories.yaml", LIST)
    real_write = listfile.ListFile.write

    def edited_meanwhile(self, text):
        self.path.write_text(LIST + "- name: Typed in an editor\n", encoding="utf-8")
        real_write(self, text)

    monkeypatch.setattr(listfile.ListFile, "write", edited_meanwhile)
    result = run_cli("signatories", "withdraw", project, "--name", "Article 19")
    assert result.exit_code == 1
    assert "changed while petition was working on it; nothing written" in result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8").endswith("- name: Typed in an editor\n")


# Print -----------------------------------------------------------------------------------------


def test_a_url_silenced_with_noqa_is_printed_as_text_not_as_a_link(run_cli, make_letter, tmp_path):
    project = make_letter(
        "signatories.yaml", "- name: Amnesty International\n- name: humb1t\n  url: humb1t  # noqa: url-invalid\n"
    )
    out = tmp_path / "letter.html"
    result = run_cli("build", project, "--format", "html", "--output", out)
    assert result.exit_code == 0, result.stderr
    html = out.read_text(encoding="utf-8")
    assert 'href="humb1t"' not in html
    assert "<li>humb1t" in html


# Spreadsheets and personal data ----------------------------------------------------------------


def test_formulas_are_refused_at_import_and_never_written_into_a_csv_list(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.csv", "name,location\nAmnesty International,London\n")
    export = tmp_path / "export.csv"
    export.write_text(
        'Organisation,City\n"=HYPERLINK(""http://x.org"",""Click"")",Paris\n@SUM(A1:A2),Lyon\n'
        "-Kollektiv-,Bern\n\"+cmd|' /C calc'!A0\",Oslo\nCELS,Buenos Aires\n",
        encoding="utf-8",
    )
    result = import_(run_cli, export, project)
    assert result.exit_code == 1
    rejected = [line for line in result.stdout.splitlines() if ": rejected: " in line]
    assert [line.split(":")[0] for line in rejected] == ["row 2", "row 3", "row 4", "row 5"]
    assert all("[spreadsheet-formula]" in line for line in rejected)
    assert (project / "signatories.csv").read_text(encoding="utf-8") == (
        "name,location\nAmnesty International,London\nCELS,Buenos Aires\n"
    )
    added = run_cli("signatories", "add", project, "--name", "@home collective")
    assert added.exit_code == 1
    assert "starts with '@', which a spreadsheet opening the list would run as a formula" in added.stderr


def test_personal_data_is_refused_by_add(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    for option, value in [("--url", "https://user:pw@x.org"), ("--location", "call +31 20 555 1234")]:
        result = run_cli("signatories", "add", project, "--name", "Forum", option, value)
        assert result.exit_code == 1
        assert "[personal-data]" in result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == "- name: Amnesty International\n"


def test_a_kept_block_as_the_last_value_keeps_its_blank_lines_through_add_and_withdraw(run_cli, make_letter):
    text = "- name: Amnesty\n  location: |+\n    London\n\n\n"
    project = make_letter("signatories.yaml", text)
    result = run_cli("signatories", "add", project, "--name", "Article 19")
    assert result.exit_code == 0, result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == text + "- name: Article 19\n"
    result = run_cli("signatories", "withdraw", project, "--name", "Amnesty")
    assert result.exit_code == 0, result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == (
        "- name: Amnesty\n  status: withdrawn\n  location: |+\n    London\n\n\n- name: Article 19\n"
    )
    assert loader.load(project / "petition.yaml").letter.signatories[0].location == "London\n\n\n"


def test_a_repeated_header_row_is_not_imported_as_a_signatory(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text("Organisation,City\nCELS,Buenos Aires\nOrganisation,City\nADC,Buenos Aires\n", encoding="utf-8")
    result = import_(run_cli, export, project)
    assert result.exit_code == 1
    assert "row 3: rejected: 'Organisation': the header row again (exports pasted one after another?)" in (
        result.stdout.splitlines()
    )
    assert [name for name, _, _ in entries(project)] == ["Amnesty International", "CELS", "ADC"]


def test_a_consent_column_mapped_to_status_says_to_map_it_to_consent(run_cli, make_letter, tmp_path):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    export = tmp_path / "export.csv"
    export.write_text("Organisation,Signs\nCELS,yes\nADC,pending\n", encoding="utf-8")
    result = import_(run_cli, export, project, "--map", "Signs=status")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[1:3] == [
        "row 2: rejected: 'CELS': 'yes' answers whether the row signs; read 'Signs' as consent: --map 'Signs=consent'",
        "row 3: added: ADC",
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.lists(st.text(st.characters(blacklist_categories=("Cs",)), max_size=12), min_size=1, max_size=4),
        max_size=5,
    )
)
def test_a_hostile_export_is_reported_row_by_row_and_the_list_stays_readable(
    run_cli, make_letter, tmp_path_factory, rows
):
    folder = tmp_path_factory.mktemp("hostile")
    project = make_letter(
        "signatories.csv", "name,location,status\nAmnesty International,London,\n", folder=folder.name
    )
    export = folder / "export.csv"
    out = io.StringIO()
    csv.writer(out).writerows([["Organisation", "City", "Consent"], *rows])
    export.write_text(out.getvalue(), encoding="utf-8", newline="")
    result = run_cli("signatories", "import", export, project)
    assert result.exit_code in (0, 1, 2), result.stderr
    assert "Traceback" not in result.stderr
    listed = loader.load(project / "petition.yaml")
    assert not listed.diagnostics.errors, listed.diagnostics
    assert listed.letter.signatories[0].name == "Amnesty International"
    added = [line for line in result.stdout.splitlines() if ": added: " in line]
    assert len(listed.letter.signatories) == 1 + len(added)
    # Whatever the rows held, no value in the CSV list starts as a spreadsheet formula.
    assert not any(
        cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        for line in (project / "signatories.csv").read_text(encoding="utf-8").splitlines()[1:]
        for cell in next(csv.reader([line]))
    )


def test_a_symbolic_link_is_named_as_written(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    (project / "same-list.yaml").symlink_to("signatories.yaml")
    result = run_cli("signatories", "import", "same-list.yaml", ".", cwd=project)
    assert result.exit_code == 2
    assert "same-list.yaml is the project's own list of signatories" in result.stderr


@pytest.mark.parametrize("engine", ENGINES)
def test_a_url_silenced_with_noqa_is_no_link_in_the_pdf(run_cli, make_letter, tmp_path, engine):
    from pypdf import PdfReader

    project = make_letter(
        "signatories.yaml", "- name: Amnesty International\n- name: humb1t\n  url: humb1t  # noqa: url-invalid\n"
    )
    out = tmp_path / "letter.pdf"
    result = run_cli("build", project, "--engine", engine, "--output", out)
    assert result.exit_code == 0, result.stderr
    reader = PdfReader(out)
    targets = [
        annotation.get_object().get("/A", {}).get("/URI")
        for page in reader.pages
        for annotation in page.get("/Annots") or []
    ]
    assert "humb1t" not in targets
    assert "humb1t" in "".join(page.extract_text() for page in reader.pages)


def test_an_entry_written_as_a_flow_mapping_is_left_to_the_hand(run_cli, make_letter):
    text = "- {name: Amnesty International}\n- name: CELS\n"
    project = make_letter("signatories.yaml", text)
    result = run_cli("signatories", "withdraw", project, "--name", "Amnesty International")
    assert result.exit_code == 1
    assert "is written as {…}, which this command does not change; edit it by hand; nothing written" in " ".join(
        result.stderr.split()
    )
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == text
    assert run_cli("signatories", "remove", project, "--name", "Amnesty International").exit_code == 0
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == "- name: CELS\n"


_ENTRY = st.fixed_dictionaries(
    {"location": st.sampled_from([None, "London", "'Paris'", '"Oslo"', "|+\n    Lima\n"])},
    optional={"status": st.sampled_from(["pending", "'confirmed'", '"pending"', "pending  # asked"])},
)


def _yaml_list(entries: list[dict], blank: bool, crlf: bool, final_break: bool) -> str:
    lines = ["# The list, as a coalition keeps it."]
    for index, entry in enumerate(entries):
        lines.append(f"- name: Organisation {index}")
        if entry.get("status"):
            lines.append(f"  status: {entry['status']}")
        if entry["location"]:
            lines.append(f"  location: {entry['location'].rstrip()}")
        if blank:
            lines.append("")
    text = ("\r\n" if crlf else "\n").join(lines)
    return text + ("\r\n" if crlf else "\n") if final_break else text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.lists(_ENTRY, min_size=1, max_size=5),
    data=st.data(),
    blank=st.booleans(),
    crlf=st.booleans(),
    final_break=st.booleans(),
)
def test_withdraw_and_remove_change_one_entry_of_any_block_list(
    run_cli, make_letter, tmp_path_factory, entries, data, blank, crlf, final_break
):
    folder = tmp_path_factory.mktemp("edit").name
    project = make_letter("signatories.yaml", _yaml_list(entries, blank, crlf, final_break), folder=folder)
    before = loader.load(project / "petition.yaml").letter.signatories
    chosen = data.draw(st.integers(0, len(entries) - 1))
    result = run_cli("signatories", "withdraw", project, "--name", f"organisation {chosen}")
    assert result.exit_code == 0, result.stderr
    after = loader.load(project / "petition.yaml")
    assert not after.diagnostics.errors, after.diagnostics
    found = [(s.name, s.location, s.status.value) for s in after.letter.signatories]
    assert found == [
        (s.name, s.location, "withdrawn" if index == chosen else s.status.value) for index, s in enumerate(before)
    ]
    result = run_cli("signatories", "remove", project, "--name", f"Organisation {chosen}")
    assert result.exit_code == 0, result.stderr
    names = [s.name for s in loader.load(project / "petition.yaml").letter.signatories]
    assert names == [s.name for index, s in enumerate(before) if index != chosen]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["", "London", "London, UK", 'The "Hague"', "Lima\nPerú"]),
            st.sampled_from(["", "pending", "confirmed"]),
            st.booleans(),  # the row is short: it leaves out its empty cells
        ),
        min_size=1,
        max_size=5,
    ),
    quoting=st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    newline=st.sampled_from(["\n", "\r\n"]),
    final_break=st.booleans(),
    data=st.data(),
)
def test_withdraw_and_remove_change_one_row_of_any_csv_list(
    run_cli, make_letter, tmp_path_factory, rows, quoting, newline, final_break, data
):
    out = io.StringIO()
    writer = csv.writer(out, quoting=quoting, lineterminator=newline)
    writer.writerow(["name", "location", "status"])
    for index, (location, status, short) in enumerate(rows):
        cells = [f"Organisation {index}", location, status]
        while short and len(cells) > 1 and not cells[-1]:
            cells.pop()
        writer.writerow(cells)
    text = out.getvalue() if final_break else out.getvalue().removesuffix(newline)
    folder = tmp_path_factory.mktemp("csv").name
    project = make_letter("signatories.csv", text, folder=folder)
    before = loader.load(project / "petition.yaml").letter.signatories
    chosen = data.draw(st.integers(0, len(rows) - 1))
    result = run_cli("signatories", "withdraw", project, "--name", f"organisation {chosen}")
    assert result.exit_code == 0, result.stderr
    after = loader.load(project / "petition.yaml")
    assert not after.diagnostics.errors, after.diagnostics
    assert [(s.name, s.location, s.status.value) for s in after.letter.signatories] == [
        (s.name, s.location, "withdrawn" if index == chosen else s.status.value) for index, s in enumerate(before)
    ]
    result = run_cli("signatories", "remove", project, "--name", f"Organisation {chosen}")
    assert result.exit_code == 0, result.stderr
    names = [s.name for s in loader.load(project / "petition.yaml").letter.signatories]
    assert names == [s.name for index, s in enumerate(before) if index != chosen]


def test_a_kept_block_ending_the_file_without_a_break_is_refused_with_a_way_out(run_cli, make_letter):
    text = "- name: Amnesty\n  location: |+\n    London"
    project = make_letter("signatories.yaml", text)
    result = run_cli("signatories", "add", project, "--name", "Article 19")
    assert result.exit_code == 1
    assert "end the file with a line break first; nothing written" in " ".join(result.stderr.split())
    assert "Please report this" not in result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == text


def test_a_url_silenced_with_noqa_is_no_link_in_the_word_copy(run_cli, make_letter, tmp_path):
    import zipfile

    project = make_letter(
        "signatories.yaml", "- name: Amnesty International\n- name: humb1t\n  url: humb1t  # noqa: url-invalid\n"
    )
    out = tmp_path / "letter.docx"
    result = run_cli("build", project, "--format", "docx", "--output", out)
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(out) as package:
        relations = package.read("word/_rels/document.xml.rels").decode("utf-8")
        document = package.read("word/document.xml").decode("utf-8")
    assert 'Target="humb1t"' not in relations
    assert "humb1t" in document
