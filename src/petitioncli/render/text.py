"""The plain-text letter (SPEC §4): wrapped paragraphs, [n] calls, notes under a rule."""

from __future__ import annotations

import textwrap

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from ..markdown import RAW_HTML_TOKENS
from ..model import Edition, Signatory, Status

DEFAULT_WIDTH = 72
_SKIPPED_BLOCKS = RAW_HTML_TOKENS | {"footnote_reference_open", "footnote_block_open"}


def render_text(edition: Edition, width: int = DEFAULT_WIDTH) -> str:
    writer = _TextWriter(edition, width)
    return writer.letter()


def signatory_line(signatory: Signatory, *, draft: bool = False) -> str:
    parts = [signatory.name, signatory.affiliation, signatory.location]
    line = ", ".join(part for part in parts if part)
    if draft and signatory.status is Status.PENDING:
        line += " (pending)"
    return line


class _TextWriter:
    def __init__(self, edition: Edition, width: int):
        self.edition = edition
        self.width = width

    def letter(self) -> str:
        edition = self.edition
        letter = edition.letter
        blocks: list[str] = []
        if edition.draft:
            blocks.append("DRAFT - not for circulation")
        blocks.append(letter.title)
        blocks.append(edition.place_and_date)
        if edition.recipient.address:
            blocks.append("\n".join(edition.recipient.address))
        blocks.append(edition.recipient.salutation)
        body = self.blocks(SyntaxTreeNode(letter.body.tokens).children, indent="")
        blocks.extend(body)
        if edition.footnotes:
            notes = [self.footnote(n.number, n.footnote.tokens) for n in edition.footnotes]
            blocks.append("-" * min(20, self.width) + "\n" + "\n".join(notes))
        if edition.signatories:
            lines = [signatory_line(s, draft=edition.draft) for s in edition.signatories]
            if letter.signatories_heading:
                blocks.append(letter.signatories_heading)
            blocks.append("\n".join(lines))
        return "\n\n".join(block for block in blocks if block) + "\n"

    def footnote(self, number: int, tokens: list[Token]) -> str:
        call = f"[{number}] "
        return self.wrap(self.inline(tokens), initial=call, subsequent=" " * len(call))

    def wrap(self, text: str, *, initial: str = "", subsequent: str = "") -> str:
        """Wraps at the width without ever breaking a word or URL; hard breaks stay."""
        lines = []
        for index, segment in enumerate(text.split("\n")):
            lines.append(
                textwrap.fill(
                    segment,
                    self.width,
                    initial_indent=initial if index == 0 else subsequent,
                    subsequent_indent=subsequent,
                    break_long_words=False,
                    break_on_hyphens=False,
                )
                or (initial if index == 0 else subsequent).rstrip()
            )
        return "\n".join(lines)

    def blocks(self, nodes: list[SyntaxTreeNode], indent: str) -> list[str]:
        out = []
        for node in nodes:
            rendered = self.block(node, indent)
            if rendered:
                out.append(rendered)
        return out

    def block(self, node: SyntaxTreeNode, indent: str) -> str:
        kind = node.type
        if kind in ("paragraph", "heading"):
            return self.wrap(self.inline(node.children[0].token.children or []), initial=indent, subsequent=indent)
        if kind in ("bullet_list", "ordered_list"):
            return self.list(node, indent)
        if kind == "blockquote":
            return "\n\n".join(self.blocks(node.children, indent + "> "))
        if kind in ("fence", "code_block"):
            return textwrap.indent(node.content.rstrip("\n"), indent + "    ")
        if kind == "hr":
            return indent + "* * *"
        if kind in _SKIPPED_BLOCKS:
            return ""
        return "\n\n".join(self.blocks(node.children, indent))

    def list(self, node: SyntaxTreeNode, indent: str) -> str:
        ordered = node.type == "ordered_list"
        start = int(node.attrs.get("start", 1)) if ordered else 1
        items = []
        for offset, item in enumerate(node.children):
            marker = f"{start + offset}. " if ordered else "- "
            inner = self.blocks(item.children, indent + " " * len(marker))
            text = "\n".join(inner) if item.children and item.children[0].hidden else "\n\n".join(inner)
            items.append(indent + marker + text[len(indent) + len(marker) :])
        tight = all(not (item.children and not item.children[0].hidden) for item in node.children)
        return ("\n" if tight else "\n\n").join(items)

    def inline(self, tokens: list[Token]) -> str:
        parts: list[str] = []
        links: list[tuple[str, int, bool]] = []
        for token in tokens:
            kind = token.type
            if kind in ("text", "code_inline"):
                parts.append(token.content)
            elif kind == "softbreak":
                parts.append(" ")
            elif kind == "hardbreak":
                parts.append("\n")
            elif kind == "link_open":
                links.append((str(token.attrs.get("href", "")), len(parts), token.markup == "autolink"))
            elif kind == "link_close" and links:
                href, start, autolink = links.pop()
                label = "".join(parts[start:])
                if not autolink and label != href and href:
                    parts.append(f" <{href}>")
            elif kind == "image":
                parts.append(token.content or "")
            elif kind == "footnote_ref":
                number = self.edition.footnote_numbers.get(token.meta.get("label", ""))
                if number is not None:
                    parts.append(f"[{number}]")
        return "".join(parts)
