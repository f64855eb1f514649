"""A stop signal while Typst lays a letter out ends the build at once, as it does at any other moment."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from projects import TYPST_MISSING, write_project

# Runs the real CLI with Typst given a minute of work (a thousand pages added to the letter's template);
# MARKER is written when the layout starts.
SLOW_TYPST = """
import runpy, signal, sys
from pathlib import Path

import petitioncli.render.typst_engine as engine

marker = Path(sys.argv[1])
signal.signal(signal.SIGTERM, signal.SIG_DFL)
write_world, compile_ = engine._write_world, engine._compile

def slow_world(world, letter):
    write_world(world, letter)
    with (world / "main.typ").open("a", encoding="utf-8") as template:
        template.write("\\n#for i in range(60000) [#lorem(40) #parbreak()]\\n")

def started(*args):
    marker.write_text("laying out")
    return compile_(*args)

engine._write_world, engine._compile = slow_world, started
sys.argv = ["petition", *sys.argv[2:]]
runpy.run_module("petitioncli", run_name="__main__")
"""


@pytest.mark.skipif(TYPST_MISSING, reason="the typst extra is not installed")
def test_a_stop_signal_during_typst_layout_ends_the_build_within_a_second(tmp_path: Path):
    project = write_project(tmp_path / "letter", {})
    marker = tmp_path / "started"
    out = tmp_path / "out"
    command = [sys.executable, "-c", SLOW_TYPST, marker, "build", project, "-f", "pdf", "--engine", "typst"]
    process = subprocess.Popen([*command, "--output-dir", out], stderr=subprocess.PIPE, text=True)
    try:
        # Not a measurement: a bound, so that a build that never starts its layout fails instead of hanging.
        give_up = time.monotonic() + 60
        while not marker.exists() and process.poll() is None and time.monotonic() < give_up:
            time.sleep(0.02)
        assert marker.exists(), process.communicate()
        time.sleep(0.5)  # well inside the minute of layout
        sent = time.monotonic()
        process.send_signal(signal.SIGTERM)
        _, stderr = process.communicate(timeout=30)
        waited = time.monotonic() - sent
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 143
    assert "interrupted by SIGTERM" in stderr
    assert waited < 1.5, f"the build took {waited:.1f} s to stop"
    assert not out.exists() or not list(out.iterdir())
