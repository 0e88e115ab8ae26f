"""HLC stamps are monotonic, merge past remote stamps, and order events across desks."""

from __future__ import annotations

import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kanoon_desk.ids import MAX_STAMP, HybridClock, hlc_counter, hlc_millis, hlc_pack, new_id


def test_new_ids_are_unique_uuid7() -> None:
    ids = [new_id() for _ in range(2000)]
    assert len(set(ids)) == 2000
    assert all(i[14] == "7" for i in ids)  # version nibble


def test_clock_is_monotonic_when_wall_clock_goes_back() -> None:
    wall = iter([1000, 1000, 999, 500, 2000])
    clock = HybridClock(wall=lambda: next(wall))
    stamps = [clock.now() for _ in range(5)]
    assert stamps == sorted(stamps) and len(set(stamps)) == 5
    assert hlc_millis(stamps[3]) == 1000 and hlc_counter(stamps[3]) == 3
    assert hlc_millis(stamps[4]) == 2000 and hlc_counter(stamps[4]) == 0


@given(st.lists(st.tuples(st.booleans(), st.integers(0, 10_000)), min_size=1, max_size=60))
def test_merge_never_goes_back_and_passes_remote(ops: list[tuple[bool, int]]) -> None:
    t = [100]
    clock = HybridClock(wall=lambda: t[0])
    last = 0
    for is_remote, value in ops:
        t[0] += 1
        if is_remote:
            remote = value << 16
            stamp = clock.merge(remote)
            assert stamp > remote
        else:
            stamp = clock.now()
        assert stamp > last
        last = stamp


def test_seeded_clock_continues_after_restart() -> None:
    first = HybridClock(wall=lambda: 5000)
    s = first.now()
    again = HybridClock(last=s, wall=lambda: 4000)  # restarted with a clock that went back
    assert again.now() > s


YEAR_MS = 365 * 24 * 3600 * 1000


def test_merge_does_not_follow_a_stamp_far_ahead_of_the_trusted_clock() -> None:
    wall = [10_000_000]
    clock = HybridClock(wall=lambda: wall[0])
    before = clock.now()
    poisoned = 2**63 - 2  # a stamp near the integers' end, once pushed by a desk
    stamp = clock.merge(poisoned)
    assert before < stamp < hlc_pack(wall[0] + 1, 0) and clock.refused_ahead_ms > YEAR_MS
    for _ in range(3):  # and the clock goes on from its own time: no overflow ever
        assert clock.now() < MAX_STAMP
    assert hlc_millis(clock.merge(hlc_pack(wall[0] + 60_000, 5))) == wall[0] + 60_000  # a minute ahead: followed


def test_a_clock_behind_the_server_follows_the_servers_stamps_by_years() -> None:
    """A desk whose battery died (its wall clock years behind) is told the server's time with each
    reply: the server's stamps are not "far ahead" of that, so its events still order after them."""
    server_now = 1_800_000_000_000
    clock = HybridClock(wall=lambda: server_now - 25 * YEAR_MS)
    stamp = clock.merge(hlc_pack(server_now, 3), reference_ms=server_now)
    assert hlc_millis(stamp) == server_now and clock.refused_ahead_ms == 0
    assert clock.now() > stamp


def test_a_clock_run_ahead_goes_back_to_the_wall_clock_once_it_is_set_right() -> None:
    server_now = 1_800_000_000_000
    wall = [server_now + YEAR_MS]  # a year ahead
    mono = [0.0]
    clock = HybridClock(wall=lambda: wall[0], monotonic=lambda: mono[0])
    clock.merge(hlc_pack(server_now, 0), reference_ms=server_now)
    ahead = clock.now()
    assert hlc_millis(ahead) == server_now + YEAR_MS  # still wrong: its stamps are what its clock says
    mono[0] += 60  # a minute later the clerk sets the clock right
    wall[0] = server_now + 60_000
    mended = clock.now()
    assert hlc_millis(mended) == server_now + 60_000 and clock.dropped_ahead_ms > YEAR_MS - 120_000
    assert clock.now() > mended  # and from there on it is monotonic again


def test_a_clock_set_back_wrongly_keeps_its_order() -> None:
    """A clock that was right and is set back by a day keeps stamping after its last stamp (the
    hybrid clock's promise): only a stamp far ahead of the server's time is dropped."""
    server_now = 1_800_000_000_000
    wall = [server_now]
    clock = HybridClock(wall=lambda: wall[0], monotonic=lambda: 0.0)
    clock.merge(hlc_pack(server_now, 0), reference_ms=server_now)
    last = clock.now()
    wall[0] -= 24 * 3600 * 1000
    assert clock.now() > last


def test_a_seed_near_the_end_of_the_integers_never_overflows() -> None:
    clock = HybridClock(last=2**63 - 2, wall=lambda: 10_000_000)
    stamps = [clock.now() for _ in range(4)]
    assert all(s <= MAX_STAMP for s in stamps)
    assert hlc_millis(stamps[-1]) == 10_000_000


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the sleep is played on Linux's CLOCK_BOOTTIME")
def test_the_servers_time_a_desk_trusts_runs_on_while_the_laptop_sleeps(monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk carried the server's time forward on `time.monotonic`, which stops while a laptop is
    suspended: woken after a night, it took the server's time for the evening before."""
    clock = HybridClock()
    server_now = time.time_ns() // 1_000_000
    clock.merge(hlc_pack(server_now, 0), reference_ms=server_now)
    real_clock = time.clock_gettime
    night_s = 8 * 3600
    monkeypatch.setattr(time, "clock_gettime",
                        lambda which: real_clock(which) + (night_s if which == time.CLOCK_BOOTTIME else 0))
    trusted = clock.trusted_ms()
    assert trusted is not None and trusted - server_now >= night_s * 1000
