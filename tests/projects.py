"""Small letter projects written by tests, and the built letters read back as a reader sees them."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from petitioncli.cli import app

BASE = Path(__file__).parent / "corpus" / "base"

# Every test that reads a PDF runs once for each engine, so that a difference
# between them fails a test; Typst's runs are skipped when its optional extra
# is not installed (`make test` installs it).
TYPST_MISSING = importlib.util.find_spec("typst") is None
ENGINES = [
    pytest.param("weasyprint"),
    pytest.param(
        "typst",
        marks=pytest.mark.skipif(TYPST_MISSING, reason="the typst extra is not installed: pip install '.[typst]'"),
    ),
]


def write_project(root: Path, files: dict[str, str | bytes | None]) -> Path:
    """tests/corpus/base/ with `files` written over it (None deletes a file)."""
    shutil.copytree(BASE, root)
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if content is None:
            path.unlink()
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


# The base letter with an Arabic edition: text, notes and a salutation in Arabic.
ARABIC = {
    "letter.ar.md": "نكتب إليكم بشأن حالة الأمور[^report].\n\nنطلب من المجلس أن:\n\n"
    "- ينشر محاضر اجتماعاته، كما وعد في [الميثاق](https://example.org/charter)؛\n"
    "- يلتقي بالمجتمع المدني مرتين في السنة.\n",
    "footnotes.ar.yaml": "report: انظر *The State of Things*، متاح على <https://example.org/report>.\n",
    "recipients.yaml": "board:\n  name: The Board\n  salutation:\n    en: Dear members of the Board,\n"
    "    ar: السادة أعضاء المجلس المحترمون،\n  address: [The Board, Amsterdam]\n",
}


def arabic_project(root: Path) -> Path:
    """tests/corpus/base/ with an Arabic translation, for what right-to-left editions print."""
    manifest = (BASE / "petition.yaml").read_text(encoding="utf-8") + (
        "translations:\n  ar:\n    title: رسالة إلى المجلس\n    place: أمستردام\n"
        "    body: letter.ar.md\n    footnotes: footnotes.ar.yaml\n"
    )
    return write_project(root, {**ARABIC, "petition.yaml": manifest})


def petition(*args: str | Path):
    """Runs `petition ARGS…` in-process, for module-scoped fixtures that cannot use `run_cli`."""
    return CliRunner().invoke(app, [str(arg) for arg in args], catch_exceptions=False)


def build(project: Path, out: Path, *formats: str, extra: tuple[str, ...] = ()) -> dict[str, Path]:
    """Builds `formats` into `out`; returns the written file of each format."""
    args = [arg for fmt in formats for arg in ("--format", fmt)]
    result = petition("build", project, *args, "--output-dir", out, *extra)
    assert result.exit_code == 0, result.stderr
    return {path.suffix[1:]: path for path in out.iterdir() if path.suffix[1:] in formats}


def build_pdf(project: Path, out: Path, engine: str, *extra: str) -> Path:
    """The project's one PDF letter, printed by `engine`."""
    (pdf,) = build(project, out, "pdf", extra=("--engine", engine, *extra)).values()
    return pdf


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def printed_heights(path: Path, page: int = 0) -> list[tuple[str, float]]:
    """Each piece of text on a page with the height it is printed at (larger is higher up the page)."""
    found: list[tuple[str, float]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            found.append((text.strip(), cm[5] + tm[5] * cm[3]))

    pypdf.PdfReader(path).pages[page].extract_text(visitor_text=visit)
    return found


def drawn_heights(path: Path, page: int = 0) -> list[float]:
    """The height of everything a page draws as text, readable or not (an SVG's letters may not map to text)."""
    found: list[float] = []

    def visit(operator, operands, cm, tm):
        if operator in (b"Tj", b"TJ", b"'", b'"'):
            found.append(cm[5] + tm[5] * cm[3])

    pypdf.PdfReader(path).pages[page].extract_text(visitor_operand_before=visit)
    return found


def in_order(text: str, *parts: str) -> bool:
    """Whether every part occurs in `text`, each after the one before."""
    position = 0
    for part in parts:
        found = text.find(part, position)
        if found < 0:
            return False
        position = found + len(part)
    return True
