"""The benchmark's project generator and runner (bench/), so that `make bench` cannot rot.

No test here asserts a duration: timings belong to `make bench`, not to the suite.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import yaml

from petitioncli.text import normalise_name

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    # dataclasses look their module up in sys.modules while the class is made.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate = _load("bench_generate", BENCH / "generate.py")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_the_generator_writes_the_same_bytes_in_the_library_and_from_the_command_line(tmp_path, fmt):
    # A separate process has another hash seed: equal bytes mean no set or dict order leaks in.
    generate.generate_project(tmp_path / "library", 1_000, fmt)
    subprocess.run(
        [sys.executable, str(BENCH / "generate.py"), str(tmp_path / "cli"), "--sizes", "1000", "--formats", fmt],
        check=True,
        capture_output=True,
    )
    assert _files(tmp_path / "library") == _files(tmp_path / "cli" / f"1000-{fmt}")


def test_another_seed_gives_another_list():
    assert generate.signatories(50, seed=1) != generate.signatories(50, seed=2)


@pytest.mark.parametrize("fmt", ["yaml", "csv"])
def test_a_generated_project_passes_check_strict(run_cli, tmp_path, fmt):
    project = tmp_path / "letter"
    generate.generate_project(project, 140, fmt)
    assert (project / f"signatories.{fmt}").is_file()
    result = run_cli("check", project, "--output-format", "json")
    # The names are in Chinese, Japanese and Korean too: a machine without
    # fonts for them is told so, and that is the only thing check may say.
    assert {problem["rule"] for problem in json.loads(result.stdout)} <= {"glyph-missing"}, result.stdout
    assert result.exit_code == 0


def test_regenerating_in_the_other_format_leaves_no_stale_list(tmp_path):
    generate.generate_project(tmp_path, 140, "yaml")
    generate.generate_project(tmp_path, 140, "csv")
    assert not (tmp_path / "signatories.yaml").exists()
    assert "signatories: signatories.csv" in (tmp_path / "petition.yaml").read_text(encoding="utf-8")


def test_names_are_unique_after_the_duplicate_rules_normalisation():
    names = [record["name"] for record in generate.signatories(20_000)]
    assert len({normalise_name(name) for name in names}) == len(names)


def test_the_list_is_realistic_scripts_places_urls_and_statuses():
    records = generate.signatories(5_000)
    scripts = {unicodedata.name(char).split()[0] for record in records for char in record["name"] if char.isalpha()}
    assert {"LATIN", "CYRILLIC", "GREEK", "CJK", "HANGUL"} <= scripts
    assert sum(any(accent in r["name"] for accent in "éñøłçüőș") for r in records) > 100
    assert any(len(r["name"]) > 60 for r in records)
    assert any("affiliation" in r for r in records)
    assert any("location" in r for r in records)
    assert {r["country"] for r in records if "country" in r} >= {"NO", "GB"}
    urls = [r["url"] for r in records if "url" in r]
    assert urls and all(url.startswith("https://") for url in urls)
    assert {r.get("status") for r in records} >= {"pending", "withdrawn", None}


def test_yaml_and_csv_hold_the_same_signatories_with_no_value_retyped(tmp_path):
    # YAML reads an unquoted NO as false and 1999 as a number: every value must come back as written.
    generate.generate_project(tmp_path / "y", 1_000, "yaml")
    generate.generate_project(tmp_path / "c", 1_000, "csv")
    from_yaml = yaml.load((tmp_path / "y" / "signatories.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    with open(tmp_path / "c" / "signatories.csv", encoding="utf-8", newline="") as f:
        from_csv = [{k: v for k, v in row.items() if v} for row in csv.DictReader(f)]
    assert from_yaml == from_csv == generate.signatories(1_000)
    assert 'country: "NO"' in (tmp_path / "y" / "signatories.yaml").read_text(encoding="utf-8")


def test_bench_quick_prints_the_table_and_writes_results(tmp_path):
    results = tmp_path / "results.json"
    completed = subprocess.run(
        [
            sys.executable,
            str(BENCH / "run.py"),
            "--quick",
            "--skip-pdf",
            "--projects-dir",
            str(tmp_path / "projects"),
            "--results",
            str(results),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert completed.returncode == 0, completed.stderr
    table = completed.stdout
    for row in (
        "petition --help",
        "IAP letter",
        "140 YAML",
        "140 CSV",
        "check",
        "build txt",
        "baseline: PyYAML C loader",
        "| budget ",
        "check, 100,000 YAML",
    ):
        assert row in table

    data = json.loads(results.read_text(encoding="utf-8"))
    assert data["machine"]["nproc"] >= 1 and data["machine"]["python"]
    assert data["settings"]["sizes"] == [140] and data["settings"]["repeat"] == 1
    steps = {(m["project"], m["step"]): m for m in data["measurements"]}
    for key in [
        ("-", "petition --help"),
        ("iap", "check"),
        ("iap", "build txt"),
        ("140-yaml", "check"),
        ("140-yaml", "baseline: PyYAML C loader"),
        ("140-csv", "build txt"),
        ("140-yaml", "baseline: check"),
        ("140-yaml", "signatories add"),
        ("140-yaml", "signatories import (form)"),
        ("140-yaml", "diff"),
        ("140-yaml", "diff, git revisions"),
        ("140-yaml", "check, 1 MB letter"),
        ("140-yaml", "diff, 1 MB letter"),
    ]:
        measured = steps[key]
        assert measured["status"] == "ok", measured
        assert len(measured["runs"]) == 1 and measured["median_s"] > 0 and measured["peak_rss_bytes"] > 0
    assert steps[("140-yaml", "baseline: PyYAML C loader")]["in_process_median_s"] is not None
    assert not any(m["step"] == "build pdf" for m in data["measurements"])
    verdicts = {b["name"]: b["verdict"] for b in data["budgets"]}
    assert verdicts["check, 100,000 YAML"] == "not measured"
    assert verdicts["petition --help"] in ("met", "MISSED")


# A runner holding 64 MB runs a step that needs a few: prints the step's peak
# RSS as measured, then its own.
BIG_RUNNER = """
import resource, sys
sys.path.insert(0, sys.argv[1])
import run
ballast = b"x" * 64_000_000
measured, failure = run.run_once([sys.executable, "-c", "pass"], sys.argv[2])
assert failure is None, failure
print(measured.max_rss_kb, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def test_a_step_is_charged_its_own_memory_not_the_runners():
    # Linux hands a parent's peak RSS on to its child across fork and exec; the
    # runner holds big lists, so a small step must still be measured small. The
    # big runner is a process of its own, not this test's.
    completed = subprocess.run(
        [sys.executable, "-c", BIG_RUNNER, str(BENCH), str(REPO)], capture_output=True, text=True, check=True
    )
    step_kb, runner_kb = map(int, completed.stdout.split())
    assert runner_kb > 64_000
    assert step_kb < 32_000


def test_a_failing_step_is_reported_not_raised(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    run = _load("bench_run", BENCH / "run.py")
    measured, failure = run.run_once([sys.executable, "-c", "import sys; sys.exit('no renderer here')"], REPO)
    assert measured is None
    assert failure == "exit 1: no renderer here"


def test_the_performance_page_gets_the_new_tables_and_keeps_its_text(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    runner = _load("bench_run_page", BENCH / "run.py")
    page = tmp_path / "performance.md"
    page.write_text(f"# Performance\n\nWhy.\n\n{runner.PAGE_START}\nold numbers\n{runner.PAGE_END}\n\nNotes.\n")
    runner.write_page(page, "| new | table |")
    assert page.read_text() == (
        f"# Performance\n\nWhy.\n\n{runner.PAGE_START}\n| new | table |\n{runner.PAGE_END}\n\nNotes.\n"
    )
    site_page = (REPO / "docs" / "explanation" / "performance.md").read_text(encoding="utf-8")
    assert site_page.count(runner.PAGE_START) == 1 and site_page.count(runner.PAGE_END) == 1
