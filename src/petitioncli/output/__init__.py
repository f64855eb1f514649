"""Writing outputs so that a failed or interrupted build never leaves a half-written file.

`targets` decides what an output may replace, `staging` writes a batch all
or none, `signals` turns stop signals into exceptions and holds them while
a batch is renamed.
"""

from .signals import Interrupted, stop_signals_interrupt
from .staging import write_atomic, write_outputs
from .targets import check_outputs

__all__ = ["Interrupted", "check_outputs", "stop_signals_interrupt", "write_atomic", "write_outputs"]
