"""A time budget per document: an overrun becomes that document's failure, not a stalled batch.

``deadline(seconds)`` bounds one document's extraction; when the budget runs out,
``DocumentTimeout`` is raised wherever the extraction is, and the caller turns it into a
``Failure`` while the batch goes on. ``DocumentTimeout`` derives from ``BaseException`` so
that no ``except Exception`` inside a stage swallows it.

On the main thread (``sitrep extract``, the workers of ``sitrep ingest``, a Ray task,
which Ray runs on its worker's main thread) a real-time interval timer (``SIGALRM``)
raises it. Signals reach only the main thread: on any other thread (the server's worker
thread that extracts a ``POST /api/documents`` body) a timer thread raises it in the
extracting thread instead (``PyThreadState_SetAsyncExc``). Either way Python raises it
between bytecodes, so a call into C (the parser) finishes first; the text stage parses
long texts in bounded segments (``text.segments``), which keeps that wait short.
``check()``, called between segments, raises it too.
"""

from __future__ import annotations

import ctypes
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field


class DocumentTimeout(BaseException):
    """A document's extraction ran past its budget."""

    def __init__(self, seconds: float):
        super().__init__(f"took longer than the per-document budget of {seconds:g} s (--doc-timeout)")
        self.seconds = seconds


@dataclass
class Budget:
    """One armed budget: its monotonic deadline, its length, and (off the main thread) its timer."""

    ends: float
    seconds: float
    timer: threading.Timer | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    open: bool = True  # the block still runs: the timer may raise in it
    fired: bool = False


_local = threading.local()  # each thread's armed budgets, innermost last


def active() -> list[Budget]:
    if not hasattr(_local, "budgets"):
        _local.budgets = []
    return _local.budgets


def check() -> None:
    """Raise ``DocumentTimeout`` when the innermost budget has run out."""
    budgets = active()
    if budgets and time.monotonic() >= budgets[-1].ends:
        raise DocumentTimeout(budgets[-1].seconds)


def _on_alarm(signum, frame) -> None:
    budgets = active()
    if budgets:
        raise DocumentTimeout(budgets[-1].seconds)


def _set_async_exc(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread_id), ctypes.py_object(exception) if exception is not None else None)


def _arm_thread(budget: Budget) -> None:
    """Off the main thread: a timer thread raises the timeout in this thread when the budget ends."""
    thread_id = threading.get_ident()
    seconds = budget.seconds

    class Overrun(DocumentTimeout):  # raised by class (the interpreter calls it with no argument)
        def __init__(self) -> None:
            super().__init__(seconds)

    def fire() -> None:
        with budget.lock:
            if budget.open:
                budget.fired = True
                _set_async_exc(thread_id, Overrun)

    budget.timer = threading.Timer(seconds, fire)
    budget.timer.daemon = True
    budget.timer.start()


def _disarm_thread(budget: Budget) -> None:
    with budget.lock:
        budget.open = False
        if budget.timer is not None:
            budget.timer.cancel()
        if budget.fired:  # raised already, or still pending: a pending one must not land after the block
            _set_async_exc(threading.get_ident(), None)


@contextmanager
def deadline(seconds: float | None) -> Iterator[None]:
    """Run the block under a budget of ``seconds`` (None or 0: no budget)."""
    if not seconds or seconds <= 0:
        yield
        return
    in_main = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    budgets = active()
    budget = Budget(time.monotonic() + seconds, seconds)
    budgets.append(budget)
    previous = None
    try:
        if in_main:
            previous = signal.signal(signal.SIGALRM, _on_alarm)
            signal.setitimer(signal.ITIMER_REAL, seconds)
        else:
            _arm_thread(budget)
        yield
    finally:
        if in_main:
            signal.setitimer(signal.ITIMER_REAL, 0)
        else:
            _disarm_thread(budget)
        if budget in budgets:
            budgets.remove(budget)
        if in_main:
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)
            if budgets:  # an enclosing budget: re-arm it for what remains of it
                signal.setitimer(signal.ITIMER_REAL, max(budgets[-1].ends - time.monotonic(), 0.001))
