"""Writers of one list at once: each waits its turn, none loses another's entry, none claims what it did not write."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from petitioncli import loader
from petitioncli.output.locking import locked

PETITION = [sys.executable, "-m", "petitioncli"]
START = "- name: Amnesty International\n"


def on_disk(project: Path) -> list[str]:
    result = loader.load(project / "petition.yaml")
    assert not result.diagnostics.errors, result.diagnostics
    return [s.name for s in result.letter.signatories]


def start(*args: object) -> subprocess.Popen:
    return subprocess.Popen(
        [*PETITION, *map(str, args)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8"
    )


def test_twenty_adds_and_ten_imports_at_once_lose_no_entry(make_letter, tmp_path):
    project = make_letter("signatories.yaml", START)
    exports = []
    for n in range(10):
        export = tmp_path / f"export{n}.csv"
        export.write_text(f"Organisation,City\nImported {n}a,Lyon\nImported {n}b,Oslo\n", encoding="utf-8")
        exports.append(export)
    processes = [start("signatories", "add", project, "--name", f"Added {n}") for n in range(20)]
    processes += [start("signatories", "import", export, project, "--json") for export in exports]
    outcomes = [(p.wait(timeout=240), p.stdout.read(), p.stderr.read()) for p in processes]  # type: ignore[union-attr]
    for code, _, stderr in outcomes:
        assert code == 0, stderr
    reported = [line.split("'")[1] for _, out, _ in outcomes[:20] for line in out.splitlines() if "Added '" in line]
    assert sorted(reported) == sorted(f"Added {n}" for n in range(20))
    imported = [out for _, out, _ in outcomes[20:]]
    assert all('"written": true' in out for out in imported)
    expected = ["Amnesty International", *(f"Added {n}" for n in range(20))]
    expected += [f"Imported {n}{half}" for n in range(10) for half in "ab"]
    assert sorted(on_disk(project)) == sorted(expected)


def test_a_writer_kept_waiting_says_so_and_then_writes(make_letter):
    project = make_letter("signatories.yaml", START)
    with locked(project / "petition.yaml"):
        process = start("signatories", "add", project, "--name", "Article 19")
        time.sleep(3)
        assert process.poll() is None  # still waiting for the lock
        assert on_disk(project) == ["Amnesty International"]
    code = process.wait(timeout=60)
    stderr = process.stderr.read()  # type: ignore[union-attr]
    assert code == 0, stderr
    assert "waiting for another petition command writing the signatories of" in stderr
    assert on_disk(project) == ["Amnesty International", "Article 19"]


def test_a_stop_signal_after_the_list_is_written_waits_for_the_report_of_it(run_cli, make_letter, monkeypatch):
    import os
    import signal

    from petitioncli.signatories import listfile

    project = make_letter("signatories.yaml", START)
    real_write = listfile.write_atomic

    def write_then_terminated(path, data):
        real_write(path, data)
        os.kill(os.getpid(), signal.SIGTERM)  # as `kill` would, just after the rename

    monkeypatch.setattr(listfile, "write_atomic", write_then_terminated)
    result = run_cli("signatories", "add", project, "--name", "Article 19")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("Added 'Article 19' at ") and "signatories.yaml:2" in result.stdout
    assert "SIGTERM came after the work was written; the report above is complete" in result.stderr
    assert "left as they were" not in result.stderr
    assert on_disk(project) == ["Amnesty International", "Article 19"]
