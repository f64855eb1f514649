"""Everything petitioncli changes about the Python process, in one place, and undone when the work ends.

Importing petitioncli changes nothing. A command (`cli/common.guarded`), and
each of the library's entry points for callers without the CLI (`build`,
`validate`, `loader.load`, `loader.loaded`), runs inside `tuned()`; only the
outermost block changes the process, and its end puts everything back:

- Python's cyclic garbage collector is off. Loading makes millions of small
  objects and no reference cycles, yet each batch of them sets off the
  collector, which walks the whole growing heap again: two thirds of the
  time for 100,000 signatories. Reference counting still frees everything
  acyclic; the model, once loaded, is kept out of any collection
  (`model_loaded`), and what a letter's rendering leaves in cycles is
  collected after each letter (`letter_done`) and after each layout
  (`collect_young`).
- Attributes of other libraries that a renderer replaces while the block
  runs (`change`): `render/weasyprint_engine.py` builds pydyf's page
  references once per page and stamps fontTools' fonts with the letter's
  date. Each is asked for by the module that knows the library's internals
  and only once that library is loaded, so a command that prints no PDF
  never imports it.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class _Tuned:
    collector_was_enabled: bool
    # (owner, attribute) -> the value before the first change, put back at the end.
    originals: dict[tuple[Any, str], Any] = field(default_factory=dict)


_tuned: _Tuned | None = None


@contextmanager
def tuned() -> Iterator[None]:
    """The process as petitioncli's work wants it while the block runs; as it was, after the outermost one."""
    global _tuned
    if _tuned is not None:
        yield
        return
    _tuned = _Tuned(gc.isenabled())
    gc.disable()
    try:
        yield
    finally:
        state, _tuned = _tuned, None
        for (owner, attribute), original in reversed(state.originals.items()):
            setattr(owner, attribute, original)
        gc.unfreeze()
        if state.collector_was_enabled:
            gc.enable()


def change(owner: Any, attribute: str, make: Callable[[Any], Any]) -> None:
    """Sets `owner.attribute` to `make(original)` until the outermost `tuned()` block ends, which puts the
    original back; once a block, however many letters ask for it."""
    if _tuned is None:
        raise RuntimeError(f"{owner!r}.{attribute} may only be changed inside petitioncli.process.tuned()")
    key = (owner, attribute)
    if key not in _tuned.originals:
        original = _tuned.originals[key] = getattr(owner, attribute)
        setattr(owner, attribute, make(original))


def model_loaded() -> None:
    """Keeps everything made so far (the loaded model) out of later collections, until the block ends."""
    if _tuned is not None:
        gc.freeze()


def collect_young() -> None:
    """Frees the cycles made since the last collection without walking the rest of the process."""
    if _tuned is not None:
        gc.collect(0)


def letter_done() -> None:
    """Frees the cycles a letter's rendering left; the frozen model is not walked."""
    if _tuned is not None:
        gc.collect()


def work_done() -> None:
    """A long-running command's piece of work is over (a preview's rebuild): the model it froze is let go
    and every cycle collected, so that hours of rebuilds hold one letter's memory, not hundreds."""
    if _tuned is not None:
        gc.unfreeze()
        gc.collect()
