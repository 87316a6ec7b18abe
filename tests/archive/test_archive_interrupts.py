"""Ctrl-C during an ingest is noted and raised between documents, never lost in a finaliser."""

from __future__ import annotations

import gc
import signal
import sys
import threading

import pytest

from vbdieuhanh.archive.interrupts import noted_ctrl_c


class _Finalised:
    """An object whose finaliser is running when Ctrl-C arrives (as the garbage collector may)."""

    def __del__(self) -> None:
        signal.raise_signal(signal.SIGINT)


def _ctrl_c_in_a_finaliser() -> None:
    _Finalised()
    gc.collect()


def test_the_default_handler_loses_a_ctrl_c_in_a_finaliser(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why the note exists: raised inside ``__del__``, KeyboardInterrupt goes to
    ``sys.unraisablehook`` ("Exception ignored in …") and the program goes on."""
    dropped: list[type[BaseException] | None] = []
    monkeypatch.setattr(sys, "unraisablehook", lambda unraisable: dropped.append(unraisable.exc_type))
    _ctrl_c_in_a_finaliser()  # no KeyboardInterrupt comes out
    assert dropped == [KeyboardInterrupt]


def test_a_ctrl_c_in_a_finaliser_is_noted_and_raised_later() -> None:
    with noted_ctrl_c() as ctrl_c:
        _ctrl_c_in_a_finaliser()
        assert ctrl_c.pressed
        with pytest.raises(KeyboardInterrupt):
            ctrl_c.check()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # restored


def test_a_second_ctrl_c_raises_at_once() -> None:
    with noted_ctrl_c() as ctrl_c:
        signal.raise_signal(signal.SIGINT)
        assert ctrl_c.pressed
        with pytest.raises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)


def test_a_program_s_own_handler_is_kept() -> None:
    seen: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, frame: seen.append(signum))
    try:
        with noted_ctrl_c() as ctrl_c:
            signal.raise_signal(signal.SIGINT)
            ctrl_c.check()  # not noted: the program's handler had it
        assert seen == [signal.SIGINT] and not ctrl_c.pressed
    finally:
        signal.signal(signal.SIGINT, previous)


def test_outside_the_main_thread_nothing_is_installed() -> None:
    handlers: list[object] = []

    def run() -> None:
        with noted_ctrl_c():
            handlers.append(signal.getsignal(signal.SIGINT))

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert handlers == [signal.default_int_handler]
