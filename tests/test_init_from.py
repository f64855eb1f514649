"""`petition init --from`: the next edition of a letter, its text copied byte for byte, its signatories emptied."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import DATA, english_only
from petitioncli.build import validate
from test_html import PIXEL
from test_init import TODAY, snapshot

MODELINE = "# yaml-language-server: $schema=schemas/petition.schema.json\n"


def checks_but_for_its_signatories(run_cli, project: Path) -> bool:
    """The project checks (exit 0), and its one warning is that nobody has signed the new edition yet."""
    result = run_cli("check", project, "--output-format", "json")
    return result.exit_code == 0 and [p["rule"] for p in json.loads(result.stdout)] == ["signatories-none-confirmed"]


def test_the_next_edition_of_the_iap_letter_checks_and_builds(run_cli, tmp_path):
    result = run_cli("init", tmp_path / "iap-2018", "--from", DATA)
    assert result.exit_code == 0, result.stderr
    new = tmp_path / "iap-2018"
    for name in ("letter.md", "footnotes.yaml", "recipients.yaml"):
        assert (new / name).read_bytes() == (DATA / name).read_bytes(), name
    assert validate(new / "petition.yaml").letter.signatories == []

    assert checks_but_for_its_signatories(run_cli, new)
    result = run_cli("build", new, "--format", "txt", "--output-dir", tmp_path, env=TODAY)
    assert result.exit_code == 0, result.stderr
    # Without last year's slug and date, the files are named after the new folder and dated today.
    text = (tmp_path / "iap-2018_iap-leadership_2024-03-01.txt").read_text(encoding="utf-8")
    assert text.startswith("Petition to the International Association of Prosecutors\n\nThe Hague, 1 March 2024\n")


def test_the_manifest_loses_its_date_and_slug_and_nothing_else(run_cli, tmp_path):
    assert run_cli("init", tmp_path / "next", "--from", DATA).exit_code == 0
    source = (DATA / "petition.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    kept = [line for line in source if not line.startswith(("date:", "slug:"))]
    assert len(kept) == len(source) - 2
    assert (tmp_path / "next/petition.yaml").read_text(encoding="utf-8") == MODELINE + "".join(kept)


def test_title_and_language_replace_the_sources_keeping_comments(run_cli, tmp_path):
    source = tmp_path / "old"
    shutil.copytree(DATA, source)
    (source / "petition.yaml").write_text(
        "# The 2017 letter.\n"
        "title: Petition to the IAP  # the short title\n"
        "date: |-\n"
        "  2017-09-05\n"
        "place: The Hague\n"
        "recipient: iap-leadership  # noqa: recipient-unknown\n",
        encoding="utf-8",
    )
    result = run_cli(
        "init", tmp_path / "new", "--from", source, "--title", "Second letter: to the IAP", "--language", "fr"
    )
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "new/petition.yaml").read_text(encoding="utf-8") == (
        MODELINE + "# The 2017 letter.\n"
        "title: 'Second letter: to the IAP'\n"
        "place: The Hague\n"
        "recipient: iap-leadership  # noqa: recipient-unknown\n"
        "language: fr\n"
    )
    # The recipient is known, so the noqa kept with it silences nothing, and says so.
    result = run_cli("check", tmp_path / "new", "--output-format", "json")
    assert result.exit_code == 0
    found = [(p["rule"], Path(p["file"]).name, p["line"]) for p in json.loads(result.stdout)]
    assert found == [("noqa-unused", "petition.yaml", 5), ("signatories-none-confirmed", "signatories.yaml", 1)]


def test_a_csv_list_keeps_its_header_and_loses_its_rows(run_cli, tmp_path):
    source = tmp_path / "old"
    shutil.copytree(DATA, source)
    (source / "signatories.yaml").unlink()
    (source / "list.csv").write_bytes(b"\xef\xbb\xbfname,location,country\r\nAmnesty International,London,GB\r\n")
    manifest = source / "petition.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("signatories: signatories.yaml", "signatories: list.csv"),
        encoding="utf-8",
    )
    assert run_cli("init", tmp_path / "new", "--from", source).exit_code == 0
    assert (tmp_path / "new/list.csv").read_bytes() == b"\xef\xbb\xbfname,location,country\r\n"
    assert not (tmp_path / "new/signatories.yaml").exists()
    assert checks_but_for_its_signatories(run_cli, tmp_path / "new")


def test_files_in_folders_and_the_images_the_text_shows_are_copied(run_cli, tmp_path):
    source = english_only(Path(shutil.copytree(DATA, tmp_path / "old")))
    (source / "text").mkdir()
    (source / "letter.md").rename(source / "text/letter.md")
    # A real image: check reads the images a letter shows.
    (source / "logo.png").write_bytes(PIXEL)
    with (source / "text/letter.md").open("a", encoding="utf-8") as letter:
        letter.write("\n![Our logo](logo.png)\n")
    manifest = source / "petition.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace("body: letter.md", "body: ./text/letter.md"), encoding="utf-8"
    )
    assert run_cli("init", tmp_path / "new", "--from", source / "petition.yaml").exit_code == 0
    assert (tmp_path / "new/text/letter.md").read_bytes() == (source / "text/letter.md").read_bytes()
    assert (tmp_path / "new/logo.png").read_bytes() == (source / "logo.png").read_bytes()
    assert checks_but_for_its_signatories(run_cli, tmp_path / "new")


def test_a_letter_with_errors_is_not_continued(run_cli, iap_project, tmp_path):
    (iap_project / "signatories.yaml").write_text("- name: A\n- name: A\n", encoding="utf-8")
    result = run_cli("init", tmp_path / "new", "--from", iap_project)
    assert result.exit_code == 1
    assert "has 1 error" in result.stderr
    assert not (tmp_path / "new").exists()


def test_a_folder_that_is_no_project_is_said_so(run_cli, tmp_path):
    result = run_cli("init", tmp_path / "new", "--from", tmp_path)
    assert result.exit_code == 2
    assert "not a letter project" in result.stderr
    assert not (tmp_path / "new").exists()


def test_from_refuses_a_folder_with_a_file_it_would_write(run_cli, tmp_path):
    target = tmp_path / "new"
    target.mkdir()
    (target / "recipients.yaml").write_text("mine\n", encoding="utf-8")
    result = run_cli("init", target, "--from", DATA)
    assert result.exit_code == 1
    assert snapshot(target) == {"recipients.yaml": b"mine\n"}


def test_a_flow_mapping_manifest_is_refused(run_cli, iap_project, tmp_path):
    (iap_project / "petition.yaml").write_text(
        "{title: T, place: P, recipient: iap-leadership, date: 2017-09-05}\n", encoding="utf-8"
    )
    result = run_cli("init", tmp_path / "new", "--from", iap_project)
    assert result.exit_code == 1
    assert "one key a line" in result.stderr
    assert not (tmp_path / "new").exists()
