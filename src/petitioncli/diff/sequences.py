"""Which items two sequences share, in order, in time near-linear in their length.

`difflib.SequenceMatcher(autojunk=False)` alone takes time quadratic in the
length of what it compares (88 s for 32,000 words with one changed). Here
it only sees small ranges: common starts and ends are matched first, then
a small range is left to `difflib`; a large one gets Myers' shortest edit
script while that stays cheap (a few changes), else the items found exactly
once on each side anchor the rest (patience diff, as `git diff --patience`)
and each range between two anchors is matched the same way. A range past
the work budget is reported as replaced: a coarser diff, never a slower one.
"""

from __future__ import annotations

import bisect
import difflib
from collections.abc import Hashable, Sequence

# The most item pairs (old × new) difflib may look at in one range.
SMALL_RANGE = 40_000
# Every comparison step counts; past this many per item the rest is left unmatched.
WORK_PER_ITEM = 40
BASE_WORK = 1_000_000
# Myers' search keeps a frontier for each edit: more edits than this are found by anchors instead.
MOST_EDITS = 1_000

Block = tuple[int, int, int]  # i, j, size: a[i:i+size] == b[j:j+size]
Opcode = tuple[str, int, int, int, int]


def matching_blocks(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Block]:
    """The runs of equal items, in order, as `SequenceMatcher.get_matching_blocks` gives them (without its sentinel)."""
    budget = BASE_WORK + WORK_PER_ITEM * (len(a) + len(b))
    found: list[Block] = []
    # Ranges still to match, the next one last, so that blocks come out in order.
    pending: list[tuple[int, int, int, int] | Block] = [(0, len(a), 0, len(b))]
    while pending:
        task = pending.pop()
        if len(task) == 3:
            found.append(task)  # an anchor, placed between the ranges either side of it
            continue
        a_lo, a_hi, b_lo, b_hi = task
        start = _common_start(a, b, a_lo, a_hi, b_lo, b_hi)
        end = _common_end(a, b, a_lo + start, a_hi, b_lo + start, b_hi)
        budget -= start + end
        if start:
            found.append((a_lo, b_lo, start))
        middle = (a_lo + start, a_hi - end, b_lo + start, b_hi - end)
        tail = [(a_hi - end, b_hi - end, end)] if end else []
        inner = _inner(a, b, *middle, budget) if budget > 0 else ([], 0)
        budget -= inner[1]
        # Pushed in reverse: the tail block, then the middle's parts, come out in order.
        pending.extend(tail)
        pending.extend(reversed(inner[0]))
    return _merged(found)


def _inner(
    a: Sequence[Hashable], b: Sequence[Hashable], a_lo: int, a_hi: int, b_lo: int, b_hi: int, budget: int
) -> tuple[list, int]:
    """The parts a range splits into (sub-ranges and anchors, in order), and the work it took."""
    if a_lo == a_hi or b_lo == b_hi:
        return [], 0
    size = (a_hi - a_lo) * (b_hi - b_lo)
    if size <= SMALL_RANGE:
        matcher = difflib.SequenceMatcher(None, a[a_lo:a_hi], b[b_lo:b_hi], autojunk=False)
        blocks = [(a_lo + i, b_lo + j, n) for i, j, n in matcher.get_matching_blocks() if n]
        return blocks, size
    # A few changes in a long range: the shortest edit script, while it stays cheap.
    shortest, spent = _shortest_edit(a, b, a_lo, a_hi, b_lo, b_hi, budget // 2)
    if shortest is not None:
        return shortest, spent
    # Many changes: the items both sides hold once split the range into smaller ones.
    anchors = _unique_anchors(a, b, a_lo, a_hi, b_lo, b_hi)
    spent += (a_hi - a_lo) + (b_hi - b_lo)
    if not anchors:
        return [], spent  # the range is replaced as a whole
    parts: list = []
    i_prev, j_prev = a_lo, b_lo
    run_i, run_j, run = a_lo, b_lo, 0
    for i, j in anchors:
        if i == i_prev and j == j_prev and run:
            run += 1  # the next anchor follows on both sides: one run, not a range between them
        else:
            if run:
                parts.append((run_i, run_j, run))
            parts.append((i_prev, i, j_prev, j))
            run_i, run_j, run = i, j, 1
        i_prev, j_prev = i + 1, j + 1
    parts.append((run_i, run_j, run))
    parts.append((i_prev, a_hi, j_prev, b_hi))
    return parts, spent


def _shortest_edit(
    a: Sequence[Hashable], b: Sequence[Hashable], a_lo: int, a_hi: int, b_lo: int, b_hi: int, budget: int
) -> tuple[list[Block] | None, int]:
    """Myers' O((N+M)·D) greedy diff of the range; None when it would cost more than `budget` comparisons."""
    n, m = a_hi - a_lo, b_hi - b_lo
    most = min(n + m, MOST_EDITS, max(budget // (n + m), 1))
    offset = most + 1
    frontier = [0] * (2 * most + 3)
    trace: list[list[int]] = []
    spent = 0
    for d in range(most + 1):
        trace.append(frontier[:])
        for k in range(-d, d + 1, 2):
            if k == -d or (k != d and frontier[offset + k - 1] < frontier[offset + k + 1]):
                x = frontier[offset + k + 1]
            else:
                x = frontier[offset + k - 1] + 1
            y = x - k
            start = x
            while x < n and y < m and a[a_lo + x] == b[b_lo + y]:
                x += 1
                y += 1
            spent += x - start + 1
            frontier[offset + k] = x
            if x >= n and y >= m:
                return _snakes(trace, offset, n, m, a_lo, b_lo), spent
        if spent > budget:
            break
    return None, spent


def _snakes(trace: list[list[int]], offset: int, x: int, y: int, a_lo: int, b_lo: int) -> list[Block]:
    """The diagonal runs of the path Myers' search found, followed back from its end."""
    blocks: list[Block] = []
    for d in range(len(trace) - 1, -1, -1):
        frontier, k = trace[d], x - y
        if k == -d or (k != d and frontier[offset + k - 1] < frontier[offset + k + 1]):
            previous_k = k + 1
        else:
            previous_k = k - 1
        previous_x = frontier[offset + previous_k]
        previous_y = previous_x - previous_k
        run = min(x - previous_x, y - previous_y) if d else min(x, y)
        if run > 0:
            blocks.append((a_lo + x - run, b_lo + y - run, run))
        x, y = previous_x, previous_y
    return blocks[::-1]


def _unique_anchors(
    a: Sequence[Hashable], b: Sequence[Hashable], a_lo: int, a_hi: int, b_lo: int, b_hi: int
) -> list[tuple[int, int]]:
    """The items found exactly once in each range, paired, longest run of pairs in the same order on both sides."""
    seen_a: dict[Hashable, int] = {}
    for i in range(a_lo, a_hi):
        seen_a[a[i]] = -1 if a[i] in seen_a else i
    seen_b: dict[Hashable, int] = {}
    for j in range(b_lo, b_hi):
        item = b[j]
        if seen_a.get(item, -1) >= 0:
            seen_b[item] = -1 if item in seen_b else j
    pairs = sorted((seen_a[item], j) for item, j in seen_b.items() if j >= 0)
    return _longest_increasing(pairs)


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of pairs (sorted by their first) whose seconds increase: patience sorting."""
    tops: list[int] = []  # the second of the pile's top pair
    top_index: list[int] = []
    previous: list[int] = []
    for index, (_, j) in enumerate(pairs):
        pile = bisect.bisect_left(tops, j)
        previous.append(top_index[pile - 1] if pile else -1)
        if pile == len(tops):
            tops.append(j)
            top_index.append(index)
        else:
            tops[pile] = j
            top_index[pile] = index
    chain: list[tuple[int, int]] = []
    index = top_index[-1] if top_index else -1
    while index >= 0:
        chain.append(pairs[index])
        index = previous[index]
    return chain[::-1]


def _common_start(a: Sequence[Hashable], b: Sequence[Hashable], a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> int:
    count, most = 0, min(a_hi - a_lo, b_hi - b_lo)
    while count < most and a[a_lo + count] == b[b_lo + count]:
        count += 1
    return count


def _common_end(a: Sequence[Hashable], b: Sequence[Hashable], a_lo: int, a_hi: int, b_lo: int, b_hi: int) -> int:
    count, most = 0, min(a_hi - a_lo, b_hi - b_lo)
    while count < most and a[a_hi - 1 - count] == b[b_hi - 1 - count]:
        count += 1
    return count


def _merged(blocks: list[Block]) -> list[Block]:
    """Adjacent runs joined into one, as difflib reports them."""
    merged: list[Block] = []
    for i, j, size in blocks:
        if merged and merged[-1][0] + merged[-1][2] == i and merged[-1][1] + merged[-1][2] == j:
            last = merged.pop()
            merged.append((last[0], last[1], last[2] + size))
        else:
            merged.append((i, j, size))
    return merged


def opcodes(a: Sequence[Hashable], b: Sequence[Hashable]) -> list[Opcode]:
    """How to turn `a` into `b`, as `SequenceMatcher.get_opcodes` says it: equal, replace, delete, insert."""
    found: list[Opcode] = []
    i = j = 0
    for block_i, block_j, size in [*matching_blocks(a, b), (len(a), len(b), 0)]:
        tag = {(True, True): "replace", (True, False): "delete", (False, True): "insert"}.get(
            (i < block_i, j < block_j)
        )
        if tag:
            found.append((tag, i, block_i, j, block_j))
        if size:
            found.append(("equal", block_i, block_i + size, block_j, block_j + size))
        i, j = block_i + size, block_j + size
    return found
