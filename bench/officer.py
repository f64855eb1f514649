"""The officer's and the reviewer's commands in `make bench`: add, import and diff on the largest YAML list.

Their budgets (issue 9): `signatories add` on a 100,000-entry YAML list under
3 s and no slower than `check` on it; importing a form export of 10,000 rows
into it under 5 s; `diff` of two 100,000-signatory projects under twice
`check` of one. `check` runs in the same rounds, as the baseline.

add and import change the list, so each of their runs first restores it from
a pristine copy (a copy of a few MB, inside the measured time) and every run
does the same work. The export holds the 10,000 signatories the generator
makes after the project's own (as many as the list holds, for a smaller
list), so none is a duplicate; the edited edition
lacks 1 % of the project's signatories, moves 1 % elsewhere and has 1,000 more.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable, Sequence
from pathlib import Path

from generate import signatories, to_yaml

EXPORT_ROWS = 10_000
JOINED = 1_000
ADDED_NAME = "Officer's Own Organisation for the Benchmark"
IMPORT = "signatories import (form)"
# The edited edition's folder under the work folder; bench/reviewer.py commits it too.
EDITED = "officer-edited"
# Restores the list, then becomes the measured command: sh -c SCRIPT restore PRISTINE LIST COMMAND…
_RESTORED = 'cp -- "$1" "$2" && shift 2 && exec "$@"'


def commands(petition: Sequence[str], project: Path, size: int, work: Path) -> list[tuple[str, list[str]]]:
    """(step, command) for each measured step, after preparing the copies they work on under `work`."""
    work.mkdir(parents=True, exist_ok=True)
    copy, edited, export = work / "officer-copy", work / EDITED, work / "form-export.csv"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(project, copy)
    listed = copy / "signatories.yaml"
    pristine = work / "officer-pristine.yaml"
    shutil.copyfile(listed, pristine)
    # A smaller list (`--quick`) gets a smaller export: the budget is for the largest.
    rows = min(EXPORT_ROWS, size)
    records = signatories(size + max(rows, JOINED))
    export.write_text(_form_export(records[size : size + rows]), encoding="utf-8", newline="")
    _edited_edition(project, edited, records[:size], records[size : size + JOINED])

    def restored(*arguments: str) -> list[str]:
        return ["sh", "-c", _RESTORED, "restore", str(pristine), str(listed), *petition, *arguments]

    return [
        ("baseline: check", [*petition, "check", str(copy)]),
        ("signatories add", restored("signatories", "add", str(copy), "--name", ADDED_NAME, "--url", "example.org")),
        (IMPORT, restored("signatories", "import", str(export), str(copy))),
        ("diff", [*petition, "diff", str(project), str(edited)]),
    ]


def _form_export(records: Sequence[dict[str, str]]) -> str:
    """As Google Forms writes it: a time stamp and the respondent's e-mail first, questions as headers."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(["Timestamp", "Email Address", "Name", "Affiliation", "City", "Country", "Website"])
    for index, record in enumerate(records):
        stamp = f"2024/03/{1 + index % 28:02d} {index % 24:02d}:{index % 60:02d}:00"
        cells = [record.get(key, "") for key in ("name", "affiliation", "location", "country", "url")]
        writer.writerow([stamp, f"respondent{index}@example.org", *cells])
    return "\ufeff" + out.getvalue()


def _edited_edition(project: Path, path: Path, listed: list[dict[str, str]], joined: list[dict[str, str]]) -> None:
    shutil.rmtree(path, ignore_errors=True)
    shutil.copytree(project, path)
    kept = [dict(record) for index, record in enumerate(listed) if index % 100 != 0]
    for record in kept[50::100]:
        record["location"] = "Elsewhere"
    (path / "signatories.yaml").write_text(to_yaml([*kept, *joined]), encoding="utf-8", newline="")


def budgets(seconds: Callable, relative: Callable, project: str) -> list:
    return [
        seconds("signatories add, 100,000 YAML: time", project, "signatories add", 3),
        relative("signatories add, 100,000 YAML", project, "signatories add", "baseline: check", 1.0),
        seconds(f"import {EXPORT_ROWS:,} rows, 100,000 YAML", project, IMPORT, 5),
        relative("diff, 2 × 100,000 YAML", project, "diff", "baseline: check", 2.0),
    ]
