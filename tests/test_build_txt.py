"""`petition build --format txt`: recipients, dates, file names, atomic and repeatable output, errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO
from projects import BASE, build, write_project

LEADERSHIP = "iap-2017_iap-leadership_2017-09-05.txt"


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    """An empty output folder beside (not around) the project copy."""
    folder = tmp_path / "dist"
    folder.mkdir()
    return folder


def build_txt(run_cli, project: Path, out: Path, *extra: str, env: dict[str, str] | None = None):
    return run_cli("build", project, "--format", "txt", "--output-dir", out, *extra, env=env)


def set_manifest(project: Path, key: str, value: str) -> None:
    manifest = project / "petition.yaml"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    lines = [line for line in lines if not line.startswith(f"{key}:")] + [f"{key}: {value}"]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_default_build_names_the_file_after_slug_recipient_and_date(run_cli, iap_project, dist):
    result = build_txt(run_cli, iap_project, dist)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in dist.iterdir()) == [LEADERSHIP]
    assert result.stdout.strip().endswith(LEADERSHIP)


def test_another_recipient_gets_its_own_salutation_and_address(run_cli, iap_project, dist):
    result = build_txt(run_cli, iap_project, dist, "--to", "iap-members")
    assert result.exit_code == 0, result.stderr
    text = (dist / "iap-2017_iap-members_2017-09-05.txt").read_text(encoding="utf-8")
    assert "\nDear members of the International Association of Prosecutors,\n\nIn the run-up" in text
    assert "Members of the International Association of Prosecutors" in text
    assert "Executive Committee and the Senate," not in text.split("In the run-up")[0]


def test_to_all_writes_one_letter_per_recipient(run_cli, iap_project, dist):
    result = build_txt(run_cli, iap_project, dist, "--to", "all")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in dist.iterdir()) == [
        LEADERSHIP,
        "iap-2017_iap-members_2017-09-05.txt",
    ]


def test_unknown_recipient_is_a_usage_error_naming_the_known_ones(run_cli, iap_project, dist):
    result = build_txt(run_cli, iap_project, dist, "--to", "un-secretary-general")
    assert result.exit_code == 2
    assert "unknown recipient 'un-secretary-general'" in result.stderr
    assert "iap-leadership, iap-members" in result.stderr
    assert list(dist.iterdir()) == []


def test_manifest_naming_an_unknown_recipient_is_a_data_error(run_cli, iap_project, dist):
    set_manifest(iap_project, "recipient", "iap-secretariat")
    result = build_txt(run_cli, iap_project, dist)
    assert result.exit_code == 1
    assert "petition.yaml:" in result.stderr and "[recipient-unknown]" in result.stderr
    assert "Nothing written" in result.stderr
    assert list(dist.iterdir()) == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en-GB", "The Hague, 5 September 2017"),
        ("en-US", "The Hague, September 5, 2017"),
        ("fr", "The Hague, 5 septembre 2017"),
        ("de", "The Hague, 5. September 2017"),
    ],
)
def test_the_date_is_printed_in_the_letters_language(run_cli, iap_project, dist, language, expected):
    set_manifest(iap_project, "language", language)
    result = build_txt(run_cli, iap_project, dist)
    assert result.exit_code == 0, result.stderr
    assert f"\n\n{expected}\n\n" in (dist / LEADERSHIP).read_text(encoding="utf-8")


def test_date_option_overrides_the_manifest_and_names_the_file(run_cli, iap_project, dist):
    result = build_txt(run_cli, iap_project, dist, "--date", "2018-09-10")
    assert result.exit_code == 0, result.stderr
    text = (dist / "iap-2017_iap-leadership_2018-09-10.txt").read_text(encoding="utf-8")
    assert "The Hague, 10 September 2018" in text


def test_today_comes_from_source_date_epoch_when_set(run_cli, iap_project, dist):
    epoch = "1536537600"  # 2018-09-10 00:00 UTC
    result = build_txt(run_cli, iap_project, dist, "--date", "today", env={"SOURCE_DATE_EPOCH": epoch})
    assert result.exit_code == 0, result.stderr
    assert (dist / "iap-2017_iap-leadership_2018-09-10.txt").exists()


def test_without_any_date_the_letter_is_dated_today(run_cli, iap_project, dist):
    manifest = iap_project / "petition.yaml"
    manifest.write_text(
        "\n".join(line for line in manifest.read_text(encoding="utf-8").splitlines() if not line.startswith("date:"))
        + "\n",
        encoding="utf-8",
    )
    result = build_txt(run_cli, iap_project, dist, env={"SOURCE_DATE_EPOCH": "1536537600"})
    assert result.exit_code == 0, result.stderr
    assert "The Hague, 10 September 2018" in (dist / "iap-2017_iap-leadership_2018-09-10.txt").read_text(
        encoding="utf-8"
    )


def test_a_malformed_date_option_is_a_usage_error(run_cli, iap_project, dist):
    result = build_txt(run_cli, iap_project, dist, "--date", "5 September 2017")
    assert result.exit_code == 2
    assert "--date must be YYYY-MM-DD or 'today'" in result.stderr


def test_rebuilding_gives_identical_bytes(run_cli, iap_project, dist):
    first, second = dist / "a", dist / "b"
    assert build_txt(run_cli, iap_project, first).exit_code == 0
    assert build_txt(run_cli, iap_project, second).exit_code == 0
    assert (first / LEADERSHIP).read_bytes() == (second / LEADERSHIP).read_bytes()


def test_a_build_with_errors_leaves_the_earlier_output_untouched(run_cli, iap_project, dist):
    assert build_txt(run_cli, iap_project, dist).exit_code == 0
    earlier = (dist / LEADERSHIP).read_bytes()
    signatories = iap_project / "signatories.yaml"
    signatories.write_text(
        signatories.read_text(encoding="utf-8") + "- name: amnesty international\n", encoding="utf-8"
    )
    result = build_txt(run_cli, iap_project, dist)
    assert result.exit_code == 1
    assert "[signatory-duplicate]" in result.stderr
    assert (dist / LEADERSHIP).read_bytes() == earlier
    assert sorted(p.name for p in dist.iterdir()) == [LEADERSHIP]


def test_a_write_that_fails_midway_leaves_the_earlier_file_and_no_partial_file(run_cli, iap_project, dist, monkeypatch):
    assert build_txt(run_cli, iap_project, dist).exit_code == 0
    earlier = (dist / LEADERSHIP).read_bytes()

    def disk_full(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    result = build_txt(run_cli, iap_project, dist, "--width", "50")
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert (dist / LEADERSHIP).read_bytes() == earlier
    assert sorted(p.name for p in dist.iterdir()) == [LEADERSHIP]


def test_output_writes_exactly_the_named_file(run_cli, iap_project, dist):
    target = dist / "letters" / "iap.txt"
    result = run_cli("build", iap_project, "--format", "txt", "--output", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith("Petition to the International Association")


def test_output_refuses_a_build_of_several_files(run_cli, iap_project, dist):
    result = run_cli("build", iap_project, "--format", "txt", "--to", "all", "--output", dist / "x.txt")
    assert result.exit_code == 2
    assert "--output names one file, but this build makes 2" in result.stderr
    assert list(dist.iterdir()) == []


def test_missing_project_says_where_it_looked(run_cli, dist):
    result = run_cli("build", "--format", "txt", cwd=dist)
    assert result.exit_code == 2
    assert "looked for ./petition.yaml and ./data/petition.yaml" in result.stderr
    assert "Traceback" not in result.stderr


def test_project_defaults_to_data_folder(run_cli, iap_project, dist):
    (dist / "repo").mkdir()
    iap_project.rename(dist / "repo" / "data")
    result = run_cli("build", "--format", "txt", cwd=dist / "repo")
    assert result.exit_code == 0, result.stderr
    assert (dist / "repo" / "dist" / LEADERSHIP).exists()


def test_a_missing_file_named_by_the_manifest_is_reported_with_its_place(run_cli, iap_project, dist):
    (iap_project / "letter.md").unlink()
    result = build_txt(run_cli, iap_project, dist)
    assert result.exit_code == 2
    assert "petition.yaml:" in result.stderr
    assert "file not found: letter.md [file-missing]" in result.stderr
    assert list(dist.iterdir()) == []


def test_json_summary_lists_what_was_written(run_cli, iap_project, dist):
    result = build_txt(run_cli, iap_project, dist, "--json")
    assert result.exit_code == 0, result.stderr
    summary = json.loads(result.stdout)
    [built] = summary["files"]
    assert summary["ok"] is True
    assert built["format"] == "txt" and built["recipient"] == "iap-leadership"
    assert built["date"] == "2017-09-05"
    assert built["bytes"] == (dist / LEADERSHIP).stat().st_size


def test_draft_adds_pending_signatories_marked_and_a_draft_mark(run_cli, iap_project, dist):
    signatories = iap_project / "signatories.yaml"
    signatories.write_text(
        signatories.read_text(encoding="utf-8")
        + "- name: Lawyers' Rights Watch Canada\n  location: Vancouver\n  status: pending\n"
        + "- name: Withdrawn Organisation\n  status: withdrawn\n",
        encoding="utf-8",
    )
    assert build_txt(run_cli, iap_project, dist).exit_code == 0
    final = (dist / LEADERSHIP).read_text(encoding="utf-8")
    assert "Lawyers' Rights Watch Canada" not in final and "DRAFT" not in final

    result = build_txt(run_cli, iap_project, dist, "--draft")
    assert result.exit_code == 0
    assert result.stdout.strip().endswith("iap-2017_iap-leadership_2017-09-05_draft.txt")
    draft = (dist / "iap-2017_iap-leadership_2017-09-05_draft.txt").read_text(encoding="utf-8")
    assert (dist / LEADERSHIP).read_text(encoding="utf-8") == final, "a draft must not replace the final letter"
    assert draft.startswith("DRAFT")
    assert "Lawyers' Rights Watch Canada, Vancouver (pending)" in draft
    assert "Withdrawn Organisation" not in draft


def test_alphabetical_order_sorts_ignoring_accents_and_case(run_cli, iap_project, dist):
    set_manifest(iap_project, "signatories_order", "alphabetical")
    assert build_txt(run_cli, iap_project, dist).exit_code == 0
    text = (dist / LEADERSHIP).read_text(encoding="utf-8")
    # The notes follow the signatories, under their rule.
    names = text.split("Supporting organisations:\n\n")[1].split("\n\n" + "-" * 20 + "\n")[0].splitlines()
    assert names[0].startswith("Africa Network")
    assert names[-1].startswith("Zimbabwe Lawyers")
    assert names.index("Transparency International Česká republika, Prague") < names.index(
        "Transparency International Deutschland, Berlin"
    )


def test_csv_signatories_give_the_same_letter_as_yaml(run_cli, iap_project, dist):
    import csv

    import yaml

    entries = yaml.safe_load((iap_project / "signatories.yaml").read_text(encoding="utf-8"))
    with (iap_project / "signatories.csv").open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.DictWriter(stream, ["name", "affiliation", "location", "country"])
        writer.writeheader()
        writer.writerows(entries)
    assert build_txt(run_cli, iap_project, dist / "yaml").exit_code == 0
    set_manifest(iap_project, "signatories", "signatories.csv")
    result = build_txt(run_cli, iap_project, dist / "csv")
    assert result.exit_code == 0, result.stderr
    assert (dist / "csv" / LEADERSHIP).read_bytes() == (dist / "yaml" / LEADERSHIP).read_bytes()


def test_python_dash_m_runs_the_same_command(dist):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "petitioncli",
            "build",
            str(REPO / "data"),
            "--format",
            "txt",
            "--output-dir",
            str(dist),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (dist / LEADERSHIP).exists()


def test_help_of_each_command_shows_an_example(run_cli):
    for command in ("build", "check"):
        result = run_cli(command, "--help")
        assert result.exit_code == 0
        assert "Example" in result.stdout


def test_a_heading_is_underlined_as_wide_as_a_terminal_draws_it(tmp_path):
    """Combining marks and emoji modifiers take no column: 'नमस्ते' is four columns, '👍🏽' two."""
    letter = "# नमस्ते\n\n## 👍🏽 ok\n\n" + (BASE / "letter.md").read_text(encoding="utf-8")
    project = write_project(tmp_path / "p", {"letter.md": letter})
    text = build(project, tmp_path / "out", "txt")["txt"].read_text(encoding="utf-8")
    assert "नमस्ते\n====\n" in text
    assert "👍🏽 ok\n-----\n" in text
