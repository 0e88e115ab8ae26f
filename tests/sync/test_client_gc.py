"""The sync client's pause of the cyclic collector: nests, spans threads, restores what it found."""

from __future__ import annotations

import gc
import threading

from kanoon_desk.sync import pull


def test_pause_nests_and_restores_the_collector() -> None:
    assert gc.isenabled()
    with pull._collector_paused():
        assert not gc.isenabled()
        with pull._collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_pause_from_two_threads_ends_with_the_last() -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with pull._collector_paused():
            inside.set()
            release.wait(5)

    t = threading.Thread(target=other)
    with pull._collector_paused():
        t.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's page is still being folded
    release.set()
    t.join(5)
    assert gc.isenabled()


def test_pause_leaves_a_collector_that_was_off_off() -> None:
    gc.disable()
    try:
        with pull._collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
