"""`# noqa: rule-id` comments in YAML files, and signatories' `noqa` values: the problems they silence are dropped."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..diagnostics import Diagnostic, Diagnostics
from ..loader.files import yaml_lines
from ..model import Signatory

_NOQA = re.compile(r"#\s*noqa:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)", re.IGNORECASE)


def without_suppressed(
    diagnostics: list[Diagnostic], sources: dict[Path, str], signatories: Iterable[Signatory] = ()
) -> Diagnostics:
    """Drops problems whose YAML line carries `# noqa: rule-id`, or whose signatory's `noqa` names the rule.

    The comment counts on the problem's own line and, for a problem inside a
    block scalar (whose lines cannot hold comments), on the line the value
    starts. A signatory's `noqa` covers the lines its entry or CSV row spans.
    """
    silenced: dict[tuple[Path, int], frozenset[str]] = {}
    for signatory in signatories:
        if signatory.noqa:
            for pos in (signatory.pos, *signatory.field_pos.values()):
                silenced[pos.file, pos.line] = silenced.get((pos.file, pos.line), frozenset()) | set(signatory.noqa)
    lines_of: dict[Path, list[str] | None] = {}
    kept = Diagnostics()
    for diagnostic in diagnostics:
        path = diagnostic.pos.file
        if diagnostic.rule.id in silenced.get((path, diagnostic.pos.line), ()):
            continue
        if path not in lines_of:
            source = sources.get(path, "") if path.suffix in (".yaml", ".yml") else ""
            lines_of[path] = yaml_lines(source) if "noqa" in source else None
        lines = lines_of[path]
        if lines is not None and any(
            _suppresses(lines, line, diagnostic.rule.id)
            for line in {diagnostic.pos.line, diagnostic.entry_line or diagnostic.pos.line}
        ):
            continue
        kept.append(diagnostic)
    return kept


def _suppresses(lines: list[str], line: int, rule: str) -> bool:
    match = _NOQA.search(lines[line - 1]) if 0 < line <= len(lines) else None
    return match is not None and rule in {r.strip().lower() for r in match.group(1).split(",")}
