"""HLC stamps are monotonic, merge past remote stamps, and order events across desks."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kanoon_desk.ids import HybridClock, hlc_counter, hlc_millis, new_id


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
