"""`noqa`: the places a project silences a rule, the problems they silence, and the ones that silence nothing.

A `# noqa: rule-id, …` comment in a YAML file covers its line (and, for a
value written as a block scalar, whose lines cannot hold comments, the lines
of that value); a signatory's `noqa` value, the CSV column standing for the
comment, covers the lines its entry or row spans; a `<!-- noqa: rule-id, … -->`
comment in a Markdown file covers its paragraph: the lines around it up to a
blank line. A `noqa` naming a rule that does not exist, or one that silenced
nothing, is reported as Ruff's RUF100 does: `noqa-unknown`, `noqa-unused`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import markdown, rules
from ..diagnostics import Diagnostic, Diagnostics, Pos
from ..loader.files import split_lines, yaml_lines
from ..loader.values import did_you_mean, noqa_ids
from ..markdown import RawBlock, RawHtml
from ..model import Body, Signatory
from ..rules import Problem, Stage

# The ids end the comment: `# noqa: Rule ids whose …`, prose about noqa, silences nothing.
_YAML_NOQA = re.compile(r"#\s*noqa:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)\s*(?:#|$)", re.IGNORECASE)
# Rules whose verdict depends on the machine (the fonts installed): a noqa for
# one is needed on some machines and not others, so it is never called unused.
_MACHINE_DEPENDENT = frozenset({rules.GLYPH_MISSING.id})
_MARKDOWN_NOQA = re.compile(r"<!--\s*noqa:\s*([a-z0-9-]+(?:[\s,]+[a-z0-9-]+)*)[\s,]*-->", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Directive:
    """One `noqa`: where it is written, the ids it names, and the lines (file, line) it covers."""

    pos: Pos
    ids: tuple[str, ...]
    covers: tuple[tuple[Path, int], ...]


class _Directives:
    """Every `noqa` of a project, by the lines it covers; what each line's noqas silenced, by rule.

    A problem is looked up by its line and rule, never against each noqa of
    its paragraph in turn: a paragraph of many lines with a noqa on each stays
    linear in its size.
    """

    def __init__(self) -> None:
        self.all: list[_Directive] = []
        self.covering: dict[tuple[Path, int], set[str]] = {}
        # (line, rule id) of every problem a noqa silenced.
        self.silenced: set[tuple[tuple[Path, int], str]] = set()
        # A Markdown file's lines, each to the first line of its paragraph, which stands for all of them.
        self.paragraph_of: dict[Path, list[int]] = {}

    def add(self, directive: _Directive) -> None:
        self.all.append(directive)
        for line in directive.covers:
            self.covering.setdefault(line, set()).update(directive.ids)

    def silences(self, diagnostic: Diagnostic) -> bool:
        """Whether a noqa covering the problem's line names its rule; the line and rule are noted as silenced."""
        rule_id = diagnostic.rule.id
        path, line = diagnostic.pos.file, diagnostic.pos.line
        if (paragraphs := self.paragraph_of.get(path)) is not None:
            line = paragraphs[line] if 0 < line < len(paragraphs) else line
        found = False
        for at in {(path, line), (path, diagnostic.entry_line or line)}:
            if rule_id in self.covering.get(at, ()):
                self.silenced.add((at, rule_id))
                found = True
        # Named, so the noqa is not called unused; still reported, since no format can print it.
        return found and not diagnostic.rule.binding

    def problems(self) -> Iterator[Problem]:
        """An unknown id, or one that silenced nothing here, in every noqa."""
        known = [rule.id for rule in rules.all_rules()]
        closest = functools.cache(lambda rule_id: did_you_mean(rule_id, known))
        for directive in self.all:
            for rule_id in dict.fromkeys(directive.ids):
                rule = rules.by_id(rule_id)
                if rule is None:
                    yield rules.NOQA_UNKNOWN.at(
                        directive.pos, f"noqa names '{rule_id}', which is no rule{closest(rule_id)}"
                    )
                # What only rendering finds, check cannot tell silenced or not.
                elif (
                    rule.stage is not Stage.RENDER
                    and rule_id not in _MACHINE_DEPENDENT
                    and not any((line, rule_id) in self.silenced for line in directive.covers)
                ):
                    yield rules.NOQA_UNUSED.at(
                        directive.pos, f"noqa names '{rule_id}', which reports nothing here; remove it"
                    )


def without_suppressed(
    diagnostics: list[Diagnostic],
    sources: dict[Path, str],
    signatories: Iterable[Signatory] = (),
    bodies: Iterable[Body] = (),
) -> Diagnostics:
    """The problems no `noqa` silences, and what is wrong with the `noqa`s themselves.

    `bodies` are the Markdown files read (letter, epigraph, postscript, translations).
    """
    directives = _Directives()
    for signatory in signatories:
        if signatory.noqa:
            where = signatory.where("noqa")
            covered = [signatory.pos, *signatory.field_pos.values()]
            lines = tuple(dict.fromkeys((pos.file, pos.line) for pos in covered))
            directives.add(_Directive(where, signatory.noqa, lines))
    markdown_files = set()
    for body in bodies:
        markdown_files.add(body.path)
        if "noqa" in body.source:
            _markdown_directives(directives, body)
    for path, source in sources.items():
        if path not in markdown_files and path.suffix.lower() in (".yaml", ".yml") and "noqa" in source:
            _yaml_directives(directives, path, source)
    kept = Diagnostics(d for d in diagnostics if not directives.silences(d))
    kept.add(directives.problems())
    return kept


def _yaml_directives(directives: _Directives, path: Path, source: str) -> None:
    for number, line in enumerate(yaml_lines(source), start=1):
        if "noqa" in line and (match := _YAML_NOQA.search(line)):
            directives.add(
                _Directive(Pos(path, number, match.start() + 1), noqa_ids(match.group(1)), ((path, number),))
            )


def _markdown_directives(directives: _Directives, body: Body) -> None:
    """`<!-- noqa: … -->` comments, each covering the run of non-blank lines it is written in.

    Only comments markdown-it read as comments count: one inside a code span or block is text.
    """
    comments = _comment_lines(body.document.blocks)
    # Index 0 is no line; a blank line is a paragraph of its own.
    paragraph_of = [0]
    start = 1
    for number, line in enumerate(split_lines(body.source), start=1):
        if not line.strip():
            paragraph_of.append(number)
            start = number + 1
            continue
        paragraph_of.append(start)
        for match in _MARKDOWN_NOQA.finditer(line) if "noqa" in line else ():
            if match.group() in comments.get(number, ()):
                where = Pos(body.path, number, match.start() + 1)
                directives.add(_Directive(where, noqa_ids(match.group(1)), ((body.path, start),)))
    directives.paragraph_of[body.path] = paragraph_of


def _comment_lines(blocks: tuple[markdown.Block, ...]) -> dict[int, set[str]]:
    """The noqa comments markdown-it read, by each line of the block that holds them.

    The lines of one block share one set, so that a paragraph of many lines
    and many comments is registered in time linear in its size.
    """
    found: dict[int, set[str]] = {}

    def register(first: int, text: str, comments: Iterable[str]) -> None:
        noqas = {match.group() for html in comments for match in _MARKDOWN_NOQA.finditer(html)}
        if noqas:
            for line in range(first + 1, first + 2 + text.count("\n")):
                found[line] = found[line] | noqas if line in found else noqas

    for block in _raw_blocks(blocks):
        register(block.line, block.html.rstrip("\n"), [block.html])
    for container in markdown.inline_containers(blocks):
        nodes = markdown.walk_inlines(container.children)
        register(container.line, container.source, (n.html for n in nodes if isinstance(n, RawHtml) and n.is_comment))
    return found


def _raw_blocks(blocks: tuple[markdown.Block, ...]) -> Iterator[RawBlock]:
    """The HTML comment blocks of a Markdown tree, however deeply nested."""
    for block in blocks:
        if isinstance(block, RawBlock) and block.is_comment:
            yield block
        elif isinstance(block, markdown.ListBlock):
            for item in block.items:
                yield from _raw_blocks(item.children)
        elif isinstance(block, markdown.ListItem | markdown.BlockQuote):
            yield from _raw_blocks(block.children)
