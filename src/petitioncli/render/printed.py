"""What a PDF engine hands back: the PDF and what it saw while laying the letter out.

Its own module, so that each engine can return it without importing
`pdf.py`, which chooses among the engines.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class Printed:
    """A PDF and what its engine saw while making it, for the diagnostics every engine shares."""

    pdf: bytes
    # Notes not printed on the page of their call: number -> (call page, note page).
    misplaced: dict[int, tuple[int | None, int | None]]
