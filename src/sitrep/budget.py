"""A time budget per document: an overrun becomes that document's failure, not a stalled batch.

``deadline(seconds)`` arms a real-time interval timer (``SIGALRM``) around one
document's extraction; when it fires, ``DocumentTimeout`` is raised wherever the
extraction is, and the caller turns it into a ``Failure`` while the batch goes on.
``DocumentTimeout`` derives from ``BaseException`` so that no ``except Exception`` inside
a stage swallows it. Python runs signal handlers between bytecodes, so a call into C
(the parser) finishes first; the text stage parses long texts in bounded segments
(``text.segments``), which keeps that wait short.

Signals reach only the main thread: elsewhere (a server's worker thread) the budget is
checked cooperatively by ``check()`` between segments.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager


class DocumentTimeout(BaseException):
    """A document's extraction ran past its budget."""

    def __init__(self, seconds: float):
        super().__init__(f"took longer than the per-document budget of {seconds:g} s (--doc-timeout)")
        self.seconds = seconds


_active: list[tuple[float, float]] = []  # (monotonic deadline, budget) of the armed budgets, innermost last


def check() -> None:
    """Raise ``DocumentTimeout`` when the innermost budget has run out."""
    if _active and time.monotonic() >= _active[-1][0]:
        raise DocumentTimeout(_active[-1][1])


def _on_alarm(signum, frame) -> None:
    if _active:
        raise DocumentTimeout(_active[-1][1])


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Run the block under a budget of ``seconds`` (None or 0: no budget)."""
    if not seconds or seconds <= 0:
        yield
        return
    in_main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    _active.append((time.monotonic() + seconds, seconds))
    previous = None
    if in_main:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        if in_main:
            signal.setitimer(signal.ITIMER_REAL, 0)
        _active.pop()
        if in_main:
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
            if _active:  # an enclosing budget: re-arm it for what remains of it
                signal.setitimer(signal.ITIMER_REAL, max(_active[-1][0] - time.monotonic(), 0.001))
