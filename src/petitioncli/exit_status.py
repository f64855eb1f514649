"""What `petition` exits with, every command alike: one enum, as httpie's `ExitStatus`.

docs/reference/exit-codes.md holds the table `markdown_table()` makes
(`make readme` rewrites it; a test fails while it is stale).
"""

from __future__ import annotations

import enum


class ExitStatus(enum.IntEnum):
    """The exit status of a command, with what it means to whoever runs it."""

    SUCCESS = 0
    PROBLEMS = 1
    UNREADABLE = 2
    # What a shell reports for a process a signal ended: 128 + the signal's number.
    SIGHUP = 129
    SIGINT = 130
    SIGTERM = 143

    @classmethod
    def of_signal(cls, signum: int) -> ExitStatus:
        """The status of a command a stop signal (SIGHUP, SIGINT, SIGTERM) ended."""
        return cls(128 + signum)

    @property
    def meaning(self) -> str:
        return _MEANINGS[self]


_MEANINGS = {
    ExitStatus.SUCCESS: "success: no errors (warnings allowed unless `--strict`)",
    ExitStatus.PROBLEMS: "the data has errors, or warnings under `--strict`; a command refused what it was asked "
    "(an entry that would be a duplicate, a file in `init`'s way, a list changed while it was being edited); "
    "`signatories import` rejected a row; `diff --exit-code` found differences; the reader of standard output "
    "went away (as Click exits)",
    ExitStatus.UNREADABLE: "usage error (an unknown option or value), no project found, a file that is missing, not "
    "UTF-8, over its size limit or cannot be read (`file-missing`, `file-encoding`, `file-too-large`, "
    "`file-unreadable`), or an unexpected failure",
    ExitStatus.SIGHUP: "ended by SIGHUP (the terminal closed); no file is left half-written",
    ExitStatus.SIGINT: "ended by SIGINT (Ctrl-C); no file is left half-written",
    ExitStatus.SIGTERM: "ended by SIGTERM (`kill`, a cancelled CI job); no file is left half-written",
}


def markdown_table() -> str:
    """docs/reference/exit-codes.md's table, from the enum."""
    lines = ["| code | name | meaning |", "| --- | --- | --- |"]
    lines += [f"| {status.value} | `{status.name}` | {status.meaning} |" for status in ExitStatus]
    return "\n".join(lines)
