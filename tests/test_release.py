"""A release: every recipient and edition in every format, with SHA-256 sums, and the same bytes anywhere."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DATA
from projects import ENGINES

RELEASE = ["--to", "all", "--lang", "all", "--format", "pdf", "--format", "html", "--format", "txt", "--json"]
# 2024-03-01 12:00 UTC: 2 March in Kiribati, still 1 March in the Aleutians.
EPOCH = "1709294400"
NAMES = [
    f"iap-2017_{recipient}_2024-03-01{language}.{fmt}"
    for recipient in ("iap-leadership", "iap-members")
    for language in ("", "_fr")
    for fmt in ("html", "pdf", "txt")
]


def release(folder: Path, engine: str, environment: dict[str, str]) -> subprocess.CompletedProcess:
    """The IAP letter copied into `folder` and released there, by a `petition` of its own process."""
    shutil.copytree(DATA, folder / "data")
    command = [sys.executable, "-m", "petitioncli", "build", "data", *RELEASE, "--date", "today"]
    command += ["--engine", engine, "--checksums", "dist/SHA256SUMS"]
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG", "TZ"))}
    env |= {"SOURCE_DATE_EPOCH": EPOCH, **environment}
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, check=False)


@pytest.mark.parametrize("engine", ENGINES)
def test_a_release_is_the_same_bytes_in_another_folder_time_zone_and_locale(tmp_path, engine):
    first = release(tmp_path / "one", engine, {"TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8"})
    second = release(tmp_path / "two", engine, {"TZ": "America/Adak", "LANG": "fr_FR.UTF-8", "LC_ALL": "de_DE.UTF-8"})
    assert first.returncode == 0, first.stderr
    assert second.returncode == 0, second.stderr
    one, two = tmp_path / "one/dist", tmp_path / "two/dist"
    assert sorted(path.name for path in one.iterdir()) == sorted([*NAMES, "SHA256SUMS"])
    for name in [*NAMES, "SHA256SUMS"]:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name

    summary = json.loads(first.stdout)
    assert summary["ok"] is True and summary["checksums"] == "dist/SHA256SUMS"
    listed = {Path(f["path"]).name: f["sha256"] for f in summary["files"]}
    assert listed == {name: hashlib.sha256((one / name).read_bytes()).hexdigest() for name in NAMES}
    # As sha256sum writes it: the digest, two spaces, the name from the file's folder; sorted by name.
    sums = (one / "SHA256SUMS").read_text(encoding="utf-8")
    assert sums == "".join(f"{listed[name]}  {name}\n" for name in sorted(NAMES))
    if shutil.which("sha256sum"):
        checked = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=one, capture_output=True, text=True)
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert checked.stdout.count(": OK\n") == len(NAMES)


def test_checksums_name_the_letters_from_the_file_s_own_folder(run_cli, iap_project, tmp_path):
    sums = tmp_path / "release" / "sums" / "SHA256SUMS"
    result = run_cli(
        "build", iap_project, "--format", "txt", "--output-dir", tmp_path / "release" / "letters", "--checksums", sums
    )
    assert result.exit_code == 0, result.stderr
    text = (tmp_path / "release/letters/iap-2017_iap-leadership_2017-09-05.txt").read_bytes()
    digest = hashlib.sha256(text).hexdigest()
    assert sums.read_text(encoding="utf-8") == f"{digest}  ../letters/iap-2017_iap-leadership_2017-09-05.txt\n"


def test_checksums_and_standard_output_are_refused_together(run_cli, iap_project, tmp_path):
    result = run_cli("build", iap_project, "--format", "txt", "--output", "-", "--checksums", tmp_path / "SUMS")
    assert result.exit_code == 2
    assert "--checksums lists files written, and --output - writes none; choose one" in result.stderr
    assert not (tmp_path / "SUMS").exists()


def test_a_build_with_an_error_writes_no_checksums(run_cli, iap_project, tmp_path):
    (iap_project / "letter.md").write_text("A call to no note[^none].\n", encoding="utf-8")
    sums = tmp_path / "SHA256SUMS"
    result = run_cli("build", iap_project, "--format", "txt", "--output-dir", tmp_path / "out", "--checksums", sums)
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists() and not sums.exists()
