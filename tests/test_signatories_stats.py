"""`petition signatories stats`: the counts an officer reports to the coalition."""

from __future__ import annotations

import json

LIST = """\
- name: Amnesty International
  country: GB
  location: London
  url: https://www.amnesty.org
- name: Article 19
  country: GB
  location: London
- name: Human Rights Watch
  country: US
  location: New York
  url: https://www.hrw.org
  status: pending
- name: Netherlands Helsinki Committee
  country: NL
  location: The Hague
  status: withdrawn
- name: Front Line Defenders
  location: "[Dublin]"
"""


def test_counts_by_status_country_and_location_as_json(run_cli, make_letter):
    project = make_letter("signatories.yaml", LIST)
    result = run_cli("signatories", "stats", project, "--json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {
        "signatories": 5,
        "status": {"confirmed": 3, "pending": 1, "withdrawn": 1},
        # The withdrawn committee no longer stands behind the letter.
        "counted": 4,
        "with_url": 2,
        "without_url": 2,
        "country": {"GB": 2, "US": 1},
        "without_country": 1,
        "location": {"London": 2, "New York": 1, "[Dublin]": 1},
        "without_location": 0,
        "group": {},
    }


def test_the_tables_for_people(run_cli, make_letter):
    rows = "".join(f"Org {i},{country}\n" for i, country in enumerate(["NL", "NL", "NL", "KE", "KE", ""]))
    project = make_letter("signatories.csv", "name,country\n" + rows)
    result = run_cli("signatories", "stats", project)
    assert result.exit_code == 0
    lines = [" ".join(line.strip("│┃ ").split()) for line in result.stdout.splitlines()]
    assert "6 signatories; countries, locations and URLs count the 6 not withdrawn." in lines
    for row in ("confirmed │ 6", "pending │ 0", "withdrawn │ 0", "NL │ 3", "KE │ 2", "(none given) │ 1"):
        assert row in lines
    assert "With a URL: 0 of 6 (0%)." in lines
    assert "\x1b[" not in result.stdout


def test_a_list_that_cannot_be_read_is_not_counted(run_cli, make_letter):
    project = make_letter("signatories.yaml", "- name: [Amnesty\n")
    result = run_cli("signatories", "stats", project)
    assert result.exit_code == 1
    assert "signatories.yaml:2:1: error: YAML syntax error" in result.stderr
