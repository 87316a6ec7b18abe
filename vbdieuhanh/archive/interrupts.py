"""Ctrl-C during an ingest: noted by a handler, raised by the run where it can stop cleanly.

Python runs a signal handler between any two bytecodes of the main thread. The default handler
raises KeyboardInterrupt right there, and when "there" is a finaliser (a ``__del__`` or a weakref
callback the garbage collector runs) Python prints "Exception ignored" and the run goes on as if no
key had been pressed. The handler here only notes the first Ctrl-C; the run checks the note after
each document and while it waits for its workers. A second Ctrl-C raises at once (a file that takes
long to read in the run's own process).
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType


class CtrlC:
    """Whether Ctrl-C was pressed during the run."""

    def __init__(self) -> None:
        self.pressed = False

    def check(self) -> None:
        """Raise KeyboardInterrupt if Ctrl-C was pressed."""
        if self.pressed:
            raise KeyboardInterrupt

    def handle(self, signum: int, frame: FrameType | None) -> None:
        """The SIGINT handler: note the first press, raise on the second."""
        if self.pressed:
            raise KeyboardInterrupt
        self.pressed = True


@contextlib.contextmanager
def noted_ctrl_c() -> Iterator[CtrlC]:
    """Note Ctrl-C instead of raising it anywhere, while the block runs.

    Only in the main thread and when SIGINT has Python's default handler: a program that set its own
    keeps it (the note then never says pressed, and Ctrl-C works as that program decided)."""
    note = CtrlC()
    if (
        threading.current_thread() is not threading.main_thread()
        or signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield note
        return
    signal.signal(signal.SIGINT, note.handle)
    try:
        yield note
    finally:
        signal.signal(signal.SIGINT, signal.default_int_handler)
