"""MkDocs hook (mkdocs.yml `hooks:`): the site's sections in the order a reader needs them.

MkDocs builds the navigation from docs/'s folders, alphabetically; a reader
wants the tutorial first and the explanations last. Only the top level is
reordered: pages inside a folder keep MkDocs' order, so a page added to a
folder appears without anyone editing the configuration.
"""

from __future__ import annotations

from typing import Any

ORDER = ("tutorial", "how-to", "reference", "rules", "explanation")


def _rank(item: Any) -> int:
    folder = None
    if getattr(item, "is_section", False):
        for child in item.children:
            page_file = getattr(child, "file", None)
            if page_file is not None:
                folder = page_file.src_uri.split("/")[0]
                break
            if getattr(child, "is_section", False):
                return _rank(child)
    elif getattr(item, "file", None) is not None and item.file.src_uri == "index.md":
        return -1
    return ORDER.index(folder) if folder in ORDER else len(ORDER)


def on_nav(nav: Any, config: Any, files: Any) -> Any:
    nav.items.sort(key=_rank)
    return nav
