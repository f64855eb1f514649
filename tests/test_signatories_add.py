"""`petition signatories add`: the new entry and nothing else changes, byte for byte, or nothing is written."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import DATA
from petitioncli import loader
from petitioncli.text import normalise_name

HAND_WRITTEN = """\
# Signatories of the letter to the Board.
# Keep one organisation an entry.

- name: Amnesty International   # the first to sign
  location: 'London'

# Joined in March:
- name: "Article 19"
  country: "GB"
  url: https://www.article19.org
# end of list
"""


def names(project) -> list[str]:
    """The signatories as petition reads them back from disk."""
    result = loader.load(project / "petition.yaml")
    assert not result.diagnostics.errors, result.diagnostics
    return [s.name for s in result.letter.signatories]


def add(run_cli, project, *options: str):
    return run_cli("signatories", "add", project, *options)


def test_a_hand_written_list_keeps_every_byte_and_gains_the_entry_in_its_own_style(run_cli, make_letter):
    project = make_letter("signatories.yaml", HAND_WRITTEN)
    result = add(run_cli, project, "--name", "Human Rights Watch", "--location", "New York", "--country", "us")
    assert result.exit_code == 0, result.stderr
    # After the last entry, before the comment closing the list; the blank line
    # the file keeps between entries, its single quotes for locations, its
    # double quotes for countries.
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == HAND_WRITTEN.replace(
        "# end of list\n",
        "\n- name: Human Rights Watch\n  location: 'New York'\n  country: \"US\"\n# end of list\n",
    )
    assert (
        "Added 'Human Rights Watch' at" in result.stdout
        and "signatories.yaml:12 (location: New York, country: US)" in result.stdout
    )
    assert run_cli("check", project, "--strict").exit_code == 0


def test_alphabetical_lists_get_the_entry_at_its_place_comments_staying_with_their_entries(run_cli, make_letter):
    text = (
        "# Organisations, in alphabetical order.\n"
        "- name: Amnesty International\n"
        "- name: Article 19\n"
        "  location: London\n"
        "  # country to be confirmed\n"
        "- name: Human Rights Watch\n"
        "  status: pending\n"
    )
    project = make_letter("signatories.yaml", text, order="alphabetical")
    assert add(run_cli, project, "--name", "Asia Justice and Rights").exit_code == 0
    assert add(run_cli, project, "--name", "Aarhus Forum").exit_code == 0
    assert add(run_cli, project, "--name", "Ümit Foundation").exit_code == 0
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == (
        "# Organisations, in alphabetical order.\n"
        "- name: Aarhus Forum\n"
        "- name: Amnesty International\n"
        "- name: Article 19\n"
        "  location: London\n"
        "  # country to be confirmed\n"
        "- name: Asia Justice and Rights\n"
        "- name: Human Rights Watch\n"
        "  status: pending\n"
        "- name: Ümit Foundation\n"
    )


def test_a_duplicate_is_refused_naming_the_entry_already_listed_and_nothing_is_written(run_cli, make_letter):
    project = make_letter("signatories.yaml", HAND_WRITTEN)
    before = (project / "signatories.yaml").read_bytes()
    result = add(run_cli, project, "--name", "ARTICLE-19", "--location", "London")
    assert result.exit_code == 1
    assert "duplicate signatory 'ARTICLE-19': already listed at signatories.yaml:8:3 [signatory-duplicate]" in (
        result.stderr
    )
    assert "not added" in result.stderr
    assert (project / "signatories.yaml").read_bytes() == before
    assert [p.name for p in project.iterdir() if p.name.startswith(".")] == []


def test_an_invalid_entry_is_refused_with_every_problem_at_its_option(run_cli, make_letter):
    project = make_letter("signatories.yaml", HAND_WRITTEN)
    before = (project / "signatories.yaml").read_bytes()
    result = add(run_cli, project, "--name", "X", "--url", "not a web site", "--country", "ZZ", "--status", "maybe")
    assert result.exit_code == 1
    for problem in (
        "--url: error: url 'not a web site' is not an absolute http(s) address [url-invalid]",
        "--country: error: unknown country code 'ZZ'",
        "--status: error: unknown status 'maybe'",
    ):
        assert problem in result.stderr
    assert (project / "signatories.yaml").read_bytes() == before


def test_a_blank_name_is_refused(run_cli, make_letter):
    project = make_letter("signatories.yaml", HAND_WRITTEN)
    result = add(run_cli, project, "--name", "   ")
    assert result.exit_code == 1
    assert "--name: error: signatory name is empty [signatory-name-empty]" in result.stderr


def test_a_warning_does_not_refuse_the_entry(run_cli, make_letter):
    project = make_letter("signatories.yaml", HAND_WRITTEN)
    result = add(run_cli, project, "--name", "Plain Old Site", "--url", "http://plain.example.org")
    assert result.exit_code == 0
    assert "--url: warning: url 'http://plain.example.org' uses http://" in result.stderr
    assert "Plain Old Site" in names(project)


def test_values_are_cleaned_as_forms_and_shells_leave_them(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n")
    result = add(
        run_cli, project, "--name", "  Cafe\u0301   des  Droits ", "--url", "www.cafe.org", "--country", "Kenya"
    )
    assert result.exit_code == 0, result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == (
        '- name: Amnesty International\n- name: Café des Droits\n  url: https://www.cafe.org\n  country: "KE"\n'
    )


def test_a_list_that_does_not_parse_is_not_touched(run_cli, make_letter):
    text = '- name: Amnesty International\n- name: "Article 19\n'
    project = make_letter("signatories.yaml", text)
    result = add(run_cli, project, "--name", "Human Rights Watch")
    assert result.exit_code == 1
    assert "signatories.yaml:3:1: error: YAML syntax error" in result.stderr
    assert "cannot be read cleanly; nothing written" in result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == text


def test_problems_elsewhere_in_the_letter_do_not_stop_an_addition(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: Amnesty International\n- name: amnesty international\n")
    (project / "letter.md").write_text("A letter[^missing].\n", encoding="utf-8")
    assert add(run_cli, project, "--name", "Article 19").exit_code == 0
    assert names(project)[-1] == "Article 19"


# --- YAML shapes ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param("", "- name: Zeta Trust\n", id="empty-file"),
        pytest.param("# Nobody yet.\n", "# Nobody yet.\n- name: Zeta Trust\n", id="only-comments"),
        pytest.param("[]\n", "- name: Zeta Trust\n", id="empty-flow-list-becomes-a-block-list"),
        pytest.param(
            "# To come:\n  []  # none yet\n", "# To come:\n  - name: Zeta Trust  # none yet\n", id="[]-indented"
        ),
        pytest.param(
            "[{name: Amnesty International}, {name: Article 19, location: London}]\n",
            "[{name: Amnesty International}, {name: Article 19, location: London}, {name: Zeta Trust}]\n",
            id="flow-list",
        ),
        pytest.param(
            "[\n  {name: Amnesty International},\n  {name: Article 19},\n]\n",
            "[\n  {name: Amnesty International},\n  {name: Article 19},\n  {name: Zeta Trust},\n]\n",
            id="flow-list-on-lines-with-a-trailing-comma",
        ),
        pytest.param(
            "[\n  {name: Amnesty International},\n  {name: Article 19}\n]\n",
            "[\n  {name: Amnesty International},\n  {name: Article 19},\n  {name: Zeta Trust}\n]\n",
            id="flow-list-on-lines",
        ),
        pytest.param(
            "- name: Amnesty International\r\n  location: London\r\n",
            "- name: Amnesty International\r\n  location: London\r\n- name: Zeta Trust\r\n",
            id="crlf",
        ),
        pytest.param(
            "- name: Amnesty International\n  location: London",
            "- name: Amnesty International\n  location: London\n- name: Zeta Trust",
            id="no-final-line-break",
        ),
        pytest.param(
            "  - name: Amnesty International\n    location: London\n",
            "  - name: Amnesty International\n    location: London\n  - name: Zeta Trust\n",
            id="indented-list",
        ),
        pytest.param(
            "-   name: Amnesty International\n    location: London\n",
            "-   name: Amnesty International\n    location: London\n-   name: Zeta Trust\n",
            id="wide-dash",
        ),
        pytest.param(
            "-\n  name: Amnesty International\n",
            "-\n  name: Amnesty International\n- name: Zeta Trust\n",
            id="dash-alone-on-its-line",
        ),
        pytest.param(
            "---\n- name: Amnesty International\n...\n",
            "---\n- name: Amnesty International\n- name: Zeta Trust\n...\n",
            id="document-markers",
        ),
        pytest.param(
            "- name: Amnesty International\n  location: |-\n    London\n",
            "- name: Amnesty International\n  location: |-\n    London\n- name: Zeta Trust\n",
            id="block-scalar",
        ),
    ],
)
def test_every_shape_of_yaml_list_keeps_its_bytes(run_cli, make_letter, before, after):
    project = make_letter("signatories.yaml", before)
    result = add(run_cli, project, "--name", "Zeta Trust")
    assert result.exit_code == 0, result.stderr
    assert (project / "signatories.yaml").read_bytes() == after.encode()


def test_a_byte_order_mark_stays(run_cli, make_letter):
    project = make_letter("signatories.yaml", "\ufeff- name: Amnesty International\n")
    assert add(run_cli, project, "--name", "Zeta Trust").exit_code == 0
    expected = "\ufeff- name: Amnesty International\n- name: Zeta Trust\n"
    assert (project / "signatories.yaml").read_bytes() == expected.encode()


# Each would read as something else, or not at all, if written unquoted.
TRICKY = [
    *("NO", "yes", "~", "null", "1999", "2017-09-05", "a: b", "Forum #1", "*star", "&anchor", "!bang"),
    *("'quoted", '"double"', "- dash", "? query", "@handle", "`tick", "%percent", "key:", "[x]", "{y}"),
    *("a, b", "It's", "Ünïcödé", "\\backslash", "Tab\u00a0Space", "Zero\u200bWidth", "Bell\u0085Next"),
]


@pytest.mark.parametrize("shape", ["- name: Amnesty International\n", "[{name: Amnesty International}]\n"])
@pytest.mark.parametrize("value", TRICKY)
def test_values_yaml_would_misread_are_quoted_so_they_read_back_exactly(run_cli, make_letter, shape, value):
    project = make_letter("signatories.yaml", shape)
    result = add(run_cli, project, "--name", f"The {value}", "--location", value, "--affiliation", value)
    assert result.exit_code == 0, result.stderr
    signatory = loader.load(project / "petition.yaml").letter.signatories[-1]
    cleaned = " ".join(value.split())
    assert (signatory.name, signatory.location, signatory.affiliation) == (f"The {cleaned}", cleaned, cleaned)
    assert (project / "signatories.yaml").read_text(encoding="utf-8").startswith(shape.rstrip("]\n"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30))
def test_any_name_reads_back_as_written(run_cli, make_letter, tmp_path_factory, name):
    cleaned = " ".join(name.replace("\ufeff", "").split())
    project = make_letter("signatories.yaml", HAND_WRITTEN, folder=tmp_path_factory.mktemp("any").name)
    result = add(run_cli, project, "--name", name)
    if not cleaned or normalise_name(cleaned) in ("amnesty international", "article 19"):
        assert result.exit_code == 1
        return
    assert result.exit_code == 0, result.stderr
    assert names(project)[-1] == unicodedata.normalize("NFC", cleaned)
    assert (project / "signatories.yaml").read_text(encoding="utf-8").startswith(HAND_WRITTEN.split("# end")[0])


def test_a_control_character_is_refused(run_cli, make_letter):
    project = make_letter("signatories.yaml", HAND_WRITTEN)
    result = add(run_cli, project, "--name", "Bell\x07Foundation")
    assert result.exit_code == 1
    assert "--name: error: name: invisible control character U+0007; delete it [text-control]" in result.stderr


# --- CSV -----------------------------------------------------------------------

CSV_LIST = 'name,location,country,url\r\nAmnesty International,London,GB,\r\n"Article 19, London",,GB,\r\n'


def test_a_csv_list_gains_one_row_in_its_columns_and_line_endings(run_cli, make_letter):
    project = make_letter("signatories.csv", "\ufeff" + CSV_LIST)
    result = add(run_cli, project, "--name", 'The "Quoted", Org', "--url", "https://quoted.org")
    assert result.exit_code == 0, result.stderr
    assert (project / "signatories.csv").read_bytes() == (
        "\ufeff" + CSV_LIST + '"The ""Quoted"", Org",,,https://quoted.org\r\n'
    ).encode()
    assert "signatories.csv:4" in result.stdout
    assert run_cli("check", project, "--strict").exit_code == 0


def test_an_alphabetical_csv_list_and_excel_semicolons(run_cli, make_letter):
    text = "name;location\nAmnesty International;London\nHuman Rights Watch;New York\n"
    project = make_letter("signatories.csv", text, order="alphabetical")
    assert add(run_cli, project, "--name", "Article 19", "--location", "London; UK").exit_code == 0
    assert (project / "signatories.csv").read_text(encoding="utf-8") == (
        'name;location\nAmnesty International;London\nArticle 19;"London; UK"\nHuman Rights Watch;New York\n'
    )


def test_a_csv_list_without_the_column_refuses_the_value(run_cli, make_letter):
    project = make_letter("signatories.csv", "name,location\nAmnesty International,London\n")
    result = add(run_cli, project, "--name", "Article 19", "--url", "https://article19.org")
    assert result.exit_code == 1
    assert "has no column 'url': add it to the header row first, or leave out --url; nothing written" in result.stderr
    assert (project / "signatories.csv").read_text(encoding="utf-8") == "name,location\nAmnesty International,London\n"


def test_a_csv_duplicate_names_the_row(run_cli, make_letter):
    project = make_letter("signatories.csv", CSV_LIST)
    result = add(run_cli, project, "--name", "article 19 london")
    assert result.exit_code == 1
    assert "already listed at row 3 of signatories.csv" in result.stderr


def test_the_next_edition_that_init_starts_takes_its_first_signatories(run_cli, tmp_path):
    assert run_cli("init", tmp_path / "2018", "--from", DATA).exit_code == 0
    listed = (tmp_path / "2018" / "signatories.yaml").read_text(encoding="utf-8")
    assert listed.endswith("\n[]\n")
    assert add(run_cli, tmp_path / "2018", "--name", "Amnesty International").exit_code == 0
    assert add(run_cli, tmp_path / "2018", "--name", "Article 19", "--location", "London").exit_code == 0
    assert (tmp_path / "2018" / "signatories.yaml").read_text(encoding="utf-8") == listed.replace(
        "\n[]\n", "\n- name: Amnesty International\n- name: Article 19\n  location: London\n"
    )
    assert run_cli("check", tmp_path / "2018").exit_code == 0


def test_a_list_that_is_a_symbolic_link_in_the_project_stays_one(run_cli, make_letter):
    project = make_letter("lists/2017.yaml", "- name: Amnesty International\n")
    manifest = project / "petition.yaml"
    manifest.write_text(manifest.read_text().replace("lists/2017.yaml", "signatories.yaml"))
    (project / "signatories.yaml").symlink_to("lists/2017.yaml")
    assert add(run_cli, project, "--name", "Article 19").exit_code == 0
    assert (project / "signatories.yaml").is_symlink()
    assert (project / "lists" / "2017.yaml").read_text() == "- name: Amnesty International\n- name: Article 19\n"


def test_a_list_changed_by_another_program_while_add_works_is_not_overwritten(run_cli, make_letter, monkeypatch):
    """Another editor saves the list between add's reading and its writing: that edit wins, nothing is lost."""
    from petitioncli.signatories.listfile import ListFile

    project = make_letter("signatories.yaml", HAND_WRITTEN)
    theirs = HAND_WRITTEN + "- name: Privacy International\n"
    write = ListFile.write

    def saved_meanwhile(listing: ListFile, text: str) -> None:
        listing.path.write_text(theirs, encoding="utf-8")
        write(listing, text)

    monkeypatch.setattr(ListFile, "write", saved_meanwhile)
    result = add(run_cli, project, "--name", "Human Rights Watch")
    assert result.exit_code == 1
    assert "signatories.yaml changed while petition was working on it; nothing written" in result.stderr
    assert (project / "signatories.yaml").read_text(encoding="utf-8") == theirs
