"""Importing petitioncli changes nothing about the process, and a command undoes what it changed."""

from __future__ import annotations

import gc
import subprocess
import sys

from projects import petition, write_project

_IMPORT_EVERYTHING = """
import gc, pkgutil, importlib
import pydyf
from fontTools.ttLib.tables import _h_e_a_d

before = (pydyf.PDF.__dict__["page_references"], _h_e_a_d.timestampNow)
import petitioncli
for module in pkgutil.walk_packages(petitioncli.__path__, "petitioncli."):
    if not module.name.endswith("__main__"):  # `python -m petitioncli` runs the command
        importlib.import_module(module.name)
print(gc.isenabled(), gc.get_freeze_count(), pydyf.PDF.__dict__["page_references"] is before[0],
      _h_e_a_d.timestampNow is before[1], "petitioncli.render.weasyprint_engine" in sys.modules)
"""


def test_importing_every_module_leaves_the_collector_and_other_libraries_alone():
    found = subprocess.run(
        [sys.executable, "-c", "import sys\n" + _IMPORT_EVERYTHING], capture_output=True, text=True, check=True
    )
    assert found.stdout == "True 0 True True True\n"


def test_a_pdf_build_puts_back_what_it_changed(tmp_path):
    import pydyf
    from fontTools.ttLib.tables import _h_e_a_d

    before = (pydyf.PDF.__dict__["page_references"], _h_e_a_d.timestampNow)
    project = write_project(tmp_path / "p", {})
    assert gc.isenabled()
    result = petition("build", project, "--format", "pdf", "--output-dir", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    assert (pydyf.PDF.__dict__["page_references"], _h_e_a_d.timestampNow) == before
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_a_failing_command_puts_it_back_too(tmp_path):
    project = write_project(tmp_path / "p", {"letter.md": "See [^missing].\n"})
    result = petition("build", project, "--format", "txt", "--output-dir", tmp_path / "out")
    assert result.exit_code == 1
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0
