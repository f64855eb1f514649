"""The documentation says only what the code does: its commands run, its generated pages are current.

The README and the tutorial are run as a reader would run them, command by
command, against a scratch folder; the pages made from the code (rules,
commands, keys, limits) must be what `make docs-gen` writes today; and each
rule page's example must fail as shown and its fix must clear it.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from conftest import DATA, REPO

sys.path.insert(0, str(REPO / "scripts"))
import docs_gen
import rule_pages

from petitioncli import DOCS_URL, __version__, rules

README = REPO / "README.md"
TUTORIAL = REPO / "docs" / "tutorial" / "first-letter.md"
# A fenced block: its language, an optional title="file" (a file to save), its text.
BLOCK = re.compile(r'^```(\w+)(?: title="([^"]+)")?\n(.*?)^```', re.S | re.M)
# 2026-06-01: after the tutorial's dates, so that no date is in the future.
TODAY = {"SOURCE_DATE_EPOCH": "1780272000"}
FORM_EXPORT = (
    "Timestamp,Email Address,Organisation name,City,Website\n"
    "2025/03/01 10:02:11,ana@anglers.example,Vela Anglers Club,Coimbra,vela-anglers.example\n"
)


def run(line: str, cwd: Path) -> subprocess.CompletedProcess:
    """One command line as a shell runs it, with this environment's `petition` first on PATH."""
    env = {**os.environ, **TODAY, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, check=False)


def commands(text: str) -> list[str]:
    return [
        line
        for language, title, body in BLOCK.findall(text)
        if language == "sh" and not title
        for line in body.splitlines()
        if line.startswith("petition ")
    ]


def test_the_readme_is_a_door_not_a_manual():
    assert len(README.read_bytes()) <= 12 * 1024


def test_every_petition_command_in_the_readme_succeeds(tmp_path):
    shutil.copytree(DATA, tmp_path / "data")
    (tmp_path / "responses.csv").write_text(FORM_EXPORT, encoding="utf-8")
    shown = commands(README.read_text(encoding="utf-8"))
    assert len(shown) >= 10
    for line in shown:
        result = run(line, tmp_path)
        assert result.returncode == 0, f"{line}\n{result.stdout}{result.stderr}"


def test_the_readmes_links_lead_to_files_of_the_repository():
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README.read_text(encoding="utf-8"))
    local = [link for link in links if not link.startswith(("http://", "https://"))]
    assert local
    for link in local:
        assert (REPO / link).exists(), link


def test_the_tutorial_runs_from_start_to_end(tmp_path):
    text = TUTORIAL.read_text(encoding="utf-8")
    ran = 0
    for language, title, body in BLOCK.findall(text):
        if title:
            (tmp_path / title).write_text(body, encoding="utf-8")
        elif language == "sh":
            for line in body.splitlines():
                result = run(line, tmp_path)
                assert result.returncode == 0, f"{line}\n{result.stdout}{result.stderr}"
                ran += 1
    assert ran >= 12
    # Every letter the tutorial says was written is there.
    promised = set(re.findall(r"`(dist/[^`]+\.(?:pdf|txt|html))`", text))
    assert promised
    for path in promised:
        assert (tmp_path / path).is_file(), path
    imported = yaml.safe_load((tmp_path / "my-letter" / "signatories.yaml").read_text(encoding="utf-8"))
    assert [entry["name"] for entry in imported] == [
        "Friends of the Vela",
        "River Network",
        "Vela Anglers Club",
        "Valley Farmers' Cooperative",
    ]


def test_the_pages_made_from_the_code_are_current():
    assert docs_gen.stale(docs_gen.generated()) == [], "run `make docs-gen`"


def test_every_rule_check_finds_has_a_page_with_a_failing_example():
    for rule in rules.all_rules():
        page = (REPO / "docs" / "rules" / f"{rule.id}.md").read_text(encoding="utf-8")
        if rule.stage is rules.Stage.RENDER:
            assert "## Example" not in page
            continue
        assert rule_pages.example_for(rule) is not None, f"no corpus case can show {rule.id}"
        assert "## Example" in page and "## Fix" in page
        assert f"[{rule.id}]" in page.split("## Fix")[0], f"the example of {rule.id} does not report it"


@pytest.mark.parametrize(
    "rule", [rule for rule in rules.all_rules() if rule.stage is not rules.Stage.RENDER], ids=lambda rule: rule.id
)
def test_the_fix_on_each_rule_page_clears_the_example(rule, tmp_path, run_cli):
    module = rule_pages.corpus()
    example = rule_pages.example_for(rule, module)
    assert example is not None
    project = module.make_project(tmp_path, example.case.files)
    broken = run_cli("check", "--output-format", "json", cwd=project)
    assert rule.id in {problem["rule"] for problem in json.loads(broken.stdout)}
    for name, content in example.fix.items():
        path = project / name
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        elif path.exists() or path.is_symlink():
            path.unlink()
        if content is not None:
            path.write_text(content, encoding="utf-8")
    fixed = run_cli("check", "--strict", "--output-format", "json", cwd=project)
    assert (fixed.exit_code, json.loads(fixed.stdout)) == (0, [])


def test_each_rule_links_to_its_page_on_the_site():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["site_url"] == DOCS_URL
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["urls"]["Documentation"] == DOCS_URL
    for rule in rules.all_rules():
        assert rule.url == f"{DOCS_URL}rules/{rule.id}/"
        assert (REPO / "docs" / "rules" / f"{rule.id}.md").is_file()


def test_the_version_has_one_source():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert importlib.metadata.version("petitioncli") == __version__


def test_each_difference_between_the_engines_names_a_test_that_pins_it():
    page = (REPO / "docs" / "reference" / "engines.md").read_text(encoding="utf-8")
    differences = page.split("## Where the engines still differ", 1)[1].split("\n## ", 1)[0]
    pinned = re.findall(r"`(test_\w+\.py)::(test_\w+)`", differences)
    listed = re.findall(r"\(`DIFFERENCES` in `tests/(\w+\.py)`", differences)
    assert pinned and listed
    for module, name in pinned:
        assert re.search(rf"^def {name}\(", (REPO / "tests" / module).read_text(encoding="utf-8"), re.M), name
    for module in listed:
        assert "DIFFERENCES = [" in (REPO / "tests" / module).read_text(encoding="utf-8")
