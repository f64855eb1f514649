"""`petition signatories stats`: how many signed, by status, by country and by location, and how many have a URL."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .. import loader
from ..build import validate
from ..diagnostics import Diagnostics, Refused, display_path
from ..model import Status
from ..shown import printable

if TYPE_CHECKING:
    from rich.console import Console

# The human tables show the most frequent countries and locations; JSON has them all.
TOP = 20


@dataclass(slots=True)
class Stats:
    total: int
    by_status: dict[str, int]
    # Countries, locations and URLs are counted over the entries not withdrawn,
    # the ones that stand behind the letter, most frequent first.
    counted: int
    by_country: dict[str, int]
    by_location: dict[str, int]
    with_url: int
    # Heading to the signatories standing in that group, in the manifest's
    # order; empty for a letter of one list without a heading.
    by_group: dict[str, int]
    # Errors in the list, as `petition check` finds them: entries that could not be read are not counted.
    problems: Diagnostics

    def as_json(self) -> dict:
        return {
            "signatories": self.total,
            "status": self.by_status,
            "counted": self.counted,
            "with_url": self.with_url,
            "without_url": self.counted - self.with_url,
            "country": self.by_country,
            "without_country": self.counted - sum(self.by_country.values()),
            "location": self.by_location,
            "without_location": self.counted - sum(self.by_location.values()),
            "group": self.by_group,
        }


def count(manifest: Path) -> Stats:
    # Checked as `petition check` checks it, so that a list with errors is said to have them.
    return _count(manifest, validate(manifest))


def _count(manifest: Path, result: loader.LoadResult) -> Stats:
    # Every file the signatories are in: one, or one for each group.
    files = {manifest, *(group.file for group in result.letter.groups)}
    problems = Diagnostics(d for d in result.diagnostics if d.is_error and d.pos.file in files)
    if "signatories" in result.unusable:
        raise Refused(f"cannot count the signatories of {display_path(manifest)}", problems)
    entries = result.letter.signatories
    statuses = Counter(s.status for s in entries)
    standing = [s for s in entries if s.status is not Status.WITHDRAWN]
    return Stats(
        total=len(entries),
        by_status={status.value: statuses[status] for status in Status},
        counted=len(standing),
        by_country=_most_first(s.country for s in standing),
        by_location=_most_first(s.location for s in standing),
        with_url=sum(1 for s in standing if s.url),
        by_group={
            group.heading: sum(1 for s in group.signatories if s.status is not Status.WITHDRAWN)
            for group in result.letter.groups
            if group.heading
        },
        problems=problems,
    )


def _most_first(values) -> dict[str, int]:
    counts = Counter(value.strip() for value in values if value and value.strip())
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def print_tables(console: Console, stats: Stats) -> None:
    from rich.table import Table
    from rich.text import Text

    def table(column: str, counts: dict[str, int], rest: str | None) -> Table:
        found = Table()
        found.add_column(column)
        found.add_column("signatories", justify="right")
        for key, number in list(counts.items())[:TOP]:
            # A location may hold [brackets], which are not markup, and escapes, which are not for the terminal.
            found.add_row(Text(printable(key)), f"{number:,}")
        if len(counts) > TOP:
            others = sum(list(counts.values())[TOP:])
            found.add_row(f"{len(counts) - TOP:,} more", f"{others:,}", style="dim")
        if rest is not None:
            found.add_row(rest, f"{stats.counted - sum(counts.values()):,}", style="dim")
        return found

    console.print(
        f"{stats.total:,} signatories; countries, locations and URLs count the {stats.counted:,} not withdrawn.",
        highlight=False,
    )
    console.print(table("status", stats.by_status, None))
    if stats.by_group:
        console.print(table("group", stats.by_group, None))
    console.print(table("country", stats.by_country, "(none given)"))
    console.print(table("location", stats.by_location, "(none given)"))
    share = f" ({stats.with_url / stats.counted:.0%})" if stats.counted else ""
    console.print(f"With a URL: {stats.with_url:,} of {stats.counted:,}{share}.", highlight=False)
