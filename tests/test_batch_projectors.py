"""A batch projector leaves exactly what its projector, applied event by event, leaves."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from kanoon_desk import eventlog
from kanoon_desk.eventlog import EventRecord, apply, apply_all
from kanoon_desk.ids import new_id
from kanoon_desk.models import Holiday
from kanoon_desk.store import Store

from .factories import make_desk

_NOW = datetime(2026, 3, 1, tzinfo=UTC)


def _holiday(day: int, title: str | None, hlc: int) -> EventRecord:
    payload = {"removed": True} if title is None else {"title": title}
    return EventRecord(new_id(), "holiday.set", "holiday", (date(2026, 3, 1) + timedelta(days=day)).isoformat(),
                       payload, hlc, "d", "13", "u", _NOW)


# a day set, set again, removed and set again within one run; titles in Persian
_STEPS = st.lists(st.tuples(st.integers(0, 4), st.one_of(st.none(), st.sampled_from(["نوروز", "تاسوعا", "عاشورا"]))),
                  min_size=2, max_size=30)


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    store, _ = make_desk(tmp_path_factory.mktemp("batch") / "d.sqlite3")
    yield store
    store.close()


def _holidays(s: Session) -> dict[date, str]:
    return {h.day: h.title for h in s.scalars(select(Holiday))}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=_STEPS)
def test_holiday_batch_equals_one_by_one(desk: Store, steps: list[tuple[int, str | None]]) -> None:
    events = [_holiday(day, title, 1000 + i) for i, (day, title) in enumerate(steps)]
    with desk.transaction() as s:  # one by one, read, undone
        for ev in events:
            apply(s, ev)
        want = _holidays(s)
        s.rollback()
    with desk.transaction() as s:  # the same events as runs
        apply_all(s, events)
        s.expunge_all()
        got = _holidays(s)
        s.rollback()
    assert got == want
    last: dict[int, str | None] = {}  # the last word per day decides
    for day, title in steps:
        last[day] = title
    assert len(want) == sum(1 for t in last.values() if t is not None)


def test_batch_form_is_used_for_a_run_and_not_while_objects_are_held(tmp_path: Path) -> None:
    store, _ = make_desk(tmp_path / "d.sqlite3")
    seen: list[int] = []
    original = eventlog._BATCH_PROJECTORS["holiday.set"]

    def counting(s: object, run: list[eventlog.FoldEvent]) -> None:
        seen.append(len(run))
        original(s, run)  # type: ignore[arg-type]

    eventlog._BATCH_PROJECTORS["holiday.set"] = counting
    try:
        with store.transaction() as s:
            apply_all(s, [_holiday(i, "روز", 10 + i) for i in range(3)])
        assert seen == [3]
        with store.transaction() as s:
            held = s.scalars(select(Holiday)).first()  # an object in the session: one by one
            assert held is not None
            apply_all(s, [_holiday(0, "عید", 20), _holiday(1, "عید", 21)])
            assert held.title == "عید"  # the held object saw the fold's write
        assert seen == [3]
    finally:
        eventlog._BATCH_PROJECTORS["holiday.set"] = original


def test_deferred_work_runs_once_per_key_when_the_outermost_block_ends(tmp_path: Path) -> None:
    store, _ = make_desk(tmp_path / "d.sqlite3")
    ran: list[str] = []
    with store.transaction() as s:
        assert not eventlog.defer(s, "a", lambda: ran.append("now"))  # no block: the caller runs it
        with eventlog.deferring(s):
            assert eventlog.defer(s, "copy-1", lambda: ran.append("copy-1"))
            with eventlog.deferring(s):  # nested: still queued for the outer block
                assert eventlog.defer(s, "copy-2", lambda: ran.append("copy-2"))
                assert eventlog.defer(s, "copy-1", lambda: ran.append("copy-1 again"))
            assert ran == []
        assert ran == ["copy-1", "copy-2"]
        assert not eventlog.defer(s, "copy-3", lambda: None)
